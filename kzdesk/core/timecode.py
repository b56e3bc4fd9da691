"""Time formatting used by exports, the CLI and the UI."""

from __future__ import annotations


def _split(ms: int) -> tuple[int, int, int, int]:
    ms = max(int(ms), 0)
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, milli = divmod(rest, 1000)
    return h, m, s, milli


def duration(ms: int) -> str:
    """H:MM:SS for durations (M:SS under an hour)."""
    h, m, s, _ = _split(ms)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def clock(ms: int) -> str:
    """HH:MM:SS, as in the editor and DOCX timestamps."""
    h, m, s, _ = _split(ms)
    return f"{h:02d}:{m:02d}:{s:02d}"


def srt(ms: int) -> str:
    h, m, s, milli = _split(ms)
    return f"{h:02d}:{m:02d}:{s:02d},{milli:03d}"


def vtt(ms: int) -> str:
    h, m, s, milli = _split(ms)
    return f"{h:02d}:{m:02d}:{s:02d}.{milli:03d}"
