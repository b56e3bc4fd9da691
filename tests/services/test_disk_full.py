"""A full disk pauses running jobs (never fails them) and they continue once space is freed;
the sentence has the free space and the folder; the log file stays quiet."""

from __future__ import annotations

import errno
import logging
import sqlite3
import threading
from pathlib import Path

import pytest

from kzdesk.audio import DiskFull
from kzdesk.core.job import Job, JobState
from kzdesk.services import disk_space
from kzdesk.services.log_file import LogFileHandler
from kzdesk.services.runner import QueueRunner
from kzdesk.services.transcription import PipelineConfig, TranscriptionService
from kzdesk.storage.db import Database
from kzdesk.storage.job_queue import JobQueue
from kzdesk.storage.transcripts import TranscriptStore
from tests.disks import fill, tmpfs
from tests.media import bursts_file

DEADLINE_S = 60


class Snapshots:
    """The listener: every snapshot, and an event per condition a test waits for."""

    def __init__(self) -> None:
        self.jobs: list[Job] = []
        self.paused = threading.Event()

    def __call__(self, job: Job) -> None:
        self.jobs.append(job)
        if job.state.is_active and job.error:
            self.paused.set()


def _sqlite_full() -> sqlite3.OperationalError:
    exc = sqlite3.OperationalError("database or disk is full")
    exc.sqlite_errorcode = sqlite3.SQLITE_FULL  # type: ignore[attr-defined]
    return exc


def test_what_counts_as_a_full_disk(tmp_path: Path) -> None:
    assert disk_space.is_disk_full(OSError(errno.ENOSPC, "No space left on device"))
    assert disk_space.is_disk_full(OSError(errno.EDQUOT, "Disk quota exceeded"))
    assert disk_space.is_disk_full(_sqlite_full())
    assert disk_space.is_disk_full(DiskFull("The disk is full"))
    try:
        try:
            raise OSError(errno.ENOSPC, "No space left on device")
        except OSError as inner:
            raise RuntimeError("wrapped") from inner
    except RuntimeError as outer:
        assert disk_space.is_disk_full(outer)
    io_error = sqlite3.OperationalError("disk I/O error")
    io_error.sqlite_errorcode = sqlite3.SQLITE_IOERR  # type: ignore[attr-defined]
    assert not disk_space.is_disk_full(io_error, tmp_path)  # this disk has room
    assert not disk_space.is_disk_full(OSError(errno.EACCES, "Permission denied"))
    assert not disk_space.is_disk_full(ValueError("bug"))


def test_the_sentence_names_the_folder_and_the_free_space(tmp_path: Path) -> None:
    message = disk_space.paused_message(tmp_path)
    assert message.startswith(f"The disk that holds {tmp_path} is full (")
    assert " MB free). The jobs are paused and continue by themselves" in message
    assert disk_space.megabytes(0) == "0.0" and disk_space.megabytes(123_456_789) == "123"


@pytest.fixture
def service(tmp_path: Path, speechkit_emulator, make_speechkit_engine, monkeypatch):
    monkeypatch.setattr(disk_space, "POLL_S", 0.05)

    def make(data: Path, work: Path | None = None) -> tuple[JobQueue, TranscriptionService]:
        db = Database.in_dir(data)
        queue = JobQueue(db)
        made.append(db)
        return queue, TranscriptionService(
            queue,
            TranscriptStore(db),
            lambda job: make_speechkit_engine(),
            PipelineConfig(work_dir=work or data / "audio", retry_base_s=0.05, max_attempts=2),
        )

    made: list[Database] = []
    yield make
    for db in made:
        db.close()


def _run_in_thread(service: TranscriptionService, job: Job, listener: Snapshots) -> list[Job]:
    ended: list[Job] = []
    thread = threading.Thread(target=lambda: ended.append(service.run(job, listener)))
    thread.start()
    return ended, thread  # type: ignore[return-value]


def test_a_full_disk_pauses_the_job_until_space_is_freed(
    service, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    with tmpfs(tmp_path / "disk", size_kb=6144) as disk:
        if disk is None:
            pytest.skip("this machine does not let the test mount a small disk")
        source = bursts_file(tmp_path / "meeting.wav", [(0.5, 1.0), (3.0, 1.0)], 30.0)
        queue, svc = service(disk / "data")
        log_handler = LogFileHandler(disk / "data" / "kzdesk.log")
        logging.getLogger().addHandler(log_handler)
        try:
            job = queue.claim_next() if queue.enqueue(source) else None
            assert job is not None
            filler = fill(disk)  # nothing left: SQLite and ffmpeg both hit ENOSPC
            snapshots = Snapshots()
            ended, thread = _run_in_thread(svc, job, snapshots)
            assert snapshots.paused.wait(DEADLINE_S), "the job did not say it is paused"
            note = next(j.error for j in snapshots.jobs if j.error)
            assert note.startswith(f"The disk that holds {disk / 'data'} is full (0.0 MB free).")
            logging.getLogger("kzdesk.test").warning("logged while the disk is full")
            assert thread.is_alive()  # waiting, not failed
            assert queue.get(job.id).state.is_active and queue.get(job.id).error is None
            filler.unlink()  # the user frees space
            thread.join(DEADLINE_S)
            assert not thread.is_alive()
        finally:
            logging.getLogger().removeHandler(log_handler)
            log_handler.close()
        [done] = ended
        assert done.state is JobState.DONE, done.error
        assert snapshots.jobs[-1].error is None
        assert queue.get(job.id).state is JobState.DONE
        captured = capfd.readouterr()
        assert "Logging error" not in captured.err and "Traceback" not in captured.err


def test_converting_onto_a_full_disk_pauses_and_names_that_disk(service, tmp_path: Path) -> None:
    with tmpfs(tmp_path / "audio disk", size_kb=1024) as disk:
        if disk is None:
            pytest.skip("this machine does not let the test mount a small disk")
        source = bursts_file(tmp_path / "meeting.wav", [(0.5, 1.0), (3.0, 1.0)], 30.0)
        queue, svc = service(tmp_path / "data", work=disk / "audio")
        queue.enqueue(source)
        job = queue.claim_next()
        assert job is not None
        filler = fill(disk)  # the queue's disk has room; ffmpeg's output has none
        snapshots = Snapshots()
        ended, thread = _run_in_thread(svc, job, snapshots)
        assert snapshots.paused.wait(DEADLINE_S), "the job did not say it is paused"
        note = next(j.error for j in snapshots.jobs if j.error)
        assert note.startswith(f"The disk that holds {disk / 'audio'} is full (0.0 MB free).")
        assert queue.get(job.id).state is JobState.CONVERTING  # paused, not failed
        filler.unlink()
        thread.join(DEADLINE_S)
        assert not thread.is_alive()
        [done] = ended
        assert done.state is JobState.DONE, done.error
        assert list((disk / "audio" / str(job.id)).glob("*.ogg"))  # converted after all


def test_conversion_out_of_space_pauses_then_continues(
    service, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where no small disk can be mounted: ffmpeg's ENOSPC and SQLite's SQLITE_FULL injected."""
    source = bursts_file(tmp_path / "meeting.wav", [(0.5, 1.0)], 4.0)
    queue, svc = service(tmp_path / "data")
    space = threading.Event()
    monkeypatch.setattr(disk_space, "space_is_back", lambda folders: space.is_set())
    import kzdesk.services.transcription as transcription

    real_prepare = transcription.audio.prepare
    faults = [DiskFull("The disk is full, so the recording cannot be converted.")]
    real_set_media = queue.set_media

    def prepare(*args, **kwargs):  # type: ignore[no-untyped-def]
        if faults:
            raise faults.pop(0)
        return real_prepare(*args, **kwargs)

    sqlite_faults = [_sqlite_full()]

    def set_media(*args, **kwargs):  # type: ignore[no-untyped-def]
        if sqlite_faults and not faults:
            raise sqlite_faults.pop(0)
        return real_set_media(*args, **kwargs)

    monkeypatch.setattr(transcription.audio, "prepare", prepare)
    monkeypatch.setattr(queue, "set_media", set_media)
    queue.enqueue(source)
    job = queue.claim_next()
    assert job is not None
    snapshots = Snapshots()
    ended, thread = _run_in_thread(svc, job, snapshots)
    assert snapshots.paused.wait(DEADLINE_S)
    assert thread.is_alive() and queue.get(job.id).state is JobState.CONVERTING
    space.set()
    thread.join(DEADLINE_S)
    assert not thread.is_alive()
    [done] = ended
    assert done.state is JobState.DONE, done.error
    assert faults == [] and sqlite_faults == []  # both pauses happened
    assert done.attempts == 1  # one attempt: paused, not failed and retried


def test_cancel_while_paused(service, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = bursts_file(tmp_path / "meeting.wav", [(0.5, 1.0)], 4.0)
    queue, svc = service(tmp_path / "data")
    monkeypatch.setattr(disk_space, "space_is_back", lambda folders: False)
    import kzdesk.services.transcription as transcription

    def no_space(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise DiskFull("The disk is full, so the recording cannot be converted.")

    monkeypatch.setattr(transcription.audio, "prepare", no_space)
    queue.enqueue(source)
    job = queue.claim_next()
    assert job is not None
    snapshots = Snapshots()
    ended, thread = _run_in_thread(svc, job, snapshots)
    assert snapshots.paused.wait(DEADLINE_S)
    svc.cancel(job.id)
    thread.join(DEADLINE_S)
    assert not thread.is_alive()
    assert ended[0].state is JobState.CANCELLED


def test_the_runner_waits_when_claiming_hits_a_full_disk(
    service, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = bursts_file(tmp_path / "meeting.wav", [(0.5, 1.0)], 3.0)
    queue, svc = service(tmp_path / "data")
    job = queue.enqueue(source)
    real_claim = queue.claim_next
    faults = [_sqlite_full(), _sqlite_full()]

    def claim_next(**kwargs):  # type: ignore[no-untyped-def]
        if faults:
            raise faults.pop(0)
        return real_claim(**kwargs)

    monkeypatch.setattr(queue, "claim_next", claim_next)
    seen: list[Job] = []
    [ended] = QueueRunner(svc, workers=1).run([job.id], seen.append)
    assert ended.state is JobState.DONE, ended.error
    told = [j.error for j in seen if j.state is JobState.QUEUED and j.error]
    assert told and told[0].startswith(f"The disk that holds {tmp_path / 'data'} is full")


def test_the_log_file_is_quiet_when_it_cannot_be_written(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    handler = LogFileHandler(tmp_path / "kzdesk.log")
    logger = logging.getLogger("kzdesk.test.quiet")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        real_stream = handler.stream

        class FullDisk:
            def __getattr__(self, name: str) -> object:
                return getattr(real_stream, name)

            def write(self, text: str) -> int:
                raise OSError(errno.ENOSPC, "No space left on device")

            def flush(self) -> None:
                raise OSError(errno.ENOSPC, "No space left on device")

        handler.stream = FullDisk()  # type: ignore[assignment]
        logger.warning("lost: the disk is full")
        handler.stream = real_stream
        logger.warning("written again once there is space")
    finally:
        logger.removeHandler(handler)
        handler.close()
        logger.propagate = True
    assert "Logging error" not in capfd.readouterr().err
    text = (tmp_path / "kzdesk.log").read_text(encoding="utf-8")
    assert "written again" in text
