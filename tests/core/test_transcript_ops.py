from __future__ import annotations

import copy

import pytest

from kzdesk.core.transcript import (
    Segment,
    Speaker,
    Transcript,
    TranscriptError,
    Word,
    fit_words,
)
from kzdesk.core.transcript_ops import (
    MIN_SEGMENT_MS,
    heard_language,
    language_code,
    spoken_languages,
)


def make(duration_ms: int = 10_000) -> Transcript:
    words1 = [Word("Бүгін", 500, 900), Word("біз", 950, 1200), Word("бюджетті", 1250, 1800)]
    words2 = [Word("Хорошо,", 2000, 2400), Word("давайте", 2450, 2900), Word("начнём", 2950, 3500)]
    return Transcript(
        speakers=[
            Speaker(1, "0", "Speaker 1", "#E69F00"),
            Speaker(2, "1", "Speaker 2", "#56B4E9"),
            Speaker(3, "2", "Speaker 3", "#009E73"),
        ],
        segments=[
            Segment(1, 1, 500, 1800, "Бүгін біз бюджетті", "kk-KZ", words1),
            Segment(2, 2, 2000, 3500, "Хорошо, давайте начнём", "ru-RU", words2),
        ],
        duration_ms=duration_ms,
    )


def check_timings(t: Transcript) -> None:
    """The word-timing rules every operation keeps."""
    assert t.segments == sorted(t.segments, key=lambda s: (s.start_ms, s.id))
    assert len({s.id for s in t.segments}) == len(t.segments)
    for seg in t.segments:
        assert [w.text for w in seg.words] == seg.text.split()
        assert seg.start_ms <= seg.end_ms
        if seg.words:
            assert seg.words[0].start_ms == seg.start_ms
            assert seg.words[-1].end_ms == seg.end_ms
        previous = None
        for w in seg.words:
            assert seg.start_ms <= w.start_ms <= w.end_ms <= seg.end_ms
            if previous is not None:
                assert previous.start_ms <= w.start_ms and previous.end_ms <= w.end_ms
            previous = w


def test_delete_segment_and_undo() -> None:
    t = make()
    original = copy.deepcopy(t)
    change = t.delete_segment(1)
    assert [s.id for s in t.segments] == [2]
    deleted = [before.id for before, after in change.segments if before and after is None]
    assert deleted == [1] and change.description == "delete phrase"
    t.apply(change.inverse())
    assert t == original
    with pytest.raises(TranscriptError):
        t.delete_segment(99)


def test_shift_start_earlier_stretches_the_first_word() -> None:
    t = make()
    t.shift_bounds(1, start_delta_ms=-100)
    seg = t.segment(1)
    assert (seg.start_ms, seg.end_ms) == (400, 1800)
    assert [(w.start_ms, w.end_ms) for w in seg.words] == [(400, 900), (950, 1200), (1250, 1800)]
    check_timings(t)


def test_shift_start_later_clips_words_and_squeezes_passed_ones() -> None:
    t = make()
    t.shift_bounds(1, start_delta_ms=500)  # start 1000: past the whole first word
    seg = t.segment(1)
    assert seg.start_ms == 1000
    assert [(w.start_ms, w.end_ms) for w in seg.words] == [(1000, 1000), (1000, 1200), (1250, 1800)]
    check_timings(t)


def test_shift_end_both_ways() -> None:
    t = make()
    t.shift_bounds(2, end_delta_ms=100)
    assert t.segment(2).end_ms == 3600 and t.segment(2).words[-1].end_ms == 3600
    t.shift_bounds(2, end_delta_ms=-300)
    assert t.segment(2).end_ms == 3300
    assert [w.end_ms for w in t.segment(2).words] == [2400, 2900, 3300]
    check_timings(t)


def test_shift_clamps_to_the_recording() -> None:
    t = make(duration_ms=3550)
    t.shift_bounds(2, end_delta_ms=100)
    assert t.segment(2).end_ms == 3550
    with pytest.raises(TranscriptError, match="edge"):
        t.shift_bounds(2, end_delta_ms=100)
    t.shift_bounds(1, start_delta_ms=-1000)
    assert t.segment(1).start_ms == 0 and t.segment(1).words[0].start_ms == 0
    with pytest.raises(TranscriptError, match="edge"):
        t.shift_bounds(1, start_delta_ms=-100)
    unknown_length = make(duration_ms=0)
    unknown_length.shift_bounds(2, end_delta_ms=100_000)
    assert unknown_length.segment(2).end_ms == 103_500


def test_shift_keeps_a_minimum_length() -> None:
    t = make()
    with pytest.raises(TranscriptError, match=f"{MIN_SEGMENT_MS} ms"):
        t.shift_bounds(1, start_delta_ms=1250)  # 50 ms left
    t.shift_bounds(1, start_delta_ms=1200)  # exactly 100 ms left
    assert t.segment(1).end_ms - t.segment(1).start_ms == MIN_SEGMENT_MS
    check_timings(t)
    with pytest.raises(TranscriptError):
        t.shift_bounds(1, end_delta_ms=-100)
    t.shift_bounds(1, end_delta_ms=100)  # growing is always allowed


def test_shift_bounds_undoes_exactly() -> None:
    t = make()
    original = copy.deepcopy(t)
    changes = [
        t.shift_bounds(1, start_delta_ms=700),
        t.shift_bounds(2, start_delta_ms=-1900),  # now starts before segment 1: order changes
        t.shift_bounds(2, end_delta_ms=-100, start_delta_ms=100),
    ]
    assert [s.id for s in t.segments] == [2, 1]
    for change in reversed(changes):
        t.apply(change.inverse())
    assert t == original


@pytest.mark.parametrize(
    ("cursor", "texts"),
    [
        (5, ("Бүгін", "біз бюджетті")),  # right after a word
        (6, ("Бүгін", "біз бюджетті")),  # right before the next
        (7, ("Бүгін", "біз бюджетті")),  # inside "біз", first half
        (8, ("Бүгін біз", "бюджетті")),  # inside "біз", second half
        (10, ("Бүгін біз", "бюджетті")),
        (13, ("Бүгін біз", "бюджетті")),  # "бюд|жетті": first half
        (15, ("Бүгін біз бюджетті", None)),  # "бюджет|ті": second half of the last word
        (2, (None, "Бүгін біз бюджетті")),  # "Бү|гін": first half of the first word
    ],
)
def test_split_at_char(cursor: int, texts: tuple[str | None, str | None]) -> None:
    t = make()
    if None in texts:
        with pytest.raises(TranscriptError, match="between two words"):
            t.split_at_char(1, cursor)
        return
    original = copy.deepcopy(t)
    change = t.split_at_char(1, cursor)
    first, second = t.segments[0], t.segments[1]
    assert (first.text, second.text) == texts
    assert first.words + second.words == original.segment(1).words
    assert first.end_ms == first.words[-1].end_ms and second.start_ms == second.words[0].start_ms
    assert second.speaker_id == 1 and second.language == "kk-KZ" and second.id == 3
    check_timings(t)
    t.apply(change.inverse())
    assert t == original


def test_split_at_char_keeps_the_text_as_typed_and_refuses_the_edges() -> None:
    t = make()
    t.replace_text(2, "  Хорошо,\n давайте   начнём ")
    t.split_at_char(2, 13)
    assert [s.text for s in t.segments[1:]] == ["Хорошо,", "давайте   начнём"]
    for cursor in (0, 1, len(t.segment(1).text)):
        with pytest.raises(TranscriptError):
            t.split_at_char(1, cursor)
    with pytest.raises(TranscriptError, match="outside"):
        t.split_at_char(1, 999)


def test_split_at_char_retimes_words_that_do_not_match_the_text() -> None:
    t = make()
    t.segment(1).words = t.segment(1).words[:2]  # old data: fewer words than tokens
    t.split_at_char(1, 10)
    assert [w.text for w in t.segments[0].words] == ["Бүгін", "біз"]
    assert [w.text for w in t.segments[1].words] == ["бюджетті"]
    assert t.segments[0].start_ms == 500 and t.segments[1].end_ms == 1800


def test_speaker_shares() -> None:
    t = make()
    shares = t.speaker_shares()
    assert shares == pytest.approx({1: 1300 / 2800, 2: 1500 / 2800, 3: 0.0})
    t.reassign(2, None)
    assert t.speaker_shares() == pytest.approx({1: 1300 / 2800, 2: 0.0, 3: 0.0})
    assert Transcript(speakers=t.speakers).speaker_shares() == {1: 0.0, 2: 0.0, 3: 0.0}


def test_replace_texts_is_one_change() -> None:
    t = make()
    original = copy.deepcopy(t)
    change = t.replace_texts({1: "Бүгін біз қаржыны", 2: "Жаңа"}, description="replace all")
    assert len(change.segments) == 2 and change.description == "replace all"
    assert t.segment(2).words == [Word("Жаңа", 2000, 3500, checked=True)]  # typed: checked
    check_timings(t)
    t.apply(change.inverse())
    assert t == original
    with pytest.raises(TranscriptError):
        t.replace_texts({1: "x", 42: "y"})
    assert t == original


def test_merge_keeps_words_inside_and_ordered() -> None:
    t = make()
    t.merge_with_next(1)
    seg = t.segments[0]
    assert (seg.start_ms, seg.end_ms) == (500, 3500)
    assert [w.text for w in seg.words] == seg.text.split()
    check_timings(t)
    # overlapping segments (a speaker interrupts): words stay ordered and inside
    t = make()
    t.shift_bounds(1, end_delta_ms=2000)  # segment 1 now ends at 3800, past segment 2
    original = copy.deepcopy(t)
    change = t.merge_with_next(1)
    check_timings(t)
    assert t.segments[0].end_ms == 3800
    t.apply(change.inverse())
    assert t == original
    # an emptied first segment: its start is the merged segment's, the first word stretches
    t = make()
    t.replace_text(1, "")
    t.merge_with_next(1)
    assert t.segments[0].start_ms == t.segments[0].words[0].start_ms == 500
    check_timings(t)


def test_fit_words() -> None:
    words = [Word("a", 0, 100), Word("b", 50, 300), Word("c", 40, 900)]
    fitted = fit_words(words, 100, 800)
    assert [(w.start_ms, w.end_ms) for w in fitted] == [(100, 100), (100, 300), (100, 800)]
    assert words[0].start_ms == 0  # the input is not touched
    assert fit_words([], 0, 10) == []


def test_languages_heard_and_marking_a_segment() -> None:
    t = make()
    assert spoken_languages(t) == ["ru", "kk"]  # "kk-KZ"/"ru-RU" by their first part; ru longer
    assert heard_language(t) == "ru+kk"
    change = t.set_language(2, "kk")
    assert t.segment(2).language == "kk"
    assert heard_language(t) == "kk"
    t.apply(change.inverse())
    assert t.segment(2).language == "ru-RU"
    with pytest.raises(TranscriptError):
        t.set_language(1, "kk")  # already Kazakh
    empty = Transcript(language="kk-ru")
    assert spoken_languages(empty) == [] and heard_language(empty) == "kk-ru"
    assert language_code("KK_kz") == "kk" and language_code(None) == ""
