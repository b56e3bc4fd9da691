"""Recognise one phrase again in a language the user names (the editor's Edit ▸ Phrase
language ▸ Recognise again in Kazakh / Russian).

Offline recognition picks Kazakh or Russian phrase by phrase, and on a phrase of a second or two
Whisper's choice is close to a coin toss: the 1.9-s Kazakh example of bench/offline.py goes to
Russian. The user knows the language, so the editor lets them say it and has that stretch of the
recording heard again: the phrase's audio — its bounds widened by up to :data:`MARGIN_MS` into
the silence around it, never into a neighbouring phrase — is decoded from the recording into a
short WAV file and recognised by the offline engine in that language, like a job's piece. The
editor applies the result as one undoable edit (``Transcript.recognised_again``); the speaker
and the bounds stay.

Qt-free: progress leaves through a plain callback, cancellation arrives as a flag.
"""

from __future__ import annotations

import tempfile
import wave
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from kzdesk.audio.pcm import read_span
from kzdesk.core.engine import AudioPiece, RecognitionOptions, SpeechEngine, Utterance
from kzdesk.core.errors import Cancelled
from kzdesk.core.i18n import QT_TRANSLATE_NOOP
from kzdesk.core.job import Language
from kzdesk.core.transcript import Transcript, Word

RATE = 16000
STAGE_DONE = "done"
Progress = Callable[[float, str], None]  # (0..1, the engine's stage)
MARGIN_MS = 300  # of silence around the phrase heard with it (Whisper cuts a bare edge short)
LANGUAGES = {"kk": Language.KK, "ru": Language.RU}  # what a phrase can be heard again in

NOTHING_HEARD = QT_TRANSLATE_NOOP(
    "Messages",
    "Nothing was recognised in this phrase in {language}. The phrase is unchanged.",
)


@dataclass(frozen=True)
class HeardAgain:
    segment_id: int
    text: str
    language: str
    words: list[Word] = field(default_factory=list)


class _PhraseContext:
    """The engine's view of this one-off piece: nothing kept, nothing remote."""

    operation_id = None

    def __init__(self, progress: Progress, cancelled: Callable[[], bool]) -> None:
        self._progress = progress
        self._cancelled = cancelled
        self.kept: list[Utterance] = []

    def will_send(self) -> None:
        pass

    def remember_operation(self, operation_id: str) -> None:
        pass

    def keep(self, utterances: list[Utterance]) -> None:
        pass  # a phrase is heard whole again or not at all

    def progress(self, fraction: float, stage: str) -> None:
        self._progress(min(max(fraction, 0.0), 1.0), stage)

    def cancelled(self) -> bool:
        return self._cancelled()


def offline_engine(
    model: str, device: str = "auto", models_dir: Path | None = None
) -> SpeechEngine:
    """The offline engine for one phrase (Settings' model, downloaded first if missing); its
    own child process, which loads the model for each phrase and ends after it."""
    from kzdesk.engines.whisper import WhisperEngine
    from kzdesk.services import models

    return WhisperEngine(models.locator(model, models_dir), device=device)


def phrase_span(transcript: Transcript, segment_id: int) -> tuple[int, int]:
    """The stretch of the recording (ms) heard for a phrase: its bounds and up to
    :data:`MARGIN_MS` of what lies between it and its neighbours on either side."""
    i = transcript.index_of(segment_id)
    seg = transcript.segments[i]
    before = max((s.end_ms for s in transcript.segments[:i]), default=0)
    after = min((s.start_ms for s in transcript.segments[i + 1 :]), default=transcript.duration_ms)
    if after <= 0:
        after = seg.end_ms + MARGIN_MS
    start = max(0, min(seg.start_ms, max(seg.start_ms - MARGIN_MS, before)))
    end = max(seg.end_ms, min(seg.end_ms + MARGIN_MS, after))
    return start, end


def write_span(audio_path: str, start_ms: int, end_ms: int, out: Path) -> int:
    """The recording's ``start_ms``..``end_ms`` as a 16 kHz mono WAV at ``out`` (read by
    seeking: a phrase near the end of a long recording is as quick as one at its start); the
    samples written. Raises AudioError when the recording cannot be read."""
    samples = read_span(audio_path, start_ms, end_ms)
    pcm = (np.clip(samples, -1.0, 1.0) * 32767).astype("<i2")
    with wave.open(str(out), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(pcm.tobytes())
    return len(pcm)


def recognise_phrase(
    transcript: Transcript,
    segment_id: int,
    audio_path: str,
    language: str,
    engine: SpeechEngine,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> HeardAgain:
    """The phrase heard again in ``language`` ("kk" or "ru"). ``progress(fraction, stage)``:
    the engine's stages (``STAGE_ENGINE_BUSY`` while it finishes another file first). Raises
    Cancelled, AudioError, EngineError (with a sentence), ValueError for a language that
    cannot be asked for."""
    if language not in LANGUAGES:
        raise ValueError(f"a phrase cannot be recognised again in {language!r}")
    report = progress or (lambda _f, _s: None)
    stop = cancelled or (lambda: False)
    start_ms, end_ms = phrase_span(transcript, segment_id)
    with tempfile.TemporaryDirectory(prefix="kzdesk-phrase-") as folder:
        path = Path(folder) / "phrase.wav"
        samples = write_span(audio_path, start_ms, end_ms, path)
        if stop():
            raise Cancelled()
        piece = AudioPiece(
            path=str(path),
            audio_format="WAV",
            offset_ms=start_ms,
            duration_ms=samples * 1000 // RATE,
            sample_rate=RATE,
        )
        options = RecognitionOptions(language=LANGUAGES[language], speaker_labeling=False)
        heard = engine.transcribe(piece, options, _PhraseContext(report, stop))
    if stop():
        raise Cancelled()
    words = [
        Word(w.text.strip(), w.start_ms + start_ms, w.end_ms + start_ms, w.confidence)
        for u in heard
        for w in u.words
        if w.text.strip()
    ]
    text = " ".join(u.text.strip() for u in heard if u.text.strip())
    report(1.0, STAGE_DONE)
    return HeardAgain(segment_id, text, language, words)
