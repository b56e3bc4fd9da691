"""SpeechKit async billing rule: per second, minimum 15 s, channels counted in pairs."""

from __future__ import annotations

import math


def billed_seconds(duration_ms: int, channels: int = 1) -> int:
    seconds = max(15, math.ceil(duration_ms / 1000))
    return seconds * math.ceil(max(channels, 1) / 2)


def estimate(duration_ms: int, channels: int, price_per_minute: float) -> float:
    return round(billed_seconds(duration_ms, channels) / 60 * price_per_minute, 2)
