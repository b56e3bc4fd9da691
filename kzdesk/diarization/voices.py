"""The voices of one chunk: a CAM++ embedding per local speaker, or per part of one.

The segmentation model sometimes hears two people as one local speaker (similar voices taking
turns with a pause between them). So a local speaker's stretches of speech that are long
enough (``SPLIT_MIN_FRAMES`` heard alone) are embedded one by one; stretches whose voices
differ (cosine below ``SPLIT_SIMILARITY``) become separate *units*, and shorter stretches join
the unit nearest in time. A local speaker whose stretches agree stays one unit, embedded from
at most ``MAX_EMBED_FRAMES`` frames nearest the chunk's middle (each moment is embedded about
once, since chunks overlap by half). Frames where two local speakers overlap are left out of
embeddings unless a speaker has nothing else.
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
MAX_EMBED_FRAMES = 500  # fbank frames (5 s) in one embedding
SPLIT_MIN_FRAMES = 100  # a stretch heard alone this long (1 s) is checked on its own
SPLIT_SIMILARITY = 0.5  # stretches of one local speaker less alike than this are two people
GAP_FRAMES = 15  # segmentation frames (0.25 s): shorter pauses stay inside a stretch


def _fbank_to_frames() -> np.ndarray:
    """For each fbank frame of a chunk, the segmentation frame nearest its centre."""
    count = 1 + (CHUNK_SAMPLES - FBANK_FRAME) // SHIFT
    centres = np.arange(count) * SHIFT + FBANK_FRAME / 2
    nearest = np.rint((centres - frame_centre_samples(0)) / FRAME_STEP).astype(np.int64)
    return np.clip(nearest, 0, CHUNK_FRAMES - 1)


FBANK_FRAME_OF = _fbank_to_frames()


def _central(picked: np.ndarray, middle: float, limit: int = MAX_EMBED_FRAMES) -> np.ndarray:
    if len(picked) <= limit:
        return picked
    nearest = np.argsort(np.abs(picked - middle), kind="stable")[:limit]
    return np.sort(picked[nearest])


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


def stretches(active: np.ndarray, gap: int = GAP_FRAMES) -> list[tuple[int, int]]:
    """(start, end) runs of True, runs closer than ``gap`` frames joined."""
    padded = np.concatenate([[0], active.astype(np.int8), [0]])
    edges = np.flatnonzero(np.diff(padded))
    runs: list[tuple[int, int]] = []
    for a, b in zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True):
        if runs and a - runs[-1][1] < gap:
            runs[-1] = (runs[-1][0], b)
        else:
            runs.append((a, b))
    return runs


def embed_chunk(embedder: Embedder, audio: np.ndarray, activity: np.ndarray) -> ChunkVoices:
    """The voices of one chunk from its audio and (CHUNK_FRAMES, 3) 0/1 local activity."""
    voices = ChunkVoices()
    if not activity.any():
        return voices
    features = fbank(audio)
    frame_of = FBANK_FRAME_OF[: len(features)]
    alone = activity.sum(axis=1) == 1
    middle = len(features) / 2
    for s in range(activity.shape[1]):
        talking = activity[:, s] > 0
        if not talking.any():
            continue
        solo = (talking & alone)[frame_of]
        runs = stretches(talking)
        long_runs = []
        for a, b in runs:
            inside = solo & (frame_of >= a) & (frame_of < b)
            if inside.sum() >= SPLIT_MIN_FRAMES:
                long_runs.append((a, b, np.flatnonzero(inside)))
        if len(long_runs) >= 2:
            vectors = np.stack(
                [embedder(features[_central(p, (p[0] + p[-1]) / 2)]) for _, _, p in long_runs]
            )
            groups = _groups(vectors)
            if groups.max() > 0:
                _add_split(voices, s, talking, runs, long_runs, vectors, groups)
                continue
        clean = int(solo.sum())
        use = solo if clean >= MIN_EMBED_FRAMES else talking[frame_of]
        picked = _central(np.flatnonzero(use), middle)
        embedding = embedder(features[picked]) if len(picked) >= MIN_EMBED_FRAMES else None
        voices.add(s, talking, embedding, clean)
    return voices


def _add_split(
    voices: ChunkVoices,
    s: int,
    talking: np.ndarray,
    runs: list[tuple[int, int]],
    long_runs: list[tuple[int, int, np.ndarray]],
    vectors: np.ndarray,
    groups: np.ndarray,
) -> None:
    """One unit per group of alike stretches; short stretches join the nearest long one."""
    centres = np.array([(a + b) / 2 for a, b, _ in long_runs])
    masks = np.zeros((int(groups.max()) + 1, len(talking)), dtype=bool)
    for a, b in runs:
        masks[groups[int(np.argmin(np.abs(centres - (a + b) / 2)))], a:b] = True
    weights = np.array([len(p) for _, _, p in long_runs], dtype=np.float64)
    for g in range(len(masks)):
        members = groups == g
        mean = (vectors[members] * weights[members, None]).sum(axis=0)
        mean /= max(float(np.linalg.norm(mean)), 1e-9)
        voices.add(s, masks[g] & talking, mean.astype(np.float32), int(weights[members].sum()))
