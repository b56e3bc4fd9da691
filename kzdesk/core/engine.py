"""What every speech engine (SpeechKit, Whisper) implements, in plain Python."""

from __future__ import annotations

import enum
import time
from dataclasses import dataclass, field
from typing import Protocol

from kzdesk.core.i18n import QT_TRANSLATE_NOOP
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
    # Names and terms of this recording (the job's own glossary): the offline engine hears them
    # as hot words; SpeechKit's async API takes none.
    glossary: tuple[str, ...] = ()


@dataclass
class Utterance:
    """One recognised segment, times relative to the piece it came from."""

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
    # The request left but no answer came back (the connection broke, the reply was lost):
    # the service may have accepted (and billed) it. Never sent again without the user's word.
    MAYBE_SENT = "maybe_sent"


RETRYABLE = frozenset({FailureKind.QUOTA, FailureKind.UNREACHABLE})


class EngineError(Exception):
    """A failure with a sentence for the user (what happened and what to do).

    ``gave_up``: the sentence once the pipeline has spent its retries on a retryable failure
    (None: the pipeline's own, which speaks of SpeechKit)."""

    def __init__(
        self,
        kind: FailureKind,
        message: str,
        *,
        retry_after_s: float = 0,
        gave_up: str | None = None,
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.retry_after_s = retry_after_s
        self.gave_up = gave_up

    @property
    def retryable(self) -> bool:
        return self.kind in RETRYABLE


# The most a recognition request may carry inline (SpeechKit: "60 MB"; decimal megabytes to
# stay on the safe side). One limit for both sides: a file converts or splits unless it is
# this small, and the engine refuses nothing the conversion let through.
MAX_INLINE_BYTES = 60_000_000


@dataclass(frozen=True)
class PiecePlan:
    """How an engine wants a recording prepared; an engine may offer ``piece_plan(duration_ms)``
    returning one (engines without it get SpeechKit's: OGG Opus under MAX_INLINE_BYTES, stereo
    kept where each channel is a person)."""

    encoding: str = "opus"  # "opus": 16 kHz OGG Opus; "flac": 16 kHz FLAC (lossless)
    max_bytes: int = MAX_INLINE_BYTES
    max_piece_ms: int = 4 * 3600 * 1000 - 60_000
    mono: bool = False  # the engine hears one channel: channels are told apart on this computer


# Operation ids of engines with nothing remote to poll (those on this computer, and a server
# whose answer is the result): a resumed piece is read (or sent) again; kept segments of a
# local engine say where to continue.
LOCAL_OPERATION = "local-"

MAYBE_SENT_MESSAGE = QT_TRANSLATE_NOOP(
    "Messages",
    "This recording may already have been sent to SpeechKit at {time}, but its answer never "
    "came back (the connection broke or kzdesk stopped). Sending it again may bill it twice. "
    "Press Retry to send it again.",
)


def maybe_sent_error(since: float, *, now: float | None = None) -> EngineError:
    """The piece left at ``since`` (a Unix time) and no operation id came back."""
    return EngineError(FailureKind.MAYBE_SENT, MAYBE_SENT_MESSAGE.format(time=clock(since, now)))


def clock(moment: float, now: float | None = None) -> str:
    """``14:05`` for a moment today, ``28.11 14:05`` for another day (local time)."""
    local = time.localtime(moment)
    today = time.localtime(time.time() if now is None else now)
    if local[:3] == today[:3]:
        return time.strftime("%H:%M", local)
    return time.strftime("%d.%m %H:%M", local)


class EngineContext(Protocol):
    """What the pipeline gives an engine while it works on one piece."""

    @property
    def operation_id(self) -> str | None:
        """Set when resuming: poll this id, never submit again."""

    @property
    def kept(self) -> list[Utterance]:
        """Segments of this piece kept from an interrupted earlier run (local engines): continue
        after the last one's end instead of starting again from zero."""

    def will_send(self) -> None:
        """Called by the engine just before the piece leaves for the service: until
        ``remember_operation`` the piece may be accepted without kzdesk knowing its id."""

    def remember_operation(self, operation_id: str) -> None:
        """Called by the engine right after the service accepted the piece, before waiting."""

    def keep(self, utterances: list[Utterance]) -> None:
        """Store segments as they arrive (local engines), so a crash, a kill or a cancel keeps
        the part already transcribed. The engine still returns every segment of the piece."""

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
