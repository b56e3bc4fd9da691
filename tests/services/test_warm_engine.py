"""The offline engine stays warm across a batch: one child process and one model load for all
the files of a run, released when the queue is idle (real Whisper base weights)."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import pytest

from kzdesk.core.job import JobState, Language, SpeakersMode
from kzdesk.services.engines import EngineFactory
from kzdesk.services.runner import QueueRunner
from kzdesk.services.secrets import SecretStore
from kzdesk.services.settings import Settings
from kzdesk.services.transcription import PipelineConfig, TranscriptionService
from kzdesk.storage.db import Database
from kzdesk.storage.job_queue import JobQueue
from kzdesk.storage.transcripts import TranscriptStore
from tests.realspeech import real

pytestmark = pytest.mark.slow

FILES = ["pisets_test_sound_ru.flac", "kk_ksc_example_2.flac", "kk_ksc_example_1.flac"]


def wait_until(condition, timeout: float = 15.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def test_a_batch_starts_one_engine_and_loads_the_model_once(
    tmp_path: Path, whisper_base: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db = Database.in_dir(tmp_path / "data")
    queue, store = JobQueue(db), TranscriptStore(db)
    settings = Settings(engine="whisper", whisper_model=str(whisper_base), whisper_device="cpu")
    factory = EngineFactory(settings, SecretStore(tmp_path / "cfg"), models_dir=tmp_path / "m")
    service = TranscriptionService(queue, store, factory, PipelineConfig(work_dir=tmp_path / "w"))
    jobs = [
        queue.enqueue(
            real(name),
            language=Language.KK_RU,
            speakers=SpeakersMode.OFF,
            engine="whisper",
            options={"beam_size": 1},
        )
        for name in FILES
    ]
    with caplog.at_level(logging.INFO, logger="kzdesk.engines.whisper"):
        ended = QueueRunner(service, workers=2).run([j.id for j in jobs])
    assert [j.state for j in ended] == [JobState.DONE] * 3, [j.error for j in ended]
    process = factory.provider("whisper").process  # type: ignore[attr-defined]
    assert process is not None
    assert process.starts == 1  # one child for the three files
    assert sum("loaded on" in r.getMessage() for r in caplog.records) == 1  # one model load
    # the queue is idle: the runner released the child (it exits by itself)
    assert wait_until(lambda: not process.warm)
    db.close()
