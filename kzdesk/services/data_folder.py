"""Opening the data folder, and one sentence for each way it can be unusable.

The folder may be a file, on a read-only disk, not writable for the user, full; its database
may be damaged (not a database, truncated) or written by a newer kzdesk. Each case becomes a
:class:`DataFolderError` that names the path and says what to do. Nothing is ever deleted or
overwritten here: a damaged database is only moved aside on request (:func:`set_aside`,
``kzdesk reset-queue`` or the window's start-up dialog), with the converted audio of its jobs.
"""

from __future__ import annotations

import contextlib
import enum
import errno
import logging
import os
import sqlite3
import time
from pathlib import Path

from kzdesk.core.i18n import QT_TRANSLATE_NOOP
from kzdesk.services import disk_space, privacy
from kzdesk.services.queue_lock import TERMINAL, QueueLock
from kzdesk.storage.db import DB_FILE, Database, DatabaseTooNew
from kzdesk.storage.db import default_data_dir as default_data_dir  # the window starts there

log = logging.getLogger(__name__)

# The database and what belongs to it: moved aside together when it is damaged.
DATABASE_FILES = (DB_FILE, f"{DB_FILE}-wal", f"{DB_FILE}-shm", f"{DB_FILE}-journal")
JOB_AUDIO = "audio"  # converted audio per job id: the next queue's ids start again at 1
ASIDE_PREFIX = "damaged-"


class Problem(enum.StrEnum):
    NOT_A_FOLDER = "not_a_folder"
    READ_ONLY = "read_only"
    NOT_WRITABLE = "not_writable"
    UNUSABLE = "unusable"  # an I/O error or another refusal of the system
    DAMAGED = "damaged"
    TOO_NEW = "too_new"
    BUSY = "busy"
    DISK_FULL = "disk_full"


# Problems that moving the database aside solves (kzdesk reset-queue, the start-up dialog).
RESETTABLE = frozenset({Problem.DAMAGED, Problem.TOO_NEW})

_MESSAGES: dict[Problem, str] = {
    Problem.NOT_A_FOLDER: QT_TRANSLATE_NOOP(
        "Messages",
        "The data folder {path} is a file, not a folder. Rename or move that file, or choose "
        "another data folder (--data-dir).",
    ),
    Problem.READ_ONLY: QT_TRANSLATE_NOOP(
        "Messages",
        "The data folder {path} is on a read-only disk, so kzdesk cannot keep its queue there. "
        "Make the disk writable, or choose another data folder (--data-dir).",
    ),
    Problem.NOT_WRITABLE: QT_TRANSLATE_NOOP(
        "Messages",
        "kzdesk is not allowed to write to {path}. Give your user permission to write there, "
        "or choose another data folder (--data-dir).",
    ),
    Problem.DAMAGED: QT_TRANSLATE_NOOP(
        "Messages",
        "The queue database {path} is damaged and cannot be opened. Restore it from a backup, "
        "or run “kzdesk reset-queue” to start with an empty queue (the damaged file is kept).",
    ),
    Problem.TOO_NEW: QT_TRANSLATE_NOOP(
        "Messages",
        "The queue database {path} was written by a newer version of kzdesk. Update kzdesk to "
        "open it, or choose another data folder (--data-dir).",
    ),
    Problem.BUSY: QT_TRANSLATE_NOOP(
        "Messages",
        "The queue database {path} stayed locked by another program. Close other kzdesk "
        "windows and commands, then try again.",
    ),
}
PARENT_IS_A_FILE = QT_TRANSLATE_NOOP(
    "Messages",
    "The data folder {path} cannot be made because {parent} is a file. Choose another data "
    "folder (--data-dir).",
)
BROKEN_LINK = QT_TRANSLATE_NOOP(
    "Messages",
    "The data folder {path} is a link to {target}, which does not exist. Connect the disk it "
    "points to, or choose another data folder (--data-dir).",
)
UNUSABLE = QT_TRANSLATE_NOOP(
    "Messages",
    "kzdesk cannot use {path} ({reason}). Check the disk, or choose another data folder "
    "(--data-dir).",
)
IN_USE = QT_TRANSLATE_NOOP("Messages", "{holder} Close it first, then set the damaged queue aside.")
RESET_DONE = QT_TRANSLATE_NOOP(
    "Messages",
    "Started an empty queue in {folder}. The damaged database is kept as {aside}.",
)
RESET_NOT_NEEDED = QT_TRANSLATE_NOOP(
    "Messages",
    "The queue database {path} opens normally, so nothing was changed.",
)


class DataFolderError(Exception):
    """The data folder cannot be used; ``message`` says why and what to do."""

    def __init__(self, kind: Problem, message: str, path: Path) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.path = path  # the folder or the file the sentence names


def problem(kind: Problem, path: Path) -> DataFolderError:
    return DataFolderError(kind, _MESSAGES[kind].format(path=path), path)


# ---- opening --------------------------------------------------------------------------------
def open_database(root: Path) -> Database:
    """The data folder's database, the folder made (private) first. Raises DataFolderError."""
    root = Path(root)
    created = prepare_folder(root)
    privacy.tighten(root, created=created)
    with contextlib.suppress(OSError):  # the converted audio's folder, private from the start
        privacy.make_dir(root / JOB_AUDIO)
    try:
        return Database.in_dir(root)
    except Exception as exc:
        found = describe(exc, root)
        if found is None:
            raise
        log.info("the data folder %s cannot be used: %s", root, exc)
        raise found from exc


def prepare_folder(root: Path) -> bool:
    """Make sure ``root`` is a folder kzdesk can write in; True when it was created now."""
    try:
        created = privacy.make_dir(root)
    except FileExistsError as exc:  # a file, or a link to nowhere
        raise _not_a_folder(root) from exc
    except NotADirectoryError as exc:
        raise _not_a_folder(root) from exc
    except OSError as exc:
        raise _from_os_error(exc, root) from exc
    if not root.is_dir():
        raise _not_a_folder(root)
    _check_writable(root)
    return created


def _not_a_folder(root: Path) -> DataFolderError:
    if root.is_symlink() and not root.exists():
        target = os.readlink(root)
        return DataFolderError(
            Problem.NOT_A_FOLDER, BROKEN_LINK.format(path=root, target=target), root
        )
    if root.exists():
        return problem(Problem.NOT_A_FOLDER, root)
    parent = next((p for p in root.parents if p.exists() and not p.is_dir()), root.parent)
    return DataFolderError(
        Problem.NOT_A_FOLDER, PARENT_IS_A_FILE.format(path=root, parent=parent), parent
    )


def _check_writable(root: Path) -> None:
    """Create and remove an empty file: a read-only disk or missing permission shows here,
    in plain words, instead of as SQLite's "unable to open database file"."""
    probe = root / f".kzdesk-write-check-{os.getpid()}"
    try:
        fd = _create_probe(probe)
    except OSError as exc:
        if disk_space.is_disk_full(exc):
            return  # reading still works; a write says so when it happens
        raise _from_os_error(exc, root) from exc
    os.close(fd)
    with contextlib.suppress(OSError):
        probe.unlink()


def _create_probe(path: Path) -> int:
    return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, privacy.PRIVATE_FILE)


# ---- what went wrong ------------------------------------------------------------------------
def describe(exc: BaseException, root: Path) -> DataFolderError | None:
    """The DataFolderError for a failure met while using the data folder ``root``, or None
    when it is not a data-folder problem."""
    database = Path(root) / DB_FILE
    if isinstance(exc, DataFolderError):
        return exc
    if disk_space.is_disk_full(exc, root):
        return DataFolderError(Problem.DISK_FULL, disk_space.not_saved_message(root), root)
    if isinstance(exc, DatabaseTooNew):
        return problem(Problem.TOO_NEW, database)
    if isinstance(exc, sqlite3.Error):
        return _from_sqlite_error(exc, root)
    if isinstance(exc, OSError):
        return _from_os_error(exc, Path(exc.filename) if exc.filename else root)
    return None


def _from_sqlite_error(exc: sqlite3.Error, root: Path) -> DataFolderError:
    database = root / DB_FILE
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    text = str(exc)
    if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB) or (
        "malformed" in text or "not a database" in text
    ):
        return problem(Problem.DAMAGED, database)
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "locked" in text:
        return problem(Problem.BUSY, database)
    if code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_CANTOPEN):
        return problem(Problem.READ_ONLY if _read_only_disk(root) else Problem.NOT_WRITABLE, root)
    return DataFolderError(Problem.UNUSABLE, UNUSABLE.format(path=database, reason=text), database)


def _from_os_error(exc: OSError, path: Path) -> DataFolderError:
    if exc.errno == errno.EROFS:
        return problem(Problem.READ_ONLY, path)
    if exc.errno in (errno.EACCES, errno.EPERM):
        return problem(Problem.NOT_WRITABLE, path)
    if exc.errno in (errno.ENOTDIR, errno.EEXIST):
        return _not_a_folder(path)
    if disk_space.is_disk_full(exc):
        return DataFolderError(Problem.DISK_FULL, disk_space.not_saved_message(path), path)
    reason = exc.strerror or type(exc).__name__
    return DataFolderError(Problem.UNUSABLE, UNUSABLE.format(path=path, reason=reason), path)


def _read_only_disk(root: Path) -> bool:
    try:
        return bool(os.statvfs(root).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs on Windows
        return False


# ---- a damaged database ---------------------------------------------------------------------
def aside_folder(root: Path, now: float | None = None) -> Path:
    """Where :func:`set_aside` would move the damaged database now (a new folder)."""
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(now))
    target = Path(root) / f"{ASIDE_PREFIX}{stamp}"
    n = 2
    while target.exists():
        target = Path(root) / f"{ASIDE_PREFIX}{stamp}-{n}"
        n += 1
    return target


def set_aside(root: Path, target: Path | None = None, *, program: str = TERMINAL) -> Path:
    """Move the database (with its WAL and SHM files) and the converted audio of its jobs
    into a new folder ``target`` inside ``root``; return the database's new path. Nothing is
    deleted: the damaged file can still be sent to support or repaired.

    Raises DataFolderError while another kzdesk runs this queue (its jobs use those files)."""
    root = Path(root)
    lock = QueueLock(root, program)
    if not lock.acquire():
        raise DataFolderError(
            Problem.BUSY, IN_USE.format(holder=lock.describe_holder()), root / DB_FILE
        )
    try:
        target = target or aside_folder(root)
        privacy.make_dir(target)
        for name in (*DATABASE_FILES, JOB_AUDIO):
            source = root / name
            if source.exists() or source.is_symlink():
                os.replace(source, target / name)
    finally:
        lock.release()
    log.info("moved the damaged queue database of %s to %s", root, target)
    return target / DB_FILE


def reset_queue(root: Path) -> str:
    """``kzdesk reset-queue``: set a damaged (or too new) database aside and start an empty
    queue. Returns the sentence to show; raises DataFolderError for other problems."""
    root = Path(root)
    try:
        open_database(root).close()
    except DataFolderError as exc:
        if exc.kind not in RESETTABLE:
            raise
    else:
        return RESET_NOT_NEEDED.format(path=root / DB_FILE)
    aside = set_aside(root)
    open_database(root).close()
    return RESET_DONE.format(folder=root, aside=aside)
