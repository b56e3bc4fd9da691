"""In automatic mode a short region keeps the previous region's language unless Whisper is
clearly surer of another: a few seconds of speech are too little for its language token."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
from faster_whisper import decode_audio

from kzdesk.engines.whisper_language import SHORT_REGION_S, SWITCH_RATIO, settled
from kzdesk.engines.whisper_messages import Segment, WhisperRequest
from kzdesk.engines.whisper_worker import ModelCache, run
from tests.realspeech import real
from tests.whisper_weights import FFMPEG, SENTENCES, concat_wav, espeak_wav


def scores(*pairs: tuple[str, float]) -> list[tuple[str, float]]:
    return [(f"<|{code}|>", p) for code, p in pairs]


# Whisper base on a 1.6-s espeak "Good morning everyone." (see whisper_language.py)
UNSURE = scores(("tl", 0.59), ("en", 0.14), ("es", 0.09), ("ja", 0.03))


def test_a_short_unsure_region_keeps_the_previous_language() -> None:
    assert settled(UNSURE, "en", 1.6) == "en"
    assert settled(UNSURE, None, 1.6) == "tl"  # nothing before it: the likeliest
    assert settled(UNSURE, "en", SHORT_REGION_S) == "tl"  # long enough to trust
    assert settled(UNSURE, "en", 1.6, allowed=("kk", "ru")) == "tl"  # a choice the job asked


def test_a_clearly_likelier_language_still_switches() -> None:
    assert settled(scores(("de", 0.99), ("en", 0.002)), "en", 3.0) == "de"
    at_ratio = scores(("ru", SWITCH_RATIO * 0.1), ("en", 0.1))
    below = scores(("ru", SWITCH_RATIO * 0.1 - 0.01), ("en", 0.1))
    assert settled(at_ratio, "en", 3.0) == "ru"
    assert settled(below, "en", 3.0) == "en"
    assert settled(scores(("ru", 0.4), ("kk", 0.3)), "fr", 3.0) == "ru"  # French not heard: 0
    assert settled(scores(("en", 0.3), ("tl", 0.2)), "en", 3.0) == "en"
    assert settled([], "en", 3.0) == "en"


@pytest.fixture(scope="module")
def english_then_short(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Any]]:
    """In quiet room noise: JFK (11 s, English); 3 s on, a 2.2-s espeak sentence Whisper base
    takes for Welsh there (cy 0.50, en 0.38); 3 s on, a 3.2-s Russian recording (ru 0.99).
    Where each lies (ms)."""
    folder = tmp_path_factory.mktemp("short_regions")
    short = espeak_wav(folder / "window.wav", SENTENCES[2], voice="en-us+m1", speed=140)
    pieces = [("en", real("en_jfk.flac")), ("en", short), ("ru", real("pisets_test_sound_ru.flac"))]
    parts: list[Path | float] = [0.5]
    spans = []
    position = 0.5
    for language, path in pieces:
        length = len(decode_audio(str(path))) / 16000
        spans.append((language, round(position * 1000), round((position + length) * 1000)))
        parts += [path, 3.0]
        position += length + 3.0
    clean = concat_wav(folder / "clean.wav", parts)
    noisy = folder / "english_then_short.wav"
    noise = "anoisesrc=color=pink:amplitude=0.003:sample_rate=16000:seed=1"
    mix = "[0:a][1:a]amix=inputs=2:duration=first"
    command = [FFMPEG, "-nostdin", "-v", "error", "-y", "-i", str(clean), "-f", "lavfi"]
    command += ["-i", noise, "-filter_complex", mix, "-ar", "16000", "-ac", "1", str(noisy)]
    subprocess.run(command, check=True)
    return noisy, spans


@pytest.mark.slow
def test_automatic_mode_keeps_a_short_region_in_the_language_before_it(
    whisper_base: Path, english_then_short
) -> None:
    path, spans = english_then_short
    request = WhisperRequest(
        str(whisper_base),
        str(path),
        None,
        duration_ms=spans[-1][2] + 3000,
        device="cpu",
        beam_size=1,
    )
    sent: list[Any] = []
    run(request, sent.append, ModelCache())
    segments = [m for m in sent if isinstance(m, Segment)]
    for language, start, end in spans:
        inside = [s for s in segments if start - 500 <= s.start_ms < end]
        assert inside, (language, start, end, [(s.start_ms, s.text) for s in segments])
        assert {s.language for s in inside} == {language}, [(s.language, s.text) for s in inside]
    short = [s for s in segments if spans[1][1] - 500 <= s.start_ms < spans[1][2]]
    assert "window" in " ".join(s.text for s in short).lower()
