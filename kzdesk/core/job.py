"""A transcription job and its state machine."""

from __future__ import annotations

import enum
import time
from dataclasses import dataclass, field, replace
from typing import Any


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
    JobState.QUEUED: frozenset({JobState.CONVERTING, JobState.FAILED, JobState.CANCELLED}),
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
    AUTO = "auto"  # the engine labels speakers where it can (SpeechKit: mono, up to two)
    CHANNELS = "channels"  # each channel of a stereo file is one person
    OFF = "off"


@dataclass(frozen=True)
class Job:
    id: int
    source_path: str
    source_size: int = 0
    duration_ms: int | None = None
    language: Language = Language.KK_RU
    speakers: SpeakersMode = SpeakersMode.AUTO
    engine: str = "speechkit"
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

    def moved_to(
        self, state: JobState, *, error: str | None = None, now: float | None = None
    ) -> Job:
        """The job in a new state; raises IllegalTransition where the move is not allowed."""
        check_transition(self.state, state)
        now = time.time() if now is None else now
        changes: dict[str, Any] = {"state": state, "updated_at": now}
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
    def file_name(self) -> str:
        return self.source_path.replace("\\", "/").rsplit("/", 1)[-1]
