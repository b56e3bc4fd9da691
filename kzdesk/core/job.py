"""A transcription job and its state machine."""

from __future__ import annotations

import enum
import time
from dataclasses import dataclass, field, replace
from typing import Any

from kzdesk.core import engine_registry


class JobState(enum.StrEnum):
    QUEUED = "queued"
    CONVERTING = "converting"
    UPLOADING = "uploading"
    RECOGNIZING = "recognizing"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def is_active(self) -> bool:
        return self in ACTIVE_STATES

    @property
    def is_final(self) -> bool:
        return self in FINAL_STATES


ACTIVE_STATES = frozenset({JobState.CONVERTING, JobState.UPLOADING, JobState.RECOGNIZING})
FINAL_STATES = frozenset({JobState.DONE, JobState.FAILED, JobState.CANCELLED})

_ALLOWED: dict[JobState, frozenset[JobState]] = {
    # QUEUED -> QUEUED: a job waiting to retry is queued afresh (the user's Retry runs it at
    # once; a new transient failure gives it a new reason to wait).
    JobState.QUEUED: frozenset(
        {JobState.QUEUED, JobState.CONVERTING, JobState.FAILED, JobState.CANCELLED}
    ),
    # CONVERTING -> RECOGNIZING happens when a resumed job already has its remote operation.
    JobState.CONVERTING: frozenset(
        {
            JobState.UPLOADING,
            JobState.RECOGNIZING,
            JobState.QUEUED,
            JobState.FAILED,
            JobState.CANCELLED,
        }
    ),
    # UPLOADING <-> RECOGNIZING alternate when a long file is sent in pieces.
    JobState.UPLOADING: frozenset(
        {JobState.RECOGNIZING, JobState.QUEUED, JobState.FAILED, JobState.CANCELLED}
    ),
    JobState.RECOGNIZING: frozenset(
        {
            JobState.UPLOADING,
            JobState.DONE,
            JobState.QUEUED,
            JobState.FAILED,
            JobState.CANCELLED,
        }
    ),
    # Retry puts a finished job back in the queue.
    JobState.DONE: frozenset({JobState.QUEUED}),
    JobState.FAILED: frozenset({JobState.QUEUED}),
    JobState.CANCELLED: frozenset({JobState.QUEUED}),
}


class IllegalTransition(ValueError):
    def __init__(self, old: JobState, new: JobState) -> None:
        super().__init__(f"a job cannot go from {old.value} to {new.value}")
        self.old = old
        self.new = new


def check_transition(old: JobState, new: JobState) -> None:
    if new not in _ALLOWED[old]:
        raise IllegalTransition(old, new)


class Language(enum.StrEnum):
    """What the user says the recording is in."""

    KK_RU = "kk-ru"
    KK = "kk"
    RU = "ru"
    AUTO = "auto"


class SpeakersMode(enum.StrEnum):
    # SpeechKit labels up to two people on mono; other engines: found on this computer (2..8)
    AUTO = "auto"
    COUNT = "count"  # exactly options["speakers_count"] people, found on this computer
    RANGE = "range"  # between options["speakers_min"] and ["speakers_max"], on this computer
    CHANNELS = "channels"  # each channel of a stereo file is one person
    OFF = "off"


MAX_SPEAKERS = 20
DEFAULT_SPEAKER_RANGE = (2, 8)  # what "Between 2 and 8 people" asks for
# AUTO found on this computer: one person is a real answer there (a monologue, a dictation)
AUTO_SPEAKER_RANGE = (1, 8)
# Job.stage: what a running job does inside its state (RECOGNIZING), for the queue and the CLI
STAGE_SPEAKERS = "speakers"  # the speakers of a recognised recording are found
STAGE_LOCAL = "local"  # an engine on this computer recognises (nothing is uploaded)
STAGE_MODEL_DOWNLOAD = "model-download"  # the offline engine's model is being downloaded
STAGE_ENGINE_BUSY = "engine-busy"  # waiting while the offline engine works on another file


def speakers_choice(text: str) -> tuple[SpeakersMode, dict[str, int]]:
    """``auto|channels|off|count|range``, ``N`` (exactly N people) or ``MIN-MAX`` as a mode
    and the job options it needs. Raises ValueError for anything else."""
    text = text.strip().lower()
    try:
        mode = SpeakersMode(text)
    except ValueError:
        pass
    else:
        if mode is SpeakersMode.COUNT:
            raise ValueError("say how many people: a number such as 3")
        low, high = DEFAULT_SPEAKER_RANGE
        return mode, (
            {"speakers_min": low, "speakers_max": high} if mode is SpeakersMode.RANGE else {}
        )
    low_text, dash, high_text = text.replace("..", "-").replace("–", "-").partition("-")
    if not low_text.isdigit() or (dash and not high_text.isdigit()):
        raise ValueError(f"“{text}” is not auto, channels, off, a number or a range like 2-8")
    if not dash:
        return SpeakersMode.COUNT, {"speakers_count": _people(int(low_text))}
    low, high = _people(int(low_text)), _people(int(high_text))
    if low > high:
        raise ValueError("the smallest number of people must come first, as in 2-8")
    return SpeakersMode.RANGE, {"speakers_min": low, "speakers_max": high}


def _people(n: int) -> int:
    if not 1 <= n <= MAX_SPEAKERS:
        raise ValueError(f"the number of people must be between 1 and {MAX_SPEAKERS}")
    return n


@dataclass(frozen=True)
class Job:
    id: int
    source_path: str
    source_size: int = 0
    duration_ms: int | None = None
    language: Language = Language.KK_RU
    speakers: SpeakersMode = SpeakersMode.AUTO
    engine: str = engine_registry.DEFAULT_ENGINE
    options: dict[str, Any] = field(default_factory=dict)
    state: JobState = JobState.QUEUED
    attempts: int = 0
    operation_id: str | None = None
    error: str | None = None
    progress: float = 0.0
    duplicate_of: int | None = None
    created_at: float = field(default_factory=time.time)
    updated_at: float = field(default_factory=time.time)
    started_at: float | None = None
    finished_at: float | None = None
    # What a running job does inside its state (STAGE_*) and how far that stage is (0..1);
    # kept in memory only, since a job interrupted mid-stage is put back in the queue anyway.
    stage: str = ""
    stage_progress: float = 0.0
    # Where the transcript goes when the job is done: {"formats": [...], "out_dir": ...,
    # "options": {...}} given on the command line; None: the settings' automatic export.
    export_request: dict[str, Any] | None = None
    exported_at: float | None = None  # when the owed export was written (None: still owed)
    export_note: str | None = None  # a sentence about the export (a free name, a failure)
    # While a remote engine recognises (SpeechKit reports no progress): since when this wait
    # runs and how long such a wait usually takes here (None: no estimate). In memory only.
    waiting_since: float | None = None
    expected_wait_s: float | None = None

    def moved_to(
        self, state: JobState, *, error: str | None = None, now: float | None = None
    ) -> Job:
        """The job in a new state; raises IllegalTransition where the move is not allowed."""
        check_transition(self.state, state)
        now = time.time() if now is None else now
        changes: dict[str, Any] = {
            "state": state,
            "updated_at": now,
            "stage": "",
            "stage_progress": 0.0,
        }
        if state is JobState.CONVERTING and self.state is JobState.QUEUED:
            changes["attempts"] = self.attempts + 1
            changes["started_at"] = now
            changes["error"] = None
            changes["progress"] = 0.0
        if state.is_final:
            changes["finished_at"] = now
        if state is JobState.DONE:
            changes["progress"] = 1.0
        if state is JobState.QUEUED:
            changes["finished_at"] = None
            changes["error"] = None
        if error is not None:
            changes["error"] = error
        return replace(self, **changes)

    @property
    def waiting_retry(self) -> bool:
        """Queued again after a transient failure; ``error`` says why it waits."""
        return self.state is JobState.QUEUED and bool(self.error)

    @property
    def paused(self) -> bool:
        """Running, but waiting for disk space; ``error`` says so (kept in memory only)."""
        return self.state.is_active and bool(self.error)

    @property
    def speakers_count(self) -> int | None:
        """The exact number of people (COUNT), else None."""
        if self.speakers is not SpeakersMode.COUNT:
            return None
        return _clamp_people(self.options.get("speakers_count"), DEFAULT_SPEAKER_RANGE[0])

    @property
    def speakers_range(self) -> tuple[int, int]:
        """(fewest, most) people looked for when the count is found automatically."""
        if self.speakers is not SpeakersMode.RANGE:
            return (
                AUTO_SPEAKER_RANGE if self.speakers is SpeakersMode.AUTO else DEFAULT_SPEAKER_RANGE
            )
        low = _clamp_people(self.options.get("speakers_min"), DEFAULT_SPEAKER_RANGE[0])
        high = _clamp_people(self.options.get("speakers_max"), DEFAULT_SPEAKER_RANGE[1])
        return min(low, high), max(low, high)

    @property
    def diarizes_locally(self) -> bool:
        """Whether speakers are found on this computer after recognition (the engine's own
        labels are used for AUTO with an engine that labels speakers (SpeechKit), channels
        and off)."""
        if self.speakers in (SpeakersMode.COUNT, SpeakersMode.RANGE):
            return True
        labels_speakers = engine_registry.info(self.engine).labels_speakers
        return self.speakers is SpeakersMode.AUTO and not labels_speakers

    @property
    def file_name(self) -> str:
        return self.source_path.replace("\\", "/").rsplit("/", 1)[-1]


def _clamp_people(value: Any, default: int) -> int:
    try:
        n = int(value)
    except (TypeError, ValueError):
        return default
    return min(max(n, 1), MAX_SPEAKERS)
