"""Spelling without the dictionaries: which words to check, in which languages, and a cache of
the answers (the dictionaries themselves are in :mod:`kzdesk.services.spelling`).

A word is checked in the segment's language — Latin words in English, words with Kazakh letters
in Kazakh — and, in a Kazakh + Russian transcript, a Cyrillic word is misspelled only when
neither dictionary knows it (people switch languages mid-sentence). The editor never waits for
a dictionary: it asks the cache, paints what is known, and queues what is not for a worker
thread; the answers come back into the cache and the rows repaint.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from kzdesk.core.glossary import is_kazakh

LANGUAGES = ("kk", "ru", "en")
CYRILLIC = ("kk", "ru")
# letters, with inner hyphens or apostrophes ("Нұр-Сұлтан", "don't"); digits are not words
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_LATIN = re.compile(r"[A-Za-z]")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
MAX_CACHED = 200_000


@dataclass(frozen=True)
class Miss:
    """A misspelled word at ``start``..``end`` of a segment's text."""

    start: int
    end: int
    word: str
    languages: tuple[str, ...]


def language_code(value: str | None) -> str | None:
    """ "ru-RU", "kk", "KK-kz" -> "ru"/"kk"; anything else -> None."""
    code = (value or "").split("-")[0].split("_")[0].lower()
    return code if code in LANGUAGES else None


def transcript_languages(value: str | None) -> tuple[str, ...]:
    """The Cyrillic languages of a transcript's language choice ("kk-ru", "kk", "auto", ...)."""
    codes = tuple(c for c in CYRILLIC if c in (value or "").lower().replace("_", "-").split("-"))
    return codes or CYRILLIC


def words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of the words worth checking: two letters and more, not an
    abbreviation in capitals (ЦОН, OK), not mixed with digits."""
    out = []
    for m in _WORD.finditer(text):
        word = m.group()
        if len(word) < 2 or (word.isupper() and len(word) <= 5):
            continue
        out.append((m.start(), m.end(), word))
    return out


def languages_for(word: str, segment: str | None, transcript: tuple[str, ...]) -> tuple[str, ...]:
    """The dictionaries to ask about ``word``: it is misspelled when all of them reject it."""
    if _LATIN.search(word) and not _CYRILLIC.search(word):
        return ("en",)
    if not _CYRILLIC.search(word):
        return ()
    if is_kazakh(word):
        return ("kk",)
    own = language_code(segment)
    if own in CYRILLIC:
        return (own, *(c for c in transcript if c != own))
    return transcript


def accepted_words(terms: Iterable[str]) -> frozenset[str]:
    """The words of glossary terms: always spelled right."""
    return frozenset(word for term in terms for word in term.split())


class SpellCache:
    """Answers of the dictionaries by (language, word), shared by the editor windows; read and
    written on the window thread only."""

    def __init__(self) -> None:
        self._known: dict[tuple[str, str], bool] = {}
        self.available: frozenset[str] = frozenset()  # languages with a loaded dictionary
        self.generation = 0  # bumped when the cache forgets everything (it grew too large)

    def store(self, answers: Iterable[tuple[str, str, bool]]) -> None:
        if len(self._known) > MAX_CACHED:
            self._known.clear()
            self.generation += 1
        for language, word, ok in answers:
            self._known[(language, word)] = ok

    def verdict(
        self, word: str, languages: tuple[str, ...], accepted: Collection[str] = ()
    ) -> bool | None:
        """True: spelled right (or nothing to check it with, or ``accepted``); False:
        misspelled; None: not known yet."""
        if word in accepted:
            return True
        languages = tuple(c for c in languages if c in self.available)
        if not languages:
            return True
        unknown = False
        for language in languages:
            ok = self._known.get((language, word))
            if ok:
                return True
            if ok is None:
                unknown = True
        return None if unknown else False

    def misses(
        self,
        text: str,
        segment: str | None,
        transcript: tuple[str, ...],
        accepted: Collection[str] = (),
    ) -> tuple[list[Miss], list[tuple[str, str]]]:
        """The misspelled words of ``text`` known so far (``accepted`` words never are), and
        the (language, word) pairs the dictionaries still have to answer."""
        missed: list[Miss] = []
        ask: list[tuple[str, str]] = []
        for start, end, word in words(text):
            languages = languages_for(word, segment, transcript)
            verdict = self.verdict(word, languages, accepted)
            if verdict is False:
                missed.append(Miss(start, end, word, languages))
            elif verdict is None:
                ask.extend(
                    (c, word)
                    for c in languages
                    if c in self.available and (c, word) not in self._known
                )
        return missed, ask
