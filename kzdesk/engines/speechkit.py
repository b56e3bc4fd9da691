"""Yandex SpeechKit v3 asynchronous file recognition through ``yandex-ai-studio-sdk``.

One piece = one ``RecognizeFile`` request. The operation id reaches the context
(``remember_operation``) before any waiting, so an interrupted job resumes by polling that id
and never uploads (and pays for) the same piece twice. All SDK retries are off: the SDK's
default retry resends ``RESOURCE_EXHAUSTED`` uploads and duplicates utterances when
``GetRecognition`` breaks mid-stream. Polling and fetching are retried here instead, and the
fetched utterances are de-duplicated.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

import grpc
import grpc.aio

from kzdesk.core.engine import (
    MAX_INLINE_BYTES,
    AudioPiece,
    EngineContext,
    EngineError,
    FailureKind,
    RecognitionOptions,
    Utterance,
)
from kzdesk.core.i18n import QT_TRANSLATE_NOOP
from kzdesk.core.job import Language
from kzdesk.engines import speechkit_errors as errors
from kzdesk.engines.speechkit_connection import (
    StatusRate,
    UnaryStreamOptions,
    UnaryUnaryOptions,
    check_local,
    never_connected,
    rpc_status,
)
from kzdesk.engines.speechkit_errors import Stage
from kzdesk.engines.speechkit_result import LANGUAGE_CODES, audio_format, convert_result

log = logging.getLogger(__name__)

TRANSIENT_ATTEMPTS = 4
UPLOAD_BYTES_PER_S = 50_000  # pessimistic uplink, sets the upload deadline
CHECK_OPERATION_ID = "e03kzdeskcheck000000"  # well-formed id that does not exist
NO_SPEECH_MARKER = "missing any event with uuid"

T = TypeVar("T")


class SpeechKitEngine:
    """Implements :class:`kzdesk.core.engine.SpeechEngine` for Yandex SpeechKit v3."""

    name = "speechkit"

    def __init__(
        self,
        *,
        api_key: str,
        folder_id: str = "",
        endpoint: str | None = None,
        poll_interval_s: float = 5.0,
        connect_timeout_s: float = 15.0,
        wait_timeout_s: float = 24 * 3600,
        iam_token: str | None = None,
    ) -> None:
        if not (api_key or iam_token):
            raise EngineError(
                FailureKind.AUTH,
                QT_TRANSLATE_NOOP(
                    "Messages", "No SpeechKit API key is set. Open Settings and paste a key."
                ),
            )
        self._api_key = api_key
        self._iam_token = iam_token
        self._folder_id = folder_id
        self._endpoint = check_local(endpoint) if endpoint else None
        self.poll_interval_s = poll_interval_s
        self.connect_timeout_s = connect_timeout_s
        self.wait_timeout_s = wait_timeout_s
        self._backoff_s = min(max(poll_interval_s, 0.1), 2.0)
        self._sdk: Any = None
        self._sdk_lock = threading.Lock()

    def __repr__(self) -> str:  # never show the key
        return f"SpeechKitEngine(endpoint={self._endpoint or 'yandex'!r})"

    # ---- SDK -------------------------------------------------------------------------------
    def _client(self) -> Any:
        with self._sdk_lock:
            if self._sdk is None:
                self._sdk = self._make_sdk()
            return self._sdk

    def _make_sdk(self) -> Any:
        from yandex_ai_studio_sdk import AIStudio
        from yandex_ai_studio_sdk.auth import APIKeyAuth, IAMTokenAuth
        from yandex_ai_studio_sdk.retry import NoRetryPolicy

        # A user IAM token needs the folder header; API keys and service-account tokens don't.
        header_folder = self._folder_id if self._iam_token and self._folder_id else None
        kwargs: dict[str, Any] = {
            "folder_id": self._folder_id,
            "auth": IAMTokenAuth(self._iam_token) if self._iam_token else APIKeyAuth(self._api_key),
            "retry_policy": NoRetryPolicy(),
            "interceptors": [UnaryUnaryOptions(header_folder)],
        }
        if header_folder:
            # Streams do not wait for ready anyway; intercept them only for the header (the
            # SDK's stream proxy then logs a harmless NotImplementedError from grpc.aio).
            kwargs["interceptors"].append(UnaryStreamOptions(header_folder))
        if self._endpoint:
            kwargs.update(
                endpoint=None,
                verify=False,
                service_map={"ai-stt-v3": self._endpoint, "operation": self._endpoint},
            )
        return AIStudio(**kwargs)

    def _stt(
        self, piece: AudioPiece | None = None, options: RecognitionOptions | None = None
    ) -> Any:
        speech_to_text = self._client().speechkit.speech_to_text
        if piece is None or options is None:
            return speech_to_text(audio_format="OGG_OPUS")
        auto = options.language is Language.AUTO
        mono = piece.channels <= 1
        return speech_to_text(
            audio_format=audio_format(piece),
            model=options.model or "general",
            language_codes=LANGUAGE_CODES[options.language],
            # automatic language detection works without normalisation
            text_normalization=options.text_normalization and not auto,
            speaker_labeling=bool(
                options.speaker_labeling and mono and not options.channels_as_speakers
            ),
        )

    # ---- SpeechEngine ----------------------------------------------------------------------
    def transcribe(
        self, piece: AudioPiece, options: RecognitionOptions, ctx: EngineContext
    ) -> list[Utterance]:
        stt = self._stt(piece, options)
        if ctx.operation_id:
            log.info("resuming SpeechKit operation %s (piece %d)", ctx.operation_id, piece.index)
            operation = stt.attach_deferred(ctx.operation_id)
        else:
            operation = self._submit(stt, piece, ctx)
        self._wait(operation, piece, ctx)
        return self._fetch(operation.id)

    def cancel(self, operation_id: str) -> None:
        """Best effort: ask SpeechKit to stop the operation; errors are only logged."""
        try:
            operation = self._stt().attach_deferred(operation_id)
            self._retrying(lambda: operation.cancel(timeout=self.connect_timeout_s), Stage.CANCEL)
        except EngineError as exc:
            log.warning("could not cancel SpeechKit operation %s: %s", operation_id, exc.kind)

    def check_connection(self) -> None:
        """One cheap authenticated call; raises EngineError with a sentence when it fails."""
        operation = self._stt().attach_deferred(CHECK_OPERATION_ID)
        try:
            StatusRate.wait()
            operation.get_status(timeout=self.connect_timeout_s)
        except Exception as exc:
            code, _ = rpc_status(exc)
            if code in (grpc.StatusCode.NOT_FOUND, grpc.StatusCode.INVALID_ARGUMENT):
                return  # authenticated: the made-up operation just does not exist
            raise self._map(exc, Stage.CHECK) from exc

    # ---- steps -----------------------------------------------------------------------------
    def _submit(self, stt: Any, piece: AudioPiece, ctx: EngineContext) -> Any:
        try:
            size = os.path.getsize(piece.path)
        except OSError as exc:
            raise EngineError(
                FailureKind.BAD_AUDIO,
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "The converted audio {path} cannot be read ({reason}). Add the recording again.",
                ).format(path=f"{piece.path!r}", reason=exc.strerror),
            ) from exc
        if size > MAX_INLINE_BYTES:
            raise errors.too_large_error(size)
        if size == 0:
            raise EngineError(
                FailureKind.BAD_AUDIO,
                QT_TRANSLATE_NOOP("Messages", "The converted audio is empty."),
            )
        with open(piece.path, "rb") as fh:
            data = fh.read()
        ctx.progress(0.0, "uploading")
        timeout = self.connect_timeout_s + 60 + size / UPLOAD_BYTES_PER_S
        ctx.will_send()  # from here the service may accept the piece without us hearing of it
        try:
            operation = stt.run_deferred(data, timeout=timeout)
        except Exception as exc:
            raise self._submit_error(exc) from exc
        # before any waiting: a restart must resume this id, never upload again
        ctx.remember_operation(operation.id)
        log.info("SpeechKit accepted piece %d as operation %s", piece.index, operation.id)
        return operation

    def _wait(self, operation: Any, piece: AudioPiece, ctx: EngineContext) -> None:
        started = time.monotonic()
        while True:
            if ctx.cancelled():
                self.cancel(operation.id)
                raise errors.cancelled_error()
            elapsed = time.monotonic() - started
            # SpeechKit says only "not done yet": no fraction is invented (the queue shows the
            # time and the usual wait); the call lets the caller stop the job between polls
            ctx.progress(0.0, "recognizing")

            def poll() -> Any:
                StatusRate.wait()
                return operation.get_status(timeout=self.connect_timeout_s)

            status = self._retrying(poll, Stage.POLL, ctx)
            if status.done:
                if status.error is not None and status.error.code > 0:
                    raise errors.from_operation_error(status.error.code, status.error.message)
                return
            if elapsed > self.wait_timeout_s:
                raise errors.timeout_error(self.wait_timeout_s / 3600)
            self._sleep(self.poll_interval_s, ctx)

    def _fetch(self, operation_id: str) -> list[Utterance]:
        speech_to_text = self._client().speechkit.speech_to_text

        def fetch() -> Any:
            try:
                return speech_to_text.get_recognition_result(
                    operation_id, timeout=self.connect_timeout_s + 120
                )
            except RuntimeError as exc:
                if NO_SPEECH_MARKER in str(exc):
                    return None  # the SDK's way of saying "nothing was recognised"
                raise

        result = self._retrying(fetch, Stage.FETCH)
        if result is None:
            return []
        try:
            return convert_result(result)
        except (ValueError, AttributeError) as exc:
            log.exception("unreadable SpeechKit result for %s", operation_id)
            raise errors.unreadable_result_error() from exc

    def _submit_error(self, exc: BaseException) -> EngineError:
        """A failed RecognizeFile: an answer from the service or no connection at all means
        the piece was not accepted; a connection that broke after the request left (a lost
        reply, a deadline) may have been accepted and billed."""
        error = self._map(exc, Stage.SUBMIT)
        if error.kind is not FailureKind.UNREACHABLE or never_connected(exc):
            return error
        log.warning("the reply to a RecognizeFile request was lost; it may have been accepted")
        return EngineError(FailureKind.MAYBE_SENT, error.message)

    # ---- helpers ---------------------------------------------------------------------------
    def _retrying(
        self, action: Callable[[], T], stage: Stage, ctx: EngineContext | None = None
    ) -> T:
        """Run ``action``; on a transient failure try again a few times with backoff."""
        delay = self._backoff_s
        for attempt in range(1, TRANSIENT_ATTEMPTS + 1):
            try:
                return action()
            except Exception as exc:
                error = self._map(exc, stage)
                if error.kind is not FailureKind.UNREACHABLE or attempt == TRANSIENT_ATTEMPTS:
                    raise error from exc
                log.info(
                    "SpeechKit %s failed (attempt %d), retrying in %.1f s", stage, attempt, delay
                )
                self._sleep(delay, ctx)
                delay *= 2
        raise AssertionError("unreachable")

    def _map(self, exc: BaseException, stage: Stage) -> EngineError:
        if isinstance(exc, EngineError):
            return exc
        from yandex_ai_studio_sdk.exceptions import RunError, UnknownEndpointError

        if isinstance(exc, RunError):
            return errors.from_operation_error(exc.code, exc.message)
        if isinstance(exc, UnknownEndpointError | OSError | TimeoutError):
            return errors.unreachable_error()
        if isinstance(exc, grpc.RpcError):
            code, details = rpc_status(exc)
            return errors.from_rpc(code, details, stage)
        log.exception("unexpected SpeechKit failure at %s", stage)
        return EngineError(
            FailureKind.REMOTE,
            QT_TRANSLATE_NOOP(
                "Messages",
                "Talking to SpeechKit failed unexpectedly ({name}). Try again; if it repeats, "
                "report it with the log file.",
            ).format(name=type(exc).__name__),
        )

    @staticmethod
    def _sleep(seconds: float, ctx: EngineContext | None) -> None:
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            if ctx is not None and ctx.cancelled():
                return
            time.sleep(min(left, 0.1))
