"""A full disk pauses work instead of failing it, and is told in one sentence.

A disk runs full under kzdesk in three ways: ffmpeg cannot write the converted audio
(:class:`kzdesk.audio.DiskFull`), SQLite answers "database or disk is full" (SQLITE_FULL) or a
Python write fails with ENOSPC/EDQUOT. A running job then waits where it is (its state and its
remote operations untouched), says so with the free space and the folder, and continues from
where it was once space is back (:func:`pausing`).
"""

from __future__ import annotations

import errno
import logging
import shutil
import sqlite3
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from kzdesk.audio.errors import Cancelled, DiskFull
from kzdesk.core.i18n import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

T = TypeVar("T")

POLL_S = 2.0  # how often a paused job looks at the free space again
RESUME_FREE_BYTES = 64 * 1024 * 1024  # continue once this much is free ...
RESUME_DISK_SHARE = 0.05  # ... or this share of a small disk
_MIN_RESUME_BYTES = 1024 * 1024
_NO_SPACE = frozenset(
    code for code in (errno.ENOSPC, getattr(errno, "EDQUOT", None)) if code is not None
)

PAUSED = QT_TRANSLATE_NOOP(
    "Messages",
    "The disk that holds {folder} is full ({size} MB free). The jobs are paused and continue "
    "by themselves when space is freed: delete or move some files on that disk.",
)
NOT_SAVED = QT_TRANSLATE_NOOP(
    "Messages",
    "The disk that holds {folder} is full ({size} MB free), so kzdesk cannot save its queue. "
    "Free some space on that disk, then try again.",
)


def is_disk_full(exc: BaseException | None, folder: Path | None = None) -> bool:
    """True when ``exc`` (or what caused it) says the disk or the user's quota is full.

    With ``folder`` (where the database lives), SQLite's "disk I/O error" counts too when
    that disk has (almost) no space left: SQLite cannot even grow its shared-memory file
    then, and says so only in those words."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, DiskFull):
            return True
        if isinstance(exc, OSError) and exc.errno in _NO_SPACE:
            return True
        if isinstance(exc, sqlite3.Error):
            code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
            if code == sqlite3.SQLITE_FULL or "database or disk is full" in str(exc):
                return True
            if code == sqlite3.SQLITE_IOERR and folder is not None and _no_room(folder):
                return True
        exc = exc.__cause__ or exc.__context__
    return False


def _no_room(folder: Path) -> bool:
    free = free_bytes(folder)
    return free is not None and free < _MIN_RESUME_BYTES


def free_bytes(folder: Path) -> int | None:
    """Free space for the user on the disk that holds ``folder`` (None when unknown)."""
    usage = _usage(folder)
    return usage.free if usage is not None else None


def megabytes(n: int | None) -> str:
    if n is None:
        return "?"
    mb = n / 1_000_000
    return f"{mb:.1f}" if mb < 10 else f"{mb:.0f}"


def paused_message(folder: Path) -> str:
    return PAUSED.format(folder=folder, size=megabytes(free_bytes(folder)))


def not_saved_message(folder: Path) -> str:
    return NOT_SAVED.format(folder=folder, size=megabytes(free_bytes(folder)))


def space_is_back(folders: Sequence[Path]) -> bool:
    return full_folder(folders) is None


def full_folder(folders: Sequence[Path]) -> Path | None:
    """The first of ``folders`` whose disk has too little room to go on, or None."""
    for folder in folders:
        usage = _usage(folder)
        if usage is None:
            continue
        need = min(RESUME_FREE_BYTES, max(int(usage.total * RESUME_DISK_SHARE), _MIN_RESUME_BYTES))
        if usage.free < need:
            return folder
    return None


def wait_for_space(
    folders: Sequence[Path],
    *,
    stopped: Callable[[], bool],
    heartbeat: Callable[[], None] | None = None,
) -> bool:
    """Wait until the disks of ``folders`` have room again; False when ``stopped()`` turned
    true first. ``heartbeat`` runs on every look (it may raise to stop the wait)."""
    while not space_is_back(folders):
        if stopped():
            return False
        if heartbeat is not None:
            heartbeat()
        _sleep(POLL_S, stopped)
    return not stopped()


def pausing(
    step: Callable[[], T],
    folders: Sequence[Path],
    *,
    paused: Callable[[str | None], None],
    stopped: Callable[[], bool],
) -> T:
    """Run ``step``; when the disk runs full, wait for space and run it again.

    ``paused`` gets the sentence when the wait starts (and again on each look, with the free
    space then) and None when work continues. Raises :class:`Cancelled` when ``stopped()``
    turns true while waiting; any other failure of ``step`` passes through."""
    while True:
        try:
            return step()
        except Exception as exc:
            if not is_disk_full(exc, folders[0]):
                raise
            log.warning("a disk is full (%s); waiting for space", exc)

        def tell() -> None:  # the folder whose disk is full, with its free space now
            paused(paused_message(full_folder(folders) or folders[0]))

        tell()
        if not wait_for_space(folders, stopped=stopped, heartbeat=tell):
            raise Cancelled()
        log.info("space is back; continuing")
        paused(None)


def _usage(folder: Path) -> Any:
    path = Path(folder)
    for candidate in (path, *path.parents):
        try:
            return shutil.disk_usage(candidate)
        except OSError:
            continue
    return None


def _sleep(seconds: float, stopped: Callable[[], bool]) -> None:
    end = time.monotonic() + seconds
    while (left := end - time.monotonic()) > 0 and not stopped():
        time.sleep(min(left, 0.1))
