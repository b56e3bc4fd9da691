"""Plain text: one paragraph per turn ("[HH:MM:SS] Name: text"), a blank line between."""

from __future__ import annotations

from kzdesk.core import timecode
from kzdesk.core.transcript import Transcript
from kzdesk.export.options import ExportOptions
from kzdesk.export.turns import turns


def render_txt(transcript: Transcript, options: ExportOptions | None = None) -> bytes:
    opts = options or ExportOptions()
    paragraphs = []
    for turn in turns(transcript, merge=opts.merge_turns):
        head = f"[{timecode.clock(turn.start_ms)}] " if opts.timestamps else ""
        name = f"{turn.speaker_name}: " if turn.speaker_name else ""
        paragraphs.append(f"{head}{name}{turn.text}")
    return ("\n\n".join(paragraphs) + "\n" if paragraphs else "").encode("utf-8")
