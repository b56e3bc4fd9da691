"""The shipped Hunspell dictionaries through chunspell: real Kazakh, Russian and English words,
misspellings and suggestions."""

from __future__ import annotations

import pytest

from kzdesk.core.spelling import SpellCache, transcript_languages
from kzdesk.services.spelling import DICTIONARIES, Dictionaries, SpellingUnavailable


@pytest.fixture(scope="module")
def dictionaries() -> Dictionaries:
    d = Dictionaries()
    assert d.load() == {"kk", "ru", "en"}
    return d


def test_every_dictionary_ships_with_its_notice() -> None:
    d = Dictionaries()
    for name in DICTIONARIES.values():
        assert (d.folder / f"{name}.aff").is_file() and (d.folder / f"{name}.dic").is_file()
    from tools.collect_licenses import NOTICES

    notice = (NOTICES / "Hunspell-dictionaries.txt").read_text(encoding="utf-8")
    assert "kk_KZ" in notice and "ru_RU" in notice and "en_US" in notice


@pytest.mark.parametrize(
    ("language", "right", "wrong"),
    [
        ("kk", ["бүгін", "бюджетті", "талқылаймыз", "әріптестер", "қаржы"], ["талқылаймыс", "бүгинн"]),
        ("ru", ["согласовать", "бюджет", "министерством", "Давайте"], ["превет", "министерсвом"]),
        ("en", ["neural", "networks", "country"], ["contry", "netwroks"]),
    ],
)  # fmt: skip
def test_real_words(dictionaries: Dictionaries, language: str, right: list, wrong: list) -> None:
    assert all(dictionaries.check(language, w) for w in right)
    assert not any(dictionaries.check(language, w) for w in wrong)


def test_suggestions(dictionaries: Dictionaries) -> None:
    assert "Привет" in dictionaries.suggest(["ru"], "Превет")
    assert "талқылаймыз" in dictionaries.suggest(["kk"], "талқылаймыс")
    assert "country" in dictionaries.suggest(["en"], "contry")


def test_cache_with_real_dictionaries(dictionaries: Dictionaries) -> None:
    cache = SpellCache()
    cache.available = dictionaries.languages
    text = "Бүгін біз бюджетті талқылаймыс. Давайте согласуем бюджет с министерсвом."
    _, ask = cache.misses(text, "kk", transcript_languages("kk-ru"))
    cache.store(dictionaries.check_all(ask))
    missed, ask = cache.misses(text, "kk", transcript_languages("kk-ru"))
    assert [m.word for m in missed] == ["талқылаймыс", "министерсвом"] and ask == []


def test_missing_dictionaries_say_spelling_is_unavailable(tmp_path) -> None:
    with pytest.raises(SpellingUnavailable):
        Dictionaries(tmp_path).load()
