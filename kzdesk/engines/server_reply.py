"""Read an OpenAI-compatible server's ``verbose_json`` transcription into utterances.

The shape (OpenAI's audio API, followed by vLLM, speaches and faster-whisper servers)::

    {"text": "...", "language": "english" | "en", "duration": 8.47,
     "segments": [{"start": 0.0, "end": 3.3, "text": " ...", "no_speech_prob": 0.01, ...}],
     "words": [{"word": "The", "start": 0.0, "end": 0.24, "probability": 0.98}, ...]}

``words`` comes only when the server honours ``timestamp_granularities[]=word`` (and a word's
``probability`` only where the server passes Whisper's on); without it each segment keeps its
segment times and has no words. Times are seconds from the start of the piece sent.
"""

from __future__ import annotations

import math
from typing import Any

from kzdesk.core.engine import Utterance
from kzdesk.core.transcript import Word

CHANNEL = "0"  # one speaker tag: the speakers are found on this computer afterwards
PAUSE_SPLIT_MS = 1500  # segments built from words alone end at pauses this long
MAX_SEGMENT_WORDS = 40
SENTENCE_ENDS = (".", "!", "?", "…", "。")

# Languages as OpenAI names them in ``verbose_json`` -> ISO 639-1, for the ones kzdesk meets.
_LANGUAGE_CODES = {
    "kazakh": "kk",
    "russian": "ru",
    "english": "en",
    "german": "de",
    "french": "fr",
    "spanish": "es",
    "turkish": "tr",
    "uzbek": "uz",
    "kyrgyz": "ky",
    "ukrainian": "uk",
    "tatar": "tt",
    "chinese": "zh",
    "arabic": "ar",
}


class ReplyError(ValueError):
    """The reply is JSON but not a transcription kzdesk can read."""


def language_code(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    name = value.strip().lower()
    if len(name) <= 3 and name.isalpha():
        return name
    return _LANGUAGE_CODES.get(name)


def has_words(data: Any) -> bool:
    """Whether the server answered with word times (a ``words`` list, even an empty one)."""
    return isinstance(data, dict) and isinstance(data.get("words"), list)


def utterances_from_reply(data: Any, duration_ms: int) -> list[Utterance]:
    """The segments of one piece; raises ReplyError when ``data`` has neither segments nor
    words (a server that ignored ``response_format=verbose_json``)."""
    if not isinstance(data, dict):
        raise ReplyError("the reply is not a JSON object")
    language = language_code(data.get("language"))
    words = _words(data.get("words"), duration_ms) if has_words(data) else None
    raw_segments = data.get("segments")
    if isinstance(raw_segments, list):
        segments = _from_segments(raw_segments, words, duration_ms, language)
    elif words is not None:
        segments = _from_words(words, language)
    else:
        raise ReplyError("the reply has no segments and no words (no times)")
    return [u for u in segments if u.text]


def _seconds_ms(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None
    return max(round(value * 1000), 0)


def _words(raw: Any, duration_ms: int) -> list[Word]:
    words: list[Word] = []
    for item in raw:
        if not isinstance(item, dict):
            raise ReplyError("a word is not a JSON object")
        text = item.get("word", item.get("text"))
        start, end = _seconds_ms(item.get("start")), _seconds_ms(item.get("end"))
        if not isinstance(text, str) or start is None or end is None:
            raise ReplyError("a word lacks its text or times")
        if not text.strip():
            continue
        probability = item.get("probability")
        confidence = (
            float(probability)
            if isinstance(probability, int | float) and not isinstance(probability, bool)
            else None
        )
        start = min(start, duration_ms) if duration_ms else start
        end = min(max(end, start), duration_ms) if duration_ms else max(end, start)
        words.append(Word(text.strip(), start, end, confidence))
    words.sort(key=lambda w: (w.start_ms, w.end_ms))
    return words


def _from_segments(
    segments: list[Any], words: list[Word] | None, duration_ms: int, language: str | None
) -> list[Utterance]:
    spans: list[tuple[int, int, str]] = []
    for segment in segments:
        if not isinstance(segment, dict):
            raise ReplyError("a segment is not a JSON object")
        start, end = _seconds_ms(segment.get("start")), _seconds_ms(segment.get("end"))
        text = segment.get("text")
        if start is None or end is None or not isinstance(text, str):
            raise ReplyError("a segment lacks its text or times")
        if duration_ms:
            start, end = min(start, duration_ms), min(end, duration_ms)
        spans.append((start, max(end, start), text.strip()))
    spans.sort(key=lambda s: s[:2])
    owned = _share_words(spans, words or [])
    return [
        Utterance(CHANNEL, start, end, text, owned[i], language)
        for i, (start, end, text) in enumerate(spans)
    ]


def _share_words(spans: list[tuple[int, int, str]], words: list[Word]) -> list[list[Word]]:
    """Each word goes to the segment its middle falls in (else the nearest one)."""
    owned: list[list[Word]] = [[] for _ in spans]
    if not spans:
        return owned
    for word in words:
        middle = (word.start_ms + word.end_ms) / 2
        best = min(
            range(len(spans)),
            key=lambda i: max(spans[i][0] - middle, middle - spans[i][1], 0.0),
        )
        owned[best].append(word)
    return owned


def _from_words(words: list[Word], language: str | None) -> list[Utterance]:
    """Segments from words alone: a new segment after a sentence's end, a long pause or
    MAX_SEGMENT_WORDS words."""
    segments: list[Utterance] = []
    current: list[Word] = []

    def close() -> None:
        if current:
            text = " ".join(w.text for w in current)
            segments.append(
                Utterance(
                    CHANNEL, current[0].start_ms, current[-1].end_ms, text, list(current), language
                )
            )
            current.clear()

    for word in words:
        if current and word.start_ms - current[-1].end_ms >= PAUSE_SPLIT_MS:
            close()
        current.append(word)
        if word.text.endswith(SENTENCE_ENDS) or len(current) >= MAX_SEGMENT_WORDS:
            close()
    close()
    return segments
