"""The CLI's test helpers: run kzdesk as a user does, in a subprocess against the emulator."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def kzdesk(args: list[str], env: dict[str, str], **kw) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kzdesk", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, **kw,
    )  # fmt: skip


@pytest.fixture
def cli_env(tmp_path: Path, speechkit_emulator) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        KZDESK_DATA_DIR=str(tmp_path / "data"),
        KZDESK_SPEECHKIT_ENDPOINT=speechkit_emulator.endpoint,
        KZDESK_SPEECHKIT_API_KEY=speechkit_emulator.api_key,
        KZDESK_POLL_INTERVAL_S="0.05",
        PYTHONPATH=str(ROOT),
        XDG_CONFIG_HOME=str(tmp_path / "config"),  # the key file's folder
    )
    return env
