"""What every speech engine (SpeechKit, later Whisper) implements, in plain Python."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from kzdesk.core.job import Language
from kzdesk.core.transcript import Word


@dataclass(frozen=True)
class AudioPiece:
    """One file to send: the whole recording, or one piece of a long one."""

    path: str
    audio_format: str  # "OGG_OPUS", "MP3", "WAV" (container) or "LPCM"
    offset_ms: int  # where the piece starts in the original recording
    duration_ms: int
    channels: int = 1
    sample_rate: int = 0
    index: int = 0  # piece number within the job


@dataclass(frozen=True)
class RecognitionOptions:
    language: Language = Language.KK_RU
    speaker_labeling: bool = True  # mono, up to two speakers (SpeechKit)
    channels_as_speakers: bool = False  # stereo: each channel is a person
    model: str = "general"  # or "deferred-general"
    text_normalization: bool = True


@dataclass
class Utterance:
    """One recognised phrase, times relative to the piece it came from."""

    channel: str  # channel tag = speaker label ("0", "1")
    start_ms: int
    end_ms: int
    text: str
    words: list[Word] = field(default_factory=list)
    language: str | None = None


class FailureKind(enum.StrEnum):
    AUTH = "auth"  # wrong key: do not retry
    PERMISSION = "permission"  # missing role / folder: do not retry
    BAD_AUDIO = "bad_audio"  # the file was rejected: do not retry
    QUOTA = "quota"  # retry after minutes
    UNREACHABLE = "unreachable"  # network: retry; never resubmit an accepted file
    ADDRESS = "address"  # the service's host name does not exist or is not allowed: no retry
    EXPIRED = "expired"  # remote result gone: must resubmit
    REMOTE = "remote"  # recognition failed on the service side
    CANCELLED = "cancelled"
    NO_SPEECH = "no_speech"
    MODEL = "model"  # the offline model is missing, cannot be downloaded or is broken
    CRASHED = "crashed"  # a local engine's process died (out of memory): Retry resumes


RETRYABLE = frozenset({FailureKind.QUOTA, FailureKind.UNREACHABLE})


class EngineError(Exception):
    """A failure with a sentence for the user (what happened and what to do)."""

    def __init__(self, kind: FailureKind, message: str, *, retry_after_s: float = 0) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.retry_after_s = retry_after_s

    @property
    def retryable(self) -> bool:
        return self.kind in RETRYABLE


class EngineContext(Protocol):
    """What the pipeline gives an engine while it works on one piece."""

    operation_id: str | None  # set when resuming: poll this id, never submit again
    # Phrases of this piece kept from an interrupted earlier run (local engines): continue
    # after the last one's end instead of starting again from zero.
    kept: list[Utterance]

    def remember_operation(self, operation_id: str) -> None:
        """Called by the engine right after the service accepted the piece, before waiting."""

    def keep(self, utterances: list[Utterance]) -> None:
        """Store phrases as they arrive (local engines), so a crash, a kill or a cancel keeps
        the part already transcribed. The engine still returns every phrase of the piece."""

    def progress(self, fraction: float, stage: str) -> None: ...

    def cancelled(self) -> bool: ...


class SpeechEngine(Protocol):
    name: str

    def transcribe(
        self, piece: AudioPiece, options: RecognitionOptions, ctx: EngineContext
    ) -> list[Utterance]:
        """Recognise one piece. Raises EngineError. Empty list = no speech."""
        ...

    def cancel(self, operation_id: str) -> None:
        """Best effort: cancel a remote operation."""
        ...


ProgressCallback = Callable[[float, str], None]
