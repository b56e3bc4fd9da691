"""Clustering of local voices into people (numpy only): the count, stray voices, a given
count, with voices as alike as real ones (CAM++ cosine ~0.6 for one person, ~0.2 apart)."""

from __future__ import annotations

import numpy as np

from kzdesk.diarization.clustering import (
    MIN_SPEAKER_S,
    THRESHOLD,
    cluster,
    count_people,
    cut,
    merge_tree,
    min_members,
    speech_seconds,
)
from kzdesk.diarization.evidence import Evidence


def voices(people: list[int], *, spread: float, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Unit voices: ``people[p]`` voices of person p around a random direction of their own."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(len(people), 192))
    centres /= np.linalg.norm(centres, axis=1, keepdims=True)
    who = np.repeat(np.arange(len(people)), people)
    x = centres[who] + spread * rng.normal(size=(len(who), 192)) / np.sqrt(192)
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32), who


def evidence_of(x: np.ndarray, clean: int = 400) -> Evidence:
    """One voice per chunk (5 s apart), each heard alone for ``clean`` fbank frames."""
    n = len(x)
    return Evidence(
        starts=np.arange(n) * 296,
        activity=np.full((n, 589, 6), 255, dtype=np.uint8),
        embeddings=np.concatenate([x[:, None, :], np.full((n, 5, 192), np.nan)], axis=1).astype(
            np.float32
        ),
        clean=np.pad(np.full((n, 1), clean), ((0, 0), (0, 5))),
        local=np.pad(np.zeros((n, 1), dtype=np.int64), ((0, 0), (0, 5)), constant_values=-1),
        samples=16000 * 5 * (n + 1),
    )


def agreement(labels: np.ndarray, who: np.ndarray) -> float:
    """Share of voices whose person is the majority person of their cluster."""
    right = 0
    for c in np.unique(labels):
        right += np.bincount(who[labels == c]).max()
    return right / len(who)


def test_voices_as_alike_as_real_people_are_not_merged_into_one() -> None:
    # one person's voices ~0.6 alike, different people's ~0: the cosine of renormalised
    # means called these one person; the distance of the means keeps them apart
    x, who = voices([12, 10, 8], spread=0.9)
    same = (x @ x.T)[who[:, None] == who[None, :]].mean()
    assert 0.5 < same < 0.8
    clusters = cluster(evidence_of(x))
    assert clusters.count == 3
    assert agreement(clusters.labels[:, 0], who) == 1.0


def test_one_person_stays_one() -> None:
    x, _ = voices([20], spread=0.9)
    assert cluster(evidence_of(x)).count == 1


def test_a_stray_voice_is_not_counted_as_a_person() -> None:
    x, who = voices([15, 15, 1], spread=0.9, seed=3)
    assert cluster(evidence_of(x)).count == 2
    given = cluster(evidence_of(x), n_speakers=2)
    kept = given.labels[:, 0][who < 2]
    assert agreement(kept, who[who < 2]) == 1.0  # the stray voice did not take a person


def test_a_given_count_is_honoured_in_both_directions() -> None:
    x, _ = voices([10, 10, 10], spread=0.9, seed=5)
    assert cluster(evidence_of(x), n_speakers=2).count == 2
    assert cluster(evidence_of(x), n_speakers=4).count == 4
    assert cluster(evidence_of(x), min_speakers=4, max_speakers=6).count == 4


def test_the_tree_cut_by_distance_keeps_far_groups_apart() -> None:
    x, who = voices([5, 5], spread=0.5, seed=7)
    merges = merge_tree(x)
    assert len(merges) == len(x) - 1
    assert merges[-1][2] > 1.0  # the two people's means are far apart
    labels = cut(len(x), merges, threshold=0.9)
    assert len(np.unique(labels)) == 2
    assert agreement(labels, who) == 1.0
    assert len(np.unique(cut(len(x), merges, k=1))) == 1


def test_a_person_needs_a_share_of_the_voices() -> None:
    assert min_members(5) == 1
    assert min_members(40) == 4
    assert min_members(1000) == 12


def call_evidence(under_frames: int, seed: int = 11) -> Evidence:
    """One 10 s chunk of a call: local speaker 0 talks 4.6 s (2.5 s of it alone), local
    speaker 1 only while 0 talks too (``under_frames`` segmentation frames), in another
    voice."""
    x, _ = voices([1, 1], spread=0.0, seed=seed)
    activity = np.zeros((1, 589, 6), dtype=np.uint8)
    activity[0, :271, 0] = 230
    activity[0, 20 : 20 + under_frames, 1] = 200
    embeddings = np.full((1, 6, 192), np.nan, dtype=np.float32)
    embeddings[0, :2] = x
    return Evidence(
        starts=np.zeros(1, dtype=np.int64),
        activity=activity,
        embeddings=embeddings,
        clean=np.array([[246, 0, 0, 0, 0, 0]]),
        local=np.array([[0, 1, -1, -1, -1, -1]]),
        samples=16000 * 5,
    )


def test_a_voice_heard_only_under_another_one_is_a_person() -> None:
    # the two sides of a phone call at once: the second is never heard alone, yet 2.1 s of
    # it in a voice of its own is a person (the count once said one speaker here)
    evidence = call_evidence(under_frames=126)
    assert speech_seconds(evidence)[1] > 1.0
    assert cluster(evidence).count == 2


def test_a_moment_of_another_voice_under_one_is_not_a_person() -> None:
    evidence = call_evidence(under_frames=20)  # 0.34 s, always overlapped
    assert speech_seconds(evidence)[1] < MIN_SPEAKER_S
    assert cluster(evidence).count == 1
    assert cluster(evidence, n_speakers=2).count == 2  # a given count still gets it


def test_the_count_needs_speech_and_voices() -> None:
    x, who = voices([10, 10, 6], spread=0.9, seed=13)
    merges = merge_tree(x)
    seconds = np.full(len(x), 1.5)
    assert count_people(x, merges, seconds, THRESHOLD, MIN_SPEAKER_S) == 3
    seconds[who == 2] = 0.05  # the third person said almost nothing
    assert count_people(x, merges, seconds, THRESHOLD, MIN_SPEAKER_S) == 2
    assert count_people(x, merges, seconds, 10.0, MIN_SPEAKER_S) == 1  # one cut: one person
    assert count_people(x[:1], [], seconds[:1], THRESHOLD, MIN_SPEAKER_S) == 1
