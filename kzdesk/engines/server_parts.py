"""Small parts of the organisation server engine: how long pieces are, the language sent,
Retry-After, a piece's progress towards the pipeline, the connection test's report."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path

import httpx

from kzdesk.core.engine import EngineContext, EngineError, FailureKind, Utterance
from kzdesk.core.job import Language
from kzdesk.core.transcript import Word
from kzdesk.engines import server_errors as errors
from kzdesk.engines.server_http import Answer

MAX_PIECE_MS = 10 * 60_000  # resending after a crash costs at most this much per piece
MIN_PIECE_MS = 60_000


def server_language(language: Language) -> str | None:
    """kk or ru; none (the server detects) for Kazakh + Russian and automatic."""
    return {Language.KK: "kk", Language.RU: "ru"}.get(language)


def piece_length_ms(duration_ms: int, concurrency: int) -> int:
    """How long pieces may be: at most MAX_PIECE_MS, and as many as make whole rounds of
    ``concurrency`` requests, so that no round leaves the server half idle."""
    count = max(1, math.ceil(duration_ms / MAX_PIECE_MS))
    count = math.ceil(count / concurrency) * concurrency
    count = max(1, min(count, duration_ms // MIN_PIECE_MS))
    if count == 1:
        return MAX_PIECE_MS
    # a little longer than an even share: cuts land in the pause just before each limit
    return math.ceil(duration_ms / count * 1.05)


def retry_after_s(answer: Answer, default: float) -> float:
    """Retry-After in seconds (a number or an HTTP date), else ``default``."""
    value = answer.headers.get("retry-after", "").strip()
    if not value:
        return default
    try:
        return max(float(value), 0.0)
    except ValueError:
        pass
    try:
        return max(parsedate_to_datetime(value).timestamp() - time.time(), 0.0)
    except (TypeError, ValueError, IndexError, OverflowError):
        return default


@dataclass(frozen=True)
class ConnectionReport:
    """What "Test connection" found."""

    model: str
    seconds: float  # one second of silence, there and back
    words: bool  # the server gives word times
    models: tuple[str, ...] | None  # what /v1/models lists (None: the server has no list)


class Progress:
    """One piece's progress and state towards the pipeline (also across 413 halves)."""

    def __init__(self, ctx: EngineContext, operation: str) -> None:
        self._ctx = ctx
        self._operation = operation
        self._told = False
        self.error: EngineError | None = None  # the last connection that broke mid-piece

    def uploaded(self) -> None:
        """The audio is with the server: the job is recognising (once per piece)."""
        if not self._told:
            self._told = True
            self._ctx.remember_operation(self._operation)

    def report(self, fraction: float, stage: str = "recognizing") -> None:
        self._ctx.progress(fraction, stage)


def broke_mid_piece(exc: BaseException) -> bool:
    return isinstance(exc, httpx.RemoteProtocolError | httpx.ReadError | httpx.WriteError)


def file_size(path: str) -> int:
    try:
        return Path(path).stat().st_size
    except OSError as exc:
        raise EngineError(
            FailureKind.BAD_AUDIO, errors.UNREADABLE_PIECE.format(path=path, reason=exc.strerror)
        ) from exc


def shifted(u: Utterance, offset_ms: int) -> Utterance:
    return Utterance(
        u.channel,
        u.start_ms + offset_ms,
        u.end_ms + offset_ms,
        u.text,
        [Word(w.text, w.start_ms + offset_ms, w.end_ms + offset_ms, w.confidence) for w in u.words],
        u.language,
    )
