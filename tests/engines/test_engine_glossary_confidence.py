"""What proofreading needs from the engines: the glossary reaches Whisper as hot words, Whisper
words carry their probability, and SpeechKit's words carry a confidence only when the service
gives one (it documents its confidence as unused: 0, which must not become a flag)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzdesk.core.engine import AudioPiece, RecognitionOptions
from kzdesk.core.job import Language
from kzdesk.engines.whisper import WhisperEngine
from kzdesk.engines.whisper_guard import normalize
from kzdesk.engines.whisper_worker import decode_options
from tests.emulator.audio import synth_bursts
from tests.emulator.fixtures import RecordingContext
from tests.emulator.server import utterance
from tests.engines.test_whisper import SENTENCE, Ctx, duration_ms, piece
from tests.whisper_weights import concat_wav, espeak_wav

GLOSSARY = ("Тоқаев", "Токаев", "Астана Хаб")


def test_the_glossary_becomes_whisper_hot_words(tmp_path: Path) -> None:
    engine = WhisperEngine(tmp_path, device="cpu")
    request = engine.request_for(
        AudioPiece("a.wav", "WAV", 0, 1000), RecognitionOptions(glossary=GLOSSARY), tmp_path, []
    )
    assert request.glossary == GLOSSARY
    assert decode_options(request)["hotwords"] == "Тоқаев, Токаев, Астана Хаб"  # detecting
    assert decode_options(request, "kk")["hotwords"] == "Тоқаев, Токаев, Астана Хаб"
    assert decode_options(request, "ru")["hotwords"] == "Токаев, Астана Хаб"  # no Kazakh letter
    assert decode_options(request, "en")["hotwords"] is None  # no Latin term
    plain = engine.request_for(
        AudioPiece("a.wav", "WAV", 0, 1000), RecognitionOptions(), tmp_path, []
    )
    assert decode_options(plain)["hotwords"] is None


@pytest.mark.slow
def test_whisper_with_a_glossary_still_hears_the_sentence_and_gives_probabilities(
    whisper_base: Path, tmp_path: Path
) -> None:
    wav = concat_wav(tmp_path / "en.wav", [0.5, espeak_wav(tmp_path / "s.wav", SENTENCE), 0.5])
    engine = WhisperEngine(whisper_base, beam_size=1, device="cpu")
    options = RecognitionOptions(language=Language.AUTO, glossary=GLOSSARY)
    result = engine.transcribe(piece(wav, duration_ms(wav)), options, Ctx())
    words = [w for u in result for w in u.words]
    assert {"quick", "brown", "fox", "lazy", "dog"} <= {t for w in words for t in normalize(w.text)}
    assert all(w.confidence is not None and 0.0 <= w.confidence <= 1.0 for w in words)


@pytest.fixture(scope="module")
def mono_ogg(tmp_path_factory: pytest.TempPathFactory) -> AudioPiece:
    path = tmp_path_factory.mktemp("audio") / "mono.ogg"
    synth_bursts(str(path), [(1000, 2200), (3500, 4300)], duration_ms=5500)
    return AudioPiece(str(path), "OGG_OPUS", offset_ms=0, duration_ms=5500)


def test_speechkit_words_take_the_utterance_confidence_when_given(
    speechkit_emulator, make_speechkit_engine, mono_ogg
) -> None:
    speechkit_emulator.script(
        [
            utterance("бюджетті талқылаймыз", 1000, 2200, confidence=0.42),
            utterance("согласовать бюджет", 3500, 4300),  # as the service sends it: 0
        ]
    )
    result = make_speechkit_engine().transcribe(mono_ogg, RecognitionOptions(), RecordingContext())
    assert [w.confidence for w in result[0].words] == [pytest.approx(0.42)] * 2
    assert [w.confidence for w in result[1].words] == [None, None]  # never invented
