"""SpeechKit's asynchronous billing rule: per second, minimum 15 s, channels counted in pairs.

The engine registry says which engines bill this way (``EngineInfo.billed_seconds``) and
prices a recording (``EngineInfo.cost``); engines that cost nothing per minute have no rule.
"""

from __future__ import annotations

import math


def billed_seconds(duration_ms: int, channels: int = 1) -> int:
    seconds = max(15, math.ceil(duration_ms / 1000))
    return seconds * math.ceil(max(channels, 1) / 2)
