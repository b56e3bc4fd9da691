"""The spelling dictionaries: Hunspell (through chunspell) with the Kazakh, Russian and English
dictionaries shipped in ``resources/dictionaries``.

Why chunspell: it wraps the C++ Hunspell itself (checks in ~10 µs a word, loads the Russian
dictionary in ~1 s) and its wheels carry the library for Linux, Windows and macOS (Apple
silicon), so the bundle needs nothing installed. The pure-Python port (spylls) needed ~9 s to
load the Russian dictionary, ~0.7 ms a word and ~2 s a suggestion here, and is no longer
released. Where chunspell cannot be imported (a platform without a wheel) spelling is off and
the editor says so.

Hunspell objects are not thread-safe: each language has its own lock. Loading and suggestions
take long (up to a second): the editor runs them on a worker thread, never on its own.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kzdesk.core.i18n import QT_TRANSLATE_NOOP
from kzdesk.core.spelling import LANGUAGES
from kzdesk.resources import resource_path

log = logging.getLogger(__name__)

DICTIONARIES = {"kk": "kk_KZ", "ru": "ru_RU", "en": "en_US"}
MAX_SUGGESTIONS = 6

UNAVAILABLE = QT_TRANSLATE_NOOP(
    "Messages",
    "Spelling is not checked: the spelling library could not be loaded on this computer.",
)


def dictionaries_dir() -> Path:
    return resource_path("dictionaries")


class SpellingUnavailable(RuntimeError):
    """No spelling library, or no dictionary could be read."""


class Dictionaries:
    """Hunspell dictionaries by language code ("kk", "ru", "en")."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or dictionaries_dir()
        self._spellers: dict[str, Any] = {}  # language -> hunspell.Hunspell (untyped)
        self._locks: dict[str, threading.Lock] = {}

    @property
    def languages(self) -> frozenset[str]:
        return frozenset(self._spellers)

    def load(self, languages: Iterable[str] = LANGUAGES) -> frozenset[str]:
        """Load the dictionaries of ``languages`` (slow: call off the window's thread);
        returns those loaded. Raises :class:`SpellingUnavailable` when none could be."""
        try:
            import hunspell  # chunspell
        except ImportError as exc:
            raise SpellingUnavailable(UNAVAILABLE) from exc
        for language in languages:
            name = DICTIONARIES.get(language)
            if name is None or language in self._spellers:
                continue
            try:
                speller = hunspell.Hunspell(name, hunspell_data_dir=str(self.folder))
            except Exception:
                log.warning("the %s dictionary could not be loaded", name, exc_info=True)
                continue
            self._locks[language] = threading.Lock()
            self._spellers[language] = speller
        if not self._spellers:
            raise SpellingUnavailable(UNAVAILABLE)
        return self.languages

    def check(self, language: str, word: str) -> bool:
        """Whether ``language``'s dictionary knows ``word`` (True without that dictionary)."""
        speller = self._spellers.get(language)
        if speller is None:
            return True
        with self._locks[language]:
            try:
                return bool(speller.spell(word))
            except (UnicodeError, ValueError):
                return True  # a letter the dictionary's encoding cannot hold: not its word

    def check_all(self, pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str, bool]]:
        return [(language, word, self.check(language, word)) for language, word in pairs]

    def suggest(self, languages: Iterable[str], word: str) -> list[str]:
        """Corrections for ``word`` from each language's dictionary in turn, best first."""
        out: list[str] = []
        for language in languages:
            speller = self._spellers.get(language)
            if speller is None:
                continue
            with self._locks[language]:
                try:
                    found = speller.suggest(word)
                except (UnicodeError, ValueError):
                    found = ()
            out += [s for s in found if s not in out]
        return out[:MAX_SUGGESTIONS]
