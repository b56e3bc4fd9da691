"""Transcript = speakers + segments + words, and the edits the editor applies to it.

Every edit returns a :class:`Change` naming what it touched, so storage can persist exactly
that in one short transaction and the editor can undo it by applying ``change.inverse()``.
"""

from __future__ import annotations

import copy
import operator
from dataclasses import dataclass, field

from kzdesk.core import transcript_ops
from kzdesk.core.i18n import QT_TRANSLATE_NOOP
from kzdesk.core.transcript_ops import fit_words, retime_words
from kzdesk.core.transcript_parts import Change, Segment, Speaker, TranscriptError, Word

__all__ = [  # the parts are imported from here too
    "Change",
    "Segment",
    "Speaker",
    "Transcript",
    "TranscriptError",
    "Word",
    "fit_words",
    "retime_words",
    "speaker_color",
]

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


def _no_segment(segment_id: int) -> str:
    return QT_TRANSLATE_NOOP(
        "Messages", "This phrase is no longer in the transcript (number {id})."
    ).format(id=segment_id)


@dataclass
class Transcript:
    speakers: list[Speaker] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    title: str = ""
    source_path: str = ""
    duration_ms: int = 0
    created_at: float = 0.0
    language: str = ""
    # spans (start_ms, end_ms) where two or more people speak at once, as found on this
    # computer; the editor marks them on the waveform
    overlaps: list[tuple[int, int]] = field(default_factory=list)

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
        raise TranscriptError(_no_segment(segment_id))

    def index_of(self, segment_id: int) -> int:
        for i, seg in enumerate(self.segments):
            if seg.id == segment_id:
                return i
        raise TranscriptError(_no_segment(segment_id))

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
            raise TranscriptError(
                QT_TRANSLATE_NOOP("Messages", "A speaker needs a name. Type at least one letter.")
            )
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
        """New text for a segment. Words keep their timings where the word count is unchanged;
        otherwise timings are spread over the segment in proportion to word length."""
        seg = self.segment(segment_id)
        after = copy.deepcopy(seg)
        after.text = text
        after.words = retime_words(text, seg.words, seg.start_ms, seg.end_ms)
        return self.apply(Change(segments=[(seg, after)], description="edit text"))

    def merge_with_next(self, segment_id: int) -> Change:
        i = self.index_of(segment_id)
        if i + 1 >= len(self.segments):
            raise TranscriptError(
                QT_TRANSLATE_NOOP("Messages", "The last phrase has nothing after it to merge with.")
            )
        first, second = self.segments[i], self.segments[i + 1]
        merged = copy.deepcopy(first)
        merged.end_ms = max(first.end_ms, second.end_ms)
        merged.text = " ".join(t for t in (first.text.strip(), second.text.strip()) if t)
        merged.words = fit_words(first.words + second.words, merged.start_ms, merged.end_ms)
        return self.apply(
            Change(segments=[(first, merged), (second, None)], description="merge phrases")
        )

    def split_at_word(self, segment_id: int, word_index: int) -> Change:
        """Split so that words[word_index:] start a new segment."""
        seg = self.segment(segment_id)
        if not 0 < word_index < len(seg.words):
            raise TranscriptError(
                QT_TRANSLATE_NOOP(
                    "Messages", "A phrase can only be split between two of its words."
                )
            )
        head, tail = seg.words[:word_index], seg.words[word_index:]
        return self.apply(
            transcript_ops.split_change(
                self,
                seg,
                seg.words,
                word_index,
                " ".join(w.text for w in head),
                " ".join(w.text for w in tail),
            )
        )

    def split_at_char(self, segment_id: int, char_pos: int) -> Change:
        """Split at the text cursor ``char_pos`` (an offset into the segment's text); see
        :func:`kzdesk.core.transcript_ops.split_at_char`."""
        return self.apply(transcript_ops.split_at_char(self, segment_id, char_pos))

    def set_language(self, segment_id: int, language: str | None) -> Change:
        """Mark the language a segment is in ("kk", "ru", ...; None: unknown)."""
        return self.apply(transcript_ops.set_language(self, segment_id, language))

    def recognised_again(
        self, segment_id: int, text: str, words: list[Word], language: str
    ) -> Change:
        """A phrase heard again in ``language``; see :func:`kzdesk.core.transcript_ops.heard_again`."""
        return self.apply(transcript_ops.heard_again(self, segment_id, text, words, language))

    def delete_segment(self, segment_id: int) -> Change:
        seg = self.segment(segment_id)
        return self.apply(Change(segments=[(seg, None)], description="delete phrase"))

    def shift_bounds(
        self, segment_id: int, start_delta_ms: int = 0, end_delta_ms: int = 0
    ) -> Change:
        """Move a segment's start and/or end; see :func:`kzdesk.core.transcript_ops.shift_bounds`."""
        return self.apply(
            transcript_ops.shift_bounds(self, segment_id, start_delta_ms, end_delta_ms)
        )

    def replace_texts(self, texts: dict[int, str], description: str = "edit text") -> Change:
        """New texts for several segments as ONE change (find and replace). Words are retimed
        as in :meth:`replace_text`."""
        pairs: list[tuple[Segment | None, Segment | None]] = []
        for seg in self.segments:
            if seg.id in texts:
                after = copy.deepcopy(seg)
                after.text = texts[seg.id]
                after.words = retime_words(after.text, seg.words, seg.start_ms, seg.end_ms)
                pairs.append((seg, after))
        if len(pairs) != len(texts):
            missing = sorted(set(texts) - {seg.id for seg in self.segments})
            raise TranscriptError(_no_segment(missing[0]))
        return self.apply(Change(segments=pairs, description=description))

    def speaker_shares(self) -> dict[int, float]:
        """Each speaker's share of the talk time (0..1), for the speakers panel. The total
        includes segments without a speaker; a speaker without segments gets 0.0."""
        return transcript_ops.speaker_shares(self)

    def merge_speakers(self, keep_id: int, remove_id: int) -> Change:
        keep = self._require_speaker(keep_id)
        gone = self._require_speaker(remove_id)
        if keep_id == remove_id:
            raise TranscriptError(
                QT_TRANSLATE_NOOP("Messages", "A speaker cannot be merged with themselves.")
            )
        segs: list[tuple[Segment | None, Segment | None]] = []
        for seg in self.segments:
            if seg.speaker_id == remove_id:
                after = copy.deepcopy(seg)
                after.speaker_id = keep.id
                segs.append((seg, after))
        return self.apply(
            Change(speakers=[(gone, None)], segments=segs, description="merge speakers")
        )

    def replace_with(self, other: Transcript, description: str = "find speakers again") -> Change:
        """Take ``other``'s speakers and segments as one change (undone in one step)."""
        return self.apply(transcript_ops.replace_all(self, other, description))

    # ---- applying -------------------------------------------------------------------------
    def apply(self, change: Change) -> Change:
        """Apply a change (an edit's or its inverse) and return it.

        One pass over each list whatever the size of the change: merging two speakers of a
        4-hour meeting touches hundreds of segments."""
        self.speakers = _replace_rows(self.speakers, change.speakers, key=_SPEAKER_ORDER)
        self.segments = _replace_rows(self.segments, change.segments, key=_SEGMENT_ORDER)
        return change

    def _require_speaker(self, speaker_id: int) -> Speaker:
        sp = self.speaker(speaker_id)
        if sp is None:
            raise TranscriptError(
                QT_TRANSLATE_NOOP(
                    "Messages", "This speaker is no longer in the transcript (number {id})."
                ).format(id=speaker_id)
            )
        return sp


_SPEAKER_ORDER = operator.attrgetter("id")
_SEGMENT_ORDER = operator.attrgetter("start_ms", "id")


def _replace_rows(rows: list, pairs: list, *, key) -> list:
    """``rows`` with every (before, after) pair applied in order, sorted by ``key``."""
    if not pairs:
        return rows
    final: dict[int, object | None] = {}  # id -> row after all pairs (None: deleted)
    in_place = True  # every pair keeps its row where it is (a text edit, a rename)
    for before, after in pairs:
        if before is not None:
            final[before.id] = None
        if after is not None:
            final[after.id] = copy.deepcopy(after)
        if before is None or after is None or key(before) != key(after):
            in_place = False
    if in_place:  # no sort: one pass, the common case while typing in a long transcript
        return [final.get(r.id, r) for r in rows]
    kept = [r for r in rows if r.id not in final]
    kept += [r for r in final.values() if r is not None]
    kept.sort(key=key)
    return kept
