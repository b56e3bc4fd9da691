"""Synthetic recordings for bench/offline.py: long files (memory) and an espeak-ng recording."""

from __future__ import annotations

import subprocess
from pathlib import Path

VOICES = [("en+m3", 150), ("en+f3", 165), ("en-us+m1", 140), ("en+f2", 175), ("en+m7", 155)]
SPACING_S = 120  # one sentence every two minutes in the long files


def _ffmpeg() -> str:
    import imageio_ffmpeg

    return imageio_ffmpeg.get_ffmpeg_exe()


def sparse_recording(path: Path, seconds: float) -> Path:
    """``seconds`` of quiet room noise with an espeak-ng sentence every two minutes (a cycle of
    ten different sentences, so consecutive segments never repeat), 16 kHz mono FLAC. The noise
    is seeded: every run measures the same file."""
    from tests.whisper_weights import SENTENCES, concat_wav, espeak_wav

    folder = path.parent
    unit = folder / "sparse-unit.flac"
    if not unit.exists():
        lines = [
            espeak_wav(folder / f"sparse-{i}.wav", SENTENCES[i], voice=VOICES[i % 5][0])
            for i in range(10)
        ]
        parts: list[Path | float] = []
        for line in lines:  # each sentence, then quiet up to the next two-minute mark
            parts += [line, SPACING_S - _duration(line)]
        concat_wav(unit, parts)  # the extension makes it FLAC
    noise = (
        f"anoisesrc=color=pink:amplitude=0.003:sample_rate=16000:seed=20240501:duration={seconds}"
    )
    subprocess.run(
        [
            _ffmpeg(),
            "-nostdin",
            "-v",
            "error",
            "-y",
            "-stream_loop",
            "-1",
            "-i",
            str(unit),
            "-f",
            "lavfi",
            "-i",
            noise,
            "-filter_complex",
            "[0:a][1:a]amix=inputs=2:duration=shortest",
            "-t",
            str(seconds),
            "-ar",
            "16000",
            "-ac",
            "1",
            "-c:a",
            "flac",
            str(path),
        ],
        check=True,
        timeout=1800,
    )
    return path


def espeak_recording(folder: Path, seconds: float) -> tuple[Path, str]:
    """About ``seconds`` of English sentences in several espeak-ng voices with pauses, and what
    was said (the recording is cut after the last whole sentence)."""
    from tests.whisper_weights import SENTENCES, concat_wav, espeak_wav

    parts: list[Path | float] = []
    said: list[str] = []
    total = 0.0
    n = 0
    while True:
        voice, speed = VOICES[(n // len(SENTENCES)) % len(VOICES)]
        text = SENTENCES[n % len(SENTENCES)]
        line = espeak_wav(folder / f"espeak-{n}.wav", text, voice=voice, speed=speed)
        pause = 0.8 + (n % 3) * 0.4
        length = _duration(line) + pause
        if total + length > seconds and said:
            break
        parts += [line, pause]
        said.append(text)
        total += length
        n += 1
    return concat_wav(folder / "espeak.wav", parts), " ".join(said)


def _duration(path: Path) -> float:
    import wave

    with wave.open(str(path)) as w:
        return w.getnframes() / w.getframerate()
