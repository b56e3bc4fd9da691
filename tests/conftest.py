from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = ["tests.emulator.fixtures"]


@pytest.fixture(autouse=True)
def user_config_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch) -> Path:  # type: ignore[no-untyped-def]
    """The user's config folder holds the key file (never a data folder): each test gets its
    own, so no test reads a key another test stored, nor the real user's. Subprocesses
    started with os.environ inherit it."""
    folder = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    return folder


@pytest.fixture(scope="session")
def whisper_base(request: pytest.FixtureRequest) -> Path:
    """The real multilingual Whisper base model folder, joined once into pytest's cache (the
    same folder when the cache plugin is off: ``-p no:cacheprovider``)."""
    from tests.whisper_weights import build_whisper_base

    cache = getattr(request.config, "cache", None)
    if cache is not None:
        return build_whisper_base(cache.mkdir("whisper-base"))
    return build_whisper_base(
        Path(request.config.rootpath) / ".pytest_cache" / "d" / "whisper-base"
    )
