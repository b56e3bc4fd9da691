"""Generated test recordings: tone bursts ("speech") at known times inside silence."""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from pathlib import Path

import imageio_ffmpeg
import numpy as np

from kzdesk.diarization.audio_input import decode_blocks

FFMPEG = imageio_ffmpeg.get_ffmpeg_exe()


def bursts_file(
    path: Path | str,
    bursts: Sequence[tuple[float, float]],
    total_s: float,
    *,
    channels: int = 1,
    rate: int = 16000,
    extra: Sequence[str] = (),
    per_channel: Sequence[Sequence[tuple[float, float]]] | None = None,
    frequency_hz: float = 300.0,
    noise: float = 0.2,
) -> Path:
    """Write ``path`` (format by extension, or by ``extra``): silence with a tone + noise burst
    at each (start_s, duration_s) on every channel, or ``per_channel`` bursts (one list per
    channel: a stereo call where each person has a channel)."""
    layouts = [bursts] * channels if per_channel is None else list(per_channel)
    exprs = []
    for channel_bursts in layouts:
        gate = "+".join(f"between(t,{s:.3f},{s + d:.3f})" for s, d in channel_bursts) or "0"
        tone = f"0.5*sin(2*PI*{frequency_hz}*t)*({gate})"
        exprs.append(f"{tone}+{noise}*(random(0)-0.5)*({gate})" if noise else tone)
    source = f"aevalsrc='{'|'.join(exprs)}':s={rate}:d={total_s}"
    cmd = [FFMPEG, "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", source, *extra]
    subprocess.run([*cmd, str(path)], check=True, timeout=120)
    return Path(path)


def periodic_speech_file(
    path: Path, total_s: float, *, period_s: float = 4.0, on_s: float = 2.5, rate: int = 16000
) -> Path:
    """Long recordings: a burst of ``on_s`` every ``period_s`` (cheap to generate for hours)."""
    gate = f"volume=0:enable='gte(mod(t,{period_s}),{on_s})'"
    cmd = [FFMPEG, "-nostdin", "-v", "error", "-y", "-f", "lavfi"]
    cmd += ["-i", f"sine=f=300:r={rate}:d={total_s}", "-af", gate, "-ac", "1", str(path)]
    subprocess.run(cmd, check=True)
    return path


def read_all(path: Path | str, *, channels: int = 1) -> np.ndarray:
    """A whole recording as 16 kHz float samples, decoded as local diarization decodes it."""
    blocks = list(decode_blocks(path, channels=channels))
    return np.concatenate(blocks) if blocks else np.zeros(0, dtype=np.float32)
