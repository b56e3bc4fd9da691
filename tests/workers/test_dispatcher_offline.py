"""The window's dispatcher keeps the offline engine warm for a batch and releases it when the
queue is idle (real Whisper base weights)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzdesk.core.job import Language, SpeakersMode
from kzdesk.services.engines import EngineFactory
from kzdesk.services.jobs import JobService
from kzdesk.services.secrets import SecretStore
from kzdesk.services.settings import Settings
from kzdesk.services.transcription import PipelineConfig, TranscriptionService
from kzdesk.storage.db import Database
from kzdesk.storage.job_queue import JobQueue
from kzdesk.storage.transcripts import TranscriptStore
from kzdesk.workers.dispatcher import Dispatcher
from tests.realspeech import real

pytestmark = pytest.mark.slow


def test_one_engine_process_per_batch_released_when_idle(
    qtbot, tmp_path: Path, whisper_base: Path
) -> None:
    db = Database.in_dir(tmp_path / "data")
    queue = JobQueue(db)
    settings = Settings(engine="whisper", whisper_model=str(whisper_base), whisper_device="cpu")
    factory = EngineFactory(settings, SecretStore(tmp_path / "cfg"), models_dir=tmp_path / "m")
    service = TranscriptionService(
        queue, TranscriptStore(db), factory, PipelineConfig(work_dir=tmp_path / "w")
    )
    dispatcher = Dispatcher(service, JobService(queue), max_workers=3)
    batches: list[tuple[int, int]] = []
    dispatcher.batch_finished.connect(lambda done, failed: batches.append((done, failed)))
    dispatcher.start()
    try:
        dispatcher.enqueue_files(
            [real("pisets_test_sound_ru.flac"), real("kk_ksc_example_2.flac")],
            language=Language.KK_RU,
            speakers=SpeakersMode.OFF,
            engine="whisper",
            options={"beam_size": 1},
        )
        qtbot.waitUntil(lambda: batches == [(2, 0)], timeout=180_000)
        process = factory.provider("whisper").process  # type: ignore[attr-defined]
        assert process is not None and process.starts == 1
        qtbot.waitUntil(lambda: not process.warm, timeout=15_000)
    finally:
        dispatcher.shutdown(10_000)
        db.close()
