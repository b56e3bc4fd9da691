"""Glossary of names and terms: near-misses in a transcript offered as suggestions.

The user keeps a glossary (Settings) and each job may add its own list; Kazakh and Russian
spellings are separate entries ("Тоқаев", "Токаев"). After recognition, with any engine, words
that look like a glossary term but are not spelled like one are *suggested*, never replaced:

* the same letters up to case and the Kazakh/Russian letter variants (қ/к, ө/о, ү/у, ұ/у,
  ә/а, і/и, ғ/г, ң/н, һ/х; ё/е) — "нурсултан" -> "Нұрсұлтан";
* or, for words of 5 letters and more that start with the same letter, one edit (two from 9
  letters) after that folding — "Скайлз" -> "Скайлс".

A term written in lower case is not suggested for the same word capitalised (a sentence may
start with it). Where a Kazakh and a Russian spelling both fit, the segment's language picks.
Words the user confirmed (``Word.checked``: "Ignore") are never suggested again.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from kzdesk.core.i18n import QT_TRANSLATE_NOOP
from kzdesk.core.proofread import token_of_words, token_spans
from kzdesk.core.transcript import Segment, Transcript, TranscriptError

KAZAKH_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
_FOLD = str.maketrans("қөүұәіғңһё", "коууаигнхе")
_CORE = re.compile(r"[\W_]*(.*?)[\W_]*", re.DOTALL)  # a token without its punctuation
MAX_TERM_WORDS = 4
MAX_MEMO = 100_000


def fold(text: str) -> str:
    """Lower case with the Kazakh letters folded to their Russian look-alikes."""
    return text.lower().translate(_FOLD)


def is_kazakh(text: str) -> bool:
    return any(ch in KAZAKH_LETTERS for ch in text)


def parse_terms(text: str) -> list[str]:
    """Terms from text: one a line (or separated by ";"), "#" starts a comment; inner
    whitespace collapsed, duplicates dropped, order kept."""
    terms: list[str] = []
    for line in text.splitlines():
        line = line.split("#", 1)[0]
        for part in line.split(";"):
            term = " ".join(part.split())
            if term and term not in terms:
                terms.append(term)
    return terms


_LATIN = re.compile(r"[A-Za-z]")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def terms_for_language(terms: Iterable[str], language: str | None) -> list[str]:
    """The terms written in ``language``'s script, for a recogniser that hears that language:
    Russian gets no Kazakh spelling (a Kazakh letter in a Russian hint pulls the recogniser off
    its language: bench/proofreading.py), English only Latin terms, Kazakh every Cyrillic one."""
    code = (language or "").lower()[:2]
    if code == "ru":
        return [t for t in terms if _CYRILLIC.search(t) and not is_kazakh(t)]
    if code == "kk":
        return [t for t in terms if _CYRILLIC.search(t)]
    if code:
        return [t for t in terms if _LATIN.search(t) and not _CYRILLIC.search(t)]
    return list(terms)


def merge_terms(*lists: Iterable[str]) -> list[str]:
    merged: list[str] = []
    for terms in lists:
        for term in terms:
            term = " ".join(str(term).split())
            if term and term not in merged:
                merged.append(term)
    return merged


def allowed_edits(length: int) -> int:
    if length >= 9:
        return 2
    return 1 if length >= 5 else 0


def _deletes(word: str, depth: int) -> set[str]:
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, or ``limit + 1`` as soon as it is known to exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


@dataclass(frozen=True)
class Suggestion:
    """``found`` at ``text[start:end]`` of a segment (tokens ``token`` .. ``token + count``)
    looks like the glossary's ``term``."""

    segment_id: int
    token: int
    count: int
    start: int
    end: int
    found: str
    term: str


class Glossary:
    def __init__(self, terms: Iterable[str] = ()) -> None:
        self.terms = merge_terms(terms)
        self._exact = set(self.terms)
        self._folded: dict[str, list[str]] = {}
        self._near: dict[str, set[str]] = {}  # a folded term with letters deleted -> terms
        self.max_words = 1
        # words repeat: each is matched once (a 4-hour meeting has a few thousand distinct ones)
        self._memo: dict[tuple[str, str | None], list[tuple[int, str]]] = {}
        self._initials: set[str] = set()
        for term in self.terms:
            folded = fold(term)
            self._folded.setdefault(folded, []).append(term)
            self.max_words = min(max(self.max_words, len(term.split())), MAX_TERM_WORDS)
            self._initials.add(folded[:1])
            for variant in _deletes(folded, allowed_edits(len(folded))):
                self._near.setdefault(variant, set()).add(term)

    def __bool__(self) -> bool:
        return bool(self.terms)

    def __contains__(self, word: str) -> bool:
        return word in self._exact

    # ---- matching -------------------------------------------------------------------------
    def candidates(self, found: str, language: str | None = None) -> list[tuple[int, str]]:
        """(distance, term) for every term ``found`` may be a near-miss of; empty when it is
        spelled as a term or nothing is close. In a Kazakh (``language`` "kk") or Russian
        ("ru") segment, a term spelled the other language's way is a near-miss of the
        same term in the segment's language when the glossary has both."""
        key = (found, language)
        hit = self._memo.get(key)
        if hit is None:
            if len(self._memo) > MAX_MEMO:
                self._memo.clear()
            hit = self._memo[key] = self._candidates(found, language)
        return hit

    def _candidates(self, found: str, language: str | None) -> list[tuple[int, str]]:
        if not found:
            return []
        folded = fold(found)
        if found in self._exact:
            if language not in ("kk", "ru") or is_kazakh(found) == (language == "kk"):
                return []
            return [
                (0, t)
                for t in self._folded.get(folded, ())
                if t != found and is_kazakh(t) == (language == "kk")
            ]
        out = [(0, t) for t in self._folded.get(folded, ()) if not _sentence_case(found, t)]
        if out:
            return out
        limit = allowed_edits(len(folded))
        if limit == 0 or folded[:1] not in self._initials:
            return []  # near-misses keep their first letter
        terms: set[str] = set()
        for variant in _deletes(folded, limit):
            terms |= self._near.get(variant, set())
        for term in terms:
            target = fold(term)
            if target == folded or target[:1] != folded[:1]:
                continue  # the same letters were decided above
            distance = edit_distance(folded, target, min(limit, allowed_edits(len(target))))
            if distance <= min(limit, allowed_edits(len(target))):
                out.append((distance, term))
        return out

    def suggestions(self, seg: Segment, skip: Collection[int] = ()) -> list[Suggestion]:
        """Near-misses in ``seg``'s text, longest terms first, never overlapping; tokens in
        ``skip`` (the user confirmed them) are left alone."""
        if not self.terms:
            return []
        spans = token_spans(seg.text)
        cores = [_core(seg.text, a, b) for a, b in spans]
        taken = [False] * len(spans)
        for k in skip:
            if 0 <= k < len(taken):
                taken[k] = True
        for k, (_, a, b) in enumerate(cores):
            taken[k] = taken[k] or b <= a  # punctuation only
        out: list[Suggestion] = []
        language = (seg.language or "").lower()[:2] or None
        kazakh = language == "kk"
        for n in range(min(self.max_words, len(spans)), 0, -1):
            for i in range(len(spans) - n + 1):
                window = range(i, i + n)
                if taken[i] if n == 1 else any(taken[k] for k in window):
                    continue
                start, end = cores[i][1], cores[i + n - 1][2]
                found = " ".join(seg.text[cores[k][1] : cores[k][2]] for k in window)
                if n > 1 and " ".join(seg.text[start:end].split()) != found:
                    continue  # a term does not run across punctuation
                best = _best(self.candidates(found, language), kazakh)
                if found in self._exact and best is None:
                    for k in window:
                        taken[k] = True
                    continue
                if best is None:
                    continue
                for k in window:
                    taken[k] = True
                out.append(Suggestion(seg.id, i, n, start, end, seg.text[start:end], best))
        out.sort(key=lambda s: s.start)
        return out


def _core(text: str, start: int, end: int) -> tuple[str, int, int]:
    m = _CORE.fullmatch(text, start, end)
    assert m is not None
    return m.group(1), m.start(1), m.end(1)


def _sentence_case(found: str, term: str) -> bool:
    """A lower-case term and the same word capitalised (it may start a sentence)."""
    return term.islower() and found[:1].isupper() and found[1:] == term[1:]


def _best(candidates: list[tuple[int, str]], kazakh: bool) -> str | None:
    if not candidates:
        return None
    return min(candidates, key=lambda c: (c[0], is_kazakh(c[1]) != kazakh))[1]


# ---- changes ----------------------------------------------------------------------------------
def checked_tokens(seg: Segment) -> set[int]:
    """Tokens all of whose words the user confirmed."""
    if not seg.words:
        return set()
    mapping = token_of_words(seg.text.split(), seg.words)
    state: dict[int, bool] = {}
    for i, word in enumerate(seg.words):
        if mapping[i] >= 0:
            state[mapping[i]] = state.get(mapping[i], True) and word.checked
    return {t for t, checked in state.items() if checked}


def accepted_texts(transcript: Transcript, suggestions: Iterable[Suggestion]) -> dict[int, str]:
    """Each touched segment's text with its suggestions accepted. Raises TranscriptError when a
    segment changed since the suggestion was made."""
    by_segment: dict[int, list[Suggestion]] = {}
    for s in suggestions:
        by_segment.setdefault(s.segment_id, []).append(s)
    texts: dict[int, str] = {}
    for segment_id, found in by_segment.items():
        text = transcript.segment(segment_id).text
        for s in sorted(found, key=lambda s: s.start, reverse=True):
            if text[s.start : s.end] != s.found:
                raise TranscriptError(
                    QT_TRANSLATE_NOOP(
                        "Messages",
                        "The phrase changed since this suggestion was made. Look at it again.",
                    )
                )
            text = text[: s.start] + s.term + text[s.end :]
        texts[segment_id] = text
    return texts


class SuggestionIndex:
    """Suggestions per segment, cached per segment object (an edit replaces the object)."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self._cache: dict[int, tuple[Segment, list[Suggestion]]] = {}

    def of(self, seg: Segment) -> list[Suggestion]:
        hit = self._cache.get(seg.id)
        if hit is not None and hit[0] is seg:
            return hit[1]
        found = self.glossary.suggestions(seg, checked_tokens(seg)) if self.glossary else []
        self._cache[seg.id] = (seg, found)
        return found

    def clear(self) -> None:
        """Forget every segment's suggestions (the glossary changed)."""
        self._cache.clear()

    def all(self, segments: list[Segment]) -> list[Suggestion]:
        return [s for seg in segments for s in self.of(seg)]
