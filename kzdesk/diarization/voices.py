"""The voices of one chunk: a CAM++ embedding per local speaker, or per part of one.

The segmentation model sometimes hears two people as one local speaker (similar voices taking
turns, with or without a pause between them). So each local speaker's speech heard alone is
cut, in time order, into pieces of about ``PIECE_FRAMES`` (1.5 s) that are embedded one by
one; pieces whose voices differ (cosine below ``SPLIT_SIMILARITY``) become separate *units*,
and every frame of the speaker joins the unit of the piece nearest in time. A unit's voice is
the mean of its pieces' (weighted by their length), so the audio is embedded once per chunk.
A local speaker with less than ``2 * PIECE_FRAMES`` alone is embedded whole; with less than
``MIN_EMBED_FRAMES`` alone, from its overlapped frames too.
"""

from __future__ import annotations

import numpy as np

from kzdesk.diarization.fbank import FRAME as FBANK_FRAME
from kzdesk.diarization.fbank import SHIFT, fbank
from kzdesk.diarization.models import (
    CHUNK_FRAMES,
    CHUNK_SAMPLES,
    EMBEDDING_DIM,
    FRAME_STEP,
    Embedder,
    frame_centre_samples,
)

UNITS = 6  # voices a chunk may hold: three local speakers, each split in two or three
MIN_EMBED_FRAMES = 20  # fbank frames (0.2 s): below this a unit gets no embedding
PIECE_FRAMES = 150  # fbank frames (1.5 s) in one piece of a speaker's speech
SPLIT_SIMILARITY = 0.5  # pieces of one local speaker less alike than this are two people


def _fbank_to_frames() -> np.ndarray:
    """For each fbank frame of a chunk, the segmentation frame nearest its centre."""
    count = 1 + (CHUNK_SAMPLES - FBANK_FRAME) // SHIFT
    centres = np.arange(count) * SHIFT + FBANK_FRAME / 2
    nearest = np.rint((centres - frame_centre_samples(0)) / FRAME_STEP).astype(np.int64)
    return np.clip(nearest, 0, CHUNK_FRAMES - 1)


FBANK_FRAME_OF = _fbank_to_frames()


def _groups(vectors: np.ndarray) -> np.ndarray:
    """Group labels of unit vectors: joined while a pair's centroids are alike enough."""
    labels = np.arange(len(vectors))
    sums = vectors.astype(np.float64).copy()
    while True:
        alive = np.unique(labels)
        if len(alive) < 2:
            return np.unique(labels, return_inverse=True)[1]
        centres = sums[alive] / np.linalg.norm(sums[alive], axis=1, keepdims=True)
        sim = centres @ centres.T
        np.fill_diagonal(sim, -np.inf)
        i, j = divmod(int(np.argmax(sim)), len(alive))
        if sim[i, j] < SPLIT_SIMILARITY:
            return np.unique(labels, return_inverse=True)[1]
        keep, gone = alive[i], alive[j]
        sums[keep] += sums[gone]
        labels[labels == gone] = keep


class ChunkVoices:
    """Units of one chunk: membership of each segmentation frame, embedding, clean frames."""

    def __init__(self) -> None:
        self.masks = np.zeros((CHUNK_FRAMES, UNITS), dtype=bool)
        self.local = np.full(UNITS, -1, dtype=np.int64)  # the local speaker of each unit
        self.embeddings = np.full((UNITS, EMBEDDING_DIM), np.nan, dtype=np.float32)
        self.clean = np.zeros(UNITS, dtype=np.int64)
        self.count = 0

    def add(self, local: int, mask: np.ndarray, embedding: np.ndarray | None, clean: int) -> None:
        if self.count >= UNITS:
            return
        u = self.count
        self.masks[:, u] = mask
        self.local[u] = local
        if embedding is not None:
            self.embeddings[u] = embedding
        self.clean[u] = clean
        self.count += 1


def pieces(frames: np.ndarray, size: int = PIECE_FRAMES) -> list[np.ndarray]:
    """Sorted frame indices cut in time order into pieces of about ``size`` frames."""
    count = max(1, round(len(frames) / size))
    return [p for p in np.array_split(frames, count) if len(p)]


def embed_chunk(embedder: Embedder, audio: np.ndarray, activity: np.ndarray) -> ChunkVoices:
    """The voices of one chunk from its audio and (CHUNK_FRAMES, 3) 0/1 local activity."""
    voices = ChunkVoices()
    if not activity.any():
        return voices
    features = fbank(audio)
    frame_of = FBANK_FRAME_OF[: len(features)]
    alone = activity.sum(axis=1) == 1
    for s in range(activity.shape[1]):
        talking = activity[:, s] > 0
        if not talking.any():
            continue
        solo = np.flatnonzero((talking & alone)[frame_of])
        clean = len(solo)
        if clean < 2 * PIECE_FRAMES:
            picked = solo if clean >= MIN_EMBED_FRAMES else np.flatnonzero(talking[frame_of])
            embedding = embedder(features[picked]) if len(picked) >= MIN_EMBED_FRAMES else None
            voices.add(s, talking, embedding, clean)
            continue
        parts = pieces(solo)
        vectors = np.stack([embedder(features[p]) for p in parts])
        groups = _groups(vectors)
        _add_groups(voices, s, talking, frame_of, parts, vectors, groups)
    return voices


def _add_groups(
    voices: ChunkVoices,
    s: int,
    talking: np.ndarray,
    frame_of: np.ndarray,
    parts: list[np.ndarray],
    vectors: np.ndarray,
    groups: np.ndarray,
) -> None:
    """One unit per group of alike pieces; every frame of the local speaker joins the group of
    the piece nearest in time."""
    centres = np.array([frame_of[p].mean() for p in parts])
    frames = np.flatnonzero(talking)
    nearest = np.argmin(np.abs(frames[:, None] - centres[None, :]), axis=1)
    weights = np.array([len(p) for p in parts], dtype=np.float64)
    for g in range(int(groups.max()) + 1):
        members = groups == g
        mask = np.zeros(len(talking), dtype=bool)
        mask[frames[members[nearest]]] = True
        mean = (vectors[members] * weights[members, None]).sum(axis=0)
        mean /= max(float(np.linalg.norm(mean)), 1e-9)
        voices.add(s, mask, mean.astype(np.float32), int(weights[members].sum()))
