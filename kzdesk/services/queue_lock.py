"""One process at a time runs the jobs of a data folder.

The holder keeps an OS-level lock on ``<data>/kzdesk-queue.lock`` (``filelock``: ``flock`` on POSIX,
``LockFileEx`` on Windows), which the OS releases when the process ends, however it ends. Only
the holder recovers interrupted jobs and claims queued ones, so a second kzdesk (a terminal
beside the window, a ``kzdesk resume`` started twice) never takes a job that is running and
never uploads it a second time. Who holds it is written to ``<data>/kzdesk-queue.owner`` so that the
others can say so.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock, Timeout

from kzdesk.core.i18n import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

LOCK_FILE = "kzdesk-queue.lock"
OWNER_FILE = "kzdesk-queue.owner"

WINDOW = "window"
TERMINAL = "terminal"

HELD_BY_WINDOW = QT_TRANSLATE_NOOP(
    "Messages", "The kzdesk window (process {pid}) is working on this queue."
)
HELD_BY_TERMINAL = QT_TRANSLATE_NOOP(
    "Messages", "kzdesk in a terminal (process {pid}) is working on this queue."
)
HELD_BY_UNKNOWN = QT_TRANSLATE_NOOP("Messages", "Another kzdesk is working on this queue.")


@dataclass(frozen=True)
class Holder:
    pid: int
    program: str  # WINDOW or TERMINAL
    since: float

    def sentence(self) -> str:
        template = HELD_BY_WINDOW if self.program == WINDOW else HELD_BY_TERMINAL
        return template.format(pid=self.pid)


class QueueLock:
    """``acquire()`` never waits: it says whether this process now runs the queue."""

    def __init__(self, data_dir: str | Path, program: str) -> None:
        self.data_dir = Path(data_dir)
        self.program = program
        self._lock = FileLock(str(self.data_dir / LOCK_FILE), mode=0o600, thread_local=False)
        self._held = False

    @property
    def held(self) -> bool:
        return self._held

    def acquire(self) -> bool:
        if self._held:
            return True
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            return False
        self._held = True
        self._write_owner()
        return True

    def release(self) -> None:
        if not self._held:
            return
        self._held = False
        with contextlib.suppress(OSError):
            (self.data_dir / OWNER_FILE).unlink()
        self._lock.release()

    def holder(self) -> Holder | None:
        """Who holds the queue now (None when nobody does, or this process does)."""
        if self._held:
            return None
        if self.acquire():  # free: nobody holds it
            self.release()
            return None
        try:
            raw = json.loads((self.data_dir / OWNER_FILE).read_text(encoding="utf-8"))
            return Holder(int(raw["pid"]), str(raw["program"]), float(raw["since"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None  # held, but the owner has not written its name yet

    def describe_holder(self) -> str:
        found = self.holder()
        return found.sentence() if found is not None else HELD_BY_UNKNOWN

    def _write_owner(self) -> None:
        path = self.data_dir / OWNER_FILE
        data = {"pid": os.getpid(), "program": self.program, "since": time.time()}
        tmp = path.with_name(f".{OWNER_FILE}.{os.getpid()}")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh)
            os.replace(tmp, path)
        except OSError:
            log.warning("could not write %s", path, exc_info=True)
            with contextlib.suppress(OSError):
                tmp.unlink()

    def __enter__(self) -> QueueLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
