from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The language kzdesk writes new speakers' names and export words in follows the system
# (LANGUAGE, LC_ALL, LANG): English here, whatever the developer's machine says; tests of
# other languages say so themselves.
os.environ["LANGUAGE"] = "en"

pytest_plugins = ["tests.emulator.fixtures"]


@pytest.fixture(autouse=True)
def user_config_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch) -> Path:  # type: ignore[no-untyped-def]
    """The user's config folder holds the key file (never a data folder): each test gets its
    own, so no test reads a key another test stored, nor the real user's. Subprocesses
    started with os.environ inherit it."""
    folder = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    return folder


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:  # type: ignore[no-untyped-def]
    """Skips for a program the machine lacks, in a block of their own (see missing_tools)."""
    from tests.missing_tools import summary

    lines = summary(terminalreporter.stats.get("skipped", []))
    if lines:
        terminalreporter.write_sep("=", "tests skipped for missing programs", yellow=True)
        for line in lines:
            terminalreporter.write_line(line, yellow=True)


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
