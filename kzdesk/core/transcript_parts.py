"""The parts of a transcript — words, speakers, segments — and the :class:`Change` an edit
returns. :mod:`kzdesk.core.transcript` (the :class:`Transcript` and its edits) and
:mod:`kzdesk.core.transcript_ops` (the larger operations) both build on them; import them from
either.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class TranscriptError(ValueError):
    """An edit that cannot be applied (unknown id, split outside a segment, ...)."""


@dataclass
class Word:
    text: str
    start_ms: int
    end_ms: int
    confidence: float | None = None  # the engine's, 0..1; None: the engine gave none
    checked: bool = False  # the user typed or confirmed it: never flagged as uncertain


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
    def segments_after(self) -> list[Segment]:
        return [after for _, after in self.segments if after is not None]
