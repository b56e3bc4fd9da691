"""Find speakers again on a finished transcript (the editor's Speakers ▸ Find speakers again…).

The recording is diarized anew with the count or range the user chose, the transcript as it
is now (with the user's corrections to the text) is split where the new speakers change, and
names the user gave survive: a new speaker whose voice matches an old speaker's saved voice
(same model, cosine at least ``SAME_VOICE``) — or, where no voices were saved, who spoke most
of that old speaker's segments — takes that speaker's id, name and colour. Other new speakers
get names from known voices as suggestions, or "Speaker N". The result is applied by the
editor as one undoable change (core ``Transcript.replace_with``).

Qt-free: progress leaves through a plain callback, cancellation arrives as a flag.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from kzdesk.core.transcript import Speaker, Transcript, speaker_color
from kzdesk.core.voices import SpeakerVoice
from kzdesk.diarization.align import align_transcript
from kzdesk.diarization.pipeline import DiarizationOptions
from kzdesk.diarization.process import diarize_in_subprocess
from kzdesk.diarization.profiles import VoiceProfileStore
from kzdesk.services import wording
from kzdesk.services.speakers import Diarize, overlaps_ms, speaker_voices, suggest_names

SAME_VOICE = 0.6  # centroid cosine of one person's voice in two diarizations (CAM++)
MOST_OF = 0.5  # share of an old speaker's talk time a new speaker must cover to inherit


@dataclass
class FoundAgain:
    transcript: Transcript  # ``before`` with the new speakers, ids reused where names kept
    voices: list[SpeakerVoice] = field(default_factory=list)
    kept_names: dict[int, str] = field(default_factory=dict)  # speaker id -> name kept


def find_speakers_again(
    before: Transcript,
    audio_path: str,
    options: DiarizationOptions,
    *,
    old_voices: dict[int, SpeakerVoice] | None = None,
    profiles: VoiceProfileStore | None = None,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    diarize: Diarize = diarize_in_subprocess,
) -> FoundAgain:
    """Raises Cancelled, AudioError, ModelsMissing (the transcript stays as it was)."""
    report = progress or (lambda _f: None)
    result = diarize(
        audio_path,
        options,
        duration_s=before.duration_ms / 1000,
        progress=lambda fraction, _stage: report(fraction),
        cancelled=cancelled,
    )
    after, _overlapped = align_transcript(before, result.turns, channels=options.channels)
    after.overlaps = overlaps_ms(result)
    voices = speaker_voices(after, result)
    keep = _inheritance(before, after, old_voices or {}, voices)
    after, voices = _renumber(before, after, voices, keep)
    unnamed = [v for v in voices if v.speaker_id not in {s for s, _ in keep.values()}]
    after, suggested = suggest_names(after, unnamed, profiles, result.method)
    by_id = {v.speaker_id: v for v in suggested}
    voices = [by_id.get(v.speaker_id, v) for v in voices]
    report(1.0)
    return FoundAgain(after, voices, {sid: name for sid, name in keep.values()})


def user_named(speaker: Speaker) -> bool:
    """A name the user typed (or confirmed), not a default "Speaker N" / "Channel N" (in any
    language kzdesk speaks)."""
    return not wording.is_default_name(speaker.name)


def _inheritance(
    before: Transcript,
    after: Transcript,
    old_voices: dict[int, SpeakerVoice],
    new_voices: list[SpeakerVoice],
) -> dict[int, tuple[int, str]]:
    """New speaker id -> (old speaker id, name) for the user-named old speakers it matches,
    one to one, best match first."""
    named = [s for s in before.speakers if user_named(s)]
    if not named or not after.speakers:
        return {}
    new_by_id = {v.speaker_id: v for v in new_voices}
    pairs: list[tuple[float, int, int]] = []
    for old in named:
        old_voice = old_voices.get(old.id)
        for new in after.speakers:
            new_voice = new_by_id.get(new.id)
            if (
                old_voice is not None
                and new_voice is not None
                and old_voice.model == new_voice.model
            ):
                score = _cosine(old_voice.vector, new_voice.vector)
                if score >= SAME_VOICE:
                    pairs.append((1.0 + score, old.id, new.id))  # voices outrank talk time
                continue
            share = _shared_talk(before, old.id, after, new.id)
            if share >= MOST_OF:
                pairs.append((share, old.id, new.id))
    pairs.sort(reverse=True)
    out: dict[int, tuple[int, str]] = {}
    taken: set[int] = set()
    names = {s.id: s.name for s in before.speakers}
    for _score, old_id, new_id in pairs:
        if new_id in out or old_id in taken:
            continue
        out[new_id] = (old_id, names[old_id])
        taken.add(old_id)
    return out


def _cosine(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    x, y = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    if x.shape != y.shape:
        return -1.0
    return float(x @ y / max(float(np.linalg.norm(x) * np.linalg.norm(y)), 1e-12))


def _shared_talk(before: Transcript, old_id: int, after: Transcript, new_id: int) -> float:
    """Share of the old speaker's talk time that the new speaker's segments cover."""
    old_spans = [(s.start_ms, s.end_ms) for s in before.segments if s.speaker_id == old_id]
    new_spans = [(s.start_ms, s.end_ms) for s in after.segments if s.speaker_id == new_id]
    total = sum(b - a for a, b in old_spans)
    if total <= 0:
        return 0.0
    shared = sum(
        max(0, min(b, d) - max(a, c)) for a, b in old_spans for c, d in new_spans if c < b and a < d
    )
    return shared / total


def _renumber(
    before: Transcript,
    after: Transcript,
    voices: list[SpeakerVoice],
    keep: dict[int, tuple[int, str]],
) -> tuple[Transcript, list[SpeakerVoice]]:
    """Inheriting speakers take the old id, name and colour; the others new ids after all
    old ones (so undo and redo never mix two speakers up) and "Speaker N" names."""
    old = {s.id: s for s in before.speakers}
    next_id = max([*old, 0]) + 1
    new_id: dict[int, int] = {}
    speakers: list[Speaker] = []
    for index, sp in enumerate(after.speakers):
        if sp.id in keep:
            old_id, name = keep[sp.id]
            new_id[sp.id] = old_id
            speakers.append(Speaker(old_id, sp.label, name, old[old_id].color))
        else:
            new_id[sp.id] = next_id
            speakers.append(Speaker(next_id, sp.label, sp.name, speaker_color(index)))
            next_id += 1
    result = copy.copy(after)
    result.speakers = sorted(speakers, key=lambda s: s.id)
    result.segments = [copy.copy(seg) for seg in after.segments]
    for seg in result.segments:
        if seg.speaker_id is not None:
            seg.speaker_id = new_id[seg.speaker_id]
    voices = [
        SpeakerVoice(new_id[v.speaker_id], v.model, v.vector, v.suggested_name, v.similarity)
        for v in voices
        if v.speaker_id in new_id
    ]
    return result, voices
