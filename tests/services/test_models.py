"""Whisper models: catalogue names, what is installed (with sizes), delete, download errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzdesk.core.engine import EngineError, FailureKind
from kzdesk.services import models


def fake_model(models_dir: Path, repo_id: str, size: int = 1000, revision: str = "abc123") -> Path:
    """A complete model in the hub cache layout (blobs + snapshot links + refs/main)."""
    repo = models_dir / ("models--" + repo_id.replace("/", "--"))
    blobs = repo / "blobs"
    blobs.mkdir(parents=True)
    snapshot = repo / "snapshots" / revision
    snapshot.mkdir(parents=True)
    for name, data in (("model.bin", b"x" * size), ("config.json", b"{}")):
        blob = blobs / f"{name}-blob"
        blob.write_bytes(data)
        (snapshot / name).symlink_to(blob)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(revision)
    return snapshot


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    import huggingface_hub.constants

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_OFFLINE", True)
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")


def test_names_map_to_hub_ids_or_folders(tmp_path: Path) -> None:
    assert models.repo_for("base") == "Systran/faster-whisper-base"
    assert models.repo_for("large-v3-turbo") == "mobiuslabsgmbh/faster-whisper-large-v3-turbo"
    assert models.repo_for("someone/whisper-kk-ct2") == "someone/whisper-kk-ct2"
    folder = tmp_path / "my-model"
    folder.mkdir()
    (folder / "model.bin").write_bytes(b"1")
    (folder / "config.json").write_text("{}")
    assert models.repo_for(str(folder)) is None
    assert models.local_model_path(str(folder), tmp_path / "cache") == folder
    assert models.describe_missing(str(folder)) is None
    assert "not a Whisper model" in (models.describe_missing("huge") or "")
    assert "holds no Whisper model" in (models.describe_missing(str(tmp_path)) or "")


def test_installed_models_are_listed_with_their_size_and_deleted(tmp_path: Path) -> None:
    assert models.installed_models(tmp_path / "none") == []
    snapshot = fake_model(tmp_path, "Systran/faster-whisper-small", size=5000)
    fake_model(tmp_path, "Systran/faster-whisper-base", size=3000)
    fake_model(tmp_path, "someone/kk-ct2", size=100)
    incomplete = tmp_path / "models--Systran--faster-whisper-tiny" / "blobs"
    incomplete.mkdir(parents=True)
    (incomplete / "x.incomplete").write_bytes(b"1" * 10)

    found = models.installed_models(tmp_path)
    assert [m.name for m in found] == ["base", "small", "someone/kk-ct2"]
    assert found[1].path == snapshot
    assert found[1].size_bytes == 5002  # the blobs; the snapshot's links are not counted twice
    assert models.local_model_path("small", tmp_path) == snapshot
    assert models.local_model_path("tiny", tmp_path) is None

    assert models.delete_model("small", tmp_path)
    assert not models.delete_model("small", tmp_path)
    assert [m.name for m in models.installed_models(tmp_path)] == ["base", "someone/kk-ct2"]
    assert models.delete_model("someone/kk-ct2", tmp_path)


def test_a_users_own_folder_is_never_deleted(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "model.bin").write_bytes(b"1")
    (folder / "config.json").write_text("{}")
    assert not models.delete_model(str(folder), tmp_path)
    assert folder.is_dir()


def test_download_while_offline_says_so(tmp_path: Path, offline: None) -> None:
    with pytest.raises(models.ModelError) as caught:
        models.download("tiny", tmp_path)
    assert caught.value.message == models.offline_sentence("tiny")
    assert "no connection to the internet" in caught.value.message


def test_locator_finds_a_cached_model_and_fails_plainly_when_offline(
    tmp_path: Path, offline: None
) -> None:
    snapshot = fake_model(tmp_path, "Systran/faster-whisper-base")
    assert models.locator("base", tmp_path)(lambda d, t: None, lambda: False) == snapshot
    with pytest.raises(EngineError) as caught:
        models.locator("medium", tmp_path)(lambda d, t: None, lambda: False)
    assert caught.value.kind is FailureKind.MODEL
    assert not caught.value.retryable
    with pytest.raises(EngineError) as unknown:
        models.locator("gigantic", tmp_path)(lambda d, t: None, lambda: False)
    assert "not a Whisper model" in unknown.value.message


def test_progress_bar_reports_bytes_and_stops_on_cancel() -> None:
    seen: list[tuple[int, int]] = []
    stop = False
    bar_class = models._progress_class(lambda d, t: seen.append((d, t)), lambda: stop)
    files = bar_class(total=3, desc="Fetching 3 files")  # counts files: not reported
    files.update(1)
    data = bar_class(total=0, unit="B", desc="Reconstructing (incomplete total...)")
    data.total = 1000  # snapshot_download grows the total as each file starts
    data.update(400)
    data.update(600)
    assert seen == [(400, 1000), (1000, 1000)]
    stop = True
    with pytest.raises(models.DownloadCancelled):
        data.update(1)


def test_default_folder_follows_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(models.ENV_MODELS_DIR, str(tmp_path))
    assert models.default_models_dir() == tmp_path
    monkeypatch.delenv(models.ENV_MODELS_DIR)
    assert models.default_models_dir().name == "models"
    assert models.format_size(145_217_607) == "145 MB"
    assert models.format_size(1_620_000_000) == "1.6 GB"
