"""Which local speakers of which chunks are the same person, and how many people there are.

The voices (CAM++ embeddings) of local speakers heard alone for long enough are grouped by
agglomerative clustering with centroid linkage: the Euclidean distance between the means of
two groups' unit voices (the cosine of renormalised means would call two alike people one).
Without a given count, the tree cut at ``THRESHOLD`` tells how many people there are: the
groups with at least ``MIN_SPEAKER_S`` of speech (:func:`speech_seconds`; a voice heard only
under another one counts too) and a tenth of the voices (at most ``CAP_MEMBERS``); both
settings were calibrated on the real recordings of bench/diarization.py, which checks them
leave-one-out. The people of that count (or of a count given exactly or as a range) are the
largest groups of the tree cut into as few groups as give that many people with enough
speech and voices (a stray voice does not take a person's place). Every local speaker of
every chunk then joins the most similar person, two local speakers of one chunk never the
same one (they were heard as different voices at the same moment), and the people's voices
are recomputed from their members twice.

numpy only (the packaged app ships no scipy).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from kzdesk.diarization.evidence import RATE, Evidence
from kzdesk.diarization.models import FRAME_STEP

THRESHOLD = 0.9  # distance of two groups' mean unit voices above which they are two people
MIN_TRAIN_FRAMES = 30  # fbank frames (0.3 s) heard alone before a voice shapes the groups
MIN_SPEAKER_S = 0.5  # speech (speech_seconds, summed over chunks) a person needs
MIN_PERSON_SHARE = 0.5  # with the count given, a person needs this share of MIN_SPEAKER_S
ACTIVE_LEVEL = 128  # activity (0..255) from which a voice talks in a frame
MEMBER_SHARE = 0.1  # a person is a group of at least this share of the voices (or CAP_MEMBERS)
CAP_MEMBERS = 12  # voices that always suffice
MAX_TRAINING = 1200  # voices in the tree; the rest only join the nearest person


@dataclass(frozen=True)
class Clusters:
    """``labels[c, s]``: the person local speaker s of chunk c is (-1: silent or unknown);
    ``centroids``: unit voice of each person (k, dim)."""

    labels: np.ndarray
    centroids: np.ndarray

    @property
    def count(self) -> int:
        return len(self.centroids)


def unit_rows(x: np.ndarray) -> np.ndarray:
    return (x / np.maximum(np.linalg.norm(x, axis=-1, keepdims=True), 1e-9)).astype(np.float32)


def merge_tree(x: np.ndarray) -> list[tuple[int, int, float]]:
    """Agglomerative clustering of unit rows with centroid linkage: the two clusters whose
    means (of unit vectors, not renormalised) are nearest in Euclidean distance merge first.
    The merges (kept cluster, absorbed cluster, distance) in order.

    A mean is shorter the more its members differ, so two people's means stay apart even
    when their voices are alike; the cosine of renormalised means would join them."""
    n = len(x)
    sums = x.astype(np.float64)
    counts = np.ones(n)
    alive = np.ones(n, dtype=bool)
    squares = (x * x).sum(axis=1).astype(np.float64)
    dist = np.sqrt(np.maximum(squares[:, None] + squares[None, :] - 2.0 * (x @ x.T), 0.0))
    np.fill_diagonal(dist, np.inf)
    merges = []
    for _ in range(n - 1):
        flat = int(np.argmin(dist))
        i, j = divmod(flat, n)
        merges.append((i, j, float(dist[i, j])))
        sums[i] += sums[j]
        counts[i] += counts[j]
        alive[j] = False
        dist[j, :] = np.inf
        dist[:, j] = np.inf
        means = sums / counts[:, None]
        row = np.linalg.norm(means - means[i], axis=1)
        row[~alive] = np.inf
        row[i] = np.inf
        dist[i, :] = row
        dist[:, i] = row
    return merges


def cut(
    n: int, merges: list[tuple[int, int, float]], *, k: int | None = None, threshold: float = 0.0
) -> np.ndarray:
    """Labels 0..c-1 of the tree cut down to ``k`` clusters (the first ``n - k`` merges), or
    of the clusters whose every merge inside is at most ``threshold`` apart."""
    parent = np.arange(n)
    highest = np.zeros(n)  # the largest merge distance inside each cluster so far
    for steps, (i, j, distance) in enumerate(merges):
        if k is not None:
            if n - steps <= k:
                break
            parent[parent == j] = i
            continue
        highest[i] = max(distance, highest[i], highest[j])
        if highest[i] <= threshold:
            parent[parent == j] = i
    return np.unique(parent, return_inverse=True)[1]


def cluster(
    evidence: Evidence,
    *,
    n_speakers: int | None = None,
    min_speakers: int = 1,
    max_speakers: int = 8,
    threshold: float | None = None,
    min_speaker_s: float | None = None,
    seed: int = 0,
) -> Clusters:
    emb = evidence.embeddings.reshape(-1, evidence.embeddings.shape[-1])
    clean = evidence.clean.reshape(-1)
    known = np.isfinite(emb).all(axis=1)
    empty = np.full(evidence.clean.shape, -1, dtype=np.int64)
    if not known.any():
        return Clusters(empty, np.zeros((0, emb.shape[1]), np.float32))
    train = np.flatnonzero(known & (clean >= MIN_TRAIN_FRAMES))
    if len(train) < 2:
        train = np.flatnonzero(known)
    if len(train) > MAX_TRAINING:
        rng = np.random.default_rng(seed)
        train = np.sort(rng.choice(train, MAX_TRAINING, replace=False))
    x = unit_rows(emb[train])
    weight = np.maximum(clean[train], 1).astype(np.float64)
    if n_speakers is not None:
        min_speakers = max_speakers = n_speakers
    max_speakers = max(1, min(max_speakers, len(x)))
    min_speakers = max(1, min(min_speakers, max_speakers))
    merges = merge_tree(x) if len(x) > 1 else []
    seconds_of = speech_seconds(evidence)[train]
    least = MIN_SPEAKER_S if min_speaker_s is None else min_speaker_s
    k = min_speakers
    if min_speakers < max_speakers:
        limit = THRESHOLD if threshold is None else threshold
        k = max(min_speakers, min(max_speakers, count_people(x, merges, seconds_of, limit, least)))
    centroids = _k_people(x, merges, weight, seconds_of, k, least * MIN_PERSON_SHARE)
    return _assign(evidence, emb, known, train, centroids)


def speech_seconds(evidence: Evidence) -> np.ndarray:
    """Speech of each voice (chunks * units,): what was heard of it alone, or half of all
    its speech (overlapped too) when that is more: a voice heard only under another one
    (a phone call's two sides at once) is still a person's speech."""
    clean = evidence.clean.reshape(-1) / 100.0
    active = (evidence.activity >= ACTIVE_LEVEL).sum(axis=1).reshape(-1) * FRAME_STEP / RATE
    return np.maximum(clean, active / 2.0)


def count_people(
    x: np.ndarray,
    merges: list[tuple[int, int, float]],
    seconds: np.ndarray,
    threshold: float,
    min_speaker_s: float,
) -> int:
    """People among the voices ``x``: groups of the tree cut at ``threshold`` with at least
    ``min_speaker_s`` of speech and :func:`min_members` voices (at least one person)."""
    if len(x) < 2:
        return len(x)
    labels = cut(len(x), merges, threshold=threshold)
    speech = np.bincount(labels, weights=seconds)
    members = np.bincount(labels)
    return max(1, int(((speech >= min_speaker_s) & (members >= min_members(len(x)))).sum()))


def min_members(voices: int) -> int:
    """Voices a group needs to count as a person: a few stray voices are not one."""
    return min(CAP_MEMBERS, max(1, round(MEMBER_SHARE * voices)))


def _k_people(
    x: np.ndarray,
    merges: list[tuple[int, int, float]],
    weight: np.ndarray,
    seconds: np.ndarray,
    k: int,
    least_s: float,
) -> np.ndarray:
    """Centroids of exactly ``k`` people: the tree cut into as few groups as give ``k``
    groups with ``least_s`` of speech and enough voices each (a stray voice is not made a
    person), the ``k`` largest of them."""
    for groups in range(k, len(x) + 1):
        labels = cut(len(x), merges, k=groups)
        mass = np.bincount(labels, weights=seconds)
        members = np.bincount(labels)
        large = (mass >= least_s) & (members >= min_members(len(x)))
        mass = np.where(large, mass, mass - mass.sum() - 1.0)  # large groups first
        largest = np.argsort(-mass, kind="stable")[:k]
        if large[largest].all() or groups == len(x):
            return _centroids(x, labels, weight)[np.sort(largest)]
    return _centroids(x, cut(len(x), merges, k=k), weight)


def _centroids(x: np.ndarray, labels: np.ndarray, weight: np.ndarray) -> np.ndarray:
    sums = np.zeros((int(labels.max()) + 1, x.shape[1]))
    np.add.at(sums, labels, x * weight[:, None])
    return unit_rows(sums)


def _assign(
    evidence: Evidence, emb: np.ndarray, known: np.ndarray, train: np.ndarray, centroids: np.ndarray
) -> Clusters:
    chunks, local = evidence.clean.shape
    x = np.where(known[:, None], emb, 0.0)
    weight = np.maximum(evidence.clean.reshape(-1), 1).astype(np.float64)
    labels = np.full(chunks * local, -1, dtype=np.int64)
    for _ in range(3):
        labels = _constrained(x @ centroids.T, known, evidence.local.reshape(-1), chunks, local)
        in_train = np.zeros(len(labels), dtype=bool)
        in_train[train] = True
        use = in_train & (labels >= 0)
        if not use.any():
            break
        sums = np.zeros_like(centroids, dtype=np.float64)
        np.add.at(sums, labels[use], x[use] * weight[use, None])
        empty = np.bincount(labels[use], minlength=len(centroids)) == 0
        sums[empty] = centroids[empty]
        centroids = unit_rows(sums)
    return Clusters(labels.reshape(chunks, local), centroids)


def _constrained(
    sim: np.ndarray, known: np.ndarray, local: np.ndarray, chunks: int, units: int
) -> np.ndarray:
    """Per chunk, voices to people, most similar pair first; voices of different local
    speakers (heard at once or told apart by the segmentation) never share a person while
    there are people enough. Parts of one local speaker may."""
    k = sim.shape[1]
    sim = np.where(known[:, None], sim, -np.inf).reshape(chunks, units, k)
    local = local.reshape(chunks, units)
    labels = np.full((chunks, units), -1, dtype=np.int64)
    for c in np.flatnonzero(np.isfinite(sim).any(axis=(1, 2))):
        rows = sim[c]
        owner: dict[int, int] = {}  # person -> local speaker holding them
        order = np.dstack(np.unravel_index(np.argsort(-rows, axis=None), rows.shape))[0]
        for u, person in order.tolist():
            if labels[c, u] >= 0 or not np.isfinite(rows[u, person]):
                continue
            holder = owner.get(person)
            if holder is not None and holder != local[c, u] and len(owner) < k:
                continue
            labels[c, u] = person
            owner.setdefault(person, int(local[c, u]))
    return labels.reshape(-1)
