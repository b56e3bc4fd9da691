"""The editor's larger transcript operations, kept out of ``transcript.py`` to keep it small.

:class:`~kzdesk.core.transcript.Transcript` methods are the entry points: they call these
functions, which build a :class:`~kzdesk.core.transcript_parts.Change` without applying it (or,
for read-only queries, compute a value). This module reads a transcript through
:class:`TranscriptLike` and never imports ``transcript.py``, which imports it.

Word-timing rules every operation keeps:

* a segment's words are in order, each inside the segment;
* where a segment has words, its start is the first word's start and its end the last word's
  end; its text's whitespace-separated tokens are its words.
"""

from __future__ import annotations

import copy
import difflib
import re
from typing import Protocol

from kzdesk.core.i18n import QT_TRANSLATE_NOOP
from kzdesk.core.transcript_parts import Change, Segment, Speaker, TranscriptError, Word

# The editor moves a segment's edges in steps of 100 ms; a segment never shrinks below one step.
MIN_SEGMENT_MS = 100

_TOKEN = re.compile(r"\S+")  # the same tokens as str.split()


class TranscriptLike(Protocol):
    """What these operations read of a :class:`kzdesk.core.transcript.Transcript` (named by
    its shape, so that this module need not import the one that calls it)."""

    speakers: list[Speaker]
    segments: list[Segment]
    duration_ms: int
    language: str

    def segment(self, segment_id: int) -> Segment: ...

    def next_segment_id(self) -> int: ...


def split_change(
    transcript: TranscriptLike,
    seg: Segment,
    words: list[Word],
    index: int,
    head_text: str,
    tail_text: str,
) -> Change:
    """``seg`` cut so that ``words[index:]`` (0 < index < len(words)) start a new segment."""
    head, tail = words[:index], words[index:]
    first = copy.deepcopy(seg)
    first.words = copy.deepcopy(head)
    first.text = head_text
    first.end_ms = head[-1].end_ms
    second = Segment(
        id=transcript.next_segment_id(),
        speaker_id=seg.speaker_id,
        start_ms=tail[0].start_ms,
        end_ms=seg.end_ms,
        text=tail_text,
        language=seg.language,
        words=copy.deepcopy(tail),
    )
    return Change(segments=[(seg, first), (None, second)], description="split phrase")


def split_at_char(transcript: TranscriptLike, segment_id: int, char_pos: int) -> Change:
    """Split a segment at the text cursor ``char_pos`` (0..len(text)).

    The text's tokens (``text.split()``) are the segment's words. A cursor between two tokens
    (anywhere in the whitespace) splits there. A cursor inside a token splits before that word
    when it is in the token's first half, after it otherwise. Both halves keep the user's text
    as typed, trimmed of surrounding whitespace. If the words no longer match the tokens (old
    data), they are first retimed as :meth:`Transcript.replace_text` does."""
    seg = transcript.segment(segment_id)
    if not 0 <= char_pos <= len(seg.text):
        raise TranscriptError(
            QT_TRANSLATE_NOOP("Messages", "The text cursor is outside the phrase.")
        )
    tokens = list(_TOKEN.finditer(seg.text))
    index = len(tokens)
    for i, token in enumerate(tokens):
        if char_pos <= token.start():
            index = i
            break
        if char_pos < token.end():
            inside, length = char_pos - token.start(), token.end() - token.start()
            index = i if 2 * inside < length else i + 1
            break
    if not 0 < index < len(tokens):
        raise TranscriptError(
            QT_TRANSLATE_NOOP(
                "Messages", "Put the text cursor between two words to split the phrase."
            )
        )
    words = seg.words
    if [w.text for w in words] != [m.group() for m in tokens]:
        words = retime_words(seg.text, seg.words, seg.start_ms, seg.end_ms)
    cut = tokens[index].start()
    return split_change(
        transcript, seg, words, index, seg.text[:cut].strip(), seg.text[cut:].strip()
    )


def shift_bounds(
    transcript: TranscriptLike, segment_id: int, start_delta_ms: int, end_delta_ms: int
) -> Change:
    """Move a segment's start by ``start_delta_ms`` and its end by ``end_delta_ms``.

    The start stops at 0 and the end at the recording's end (when its duration is known). A
    segment may not shrink below :data:`MIN_SEGMENT_MS` (growing a shorter one is allowed).
    Words keep their times except at the edges: words are clipped into the new bounds (a word
    left wholly outside becomes zero-length at the edge) and the first word is stretched or
    clipped to start at the segment's start, the last to end at its end (see ``fit_words``)."""
    seg = transcript.segment(segment_id)
    start = max(seg.start_ms + start_delta_ms, 0)
    end = seg.end_ms + end_delta_ms
    if transcript.duration_ms > 0:
        end = min(end, transcript.duration_ms)
        start = min(start, transcript.duration_ms)
    if (start, end) == (seg.start_ms, seg.end_ms):
        raise TranscriptError(
            QT_TRANSLATE_NOOP(
                "Messages", "The phrase cannot move further: it is at the recording's edge."
            )
        )
    old_length = seg.end_ms - seg.start_ms
    if end - start < MIN_SEGMENT_MS and end - start < old_length:
        raise TranscriptError(
            QT_TRANSLATE_NOOP(
                "Messages", "A phrase must stay at least {ms} ms long, so it cannot be shortened."
            ).format(ms=MIN_SEGMENT_MS)
        )
    after = copy.deepcopy(seg)
    after.start_ms, after.end_ms = start, end
    after.words = fit_words(seg.words, start, end)
    return Change(segments=[(seg, after)], description="move phrase bounds")


def speaker_shares(transcript: TranscriptLike) -> dict[int, float]:
    talk: dict[int | None, int] = {}
    for seg in transcript.segments:
        talk[seg.speaker_id] = talk.get(seg.speaker_id, 0) + max(seg.end_ms - seg.start_ms, 0)
    total = sum(talk.values())
    return {sp.id: (talk.get(sp.id, 0) / total if total else 0.0) for sp in transcript.speakers}


def replace_all(transcript: TranscriptLike, other: TranscriptLike, description: str) -> Change:
    """One change that turns ``transcript``'s speakers and segments into ``other``'s (rows
    paired by id: kept ids are edits, the rest are deletions and creations). Speakers found
    again are one undo step this way."""

    def pairs(before: list, after: list) -> list:
        old = {row.id: row for row in before}
        new = {row.id: row for row in after}
        out = [(old[i], None) for i in old if i not in new]
        out += [(old.get(i), copy.deepcopy(new[i])) for i in new if old.get(i) != new[i]]
        return out

    return Change(
        speakers=pairs(transcript.speakers, other.speakers),
        segments=pairs(transcript.segments, other.segments),
        description=description,
    )


def carry_flags(tokens: list[str], old: list[Word]) -> list[tuple[float | None, bool]]:
    """(confidence, checked) for each new token of an edited segment whose word count changed.

    Tokens the edit left as they were (matched to the old words in order) keep their word's
    confidence and checked state; a token that replaced exactly one word keeps that word's
    confidence; every changed or added token is checked (the user typed it)."""
    flags: list[tuple[float | None, bool]] = [(None, True)] * len(tokens)
    matcher = difflib.SequenceMatcher(None, tokens, [w.text for w in old], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for k in range(i2 - i1):
                flags[i1 + k] = (old[j1 + k].confidence, old[j1 + k].checked)
        elif op == "replace" and i2 - i1 == j2 - j1:
            for k in range(i2 - i1):
                flags[i1 + k] = (old[j1 + k].confidence, True)
    return flags


def retime_words(text: str, old: list[Word], start_ms: int, end_ms: int) -> list[Word]:
    """Words for ``text`` (its whitespace-separated tokens). A word the user changed or added
    is ``checked``; an unchanged word keeps its confidence and checked state (see
    :func:`carry_flags`)."""
    tokens = text.split()
    if not tokens:
        return []
    if len(tokens) == len(old):
        return [
            Word(t, w.start_ms, w.end_ms, w.confidence, w.checked or t != w.text)
            for t, w in zip(tokens, old, strict=True)
        ]
    if old:
        start_ms, end_ms = old[0].start_ms, old[-1].end_ms
    span = max(end_ms - start_ms, 0)
    weights = [len(t) + 1 for t in tokens]
    total = sum(weights)
    flags = carry_flags(tokens, old)
    words, pos = [], 0
    for token, weight, (confidence, checked) in zip(tokens, weights, flags, strict=True):
        w_start = start_ms + span * pos // total
        pos += weight
        words.append(Word(token, w_start, start_ms + span * pos // total, confidence, checked))
    return words


def fit_words(words: list[Word], start_ms: int, end_ms: int) -> list[Word]:
    """Copies of ``words`` squeezed into [start_ms, end_ms] and kept in order.

    Times outside the segment are clipped to its edges (a word left wholly outside becomes a
    zero-length word at the edge); a word starting before the previous one is moved to start
    with it; the first word then starts at ``start_ms`` and the last ends at ``end_ms``
    (stretched or clipped), so a segment's edges are always its first and last word's."""
    fitted: list[Word] = []
    prev_start = prev_end = start_ms
    for w in words:
        w_start = max(min(max(w.start_ms, start_ms), end_ms), prev_start)
        w_end = max(min(max(w.end_ms, start_ms), end_ms), w_start, prev_end)
        fitted.append(Word(w.text, w_start, w_end, w.confidence, w.checked))
        prev_start, prev_end = w_start, w_end
    if fitted:
        fitted[0].start_ms = start_ms
        fitted[-1].end_ms = end_ms
    return fitted


def language_code(language: str | None) -> str:
    """A segment's language as its primary subtag: "kk-KZ" (SpeechKit) and "kk" (Whisper) are
    both "kk"; "" when unknown."""
    return (language or "").replace("_", "-").split("-")[0].strip().lower()


def spoken_languages(transcript: TranscriptLike) -> list[str]:
    """The languages heard in the transcript, the most spoken first (by segment duration)."""
    spoken: dict[str, int] = {}
    for seg in transcript.segments:
        code = language_code(seg.language)
        if code:
            spoken[code] = spoken.get(code, 0) + max(seg.end_ms - seg.start_ms, 1)
    return sorted(spoken, key=lambda code: (-spoken[code], code))


def heard_language(transcript: TranscriptLike) -> str:
    """The transcript's language as the set heard ("ru+kk", most spoken first); the stored
    value (what was asked for) when no segment says."""
    return "+".join(spoken_languages(transcript)) or transcript.language


def set_language(transcript: TranscriptLike, segment_id: int, language: str | None) -> Change:
    seg = transcript.segment(segment_id)
    code = language_code(language) or None
    if language_code(seg.language) == (code or ""):
        raise TranscriptError(
            QT_TRANSLATE_NOOP("Messages", "The phrase is already marked with this language.")
        )
    after = copy.deepcopy(seg)
    after.language = code
    return Change(segments=[(seg, after)], description="change phrase language")


def heard_again(
    transcript: TranscriptLike, segment_id: int, text: str, words: list[Word], language: str
) -> Change:
    """A phrase recognised again (in ``language``): its text, words and language replaced, its
    speaker and bounds kept. Words are clipped to the phrase's bounds; without words, timings
    are spread over the phrase as when text is typed."""
    seg = transcript.segment(segment_id)
    after = copy.deepcopy(seg)
    after.text = text.strip()
    after.language = language_code(language) or None
    kept = [
        Word(
            w.text,
            min(max(w.start_ms, seg.start_ms), seg.end_ms),
            min(max(w.end_ms, seg.start_ms), seg.end_ms),
            w.confidence,
        )
        for w in words
    ]
    if not kept or " ".join(w.text.strip() for w in kept).split() != after.text.split():
        kept = retime_words(after.text, [], seg.start_ms, seg.end_ms)
    after.words = kept
    return Change(segments=[(seg, after)], description="recognise phrase again")
