"""The offline engine on real Whisper base weights (int8, greedy: fast enough for CI)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from kzdesk.core.engine import AudioPiece, EngineError, FailureKind, RecognitionOptions, Utterance
from kzdesk.core.job import Language
from kzdesk.engines.whisper import WhisperEngine
from kzdesk.engines.whisper_guard import find_ngram_loop, normalize
from tests.whisper_weights import concat_wav, espeak_wav

pytestmark = pytest.mark.slow

SENTENCE = "The quick brown fox jumps over the lazy dog."


class Ctx:
    """A minimal EngineContext that records what the engine hands over."""

    def __init__(self, kept: list[Utterance] | None = None, cancel_after_s: float = 0) -> None:
        self.operation_id: str | None = None
        self.kept = kept or []
        self.stored: list[Utterance] = []
        self.fractions: list[float] = []
        self._cancel_at = time.monotonic() + cancel_after_s if cancel_after_s else None

    def will_send(self) -> None:
        raise AssertionError("a local engine sends nothing anywhere")

    def remember_operation(self, operation_id: str) -> None:
        self.operation_id = operation_id

    def keep(self, utterances: list[Utterance]) -> None:
        self.stored += utterances

    def progress(self, fraction: float, stage: str) -> None:
        self.fractions.append(fraction)

    def cancelled(self) -> bool:
        return self._cancel_at is not None and time.monotonic() >= self._cancel_at


def piece(path: Path, duration_ms: int, channels: int = 1) -> AudioPiece:
    return AudioPiece(str(path), "WAV", 0, duration_ms, channels=channels)


def duration_ms(path: Path) -> int:
    import wave

    with wave.open(str(path)) as w:
        return w.getnframes() * 1000 // w.getframerate()


@pytest.fixture
def engine(whisper_base: Path) -> WhisperEngine:
    return WhisperEngine(whisper_base, beam_size=1, device="cpu")


def test_english_speech_gives_words_with_timings(engine: WhisperEngine, tmp_path: Path) -> None:
    wav = concat_wav(tmp_path / "en.wav", [0.7, espeak_wav(tmp_path / "s.wav", SENTENCE), 0.5])
    total = duration_ms(wav)
    ctx = Ctx()
    result = engine.transcribe(piece(wav, total), RecognitionOptions(language=Language.AUTO), ctx)

    words = [w for u in result for w in u.words]
    spoken = {t for w in words for t in normalize(w.text)}
    assert {"quick", "brown", "fox", "lazy", "dog"} <= spoken
    assert all(0 <= w.start_ms <= w.end_ms <= total + 100 for w in words)
    starts = [w.start_ms for w in words]
    assert starts == sorted(starts)
    assert words[0].start_ms >= 300  # the 0.7 s of silence before the speech (±VAD padding)
    assert all(u.channel == "0" and u.language == "en" for u in result)
    assert ctx.stored == result  # every segment was handed over as it came
    assert ctx.fractions[-1] == pytest.approx(1.0)


def test_long_silence_gives_no_text(engine: WhisperEngine, tmp_path: Path) -> None:
    wav = concat_wav(tmp_path / "silence.wav", [60.0])
    options = RecognitionOptions(language=Language.KK)
    assert engine.transcribe(piece(wav, 60_000), options, Ctx()) == []


def test_repeated_speech_does_not_run_away(engine: WhisperEngine, tmp_path: Path) -> None:
    """The same sentence six times (what makes Whisper loop): at most six copies come out,
    none of them looping inside, with silence between them left empty."""
    line = espeak_wav(tmp_path / "line.wav", "I will call you back tomorrow morning.")
    parts: list[Path | float] = [0.5]
    for _ in range(6):
        parts += [line, 1.0]
    parts.append(20.0)  # a long silence after the repetitions: nothing may be invented there
    wav = concat_wav(tmp_path / "repeated.wav", parts)
    total = duration_ms(wav)
    result = engine.transcribe(piece(wav, total), RecognitionOptions(language=Language.AUTO), Ctx())

    tokens = [t for u in result for t in normalize(u.text)]
    assert 0 < tokens.count("tomorrow") <= 6
    assert len(tokens) <= 6 * 7 + 6
    assert all(find_ngram_loop(normalize(u.text)) is None for u in result)
    assert all(u.end_ms <= total - 19_000 for u in result)


def test_kazakh_or_russian_on_russian_speech(engine: WhisperEngine, tmp_path: Path) -> None:
    """Base recognises espeak Russian only roughly: check the structure, not the words."""
    speech = espeak_wav(
        tmp_path / "ru.wav",
        "Добрый день. Сегодня мы обсуждаем бюджет.",
        voice="ru",
    )
    wav = concat_wav(tmp_path / "ru-padded.wav", [0.5, speech, 0.5])
    total = duration_ms(wav)
    result = engine.transcribe(
        piece(wav, total), RecognitionOptions(language=Language.KK_RU), Ctx()
    )
    assert result
    assert {u.language for u in result} <= {"kk", "ru"}
    for u in result:
        assert 0 <= u.start_ms <= u.end_ms <= total + 100
        assert u.words
        assert all(u.start_ms - 50 <= w.start_ms <= w.end_ms <= u.end_ms + 50 for w in u.words)


def test_a_missing_model_folder_fails_with_a_sentence(tmp_path: Path) -> None:
    (tmp_path / "model").mkdir()
    (tmp_path / "model" / "model.bin").write_bytes(b"not a model")
    (tmp_path / "model" / "config.json").write_text("{}")
    wav = concat_wav(tmp_path / "short.wav", [1.0])
    engine = WhisperEngine(tmp_path / "model", beam_size=1, device="cpu")
    with pytest.raises(EngineError) as caught:
        engine.transcribe(piece(wav, 1000), RecognitionOptions(), Ctx())
    assert caught.value.kind is FailureKind.MODEL
    assert "could not be loaded" in caught.value.message


def test_cancel_ends_the_child_within_a_second(
    engine: WhisperEngine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    processes = []
    spawn = engine.process.spawn

    def spying_spawn():  # type: ignore[no-untyped-def]
        process, conn = spawn()
        processes.append(process)
        return process, conn

    monkeypatch.setattr(engine.process, "spawn", spying_spawn)
    wav = concat_wav(tmp_path / "s.wav", [espeak_wav(tmp_path / "x.wav", SENTENCE)] * 3)
    ctx = Ctx(cancel_after_s=1.5)  # the child is still loading the model or recognising
    with pytest.raises(EngineError) as caught:
        engine.transcribe(piece(wav, duration_ms(wav)), RecognitionOptions(), ctx)
    ended = time.monotonic()
    assert caught.value.kind is FailureKind.CANCELLED
    assert ended - ctx._cancel_at < 1.0  # type: ignore[operator]
    process = processes[0]
    with pytest.raises(ValueError):  # closed: it was joined after it ended
        process.is_alive()
