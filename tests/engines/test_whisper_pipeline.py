"""The whole pipeline with the offline engine on real Whisper base weights: transcript and
exports, segments kept through a kill and a cancel, resume after the last kept segment, and a
missing model while offline."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from kzdesk.core.job import Job, JobState, Language, SpeakersMode
from kzdesk.engines.whisper import CRASHED, WhisperEngine, WhisperProcess
from kzdesk.engines.whisper_messages import WhisperRequest
from kzdesk.export import render
from kzdesk.services import models
from kzdesk.services.engines import EngineFactory
from kzdesk.services.secrets import SecretStore
from kzdesk.services.settings import Settings
from kzdesk.services.transcription import PipelineConfig, TranscriptionService
from kzdesk.storage.db import Database
from kzdesk.storage.job_queue import JobQueue
from kzdesk.storage.transcripts import TranscriptStore
from tests.whisper_weights import SENTENCES, concat_wav, espeak_wav

# SENTENCES: about 43 s with the pauses, so more than one 30-second window (segments arrive
# window by window)


class SpyProcess(WhisperProcess):
    """The real child process; remembers each child started."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.processes: list[Any] = []

    def spawn(self):  # type: ignore[no-untyped-def]
        process, conn = super().spawn()
        self.processes.append(process)
        return process, conn


class SpyEngine(WhisperEngine):
    """The real engine; remembers what it asked its child for."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.requests: list[WhisperRequest] = []

    @property
    def processes(self) -> list[Any]:
        return self.process.processes  # type: ignore[attr-defined]

    def _run(self, request, ctx):  # type: ignore[no-untyped-def]
        self.requests.append(request)
        return super()._run(request, ctx)


@pytest.fixture
def env(tmp_path: Path, whisper_base: Path):
    db = Database.in_dir(tmp_path / "data")
    queue, store = JobQueue(db), TranscriptStore(db)
    engine = SpyEngine(whisper_base, beam_size=1, device="cpu", process=SpyProcess(keep_warm=False))
    config = PipelineConfig(work_dir=tmp_path / "work", retry_base_s=0.0)
    service = TranscriptionService(queue, store, lambda job: engine, config)
    yield queue, store, engine, service
    db.close()


@pytest.fixture(scope="module")
def speech(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(two short sentences, every sentence with pauses)."""
    root = tmp_path_factory.mktemp("speech")
    lines = [espeak_wav(root / f"{i}.wav", s) for i, s in enumerate(SENTENCES)]
    short = concat_wav(root / "short.wav", [0.3, lines[0], 0.5, lines[1], 0.3])
    parts: list[Path | float] = []
    for line in lines:
        parts += [line, 1.0]
    return short, concat_wav(root / "long.wav", parts)


def run_job(queue: JobQueue, service: TranscriptionService) -> Job:
    job = queue.claim_next()
    assert job is not None
    return service.run(job)


def start_job(queue: JobQueue, service: TranscriptionService) -> tuple[threading.Thread, list[Job]]:
    ended: list[Job] = []
    thread = threading.Thread(target=lambda: ended.append(run_job(queue, service)), daemon=True)
    thread.start()
    return thread, ended


def wait_for_segments(queue: JobQueue, job_id: int, count: int, timeout: float = 120) -> list[Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        kept = queue.pieces.kept_segments(job_id, 0)
        if len(kept) >= count:
            return kept
        time.sleep(0.05)
    raise AssertionError(f"fewer than {count} phrases kept in {timeout} s")


@pytest.mark.slow
def test_offline_job_gives_a_transcript_that_exports(env, speech, tmp_path: Path) -> None:
    queue, store, engine, service = env
    job = queue.enqueue(speech[0], language=Language.AUTO, engine="whisper")
    done = run_job(queue, service)
    assert done.state is JobState.DONE, done.error
    transcript = store.load(store.id_for_job(job.id))
    assert "good morning" in transcript.segments[0].text.lower()
    assert all(s.words for s in transcript.segments)
    assert [sp.name for sp in transcript.speakers] == ["Speaker 1"]
    assert queue.pieces.kept_segments(job.id, 0) == []  # the piece's result replaced them
    srt = render(transcript, "srt").decode("utf-8")
    # greedy base decodes the second espeak sentence unreliably: only its cue is checked
    assert srt.count("-->") == len(transcript.segments) == 2
    docx = render(transcript, "docx")
    assert docx[:2] == b"PK"
    for fmt in ("vtt", "txt", "json"):
        assert render(transcript, fmt)


@pytest.mark.slow
def test_a_killed_child_keeps_its_segments_and_retry_resumes_after_them(env, speech) -> None:
    queue, store, engine, service = env
    job = queue.enqueue(
        speech[1], language=Language.AUTO, speakers=SpeakersMode.OFF, engine="whisper"
    )
    thread, ended = start_job(queue, service)
    kept = wait_for_segments(queue, job.id, 1)
    os.kill(engine.processes[0].pid, signal.SIGKILL)  # what the out-of-memory killer does
    thread.join(30)
    assert ended[0].state is JobState.FAILED
    assert ended[0].error == CRASHED
    kept = queue.pieces.kept_segments(job.id, 0)
    assert 1 <= len(kept) < len(SENTENCES)
    assert engine.requests[0].start_ms == (0,)

    queue.retry(job.id)
    done = run_job(queue, service)
    assert done.state is JobState.DONE, done.error
    # the second child started after the last stored segment, not from zero
    assert engine.requests[1].start_ms == (kept[-1]["end_ms"],)
    transcript = store.load(store.id_for_job(job.id))
    texts = [s.text for s in transcript.segments]
    assert texts[: len(kept)] == [p["text"] for p in kept]
    assert sum("good morning" in t.lower() for t in texts) == 1  # nothing transcribed twice
    assert any("every week" in t.lower() for t in texts)  # and the rest was reached
    starts = [s.start_ms for s in transcript.segments]
    assert starts == sorted(starts)


@pytest.mark.slow
def test_cancel_stops_the_child_within_a_second_and_keeps_segments(env, speech) -> None:
    queue, store, engine, service = env
    job = queue.enqueue(speech[1], language=Language.AUTO, engine="whisper")
    thread, ended = start_job(queue, service)
    wait_for_segments(queue, job.id, 1)
    asked = time.monotonic()
    service.cancel(job.id)
    thread.join(10)
    process = engine.processes[0]
    assert time.monotonic() - asked < 1.5
    assert ended[0].state is JobState.CANCELLED
    assert len(queue.pieces.kept_segments(job.id, 0)) >= 1
    with pytest.raises(ValueError):  # the process object is closed: it has been reaped
        process.is_alive()


def test_missing_model_while_offline_fails_at_once_with_the_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import huggingface_hub.constants

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_OFFLINE", True)
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")  # never the real hub
    db = Database.in_dir(tmp_path / "data")
    queue, store = JobQueue(db), TranscriptStore(db)
    settings = Settings(engine="whisper", whisper_model="tiny")
    factory = EngineFactory(settings, SecretStore(tmp_path / "cfg"), models_dir=tmp_path / "m")
    service = TranscriptionService(queue, store, factory, PipelineConfig(work_dir=tmp_path / "w"))
    audio = concat_wav(tmp_path / "a.wav", [1.0])
    queue.enqueue(audio, engine="whisper")
    started = time.monotonic()
    failed = run_job(queue, service)
    assert time.monotonic() - started < 20
    assert failed.state is JobState.FAILED
    assert failed.error == models.offline_sentence("tiny")
    db.close()
