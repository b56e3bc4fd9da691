"""Uncertain words: which words of a transcript to check first, and marking them checked.

A word is *uncertain* when the engine gave it a confidence below the threshold and the user has
neither changed nor confirmed it (``Word.checked``). Whisper gives each word a probability;
SpeechKit gives none per word (its utterance ``confidence`` is documented as not used yet), so a
SpeechKit transcript usually has no confidences at all and nothing is flagged — the editor says
so instead of inventing one.

The editor works on the segment's *text tokens* (what the user sees); a segment's words usually
match its tokens 1:1, and where they do not (SpeechKit's normalised text writes "двадцать пять"
as "25"), :func:`token_of_words` aligns them.
"""

from __future__ import annotations

import copy
import difflib
import re
from dataclasses import dataclass

from kzdesk.core.i18n import QT_TRANSLATE_NOOP
from kzdesk.core.transcript import Change, Segment, Transcript, TranscriptError, Word

# Words below this confidence are flagged (Settings → Proofreading changes it). Chosen with
# bench/proofreading.py (Whisper base on real Russian and English speech, 237 words, 14 % of
# them wrong): the lowest threshold that flags at least half of the wrong words — 0.7 flags
# 16 % of all words and half of the wrong ones; 57 % of the flagged words were right.
DEFAULT_UNCERTAIN_BELOW = 0.7

_TOKEN = re.compile(r"\S+")
_NOT_WORD = re.compile(r"[\W_]+")


def token_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of the whitespace-separated tokens of ``text``."""
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _plain(text: str) -> str:
    return _NOT_WORD.sub("", text).lower()


def token_of_words(tokens: list[str], words: list[Word]) -> list[int]:
    """For each word, the index of the token that shows it (-1 when the text has none).

    1:1 when the counts agree (the usual case); otherwise words are aligned to tokens by their
    letters, and words in a changed stretch go to the tokens of that stretch in proportion."""
    if len(tokens) == len(words):
        return list(range(len(words)))
    if not tokens:
        return [-1] * len(words)
    out = [-1] * len(words)
    matcher = difflib.SequenceMatcher(
        None, [_plain(t) for t in tokens], [_plain(w.text) for w in words], autojunk=False
    )
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for k in range(j2 - j1):
                out[j1 + k] = i1 + k
        elif op == "replace":
            for k in range(j2 - j1):
                out[j1 + k] = i1 + k * (i2 - i1) // (j2 - j1)
        elif op == "delete":  # words with no token of their own: the nearest token before
            for k in range(j1, j2):
                out[k] = max(i1 - 1, 0)
    return [min(t, len(tokens) - 1) for t in out]


def is_uncertain(word: Word, below: float) -> bool:
    confidence = word.confidence
    return not word.checked and confidence is not None and confidence < below


def uncertain_tokens(seg: Segment, below: float) -> tuple[int, ...]:
    """Token indices (into ``seg.text.split()``) showing at least one uncertain word."""
    words = seg.words
    if not words:
        return ()
    flagged = [i for i, w in enumerate(words) if is_uncertain(w, below)]
    if not flagged:
        return ()
    tokens = seg.text.split()
    if len(tokens) == len(words):
        return tuple(flagged)
    mapping = token_of_words(tokens, words)
    return tuple(sorted({mapping[i] for i in flagged if mapping[i] >= 0}))


def has_confidence(transcript: Transcript) -> bool:
    """Whether the engine gave any word a confidence (SpeechKit gives none)."""
    return any(w.confidence is not None for seg in transcript.segments for w in seg.words)


def mark_checked(
    transcript: Transcript, segment_id: int, tokens: list[int] | None = None
) -> Change:
    """The change that marks the words shown by ``tokens`` (all the segment's uncertain words
    when None) as checked. Raises :class:`TranscriptError` when none of them needs it."""
    seg = transcript.segment(segment_id)
    mapping = token_of_words(seg.text.split(), seg.words)
    wanted = set(tokens) if tokens is not None else None
    after = copy.deepcopy(seg)
    changed = False
    for i, word in enumerate(after.words):
        if word.checked or (wanted is not None and mapping[i] not in wanted):
            continue
        if wanted is None and word.confidence is None:
            continue
        word.checked = True
        changed = True
    if not changed:
        raise TranscriptError(
            QT_TRANSLATE_NOOP("Messages", "There is nothing to mark as checked here.")
        )
    return Change(segments=[(seg, after)], description="mark checked")


@dataclass(frozen=True)
class Spot:
    """One uncertain word on screen: the segment's row, the token, and its characters."""

    row: int
    segment_id: int
    token: int
    start: int
    end: int


class UncertainIndex:
    """Which tokens of which segments are uncertain, cached per segment object (an edit replaces
    a segment's object, so a stale entry is never used). Finding the next uncertain word of a
    4-hour transcript is a walk over cached tuples: about a millisecond."""

    def __init__(self, below: float = DEFAULT_UNCERTAIN_BELOW) -> None:
        self.below = below
        self._cache: dict[int, tuple[Segment, tuple[int, ...]]] = {}

    def tokens(self, seg: Segment) -> tuple[int, ...]:
        hit = self._cache.get(seg.id)
        if hit is not None and hit[0] is seg:
            return hit[1]
        found = uncertain_tokens(seg, self.below)
        self._cache[seg.id] = (seg, found)
        return found

    def count(self, segments: list[Segment]) -> int:
        tokens = self.tokens
        return sum(len(tokens(seg)) for seg in segments)

    def find(
        self, segments: list[Segment], row: int, token: int, *, backwards: bool = False
    ) -> Spot | None:
        """The next (or previous) uncertain token after (before) ``token`` of ``row``,
        wrapping around the transcript; None when there is none. ``row`` -1 starts before
        the first segment (after the last one when going backwards)."""
        n = len(segments)
        if n == 0:
            return None
        if row < 0:
            row, token = (n, -1) if backwards else (-1, -1)
        step = -1 if backwards else 1
        for k in range(n + 1):
            r = (row + step * k) % n if 0 <= row < n else (row + step * (k + 1)) % n
            seg = segments[r]
            found = self.tokens(seg)
            if not found:
                continue
            if k == 0 and 0 <= row < n:
                found = tuple(t for t in found if (t < token if backwards else t > token))
                if not found:
                    continue
            t = found[-1] if backwards else found[0]
            start, end = token_spans(seg.text)[t]
            return Spot(r, seg.id, t, start, end)
        return None
