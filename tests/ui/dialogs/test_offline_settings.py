"""Settings → Offline engine: installed models with sizes, delete, model choice, engine default."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool

from kzdesk.services import models
from kzdesk.services import settings as settings_service
from kzdesk.services.secrets import SecretStore
from kzdesk.services.settings import Settings
from kzdesk.ui.dialogs.model_download_dialog import ModelDownloadDialog
from kzdesk.ui.dialogs.settings_dialog import SettingsDialog
from tests.keyrings import MemoryKeyring
from tests.services.test_models import fake_model
from tests.ui.test_main_window import recordings


@pytest.fixture(autouse=True)
def memory_keyring():
    import keyring

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def models_dir(tmp_path: Path) -> Path:
    root = tmp_path / "models"
    fake_model(root, "Systran/faster-whisper-base", size=2_500_000)
    fake_model(root, "Systran/faster-whisper-small", size=4_800_000)
    return root


def make_dialog(qtbot, tmp_path: Path, models_dir: Path, settings: Settings | None = None):
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    dialog = SettingsDialog(
        settings or Settings(),
        SecretStore(tmp_path / "config"),
        data,
        check_connection=lambda key, folder: None,
        models_dir=models_dir,
    )
    qtbot.addWidget(dialog)
    return dialog, data


def test_installed_models_are_listed_with_sizes_and_can_be_deleted(
    qtbot, tmp_path: Path, models_dir: Path
) -> None:
    dialog, _ = make_dialog(qtbot, tmp_path, models_dir)
    page = dialog.offline
    assert page.installed_names() == ["base", "small"]
    assert page.installed.item(0, 1).text() == "3 MB"
    assert page.installed.item(1, 1).text() == "5 MB"
    assert not page.delete_button.isEnabled()
    page.select_installed("small")
    assert page.delete_button.isEnabled()
    page.delete_button.click()
    assert page.installed_names() == ["base"]
    assert [m.name for m in models.installed_models(models_dir)] == ["base"]


def test_choosing_offline_persists_the_engine_and_model(
    qtbot, tmp_path: Path, models_dir: Path
) -> None:
    dialog, data = make_dialog(qtbot, tmp_path, models_dir)
    page = dialog.offline
    assert "Ready" in page.status_label.text()  # base is installed
    assert not page.download_button.isVisibleTo(page)
    dialog.engine_combo.setCurrentIndex(dialog.engine_combo.findData("whisper"))
    page.model_combo.setCurrentIndex(page.model_combo.findData("medium"))
    assert "Not downloaded yet" in page.status_label.text()
    assert page.download_button.isVisibleTo(page)
    page.device_combo.setCurrentIndex(page.device_combo.findData("cpu"))
    with qtbot.waitSignal(dialog.settings_saved):
        dialog.accept()
    saved = settings_service.load(data)
    assert (saved.engine, saved.whisper_model, saved.whisper_device) == ("whisper", "medium", "cpu")


def test_a_model_folder_is_accepted_and_a_wrong_one_is_explained(
    qtbot, tmp_path: Path, models_dir: Path
) -> None:
    mine = tmp_path / "kk-model"
    mine.mkdir()
    (mine / "model.bin").write_bytes(b"1")
    (mine / "config.json").write_text("{}")
    dialog, data = make_dialog(qtbot, tmp_path, models_dir, Settings(whisper_model=str(mine)))
    page = dialog.offline
    assert page.model_combo.currentData() == ""
    assert page.custom_edit.text() == str(mine)
    assert dialog.ok_button.isEnabled()
    page.custom_edit.setText(str(tmp_path))  # a folder without a model
    assert not dialog.ok_button.isEnabled()
    assert "holds no Whisper model" in dialog.problems_label.text()
    page.custom_edit.setText(str(mine))
    with qtbot.waitSignal(dialog.settings_saved):
        dialog.accept()
    assert settings_service.load(data).whisper_model == str(mine)


def test_download_dialog_shows_the_offline_sentence(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import huggingface_hub.constants

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_OFFLINE", True)
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")
    pool = QThreadPool()
    dialog = ModelDownloadDialog("tiny", tmp_path / "m", pool=pool)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.error is not None, timeout=20_000)
    assert dialog.error == models.offline_sentence("tiny")
    assert dialog.label.text() == dialog.error
    pool.waitForDone(5000)


def test_download_dialog_cancel_stops_the_task(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = threading.Event()

    def slow_download(name, models_dir, *, progress, cancelled):  # type: ignore[no-untyped-def]
        started.set()
        done = 0
        while True:  # chunks keep coming until the user cancels
            if cancelled():
                raise models.DownloadCancelled()
            done += 1024
            progress(done, 10 * 1024 * 1024)
            threading.Event().wait(0.01)

    monkeypatch.setattr(models, "download", slow_download)
    pool = QThreadPool()
    dialog = ModelDownloadDialog("base", tmp_path / "m", pool=pool)
    qtbot.addWidget(dialog)
    assert started.wait(5)
    qtbot.waitUntil(lambda: dialog.bar.maximum() > 0, timeout=5000)
    with qtbot.waitSignal(dialog.rejected, timeout=5000):
        dialog.reject()
    assert dialog.result_path is None
    pool.waitForDone(5000)


# ---- the engine of one queued job (the queue's context menu) ----------------------------------


def test_a_queued_job_can_switch_to_the_offline_engine(qtbot, open_window, env: Path) -> None:
    window, ctx = open_window()
    window.dispatcher.pause()  # the job stays queued: only then can its engine change
    job = ctx.queue.enqueue(recordings(env / "in", ["a.wav"])[0])
    window.model.upsert(job)
    window.view.select_job(job.id)
    actions = window.actions_
    actions.update_enabled()
    assert actions.engine_menu.isEnabled()
    whisper = next(a for a in actions.engine_menu.actions() if a.data() == "whisper")
    whisper.trigger()
    assert ctx.queue.get(job.id).engine == "whisper"
    assert whisper.isChecked()
