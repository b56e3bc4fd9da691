"""Other local users cannot read transcripts: the data folder 0700, kzdesk's files in it 0600;
the key file lives in the user's config folder, never in a data folder."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import numpy as np
import pytest

from kzdesk.app import AppContext, setup_logging
from kzdesk.services import waveform
from kzdesk.services.secrets import SecretStore
from tests.media import bursts_file

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_data_folder_and_what_kzdesk_writes_in_it(tmp_path: Path) -> None:
    os.umask(old := os.umask(0o022))
    data = tmp_path / "data"
    ctx = AppContext.open(data)
    try:
        setup_logging(ctx.log_dir)
        ctx.queue.enqueue(tmp_path / "a.wav")  # the WAL and SHM files now exist
        ctx.voices.save("Айгүл", np.ones(8, dtype=np.float32), "test-model")
        recording = bursts_file(tmp_path / "a.wav", [(0.2, 0.5)], 1.0)
        waveform.load_or_compute(recording, data / "cache" / "waveforms")
        from kzdesk.services import settings as settings_module

        settings_module.save(data, ctx.settings)
        files = {p.relative_to(data).as_posix(): mode(p) for p in data.rglob("*")}
    finally:
        ctx.close()
    assert mode(data) == 0o700
    for name in (
        "kzdesk.sqlite3",
        "kzdesk.sqlite3-wal",
        "kzdesk.sqlite3-shm",
        "logs/kzdesk.log",
        "voices/voice_profiles.json",
        "settings.json",
    ):
        assert files.pop(name) == 0o600, name
    [peaks] = [n for n in files if n.endswith(".peaks")]
    assert files.pop(peaks) == 0o600
    assert set(files.values()) == {0o700}, files  # the folders
    assert old == 0o022  # the process umask was not changed


def test_an_older_data_folder_is_made_private(tmp_path: Path) -> None:
    """What an older kzdesk left readable (and a link, which is never followed)."""
    data = tmp_path / "data"
    AppContext.open(data).close()
    for path in [data, *data.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    (data / "audio" / "7").mkdir(mode=0o755)
    (data / "audio" / "7" / "audio-1.ogg").write_bytes(b"OggS")
    (data / "audio" / "7" / "audio-1.ogg").chmod(0o644)
    outside = tmp_path / "outside.txt"
    outside.write_text("not kzdesk's")
    outside.chmod(0o644)
    (data / "audio" / "link.ogg").symlink_to(outside)
    AppContext.open(data).close()
    assert mode(outside) == 0o644
    assert mode(data) == 0o700
    assert mode(data / "kzdesk.sqlite3") == 0o600
    assert mode(data / "audio" / "7") == 0o700
    assert mode(data / "audio" / "7" / "audio-1.ogg") == 0o600


def test_a_folder_with_the_users_own_files_keeps_its_mode(tmp_path: Path) -> None:
    folder = tmp_path / "Documents"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    thesis = folder / "thesis.docx"
    thesis.write_bytes(b"PK")
    thesis.chmod(0o644)
    AppContext.open(folder).close()
    assert mode(folder) == 0o755 and mode(thesis) == 0o644  # not kzdesk's to change
    assert mode(folder / "kzdesk.sqlite3") == 0o600


def test_a_shared_sticky_folder_is_never_changed(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    AppContext.open(shared).close()
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777
    assert mode(shared / "kzdesk.sqlite3") == 0o600


def test_the_key_file_moves_out_of_an_explicit_data_folder(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "speechkit.key").write_text("key-in-data\n")
    config = tmp_path / "config"
    store = SecretStore(config)
    store.adopt_key_file(data)
    assert (config / "speechkit.key").read_text() == "key-in-data"
    assert mode(config / "speechkit.key") == 0o600
    assert not (data / "speechkit.key").exists()

    # a different key already in the config folder wins; the old one is kept beside it
    (data / "speechkit.key").write_text("another-key")
    store.adopt_key_file(data)
    assert (config / "speechkit.key").read_text() == "key-in-data"
    assert (config / "speechkit.key.previous").read_text() == "another-key"
    assert mode(config / "speechkit.key.previous") == 0o600
    assert not (data / "speechkit.key").exists()


def test_set_file_never_writes_into_the_data_folder(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("KZDESK_SPEECHKIT_API_KEY", raising=False)
    data = tmp_path / "data"
    ctx = AppContext.open(data)
    try:
        ctx.secrets.set_api_key("the-key", where="file")
        assert ctx.secrets.fallback_path == tmp_path / "config" / "kzdesk" / "speechkit.key"
        assert ctx.secrets.api_key() == "the-key"
    finally:
        ctx.close()
    assert not any(b"the-key" in p.read_bytes() for p in data.rglob("*") if p.is_file())
