"""From clustered local speakers back to the recording's timeline, overlap included.

Every chunk says, frame by frame, which of its local speakers talk; clustering says who each
local speaker is. On the global frame grid each person's activity is averaged over the chunks
that cover the frame, and so is the *number* of people talking; each frame then keeps that
many people, the most active first, so two people speaking at once both keep their speech.
"""

from __future__ import annotations

import numpy as np

from kzdesk.diarization.clustering import Clusters
from kzdesk.diarization.evidence import RATE, Evidence
from kzdesk.diarization.models import CHUNK_FRAMES, FRAME_SPAN, FRAME_STEP
from kzdesk.diarization.turns import SpeakerTurn, merge_adjacent, overlap_regions

MIN_GAP_S = 0.1  # one person's pauses shorter than this stay inside the turn
MIN_TURN_S = 0.05
ACTIVE = 0.5  # probability above which a local speaker talks
COUNT_ROUNDING = 0.5  # chunks disagreeing half and half count the larger number


def frame_time(frame: np.ndarray | int) -> np.ndarray:
    """Centre of global frame(s) in seconds."""
    return (np.asarray(frame) * FRAME_STEP + FRAME_SPAN / 2) / RATE


def speaker_frames(evidence: Evidence, clusters: Clusters, active: float = ACTIVE) -> np.ndarray:
    """(frames, people) 0/1: who talks in each global frame."""
    level = round(active * 255)
    frames, people = evidence.frames, clusters.count
    if frames == 0 or people == 0:
        return np.zeros((frames, people), dtype=np.uint8)
    activity = np.zeros((frames, people), dtype=np.float32)
    talkers = np.zeros(frames, dtype=np.float32)
    cover = np.zeros(frames, dtype=np.float32)
    for c, start in enumerate(evidence.starts.tolist()):
        n = min(CHUNK_FRAMES, frames - start)
        if n <= 0:
            continue
        local = (evidence.activity[c, :n] >= level).astype(np.float32)  # (n, 3)
        cover[start : start + n] += 1
        talkers[start : start + n] += local.sum(axis=1)
        for s, person in enumerate(clusters.labels[c].tolist()):
            if person >= 0:
                part = activity[start : start + n, person]  # a view: updated in place
                np.maximum(part, local[:, s], out=part)  # two locals as one person: once
    covered = cover > 0
    activity[covered] /= cover[covered, None]
    count = np.zeros(frames, dtype=np.int64)
    count[covered] = np.floor(talkers[covered] / cover[covered] + COUNT_ROUNDING).astype(np.int64)
    count = np.minimum(count, people)
    order = np.argsort(-activity, axis=1, kind="stable")
    ranks = np.empty_like(order)
    np.put_along_axis(ranks, order, np.arange(people)[None, :].repeat(frames, 0), axis=1)
    return ((ranks < count[:, None]) & (activity > 0)).astype(np.uint8)


def turns_from_frames(binary: np.ndarray, duration_s: float) -> list[SpeakerTurn]:
    """Runs of each person's frames as turns (clipped to the recording), short pauses
    bridged, turns overlapping another person's marked."""
    half = FRAME_STEP / RATE / 2
    turns: list[SpeakerTurn] = []
    for person in range(binary.shape[1]):
        padded = np.concatenate([[0], binary[:, person], [0]]).astype(np.int8)
        edges = np.flatnonzero(np.diff(padded))
        for a, b in zip(edges[::2], edges[1::2], strict=True):
            start = max(0.0, float(frame_time(a)) - half)
            end = min(duration_s, float(frame_time(b - 1)) + half)
            if end - start >= MIN_TURN_S:
                turns.append(SpeakerTurn(start, end, person))
    turns = merge_adjacent(turns, MIN_GAP_S)
    return _mark_overlaps(turns)


def _mark_overlaps(turns: list[SpeakerTurn]) -> list[SpeakerTurn]:
    regions = overlap_regions(turns)
    ends = np.array([b for _, b in regions])
    out = []
    for t in turns:
        i = int(np.searchsorted(ends, t.start_s, side="right"))
        shared = i < len(regions) and regions[i][0] < t.end_s
        out.append(SpeakerTurn(t.start_s, t.end_s, t.speaker, shared))
    return out


def by_first_appearance(turns: list[SpeakerTurn]) -> tuple[list[SpeakerTurn], list[int]]:
    """Turns renumbered 0.. by first appearance, and the old number of each new one."""
    order: list[int] = []
    for t in sorted(turns, key=lambda t: (t.start_s, t.speaker)):
        if t.speaker not in order:
            order.append(t.speaker)
    new = {old: i for i, old in enumerate(order)}
    renumbered = [SpeakerTurn(t.start_s, t.end_s, new[t.speaker], t.overlap) for t in turns]
    return sorted(renumbered, key=lambda t: (t.start_s, t.speaker)), order
