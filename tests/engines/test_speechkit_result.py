"""SpeechKit's answers in kzdesk's terms: formats named in a request, results as utterances."""

from __future__ import annotations

from types import SimpleNamespace as NS

import pytest

from kzdesk.core.engine import AudioPiece, EngineError, FailureKind
from kzdesk.engines.speechkit_result import audio_format, convert_result


def _utterance(text: str, start: int, end: int, *, confidence: float = 0.0, languages=None):
    span = NS(start_time_ms=start, end_time_ms=end)
    words = [NS(text=w, timespan=span) for w in text.split()]
    final = NS(words=words, confidence=confidence, languages=languages or {})
    return NS(text=text, timespan=span, finals=[final])


def test_channels_become_one_timeline_without_duplicates() -> None:
    late = _utterance("привет мир", 3000, 4000, languages={"ru-RU": 0.9, "kk-KZ": 0.1})
    early = _utterance("сәлем", 500, 1200, confidence=0.8)
    result = NS(
        channels={
            "0": NS(utterances=[late, late, _utterance("  ", 100, 200)]),  # repeated, blank
            "1": NS(utterances=[early]),
        }
    )
    utterances = convert_result(result)
    assert [(u.channel, u.start_ms, u.text) for u in utterances] == [
        ("1", 500, "сәлем"),
        ("0", 3000, "привет мир"),
    ]
    assert utterances[1].language == "ru-RU"
    assert [w.confidence for w in utterances[0].words] == [0.8]
    assert [w.confidence for w in utterances[1].words] == [None, None]  # 0 is "not given"


def test_audio_formats_speechkit_takes() -> None:
    assert audio_format(AudioPiece("a.ogg", "ogg_opus", 0, 1000)) == "OGG_OPUS"
    pcm = AudioPiece("a.raw", "LPCM", 0, 1000, channels=2, sample_rate=16000)
    assert audio_format(pcm) == "PCM16(16000, 2)"
    for bad in (
        AudioPiece("a.raw", "LPCM", 0, 1000, sample_rate=44100),
        AudioPiece("a.flac", "FLAC", 0, 1000),
    ):
        with pytest.raises(EngineError) as info:
            audio_format(bad)
        assert info.value.kind is FailureKind.BAD_AUDIO
