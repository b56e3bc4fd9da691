"""A new engine is one module and one line in the registry: a toy engine registered here (and
nowhere else) is accepted by ``kzdesk transcribe --engine``, runs a file through the real
pipeline (ffmpeg, SQLite, export), is a valid setting and is listed in the queue's menus and
the Settings dialog."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from kzdesk.core import engine_registry
from kzdesk.core.engine import AudioPiece, EngineContext, RecognitionOptions, Utterance
from kzdesk.core.engine_registry import EngineInfo
from kzdesk.core.job import JobState, Language, SpeakersMode
from kzdesk.services.engines import EngineFactory
from kzdesk.services.secrets import SecretStore
from kzdesk.services.settings import Settings
from kzdesk.services.transcription import PipelineConfig, TranscriptionService
from kzdesk.storage.db import Database
from kzdesk.storage.job_queue import JobQueue
from kzdesk.storage.transcripts import TranscriptStore
from tests.media import bursts_file


# ---- the toy engine: its module … ---------------------------------------------------------------
class ToyEngine:
    """Hears the same words in every piece."""

    name = "toy"

    def transcribe(
        self, piece: AudioPiece, options: RecognitionOptions, ctx: EngineContext
    ) -> list[Utterance]:
        return [Utterance("0", 0, piece.duration_ms, f"toy words of piece {piece.index}")]

    def cancel(self, operation_id: str) -> None:
        pass


# … and its registry line (in kzdesk: a ``register(...)`` in kzdesk/core/engine_registry.py)
TOY = EngineInfo("toy", "Toy", "Toy (a test)", "toy (a test)", lambda f: lambda j: ToyEngine())
# ---- end of the toy engine ----------------------------------------------------------------------


@pytest.fixture
def toy():
    engine_registry.register(TOY)
    yield TOY
    engine_registry.unregister(TOY.name)


@pytest.fixture(scope="module")
def recording(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return bursts_file(tmp_path_factory.mktemp("toy") / "кеңес.wav", [(0.5, 1.0)], 3.0)


def test_the_command_line_transcribes_with_it(toy, recording: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from kzdesk.cli import main

    with pytest.raises(SystemExit):
        main(["transcribe", "--help"])
    assert "{speechkit,whisper,server,toy}" in capsys.readouterr().out
    out, data = tmp_path / "out", tmp_path / "data"
    code = main(
        ["--data-dir", str(data), "transcribe", "--engine", "toy", "--speakers", "off",
         "--export", "txt", "--out", str(out), str(recording)]
    )  # fmt: skip
    assert code == 0
    assert "toy words of piece 0" in (out / "кеңес.txt").read_text(encoding="utf-8")
    db = Database.in_dir(data)
    try:
        [job] = JobQueue(db).all()
        assert (job.engine, job.state) == ("toy", JobState.DONE)
    finally:
        db.close()


def test_the_pipeline_runs_a_job_with_it(toy, recording: Path, tmp_path: Path) -> None:
    db = Database.in_dir(tmp_path / "data")
    queue, store = JobQueue(db), TranscriptStore(db)
    factory = EngineFactory(Settings(engine="toy"), SecretStore(tmp_path / "config"))
    service = TranscriptionService(queue, store, factory, PipelineConfig(work_dir=tmp_path / "w"))
    try:
        queued = queue.enqueue(
            recording, language=Language.RU, speakers=SpeakersMode.OFF, engine="toy"
        )
        assert replace(queued, speakers=SpeakersMode.AUTO).diarizes_locally  # labels nobody
        job = queue.claim_next()
        assert job is not None
        done = service.run(job)
        assert done.state is JobState.DONE, done.error
        texts = [s.text for s in store.load(store.id_for_job(done.id)).segments]
        assert texts == ["toy words of piece 0"]
    finally:
        db.close()


def test_it_is_a_setting_only_while_registered(toy) -> None:
    assert Settings(engine="toy").validate() == []
    engine_registry.unregister("toy")
    assert Settings(engine="toy").validate() != []
    engine_registry.register(TOY)


def test_the_menus_and_the_settings_dialog_list_it(toy, qtbot, tmp_path: Path) -> None:
    from kzdesk.ui.dialogs.settings_dialog import SettingsDialog
    from kzdesk.ui.job_actions import engine_names

    assert engine_names()["toy"] == "Toy"
    assert list(engine_names())[-1] == "toy"  # after the built-in ones
    dialog = SettingsDialog(
        Settings(engine="toy"),
        SecretStore(tmp_path / "config"),
        tmp_path / "data",
        check_connection=lambda key, folder: None,
    )
    qtbot.addWidget(dialog)
    assert dialog.engine_combo.currentData() == "toy"
    assert dialog.engine_combo.currentText() == "Toy (a test)"
    assert dialog.problems() == []
    assert dialog.current_settings().engine == "toy"
