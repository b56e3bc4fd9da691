from __future__ import annotations

import json
import threading
from pathlib import Path

import keyring
import keyring.backend
import keyring.errors
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from kzdesk.core.engine import EngineError, FailureKind
from kzdesk.services import settings as settings_service
from kzdesk.services.secrets import ENV_KEY, SecretStore
from kzdesk.services.settings import Settings
from kzdesk.ui.dialogs.settings_dialog import FirstRunBanner, SettingsDialog
from tests.keyrings import MemoryKeyring

KEY = "AQVN-test-secret-Қазақ-1234567890"


class NoKeyring(keyring.backend.KeyringBackend):
    priority = 0  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.NoKeyringError("none")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.NoKeyringError("none")

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.NoKeyringError("none")


def _use_backend(backend: keyring.backend.KeyringBackend):
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def memory_keyring():
    yield from _use_backend(MemoryKeyring())


@pytest.fixture
def no_keyring():
    yield from _use_backend(NoKeyring())


@pytest.fixture(autouse=True)
def _no_env_key(monkeypatch) -> None:
    monkeypatch.delenv(ENV_KEY, raising=False)


@pytest.fixture
def dirs(tmp_path) -> tuple[Path, Path]:
    data, config = tmp_path / "data", tmp_path / "config"
    data.mkdir()
    return data, config


def _dialog(qtbot, data: Path, config: Path, settings: Settings | None = None, check=None):
    secrets = SecretStore(config)
    dialog = SettingsDialog(
        settings or Settings(),
        secrets,
        data,
        check_connection=check or (lambda key, folder: None),
    )
    qtbot.addWidget(dialog)
    return dialog, secrets


def _files_containing(root: Path, text: str) -> list[Path]:
    needle = text.encode("utf-8")
    return [p for p in root.rglob("*") if p.is_file() and needle in p.read_bytes()]


def test_fields_load_from_settings(qtbot, memory_keyring, dirs) -> None:
    settings = Settings(
        folder_id="b1g2abc3def4",
        language="ru",
        speakers="channels",
        model="deferred-general",
        parallel_jobs=7,
        output_dir="/exports",
        auto_export=["srt", "txt"],
        price_per_minute=1.5,
        currency="₽",
        interface_language="kk",
    )
    dialog, _ = _dialog(qtbot, *dirs, settings=settings)
    assert dialog.folder_edit.text() == "b1g2abc3def4"
    assert dialog.language_combo.currentData() == "ru"
    assert dialog.speakers_combo.currentText() == "Each channel is a person"
    assert dialog.model_combo.currentData() == "deferred-general"
    assert dialog.parallel_spin.value() == 7
    assert (dialog.parallel_spin.minimum(), dialog.parallel_spin.maximum()) == (1, 16)
    assert dialog.output_edit.text() == "/exports"
    assert [f for f, c in dialog.format_checks.items() if c.isChecked()] == ["srt", "txt"]
    assert dialog.price_spin.value() == 1.5
    assert dialog.currency_edit.text() == "₽"
    assert dialog.interface_combo.currentText() == "Қазақша"
    assert dialog.key_edit.echoMode() == dialog.key_edit.EchoMode.Password
    assert dialog.current_settings() == settings
    assert dialog.ok_button.isEnabled()


def test_defaults_and_labels(qtbot, memory_keyring, dirs) -> None:
    dialog, _ = _dialog(qtbot, *dirs)
    assert dialog.parallel_spin.value() == 5
    assert [dialog.language_combo.itemText(i) for i in range(4)] == [
        "Kazakh + Russian",
        "Kazakh",
        "Russian",
        "Automatic",
    ]
    # Every form label with a mnemonic moves the focus to its field.
    labels = [lb for lb in dialog.findChildren(QLabel) if "&" in lb.text()]
    assert len(labels) >= 10
    assert all(lb.buddy() is not None for lb in labels)


def test_show_toggle_reveals_the_key(qtbot, memory_keyring, dirs) -> None:
    dialog, _ = _dialog(qtbot, *dirs)
    qtbot.mouseClick(dialog.show_key_button, Qt.MouseButton.LeftButton)
    assert dialog.key_edit.echoMode() == dialog.key_edit.EchoMode.Normal
    qtbot.mouseClick(dialog.show_key_button, Qt.MouseButton.LeftButton)
    assert dialog.key_edit.echoMode() == dialog.key_edit.EchoMode.Password


def test_invalid_values_show_the_sentence_and_disable_ok(qtbot, memory_keyring, dirs) -> None:
    dialog, _ = _dialog(qtbot, *dirs)
    dialog.show()
    qtbot.keyClicks(dialog.folder_edit, "b1g/x!")
    assert not dialog.ok_button.isEnabled()
    assert dialog.problems_label.isVisible()
    assert "folder ID has only Latin letters and digits" in dialog.problems_label.text()
    dialog.accept()  # e.g. Enter: nothing is saved while invalid
    assert not (dirs[0] / settings_service.SETTINGS_FILE).exists()

    dialog.folder_edit.setText("b1g2abc3def4")
    assert dialog.ok_button.isEnabled()
    assert not dialog.problems_label.isVisible()


def test_ok_saves_settings_and_key_only_in_the_keyring(qtbot, memory_keyring, dirs) -> None:
    data, config = dirs
    dialog, secrets = _dialog(qtbot, data, config)
    dialog.key_edit.setText(KEY)
    dialog.folder_edit.setText("b1g2abc3def4")
    dialog.parallel_spin.setValue(3)
    dialog.format_checks["vtt"].setChecked(True)
    with qtbot.waitSignal(dialog.settings_saved) as saved:
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
    new = saved.args[0]
    assert isinstance(new, Settings)
    assert (new.parallel_jobs, new.folder_id, new.auto_export) == (
        3,
        "b1g2abc3def4",
        ["docx", "vtt"],
    )
    assert dialog.result() == dialog.DialogCode.Accepted
    assert settings_service.load(data) == new
    assert memory_keyring.store == {("kzdesk", "speechkit-api-key"): KEY}
    assert secrets.api_key() == KEY
    saved_json = json.loads((data / "settings.json").read_text(encoding="utf-8"))
    assert KEY not in json.dumps(saved_json, ensure_ascii=False)
    assert _files_containing(data, KEY) == []
    assert not config.exists() or _files_containing(config, KEY) == []


def test_an_unchanged_key_is_not_written_again(qtbot, memory_keyring, dirs) -> None:
    data, config = dirs
    SecretStore(config).set_api_key(KEY)
    dialog, _ = _dialog(qtbot, data, config)
    assert dialog.key_edit.text() == KEY
    memory_keyring.store.clear()  # would be refilled if the dialog wrote the key again
    dialog.accept()
    assert memory_keyring.store == {}


def test_a_cleared_key_is_deleted(qtbot, memory_keyring, dirs) -> None:
    data, config = dirs
    SecretStore(config).set_api_key(KEY)
    dialog, secrets = _dialog(qtbot, data, config)
    dialog.key_edit.clear()
    dialog.accept()
    assert memory_keyring.store == {}
    assert secrets.api_key() is None


def test_no_keyring_offers_session_or_file(qtbot, no_keyring, dirs) -> None:
    data, config = dirs
    dialog, secrets = _dialog(qtbot, data, config)
    dialog.show()
    assert dialog.no_keyring_warning.isVisible()
    assert "no system keyring" in dialog.no_keyring_warning.text()
    assert dialog.session_radio.text().replace("&", "") == "Keep the key for this session only"
    assert dialog.file_radio.text().replace("&", "") == (
        "Keep it in a file only my user can read (not encrypted)"
    )
    assert dialog.session_radio.isChecked()
    assert dialog.key_storage() == "session"

    dialog.key_edit.setText(KEY)
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert secrets.api_key() == KEY
    assert not secrets.fallback_path.exists()
    assert _files_containing(data, KEY) == []


def test_no_keyring_file_choice_writes_a_user_only_file(qtbot, no_keyring, dirs) -> None:
    data, config = dirs
    dialog, secrets = _dialog(qtbot, data, config)
    dialog.key_edit.setText(KEY)
    dialog.file_radio.setChecked(True)
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert secrets.fallback_path.read_text(encoding="utf-8") == KEY
    assert secrets.fallback_path.stat().st_mode & 0o077 == 0
    assert _files_containing(data, KEY) == []
    # Reopened: the file choice is remembered; switching to session-only removes the file.
    again, secrets = _dialog(qtbot, data, config)
    assert again.file_radio.isChecked()
    again.session_radio.setChecked(True)
    again.accept()
    assert not secrets.fallback_path.exists()
    assert secrets.api_key() == KEY


def test_keyring_refusal_keeps_the_dialog_open_with_a_sentence(qtbot, memory_keyring, dirs):
    def refuse(service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("locked")

    memory_keyring.set_password = refuse  # type: ignore[method-assign]
    dialog, _ = _dialog(qtbot, *dirs)
    dialog.key_edit.setText(KEY)
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "keyring did not accept the key" in dialog.problems_label.text()
    assert not (dirs[0] / settings_service.SETTINGS_FILE).exists()


def test_test_connection_success_runs_off_the_gui_thread(qtbot, memory_keyring, dirs) -> None:
    seen: list[tuple[str, str, bool]] = []

    def check(key: str, folder: str) -> None:
        seen.append((key, folder, threading.current_thread() is threading.main_thread()))

    dialog, _ = _dialog(qtbot, *dirs, check=check)
    dialog.key_edit.setText(f"  {KEY} ")
    dialog.folder_edit.setText("b1g2abc3def4")
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.test_result.text().startswith("Connected"), timeout=5000)
    assert seen == [(KEY, "b1g2abc3def4", False)]
    assert dialog.test_button.isEnabled()


def test_test_connection_failure_shows_the_engine_sentence(qtbot, memory_keyring, dirs) -> None:
    sentence = "SpeechKit rejected the API key. Open Settings and paste a valid key."

    def check(key: str, folder: str) -> None:
        raise EngineError(FailureKind.AUTH, sentence)

    dialog, _ = _dialog(qtbot, *dirs, check=check)
    dialog.key_edit.setText(KEY)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.test_result.text() == sentence, timeout=5000)


def test_test_connection_unexpected_error_and_missing_key(qtbot, memory_keyring, dirs) -> None:
    def check(key: str, folder: str) -> None:
        raise RuntimeError("boom")

    dialog, _ = _dialog(qtbot, *dirs, check=check)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert dialog.test_result.text() == "Paste the API key first."
    dialog.key_edit.setText(KEY)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "failed unexpectedly" in dialog.test_result.text(), timeout=5000)
    assert "boom" not in dialog.test_result.text()


def test_first_run_banner(qtbot) -> None:
    banner = FirstRunBanner()
    qtbot.addWidget(banner)
    banner.show()
    assert "SpeechKit" in banner.message.text()
    with qtbot.waitSignal(banner.settings_requested):
        qtbot.mouseClick(banner.open_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(banner.dismissed):
        qtbot.mouseClick(banner.close_button, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()


def test_export_tab_holds_the_export_language_and_the_subtitle_rules(
    qtbot, memory_keyring, dirs
) -> None:
    settings = Settings(export_language="ru", subtitle_cps=17.0, subtitle_gap_ms=80)
    dialog, _ = _dialog(qtbot, *dirs, settings=settings)
    page = dialog.exports
    assert dialog.tabs.indexOf(page) >= 0
    assert page.language_combo.currentText() == "Русский"
    assert page.rules_form.cps_spin.value() == 17.0
    assert page.rules_form.gap_spin.value() == pytest.approx(0.08)
    assert dialog.current_settings() == settings
    page.rules_form.line_chars_spin.setValue(37)
    page.rules_form.gap_spin.setValue(0.12)
    ui = page.language_combo
    ui.setCurrentIndex(ui.findData(""))  # the same as the interface
    new = dialog.current_settings()
    assert (new.subtitle_line_chars, new.subtitle_gap_ms, new.export_language) == (37, 120, "")
    # a rule set that cannot be met is explained and blocks OK
    page.rules_form.min_cue_spin.setValue(9.0)
    page.rules_form.max_cue_spin.setValue(5.0)
    assert not dialog.ok_button.isEnabled()
    assert "shortest cue" in dialog.problems_label.text()


def test_the_engine_is_chosen_on_the_general_tab(qtbot, memory_keyring, dirs) -> None:
    """Where README sends people: Settings → General → Engine."""
    dialog, _ = _dialog(qtbot, *dirs)
    general = dialog.tabs.widget(0)
    assert dialog.tabs.tabText(0) == "&General"
    assert general.isAncestorOf(dialog.engine_combo)
    assert dialog.engine_combo.itemText(1) == "Offline — Whisper on this computer"
