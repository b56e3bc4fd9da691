"""Generated test recordings: tone bursts ("speech") at known times inside silence."""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from pathlib import Path

import imageio_ffmpeg

FFMPEG = imageio_ffmpeg.get_ffmpeg_exe()


def bursts_file(
    path: Path,
    bursts: Sequence[tuple[float, float]],
    total_s: float,
    *,
    channels: int = 1,
    rate: int = 16000,
    extra: Sequence[str] = (),
) -> Path:
    """Write ``path`` (format by extension): silence with a 300 Hz + noise burst at each
    (start_s, duration_s)."""
    expr = "+".join(f"between(t,{s:.3f},{s + d:.3f})" for s, d in bursts) or "0"
    source = (
        f"aevalsrc='0.5*sin(2*PI*300*t)*({expr})+0.2*(random(0)-0.5)*({expr})':s={rate}:d={total_s}"
    )
    layout = ["-ac", str(channels)]
    cmd = [FFMPEG, "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", source, *layout, *extra]
    subprocess.run([*cmd, str(path)], check=True)
    return path


def periodic_speech_file(
    path: Path, total_s: float, *, period_s: float = 4.0, on_s: float = 2.5, rate: int = 16000
) -> Path:
    """Long recordings: a burst of ``on_s`` every ``period_s`` (cheap to generate for hours)."""
    gate = f"volume=0:enable='gte(mod(t,{period_s}),{on_s})'"
    cmd = [FFMPEG, "-nostdin", "-v", "error", "-y", "-f", "lavfi"]
    cmd += ["-i", f"sine=f=300:r={rate}:d={total_s}", "-af", gate, "-ac", "1", str(path)]
    subprocess.run(cmd, check=True)
    return path
