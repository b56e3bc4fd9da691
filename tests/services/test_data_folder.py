"""Every way a data folder can be unusable is one DataFolderError naming the path; nothing in
it is changed or deleted; a damaged database is only ever moved aside on request."""

from __future__ import annotations

import errno
import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from kzdesk.app import AppContext
from kzdesk.services import data_folder
from kzdesk.services.data_folder import DataFolderError, Problem
from kzdesk.services.queue_lock import WINDOW, QueueLock
from kzdesk.storage.db import DB_FILE, Database
from kzdesk.storage.job_queue import JobQueue
from tests.disks import fill, tmpfs


def _snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with a hash of its bytes; SQLite's shared-memory index and
    an empty write-ahead log (made by SQLite while it looks at a file) hold no data."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
        and not p.name.endswith("-shm")
        and not (p.name.endswith("-wal") and p.stat().st_size == 0)
    }


def _queue_with_jobs(folder: Path, n: int = 300) -> Path:
    db = Database.in_dir(folder)
    queue = JobQueue(db)
    for i in range(n):
        queue.enqueue(f"/recordings/meeting {i}.wav")
    db.connection().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return folder / DB_FILE


def _open_fails(folder: Path) -> DataFolderError:
    with pytest.raises(DataFolderError) as info:
        AppContext.open(folder)
    return info.value


def test_a_file_where_the_folder_should_be(tmp_path: Path) -> None:
    path = tmp_path / "kzdesk-data"
    path.write_text("my notes")
    error = _open_fails(path)
    assert error.kind is Problem.NOT_A_FOLDER
    assert error.message.startswith(f"The data folder {path} is a file, not a folder.")
    assert path.read_text() == "my notes"

    inside = _open_fails(path / "sub")
    assert inside.kind is Problem.NOT_A_FOLDER
    assert f"because {path} is a file" in inside.message


def test_a_link_to_nowhere(tmp_path: Path) -> None:
    link = tmp_path / "data"
    link.symlink_to(tmp_path / "unplugged disk" / "kzdesk")
    error = _open_fails(link)
    assert error.kind is Problem.NOT_A_FOLDER
    assert "is a link to" in error.message and "unplugged disk" in error.message
    assert not (tmp_path / "unplugged disk").exists()  # not created behind the user's back


@pytest.mark.parametrize("damage", ["garbage", "truncated", "cut_in_header"])
def test_a_damaged_database_is_named_and_left_as_it_is(tmp_path: Path, damage: str) -> None:
    folder = tmp_path / "data"
    database = _queue_with_jobs(folder)
    data = database.read_bytes()
    damaged = {
        "garbage": os.urandom(len(data)),
        "truncated": data[: len(data) // 2],
        "cut_in_header": data[:60],
    }[damage]
    database.write_bytes(damaged)
    before = _snapshot(folder)
    error = _open_fails(folder)
    assert error.kind is Problem.DAMAGED
    assert error.message == (
        f"The queue database {database} is damaged and cannot be opened. Restore it from a "
        "backup, or run “kzdesk reset-queue” to start with an empty queue (the damaged file "
        "is kept)."
    )
    assert _snapshot(folder) == before  # nothing written, nothing deleted


def test_a_database_from_a_newer_kzdesk(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    database = _queue_with_jobs(folder, 3)
    with sqlite3.connect(database) as conn:
        conn.execute("PRAGMA user_version = 99")
    before = _snapshot(folder)
    error = _open_fails(folder)
    assert error.kind is Problem.TOO_NEW
    assert f"The queue database {database} was written by a newer version" in error.message
    assert "Update kzdesk" in error.message
    assert _snapshot(folder) == before


def test_reset_keeps_the_damaged_database_and_its_audio(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    database = _queue_with_jobs(folder)
    database.write_bytes(database.read_bytes()[:5000])
    audio = folder / "audio" / "1"
    audio.mkdir(parents=True)
    (audio / "audio-0123.ogg").write_bytes(b"OggS converted")
    (folder / "settings.json").write_text('{"parallel_jobs": 2}')
    damaged = database.read_bytes()

    sentence = data_folder.reset_queue(folder)

    [aside] = [p for p in folder.iterdir() if p.name.startswith("damaged-")]
    assert sentence == (
        f"Started an empty queue in {folder}. The damaged database is kept as {aside / DB_FILE}."
    )
    assert (aside / DB_FILE).read_bytes() == damaged
    assert (aside / "audio" / "1" / "audio-0123.ogg").read_bytes() == b"OggS converted"
    ctx = AppContext.open(folder)
    try:
        assert ctx.queue.all() == []
        assert ctx.settings.parallel_jobs == 2  # settings are not part of the queue
        job = ctx.queue.enqueue(tmp_path / "new.wav")
        assert job.id == 1 and not (folder / "audio" / "1").exists()  # no stale audio for #1
    finally:
        ctx.close()
    again = data_folder.reset_queue(folder)
    assert again == f"The queue database {database} opens normally, so nothing was changed."
    assert len([p for p in folder.iterdir() if p.name.startswith("damaged-")]) == 1


def test_reset_waits_while_another_kzdesk_runs_the_queue(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    database = _queue_with_jobs(folder)
    database.write_bytes(database.read_bytes()[:5000])
    damaged = database.read_bytes()
    holder = QueueLock(folder, WINDOW)
    assert holder.acquire()
    try:
        with pytest.raises(DataFolderError) as info:
            data_folder.reset_queue(folder)
        assert f"The kzdesk window (process {os.getpid()})" in info.value.message
        assert database.read_bytes() == damaged
        assert not [p for p in folder.iterdir() if p.name.startswith("damaged-")]
    finally:
        holder.release()


def test_reset_refuses_other_problems(tmp_path: Path) -> None:
    path = tmp_path / "data"
    path.write_text("not a folder")
    with pytest.raises(DataFolderError) as info:
        data_folder.reset_queue(path)
    assert info.value.kind is Problem.NOT_A_FOLDER
    assert path.read_text() == "not a folder"


def test_read_only_disk(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "ro", read_only=True) as mounted:
        if mounted is None:
            pytest.skip("this machine does not let the test mount a read-only disk")
        for folder in (mounted, mounted / "kzdesk"):
            error = _open_fails(folder)
            assert error.kind is Problem.READ_ONLY
            assert error.message.startswith(f"The data folder {folder} is on a read-only disk")


@pytest.mark.parametrize(
    ("code", "kind", "start"),
    [
        (errno.EROFS, Problem.READ_ONLY, "The data folder {path} is on a read-only disk"),
        (errno.EACCES, Problem.NOT_WRITABLE, "kzdesk is not allowed to write to {path}."),
        (errno.EPERM, Problem.NOT_WRITABLE, "kzdesk is not allowed to write to {path}."),
        (errno.EIO, Problem.UNUSABLE, "kzdesk cannot use {path} (Input/output error)."),
    ],
)
def test_a_folder_that_refuses_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, kind: Problem, start: str
) -> None:
    """Root writes anywhere, so the system's refusal is injected where kzdesk first writes."""
    folder = tmp_path / "data"
    folder.mkdir()

    def refuse(path: Path) -> int:
        raise OSError(code, os.strerror(code), str(path))

    monkeypatch.setattr(data_folder, "_create_probe", refuse)
    error = _open_fails(folder)
    assert error.kind is kind
    assert error.message.startswith(start.format(path=folder))
    assert list(folder.iterdir()) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_a_folder_without_write_permission(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o500)
    try:
        assert _open_fails(folder).kind is Problem.NOT_WRITABLE
    finally:
        folder.chmod(0o700)


def test_a_full_disk_at_start_is_a_sentence_with_the_free_space(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "disk", size_kb=1024) as mounted:
        if mounted is None:
            pytest.skip("this machine does not let the test mount a small disk")
        folder = mounted / "data"
        _queue_with_jobs(folder, 3)
        fill(mounted)
        error = _open_fails(folder)
        assert error.kind is Problem.DISK_FULL
        assert error.message.startswith(f"The disk that holds {folder} is full (0.0 MB free)")


def test_describe_maps_sqlite_failures(tmp_path: Path) -> None:
    def sqlite_error(message: str, code: int) -> sqlite3.Error:
        exc = sqlite3.OperationalError(message)
        exc.sqlite_errorcode = code  # type: ignore[attr-defined]
        return exc

    cases = {
        (sqlite3.SQLITE_FULL, "database or disk is full"): Problem.DISK_FULL,
        (sqlite3.SQLITE_CORRUPT, "database disk image is malformed"): Problem.DAMAGED,
        (sqlite3.SQLITE_NOTADB, "file is not a database"): Problem.DAMAGED,
        (sqlite3.SQLITE_BUSY, "database is locked"): Problem.BUSY,
        (sqlite3.SQLITE_READONLY, "attempt to write a readonly database"): Problem.NOT_WRITABLE,
    }
    for (code, message), kind in cases.items():
        found = data_folder.describe(sqlite_error(message, code), tmp_path)
        assert found is not None and found.kind is kind, message
        assert str(tmp_path) in found.message
    assert data_folder.describe(ValueError("a bug"), tmp_path) is None
