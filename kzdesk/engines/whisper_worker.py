"""The offline engine's child process: faster-whisper on the original recording, segments sent
as they come, the model kept loaded from one request to the next.

Started by :mod:`kzdesk.engines.whisper_process` with multiprocessing's spawn method; with
:mod:`~kzdesk.engines.whisper_decode` the only modules of kzdesk that import faster_whisper
(lazily, so the plain parts can be tested without it).

The recording is decoded block by block (:func:`kzdesk.audio.pcm.stream_pcm`), its speech
found as it streams by (:mod:`~kzdesk.engines.whisper_vad`), each region's language found when
the job has two or more (:func:`~kzdesk.engines.whisper_language.identify`), and regions in one
language joined into chunks and decoded (:mod:`~kzdesk.engines.whisper_decode`), their log-mel
features computed 30 s at a time (:mod:`~kzdesk.engines.whisper_features`). A region long
enough is identified on the very encoder output its decoding starts with when it makes a chunk
alone (:func:`~kzdesk.engines.whisper_language.identify`). Memory follows
what one window needs, whatever the recording's length: a window that falls back to sampling
draws its samples two at a time (:mod:`~kzdesk.engines.whisper_sampling`), and the C allocator
gives freed large blocks back (:mod:`~kzdesk.engines.native_memory`).

Whisper's failure modes on long recordings, and what stops each:

* invented text in silence: the VAD drops silence before decoding; the no-speech threshold
  (0.6) with the log-probability threshold (-1.0) skips windows the model itself doubts;
  ``hallucination_silence_threshold`` skips text the word timings place in silence;
* repetition loops: the compression-ratio threshold (2.4) and the log-probability threshold
  make faster-whisper decode again at higher temperatures; what still loops is caught by
  :class:`~kzdesk.engines.whisper_guard.LoopGuard`, trimmed, and decoding restarts after the
  loop without conditioning on the previous text, which is what feeds a loop.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from typing import Any

from kzdesk.core.glossary import terms_for_language
from kzdesk.core.i18n import QT_TRANSLATE_NOOP
from kzdesk.engines.whisper_guard import COMPRESSION_RATIO_THRESHOLD
from kzdesk.engines.whisper_messages import (
    Done,
    Failed,
    Loaded,
    Message,
    Progress,
    WhisperRequest,
)

SAMPLE_RATE = 16000
TEMPERATURES = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)
LOG_PROB_THRESHOLD = -1.0
NO_SPEECH_THRESHOLD = 0.6
HALLUCINATION_SILENCE_S = 2.0
PROGRESS_EVERY_S = 0.25  # at most this often while no segment arrives
# Whisper samples at higher temperatures when a window decodes badly: a fixed seed per request
# makes the same file give the same transcript every time.
RANDOM_SEED = 20240501

OUT_OF_MEMORY = QT_TRANSLATE_NOOP(
    "Messages",
    "The offline engine ran out of memory. The part transcribed so far is kept; try a "
    "smaller model or close other programs, then Retry.",
)
UNEXPECTED = QT_TRANSLATE_NOOP(
    "Messages",
    "The offline engine failed unexpectedly. The part transcribed so far is kept; Retry, and "
    "if it happens again send the log file to support.",
)

Send = Callable[[Message], None]


class _Failure(Exception):
    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


# ---- the child's life ----------------------------------------------------------------------
def serve(conn: Any) -> None:
    """The child's entry point: requests one after another until ``None`` or the parent goes.

    Every request ends with a Done or a Failed message. Out of memory ends the child too (its
    state can no longer be trusted); the parent starts a fresh one for the next request."""
    from kzdesk.engines.native_memory import give_back_free_memory, return_large_blocks

    return_large_blocks()  # memory bounded by what a request holds, not by how long it ran
    models = ModelCache()
    try:
        while True:
            try:
                request = conn.recv()
            except (EOFError, OSError):
                return  # the parent closed the pipe or died
            if request is None:
                return
            if not _handle(request, conn, models):
                return
            give_back_free_memory()  # a warm child waiting for the next file holds no more
    finally:
        conn.close()


def _handle(request: WhisperRequest, conn: Any, models: ModelCache) -> bool:
    """Run one request; False when the child should end."""
    try:
        run(request, conn.send, models)
    except MemoryError:
        models.drop()
        _safe_send(conn, Failed("crashed", OUT_OF_MEMORY))
        return False
    except _Failure as exc:
        _safe_send(conn, Failed(exc.kind, exc.message))
    except (BrokenPipeError, ConnectionResetError):
        return False  # the parent has gone
    except BaseException:
        traceback.print_exc(file=sys.stderr)  # the parent's log; the user sees a sentence
        _safe_send(conn, Failed("crashed", UNEXPECTED))
    return True


def _safe_send(conn: Any, message: Message) -> None:
    with contextlib.suppress(OSError, ValueError):  # the parent has gone
        conn.send(message)


# ---- device, threads, model ----------------------------------------------------------------
def physical_cores() -> int:
    """Physical cores (hyper-threads only slow CTranslate2 down); logical count if unknown."""
    logical = os.cpu_count() or 1
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as f:
            cores: set[tuple[str, str]] = set()
            physical = ""
            for line in f:
                key, _, value = line.partition(":")
                key = key.strip()
                if key == "physical id":
                    physical = value.strip()
                elif key == "core id":
                    cores.add((physical, value.strip()))
            if cores:
                return max(1, min(len(cores), logical))
    except OSError:
        pass
    if sys.platform == "darwin":
        try:
            import subprocess

            out = subprocess.run(
                ["sysctl", "-n", "hw.physicalcpu"], capture_output=True, text=True, timeout=5
            ).stdout
            return max(1, int(out.strip()))
        except (OSError, ValueError, subprocess.SubprocessError):
            pass
    return logical


def choose_device(device: str, compute_type: str) -> tuple[str, str]:
    """("cuda", "float16") when a GPU is there (or asked for), else ("cpu", "int8")."""
    if device == "auto":
        try:
            import ctranslate2

            device = "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"
        except Exception:
            device = "cpu"
    if compute_type == "default":
        compute_type = "float16" if device == "cuda" else "int8"
    return device, compute_type


class ModelCache:
    """The one model this child holds: loaded for the first request, kept for the next ones
    that ask for the same model, device and threads, replaced when another is asked for."""

    def __init__(self) -> None:
        self.key: tuple[str, str, str, int] | None = None
        self.model: Any = None
        self.loads = 0

    def get(self, request: WhisperRequest, send: Send) -> Any:
        device, compute_type = choose_device(request.device, request.compute_type)
        threads = request.cpu_threads or physical_cores()
        key = (request.model_path, device, compute_type, threads)
        if key == self.key and self.model is not None:
            return self.model
        self.drop()
        from faster_whisper import WhisperModel

        from kzdesk.engines.whisper_features import install as install_features
        from kzdesk.engines.whisper_language import install
        from kzdesk.engines.whisper_sampling import install as install_sampling

        try:
            model = WhisperModel(
                request.model_path, device=device, compute_type=compute_type, cpu_threads=threads
            )
        except MemoryError:
            raise
        except Exception as exc:
            raise _Failure(
                "model",
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "The Whisper model in “{folder}” could not be loaded ({reason}). "
                    "Download it again in Settings → Offline engine, or choose another model.",
                ).format(folder=request.model_path, reason=exc),
            ) from exc
        install_sampling(model)  # first: the language chooser wraps it
        install(model)
        install_features(model)
        self.model, self.key = model, key
        self.loads += 1
        send(Loaded(device, compute_type))
        return model

    def drop(self) -> None:
        self.model = self.key = None
        gc.collect()


def decode_options(request: WhisperRequest, language: str | None = None) -> dict[str, Any]:
    return {
        "beam_size": request.beam_size,
        "best_of": max(request.beam_size, 1),
        "word_timestamps": request.word_timestamps,
        "temperature": list(TEMPERATURES),
        "compression_ratio_threshold": COMPRESSION_RATIO_THRESHOLD,
        "log_prob_threshold": LOG_PROB_THRESHOLD,
        "no_speech_threshold": NO_SPEECH_THRESHOLD,
        # needs word timestamps: skips text placed in long silences
        "hallucination_silence_threshold": (
            HALLUCINATION_SILENCE_S if request.word_timestamps else None
        ),
        # the glossary terms of the language heard, before every 30-s window (an initial
        # prompt would reach only the first); see bench/proofreading.py
        "hotwords": ", ".join(terms_for_language(request.glossary, language)) or None,
    }


# ---- one request ---------------------------------------------------------------------------
def run(request: WhisperRequest, send: Send, models: ModelCache | None = None) -> None:
    """Transcribe the request's recording channel by channel; Done at the end."""
    model = (models or ModelCache()).get(request, send)
    import ctranslate2

    ctranslate2.set_random_seed(RANDOM_SEED)
    chooser = model.model  # the LanguageChooser installed in front of the CTranslate2 model
    channels = 2 if request.split_channels else 1
    length_ms = max(request.duration_ms, 1)
    total_ms = length_ms * channels
    languages: set[str] = set()
    loops = 0
    for index in range(channels):
        start_ms = request.start_ms[index] if index < len(request.start_ms) else 0
        before = index * length_ms
        reporter = _Reporter(send, before, total_ms)
        # the probed length only decides where a resumed channel is already finished
        if not start_ms or start_ms < length_ms - 200:
            language = _fixed_language(request)
            chooser.allowed = request.choose_between or None
            from kzdesk.engines.whisper_decode import Decoder

            decoder = Decoder(
                model,
                decode_options(request),
                channel=str(index),
                emit=send,
                progress=reporter.at,
                chooser=chooser,
                glossary=request.glossary,
            )
            transcribe_channel(decoder, request, index, start_ms, reporter, language)
            languages |= decoder.languages
            loops += decoder.restarts
        reporter.at(length_ms, force=True)
    send(Done(tuple(sorted(languages)), loops))


def _fixed_language(request: WhisperRequest) -> str | None:
    """The job's one language; None when it is chosen per stretch of speech."""
    if request.language is not None:
        return request.language
    if len(request.choose_between) == 1:
        return request.choose_between[0]
    return None


def transcribe_channel(
    decoder: Any,
    request: WhisperRequest,
    index: int,
    start_ms: int,
    reporter: _Reporter,
    language: str | None,
) -> None:
    """Stream one channel from ``start_ms``: speech regions -> chunks -> segments.
    ``language``: the job's one language, or None to find each region's."""
    from kzdesk.audio.errors import AudioError
    from kzdesk.audio.pcm import stream_pcm
    from kzdesk.engines.whisper_decode import ChunkPacker
    from kzdesk.engines.whisper_language import IDENTIFY_MAX_S, identify
    from kzdesk.engines.whisper_vad import RegionStream, VadSettings

    first = start_ms * SAMPLE_RATE // 1000
    blocks = stream_pcm(request.audio_path, stereo=request.split_channels, start_sample=first)
    if request.split_channels:
        blocks = (b[:, index] for b in blocks)
    packer = ChunkPacker()
    # a language to find: speech without a pause is cut (at its quietest moment) into regions
    # short enough for one language each, so a switch mid-speech starts a new chunk
    settings = VadSettings(max_region_s=IDENTIFY_MAX_S) if language is None else VadSettings()
    watched = _watched(blocks, lambda: _idle_at(regions, packer, first, reporter))
    regions = RegionStream(watched, settings)
    previous: str | None = None  # the language of the channel's region before
    try:
        for region in regions:
            found = language or identify(decoder.model, region.samples, previous)
            previous = found
            for chunk in packer.add(first + region.start, region.samples, found):
                decoder.decode(chunk)
        for chunk in packer.flush():
            decoder.decode(chunk)
    except AudioError as exc:
        raise _Failure("bad_audio", exc.message) from exc
    finally:
        forget = getattr(decoder.model.model, "forget", None)
        if forget is not None:
            forget()  # no encoder output held between requests


def _watched(blocks: Iterator[Any], between: Callable[[], None]) -> Iterator[Any]:
    for block in blocks:
        yield block
        between()


def _idle_at(regions: Any, packer: Any, first: int, reporter: _Reporter) -> None:
    """Silence decoded and nothing waiting: recognition has reached the VAD's position."""
    if regions.idle() and not packer.pending:
        reporter.at((first + regions.position) * 1000 // SAMPLE_RATE)


class _Reporter:
    """Progress of one channel: audio recognised so far over the audio of all channels."""

    def __init__(self, send: Send, before_ms: int, total_ms: int) -> None:
        self._send = send
        self._before = before_ms
        self._total = max(total_ms, 1)
        self._done = 0
        self._sent_at = 0.0

    def at(self, position_ms: int, force: bool = False) -> None:
        if position_ms <= self._done and not force:
            return
        self._done = max(self._done, position_ms)
        now = time.monotonic()
        if not force and now - self._sent_at < PROGRESS_EVERY_S:
            return
        self._sent_at = now
        fraction = min((self._before + min(self._done, self._total)) / self._total, 1.0)
        self._send(Progress(fraction, self._done))
