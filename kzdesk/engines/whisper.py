"""The offline engine: Whisper (faster-whisper, CTranslate2) on the user's own computer.

The parent side. Recognition runs in a child process (:mod:`kzdesk.engines.whisper_process`)
that reads the original recording itself — no converted copy is made — and stays warm between
the jobs of a batch. The child sends typed messages (:mod:`kzdesk.engines.whisper_messages`);
each segment is handed to the pipeline as it arrives (``ctx.keep``), so the part already
transcribed survives a crash, a kill or a cancel, and a rerun continues after the last kept
segment's end (``ctx.kept``) instead of starting from zero. Progress is the audio recognised
over the recording's length.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from pathlib import Path

from kzdesk.core.engine import (
    AudioPiece,
    EngineContext,
    EngineError,
    FailureKind,
    RecognitionOptions,
    Utterance,
)
from kzdesk.core.job import STAGE_ENGINE_BUSY, STAGE_LOCAL, STAGE_MODEL_DOWNLOAD, Language
from kzdesk.core.transcript import Word
from kzdesk.engines.whisper_messages import Loaded, Progress, Segment, WhisperRequest
from kzdesk.engines.whisper_process import CANCELLED, CRASHED, POLL_S, WhisperProcess

log = logging.getLogger(__name__)

__all__ = ["CANCELLED", "CRASHED", "WhisperEngine", "WhisperProcess"]

DownloadProgress = Callable[[int, int], None]  # (bytes done, bytes in all)
# (progress, cancelled) -> the model folder, downloading it first where needed; raises
# EngineError (FailureKind.MODEL with a sentence, or CANCELLED). Built by the engine factory.
ModelLocator = Callable[[DownloadProgress, Callable[[], bool]], Path]

# Recognition is CPU- (or GPU-) bound and each child holds a whole model in memory: one child
# works at a time for the whole application, whatever the number of parallel jobs.
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
    """Where each channel continues: after the last kept segment's end.

    Channels are transcribed one after the other, so a segment kept in channel 1 means
    channel 0 is finished."""
    ends = [0] * channels
    for u in kept:
        index = int(u.channel) if u.channel.isdigit() and int(u.channel) < channels else 0
        ends[index] = max(ends[index], u.end_ms)
    for index in range(channels - 1):
        if any(ends[later] for later in range(index + 1, channels)):
            ends[index] = duration_ms + 1
    return tuple(ends)


def utterance(segment: Segment) -> Utterance:
    return Utterance(
        channel=segment.channel,
        start_ms=segment.start_ms,
        end_ms=max(segment.end_ms, segment.start_ms),
        text=segment.text,
        language=segment.language,
        words=[Word(w.text.strip(), w.start_ms, w.end_ms, w.probability) for w in segment.words],
    )


class WhisperEngine:
    name = "whisper"
    runs_locally = True  # reads the original recording: the pipeline converts nothing for it

    def __init__(
        self,
        model: ModelLocator | str | Path,
        *,
        device: str = "auto",
        compute_type: str = "default",
        beam_size: int = 5,
        cpu_threads: int = 0,
        process: WhisperProcess | None = None,
    ) -> None:
        """``model``: a CTranslate2 model folder, or a locator that finds (or downloads) one.
        ``process``: a child kept warm across jobs (the engine factory's); by default the
        engine starts its own child for each piece."""
        if isinstance(model, str | Path):
            folder = Path(model)
            self.locate: ModelLocator = lambda _progress, _cancelled: folder
        else:
            self.locate = model
        self.device = device
        self.compute_type = compute_type
        self.beam_size = beam_size
        self.cpu_threads = cpu_threads
        self.process = process if process is not None else WhisperProcess(keep_warm=False)

    # ---- SpeechEngine ---------------------------------------------------------------------
    def transcribe(
        self, piece: AudioPiece, options: RecognitionOptions, ctx: EngineContext
    ) -> list[Utterance]:
        def download_progress(done: int, total: int) -> None:
            if total:
                ctx.progress(min(done / total, 1.0), STAGE_MODEL_DOWNLOAD)

        model_path = self.locate(download_progress, ctx.cancelled)
        kept = list(getattr(ctx, "kept", None) or [])
        request = self.request_for(piece, options, model_path, kept)
        with self._slot(ctx), self.process.claimed(ctx.cancelled):
            keep = getattr(ctx, "keep", None)
            if keep is not None:
                keep([])  # marks the piece as started (RECOGNIZING) before the model loads
            ctx.progress(_done_fraction(request), STAGE_LOCAL)
            new = self._run(request, ctx)
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
            duration_ms=piece.duration_ms,
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
        if not _one_at_a_time.acquire(blocking=False):
            ctx.progress(0.0, STAGE_ENGINE_BUSY)  # another file is being recognised
            while not _one_at_a_time.acquire(timeout=POLL_S):
                if ctx.cancelled():
                    raise EngineError(FailureKind.CANCELLED, CANCELLED)
        try:
            yield
        finally:
            _one_at_a_time.release()

    def _run(self, request: WhisperRequest, ctx: EngineContext) -> list[Utterance]:
        segments: list[Utterance] = []
        keep = getattr(ctx, "keep", None)

        def on_message(message: object) -> None:
            if isinstance(message, Segment):
                u = utterance(message)
                segments.append(u)
                if keep is not None:
                    keep([u])
            elif isinstance(message, Progress):
                ctx.progress(message.fraction, STAGE_LOCAL)
            elif isinstance(message, Loaded):
                log.info(
                    "whisper %s loaded on %s (%s)",
                    request.model_path,
                    message.device,
                    message.compute_type,
                )

        done = self.process.run(request, on_message, ctx.cancelled)
        if done.loops_cut:
            log.info("whisper loop guard restarted %d times", done.loops_cut)
        return segments


def _done_fraction(request: WhisperRequest) -> float:
    """How much of the piece earlier runs already recognised (a resumed piece)."""
    length = max(request.duration_ms, 1)
    done = sum(min(start, length) for start in request.start_ms)
    return min(done / (length * len(request.start_ms)), 1.0)
