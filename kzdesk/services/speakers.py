"""Finding speakers after recognition, and naming them from known voices.

The pipeline calls :func:`find_speakers` once the engine's transcript is built, when the job
asks for speakers found on this computer (a number of people, a range, or automatic with an
engine that cannot label speakers) or for channels the engine did not split. Diarization runs
in a child process (:func:`kzdesk.diarization.process.diarize_in_subprocess`): cancelling ends
it, and its memory goes back to the system when it ends. Speakers whose voice is close to a
saved voice profile get that profile's name as a suggestion the user confirms in the editor.

Qt-free: progress leaves through a plain callback, cancellation arrives as a flag.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from kzdesk.core import engine_registry
from kzdesk.core.job import Job, SpeakersMode
from kzdesk.core.transcript import Speaker, Transcript
from kzdesk.core.voices import SpeakerVoice
from kzdesk.diarization.align import align_transcript
from kzdesk.diarization.pipeline import DiarizationOptions, DiarizationResult
from kzdesk.diarization.process import diarize_in_subprocess
from kzdesk.diarization.profiles import VoiceProfileStore, match_speakers

log = logging.getLogger(__name__)

VOICES_DIR = "voices"  # inside the data folder

Diarize = Callable[..., DiarizationResult]


def profile_store(data_dir: str | Path) -> VoiceProfileStore:
    """The known voices kept in the app's data folder."""
    return VoiceProfileStore(Path(data_dir) / VOICES_DIR)


def diarization_options(job: Job, *, channels: bool = False) -> DiarizationOptions:
    """What the job asks the diarization for: channels, an exact count or a range."""
    if channels:
        return DiarizationOptions(channels=True)
    count = job.speakers_count
    if count is not None:
        return DiarizationOptions(num_speakers=count)
    low, high = job.speakers_range
    return DiarizationOptions(min_speakers=low, max_speakers=high)


@dataclass
class SpeakersFound:
    transcript: Transcript
    voices: list[SpeakerVoice] = field(default_factory=list)
    speaker_count: int = 0
    method: str = ""


def find_speakers(
    transcript: Transcript,
    audio_path: str,
    job: Job,
    *,
    channels: bool = False,
    profiles: VoiceProfileStore | None = None,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    diarize: Diarize = diarize_in_subprocess,
) -> SpeakersFound:
    """``transcript`` with the speakers found in the recording at ``audio_path``: segments
    split where the speaker changes, voices kept per speaker, names suggested from
    ``profiles``. Raises Cancelled, and what the diarization raised (the caller keeps the
    engine's transcript then)."""
    options = diarization_options(job, channels=channels)
    report = progress or (lambda _f: None)
    result = diarize(
        audio_path,
        options,
        duration_s=transcript.duration_ms / 1000,
        progress=lambda fraction, _stage: report(fraction),
        cancelled=cancelled,
    )
    if not result.turns:
        log.info("job %s: no speech turns found; the engine's speakers stay", job.id)
        return SpeakersFound(transcript, [], 0, result.method)
    aligned, _overlapped = align_transcript(transcript, result.turns, channels=channels)
    aligned.overlaps = overlaps_ms(result)
    voices = speaker_voices(aligned, result)
    aligned, voices = suggest_names(aligned, voices, profiles, result.method)
    report(1.0)
    log.info(
        "job %s: %d speakers found (%s), %d named from known voices",
        job.id,
        result.speaker_count,
        result.method,
        sum(1 for v in voices if v.suggested_name),
    )
    return SpeakersFound(aligned, voices, result.speaker_count, result.method)


def overlaps_ms(result: DiarizationResult) -> list[tuple[int, int]]:
    """Where two or more people speak at once, in milliseconds."""
    return [(round(a * 1000), round(b * 1000)) for a, b in result.overlaps]


def speaker_voices(transcript: Transcript, result: DiarizationResult) -> list[SpeakerVoice]:
    """Each speaker's embedding; its label is the diarization's speaker number."""
    voices = []
    for speaker in transcript.speakers:
        if not speaker.label.isdigit():
            continue
        embedding = result.speaker_embedding(int(speaker.label))
        if embedding is None or not np.all(np.isfinite(embedding)):
            continue
        vector = tuple(float(x) for x in np.asarray(embedding, dtype=np.float32).reshape(-1))
        voices.append(SpeakerVoice(speaker.id, result.method, vector))
    return voices


def suggest_names(
    transcript: Transcript,
    voices: list[SpeakerVoice],
    profiles: VoiceProfileStore | None,
    model: str,
) -> tuple[Transcript, list[SpeakerVoice]]:
    if profiles is None or not voices:
        return transcript, voices
    try:
        known = profiles.list()
    except OSError:
        log.warning("the known voices could not be read", exc_info=True)
        return transcript, voices
    if not known:
        return transcript, voices
    matches = match_speakers(
        {v.speaker_id: np.asarray(v.vector, dtype=np.float32) for v in voices}, known, model=model
    )
    if not matches:
        return transcript, voices
    names = {sid: m.profile.name for sid, m in matches.items()}
    transcript.speakers = [
        Speaker(s.id, s.label, names[s.id], s.color) if s.id in names else s
        for s in transcript.speakers
    ]
    voices = [
        SpeakerVoice(
            v.speaker_id,
            v.model,
            v.vector,
            names[v.speaker_id],
            round(matches[v.speaker_id].similarity, 4),
        )
        if v.speaker_id in matches
        else v
        for v in voices
    ]
    return transcript, voices


def save_voice(profiles: VoiceProfileStore, voice: SpeakerVoice, name: str) -> None:
    """Keep ``voice`` as the known voice ``name`` (averaged in when that name exists)."""
    profiles.save(name, np.asarray(voice.vector, dtype=np.float32), voice.model)


def engine_split_channels(job: Job, piece_channels: list[int]) -> bool:
    """Whether the engine already gave each channel its own speaker tag (stereo pieces sent
    to an engine that splits them); otherwise the channels are told apart here."""
    return (
        job.speakers is SpeakersMode.CHANNELS
        and engine_registry.info(job.engine).splits_channels
        and bool(piece_channels)
        and all(c == 2 for c in piece_channels)
    )
