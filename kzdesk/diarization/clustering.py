"""Group embeddings by speaker, with the count given, bounded, or found automatically.

Clustering runs on *segments*: the windows of one stretch of speech (a few seconds, never
across a pause) averaged into one embedding, which is far steadier than a single 1.6 s window.

* The count, when not given, comes from average-linkage agglomerative clustering of the
  segments on cosine similarity, stopped at a similarity threshold calibrated on synthetic
  meetings; clusters holding too little speech (under ``MIN_SHARE`` of it, or fewer than
  ``MIN_SEGMENTS`` segments) are not counted as speakers, and counted clusters whose centroids
  are nearly alike (``MERGE_SIMILARITY``) count once.
* For that count, spectral clustering on a pruned cosine affinity (Wang et al. 2018) gives a
  starting point, spherical k-means from it and from several k-means++ starts polishes it,
  and the tightest result wins.

Every window then joins the nearest speaker centroid, so speaker changes inside a segment are
still found. numpy only (no scipy: the packaged app does not ship it).
"""

from __future__ import annotations

import numpy as np

MAX_CLUSTERED = 1500  # segments in the affinity matrix; the rest join the nearest centroid
MAX_COUNTED = 600  # segments the agglomerative count looks at (a random sample beyond)
LINKAGE_THRESHOLD = 0.81  # average cosine similarity below which two clusters stay apart
MIN_SHARE = 0.03  # clusters with less of the speech than this are not speakers
MIN_SEGMENTS = 3
MERGE_SIMILARITY = 0.92  # counted clusters whose centroids are this alike are one voice


def unit_rows(x: np.ndarray) -> np.ndarray:
    return (x / np.maximum(np.linalg.norm(x, axis=-1, keepdims=True), 1e-9)).astype(np.float32)


def cluster_segments(
    embeddings: np.ndarray,
    segment_ids: np.ndarray | None = None,
    *,
    n_speakers: int | None = None,
    min_speakers: int = 1,
    max_speakers: int = 8,
    seed: int = 0,
) -> tuple[np.ndarray, np.ndarray]:
    """(label per window 0..k-1 in order of first appearance, unit centroids (k, dim))."""
    n = len(embeddings)
    if n == 0:
        return np.zeros(0, dtype=np.int64), np.zeros((0, embeddings.shape[-1]), np.float32)
    if segment_ids is None:
        segment_ids = np.arange(n)
    count = int(segment_ids.max()) + 1
    sums = np.zeros((count, embeddings.shape[1]), dtype=np.float64)
    np.add.at(sums, segment_ids, embeddings)
    sizes = np.bincount(segment_ids, minlength=count)
    segments, weights = unit_rows(sums[sizes > 0]), sizes[sizes > 0].astype(np.float64)
    if n_speakers is not None:
        min_speakers = max_speakers = n_speakers
    max_speakers = max(1, min(max_speakers, len(segments)))
    min_speakers = max(1, min(min_speakers, max_speakers))
    rng = np.random.default_rng(seed)
    if min_speakers == max_speakers:
        k = min_speakers
    else:
        k = estimate_count(segments, weights, rng)
        k = max(min_speakers, min(max_speakers, k))
    sample = segments
    if len(segments) > MAX_CLUSTERED:
        sample = segments[np.sort(rng.choice(len(segments), MAX_CLUSTERED, replace=False))]
    centroids = _fit(sample, k, rng)
    labels = np.argmax(embeddings @ centroids.T, axis=1)
    for _ in range(3):  # a few rounds of centroid re-assignment over every window
        centroids = _centroids(embeddings, labels, centroids)
        new = np.argmax(embeddings @ centroids.T, axis=1)
        if np.array_equal(new, labels):
            break
        labels = new
    used = _first_appearance(labels)
    remap = np.zeros(len(centroids), dtype=np.int64)
    remap[used] = np.arange(len(used))
    return remap[labels], centroids[used]


def estimate_count(
    segments: np.ndarray,
    weights: np.ndarray | None = None,
    rng: np.random.Generator | None = None,
    *,
    threshold: float | None = None,
) -> int:
    """How many voices: average-linkage clusters above ``threshold``, tiny ones not counted."""
    threshold = LINKAGE_THRESHOLD if threshold is None else threshold
    if weights is None:
        weights = np.ones(len(segments))
    if len(segments) > MAX_COUNTED:
        rng = rng or np.random.default_rng(0)
        pick = np.sort(rng.choice(len(segments), MAX_COUNTED, replace=False))
        segments, weights = segments[pick], weights[pick]
    if len(segments) < 2:
        return 1
    labels = average_linkage(segments @ segments.T, threshold)
    share = np.bincount(labels, weights=weights) / weights.sum()
    members = np.bincount(labels)
    counted = np.flatnonzero((share >= MIN_SHARE) & (members >= MIN_SEGMENTS))
    if len(counted) < 2:
        return 1
    sums = np.zeros((len(members), segments.shape[1]))
    np.add.at(sums, labels, segments * weights[:, None])
    centroids = unit_rows(sums[counted])
    # clusters whose centroids are nearly the same voice: one speaker split in two
    groups = average_linkage(centroids @ centroids.T, MERGE_SIMILARITY)
    return int(groups.max()) + 1


def average_linkage(similarity: np.ndarray, threshold: float) -> np.ndarray:
    """Agglomerative clustering (UPGMA) on a similarity matrix, merging while the most
    similar pair of clusters is at least ``threshold`` alike. Labels 0..c-1."""
    n = len(similarity)
    s = similarity.astype(np.float64, copy=True)
    np.fill_diagonal(s, -np.inf)
    size = np.ones(n)
    parent = np.arange(n)
    for _ in range(n - 1):
        flat = int(np.argmax(s))
        i, j = divmod(flat, n)
        if s[i, j] < threshold:
            break
        merged = (s[i] * size[i] + s[j] * size[j]) / (size[i] + size[j])
        s[i], s[:, i] = merged, merged
        s[i, i] = -np.inf
        s[j], s[:, j] = -np.inf, -np.inf
        size[i] += size[j]
        parent[parent == j] = i
    return np.unique(parent, return_inverse=True)[1]


def _fit(x: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    if k == 1 or len(x) < 3:
        return unit_rows(x.mean(0, keepdims=True))
    k = min(k, len(x))
    vectors = _spectral_vectors(x, k)
    spectral = _spherical_kmeans(unit_rows(vectors[:, :k]), k, rng, starts=4)[0]
    init = _centroids(x, spectral, x[:k])
    return _spherical_kmeans(x, k, rng, starts=6, init=init)[1]


def _spectral_vectors(x: np.ndarray, k: int) -> np.ndarray:
    sim = np.clip(x @ x.T, 0.0, 1.0)
    n = len(sim)
    keep = max(3, round(0.25 * n))
    if keep < n:  # keep each row's strongest neighbours
        threshold = -np.partition(-sim, keep - 1, axis=1)[:, keep - 1 : keep]
        sim = np.where(sim >= threshold, sim, sim * 0.01)
    sim = 0.5 * (sim + sim.T)
    scale = 1.0 / np.sqrt(np.maximum(sim.sum(1), 1e-9))
    laplacian = np.eye(n) - scale[:, None] * sim * scale[None, :]
    _, vectors = np.linalg.eigh(laplacian)  # ascending eigenvalues
    return vectors[:, : min(n, k + 1)]


def _spherical_kmeans(
    x: np.ndarray,
    k: int,
    rng: np.random.Generator,
    *,
    starts: int,
    init: np.ndarray | None = None,
    iterations: int = 30,
) -> tuple[np.ndarray, np.ndarray]:
    candidates = [init] if init is not None else []
    candidates += [_plus_plus(x, k, rng) for _ in range(starts)]
    best: tuple[np.ndarray, np.ndarray] | None = None
    best_score = -np.inf
    for centroids in candidates:
        labels = np.argmax(x @ centroids.T, axis=1)
        for _ in range(iterations):
            centroids = _centroids(x, labels, centroids)
            new = np.argmax(x @ centroids.T, axis=1)
            if np.array_equal(new, labels):
                break
            labels = new
        score = float(np.sum(np.max(x @ centroids.T, axis=1)))
        if score > best_score:
            best, best_score = (labels, centroids), score
    assert best is not None
    return best


def _plus_plus(x: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    chosen = [x[rng.integers(len(x))]]
    for _ in range(k - 1):
        distance = np.maximum(1.0 - np.max(x @ np.array(chosen).T, axis=1), 0.0) ** 2
        total = distance.sum()
        pick = rng.choice(len(x), p=distance / total) if total > 0 else rng.integers(len(x))
        chosen.append(x[pick])
    return np.array(chosen, dtype=np.float32)


def _centroids(x: np.ndarray, labels: np.ndarray, previous: np.ndarray) -> np.ndarray:
    sums = np.zeros((len(previous), x.shape[1]), dtype=np.float64)
    np.add.at(sums, labels, x)
    empty = np.bincount(labels, minlength=len(previous)) == 0
    sums[empty] = previous[empty]
    return unit_rows(sums)


def _first_appearance(labels: np.ndarray) -> list[int]:
    order: dict[int, None] = {}
    for v in labels.tolist():
        order.setdefault(v, None)
    return list(order)
