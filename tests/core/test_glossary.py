"""Glossary near-misses with real Kazakh and Russian names and terms: letter variants, case,
edit distance, multi-word terms, the segment's language, Accept and Ignore."""

from __future__ import annotations

import pytest

from kzdesk.core import glossary as g
from kzdesk.core.proofread import mark_checked
from kzdesk.core.transcript import Segment, Transcript, TranscriptError, Word

TERMS = [
    "Тоқаев",
    "Токаев",
    "Нұрсұлтан",
    "Ақтөбе",
    "Өскемен",
    "Самұрық-Қазына",
    "Астана Хаб",
    "Арчибальд",
    "Скайлс",
    "Марат",
    "бюджет",
]


def seg(text: str, language: str | None = None, seg_id: int = 1) -> Segment:
    words = [Word(t, i * 500, i * 500 + 400, 0.9) for i, t in enumerate(text.split())]
    return Segment(seg_id, None, 0, len(words) * 500, text, language, words)


def found(text: str, language: str | None = None) -> list[tuple[str, str]]:
    return [(s.found, s.term) for s in g.Glossary(TERMS).suggestions(seg(text, language))]


def test_fold_joins_kazakh_letters_with_their_russian_look_alikes() -> None:
    assert g.fold("ҚӨҮҰӘІҒҢҺ қөүұәіғңһ Ё") == "коууаигнх коууаигнх е"
    assert g.is_kazakh("Өскемен") and not g.is_kazakh("Оскемен")


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # Kazakh letters heard as Russian ones (SpeechKit ru model, Whisper)
        ("Бүгін Нурсултан қаласында кездестік.", "kk", [("Нурсултан", "Нұрсұлтан")]),
        ("Біз Актобеге емес, Оскеменге бардық.", "kk", []),  # inflected forms: not the term
        ("Біз Актобе мен Оскемен арқылы өттік.", "kk", [("Актобе", "Ақтөбе"), ("Оскемен", "Өскемен")]),
        ("Президент Тоқаев выступил с обращением.", "ru", [("Тоқаев", "Токаев")]),
        ("Мемлекет басшысы Токаев сөз сөйледі.", "kk", [("Токаев", "Тоқаев")]),
        ("Фонд самрук-казына отчитался.", "ru", [("самрук-казына", "Самұрық-Қазына")]),
        # one letter off in a longer name (festvox's "Арчибальд Скайлс")
        ("Американский корреспондент Арчибальт Скайлз.", "ru",
         [("Арчибальт", "Арчибальд"), ("Скайлз", "Скайлс")]),
        ("Встретимся в астана хаб завтра.", "ru", [("астана хаб", "Астана Хаб")]),
    ],
)  # fmt: skip
def test_near_misses(text: str, language: str, expected: list[tuple[str, str]]) -> None:
    assert found(text, language) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Президент Токаев выступил.",  # spelled as a term
        "Восьмого марта мы отдыхаем.",  # "марта" is not "Марат" (two edits)
        "Бюджет согласован.",  # a lower-case term starting a sentence
        "Бюджетті талқылаймыз.",  # another word, not the term
        "Встретимся в Астане, Хаб закрыт.",  # a term does not run across punctuation
    ],
)
def test_not_suggested(text: str) -> None:
    assert found(text, "ru") == []


def test_without_the_segment_language_an_exact_spelling_stands() -> None:
    assert found("Тоқаев пен Токаев") == []


def test_suggestions_keep_punctuation_and_accept_replaces_only_the_word() -> None:
    t = Transcript(segments=[seg("«Актобе», Нурсултан.", "kk")])
    suggestions = g.SuggestionIndex(g.Glossary(TERMS)).all(t.segments)
    assert [(s.found, s.term) for s in suggestions] == [
        ("Актобе", "Ақтөбе"),
        ("Нурсултан", "Нұрсұлтан"),
    ]
    t.replace_texts(g.accepted_texts(t, suggestions[:1]))
    assert t.segments[0].text == "«Ақтөбе», Нурсултан."
    words = t.segments[0].words
    assert words[0].checked and not words[1].checked  # accepted: the user's word now
    with pytest.raises(TranscriptError):
        g.accepted_texts(t, suggestions[:1])  # stale: the segment changed


def test_accept_all_is_one_change() -> None:
    t = Transcript(
        segments=[
            seg("Токаев сөз сөйледі", "kk", 1),
            seg("Тоқаев выступил", "ru", 2),
        ]
    )
    index = g.SuggestionIndex(g.Glossary(TERMS))
    change = t.replace_texts(g.accepted_texts(t, index.all(t.segments)))
    assert len(change.segments) == 2
    assert [s.text for s in t.segments] == ["Тоқаев сөз сөйледі", "Токаев выступил"]
    assert index.all(t.segments) == []
    t.apply(change.inverse())
    assert [s.text for s in t.segments] == ["Токаев сөз сөйледі", "Тоқаев выступил"]


def test_ignore_marks_the_word_checked_and_the_suggestion_goes() -> None:
    t = Transcript(segments=[seg("Біз Актобе арқылы өттік", "kk")])
    index = g.SuggestionIndex(g.Glossary(TERMS))
    (suggestion,) = index.all(t.segments)
    change = t.apply(mark_checked(t, 1, list(range(suggestion.token, suggestion.token + 1))))
    assert index.all(t.segments) == []
    t.apply(change.inverse())
    assert len(index.all(t.segments)) == 1


def test_parse_and_merge_terms() -> None:
    text = "Тоқаев\n Астана   Хаб ; Токаев\n# comment\n\nТоқаев  # again\n"
    assert g.parse_terms(text) == ["Тоқаев", "Астана Хаб", "Токаев"]
    assert g.merge_terms(["Тоқаев"], ["Тоқаев", " Алматы "]) == ["Тоқаев", "Алматы"]


def test_edit_distance_stops_early() -> None:
    assert g.edit_distance("скайлз", "скайлс", 1) == 1
    assert g.edit_distance("марта", "марат", 1) == 2
    assert g.edit_distance("абвгд", "еёжзи", 1) == 2


def test_terms_for_the_language_heard() -> None:
    terms = ["Тоқаев", "Токаев", "Astana Hub", "Kaspi", "Самұрық-Қазына", "Сбербанк"]
    assert g.terms_for_language(terms, "ru") == ["Токаев", "Сбербанк"]
    assert g.terms_for_language(terms, "kk") == ["Тоқаев", "Токаев", "Самұрық-Қазына", "Сбербанк"]
    assert g.terms_for_language(terms, "en") == ["Astana Hub", "Kaspi"]
    assert g.terms_for_language(terms, None) == terms
