"""Which words are spell-checked in which language, and the cache of answers (no dictionary:
the answers are given by hand here; tests/services/test_spelling.py uses the real ones)."""

from __future__ import annotations

from kzdesk.core.spelling import (
    SpellCache,
    accepted_words,
    language_code,
    languages_for,
    transcript_languages,
    words,
)

KK_RU = ("kk", "ru")


def test_words_skip_numbers_abbreviations_and_single_letters() -> None:
    text = "ЦОН 2024 жылы «Нұр-Сұлтан» қаласында, т.е. в 3-м квартале don't"
    assert [w for _, _, w in words(text)] == [
        "жылы",
        "Нұр-Сұлтан",
        "қаласында",
        "квартале",
        "don't",
    ]


def test_language_codes() -> None:
    assert language_code("ru-RU") == "ru" and language_code("kk") == "kk"
    assert language_code("de") is None and language_code(None) is None
    assert transcript_languages("kk-ru") == KK_RU
    assert transcript_languages("ru") == ("ru",)
    assert transcript_languages("auto") == KK_RU


def test_languages_for_a_word() -> None:
    assert languages_for("budget", "kk", KK_RU) == ("en",)
    assert languages_for("бюджетке", "ru", KK_RU) == ("ru", "kk")  # no Kazakh letter
    assert languages_for("талқылаймыз", "ru", KK_RU) == ("kk",)  # Kazakh letters
    assert languages_for("министерством", None, ("ru",)) == ("ru",)
    assert languages_for("министерством", "kk", KK_RU) == ("kk", "ru")
    assert languages_for("2024", "kk", KK_RU) == ()


def test_a_word_is_misspelled_only_when_every_dictionary_rejects_it() -> None:
    cache = SpellCache()
    cache.available = frozenset({"kk", "ru"})
    text = "Тоқаев министерством превет талқылаймыз"
    accepted = accepted_words(["Тоқаев", "Астана Хаб"])
    assert accepted == {"Тоқаев", "Астана", "Хаб"}
    missed, ask = cache.misses(text, "kk", KK_RU, accepted)
    assert missed == []
    assert ask == [
        ("kk", "министерством"),
        ("ru", "министерством"),
        ("kk", "превет"),
        ("ru", "превет"),
        ("kk", "талқылаймыз"),
    ]
    cache.store(
        [
            ("kk", "министерством", False),
            ("ru", "министерством", True),  # a Russian word in a Kazakh segment: right
            ("kk", "превет", False),
            ("ru", "превет", False),
            ("kk", "талқылаймыз", True),
        ]
    )
    missed, ask = cache.misses(text, "kk", KK_RU, accepted)
    assert [(m.word, text[m.start : m.end]) for m in missed] == [("превет", "превет")]
    assert ask == []


def test_languages_without_a_dictionary_are_not_checked() -> None:
    cache = SpellCache()
    cache.available = frozenset({"ru"})
    missed, ask = cache.misses("hello қалай", "kk", KK_RU)
    assert missed == [] and ask == []
