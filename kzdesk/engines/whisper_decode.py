"""Speech regions -> chunks -> segments (the offline engine's child process).

A *chunk* is what one faster-whisper ``transcribe`` call decodes, without its own VAD (the
regions already are speech), in one language. Consecutive regions in the same language are
joined, as faster-whisper joins the speech of a whole file, up to :data:`JOIN_MAX_S`, and the
text of a chunk conditions the next one in the same language — so decoding costs what it would
on the whole file while memory stays bounded. A region's language is the job's (Kazakh,
Russian) or, when it is to be chosen ("Kazakh + Russian", automatic), the one Whisper finds
likeliest for that region (:mod:`kzdesk.engines.whisper_language`; in automatic mode a region
of a few seconds keeps the language before it unless Whisper is clearly surer of another;
speech that goes on for more than 30 s without a pause is cut at its quietest moment into
regions of 30 s at most), so a segment in Kazakh after a pause in Russian speech is decoded in
Kazakh, and Russian text never prompts it. A chunk without a language (None) has each
30-second window decoded in the language found for it.

Times inside a chunk map back to the recording span by span (a word belongs to the span that
holds its middle, as faster-whisper maps its own VAD-joined speech).

Two things make decoding start again inside a chunk, after the last good segment and without
conditioning on the text before it: a loop the guard catches, and speech Whisper skipped. A
chunk is all speech, so a stretch of more than :data:`SKIP_S` with no segment is speech left
out — typically where the language changes inside a window: conditioned on English text,
Whisper writes the English sentence and drops the German that follows (faster-whisper then
moves on a whole window). Decoding again from there detects the window's language afresh.
A third: a region of a joined chunk (at least :data:`MIN_LEFT_OUT_S`) that got no word at all
— a two-second reply in the other language among regions in one language is skipped whole —
is decoded alone, and decoding goes on after it.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from kzdesk.core.glossary import terms_for_language
from kzdesk.engines.whisper_guard import LoopGuard
from kzdesk.engines.whisper_language import LanguageChooser
from kzdesk.engines.whisper_messages import Message, Segment, WordInfo

SAMPLE_RATE = 16000
JOIN_MAX_S = 240  # speech joined into one chunk at most (one language)
MIN_RESTART_STEP_MS = 1000
PROMPT_CHARS = 400  # of the previous chunk's text that conditions the next (one language)
PROMPT_RESET_TEMPERATURE = 0.5  # as faster-whisper: no prompt from text sampled hotter
SKIP_S = 4.0  # this much speech without a segment was left out (pauses inside speech are < 2 s)
MIN_LEFT_OUT_S = 1.0  # a region of a joined chunk this long with no word was left out
REGION_SLACK_S = 0.3  # a region ends before a segment even if Whisper starts it this early

Send = Callable[[Message], None]


def ms(samples: int) -> int:
    return samples * 1000 // SAMPLE_RATE


@dataclass(frozen=True)
class Span:
    offset: int  # samples into the chunk
    start: int  # samples into the channel (the recording's timeline)
    length: int


@dataclass
class Chunk:
    """Speech to decode in one call; ``spans`` place its samples on the recording's timeline."""

    audio: Any  # float32 samples
    spans: list[Span] = field(default_factory=list)
    language: str | None = None  # None: chosen per 30-second window while decoding

    @property
    def end(self) -> int:
        last = self.spans[-1]
        return last.start + last.length

    def span_at(self, seconds: float) -> Span:
        offsets = [s.offset for s in self.spans]
        index = bisect.bisect_right(offsets, int(seconds * SAMPLE_RATE)) - 1
        return self.spans[min(max(index, 0), len(self.spans) - 1)]

    def to_ms(self, seconds: float, span: Span | None = None) -> int:
        """A time in the chunk (s) as milliseconds of the recording."""
        span = span or self.span_at(seconds)
        inside = min(max(round(seconds * SAMPLE_RATE) - span.offset, 0), span.length)
        return ms(span.start + inside)

    def offset_of(self, position_ms: int) -> int:
        """Samples into the chunk for a time of the recording (the next span's start when it
        falls between spans)."""
        sample = position_ms * SAMPLE_RATE // 1000
        for span in self.spans:
            if sample < span.start + span.length:
                return span.offset + max(sample - span.start, 0)
        return len(self.audio)

    def after(self, offset: int) -> Chunk:
        """The rest of the chunk from ``offset`` samples on."""
        spans = []
        for s in self.spans:
            if s.offset + s.length <= offset:
                continue
            cut = max(offset - s.offset, 0)
            spans.append(Span(s.offset + cut - offset, s.start + cut, s.length - cut))
        return Chunk(self.audio[offset:], spans, self.language)


class ChunkPacker:
    """Regions in, chunks out: consecutive regions in one language joined up to ``max_s`` of
    speech; a region whose language is to be found while decoding (None) in a chunk of its
    own."""

    def __init__(self, *, max_s: float = JOIN_MAX_S) -> None:
        self._max = int(max_s * SAMPLE_RATE)
        self._parts: list[tuple[int, Any]] = []  # (start sample, samples)
        self._language: str | None = None
        self._length = 0

    @property
    def pending(self) -> bool:
        return bool(self._parts)

    def add(self, start: int, samples: Any, language: str | None) -> list[Chunk]:
        if not len(samples):
            return []
        ready: list[Chunk] = []
        joins = language is not None and language == self._language
        if self._parts and (not joins or self._length + len(samples) > self._max):
            ready = self.flush()
        self._parts.append((start, samples))
        self._language = language
        self._length += len(samples)
        if language is None:
            ready += self.flush()
        return ready

    def flush(self) -> list[Chunk]:
        if not self._parts:
            return []
        spans, offset = [], 0
        for start, samples in self._parts:
            spans.append(Span(offset, start, len(samples)))
            offset += len(samples)
        audio = np.concatenate([samples for _, samples in self._parts])
        chunk = Chunk(audio, spans, self._language)
        self._parts, self._length = [], 0
        return [chunk]


@dataclass(frozen=True)
class Stop:
    """Where decoding stopped before a chunk's end, and why."""

    at_ms: int  # the recording's time to decode again from
    looped: bool = False
    region: Span | None = None  # a region (span) of a joined chunk that got no words
    resume_ms: int = 0  # after decoding the region alone, go on from here at the earliest


def _spans_of(chunk: Chunk, segment: Segment) -> set[int]:
    """The spans (by their start) that hold the middle of one of the segment's words (without
    word timings: the spans the segment overlaps)."""
    found: set[int] = set()
    for word in segment.words:
        middle = (word.start_ms + word.end_ms) // 2 * SAMPLE_RATE // 1000
        found.update(s.start for s in chunk.spans if s.start <= middle < s.start + s.length)
    if not segment.words:
        first = segment.start_ms * SAMPLE_RATE // 1000
        last = segment.end_ms * SAMPLE_RATE // 1000
        found.update(s.start for s in chunk.spans if s.start <= last and first < s.start + s.length)
    return found


def _first_word_s(whisper_segment: Any) -> float:
    """Where a segment's speech starts (s into the chunk): its first word's middle, which
    lies in the right region more surely than the segment's start."""
    words = getattr(whisper_segment, "words", None)
    if words:
        return float(words[0].start + words[0].end) / 2
    return float(whisper_segment.start)


def _left_out(chunk: Chunk, heard: set[int], retried: set[int], before_s: float) -> Stop | None:
    """The first region of a joined chunk, ending before ``before_s`` (seconds into the
    chunk), that got no word and was not decoded alone yet.

    Every region is speech the VAD found; in a joined chunk Whisper may skip a whole short
    region whose language is not the chunk's (a two-second Kazakh reply among Russian
    regions), a gap too short for :data:`SKIP_S` to notice."""
    if len(chunk.spans) < 2:
        return None
    limit = int((before_s + REGION_SLACK_S) * SAMPLE_RATE)
    for span in chunk.spans:
        if span.offset + span.length > limit:
            break
        if span.start in heard or span.start in retried:
            continue
        if span.length < MIN_LEFT_OUT_S * SAMPLE_RATE:
            continue
        retried.add(span.start)
        return Stop(ms(span.start), region=span)
    return None


@dataclass
class Decoder:
    """Decodes the chunks of one channel, in order, guarding against loops."""

    model: Any  # faster-whisper's WhisperModel (or a test's stand-in)
    options: dict[str, Any]  # decode options (beam, thresholds, word timestamps)
    channel: str
    emit: Send
    progress: Callable[[int], None]  # milliseconds of the recording decoded so far
    chooser: LanguageChooser | None = None
    glossary: tuple[str, ...] = ()  # hot words: each chunk gets the terms of its language
    guard: LoopGuard = field(default_factory=LoopGuard)
    languages: set[str] = field(default_factory=set)
    restarts: int = 0  # after a loop
    skips_recovered: int = 0  # decoded again after skipped speech
    regions_recovered: int = 0  # regions of a joined chunk decoded alone (got no words)
    _prompt: tuple[str, str] | None = None  # (language, text) of the previous chunk

    def decode(self, chunk: Chunk) -> None:
        offset = 0
        condition = True
        retried: set[int] = set()  # regions (their start) already decoded alone
        while offset < len(chunk.audio) - SAMPLE_RATE // 5:
            part = chunk.after(offset) if offset else chunk
            stop = self._decode_once(part, condition, retried)
            if stop is None:
                break
            self._prompt = None
            condition = False  # what fed the loop (or skipped speech) must not feed the rest
            if stop.region is not None:
                # a region of a joined chunk got no words: decoded alone, then what follows
                region = stop.region
                self.regions_recovered += 1
                alone = Chunk(
                    part.audio[region.offset : region.offset + region.length],
                    [Span(0, region.start, region.length)],
                    chunk.language,
                )
                self.decode(alone)
                self._prompt = None
                after = max(ms(region.start + region.length), stop.resume_ms)
                offset = max(chunk.offset_of(after), offset + 1)
                continue
            if stop.looped:
                self.restarts += 1
            else:
                self.skips_recovered += 1
            step = MIN_RESTART_STEP_MS * SAMPLE_RATE // 1000
            offset = max(chunk.offset_of(stop.at_ms), offset + step)
        self.progress(ms(chunk.end))

    def _decode_once(self, chunk: Chunk, condition: bool, retried: set[int]) -> Stop | None:
        """Decode until the chunk's end, a loop, skipped speech or a region left out (None:
        the chunk's end)."""
        choose = chunk.language is None
        prompt = None
        if condition and self._prompt is not None and self._prompt[0] == chunk.language:
            prompt = self._prompt[1]
        whisper_segments, _info = self.model.transcribe(
            chunk.audio,
            language=chunk.language or self._first_guess(),
            multilingual=choose,
            vad_filter=False,
            condition_on_previous_text=condition,
            initial_prompt=prompt,
            **self._options_for(chunk.language),
        )
        texts: list[str] = []
        heard: set[int] = set()  # spans (their start) that hold a word said
        said_until: float | None = None  # seconds into this call where the last segment ended
        for whisper_segment in whisper_segments:
            left_out = _left_out(chunk, heard, retried, before_s=_first_word_s(whisper_segment))
            if left_out is not None:
                return left_out
            if said_until is not None and whisper_segment.start - said_until > SKIP_S:
                return Stop(chunk.to_ms(said_until))
            language = chunk.language or (self.chooser.last if self.chooser else None)
            segment = to_segment(whisper_segment, chunk, self.channel, language)
            verdict = self.guard.check(segment)
            if verdict.segment is not None:
                self.emit(verdict.segment)
                if verdict.segment.language:
                    self.languages.add(verdict.segment.language)
                texts.append(verdict.segment.text)
            heard.update(_spans_of(chunk, segment))
            self.progress(segment.end_ms)
            if verdict.action == "loop":
                return Stop(verdict.restart_ms, looped=True)
            said_until = max(said_until or 0.0, float(whisper_segment.end))
            hot = (getattr(whisper_segment, "temperature", 0.0) or 0.0) > PROMPT_RESET_TEMPERATURE
            if hot:
                texts.clear()
        text = " ".join(texts)[-PROMPT_CHARS:].strip()
        self._prompt = (chunk.language, text) if chunk.language and text else None
        left_out = _left_out(chunk, heard, retried, before_s=len(chunk.audio) / SAMPLE_RATE)
        if left_out is not None:  # found after later segments were sent: go on after them
            said_ms = chunk.to_ms(said_until) if said_until is not None else left_out.at_ms
            return Stop(left_out.at_ms, region=left_out.region, resume_ms=said_ms)
        if said_until is not None and len(chunk.audio) / SAMPLE_RATE - said_until > SKIP_S:
            return Stop(chunk.to_ms(said_until))  # the end of the chunk was left out
        return None

    def _options_for(self, language: str | None) -> dict[str, Any]:
        if not self.glossary:
            return self.options
        hotwords = ", ".join(terms_for_language(self.glossary, language)) or None
        return {**self.options, "hotwords": hotwords}

    def _first_guess(self) -> str | None:
        """A language to start with; the first window's detection replaces it at once."""
        if self.chooser is not None and self.chooser.allowed:
            return self.chooser.allowed[0]
        return "en"


def to_segment(whisper_segment: Any, chunk: Chunk, channel: str, language: str | None) -> Segment:
    """One faster-whisper segment on the recording's timeline (ms).

    Each word goes to the region (span) that holds its middle — except a segment's first word
    when the next word lies in a later region, and its last word when the one before lies in
    an earlier region: Whisper's word timing lets a segment's first word start early (it takes
    the pause before it) and its last word end late, so in joined regions these edge words
    can reach into the neighbouring region, which may lie minutes away in the recording."""
    found = list(whisper_segment.words or ())
    spans = [chunk.span_at((w.start + w.end) / 2) for w in found]
    if len(found) > 1:
        if spans[1].start > spans[0].start:
            spans[0] = spans[1]
        if spans[-2].start < spans[-1].start:
            spans[-1] = spans[-2]
    words = [
        WordInfo(
            text=w.word,
            start_ms=chunk.to_ms(w.start, span),
            end_ms=chunk.to_ms(w.end, span),
            probability=float(w.probability),
        )
        for w, span in zip(found, spans, strict=True)
    ]
    if words:
        start, end = words[0].start_ms, words[-1].end_ms
    else:
        start = chunk.to_ms(whisper_segment.start)
        end = chunk.to_ms(
            whisper_segment.end,
            chunk.span_at(max(whisper_segment.end - 0.001, whisper_segment.start)),
        )
    return Segment(
        channel=channel,
        start_ms=start,
        end_ms=max(end, start),
        text=whisper_segment.text.strip(),
        language=language,
        words=tuple(words),
    )
