"""Who spoke when, on the user's computer: the use case the transcription pipeline calls.

``diarize_audio`` reads the recording once through ffmpeg (block by block); pyannote's
segmentation-3.0 finds up to three local speakers (and where two overlap) in 10 s chunks,
CAM++ embeds each local speaker's voice, clustering tells how many people there are and who is
who, and every frame keeps as many people as were heard there (evidence.py, clustering.py,
reconstruct.py); the caller gives the turns to a transcript's words with
:func:`kzdesk.diarization.align.align_transcript`. Progress goes to a plain callback,
``cancelled()`` is checked between chunks, and :func:`kzdesk.diarization.process.diarize_in_subprocess` runs
it all in a child process so the models' memory is returned when it ends.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from kzdesk.diarization.audio_input import RATE, decode_blocks
from kzdesk.diarization.channels import ChannelLevels, channel_turns
from kzdesk.diarization.clustering import cluster
from kzdesk.diarization.evidence import Evidence, gather
from kzdesk.diarization.models import EMBEDDING_MODEL
from kzdesk.diarization.reconstruct import by_first_appearance, speaker_frames, turns_from_frames
from kzdesk.diarization.turns import SpeakerTurn, overlap_regions

Progress = Callable[[float, str], None]


@dataclass(frozen=True)
class DiarizationOptions:
    """What the user chose for one job. ``channels``: each channel of a stereo file is a person
    (no model). Otherwise ``num_speakers`` fixes the count, or it is found between
    ``min_speakers`` and ``max_speakers``."""

    channels: bool = False
    num_speakers: int | None = None
    min_speakers: int = 1
    max_speakers: int = 8

    def __post_init__(self) -> None:
        if self.num_speakers is not None and not 1 <= self.num_speakers <= 20:
            raise ValueError("the number of speakers must be between 1 and 20")
        if not 1 <= self.min_speakers <= self.max_speakers <= 20:
            raise ValueError("the speaker range must satisfy 1 <= min <= max <= 20")


@dataclass
class DiarizationResult:
    turns: list[SpeakerTurn]
    speaker_count: int
    duration_s: float
    method: str  # "channels" or the embedding model's name
    peak_rss_kb: int = 0  # of the child process, when run by diarize_in_subprocess
    centroids: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), np.float32))

    def speaker_embedding(self, speaker: int) -> np.ndarray | None:
        """Unit voice embedding of one speaker (for voice profiles); None for channels."""
        if speaker < len(self.centroids):
            return self.centroids[speaker]
        return None

    @property
    def overlaps(self) -> list[tuple[float, float]]:
        """Where two or more people speak at once (seconds)."""
        return overlap_regions(self.turns)


def _no_progress(_fraction: float, _stage: str) -> None:
    pass


def diarize_audio(
    path: str,
    options: DiarizationOptions = DiarizationOptions(),
    *,
    duration_s: float = 0.0,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> DiarizationResult:
    """Speaker turns of the recording at ``path``. ``duration_s`` (if known) makes progress
    exact. Raises AudioError, Cancelled, ModelsMissing."""
    report = progress or _no_progress
    if options.channels:
        return _diarize_channels(path, duration_s, report, cancelled)
    report(0.0, "reading")
    evidence = gather(
        decode_blocks(path, cancelled=cancelled),
        total_samples=int(duration_s * RATE),
        progress=lambda f: report(0.95 * f, "voices"),
        cancelled=cancelled,
    )
    report(0.95, "clustering")
    result = result_from_evidence(evidence, options)
    report(1.0, "done")
    return result


def result_from_evidence(evidence: Evidence, options: DiarizationOptions) -> DiarizationResult:
    """Clustering and reconstruction only (the models have run): cheap to repeat."""
    clusters = cluster(
        evidence,
        n_speakers=options.num_speakers,
        min_speakers=options.min_speakers,
        max_speakers=options.max_speakers,
    )
    turns = turns_from_frames(speaker_frames(evidence, clusters), evidence.duration_s)
    turns, order = by_first_appearance(turns)
    centroids = clusters.centroids[order] if order else clusters.centroids[:0]
    return DiarizationResult(
        turns, len(order), evidence.duration_s, EMBEDDING_MODEL, centroids=centroids
    )


def _diarize_channels(
    path: str, duration_s: float, report: Progress, stop: Callable[[], bool] | None
) -> DiarizationResult:
    levels = ChannelLevels()
    decoded = 0
    for block in decode_blocks(path, channels=2, cancelled=stop):
        levels.feed(block)
        decoded += len(block)
        if duration_s > 0:
            report(min(0.95, decoded / RATE / duration_s), "reading")
    turns = channel_turns(levels.finish())
    report(1.0, "done")
    count = len({t.speaker for t in turns})
    return DiarizationResult(turns, count, decoded / RATE, "channels")
