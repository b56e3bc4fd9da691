from __future__ import annotations

import copy

import pytest

from kzdesk.core.search import (
    Match,
    SearchError,
    SearchQuery,
    find_all,
    replace_all,
    replace_in_text,
    replace_match,
)
from kzdesk.core.transcript import Segment, Speaker, Transcript, TranscriptError, Word


def make(*texts: str) -> Transcript:
    segments = []
    t = 0
    for n, text in enumerate(texts, start=1):
        words = []
        for token in text.split():
            words.append(Word(token, t, t + 300))
            t += 400
        start, end = (words[0].start_ms, words[-1].end_ms) if words else (t, t)
        segments.append(Segment(n, 1, start, end, text, "kk-KZ", words))
        t += 1000
    return Transcript(speakers=[Speaker(1, "0", "Бюджет Айгүл", "#E69F00")], segments=segments)


def spans(transcript: Transcript, query: SearchQuery) -> list[tuple[int, str]]:
    return [
        (m.segment_id, transcript.segment(m.segment_id).text[m.start : m.end])
        for m in find_all(transcript, query)
    ]


def test_case_insensitive_kazakh_and_russian_letters() -> None:
    pairs = ["Ә", "Ғ", "Қ", "Ң", "Ө", "Ұ", "Ү", "Һ", "І", "Ё", "Ж"]
    t = make(" ".join(p.lower() + "x" for p in pairs), " ".join(p + "x" for p in pairs))
    for upper in pairs:
        found = spans(t, SearchQuery(upper + "X"))
        assert found == [(1, upper.lower() + "x"), (2, upper + "x")], upper
        assert spans(t, SearchQuery(upper + "x", case_sensitive=True)) == [(2, upper + "x")]


def test_russian_yo_and_kazakh_words() -> None:
    t = make("Ёлка и ёж", "ҚАЗАҚСТАН және қазақстан")
    assert spans(t, SearchQuery("ёлка")) == [(1, "Ёлка")]
    assert spans(t, SearchQuery("ЁЖ")) == [(1, "ёж")]
    assert spans(t, SearchQuery("Қазақстан")) == [(2, "ҚАЗАҚСТАН"), (2, "қазақстан")]
    assert spans(t, SearchQuery("Қазақстан", case_sensitive=True)) == []


def test_whole_word_is_unicode_aware() -> None:
    t = make("Бүгін біз бюджетті талқылаймыз", "Бюджет, бюджет! (бюджет)")
    assert len(find_all(t, SearchQuery("бюджет"))) == 4
    assert spans(t, SearchQuery("бюджет", whole_word=True)) == [
        (2, "Бюджет"),
        (2, "бюджет"),
        (2, "бюджет"),
    ]
    assert spans(t, SearchQuery("бюджетті", whole_word=True)) == [(1, "бюджетті")]
    assert spans(t, SearchQuery("(бюджет)", whole_word=True)) == [(2, "(бюджет)")]
    assert spans(t, SearchQuery("бюдж", whole_word=True, regex=True)) == []
    assert len(find_all(t, SearchQuery("бюджет\\w*", whole_word=True, regex=True))) == 4


def test_matches_come_in_transcript_order_and_never_from_speaker_names() -> None:
    t = make("бір екі бір", "екі", "бір")
    assert [(m.segment_id, m.start) for m in find_all(t, SearchQuery("бір"))] == [
        (1, 0),
        (1, 8),
        (3, 0),
    ]
    assert find_all(t, SearchQuery("Айгүл")) == []  # the speaker's name is not segment text
    assert find_all(t, SearchQuery("")) == []
    assert find_all(t, SearchQuery("x*", regex=True)) == []  # empty matches do not count


def test_bad_regex_is_a_sentence() -> None:
    with pytest.raises(SearchError) as info:
        find_all(make("бір"), SearchQuery("(бюджет", regex=True))
    assert isinstance(info.value, ValueError)
    message = str(info.value)
    assert message[0].isupper() and message.endswith(".") and "regular expression" in message
    assert find_all(make("(бір"), SearchQuery("(бір")) != []  # not a regex: literal


def _replaced(text: str, query: SearchQuery, replacement: str) -> str:
    new_text, count = replace_in_text(text, query, replacement)
    assert (count > 0) == (new_text != text)
    return new_text


def test_replace_in_text_literal_and_regex_groups() -> None:
    text = "Бюджет 2024 және бюджет 2025"
    assert _replaced(text, SearchQuery("бюджет"), "қаржы") == "қаржы 2024 және қаржы 2025"
    assert _replaced(text, SearchQuery("бюджет"), r"\1 \g<0>") == (
        r"\1 \g<0> 2024 және \1 \g<0> 2025"
    )
    query = SearchQuery(r"(бюджет) (\d+)", regex=True)
    assert _replaced(text, query, r"\2 \1") == "2024 Бюджет және 2025 бюджет"
    named = SearchQuery(r"(?P<year>\d{4})", regex=True)
    assert _replaced(text, named, r"[\g<year>]") == "Бюджет [2024] және бюджет [2025]"
    assert _replaced(text, SearchQuery("x*", regex=True), "!") == text
    with pytest.raises(SearchError, match="group"):
        _replaced(text, query, r"\3")
    with pytest.raises(SearchError, match="group"):
        _replaced(text, query, r"\g<nope>")


def test_replace_all_is_one_change_and_retimes_words() -> None:
    t = make("Бүгін біз бюджетті талқылаймыз", "Хорошо", "бюджет бюджет")
    original = copy.deepcopy(t)
    change = replace_all(t, SearchQuery("бюджет"), "жаңа бюджет")
    assert change.description == "replace all"
    assert [before.id for before, _ in change.segments] == [1, 3]
    assert t.segment(1).text == "Бүгін біз жаңа бюджетті талқылаймыз"
    assert [w.text for w in t.segment(3).words] == ["жаңа", "бюджет", "жаңа", "бюджет"]
    assert t.segment(3).words[0].start_ms == original.segment(3).start_ms
    assert t.segment(3).words[-1].end_ms == original.segment(3).end_ms
    assert t.segment(2) == original.segment(2)
    t.apply(change.inverse())
    assert t == original
    with pytest.raises(TranscriptError, match="nothing was replaced"):
        replace_all(t, SearchQuery("жоқ"), "x")
    with pytest.raises(SearchError):
        replace_all(t, SearchQuery(r"(бюджет)", regex=True), r"\2")
    assert t == original  # a bad replacement changes nothing


def test_replace_match_checks_the_match_is_still_there() -> None:
    t = make("бюджет және бюджетті", "бюджет")
    query = SearchQuery("бюджет", whole_word=True)
    first, second = find_all(t, query)
    change = replace_match(t, second, query, "қаржы")
    assert change.description == "replace" and len(change.segments) == 1
    assert t.segment(2).text == "қаржы"
    assert t.segment(1).text == "бюджет және бюджетті"
    with pytest.raises(TranscriptError, match="changed"):
        replace_match(t, second, query, "x")
    with pytest.raises(TranscriptError, match="changed"):
        replace_match(t, Match(1, 12, 18), query, "x")  # inside «бюджетті»: not a whole word
    replace_match(t, first, query, "ақша")
    assert t.segment(1).text == "ақша және бюджетті"


def test_find_all_finds_every_segment_of_a_long_meeting() -> None:
    """(Its speed is measured by bench/editor.py, not here.)"""
    texts = [f"Бүгін біз бюджетті талқылаймыз, хорошо давайте начнём {n}" for n in range(5000)]
    t = make(*texts)
    found = find_all(t, SearchQuery("БЮДЖЕТ", whole_word=False))
    assert len(found) == 5000
