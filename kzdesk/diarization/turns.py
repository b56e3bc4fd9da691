"""Speaker turns: who speaks from when to when, and where two people speak at once."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SpeakerTurn:
    start_s: float
    end_s: float
    speaker: int  # 0..k-1 in order of first appearance (channels: the channel's index)
    overlap: bool = False  # another speaker is heard during part of this turn


def overlap_regions(turns: list[SpeakerTurn]) -> list[tuple[float, float]]:
    """Spans where two or more turns run at once, merged and in time order."""
    events = sorted([(t.start_s, 1) for t in turns] + [(t.end_s, -1) for t in turns])
    regions: list[tuple[float, float]] = []
    active = 0
    start = 0.0
    for time, delta in events:
        before = active
        active += delta
        if before < 2 <= active:
            start = time
        elif before >= 2 > active and time > start:
            if regions and start - regions[-1][1] < 1e-6:
                regions[-1] = (regions[-1][0], time)
            else:
                regions.append((start, time))
    return regions


def merge_adjacent(turns: list[SpeakerTurn], max_gap_s: float = 0.0) -> list[SpeakerTurn]:
    """One turn for a speaker's runs separated by less than ``max_gap_s``."""
    out: list[SpeakerTurn] = []
    last: dict[int, int] = {}
    for t in sorted(turns, key=lambda t: (t.start_s, t.speaker)):
        i = last.get(t.speaker)
        if i is not None and t.start_s - out[i].end_s <= max_gap_s:
            prev = out[i]
            out[i] = SpeakerTurn(
                prev.start_s, max(prev.end_s, t.end_s), t.speaker, prev.overlap or t.overlap
            )
            continue
        last[t.speaker] = len(out)
        out.append(t)
    return sorted(out, key=lambda t: (t.start_s, t.speaker))
