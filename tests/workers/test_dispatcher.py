"""The Qt dispatcher against the real service and the SpeechKit emulator over gRPC."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from kzdesk.core.job import Job, JobState, Language, SpeakersMode
from kzdesk.services.jobs import JobService
from kzdesk.services.transcription import PipelineConfig, TranscriptionService
from kzdesk.storage.db import Database
from kzdesk.storage.job_queue import JobQueue
from kzdesk.storage.transcripts import TranscriptStore
from kzdesk.workers.dispatcher import Dispatcher
from tests.media import bursts_file

WAIT_MS = 30_000  # generous: a loaded 2-core machine runs ffmpeg, gRPC and Qt at once


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # MP3 is sent as it is: no conversion, the jobs spend their time with the "service"
    return bursts_file(tmp_path_factory.mktemp("media") / "voice.mp3", [(0.5, 1.0)], 3.0)


@dataclass
class Seen:
    """What a dispatcher said, gathered in the GUI thread."""

    changed: list[Job] = field(default_factory=list)
    added: list[Job] = field(default_factory=list)
    removed: list[int] = field(default_factory=list)
    batches: list[tuple[int, int, int]] = field(default_factory=list)
    running: list[int] = field(default_factory=list)
    threads: set[int] = field(default_factory=set)

    def watch(self, dispatcher: Dispatcher) -> None:
        dispatcher.job_changed.connect(self._changed)
        dispatcher.job_added.connect(self.added.append)
        dispatcher.job_removed.connect(self.removed.append)
        dispatcher.batch_finished.connect(lambda d, f, c: self.batches.append((d, f, c)))
        dispatcher.running_changed.connect(self.running.append)

    def _changed(self, job: Job) -> None:
        self.threads.add(threading.get_ident())
        self.changed.append(job)

    def last(self, job_id: int) -> Job | None:
        return next((j for j in reversed(self.changed) if j.id == job_id), None)

    def state(self, job_id: int) -> JobState | None:
        job = self.last(job_id)
        return job.state if job else None


class Env:
    def __init__(self, root: Path, engine_factory) -> None:  # type: ignore[no-untyped-def]
        self.db = Database.in_dir(root / "data")
        self.queue = JobQueue(self.db)
        self.store = TranscriptStore(self.db)
        self.service = TranscriptionService(
            self.queue,
            self.store,
            lambda job: engine_factory(),
            PipelineConfig(work_dir=root / "work", retry_base_s=0.05, max_attempts=3),
        )
        self.dispatchers: list[Dispatcher] = []

    def dispatcher(self, seen: Seen, **kwargs: int) -> Dispatcher:
        dispatcher = Dispatcher(self.service, JobService(self.queue), **kwargs)
        seen.watch(dispatcher)
        self.dispatchers.append(dispatcher)
        return dispatcher

    def states(self) -> dict[int, JobState]:
        return {j.id: j.state for j in self.queue.all()}


@pytest.fixture
def env(tmp_path: Path, speechkit_emulator, make_speechkit_engine) -> Iterator[Env]:
    env = Env(tmp_path, make_speechkit_engine)
    yield env
    for dispatcher in env.dispatchers:
        dispatcher.shutdown(10_000)
    env.db.close()


def _enqueue(dispatcher: Dispatcher, paths: list[Path]) -> list[Job]:
    return dispatcher.enqueue_files(
        paths, language=Language.KK_RU, speakers=SpeakersMode.AUTO, engine="speechkit"
    )


def test_five_jobs_run_at_once_and_report_in_the_gui_thread(
    qtbot, env: Env, source: Path, speechkit_emulator
) -> None:
    speechkit_emulator.script(None, processing_s=2.0)  # keeps all five in flight together
    seen = Seen()
    dispatcher = env.dispatcher(seen, max_workers=5)
    assert dispatcher.start() == []
    jobs = _enqueue(dispatcher, [source] * 5)
    assert [j.id for j in seen.added] == [j.id for j in jobs]
    qtbot.waitUntil(lambda: seen.batches == [(5, 0, 0)], timeout=WAIT_MS)
    assert max(seen.running) == 5
    assert seen.running[-1] == 0 and dispatcher.running_count() == 0
    assert seen.threads == {threading.get_ident()}
    for job in jobs:
        states = [j.state for j in seen.changed if j.id == job.id]
        assert states[0] is JobState.CONVERTING and states[-1] is JobState.DONE
        assert JobState.RECOGNIZING in states
        assert env.store.id_for_job(job.id) is not None
    assert set(env.states().values()) == {JobState.DONE}
    assert speechkit_emulator.count("RecognizeFile") == 5


def test_cancel_and_remove_running_jobs(qtbot, env: Env, source: Path, speechkit_emulator) -> None:
    speechkit_emulator.script(None, processing_s=60.0)
    seen = Seen()
    dispatcher = env.dispatcher(seen)
    dispatcher.start()
    keep, drop = _enqueue(dispatcher, [source, source])
    qtbot.waitUntil(
        lambda: all(seen.state(j.id) is JobState.RECOGNIZING for j in (keep, drop)),
        timeout=WAIT_MS,
    )
    dispatcher.cancel(keep.id)
    dispatcher.remove(drop.id)
    assert seen.removed == [drop.id]
    qtbot.waitUntil(lambda: dispatcher.running_count() == 0, timeout=WAIT_MS)
    assert seen.state(keep.id) is JobState.CANCELLED
    assert env.states() == {keep.id: JobState.CANCELLED}  # the removed job is gone
    assert speechkit_emulator.count("Cancel") == 2  # both stopped remotely too
    assert seen.batches == [(0, 0, 1)]


def test_cancel_a_queued_job_at_once(qtbot, env: Env, source: Path) -> None:
    seen = Seen()
    dispatcher = env.dispatcher(seen)
    dispatcher.pause()
    dispatcher.start()
    [job] = _enqueue(dispatcher, [source])
    dispatcher.cancel(job.id)
    assert seen.state(job.id) is JobState.CANCELLED
    assert env.states() == {job.id: JobState.CANCELLED}
    assert seen.batches == [(0, 0, 1)]


def test_a_failing_job_next_to_good_ones_then_retry(
    qtbot, env: Env, source: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.mp3"
    broken.write_text("not a recording")
    seen = Seen()
    dispatcher = env.dispatcher(seen, max_workers=5)
    dispatcher.start()
    good_a, bad, good_b = _enqueue(dispatcher, [source, broken, source])
    qtbot.waitUntil(lambda: seen.batches == [(2, 1, 0)], timeout=WAIT_MS)
    failed = seen.last(bad.id)
    assert failed is not None and failed.state is JobState.FAILED
    assert failed.error and failed.error.endswith(".")  # a sentence, not a code
    assert seen.state(good_a.id) is seen.state(good_b.id) is JobState.DONE

    shutil.copyfile(source, broken)  # the user fixes the file and presses Retry
    dispatcher.retry(bad.id)
    assert seen.added[-1].id == bad.id and seen.added[-1].state is JobState.QUEUED
    qtbot.waitUntil(lambda: seen.batches == [(2, 1, 0), (1, 0, 0)], timeout=WAIT_MS)
    assert env.queue.get(bad.id).state is JobState.DONE
    dispatcher.retry(bad.id)  # retrying a done job queues it again (a new transcript)
    qtbot.waitUntil(lambda: len(seen.batches) == 3, timeout=WAIT_MS)


def test_pause_lets_running_jobs_finish_and_starts_no_new_ones(
    qtbot, env: Env, source: Path, speechkit_emulator
) -> None:
    script = speechkit_emulator.script(None, processing_s=600.0)
    seen = Seen()
    dispatcher = env.dispatcher(seen, max_workers=1)
    dispatcher.start()
    first, second = _enqueue(dispatcher, [source, source])
    qtbot.waitUntil(lambda: seen.state(first.id) is JobState.RECOGNIZING, timeout=WAIT_MS)
    dispatcher.pause()
    assert dispatcher.paused
    script.processing_s = 0.0  # now the first one may end
    qtbot.waitUntil(lambda: seen.state(first.id) is JobState.DONE, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: dispatcher.running_count() == 0, timeout=WAIT_MS)
    for _ in range(3):  # dispatcher ticks, run here rather than waited for
        dispatcher._dispatch()
    QCoreApplication.processEvents()
    assert env.queue.get(second.id).state is JobState.QUEUED
    assert dispatcher.running_count() == 0
    assert seen.batches == []  # the batch is not over: one job still waits
    dispatcher.resume()
    assert not dispatcher.paused
    qtbot.waitUntil(lambda: seen.batches == [(2, 0, 0)], timeout=WAIT_MS)
    assert max(seen.running) == 1  # max_workers=1 held


def test_set_max_workers_takes_effect(qtbot, env: Env, source: Path, speechkit_emulator) -> None:
    speechkit_emulator.script(None, processing_s=1.0)
    seen = Seen()
    dispatcher = env.dispatcher(seen, max_workers=1)
    dispatcher.start()
    _enqueue(dispatcher, [source] * 3)
    dispatcher.set_max_workers(3)
    qtbot.waitUntil(lambda: seen.batches == [(3, 0, 0)], timeout=WAIT_MS)
    assert max(seen.running) == 3


def test_shutdown_mid_batch_then_a_new_dispatcher_resumes_without_resubmitting(
    qtbot, env: Env, source: Path, speechkit_emulator
) -> None:
    # far longer than any machine needs to get all three in flight; shortened after shutdown
    script = speechkit_emulator.script(None, processing_s=600.0)
    seen = Seen()
    first = env.dispatcher(seen, max_workers=5)
    first.start()
    jobs = _enqueue(first, [source] * 3)
    qtbot.waitUntil(
        lambda: (
            all(env.queue.get(j.id).operation_id for j in jobs)
            and all(seen.state(j.id) is JobState.RECOGNIZING for j in jobs)
        ),
        timeout=WAIT_MS,
    )
    first.shutdown(10_000)
    assert first.running_count() == 0
    assert seen.batches == []
    # left as they were: active in the database, their remote operations untouched
    assert set(env.states().values()) == {JobState.RECOGNIZING}
    assert speechkit_emulator.count("RecognizeFile") == 3
    assert speechkit_emulator.count("Cancel") == 0
    first_seen = len(seen.changed)
    QCoreApplication.sendPostedEvents()
    QCoreApplication.processEvents()
    assert not first._timer.isActive()  # no more ticks
    assert len(seen.changed) == first_seen  # a stopped dispatcher stays quiet

    script.processing_s = 0.0  # the operations (which share this script) are done remotely
    again = Seen()
    second = env.dispatcher(again, max_workers=5)
    recovered = second.start()
    assert sorted(j.id for j in recovered) == [j.id for j in jobs]
    assert all(j.state is JobState.QUEUED for j in recovered)
    qtbot.waitUntil(lambda: again.batches == [(3, 0, 0)], timeout=WAIT_MS)
    assert set(env.states().values()) == {JobState.DONE}
    assert speechkit_emulator.count("RecognizeFile") == 3  # resumed by operation id


def test_a_full_disk_is_told_once_and_jobs_start_when_space_is_back(
    qtbot, env: Env, source: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    full = sqlite3.OperationalError("database or disk is full")
    full.sqlite_errorcode = sqlite3.SQLITE_FULL  # type: ignore[attr-defined]
    real_claim = env.queue.claim_next
    space = threading.Event()
    refused: list[int] = []

    def claim_next(**kwargs):  # type: ignore[no-untyped-def]
        if not space.is_set():
            refused.append(1)
            raise full
        return real_claim(**kwargs)

    monkeypatch.setattr(env.queue, "claim_next", claim_next)
    seen = Seen()
    problems: list[str] = []
    dispatcher = env.dispatcher(seen)
    dispatcher.problem.connect(problems.append)
    dispatcher.start()
    [job] = _enqueue(dispatcher, [source])
    qtbot.waitUntil(lambda: len(problems) == 1, timeout=WAIT_MS)
    assert problems[0].startswith(f"The disk that holds {env.db.path.parent} is full")
    qtbot.waitUntil(lambda: len(refused) >= 3, timeout=WAIT_MS)  # tried on each tick ...
    assert len(problems) == 1 and env.states() == {job.id: JobState.QUEUED}  # ... told once
    space.set()
    qtbot.waitUntil(lambda: seen.state(job.id) is JobState.DONE, timeout=WAIT_MS)

    real_enqueue = env.queue.enqueue
    monkeypatch.setattr(env.queue, "enqueue", lambda *a, **k: (_ for _ in ()).throw(full))
    assert _enqueue(dispatcher, [source]) == []
    assert problems[1].startswith(f"The disk that holds {env.db.path.parent} is full")
    assert "cannot save its queue" in problems[1]
    monkeypatch.setattr(env.queue, "enqueue", real_enqueue)


def test_changed_choices_and_glossary_reach_everyone_through_the_dispatcher(
    qtbot, env: Env, source: Path
) -> None:
    """The window changes a queued job through the dispatcher, which announces the change."""
    seen = Seen()
    dispatcher = env.dispatcher(seen)  # not started: nothing is claimed meanwhile
    [job] = _enqueue(dispatcher, [source])
    changed = dispatcher.update_options(job.id, language=Language.RU, engine="whisper")
    assert changed is not None and changed.language is Language.RU and changed.engine == "whisper"
    assert seen.last(job.id) == changed == env.queue.get(job.id)
    glossary = dispatcher.set_glossary(job.id, ["Ақтөбе", "SpeechKit"])
    assert glossary is not None and glossary.options["glossary"] == ["Ақтөбе", "SpeechKit"]
    assert seen.last(job.id) == glossary
    claimed = env.queue.claim_next()  # another worker started it meanwhile
    assert claimed is not None and claimed.id == job.id
    told = len(seen.changed)
    assert dispatcher.update_options(job.id, language=Language.KK) is None
    assert len(seen.changed) == told and env.queue.get(job.id).language is Language.RU
    assert dispatcher.set_glossary(job.id + 100, ["x"]) is None  # a job that is gone
    assert len(seen.changed) == told
