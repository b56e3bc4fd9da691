from __future__ import annotations

from pathlib import Path

import keyring
import pytest

from kzdesk.services.secrets import ENV_KEY, SecretStore, keyring_available
from tests.keyrings import MemoryKeyring


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def test_keyring_holds_the_key_and_no_file_is_written(memory_keyring, tmp_path: Path, monkeypatch):
    monkeypatch.delenv(ENV_KEY, raising=False)
    store = SecretStore(tmp_path)
    assert keyring_available()
    store.set_api_key("file-key", where="file")
    assert store.set_api_key("  ring-key \n") == "keyring"
    assert store.api_key() == "ring-key"
    assert not store.fallback_path.exists()  # the older clear-text copy is gone
    assert list(tmp_path.iterdir()) == []


def test_without_keyring_the_user_chooses(tmp_path: Path, monkeypatch):
    monkeypatch.delenv(ENV_KEY, raising=False)
    monkeypatch.setattr("kzdesk.services.secrets.keyring_available", lambda: False)
    store = SecretStore(tmp_path)
    with pytest.raises(keyring.errors.NoKeyringError):
        store.set_api_key("k")
    store.set_api_key("in-file", where="file")
    assert store.fallback_path.stat().st_mode & 0o777 == 0o600
    store.set_api_key("this-run", where="session")
    assert store.api_key() == "this-run" and not store.fallback_path.exists()
    assert SecretStore(tmp_path).api_key() is None  # nothing comes back next start
    store.set_api_key("in-file-again", where="file")
    assert store.api_key() == "in-file-again"  # the session key no longer hides it


def test_environment_wins_for_scripts(tmp_path: Path, monkeypatch):
    monkeypatch.setenv(ENV_KEY, "from-env")
    store = SecretStore(tmp_path)
    store.set_api_key("in-file", where="file")
    assert store.api_key() == "from-env"
