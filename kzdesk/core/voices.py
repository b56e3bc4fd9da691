"""The voice of one speaker of a transcript, as the editor and the services pass it around."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SpeakerVoice:
    """The voice of one speaker of a transcript, as found on this computer: its embedding (to
    save it as a known voice) and the known voice's name suggested for it, if any."""

    speaker_id: int
    model: str  # the embedder's name; profiles of another model are never compared
    vector: tuple[float, ...]
    suggested_name: str | None = None  # pre-filled from a known voice until confirmed
    similarity: float | None = None
