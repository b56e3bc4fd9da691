from __future__ import annotations

import copy
import itertools
import random

import pytest

from kzdesk.core import cost, timecode
from kzdesk.core.transcript import (
    Segment,
    Speaker,
    Transcript,
    TranscriptError,
    Word,
    retime_words,
)


def make() -> Transcript:
    words1 = [Word("Бүгін", 0, 400), Word("біз", 450, 700), Word("бюджетті", 750, 1300)]
    words2 = [Word("Хорошо,", 2000, 2400), Word("давайте", 2450, 2900), Word("начнём", 2950, 3500)]
    return Transcript(
        speakers=[Speaker(1, "0", "Speaker 1", "#E69F00"), Speaker(2, "1", "Speaker 2", "#56B4E9")],
        segments=[
            Segment(1, 1, 0, 1300, "Бүгін біз бюджетті", "kk-KZ", words1),
            Segment(2, 2, 2000, 3500, "Хорошо, давайте начнём", "ru-RU", words2),
        ],
        title="Жиналыс",
    )


def test_rename_is_one_field_not_text() -> None:
    t = make()
    t.rename_speaker(1, "Айгүл")
    assert t.speaker_name(1) == "Айгүл"
    assert all("Айгүл" not in s.text for s in t.segments)


def test_split_and_merge_round_trip() -> None:
    t = make()
    original = copy.deepcopy(t)
    change = t.split_at_word(1, 2)
    assert [s.text for s in t.segments] == ["Бүгін біз", "бюджетті", "Хорошо, давайте начнём"]
    assert t.segments[0].end_ms == 700 and t.segments[1].start_ms == 750
    t.apply(change.inverse())
    assert t == original
    change = t.merge_with_next(1)
    assert len(t.segments) == 1
    assert t.segments[0].text == "Бүгін біз бюджетті Хорошо, давайте начнём"
    assert [w.text for w in t.segments[0].words][-1] == "начнём"
    t.apply(change.inverse())
    assert t == original


def test_invalid_edits_raise() -> None:
    t = make()
    with pytest.raises(TranscriptError):
        t.split_at_word(1, 0)
    with pytest.raises(TranscriptError):
        t.merge_with_next(2)
    with pytest.raises(TranscriptError):
        t.reassign(1, 99)
    with pytest.raises(TranscriptError):
        t.rename_speaker(1, "  ")
    with pytest.raises(TranscriptError):
        t.merge_speakers(1, 1)


def test_replace_text_keeps_timings_when_word_count_is_same() -> None:
    t = make()
    t.replace_text(2, "Жақсы, давайте бастаймыз")
    seg = t.segment(2)
    assert [(w.text, w.start_ms) for w in seg.words] == [
        ("Жақсы,", 2000),
        ("давайте", 2450),
        ("бастаймыз", 2950),
    ]


def test_retime_spreads_new_words_inside_old_span() -> None:
    words = retime_words("бір екі үш төрт", [Word("a", 100, 200), Word("b", 300, 900)], 0, 1000)
    assert words[0].start_ms == 100 and words[-1].end_ms == 900
    assert all(a.end_ms <= b.start_ms for a, b in itertools.pairwise(words))


def test_merge_speakers_moves_segments_and_undoes() -> None:
    t = make()
    original = copy.deepcopy(t)
    change = t.merge_speakers(1, 2)
    assert [s.speaker_id for s in t.segments] == [1, 1]
    assert len(t.speakers) == 1
    t.apply(change.inverse())
    assert t == original


def test_random_edit_sequences_undo_to_identical_state() -> None:
    rng = random.Random(7)
    for _ in range(50):
        t = make()
        for i in range(3, 8):
            t.apply(t.add_speaker(str(i)).inverse())  # add + undo is a no-op
        original = copy.deepcopy(t)
        changes = []
        for _ in range(20):
            seg = rng.choice(t.segments)
            op = rng.randrange(5)
            try:
                if op == 0:
                    changes.append(
                        t.rename_speaker(rng.choice(t.speakers).id, f"Имя {rng.random()}")
                    )
                elif op == 1:
                    changes.append(t.reassign(seg.id, rng.choice(t.speakers).id))
                elif op == 2:
                    changes.append(t.replace_text(seg.id, "жаңа мәтін " * rng.randrange(1, 4)))
                elif op == 3:
                    changes.append(
                        t.split_at_word(seg.id, rng.randrange(1, max(len(seg.words), 2)))
                    )
                else:
                    changes.append(t.merge_with_next(seg.id))
            except TranscriptError:
                continue
        for change in reversed(changes):
            t.apply(change.inverse())
        assert t == original


def test_timecodes_and_cost() -> None:
    assert timecode.duration(6_130_000) == "1:42:10"
    assert timecode.duration(41_000) == "0:41"
    assert timecode.clock(761_000) == "00:12:41"
    assert timecode.srt(3_723_004) == "01:02:03,004"
    assert timecode.vtt(3_723_004) == "01:02:03.004"
    assert cost.billed_seconds(3_000) == 15
    assert cost.billed_seconds(60_200, channels=2) == 61
    assert cost.billed_seconds(60_000, channels=3) == 120
