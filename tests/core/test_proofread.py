"""Uncertain words: which are flagged, how edits and "Mark as checked" clear them, and finding
the next one — with real Kazakh and Russian segments."""

from __future__ import annotations

import copy

import pytest

from kzdesk.core import proofread
from kzdesk.core.proofread import UncertainIndex, mark_checked, token_of_words, uncertain_tokens
from kzdesk.core.transcript import Segment, Transcript, TranscriptError, Word

BELOW = 0.5


def segment(seg_id: int, start: int, text: str, confidences: list[float | None], **kw) -> Segment:
    tokens = text.split()
    words = [
        Word(t, start + 400 * i, start + 400 * i + 350, c)
        for i, (t, c) in enumerate(zip(tokens, confidences, strict=True))
    ]
    return Segment(seg_id, None, start, words[-1].end_ms, text, words=words, **kw)


def meeting() -> Transcript:
    return Transcript(
        segments=[
            # Kazakh: "Бүгін біз бюджетті талқылаймыз" — the engine doubts two words
            segment(
                1, 0, "Бүгін біз бюджетті талқылаймыз.", [0.95, 0.31, 0.88, 0.42], language="kk"
            ),
            segment(2, 5000, "Добрый день, коллеги.", [0.99, 0.97, 0.93], language="ru"),
            # Russian: "согласовать бюджет с министерством" — one doubtful word
            segment(3, 9000, "Согласовать бюджет с министерством", [0.9, 0.8, 0.7, 0.12]),
        ]
    )


def test_words_below_the_threshold_are_uncertain() -> None:
    t = meeting()
    assert uncertain_tokens(t.segments[0], BELOW) == (1, 3)
    assert uncertain_tokens(t.segments[1], BELOW) == ()
    assert uncertain_tokens(t.segments[2], BELOW) == (3,)
    assert uncertain_tokens(t.segments[2], 0.75) == (2, 3)  # the threshold is a setting


def test_no_confidence_is_never_uncertain() -> None:
    seg = segment(1, 0, "Сәлеметсіз бе", [None, None])
    assert uncertain_tokens(seg, 0.99) == ()
    assert not proofread.has_confidence(Transcript(segments=[seg]))
    assert proofread.has_confidence(meeting())


def test_editing_a_word_clears_its_flag_and_keeps_the_others() -> None:
    t = meeting()
    t.replace_text(1, "Бүгін біз бюджетті талқылаймыз,")  # only the last word's comma
    assert uncertain_tokens(t.segment(1), BELOW) == (1,)
    words = t.segment(1).words
    assert words[3].checked and words[3].confidence == 0.42  # typed: checked, confidence kept
    assert not words[1].checked and words[1].confidence == 0.31


def test_inserting_a_word_keeps_the_flags_of_unchanged_words() -> None:
    t = meeting()
    t.replace_text(3, "Согласовать этот бюджет с министерством")
    words = t.segment(3).words
    assert [w.text for w in words] == ["Согласовать", "этот", "бюджет", "с", "министерством"]
    assert [w.checked for w in words] == [False, True, False, False, False]
    assert words[4].confidence == 0.12
    assert uncertain_tokens(t.segment(3), BELOW) == (4,)


def test_mark_checked_one_word_and_undo() -> None:
    t = meeting()
    before = copy.deepcopy(t.segment(1))
    change = t.apply(mark_checked(t, 1, [1]))
    assert uncertain_tokens(t.segment(1), BELOW) == (3,)
    t.apply(change.inverse())
    assert t.segment(1) == before


def test_mark_checked_the_whole_segment() -> None:
    t = meeting()
    t.apply(mark_checked(t, 1))
    assert uncertain_tokens(t.segment(1), BELOW) == ()
    assert all(w.checked for w in t.segment(1).words)
    with pytest.raises(TranscriptError):
        mark_checked(t, 1)  # nothing left to mark


def test_words_and_tokens_aligned_when_the_text_is_normalised() -> None:
    # SpeechKit: raw words "двадцать пять", normalised text "25"
    tokens = ["Встреча", "в", "25", "минут"]
    words = [Word(w, 0, 1) for w in ["встреча", "в", "двадцать", "пять", "минут"]]
    assert token_of_words(tokens, words) == [0, 1, 2, 2, 3]
    seg = Segment(1, None, 0, 1, " ".join(tokens), words=words)
    seg.words[3].confidence = 0.2
    assert uncertain_tokens(seg, BELOW) == (2,)


def test_index_finds_next_and_previous_and_wraps() -> None:
    t = meeting()
    index = UncertainIndex(BELOW)
    segs = t.segments
    assert index.count(segs) == 3
    first = index.find(segs, -1, -1)
    assert first is not None and (first.row, first.token) == (0, 1)
    assert t.segments[0].text[first.start : first.end] == "біз"
    second = index.find(segs, first.row, first.token)
    assert second is not None and (second.row, second.token) == (0, 3)
    assert t.segments[0].text[second.start : second.end] == "талқылаймыз."
    third = index.find(segs, second.row, second.token)
    assert third is not None and (third.row, third.token) == (2, 3)
    wrapped = index.find(segs, third.row, third.token)
    assert wrapped is not None and (wrapped.row, wrapped.token) == (0, 1)
    back = index.find(segs, 0, 1, backwards=True)
    assert back is not None and (back.row, back.token) == (2, 3)
    last = index.find(segs, -1, -1, backwards=True)
    assert last == back


def test_index_follows_edits() -> None:
    t = meeting()
    index = UncertainIndex(BELOW)
    assert index.count(t.segments) == 3
    t.apply(mark_checked(t, 3))
    assert index.count(t.segments) == 2  # the segment is a new object: recomputed
    t.apply(mark_checked(t, 1))
    assert index.count(t.segments) == 0
    assert index.find(t.segments, 0, 0) is None


def test_split_and_merge_keep_checked_words() -> None:
    t = meeting()
    t.apply(mark_checked(t, 1, [1]))
    t.split_at_word(1, 2)
    assert t.segments[0].words[1].checked
    t.merge_with_next(t.segments[0].id)
    assert t.segments[0].words[1].checked and not t.segments[0].words[3].checked
