"""Generated test audio: every file is made by the bundled ffmpeg from lavfi sources."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from kzdesk.audio.ffmpeg import find_ffmpeg

# Tone bursts separated by silence: BURST_S of 440 Hz, then silence up to PERIOD_S.
BURST_S = 1.5
PERIOD_S = 2.1
BURSTS = f"0.5*sin(2*PI*440*t)*lt(mod(t,{PERIOD_S}),{BURST_S})"

MakeMedia = Callable[..., Path]


def run_ffmpeg_cli(args: Sequence[str]) -> None:
    subprocess.run(
        [find_ffmpeg(), "-hide_banner", "-nostdin", "-v", "error", "-y", *args],
        check=True,
        timeout=120,
    )


@pytest.fixture(scope="session")
def media_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("media")


@pytest.fixture(scope="session")
def make_media(media_dir: Path) -> MakeMedia:
    """make_media(name, seconds=3, *, expr=..., channels=1, rate=44100, codec=[...], video=False)

    Files are cached per session by name; codec args default to what the extension implies.
    """

    def make(
        name: str,
        seconds: float = 3.0,
        *,
        expr: str = BURSTS,
        channels: int = 1,
        rate: int = 44100,
        codec: Sequence[str] = (),
        video: bool = False,
    ) -> Path:
        target = media_dir / name
        if target.exists():
            return target
        exprs = "|".join([expr] * channels)
        args = ["-f", "lavfi", "-i", f"aevalsrc=exprs='{exprs}':s={rate}:d={seconds}"]
        if video:
            args += ["-f", "lavfi", "-i", f"testsrc=d={seconds}:s=64x48:r=10", "-map", "0:a"]
            args += ["-map", "1:v", "-c:v", "mpeg4"]
        args += [*codec, str(target)]
        run_ffmpeg_cli(args)
        return target

    return make
