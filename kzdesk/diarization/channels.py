"""Stereo recordings where each channel is one person: who speaks is whose channel is loud.

No model is involved. Levels are measured per 10 ms frame and channel; a channel is active
well above its own noise floor, and a channel much quieter than the other at the same moment
is taken as crosstalk (one microphone hearing the other person). Both channels active at once
is overlapping speech, kept on both channels' turns and marked.
"""

from __future__ import annotations

import itertools

import numpy as np

from kzdesk.diarization.audio_input import RATE
from kzdesk.diarization.turns import SpeakerTurn

FRAME = RATE // 100  # 10 ms
FRAME_S = FRAME / RATE
ABOVE_FLOOR_DB = 12.0
ABSOLUTE_FLOOR_DB = -55.0
CROSSTALK_DB = 10.0


class ChannelLevels:
    """Feed (samples, channels) float32 blocks; ``finish()`` gives (frames, channels) dBFS."""

    def __init__(self) -> None:
        self._pending: np.ndarray | None = None
        self._levels: list[np.ndarray] = []

    def feed(self, block: np.ndarray) -> None:
        if block.ndim == 1:
            block = block[:, None]
        audio = block if self._pending is None else np.concatenate([self._pending, block])
        whole = len(audio) // FRAME * FRAME
        self._pending = audio[whole:].copy()
        if whole:
            frames = audio[:whole].reshape(-1, FRAME, audio.shape[1])
            power = np.mean(frames * frames, axis=1)
            self._levels.append(10 * np.log10(power + 1e-12).astype(np.float32))

    def finish(self) -> np.ndarray:
        if self._pending is not None and len(self._pending):
            power = np.mean(self._pending * self._pending, axis=0, keepdims=True)
            self._levels.append(10 * np.log10(power + 1e-12).astype(np.float32))
            self._pending = None
        if not self._levels:
            return np.zeros((0, 2), dtype=np.float32)
        return np.concatenate(self._levels)


def channel_activity(levels_db: np.ndarray) -> np.ndarray:
    """(frames, channels) booleans: who is speaking in each frame."""
    if len(levels_db) == 0:
        return np.zeros(levels_db.shape, dtype=bool)
    floor = np.percentile(levels_db, 10, axis=0)
    active = (levels_db > floor + ABOVE_FLOOR_DB) & (levels_db > ABSOLUTE_FLOOR_DB)
    loudest = levels_db.max(axis=1, keepdims=True)
    active &= levels_db > loudest - CROSSTALK_DB  # the other microphone's leak
    for c in range(active.shape[1]):
        active[:, c] = _smooth(active[:, c], fill=30, drop=10)
    return active


def channel_turns(levels_db: np.ndarray) -> list[SpeakerTurn]:
    """One speaker per channel (speaker = channel index); turns overlapping another channel's
    turn are marked."""
    active = channel_activity(levels_db)
    both = active.sum(axis=1) > 1
    turns: list[SpeakerTurn] = []
    for c in range(active.shape[1]):
        for a, b in _true_runs(active[:, c]):
            turns.append(SpeakerTurn(a * FRAME_S, b * FRAME_S, c, bool(both[a:b].any())))
    turns.sort(key=lambda t: (t.start_s, t.speaker))
    return turns


def _true_runs(mask: np.ndarray) -> list[tuple[int, int]]:
    padded = np.concatenate([[False], mask, [False]]).astype(np.int8)
    edges = np.flatnonzero(np.diff(padded))
    return [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2], strict=True)]


def _smooth(mask: np.ndarray, *, fill: int, drop: int) -> np.ndarray:
    """Close gaps shorter than ``fill`` frames, then remove runs shorter than ``drop``."""
    out = mask.copy()
    runs = _true_runs(out)
    for (_, b), (a2, _) in itertools.pairwise(runs):
        if a2 - b < fill:
            out[b:a2] = True
    for a, b in _true_runs(out):
        if b - a < drop:
            out[a:b] = False
    return out
