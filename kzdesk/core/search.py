"""Find and replace in a transcript's segments (their text only, never speaker names).

Matching is Unicode-aware: case-insensitive search folds Kazakh (Ә ә, Ғ ғ, Қ қ, Ң ң, Ө ө,
Ұ ұ, Ү ү, Һ һ, І і) and Russian (Ё ё) letters, and "whole word" treats every letter of any
alphabet as part of a word, so «бюджет» is not found inside «бюджетті».
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from kzdesk.core.i18n import QT_TRANSLATE_NOOP
from kzdesk.core.transcript import Change, Transcript, TranscriptError


class SearchError(TranscriptError):
    """The search text or the replacement is not valid (a bad regular expression).

    A :class:`TranscriptError`, hence a :class:`ValueError`: the editor's commands treat it
    like any edit that cannot be applied."""


@dataclass(frozen=True, slots=True)
class SearchQuery:
    text: str
    case_sensitive: bool = False
    whole_word: bool = False
    regex: bool = False

    def compile(self) -> re.Pattern[str]:
        """The pattern for this query; raises :class:`SearchError` for a bad regex."""
        return _compile(self)

    @property
    def is_empty(self) -> bool:
        return not self.text


@dataclass(frozen=True, slots=True)
class Match:
    segment_id: int
    start: int  # character offsets into the segment's text
    end: int


@functools.lru_cache(maxsize=64)
def _compile(query: SearchQuery) -> re.Pattern[str]:
    body = query.text if query.regex else re.escape(query.text)
    if query.whole_word:
        body = rf"(?<!\w)(?:{body})(?!\w)"
    flags = 0 if query.case_sensitive else re.IGNORECASE
    try:
        return re.compile(body, flags)
    except re.error as exc:
        raise SearchError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The search is not a valid regular expression ({reason}). "
                "Correct it or turn off regular expressions.",
            ).format(reason=exc.msg)
        ) from None


def find_all(transcript: Transcript, query: SearchQuery) -> list[Match]:
    """Every non-empty match of ``query`` in the segments' texts, in transcript order."""
    if query.is_empty:
        return []
    pattern = query.compile()
    found: list[Match] = []
    for seg in transcript.segments:
        text = seg.text
        if not text:
            continue
        found.extend(
            Match(seg.id, m.start(), m.end()) for m in pattern.finditer(text) if m.end() > m.start()
        )
    return found


def _expander(query: SearchQuery, replacement: str) -> Callable[[re.Match[str]], str]:
    """m -> the text that replaces m: literal unless ``query.regex`` (then \\1, \\g<name>)."""
    if not query.regex:
        return lambda m: replacement

    def expand(m: re.Match[str]) -> str:
        try:
            return m.expand(replacement)
        except (re.error, IndexError) as exc:
            raise SearchError(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "The replacement refers to a group the search does not have ({reason}). "
                    "Use \\1 or \\g<name> only for groups in the search.",
                ).format(reason=exc)
            ) from None

    return expand


def replace_in_text(text: str, query: SearchQuery, replacement: str) -> tuple[str, int]:
    """``text`` with every (non-empty) match replaced, and how many there were. In regex mode
    the replacement may refer to groups (\\1, \\g<name>); otherwise it is inserted as typed."""
    if query.is_empty:
        return text, 0
    expand = _expander(query, replacement)
    count = 0

    def substitute(m: re.Match[str]) -> str:
        nonlocal count
        if m.end() == m.start():  # an empty match is not a match (as in find_all)
            return ""
        count += 1
        return expand(m)

    return query.compile().sub(substitute, text), count


def replace_match(
    transcript: Transcript, match: Match, query: SearchQuery, replacement: str
) -> Change:
    """Replace one match (found by :func:`find_all`) and return the applied change. Raises
    :class:`TranscriptError` when the segment no longer has that match."""
    seg = transcript.segment(match.segment_id)
    m = query.compile().match(seg.text, match.start) if not query.is_empty else None
    if m is None or m.end() != match.end or m.end() == m.start():
        raise TranscriptError(
            QT_TRANSLATE_NOOP("Messages", "The phrase has changed since the search. Search again.")
        )
    new_text = seg.text[: m.start()] + _expander(query, replacement)(m) + seg.text[m.end() :]
    return transcript.replace_texts({seg.id: new_text}, description="replace")


def replace_all(transcript: Transcript, query: SearchQuery, replacement: str) -> Change:
    """Replace every match as ONE change touching each segment that had a match."""
    texts: dict[int, str] = {}
    for seg in transcript.segments:
        new_text, count = replace_in_text(seg.text, query, replacement)
        if count:
            texts[seg.id] = new_text
    if not texts:
        raise TranscriptError(
            QT_TRANSLATE_NOOP(
                "Messages", "No phrase contains the search text, so nothing was replaced."
            )
        )
    return transcript.replace_texts(texts, description="replace all")
