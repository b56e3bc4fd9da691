"""Transcript = speakers + segments + words, and the edits the editor applies to it.

Every edit returns a :class:`Change` naming what it touched, so storage can persist exactly
that in one short transaction and the editor can undo it by applying ``change.inverse()``.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

# Okabe–Ito: colour-blind safe, readable on light and dark backgrounds.
SPEAKER_COLORS = (
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#D55E00",
    "#CC79A7",
    "#0072B2",
    "#F0E442",
    "#999999",
)


def speaker_color(index: int) -> str:
    return SPEAKER_COLORS[index % len(SPEAKER_COLORS)]


class TranscriptError(ValueError):
    """An edit that cannot be applied (unknown id, split outside a phrase, ...)."""


@dataclass
class Word:
    text: str
    start_ms: int
    end_ms: int
    confidence: float | None = None


@dataclass
class Speaker:
    id: int
    label: str  # what the engine called it: channel tag "0", "1", ...
    name: str  # what the user sees and may change
    color: str


@dataclass
class Segment:
    id: int
    speaker_id: int | None
    start_ms: int
    end_ms: int
    text: str
    language: str | None = None
    words: list[Word] = field(default_factory=list)


@dataclass
class Change:
    """What one edit did: rows before and after. ``None`` before = created, after = deleted."""

    speakers: list[tuple[Speaker | None, Speaker | None]] = field(default_factory=list)
    segments: list[tuple[Segment | None, Segment | None]] = field(default_factory=list)
    description: str = ""

    def inverse(self) -> Change:
        return Change(
            speakers=[(after, before) for before, after in reversed(self.speakers)],
            segments=[(after, before) for before, after in reversed(self.segments)],
            description=self.description,
        )

    @property
    def speakers_after(self) -> list[Speaker]:
        return [after for _, after in self.speakers if after is not None]

    @property
    def speakers_deleted(self) -> list[int]:
        return [before.id for before, after in self.speakers if after is None and before]

    @property
    def segments_after(self) -> list[Segment]:
        return [after for _, after in self.segments if after is not None]

    @property
    def segments_deleted(self) -> list[int]:
        return [before.id for before, after in self.segments if after is None and before]


@dataclass
class Transcript:
    speakers: list[Speaker] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    title: str = ""
    source_path: str = ""
    duration_ms: int = 0
    created_at: float = 0.0
    language: str = ""

    # ---- look-ups -------------------------------------------------------------------------
    def speaker(self, speaker_id: int | None) -> Speaker | None:
        for sp in self.speakers:
            if sp.id == speaker_id:
                return sp
        return None

    def speaker_name(self, speaker_id: int | None) -> str:
        sp = self.speaker(speaker_id)
        return sp.name if sp else ""

    def segment(self, segment_id: int) -> Segment:
        for seg in self.segments:
            if seg.id == segment_id:
                return seg
        raise TranscriptError(f"no phrase with id {segment_id}")

    def index_of(self, segment_id: int) -> int:
        for i, seg in enumerate(self.segments):
            if seg.id == segment_id:
                return i
        raise TranscriptError(f"no phrase with id {segment_id}")

    def next_segment_id(self) -> int:
        return max((s.id for s in self.segments), default=0) + 1

    def next_speaker_id(self) -> int:
        return max((s.id for s in self.speakers), default=0) + 1

    @property
    def text(self) -> str:
        return "\n".join(s.text for s in self.segments)

    # ---- building -------------------------------------------------------------------------
    def add_speaker(self, label: str, name: str | None = None) -> Change:
        sp = Speaker(
            id=self.next_speaker_id(),
            label=label,
            name=name or f"Speaker {len(self.speakers) + 1}",
            color=speaker_color(len(self.speakers)),
        )
        return self.apply(Change(speakers=[(None, sp)], description="add speaker"))

    # ---- edits ----------------------------------------------------------------------------
    def rename_speaker(self, speaker_id: int, name: str) -> Change:
        sp = self._require_speaker(speaker_id)
        name = name.strip()
        if not name:
            raise TranscriptError("a speaker needs a name")
        after = copy.deepcopy(sp)
        after.name = name
        return self.apply(Change(speakers=[(sp, after)], description="rename speaker"))

    def reassign(self, segment_id: int, speaker_id: int | None) -> Change:
        if speaker_id is not None:
            self._require_speaker(speaker_id)
        seg = self.segment(segment_id)
        after = copy.deepcopy(seg)
        after.speaker_id = speaker_id
        return self.apply(Change(segments=[(seg, after)], description="change speaker"))

    def replace_text(self, segment_id: int, text: str) -> Change:
        """New text for a phrase. Words keep their timings where the word count is unchanged;
        otherwise timings are spread over the phrase in proportion to word length."""
        seg = self.segment(segment_id)
        after = copy.deepcopy(seg)
        after.text = text
        after.words = retime_words(text, seg.words, seg.start_ms, seg.end_ms)
        return self.apply(Change(segments=[(seg, after)], description="edit text"))

    def merge_with_next(self, segment_id: int) -> Change:
        i = self.index_of(segment_id)
        if i + 1 >= len(self.segments):
            raise TranscriptError("the last phrase has nothing after it to merge with")
        first, second = self.segments[i], self.segments[i + 1]
        merged = copy.deepcopy(first)
        merged.end_ms = max(first.end_ms, second.end_ms)
        merged.text = " ".join(t for t in (first.text.strip(), second.text.strip()) if t)
        merged.words = copy.deepcopy(first.words) + copy.deepcopy(second.words)
        return self.apply(
            Change(segments=[(first, merged), (second, None)], description="merge phrases")
        )

    def split_at_word(self, segment_id: int, word_index: int) -> Change:
        """Split so that words[word_index:] start a new phrase."""
        seg = self.segment(segment_id)
        if not 0 < word_index < len(seg.words):
            raise TranscriptError("a phrase can only be split between two of its words")
        head, tail = seg.words[:word_index], seg.words[word_index:]
        first = copy.deepcopy(seg)
        first.words = copy.deepcopy(head)
        first.text = " ".join(w.text for w in head)
        first.end_ms = head[-1].end_ms
        second = Segment(
            id=self.next_segment_id(),
            speaker_id=seg.speaker_id,
            start_ms=tail[0].start_ms,
            end_ms=seg.end_ms,
            text=" ".join(w.text for w in tail),
            language=seg.language,
            words=copy.deepcopy(tail),
        )
        return self.apply(
            Change(segments=[(seg, first), (None, second)], description="split phrase")
        )

    def merge_speakers(self, keep_id: int, remove_id: int) -> Change:
        keep = self._require_speaker(keep_id)
        gone = self._require_speaker(remove_id)
        if keep_id == remove_id:
            raise TranscriptError("a speaker cannot be merged with itself")
        segs = []
        for seg in self.segments:
            if seg.speaker_id == remove_id:
                after = copy.deepcopy(seg)
                after.speaker_id = keep.id
                segs.append((seg, after))
        return self.apply(
            Change(speakers=[(gone, None)], segments=segs, description="merge speakers")
        )

    # ---- applying -------------------------------------------------------------------------
    def apply(self, change: Change) -> Change:
        """Apply a change (an edit's or its inverse) and return it.

        One pass over each list whatever the size of the change: merging two speakers of a
        4-hour meeting touches hundreds of phrases."""
        self.speakers = _replace_rows(self.speakers, change.speakers, key=lambda s: s.id)
        self.segments = _replace_rows(
            self.segments, change.segments, key=lambda s: (s.start_ms, s.id)
        )
        return change

    def _require_speaker(self, speaker_id: int) -> Speaker:
        sp = self.speaker(speaker_id)
        if sp is None:
            raise TranscriptError(f"no speaker with id {speaker_id}")
        return sp


def _replace_rows(rows: list, pairs: list, *, key) -> list:  # type: ignore[type-arg]
    """``rows`` with every (before, after) pair applied in order, sorted by ``key``."""
    if not pairs:
        return rows
    final: dict[int, object | None] = {}  # id -> row after all pairs (None: deleted)
    for before, after in pairs:
        if before is not None:
            final[before.id] = None
        if after is not None:
            final[after.id] = copy.deepcopy(after)
    kept = [r for r in rows if r.id not in final]
    kept += [r for r in final.values() if r is not None]
    kept.sort(key=key)
    return kept


def retime_words(text: str, old: list[Word], start_ms: int, end_ms: int) -> list[Word]:
    tokens = text.split()
    if not tokens:
        return []
    if len(tokens) == len(old):
        return [
            Word(t, w.start_ms, w.end_ms, w.confidence) for t, w in zip(tokens, old, strict=True)
        ]
    if old:
        start_ms, end_ms = old[0].start_ms, old[-1].end_ms
    span = max(end_ms - start_ms, 0)
    weights = [len(t) + 1 for t in tokens]
    total = sum(weights)
    words, pos = [], 0
    for token, weight in zip(tokens, weights, strict=True):
        w_start = start_ms + span * pos // total
        pos += weight
        words.append(Word(token, w_start, start_ms + span * pos // total))
    return words
