"""The pipeline's promises, with a scripted engine: resume by operation id, retries, cancel."""

from __future__ import annotations

import subprocess
import threading
import time
from pathlib import Path

import pytest

from kzdesk.core.engine import (
    AudioPiece,
    EngineContext,
    EngineError,
    FailureKind,
    RecognitionOptions,
    Utterance,
)
from kzdesk.core.job import Job, JobState, SpeakersMode
from kzdesk.core.transcript import Word
from kzdesk.services.job_run import GAVE_UP_UNREACHABLE, NO_SPEECH
from kzdesk.services.runner import QueueRunner
from kzdesk.services.transcription import PipelineConfig, TranscriptionService
from kzdesk.storage.db import Database
from kzdesk.storage.job_queue import JobQueue
from kzdesk.storage.transcripts import TranscriptStore
from tests.media import bursts_file


class Crash(BaseException):
    """Stands for the process dying: nothing in the pipeline catches it."""


class ScriptedEngine:
    name = "speechkit"

    def __init__(self) -> None:
        self.submitted: list[AudioPiece] = []
        self.resumed: list[str] = []
        self.faults: list[BaseException] = []
        self.crash_after_accept = False
        self.crash_while_sending = False
        self.block_until_cancel = False
        self.utterances: list[Utterance] | None = None
        self.options: list[RecognitionOptions] = []
        self.lock = threading.Lock()

    def transcribe(
        self, piece: AudioPiece, options: RecognitionOptions, ctx: EngineContext
    ) -> list[Utterance]:
        with self.lock:
            self.options.append(options)
            fault = self.faults.pop(0) if self.faults else None
        if fault is not None:
            raise fault
        if ctx.operation_id is None:
            ctx.will_send()
            self.submitted.append(piece)
            if self.crash_while_sending:
                self.crash_while_sending = False
                raise Crash()  # accepted remotely, but the id never reached the database
            ctx.remember_operation(f"op-{len(self.submitted)}")
            if self.crash_after_accept:
                self.crash_after_accept = False
                raise Crash()
        else:
            self.resumed.append(ctx.operation_id)
        deadline = time.monotonic() + 120  # a broken cancel fails the test, never hangs it
        while self.block_until_cancel and not ctx.cancelled():
            assert time.monotonic() < deadline, "cancel never arrived"
            ctx.progress(0.5, "recognizing")
            threading.Event().wait(0.01)
        if ctx.cancelled():
            raise EngineError(FailureKind.CANCELLED, "cancelled")
        if self.utterances is not None:
            return self.utterances
        return [
            Utterance(
                "0", 100, 900, "Сәлеметсіз бе", [Word("Сәлеметсіз", 100, 500), Word("бе", 550, 900)]
            ),
            Utterance("1", 1000, 1800, "Здравствуйте", [Word("Здравствуйте", 1000, 1800)], "ru-RU"),
        ]

    def cancel(self, operation_id: str) -> None:
        pass


@pytest.fixture
def env(tmp_path: Path):
    db = Database.in_dir(tmp_path / "data")
    queue, store = JobQueue(db), TranscriptStore(db)
    engine = ScriptedEngine()
    config = PipelineConfig(work_dir=tmp_path / "work", retry_base_s=0.0, max_attempts=3)
    service = TranscriptionService(queue, store, lambda job: engine, config)
    audio = bursts_file(tmp_path / "Жиналыс 'ә'; 1.wav", [(0.5, 1.0), (2.0, 1.0)], 4.0)
    yield queue, store, engine, service, audio
    db.close()


def run_one(queue: JobQueue, service: TranscriptionService, seen: list[Job] | None = None) -> Job:
    job = queue.claim_next()
    assert job is not None
    return service.run(job, seen.append if seen is not None else None)


def test_happy_path_stores_transcript_with_speakers(env) -> None:
    queue, store, engine, service, audio = env
    queue.enqueue(audio)
    seen: list[Job] = []
    job = run_one(queue, service, seen)
    assert job.state is JobState.DONE and job.progress == 1.0
    states = [j.state for j in seen]
    assert states.index(JobState.UPLOADING) < states.index(JobState.RECOGNIZING)
    assert [round(j.progress, 3) for j in seen] == sorted(round(j.progress, 3) for j in seen)
    t = store.load(store.id_for_job(job.id))
    assert [s.name for s in t.speakers] == ["Speaker 1", "Speaker 2"]
    assert [s.text for s in t.segments] == ["Сәлеметсіз бе", "Здравствуйте"]
    assert t.title == "Жиналыс 'ә'; 1" and abs(t.duration_ms - 4000) < 100


def test_crash_after_accept_resumes_by_operation_id_without_resubmitting(env) -> None:
    queue, store, engine, service, audio = env
    job = queue.enqueue(audio)
    engine.crash_after_accept = True
    with pytest.raises(Crash):
        run_one(queue, service)
    assert queue.get(job.id).state is JobState.RECOGNIZING
    assert queue.get(job.id).operation_id == "op-1"
    # next start
    assert [j.id for j in queue.recover()] == [job.id]
    done = run_one(queue, service)
    assert done.state is JobState.DONE
    assert len(engine.submitted) == 1 and engine.resumed == ["op-1"]


def test_a_crash_while_sending_is_never_sent_again_without_the_user(env) -> None:
    queue, store, engine, service, audio = env
    job = queue.enqueue(audio)
    engine.crash_while_sending = True
    with pytest.raises(Crash):
        run_one(queue, service)
    [recovered] = queue.recover()
    assert recovered.state is JobState.FAILED
    assert "may already have been sent" in recovered.error
    assert "Retry" in recovered.error
    assert queue.claim_next() is None and queue.resumable_failures() == []
    assert len(engine.submitted) == 1
    queue.retry(job.id)  # the user's choice
    assert run_one(queue, service).state is JobState.DONE
    assert len(engine.submitted) == 2


def test_finished_piece_results_are_not_fetched_again(env) -> None:
    queue, store, engine, service, audio = env
    job = queue.enqueue(audio)
    assert run_one(queue, service).state is JobState.DONE
    queue.retry(job.id)
    assert run_one(queue, service).state is JobState.DONE
    assert len(engine.submitted) == 1 and engine.resumed == []


def test_transient_failures_retry_then_fail_with_the_sentence(env) -> None:
    queue, store, engine, service, audio = env
    job = queue.enqueue(audio)
    message = "Cannot reach SpeechKit. Check the internet connection."
    engine.faults = [EngineError(FailureKind.UNREACHABLE, message) for _ in range(5)]
    ended = QueueRunner(service, workers=1).run([job.id])
    assert ended[0].state is JobState.FAILED
    assert ended[0].attempts == 3
    # a job that finally failed never says it will continue by itself
    assert ended[0].error == GAVE_UP_UNREACHABLE.format(attempts=3)
    assert "continue when the connection is back" not in ended[0].error
    assert "Retry" in ended[0].error


def test_quota_waits_minutes(env) -> None:
    queue, store, engine, service, audio = env
    job = queue.enqueue(audio)
    engine.faults = [EngineError(FailureKind.QUOTA, "SpeechKit quota", retry_after_s=120)]
    run_one(queue, service)
    assert queue.get(job.id).state is JobState.QUEUED
    assert queue.get(job.id).error == "SpeechKit quota"
    assert queue.claim_next() is None  # not before two minutes
    assert queue.next_wakeup() > __import__("time").time() + 100


def test_expired_operation_is_submitted_again(env) -> None:
    queue, store, engine, service, audio = env
    job = queue.enqueue(audio)
    engine.crash_after_accept = True
    with pytest.raises(Crash):
        run_one(queue, service)
    queue.recover()
    engine.faults = [EngineError(FailureKind.EXPIRED, "The result expired; sending again.")]
    run_one(queue, service)
    assert queue.pieces.records(job.id) == []
    assert run_one(queue, service).state is JobState.DONE
    assert len(engine.submitted) == 2


def test_permanent_failure_and_other_jobs_continue(env, tmp_path: Path) -> None:
    queue, store, engine, service, audio = env
    broken = tmp_path / "broken.mp3"
    broken.write_text("this is not audio")
    bad = queue.enqueue(broken)
    good = queue.enqueue(audio)
    ended = QueueRunner(service, workers=2).run([bad.id, good.id])
    assert ended[0].state is JobState.FAILED and ended[0].error
    assert "Traceback" not in ended[0].error
    assert ended[1].state is JobState.DONE


def test_cancel_while_recognizing(env) -> None:
    queue, store, engine, service, audio = env
    job = queue.enqueue(audio)
    engine.block_until_cancel = True
    claimed = queue.claim_next()
    result: list[Job] = []
    recognizing = threading.Event()

    def listen(snapshot: Job) -> None:
        if snapshot.state is JobState.RECOGNIZING:
            recognizing.set()

    t = threading.Thread(target=lambda: result.append(service.run(claimed, listen)))
    t.start()
    assert recognizing.wait(60), "the job never got to recognizing"
    service.cancel(job.id)
    t.join(60)
    assert result[0].state is JobState.CANCELLED


def test_cancel_queued_job_at_once(env) -> None:
    queue, store, engine, service, audio = env
    job = queue.enqueue(audio)
    service.cancel(job.id)
    assert queue.get(job.id).state is JobState.CANCELLED
    assert queue.claim_next() is None


def test_no_speech_is_a_sentence(env) -> None:
    queue, store, engine, service, audio = env
    queue.enqueue(audio)
    engine.utterances = []
    job = run_one(queue, service)
    assert job.state is JobState.FAILED and job.error == NO_SPEECH


def test_split_pieces_are_stitched_on_the_original_timeline(env, tmp_path: Path) -> None:
    queue, store, engine, service, _ = env
    long = bursts_file(tmp_path / "long.wav", [(1, 2), (11, 2), (21, 2)], 30.0)
    service.config.max_piece_ms = 10_000
    engine.utterances = [Utterance("0", 200, 700, "бөлік", [Word("бөлік", 200, 700)])]
    job = queue.enqueue(long)
    assert run_one(queue, service).state is JobState.DONE
    pieces = engine.submitted
    assert len(pieces) >= 3
    assert service.converted_audio(job.id) == sorted(Path(p.path) for p in pieces)
    t = store.load(store.id_for_job(job.id))
    assert [s.start_ms for s in t.segments] == [p.offset_ms + 200 for p in pieces]
    assert [s.words[0].end_ms for s in t.segments] == [p.offset_ms + 700 for p in pieces]


def test_speakers_off_and_channels_modes(env, tmp_path: Path) -> None:
    queue, store, engine, service, audio = env
    off = queue.enqueue(audio, speakers=SpeakersMode.OFF)
    run_one(queue, service)
    t = store.load(store.id_for_job(off.id))
    assert t.speakers == [] and all(s.speaker_id is None for s in t.segments)
    stereo = bursts_file(tmp_path / "call.wav", [(0.5, 1)], 3.0, channels=2)
    ch = queue.enqueue(stereo, speakers=SpeakersMode.CHANNELS)
    run_one(queue, service)
    t = store.load(store.id_for_job(ch.id))
    assert [s.name for s in t.speakers] == ["Channel 1", "Channel 2"]
    assert engine.submitted[-1].channels == 2


def test_file_that_vanished_after_queueing(env, tmp_path: Path) -> None:
    queue, store, engine, service, audio = env
    gone = bursts_file(tmp_path / "gone.wav", [(0.2, 0.5)], 1.0)
    job = queue.enqueue(gone)
    gone.unlink()
    ended = run_one(queue, service)
    assert ended.state is JobState.FAILED
    assert ended.error and "Traceback" not in ended.error
    assert queue.get(job.id).error == ended.error


@pytest.mark.slow
def test_recording_over_four_hours_is_split_under_the_limit(env, tmp_path: Path) -> None:
    queue, store, engine, service, _ = env
    from tests.media import FFMPEG

    long = tmp_path / "court hearing.ogg"
    total_s = 4 * 3600 + 300
    subprocess.run(
        [FFMPEG, "-v", "error", "-y", "-f", "lavfi", "-i", f"sine=f=300:r=8000:d={total_s}",
         "-af", "volume=0:enable='gt(mod(t,600),2)'", "-c:a", "libopus", "-application", "voip",
         "-compression_level", "0", "-frame_duration", "60", "-b:a", "6k", str(long)],
        check=True,
    )  # fmt: skip
    engine.utterances = [Utterance("0", 0, 1500, "сөз", [Word("сөз", 0, 1500)])]
    job = queue.enqueue(long)
    ended = run_one(queue, service)
    assert ended.state is JobState.DONE, ended.error
    pieces = engine.submitted
    assert len(pieces) == 2
    limit = 4 * 3600 * 1000
    assert all(p.duration_ms < limit for p in pieces)
    assert pieces[0].offset_ms == 0
    assert abs(pieces[1].offset_ms - pieces[0].duration_ms) <= 100
    assert abs(sum(p.duration_ms for p in pieces) - total_s * 1000) <= 1000
    t = store.load(store.id_for_job(job.id))
    assert [s.start_ms for s in t.segments] == [p.offset_ms for p in pieces]
    assert abs(t.duration_ms - total_s * 1000) <= 1000


def test_remove_forgets_job_transcript_and_converted_audio(env) -> None:
    queue, store, engine, service, audio = env
    job = queue.enqueue(audio)
    assert run_one(queue, service).state is JobState.DONE
    assert service.converted_audio(job.id)  # a WAV is converted, and the copy is kept
    service.remove(job.id)
    assert queue.all() == [] and store.id_for_job(job.id) is None
    assert service.converted_audio(job.id) == []


def test_a_piece_left_sending_is_not_sent_again_when_the_job_runs_again(env) -> None:
    """A run that stopped between sending and keeping the id (a full disk, then the job went
    on) finds the mark and asks the user instead of sending again."""
    queue, store, engine, service, audio = env
    job = queue.enqueue(audio)
    claimed = queue.claim_next()
    assert claimed is not None
    queue.pieces.mark_sending(job.id, AudioPiece("", "WAV", 0, 4000))
    ended = service.run(claimed)
    assert ended.state is JobState.FAILED and "may already have been sent" in ended.error
    assert engine.submitted == []


def test_the_engine_gets_the_jobs_glossary_only(env) -> None:
    queue, store, engine, service, audio = env
    queue.enqueue(audio, options={"glossary": ["Тоқаев", "Токаев"]})
    run_one(queue, service)
    assert engine.options[-1].glossary == ("Тоқаев", "Токаев")
    queue.enqueue(audio, speakers=SpeakersMode.OFF)
    run_one(queue, service)
    assert engine.options[-1].glossary == ()
