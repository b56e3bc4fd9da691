"""The CLI's side of an unusable data folder: one sentence instead of a traceback, and
``kzdesk reset-queue`` for a damaged queue database."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from kzdesk.services import data_folder, disk_space
from kzdesk.services.data_folder import DataFolderError

log = logging.getLogger(__name__)

EXIT_DATA_FOLDER = 3  # the data folder (or its disk) cannot be used

RESET_COMMAND = "reset-queue"


def add_commands(sub: argparse._SubParsersAction) -> None:
    sub.add_parser(
        RESET_COMMAND,
        help="when the queue database is damaged: move it aside (nothing is deleted) and "
        "start with an empty queue",
    )


def reset_queue(data_dir: str | None) -> int:
    root = Path(data_dir) if data_dir else data_folder.default_data_dir()
    try:
        print(data_folder.reset_queue(root))
    except DataFolderError as exc:
        return report(exc)
    return 0


def report(exc: DataFolderError) -> int:
    print(exc.message, file=sys.stderr)
    return EXIT_DATA_FOLDER


def report_failure(exc: BaseException, data_dir: Path) -> int:
    """A SQLite or file-system failure while a command ran: the sentence, the details in
    the log. Raises ``exc`` again when it is not about the data folder or a disk."""
    log.error("stopped by a storage failure", exc_info=exc)
    found = data_folder.describe(exc, data_dir)
    if found is None:
        raise exc
    if found.kind is data_folder.Problem.DISK_FULL and isinstance(exc, OSError) and exc.filename:
        found = DataFolderError(
            found.kind, disk_space.not_saved_message(Path(exc.filename).parent), found.path
        )
    return report(found)
