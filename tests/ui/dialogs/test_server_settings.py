"""Settings → Server: address, key (keyring only), model, requests at once, upload limit, and
the connection test against a local stub server, off the GUI thread."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import keyring
import pytest

from kzdesk.services import settings as settings_service
from kzdesk.services.secrets import SERVER, SecretStore
from kzdesk.services.server_engine import check_server
from kzdesk.services.settings import Settings
from kzdesk.ui.dialogs.settings_dialog import SettingsDialog
from tests.engines.openai_stub import Answer, Stub, verbose
from tests.keyrings import MemoryKeyring
from tests.ui.test_settings_dialog import NoKeyring

SERVER_KEY = "sk-organisation-Қазақ-0987654321"  # stored as typed, whatever the letters
ASCII_KEY = "sk-organisation-0987654321"


@pytest.fixture(autouse=True)
def _no_env_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KZDESK_SERVER_API_KEY", raising=False)
    monkeypatch.delenv("KZDESK_SPEECHKIT_API_KEY", raising=False)


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def stub():
    server = Stub()
    yield server
    server.stop()


def make(qtbot, tmp_path: Path, settings: Settings | None = None, **kwargs):  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    secrets = SecretStore(tmp_path / "config")
    dialog = SettingsDialog(
        settings or Settings(),
        secrets,
        data,
        check_connection=lambda key, folder: None,
        **kwargs,
    )
    qtbot.addWidget(dialog)
    return dialog, secrets, data


def test_the_server_page_loads_and_saves_its_settings(qtbot, memory_keyring, tmp_path) -> None:
    settings = Settings(
        engine="server",
        server_url="https://asr.example.org/v1",
        server_model="Systran/faster-whisper-large-v3",
        server_concurrency=6,
        server_max_upload_mb=100,
    )
    dialog, secrets, data = make(qtbot, tmp_path, settings)
    page = dialog.server
    assert dialog.tabs.tabText(dialog.tabs.indexOf(page)).replace("&", "") == "Server"
    assert dialog.engine_combo.currentText() == "Your organisation's transcription server"
    assert page.url_edit.text() == "https://asr.example.org/v1"
    assert page.model_edit.text() == "Systran/faster-whisper-large-v3"
    assert (page.concurrency_spin.value(), page.upload_spin.value()) == (6, 100)
    assert page.key.edit.echoMode() == page.key.edit.EchoMode.Password
    assert dialog.current_settings() == settings

    page.concurrency_spin.setValue(3)
    page.key.edit.setText(SERVER_KEY)
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert settings_service.load(data).server_concurrency == 3
    assert memory_keyring.store == {("kzdesk", "server-api-key"): SERVER_KEY}
    assert secrets.of(SERVER).api_key() == SERVER_KEY and secrets.api_key() is None
    assert SERVER_KEY not in (data / "settings.json").read_text(encoding="utf-8")
    assert not [p for p in tmp_path.rglob("*") if p.is_file() and b"0987654321" in p.read_bytes()]


def test_choosing_the_server_without_an_address_says_so(qtbot, memory_keyring, tmp_path) -> None:
    dialog, _, data = make(qtbot, tmp_path)
    dialog.engine_combo.setCurrentIndex(dialog.engine_combo.findData("server"))
    assert not dialog.ok_button.isEnabled()
    assert "enter its address on the Server page" in dialog.problems_label.text()
    dialog.server.url_edit.setText("asr.example.org")
    assert "must start with http:// or https://" in dialog.problems_label.text()
    dialog.server.url_edit.setText("http://asr.example.org:8000")
    assert dialog.ok_button.isEnabled()
    dialog.accept()
    saved = json.loads((data / "settings.json").read_text(encoding="utf-8"))
    assert (saved["engine"], saved["server_url"]) == ("server", "http://asr.example.org:8000")


def test_connection_test_shows_model_latency_and_word_times(
    qtbot, memory_keyring, tmp_path, stub: Stub
) -> None:
    threads: list[bool] = []

    def check(url: str, key: str | None, model: str):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread() is threading.main_thread())
        return check_server(url, key, model)

    stub.then(Answer(body=verbose("", end=1.0)))
    dialog, _, _ = make(qtbot, tmp_path, check_server=check)
    page = dialog.server
    page.url_edit.setText(stub.url + "/v1")
    page.key.edit.setText(ASCII_KEY)
    page.test_button.click()
    assert not page.test_button.isEnabled()
    qtbot.waitUntil(lambda: page.test_result.text().startswith("Connected"), timeout=20_000)
    text = page.test_result.text()
    assert "the model “whisper-1” answered in" in text and "Word times: yes." in text
    assert threads == [False]
    sent = stub.transcriptions()[0]
    assert sent.headers["Authorization"] == f"Bearer {ASCII_KEY}"
    assert sent.file_type == "audio/wav" and len(sent.audio) > 30_000  # one second, 16 kHz


def test_connection_test_without_word_times_and_with_a_model_list(
    qtbot, memory_keyring, tmp_path, stub: Stub
) -> None:
    stub.models = ["large-v3", "kazakh-ft"]
    stub.then(Answer(body=verbose("", words=False)))
    dialog, _, _ = make(qtbot, tmp_path)
    page = dialog.server
    page.url_edit.setText(stub.url)
    page.test_button.click()
    qtbot.waitUntil(lambda: page.test_result.text().startswith("Connected"), timeout=20_000)
    text = page.test_result.text()
    assert "Word times: no" in text
    assert "The server lists these models, not “whisper-1”: large-v3, kazakh-ft." in text


def test_connection_test_failure_is_the_engine_sentence(
    qtbot, memory_keyring, tmp_path, stub: Stub
) -> None:
    stub.then(Answer(401, {"error": {"message": "missing key"}}))
    dialog, _, _ = make(qtbot, tmp_path)
    page = dialog.server
    page.url_edit.setText(stub.url)
    page.test_button.click()
    qtbot.waitUntil(lambda: "asks for an API key" in page.test_result.text(), timeout=20_000)
    assert page.test_button.isEnabled()
    page.key.edit.setText(SERVER_KEY)  # a letter no HTTP header can carry
    page.test_button.click()
    qtbot.waitUntil(lambda: "cannot be sent" in page.test_result.text(), timeout=20_000)
    page.url_edit.setText("")
    page.test_button.click()
    assert page.test_result.text() == "Enter the server's address first."


def test_server_key_without_a_keyring_goes_where_the_user_says(qtbot, tmp_path) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    try:
        dialog, secrets, data = make(qtbot, tmp_path)
        field = dialog.server.key
        assert field.session_radio.isChecked()
        field.edit.setText(SERVER_KEY)
        field.file_radio.setChecked(True)
        dialog.accept()
        server = secrets.of(SERVER)
        assert server.fallback_path.name == "server.key"
        assert server.fallback_path.read_text(encoding="utf-8") == SERVER_KEY
        assert server.fallback_path.stat().st_mode & 0o077 == 0
        assert not secrets.fallback_path.exists()  # the SpeechKit key file is another one
    finally:
        keyring.set_keyring(previous)
