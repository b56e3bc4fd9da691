from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kzdesk.audio import AudioError
from kzdesk.audio import ffmpeg as ffmpeg_module
from kzdesk.audio.ffmpeg import ENV_VAR, find_ffmpeg, run_ffmpeg


def test_env_var_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fake = tmp_path / "my ffmpeg"
    fake.write_bytes(b"")
    monkeypatch.setenv(ENV_VAR, str(fake))
    assert find_ffmpeg() == str(fake)


def test_env_var_pointing_nowhere(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "missing"))
    with pytest.raises(AudioError, match=ENV_VAR):
        find_ffmpeg()


def test_frozen_bundle(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    bundled = tmp_path / ("ffmpeg.exe" if sys.platform == "win32" else "ffmpeg")
    bundled.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert find_ffmpeg() == str(bundled)


def test_imageio_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert Path(find_ffmpeg()).is_file()
    assert not hasattr(sys, "frozen") or not sys.frozen  # type: ignore[attr-defined]


def test_progress_times_reported() -> None:
    seen: list[int] = []
    run = run_ffmpeg(["-f", "lavfi", "-i", "sine=d=3", "-f", "null", "-"], on_time_ms=seen.append)
    assert run.returncode == 0
    assert abs(run.out_time_ms - 3000) <= 50
    assert seen and seen[-1] == run.out_time_ms


def test_out_time_parsing() -> None:
    assert ffmpeg_module._parse_out_time("01:02:03.500000") == 3_723_500
    assert ffmpeg_module._parse_out_time("N/A") is None
