"""RTTM: who spoke when, the format speaker-diarization research scores and exchanges.

One ``SPEAKER`` line per segment that has a speaker: the recording's name, channel 1, start and
duration in seconds (3 decimals), and the speaker's name with white space replaced by ``_``
(RTTM fields are separated by spaces). Segments without a speaker are left out; words are not
written (RTTM's ``LEXEME`` lines are rarely read). :func:`rttm_lines` serves the command line's
``kzdesk diarize --rttm`` as well.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kzdesk.core.transcript import Transcript
from kzdesk.export.options import ExportOptions
from kzdesk.export.turns import source_stem

_SPACE = re.compile(r"\s+")


def field(text: str, fallback: str) -> str:
    """One RTTM field: no white space, never empty."""
    return _SPACE.sub("_", text.strip()) or fallback


def rttm_lines(uri: str, turns: Iterable[tuple[float, float, str]]) -> list[str]:
    """``SPEAKER`` lines of (start_s, end_s, speaker) turns, in time order."""
    name = field(uri, "recording")
    return [
        f"SPEAKER {name} 1 {start:.3f} {end - start:.3f} <NA> <NA> {field(who, 'speaker')} <NA> <NA>"
        for start, end, who in sorted(turns, key=lambda t: (t[0], t[1], t[2]))
        if end > start
    ]


def render_rttm(transcript: Transcript, options: ExportOptions | None = None) -> bytes:
    del options  # RTTM has no layout choices
    turns = []
    for segment in transcript.segments:
        speaker = transcript.speaker(segment.speaker_id)
        if speaker is None:
            continue
        turns.append((segment.start_ms / 1000, segment.end_ms / 1000, speaker.name))
    lines = rttm_lines(source_stem(transcript) or transcript.title, turns)
    return ("\n".join(lines) + "\n" if lines else "").encode("utf-8")
