"""Who spoke when, on the user's computer: the use case the transcription pipeline calls.

``diarize_audio`` reads the recording once through ffmpeg (block by block), finds speech with
Silero VAD, embeds 1.6 s windows with the GE2E encoder, clusters them and returns speaker
turns. ``diarize`` also aligns the turns to an engine's words (SpeechKit or Whisper shaped
utterances, or a whole Transcript). Progress goes to a plain callback, ``cancelled()`` is
checked between blocks and batches, and :func:`diarize_in_subprocess` runs it all in a child
process so the model's memory is returned when it ends.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from kzdesk.audio.errors import Cancelled
from kzdesk.core.engine import Utterance
from kzdesk.core.transcript import Transcript
from kzdesk.diarization import segmentation as seg
from kzdesk.diarization.align import AlignedUtterance, align_transcript, align_utterances
from kzdesk.diarization.audio_input import RATE, decode_blocks
from kzdesk.diarization.channels import ChannelLevels, channel_turns
from kzdesk.diarization.clustering import cluster_segments
from kzdesk.diarization.embeddings import Embedder, default_embedder
from kzdesk.diarization.features import MelStream
from kzdesk.diarization.vad import StreamingVad, speech_regions

Progress = Callable[[float, str], None]
WINDOW_HOP = 120  # frames between window starts: 1.2 s, windows overlap by a quarter
MERGE_GAP_S = 0.5  # one speaker's pauses shorter than this stay inside the turn
SEGMENT_WINDOWS = 6  # windows averaged into one clustering segment (about 7 s of speech)


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
    turns: list[seg.SpeakerTurn]
    speaker_count: int
    duration_s: float
    method: str  # "channels" or the embedder's name
    peak_rss_kb: int = 0  # of the child process, when run by diarize_in_subprocess
    centroids: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), np.float32))

    def speaker_embedding(self, speaker: int) -> np.ndarray | None:
        """Unit voice embedding of one speaker (for voice profiles); None for channels."""
        if speaker < len(self.centroids):
            return self.centroids[speaker]
        return None


def _no_progress(_fraction: float, _stage: str) -> None:
    pass


def _never() -> bool:
    return False


def diarize_audio(
    path: str,
    options: DiarizationOptions = DiarizationOptions(),
    *,
    duration_s: float = 0.0,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    embedder: Embedder | None = None,
) -> DiarizationResult:
    """Speaker turns of the recording at ``path``. ``duration_s`` (if known) makes the
    decoding stage's progress exact. Raises AudioError, Cancelled."""
    report = progress or _no_progress
    stop = cancelled or _never
    if options.channels:
        return _diarize_channels(path, duration_s, report, stop)
    embedder = embedder or default_embedder()
    mel_stream, vad = MelStream(), StreamingVad()
    decoded = 0
    report(0.0, "reading")
    for block in decode_blocks(path, cancelled=stop):
        mel_stream.feed(block)
        vad.feed(block)
        decoded += len(block)
        if duration_s > 0:
            report(min(0.3, 0.3 * decoded / RATE / duration_s), "reading")
    mel, energy = mel_stream.finish()
    regions = speech_regions(vad.finish())
    total_s = decoded / RATE
    windows = seg.make_windows(regions, len(mel), hop=WINDOW_HOP)
    if not windows:
        turns = [seg.SpeakerTurn(s, e, 0) for s, e in regions]
        report(1.0, "done")
        return DiarizationResult(turns, 1 if turns else 0, total_s, embedder.name)
    embeddings = _embed(embedder, mel, energy, windows, report, stop)
    report(0.9, "clustering")
    labels, centroids = cluster_segments(
        embeddings,
        _segment_ids(windows, regions),
        n_speakers=options.num_speakers,
        min_speakers=options.min_speakers,
        max_speakers=options.max_speakers,
    )
    scores, weight = seg.frame_scores(windows, embeddings @ centroids.T, len(mel))
    turns = seg.turns_from_frames(regions, scores, weight, close_margin=0.03)
    turns = seg.merge_adjacent(turns, max_gap_s=MERGE_GAP_S)
    used = sorted(
        {t.speaker for t in turns}, key=lambda s: min(t.start_s for t in turns if t.speaker == s)
    )
    remap = {old: new for new, old in enumerate(used)}
    turns = [seg.SpeakerTurn(t.start_s, t.end_s, remap[t.speaker], t.overlap) for t in turns]
    report(1.0, "done")
    del labels
    return DiarizationResult(turns, len(used), total_s, embedder.name, centroids=centroids[used])


def _embed(
    embedder: Embedder,
    mel: np.ndarray,
    energy: np.ndarray,
    windows: list[tuple[int, int]],
    report: Progress,
    stop: Callable[[], bool],
    batch: int = 128,
) -> np.ndarray:
    parts = []
    for i in range(0, len(windows), batch):
        if stop():
            raise Cancelled()
        parts.append(embedder.embed(mel, energy, windows[i : i + batch]))
        report(0.3 + 0.6 * min(1.0, (i + batch) / len(windows)), "voices")
    return np.concatenate(parts)


def _segment_ids(windows: list[tuple[int, int]], regions: list[tuple[float, float]]) -> np.ndarray:
    """Consecutive windows of one speech region, SEGMENT_WINDOWS at a time."""
    region_starts = np.array([seg.frame_of(s) for s, _ in regions])
    region_of = np.searchsorted(region_starts, [a for a, _ in windows], side="right") - 1
    ids = np.zeros(len(windows), dtype=np.int64)
    current, run = -1, 0
    for i in range(len(windows)):
        if i == 0 or region_of[i] != region_of[i - 1] or run >= SEGMENT_WINDOWS:
            current, run = current + 1, 0
        ids[i] = current
        run += 1
    return ids


def _diarize_channels(
    path: str, duration_s: float, report: Progress, stop: Callable[[], bool]
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


@dataclass
class Diarized:
    result: DiarizationResult
    utterances: list[AlignedUtterance] | None = None
    transcript: Transcript | None = None
    overlapped_segments: set[int] = field(default_factory=set)


def diarize(
    audio_path: str,
    target: Transcript | list[Utterance],
    options: DiarizationOptions = DiarizationOptions(),
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Diarized:
    """Diarize the recording and give every word of ``target`` its speaker, splitting phrases
    where the speaker changes. Utterance times must be on the recording's timeline."""
    duration_s = 0.0
    if isinstance(target, Transcript):
        duration_s = target.duration_ms / 1000
    result = diarize_audio(
        audio_path, options, duration_s=duration_s, progress=progress, cancelled=cancelled
    )
    if isinstance(target, Transcript):
        transcript, overlapped = align_transcript(target, result.turns, channels=options.channels)
        return Diarized(result, transcript=transcript, overlapped_segments=overlapped)
    return Diarized(result, utterances=align_utterances(target, result.turns))
