"""The offline engine: Whisper (faster-whisper, CTranslate2) on the user's own computer.

The parent side. Recognition runs in a child process (multiprocessing *spawn*), so an
out-of-memory kill or a native crash takes only the child down, and a cancel can end it at
once. The child sends typed messages (:mod:`kzdesk.engines.whisper_messages`) through a pipe;
each phrase is handed to the pipeline as it arrives (``ctx.keep``), so the part already
transcribed survives a crash, a kill or a cancel, and a rerun continues after the last kept
phrase's end (``ctx.kept``) instead of starting from zero.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kzdesk.audio.ffmpeg import lower_priority
from kzdesk.core.engine import (
    AudioPiece,
    EngineContext,
    EngineError,
    FailureKind,
    RecognitionOptions,
    Utterance,
)
from kzdesk.core.i18n import QT_TRANSLATE_NOOP
from kzdesk.core.job import Language
from kzdesk.core.transcript import Word
from kzdesk.engines import whisper_worker
from kzdesk.engines.whisper_messages import (
    Done,
    Failed,
    Loaded,
    Phrase,
    Progress,
    WhisperRequest,
)

log = logging.getLogger(__name__)

POLL_S = 0.2  # how often the parent looks at the cancel flag while the child works
STOP_GRACE_S = 0.5  # after terminate(), before kill()
DOWNLOAD_SHARE = 0.3  # of a piece's progress bar, when its model is downloaded first

CRASHED = QT_TRANSLATE_NOOP(
    "Messages",
    "The offline engine stopped unexpectedly (the computer may have run out of memory). "
    "The part transcribed so far is kept; try a smaller model or close other programs, "
    "then Retry.",
)
CANCELLED = QT_TRANSLATE_NOOP("Messages", "The offline transcription was cancelled.")

DownloadProgress = Callable[[int, int], None]  # (bytes done, bytes in all)
# (progress, cancelled) -> the model folder, downloading it first where needed; raises
# EngineError (FailureKind.MODEL with a sentence, or CANCELLED). Built by the engine factory.
ModelLocator = Callable[[DownloadProgress, Callable[[], bool]], Path]

# Recognition is CPU- (or GPU-) bound and each child holds a whole model in memory: one child
# at a time for the whole application, whatever the number of parallel jobs.
_one_at_a_time = threading.Semaphore(1)


def whisper_language(language: Language) -> tuple[str | None, tuple[str, ...]]:
    """(language for faster-whisper, languages to choose between when detecting)."""
    if language is Language.KK:
        return "kk", ()
    if language is Language.RU:
        return "ru", ()
    if language is Language.KK_RU:
        return None, ("kk", "ru")
    return None, ()


def resume_points(kept: list[Utterance], channels: int, duration_ms: int) -> tuple[int, ...]:
    """Where each channel continues: after the last kept phrase's end.

    Channels are transcribed one after the other, so a phrase kept in channel 1 means
    channel 0 is finished."""
    ends = [0] * channels
    for u in kept:
        index = int(u.channel) if u.channel.isdigit() and int(u.channel) < channels else 0
        ends[index] = max(ends[index], u.end_ms)
    for index in range(channels - 1):
        if any(ends[later] for later in range(index + 1, channels)):
            ends[index] = duration_ms + 1
    return tuple(ends)


def utterance(phrase: Phrase) -> Utterance:
    return Utterance(
        channel=phrase.channel,
        start_ms=phrase.start_ms,
        end_ms=max(phrase.end_ms, phrase.start_ms),
        text=phrase.text,
        language=phrase.language,
        words=[Word(w.text.strip(), w.start_ms, w.end_ms, w.probability) for w in phrase.words],
    )


class WhisperEngine:
    name = "whisper"

    def __init__(
        self,
        model: ModelLocator | str | Path,
        *,
        device: str = "auto",
        compute_type: str = "default",
        beam_size: int = 5,
        cpu_threads: int = 0,
    ) -> None:
        """``model``: a CTranslate2 model folder, or a locator that finds (or downloads) one."""
        if isinstance(model, str | Path):
            folder = Path(model)
            self.locate: ModelLocator = lambda _progress, _cancelled: folder
        else:
            self.locate = model
        self.device = device
        self.compute_type = compute_type
        self.beam_size = beam_size
        self.cpu_threads = cpu_threads
        self._mp = multiprocessing.get_context("spawn")

    # ---- SpeechEngine ---------------------------------------------------------------------
    def transcribe(
        self, piece: AudioPiece, options: RecognitionOptions, ctx: EngineContext
    ) -> list[Utterance]:
        downloaded = False

        def download_progress(done: int, total: int) -> None:
            nonlocal downloaded
            downloaded = True
            if total:
                ctx.progress(DOWNLOAD_SHARE * min(done / total, 1.0), "downloading model")

        model_path = self.locate(download_progress, ctx.cancelled)
        kept = list(getattr(ctx, "kept", None) or [])
        request = self.request_for(piece, options, model_path, kept)
        with self._slot(ctx):
            keep = getattr(ctx, "keep", None)
            if keep is not None:
                keep([])  # marks the piece as started (RECOGNIZING) before the model loads
            new = self._run_child(request, ctx, DOWNLOAD_SHARE if downloaded else 0.0)
        return kept + new

    def cancel(self, operation_id: str) -> None:
        """Nothing remote to cancel: the child ends when the context says cancelled."""

    # ---- pieces of the work ---------------------------------------------------------------
    def request_for(
        self,
        piece: AudioPiece,
        options: RecognitionOptions,
        model_path: Path,
        kept: list[Utterance],
    ) -> WhisperRequest:
        language, choose = whisper_language(options.language)
        split = options.channels_as_speakers and piece.channels == 2
        channels = 2 if split else 1
        return WhisperRequest(
            model_path=str(model_path),
            audio_path=piece.path,
            language=language,
            choose_between=choose,
            device=self.device,
            compute_type=self.compute_type,
            cpu_threads=self.cpu_threads,
            beam_size=self.beam_size,
            split_channels=split,
            start_ms=resume_points(kept, channels, piece.duration_ms),
            glossary=options.glossary,
        )

    @contextlib.contextmanager
    def _slot(self, ctx: EngineContext):
        while not _one_at_a_time.acquire(timeout=POLL_S):
            if ctx.cancelled():
                raise EngineError(FailureKind.CANCELLED, CANCELLED)
        try:
            yield
        finally:
            _one_at_a_time.release()

    def spawn(self, request: WhisperRequest) -> tuple[Any, Any]:
        """Start the child; (process, the parent's end of the pipe)."""
        receiver, sender = self._mp.Pipe(duplex=False)
        process = self._mp.Process(
            target=whisper_worker.main, args=(request, sender), name="kzdesk-whisper", daemon=True
        )
        process.start()
        sender.close()  # the child holds the only sending end: EOF when it dies
        lower_priority(process.pid)
        return process, receiver

    def _run_child(
        self, request: WhisperRequest, ctx: EngineContext, base: float
    ) -> list[Utterance]:
        process, conn = self.spawn(request)
        phrases: list[Utterance] = []
        keep = getattr(ctx, "keep", None)
        try:
            while True:
                if ctx.cancelled():
                    raise EngineError(FailureKind.CANCELLED, CANCELLED)
                if not conn.poll(POLL_S):
                    if process.is_alive() or conn.poll(0):
                        continue
                    raise self._crashed(process)
                try:
                    message = conn.recv()
                except (EOFError, OSError):
                    raise self._crashed(process) from None
                if isinstance(message, Phrase):
                    u = utterance(message)
                    phrases.append(u)
                    if keep is not None:
                        keep([u])
                elif isinstance(message, Progress):
                    ctx.progress(base + (1 - base) * message.fraction, "recognizing")
                elif isinstance(message, Loaded):
                    log.info(
                        "whisper %s loaded on %s (%s)",
                        request.model_path,
                        message.device,
                        message.compute_type,
                    )
                elif isinstance(message, Failed):
                    raise EngineError(_kind(message.kind), message.message)
                elif isinstance(message, Done):
                    if message.loops_cut:
                        log.info("whisper loop guard restarted %d times", message.loops_cut)
                    return phrases
        finally:
            conn.close()
            stop(process)

    @staticmethod
    def _crashed(process: Any) -> EngineError:
        process.join(STOP_GRACE_S)
        log.warning("the whisper child ended without finishing (exit code %s)", process.exitcode)
        return EngineError(FailureKind.CRASHED, CRASHED)


def _kind(value: str) -> FailureKind:
    try:
        return FailureKind(value)
    except ValueError:
        return FailureKind.CRASHED


def stop(process: Any) -> None:
    """End the child within a second: wait briefly if it is finishing, else terminate, kill."""
    deadline = time.monotonic() + STOP_GRACE_S
    process.join(0.05)
    if process.is_alive():
        process.terminate()
        process.join(max(deadline - time.monotonic(), 0.05))
    if process.is_alive():
        process.kill()
        process.join(STOP_GRACE_S)
    with contextlib.suppress(ValueError):
        process.close()
