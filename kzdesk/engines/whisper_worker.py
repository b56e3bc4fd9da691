"""The offline engine's child process: faster-whisper on one piece, phrases sent as they come.

Started by :mod:`kzdesk.engines.whisper` with multiprocessing's spawn method; the only module
of kzdesk that imports faster_whisper (lazily, so the loop guard can be tested without it).

Whisper's failure modes on long recordings, and what stops each:

* invented text in silence: the VAD filter drops silence before decoding; the no-speech
  threshold (0.6) with the log-probability threshold (-1.0) skips windows the model itself
  doubts; ``hallucination_silence_threshold`` skips text the word timings place in silence;
* repetition loops: the compression-ratio threshold (2.4) and the log-probability threshold
  make faster-whisper decode again at higher temperatures; what still loops is caught here by
  :class:`LoopGuard` (a phrase that repeats the previous one, or an n-gram repeated within a
  phrase, or text that compresses too well), trimmed, and recognition restarts from the loop's
  end *without* conditioning on the previous text, which is what feeds a loop.
"""

from __future__ import annotations

import contextlib
import os
import sys
import traceback
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

from kzdesk.core.glossary import terms_for_language
from kzdesk.core.i18n import QT_TRANSLATE_NOOP
from kzdesk.engines.whisper_messages import (
    Done,
    Failed,
    Loaded,
    Message,
    Phrase,
    Progress,
    WhisperRequest,
    WordInfo,
)

SAMPLE_RATE = 16000
TEMPERATURES = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)
COMPRESSION_RATIO_THRESHOLD = 2.4
LOG_PROB_THRESHOLD = -1.0
NO_SPEECH_THRESHOLD = 0.6
HALLUCINATION_SILENCE_S = 2.0
MIN_RESTART_STEP_MS = 1000
LANGUAGE_SAMPLE_S = 30

OUT_OF_MEMORY = QT_TRANSLATE_NOOP(
    "Messages",
    "The offline engine ran out of memory. The part transcribed so far is kept; try a "
    "smaller model or close other programs, then Retry.",
)

Send = Callable[[Message], None]


def main(request: WhisperRequest, conn: Any) -> None:
    """The child's entry point: every outcome ends with a Done or a Failed message."""
    try:
        run(request, conn.send)
    except MemoryError:
        _safe_send(conn, Failed("crashed", OUT_OF_MEMORY))
    except _Failure as exc:
        _safe_send(conn, Failed(exc.kind, exc.message))
    except BaseException:
        traceback.print_exc(file=sys.stderr)  # the parent's log; the user sees a sentence
        _safe_send(
            conn,
            Failed(
                "crashed",
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "The offline engine failed unexpectedly. The part transcribed so far is "
                    "kept; Retry, and if it happens again send the log file to support.",
                ),
            ),
        )
    finally:
        conn.close()


def _safe_send(conn: Any, message: Message) -> None:
    with contextlib.suppress(OSError, ValueError):  # the parent has gone
        conn.send(message)


class _Failure(Exception):
    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


# ---- device and threads -------------------------------------------------------------------
def physical_cores() -> int:
    """Physical cores (hyper-threads only slow CTranslate2 down); logical count if unknown."""
    logical = os.cpu_count() or 1
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as f:
            cores: set[tuple[str, str]] = set()
            physical = core = ""
            for line in f:
                key, _, value = line.partition(":")
                key = key.strip()
                if key == "physical id":
                    physical = value.strip()
                elif key == "core id":
                    core = value.strip()
                    cores.add((physical, core))
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


# ---- the child's work ----------------------------------------------------------------------
def run(request: WhisperRequest, send: Send) -> None:
    from faster_whisper import WhisperModel, decode_audio

    device, compute_type = choose_device(request.device, request.compute_type)
    try:
        model = WhisperModel(
            request.model_path,
            device=device,
            compute_type=compute_type,
            cpu_threads=request.cpu_threads or physical_cores(),
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
    try:
        decoded = decode_audio(request.audio_path, split_stereo=request.split_channels)
    except Exception as exc:
        raise _Failure(
            "bad_audio",
            QT_TRANSLATE_NOOP(
                "Messages",
                "The offline engine could not read the audio of this recording. Check that the "
                "file plays, then Retry.",
            ),
        ) from exc
    channels = list(decoded) if request.split_channels else [decoded]
    total = sum(len(c) for c in channels) or 1
    send(Loaded(device, compute_type, _ms(len(channels[0]))))

    languages: list[str | None] = []
    loops = 0
    done_before = 0
    for index, samples in enumerate(channels):
        start_ms = request.start_ms[index] if index < len(request.start_ms) else 0
        length_ms = _ms(len(samples))
        if start_ms < length_ms - 200:
            language = pick_language(model, samples, start_ms, request)
            languages.append(language)

            def progress(
                position_ms: int, before: int = done_before, length: int = length_ms
            ) -> None:
                samples_done = before + min(position_ms, length) * SAMPLE_RATE // 1000
                send(Progress(min(samples_done / total, 1.0), position_ms))

            loops += transcribe_channel(
                model,
                samples,
                channel=str(index),
                start_ms=start_ms,
                language=language,
                options=decode_options(request, language),
                emit=send,
                progress=progress,
            )
        done_before += len(samples)
        send(Progress(min(done_before / total, 1.0), length_ms))
    send(Done(next((lang for lang in languages if lang), None), loops))


def _ms(samples: int) -> int:
    return samples * 1000 // SAMPLE_RATE


def decode_options(request: WhisperRequest, language: str | None = None) -> dict[str, Any]:
    return {
        "beam_size": request.beam_size,
        "best_of": max(request.beam_size, 1),
        "word_timestamps": request.word_timestamps,
        "vad_filter": request.vad_filter,
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


def pick_language(model: Any, samples: Any, start_ms: int, request: WhisperRequest) -> str | None:
    """The request's language, or for "detect among kk, ru" the likelier of the two."""
    if request.language is not None or not request.choose_between:
        return request.language
    start = start_ms * SAMPLE_RATE // 1000
    window = samples[start : start + LANGUAGE_SAMPLE_S * SAMPLE_RATE * 4]
    try:
        _lang, _prob, probabilities = model.detect_language(audio=window, vad_filter=True)
    except Exception:
        return request.choose_between[0]
    scores = dict(probabilities)
    return max(request.choose_between, key=lambda code: scores.get(code, 0.0))


# ---- the loop guard ------------------------------------------------------------------------
def normalize(text: str) -> list[str]:
    """Lower-case words without punctuation: what "the same text" compares."""
    cleaned = "".join(ch.lower() if ch.isalnum() else " " for ch in text)
    return cleaned.split()


def compression_ratio(text: str) -> float:
    """As Whisper computes it: text that zlib shrinks a lot repeats itself."""
    data = text.encode("utf-8")
    return len(data) / max(len(zlib.compress(data)), 1)


def find_ngram_loop(tokens: list[str], max_n: int = 8) -> tuple[int, int] | None:
    """(start, n) of the first n-gram repeated back to back too often to be speech.

    A word 5 times in a row, a two-word group 4 times, a longer group 3 times."""
    for start in range(len(tokens)):
        for n in range(1, max_n + 1):
            needed = 5 if n == 1 else 4 if n == 2 else 3
            if start + n * needed > len(tokens):
                break
            gram = tokens[start : start + n]
            if all(tokens[start + k * n : start + (k + 1) * n] == gram for k in range(needed)):
                return start, n
    return None


@dataclass(frozen=True)
class Verdict:
    action: str  # "keep", "drop" (a repeat of the previous phrase), "loop" (restart)
    phrase: Phrase | None = None  # what to keep (trimmed for a loop; None = nothing)
    restart_ms: int = 0  # for "loop": where recognition starts again


class LoopGuard:
    """Checks each phrase as it arrives against the ones before it."""

    LONG_WORDS = 3  # a repeat of a phrase this long is a loop symptom, not speech
    SHORT_REPEATS = 3  # "Да. Да. Да." is speech; the fourth in a row is not

    def __init__(self) -> None:
        self._last: list[str] = []
        self._repeats = 0

    def check(self, phrase: Phrase) -> Verdict:
        tokens = normalize(phrase.text)
        if not tokens:
            return Verdict("drop")
        loop = find_ngram_loop(tokens)
        if loop is not None:
            trimmed = self._trim(phrase, loop)
            self._remember(normalize(trimmed.text) if trimmed else [])
            return Verdict("loop", trimmed, self._restart_after(trimmed, phrase))
        if len(phrase.text) > 40 and compression_ratio(phrase.text) > COMPRESSION_RATIO_THRESHOLD:
            return Verdict("loop", None, phrase.end_ms)
        if tokens == self._last:
            self._repeats += 1
            long = len(tokens) >= self.LONG_WORDS
            if long and self._repeats >= 2:
                return Verdict("loop", None, phrase.end_ms)
            if long or self._repeats >= self.SHORT_REPEATS:
                return Verdict("drop")
            return Verdict("keep", phrase)
        self._remember(tokens)
        return Verdict("keep", phrase)

    def _remember(self, tokens: list[str]) -> None:
        self._last = tokens
        self._repeats = 0

    @staticmethod
    def _restart_after(trimmed: Phrase | None, phrase: Phrase) -> int:
        if trimmed is not None and trimmed.words:
            return trimmed.end_ms
        return phrase.end_ms

    @staticmethod
    def _trim(phrase: Phrase, loop: tuple[int, int]) -> Phrase | None:
        """The phrase up to the loop, with one copy of the repeated words."""
        start, n = loop
        keep = start + n
        if phrase.words and sum(len(normalize(w.text)) for w in phrase.words) == len(
            normalize(phrase.text)
        ):
            words: list[WordInfo] = []
            count = 0
            for word in phrase.words:
                if count >= keep:
                    break
                words.append(word)
                count += len(normalize(word.text))
            text = "".join(w.text for w in words).strip()
            if not text:
                return None
            return replace(phrase, text=text, words=tuple(words), end_ms=words[-1].end_ms)
        text = " ".join(phrase.text.split()[:keep]).strip()
        return replace(phrase, text=text, words=()) if text else None


def _phrase(segment: Any, offset_ms: int, channel: str, language: str | None) -> Phrase:
    words = tuple(
        WordInfo(
            text=w.word,
            start_ms=offset_ms + round(w.start * 1000),
            end_ms=offset_ms + round(w.end * 1000),
            probability=float(w.probability),
        )
        for w in (segment.words or ())
    )
    return Phrase(
        channel=channel,
        start_ms=offset_ms + round(segment.start * 1000),
        end_ms=offset_ms + round(segment.end * 1000),
        text=segment.text.strip(),
        language=language,
        words=words,
    )


def transcribe_channel(
    model: Any,
    samples: Any,
    *,
    channel: str,
    start_ms: int,
    language: str | None,
    options: dict[str, Any],
    emit: Send,
    progress: Callable[[int], None],
) -> int:
    """Transcribe one channel from ``start_ms``, guarding against loops; return restarts."""
    length_ms = _ms(len(samples))
    position = max(start_ms, 0)
    condition = True
    restarts = 0
    guard = LoopGuard()
    while position < length_ms - 200:
        clip = samples[position * SAMPLE_RATE // 1000 :]
        segments, info = model.transcribe(
            clip, language=language, condition_on_previous_text=condition, **options
        )
        detected = language or getattr(info, "language", None)  # "auto": what Whisper found
        restart_at = _consume(segments, guard, position, channel, detected, emit, progress)
        if restart_at is None:
            break
        restarts += 1
        position = max(restart_at, position + MIN_RESTART_STEP_MS)
        condition = False  # what fed the loop must not feed the next window
    return restarts


def _consume(
    segments: Iterable[Any],
    guard: LoopGuard,
    offset_ms: int,
    channel: str,
    language: str | None,
    emit: Send,
    progress: Callable[[int], None],
) -> int | None:
    """Send the segments that pass the guard; where to restart when one loops, else None."""
    for segment in segments:
        phrase = _phrase(segment, offset_ms, channel, language)
        verdict = guard.check(phrase)
        if verdict.phrase is not None:
            emit(verdict.phrase)
        progress(phrase.end_ms)
        if verdict.action == "loop":
            return verdict.restart_ms
    return None
