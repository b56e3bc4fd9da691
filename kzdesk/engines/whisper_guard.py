"""The offline engine's loop guard: what stops Whisper repeating itself on long recordings.

Whisper's own defences (the compression-ratio and log-probability thresholds that make
faster-whisper decode again at higher temperatures) leave some loops through. Each segment is
checked here as it arrives against the ones before it: a segment that repeats the previous one,
an n-gram repeated within a segment, or text that compresses too well. A loop is trimmed and
recognition restarts after it *without* conditioning on the previous text, which is what
feeds a loop. Pure Python: tested without weights.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, replace

from kzdesk.engines.whisper_messages import Segment, WordInfo

COMPRESSION_RATIO_THRESHOLD = 2.4


def normalize(text: str) -> list[str]:
    """Lower-case words without punctuation: what "the same text" compares."""
    cleaned = "".join(ch.lower() if ch.isalnum() else " " for ch in text)
    return cleaned.split()


def compression_ratio(text: str) -> float:
    """As Whisper computes it: text that zlib shrinks a lot repeats itself."""
    data = text.encode("utf-8")
    return len(data) / max(len(zlib.compress(data)), 1)


def find_ngram_loop(tokens: list[str], max_n: int = 8) -> tuple[int, int] | None:
    """(start, n) of the first n-gram repeated back to back too often to be speech.

    A word 5 times in a row, a two-word group 4 times, a longer group 3 times."""
    for start in range(len(tokens)):
        for n in range(1, max_n + 1):
            needed = 5 if n == 1 else 4 if n == 2 else 3
            if start + n * needed > len(tokens):
                break
            gram = tokens[start : start + n]
            if all(tokens[start + k * n : start + (k + 1) * n] == gram for k in range(needed)):
                return start, n
    return None


@dataclass(frozen=True)
class Verdict:
    action: str  # "keep", "drop" (a repeat of the previous segment), "loop" (restart)
    segment: Segment | None = None  # what to keep (trimmed for a loop; None = nothing)
    restart_ms: int = 0  # for "loop": where recognition starts again


class LoopGuard:
    """Checks each segment as it arrives against the ones before it."""

    LONG_WORDS = 3  # a repeat of a segment this long is a loop symptom, not speech
    SHORT_REPEATS = 3  # "Да. Да. Да." is speech; the fourth in a row is not

    def __init__(self) -> None:
        self._last: list[str] = []
        self._repeats = 0

    def check(self, segment: Segment) -> Verdict:
        tokens = normalize(segment.text)
        if not tokens:
            return Verdict("drop")
        loop = find_ngram_loop(tokens)
        if loop is not None:
            trimmed = self._trim(segment, loop)
            self._remember(normalize(trimmed.text) if trimmed else [])
            return Verdict("loop", trimmed, self._restart_after(trimmed, segment))
        if len(segment.text) > 40 and compression_ratio(segment.text) > COMPRESSION_RATIO_THRESHOLD:
            return Verdict("loop", None, segment.end_ms)
        if tokens == self._last:
            self._repeats += 1
            long = len(tokens) >= self.LONG_WORDS
            if long and self._repeats >= 2:
                return Verdict("loop", None, segment.end_ms)
            if long or self._repeats >= self.SHORT_REPEATS:
                return Verdict("drop")
            return Verdict("keep", segment)
        self._remember(tokens)
        return Verdict("keep", segment)

    def _remember(self, tokens: list[str]) -> None:
        self._last = tokens
        self._repeats = 0

    @staticmethod
    def _restart_after(trimmed: Segment | None, segment: Segment) -> int:
        if trimmed is not None and trimmed.words:
            return trimmed.end_ms
        return segment.end_ms

    @staticmethod
    def _trim(segment: Segment, loop: tuple[int, int]) -> Segment | None:
        """The segment up to the loop, with one copy of the repeated words."""
        start, n = loop
        keep = start + n
        if segment.words and sum(len(normalize(w.text)) for w in segment.words) == len(
            normalize(segment.text)
        ):
            words: list[WordInfo] = []
            count = 0
            for word in segment.words:
                if count >= keep:
                    break
                words.append(word)
                count += len(normalize(word.text))
            text = "".join(w.text for w in words).strip()
            if not text:
                return None
            return replace(segment, text=text, words=tuple(words), end_ms=words[-1].end_ms)
        text = " ".join(segment.text.split()[:keep]).strip()
        return replace(segment, text=text, words=()) if text else None
