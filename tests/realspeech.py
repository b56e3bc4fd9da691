"""The real recordings vendored in tests/data/realspeech (see the README there)."""

from __future__ import annotations

from pathlib import Path

REALSPEECH = Path(__file__).resolve().parent / "data" / "realspeech"


def real(name: str) -> Path:
    return REALSPEECH / name


def reference(name: str) -> str:
    return (REALSPEECH / name).with_suffix(".txt").read_text(encoding="utf-8").strip()
