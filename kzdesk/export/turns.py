"""How exports read a transcript: segments in time order, turns of one speaker, display names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kzdesk.core.i18n import QT_TRANSLATE_NOOP
from kzdesk.core.transcript import Segment, Transcript

GENERIC_TITLE = QT_TRANSLATE_NOOP("Exports", "Transcript")


@dataclass(frozen=True)
class Turn:
    """One paragraph of a document export: one segment, or consecutive segments of one speaker."""

    speaker_id: int | None
    speaker_name: str  # "" when the segment has no speaker
    start_ms: int
    end_ms: int
    text: str


def ordered_segments(transcript: Transcript) -> list[Segment]:
    """Segments with text, in time order (stable for equal starts)."""
    segs = [s for s in transcript.segments if s.text.strip() or s.words]
    return sorted(segs, key=lambda s: s.start_ms)


def segment_text(segment: Segment) -> str:
    text = " ".join(segment.text.split())
    return text or " ".join(w.text.strip() for w in segment.words if w.text.strip())


def turns(transcript: Transcript, merge: bool = True) -> list[Turn]:
    """Paragraphs for DOCX/TXT. Names always come from ``transcript.speakers``."""
    out: list[Turn] = []
    for seg in ordered_segments(transcript):
        text = segment_text(seg)
        if not text:
            continue
        if merge and out and out[-1].speaker_id == seg.speaker_id:
            last = out[-1]
            out[-1] = Turn(
                last.speaker_id,
                last.speaker_name,
                last.start_ms,
                max(last.end_ms, seg.end_ms),
                f"{last.text} {text}",
            )
            continue
        out.append(
            Turn(
                seg.speaker_id,
                transcript.speaker_name(seg.speaker_id),
                seg.start_ms,
                seg.end_ms,
                text,
            )
        )
    return out


def source_file_name(transcript: Transcript) -> str:
    """The source file's name without folders, whether the path is POSIX or Windows."""
    return re.split(r"[\\/]", transcript.source_path.strip())[-1]


def source_stem(transcript: Transcript) -> str:
    name = source_file_name(transcript)
    return (name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name).strip()


def display_title(transcript: Transcript) -> str:
    """The title, else the source file's stem, else a generic word."""
    return " ".join(transcript.title.split()) or source_stem(transcript) or GENERIC_TITLE
