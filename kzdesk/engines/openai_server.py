"""The organisation server engine: recordings go to a self-hosted transcription server that
speaks OpenAI's audio API (vLLM, speaches, faster-whisper servers, or a hosted service).

Each piece is one ``POST {base}/v1/audio/transcriptions`` (multipart: the audio, ``model``,
``response_format=verbose_json``, ``timestamp_granularities[]`` word and segment, ``language``
kk or ru, none for automatic). Pieces are 16 kHz mono FLAC — the very samples Whisper works on
— cut at pauses under the server's upload limit and short enough that ``concurrency`` of them
keep the server busy together (kzdesk.services.piece_pool sends them at once; one semaphore
per engine bounds the requests in flight across all jobs).

There is nothing to poll on such a server: a piece's answer is its result. The pipeline
stores each result as it comes; a crash or a Cancel sends only the unfinished pieces again
(the operation id is a local one, see core.engine.LOCAL_OPERATION).

Inside one piece the engine rides out what a busy server does: 429 waits for Retry-After,
5xx is retried with backoff, 413 cuts the piece in two at a pause (and remembers the smaller
limit for the next pieces). What it cannot fix becomes a sentence (kzdesk.engines.server_errors).
"""

from __future__ import annotations

import contextlib
import logging
import math
import shutil
import tempfile
import threading
import time
import uuid
from dataclasses import replace
from pathlib import Path

from kzdesk.audio.split import cut_exact, plan_cuts
from kzdesk.core.engine import (
    LOCAL_OPERATION,
    AudioPiece,
    EngineContext,
    EngineError,
    FailureKind,
    PiecePlan,
    RecognitionOptions,
    Utterance,
)
from kzdesk.engines import server_errors as errors
from kzdesk.engines import server_models
from kzdesk.engines.server_http import Answer, ServerClient, shown
from kzdesk.engines.server_models import model_problem
from kzdesk.engines.server_parts import (
    ConnectionReport,
    Progress,
    broke_mid_piece,
    file_size,
    piece_length_ms,
    retry_after_s,
    server_language,
    shifted,
)
from kzdesk.engines.server_reply import ReplyError, utterances_from_reply

log = logging.getLogger(__name__)

POLL_S = 0.2  # how often a waiting piece looks at the job's Cancel
MULTIPART_MARGIN = 8 * 1024  # form fields and headers around the audio
MIN_UPLOAD_BYTES = 64 * 1024  # below this a 413 is not about the piece but the server
UPLOAD_SHARE = 0.1  # of a piece's progress bar
STALL_BASE_S = 120.0  # the read timeout: this plus STALL_PER_AUDIO_S per second of audio
STALL_PER_AUDIO_S = 1.5  # ... times the pieces that may be queued at the server before it
SERVER_ERROR_DELAYS_S = (2.0, 5.0, 15.0)  # 5xx: retried after these, then the queue retries
BROKEN_DELAYS_S = (1.0, 3.0)  # a connection that broke mid-piece
BUSY_TRIES = 6  # 429 answers waited out per piece before the queue takes over
BUSY_WAIT_MAX_S = 300.0  # a longer Retry-After goes back to the queue with that delay
BUSY_DEFAULT_S = 10.0  # 429 without Retry-After
MAX_SPLITS = 4  # 413: a piece is halved at most this many times


class ServerEngine:
    name = "server"

    def __init__(
        self,
        base_url: str,
        *,
        api_key: str | None = None,
        model: str = "whisper-1",
        concurrency: int = 2,
        max_upload_bytes: int = 25_000_000,
        connect_timeout_s: float = 10.0,
        stall_timeout_s: float | None = None,
        delay_scale: float = 1.0,
        verify: object = None,
    ) -> None:
        """``stall_timeout_s`` overrides the read timeout (else it grows with the piece);
        ``delay_scale`` shortens the waits between tries (tests). Raises EngineError for a
        key that cannot go into an HTTP header."""
        if api_key and not (api_key.isascii() and api_key.isprintable()):
            raise EngineError(FailureKind.AUTH, errors.KEY_UNUSABLE)
        self.client = ServerClient(
            base_url,
            api_key,
            connections=concurrency,
            connect_timeout_s=connect_timeout_s,
            verify=verify,
        )
        self.url = shown(self.client.base)
        self.has_key = bool(api_key)
        self.model = model
        self.concurrency = max(concurrency, 1)
        self.max_upload_bytes = max_upload_bytes
        self.stall_timeout_s = stall_timeout_s
        self.delay_scale = delay_scale
        self._slots = threading.Semaphore(self.concurrency)
        self._lock = threading.Lock()
        self._seconds_per_audio_s = 0.25  # learned from answered pieces (progress estimate)

    # ---- what the pipeline asks ---------------------------------------------------------------
    def piece_plan(self, duration_ms: int) -> PiecePlan:
        return PiecePlan(
            encoding="flac",
            max_bytes=max(self.max_upload_bytes - MULTIPART_MARGIN, MIN_UPLOAD_BYTES),
            max_piece_ms=piece_length_ms(duration_ms, self.concurrency),
            mono=True,
        )

    def transcribe(
        self, piece: AudioPiece, options: RecognitionOptions, ctx: EngineContext
    ) -> list[Utterance]:
        fields: dict[str, str | list[str]] = {
            "model": self.model,
            "response_format": "verbose_json",
            "timestamp_granularities[]": ["word", "segment"],
        }
        language = server_language(options.language)
        if language:
            fields["language"] = language
        operation = ctx.operation_id or f"{LOCAL_OPERATION}server-{uuid.uuid4().hex[:12]}"
        sent = Progress(ctx, operation)
        return self._send(piece, fields, ctx, sent, splits=0)

    def cancel(self, operation_id: str) -> None:
        """Nothing to cancel: the server has no operations, a left piece is just not awaited."""

    def check_connection(self) -> ConnectionReport:
        """One second of silence there and back (Settings → Test connection)."""
        return server_models.check_connection(self)

    def close(self) -> None:
        self.client.close()

    # ---- one piece, with what a busy server needs ------------------------------------------------
    def _send(
        self,
        piece: AudioPiece,
        fields: dict[str, str | list[str]],
        ctx: EngineContext,
        sent: Progress,
        *,
        splits: int,
    ) -> list[Utterance]:
        size = file_size(piece.path)
        if size > self.max_upload_bytes - MULTIPART_MARGIN and splits < MAX_SPLITS:
            return self._halves(piece, fields, ctx, sent, splits)
        failures = busy = broken = 0
        while True:
            answer = self.exchange(piece, fields, ctx, sent)
            status = answer.status
            if 200 <= status < 300:
                return self._read(answer, piece)
            if status == 413:
                self._learn_limit(size)
                if splits >= MAX_SPLITS or size < MIN_UPLOAD_BYTES:
                    raise EngineError(
                        FailureKind.BAD_AUDIO,
                        errors.TOO_LARGE.format(url=self.url, size=max(size // 2048, 1)),
                    )
                return self._halves(piece, fields, ctx, sent, splits)
            if status == 429:
                busy += 1
                wait = retry_after_s(answer, BUSY_DEFAULT_S * busy)
                if busy > BUSY_TRIES or wait > BUSY_WAIT_MAX_S:
                    raise EngineError(
                        FailureKind.QUOTA,
                        errors.BUSY.format(url=self.url, seconds=round(wait)),
                        retry_after_s=wait,
                        gave_up=errors.SERVER_ERROR_GAVE_UP.format(url=self.url, status=429),
                    )
                log.info("server busy (429): waiting %.1f s before sending again", wait)
                self._wait(wait, ctx)
                continue
            if status >= 500:
                failures += 1
                if failures > len(SERVER_ERROR_DELAYS_S):
                    raise EngineError(
                        FailureKind.UNREACHABLE,
                        errors.SERVER_ERROR.format(url=self.url, status=status),
                        gave_up=errors.SERVER_ERROR_GAVE_UP.format(url=self.url, status=status),
                    )
                log.warning("server error %s: trying again (%d)", status, failures)
                self._wait(SERVER_ERROR_DELAYS_S[failures - 1], ctx)
                continue
            if status == -1:  # the connection broke after the request left
                broken += 1
                if broken > len(BROKEN_DELAYS_S):
                    raise sent.error or errors.cancelled()
                self._wait(BROKEN_DELAYS_S[broken - 1], ctx)
                continue
            raise self.refusal(answer)

    def exchange(
        self,
        piece: AudioPiece,
        fields: dict[str, str | list[str]],
        ctx: EngineContext,
        sent: Progress,
    ) -> Answer:
        """One request (waiting for a free slot first); raises EngineError for network
        failures other than a connection that broke mid-piece (then status -1)."""
        audio_s = piece.duration_ms / 1000
        timeout = self.stall_timeout_s or (
            STALL_BASE_S + STALL_PER_AUDIO_S * audio_s * self.concurrency
        )
        with self._slot(ctx):
            try:
                exchange = self.client.start_transcription(
                    piece.path, piece.audio_format, fields, read_timeout_s=timeout
                )
            except OSError as exc:
                raise EngineError(
                    FailureKind.BAD_AUDIO,
                    errors.UNREADABLE_PIECE.format(path=piece.path, reason=exc.strerror),
                ) from exc
            started = time.monotonic()
            expected = max(audio_s * self._seconds_per_audio_s, 1.0)
            while not exchange.done.wait(POLL_S):
                if ctx.cancelled():
                    exchange.abandon()
                    raise errors.cancelled()
                if exchange.uploaded:
                    sent.uploaded()
                    waited = time.monotonic() - started
                    sent.report(
                        UPLOAD_SHARE + (0.95 - UPLOAD_SHARE) * (1 - math.exp(-waited / expected))
                    )
                else:
                    share = exchange.upload.sent / max(exchange.upload.size, 1)
                    sent.report(UPLOAD_SHARE * share, "uploading")
        if exchange.error is not None:
            failure = errors.network_error(exchange.error, self.url, waited_s=timeout)
            if broke_mid_piece(exchange.error):
                sent.error = failure
                return Answer(-1, {}, b"", 0.0)
            raise failure from exchange.error
        assert exchange.answer is not None
        sent.uploaded()
        if 200 <= exchange.answer.status < 300 and audio_s > 0:
            with self._lock:  # a running average of the server's speed
                rate = exchange.answer.seconds / audio_s
                self._seconds_per_audio_s = 0.7 * self._seconds_per_audio_s + 0.3 * rate
        return exchange.answer

    def _read(self, answer: Answer, piece: AudioPiece) -> list[Utterance]:
        try:
            return utterances_from_reply(answer.json(), piece.duration_ms)
        except (UnicodeDecodeError, ValueError) as exc:  # ReplyError is a ValueError
            reason = str(exc) if isinstance(exc, ReplyError) else "not JSON"
            log.warning("unexpected reply from the server: %s: %r", reason, answer.body[:300])
            raise EngineError(
                FailureKind.REMOTE,
                errors.NOT_A_TRANSCRIPTION.format(url=self.url, detail=reason),
            ) from exc

    def refusal(self, answer: Answer) -> EngineError:
        status = answer.status
        if status == 401:
            sentence = errors.KEY_REJECTED if self.has_key else errors.NEEDS_KEY
            return EngineError(FailureKind.AUTH, sentence.format(url=self.url))
        if status == 403:
            return EngineError(
                FailureKind.PERMISSION, errors.FORBIDDEN.format(url=self.url, model=self.model)
            )
        if status == 404:
            return EngineError(FailureKind.MODEL, model_problem(self.client, self.url, self.model))
        if status in (400, 415, 422):
            return EngineError(
                FailureKind.REMOTE,
                errors.REFUSED.format(
                    url=self.url, status=status, detail=errors.detail(answer.body)
                ),
            )
        return EngineError(
            FailureKind.ADDRESS, errors.UNEXPECTED_STATUS.format(url=self.url, status=status)
        )

    def _halves(
        self,
        piece: AudioPiece,
        fields: dict[str, str | list[str]],
        ctx: EngineContext,
        sent: Progress,
        splits: int,
    ) -> list[Utterance]:
        """413: the piece in two at a pause, each sent (and halved again if need be)."""
        folder = Path(tempfile.mkdtemp(prefix="kzdesk-server-"))
        try:
            half = piece.duration_ms // 2 + piece.duration_ms // 20
            cuts = plan_cuts(Path(piece.path), piece.duration_ms, half, cancelled=ctx.cancelled)
            parts = cut_exact(Path(piece.path), cuts, folder, cancelled=ctx.cancelled)
            log.info("piece %s halved for the server's upload limit", piece.index)
            segments: list[Utterance] = []
            for part in parts:
                end = part.end_ms if part.end_ms >= 0 else piece.duration_ms
                sub = replace(
                    piece, path=str(part.path), audio_format="FLAC", duration_ms=end - part.start_ms
                )
                for u in self._send(sub, fields, ctx, sent, splits=splits + 1):
                    segments.append(shifted(u, part.start_ms))
            return segments
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    # ---- small helpers ------------------------------------------------------------------------
    @contextlib.contextmanager
    def _slot(self, ctx: EngineContext):
        while not self._slots.acquire(timeout=POLL_S):
            if ctx.cancelled():
                raise errors.cancelled()
        try:
            yield
        finally:
            self._slots.release()

    def _wait(self, seconds: float, ctx: EngineContext) -> None:
        deadline = time.monotonic() + seconds * self.delay_scale
        while (left := deadline - time.monotonic()) > 0:
            if ctx.cancelled():
                raise errors.cancelled()
            time.sleep(min(POLL_S, left))

    def _learn_limit(self, size: int) -> None:
        with self._lock:
            smaller = max(int(size * 0.8), MIN_UPLOAD_BYTES)
            if smaller < self.max_upload_bytes:
                log.warning(
                    "the server refused %d bytes (413): pieces are kept under %d bytes now",
                    size,
                    smaller,
                )
                self.max_upload_bytes = smaller
