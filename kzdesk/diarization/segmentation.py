"""From speech regions to windows, and from clustered windows back to speaker turns.

Windows of 1.6 s slide over each speech region (shorter regions give one shorter window).
After clustering, every 10 ms frame of speech takes the speaker whose centroid the covering
windows resemble most, weighted towards each window's centre; runs of one speaker become
turns, and runs too short to be a turn are absorbed by their neighbours.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from kzdesk.diarization.features import FRAME_OFFSET_S, HOP_S

MIN_WINDOW_FRAMES = 40  # 0.4 s: shorter speech is labelled by its neighbours only


@dataclass(frozen=True)
class SpeakerTurn:
    start_s: float
    end_s: float
    speaker: int  # 0..k-1 in order of first appearance
    overlap: bool = False  # another speaker is heard too (channels), or the choice is close


def frame_of(seconds: float) -> int:
    return max(0, round((seconds - FRAME_OFFSET_S) / HOP_S))


def time_of(frame: int) -> float:
    return frame * HOP_S + FRAME_OFFSET_S


def make_windows(
    regions: list[tuple[float, float]],
    n_frames: int,
    *,
    window: int = 160,
    hop: int = 40,
) -> list[tuple[int, int]]:
    """(first_frame, end_frame) windows over the speech regions."""
    windows: list[tuple[int, int]] = []
    for start_s, end_s in regions:
        a, b = frame_of(start_s), min(n_frames, frame_of(end_s))
        length = b - a
        if length < MIN_WINDOW_FRAMES:
            continue
        if length <= window:
            # one window, its length rounded down to 10 frames so that lengths batch well
            windows.append((a, a + max(MIN_WINDOW_FRAMES, length // 10 * 10)))
            continue
        starts = list(range(a, b - window + 1, hop))
        if starts[-1] + window < b:
            starts.append(b - window)
        windows += [(s, s + window) for s in starts]
    return windows


def frame_scores(
    windows: list[tuple[int, int]],
    similarities: np.ndarray,
    n_frames: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Per frame, the centre-weighted sum of the covering windows' similarity to each speaker
    centroid (n_frames, k), and the total weight per frame."""
    k = similarities.shape[1]
    scores = np.zeros((n_frames, k), dtype=np.float32)
    weight = np.zeros(n_frames, dtype=np.float32)
    for (a, b), sims in zip(windows, similarities, strict=True):
        taper = np.hanning(b - a + 2)[1:-1].astype(np.float32) + 0.05
        scores[a:b] += taper[:, None] * sims[None, :]
        weight[a:b] += taper
    return scores, weight


def turns_from_frames(
    regions: list[tuple[float, float]],
    scores: np.ndarray,
    weight: np.ndarray,
    *,
    min_turn_s: float = 0.3,
    close_margin: float = 0.0,
) -> list[SpeakerTurn]:
    """Speaker turns inside the speech regions. Frames no window covered take the nearest
    covered frame's speaker. ``close_margin`` > 0 marks turns where the best and second-best
    speakers score within that margin as overlapping."""
    n_frames = len(scores)
    covered = weight > 0
    if not covered.any():
        return []
    best = np.argmax(scores, axis=1)
    # fill uncovered frames from the nearest covered frame
    index = np.arange(n_frames)
    covered_at = np.flatnonzero(covered)
    nearest = covered_at[np.clip(np.searchsorted(covered_at, index), 0, len(covered_at) - 1)]
    before = covered_at[np.clip(np.searchsorted(covered_at, index) - 1, 0, len(covered_at) - 1)]
    nearest = np.where(np.abs(before - index) < np.abs(nearest - index), before, nearest)
    best = best[nearest]
    margin = None
    if close_margin > 0 and scores.shape[1] > 1:
        ordered = np.sort(scores / np.maximum(weight, 1e-6)[:, None], axis=1)
        margin = (ordered[:, -1] - ordered[:, -2])[nearest]
    min_frames = max(1, round(min_turn_s / HOP_S))
    turns: list[SpeakerTurn] = []
    for start_s, end_s in regions:
        a, b = frame_of(start_s), min(n_frames, max(frame_of(end_s), frame_of(start_s) + 1))
        if b <= a:
            continue
        runs = _runs(_absorb_short(best[a:b], min_frames))
        for ra, rb, label in runs:
            t0 = start_s if ra == 0 else time_of(a + ra)
            t1 = end_s if rb == b - a else time_of(a + rb)
            close = bool(margin is not None and np.median(margin[a + ra : a + rb]) < close_margin)
            turns.append(SpeakerTurn(t0, t1, int(label), close))
    return turns


def _runs(labels: np.ndarray) -> list[tuple[int, int, int]]:
    if len(labels) == 0:
        return []
    change = np.flatnonzero(np.diff(labels)) + 1
    starts = np.concatenate([[0], change])
    ends = np.concatenate([change, [len(labels)]])
    return [(int(a), int(b), int(labels[a])) for a, b in zip(starts, ends, strict=True)]


def _absorb_short(labels: np.ndarray, min_frames: int) -> np.ndarray:
    """Runs shorter than ``min_frames`` take the label of their longer neighbour."""
    labels = labels.copy()
    while True:
        runs = _runs(labels)
        if len(runs) < 2:
            return labels
        shortest = min(range(len(runs)), key=lambda i: runs[i][1] - runs[i][0])
        a, b, _ = runs[shortest]
        if b - a >= min_frames:
            return labels
        left = runs[shortest - 1] if shortest > 0 else None
        right = runs[shortest + 1] if shortest + 1 < len(runs) else None
        pick = max((r for r in (left, right) if r is not None), key=lambda r: r[1] - r[0])
        labels[a:b] = pick[2]


def relabel_by_first_appearance(turns: list[SpeakerTurn]) -> list[SpeakerTurn]:
    order: dict[int, int] = {}
    for turn in sorted(turns, key=lambda t: t.start_s):
        order.setdefault(turn.speaker, len(order))
    return [
        SpeakerTurn(t.start_s, t.end_s, order[t.speaker], t.overlap)
        for t in sorted(turns, key=lambda t: t.start_s)
    ]


def merge_adjacent(turns: list[SpeakerTurn], max_gap_s: float = 0.0) -> list[SpeakerTurn]:
    out: list[SpeakerTurn] = []
    for t in sorted(turns, key=lambda t: t.start_s):
        if out and out[-1].speaker == t.speaker and t.start_s - out[-1].end_s <= max_gap_s:
            last = out[-1]
            out[-1] = SpeakerTurn(
                last.start_s, max(last.end_s, t.end_s), t.speaker, last.overlap or t.overlap
            )
        else:
            out.append(t)
    return out
