"""The log file: readable only by the user, and quiet when it cannot be written.

Logging is best effort. A full disk, a folder that went read-only or vanished must not print
"--- Logging error ---" with a traceback on the terminal (the standard handler's way), nor
stop the job that was logging: such records are dropped, and writing resumes by itself once
the file can be written again.
"""

from __future__ import annotations

import contextlib
import io
import logging
import logging.handlers
import os
import sys
from pathlib import Path
from typing import cast

from kzdesk.services import privacy

MAX_BYTES = 2_000_000
BACKUPS = 5


class LogFileHandler(logging.handlers.RotatingFileHandler):
    def __init__(self, path: Path) -> None:
        super().__init__(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")

    def _open(self) -> io.TextIOWrapper:
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(self.baseFilename, flags, privacy.PRIVATE_FILE)
        if privacy.applies():
            with contextlib.suppress(OSError):  # a file an older kzdesk left readable
                os.fchmod(fd, privacy.PRIVATE_FILE)
        # the handler's mode is text ("a"): open gives a TextIOWrapper
        return cast(
            io.TextIOWrapper, open(fd, self.mode, encoding=self.encoding, errors=self.errors)
        )

    def handleError(self, record: logging.LogRecord) -> None:
        if isinstance(sys.exc_info()[1], OSError):
            return  # disk full, read-only, gone: the record is lost, the program goes on
        super().handleError(record)


def open_log(directory: Path) -> LogFileHandler | None:
    """A handler writing ``directory``/kzdesk.log, or None when it cannot be created."""
    try:
        privacy.make_dir(directory)
        return LogFileHandler(directory / "kzdesk.log")
    except OSError:
        return None
