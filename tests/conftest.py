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
