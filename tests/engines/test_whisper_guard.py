"""The offline engine's loop guard and plain helpers, without weights (a scripted model)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pytest

from kzdesk.core.engine import AudioPiece, RecognitionOptions, Utterance
from kzdesk.core.job import Language
from kzdesk.engines.whisper import WhisperEngine, resume_points, whisper_language
from kzdesk.engines.whisper_messages import Phrase, WhisperRequest, WordInfo
from kzdesk.engines.whisper_worker import (
    LoopGuard,
    choose_device,
    find_ngram_loop,
    normalize,
    physical_cores,
    pick_language,
    transcribe_channel,
)


def phrase(text: str, start: int = 0, end: int = 1000, words: bool = True) -> Phrase:
    tokens = text.split()
    step = (end - start) // max(len(tokens), 1)
    return Phrase(
        "0",
        start,
        end,
        text,
        "en",
        tuple(
            WordInfo((" " if i else "") + t, start + i * step, start + (i + 1) * step, 0.9)
            for i, t in enumerate(tokens)
        )
        if words
        else (),
    )


def test_normalize_ignores_case_and_punctuation() -> None:
    assert normalize("Сәлем, ДОС! Как дела?") == ["сәлем", "дос", "как", "дела"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("the cat sat on the mat", None),
        ("no no no", None),  # speech repeats a word now and then
        ("so so so so so", (0, 1)),
        ("I said thank you thank you thank you thank you", (2, 2)),
        ("we will go there we will go there we will go there", (0, 4)),
    ],
)
def test_ngram_loops(text: str, found: tuple[int, int] | None) -> None:
    assert find_ngram_loop(normalize(text)) == found


def test_guard_keeps_speech_and_drops_repeats_of_a_long_phrase() -> None:
    guard = LoopGuard()
    assert guard.check(phrase("Good morning everyone")).action == "keep"
    assert guard.check(phrase("Good morning, everyone.")).action == "drop"
    verdict = guard.check(phrase("good morning everyone", 2000, 3000))
    assert verdict.action == "loop"
    assert verdict.phrase is None
    assert verdict.restart_ms == 3000
    assert guard.check(phrase("Something new")).action == "keep"


def test_guard_allows_a_few_short_repeats() -> None:
    guard = LoopGuard()
    actions = [guard.check(phrase("Да.")).action for _ in range(5)]
    assert actions == ["keep", "keep", "keep", "drop", "drop"]


def test_guard_trims_a_loop_inside_a_phrase_to_one_copy() -> None:
    guard = LoopGuard()
    looping = phrase("I think that " + "we can " * 6, 0, 6000)
    verdict = guard.check(looping)
    assert verdict.action == "loop"
    assert verdict.phrase is not None
    assert verdict.phrase.text == "I think that we can"
    assert verdict.phrase.end_ms == verdict.phrase.words[-1].end_ms == verdict.restart_ms
    assert verdict.restart_ms < 6000


def test_guard_drops_text_that_compresses_too_well() -> None:
    text = "ha" + "haha" * 30 + " xyz"
    verdict = LoopGuard().check(phrase(text, words=False))
    assert verdict.action == "loop"
    assert verdict.phrase is None


# ---- transcribe_channel with a scripted model -------------------------------------------------
@dataclass
class W:
    word: str
    start: float
    end: float
    probability: float = 0.9


@dataclass
class Seg:
    start: float
    end: float
    text: str
    words: list[W] = field(default_factory=list)


def seg(start: float, end: float, text: str) -> Seg:
    tokens = text.split()
    step = (end - start) / len(tokens)
    return Seg(
        start,
        end,
        text,
        [W(" " + t, start + i * step, start + (i + 1) * step) for i, t in enumerate(tokens)],
    )


class LoopingModel:
    """Loops while conditioned on previous text; fine once restarted without it."""

    def __init__(self) -> None:
        self.calls: list[tuple[float, bool]] = []

    def transcribe(self, audio: Any, *, condition_on_previous_text: bool, **_: Any):  # type: ignore[no-untyped-def]
        offset = 60.0 - len(audio) / 16000
        self.calls.append((offset, condition_on_previous_text))
        if condition_on_previous_text:
            segments = [seg(0, 4, "The meeting starts now")]
            segments += [seg(4 + 2 * i, 6 + 2 * i, "Thank you for watching") for i in range(50)]
        else:
            segments = [seg(1, 3, "Second topic is the budget"), seg(40, 43, "The end")]
        return iter(segments), None


def test_a_loop_restarts_recognition_without_conditioning() -> None:
    model = LoopingModel()
    sent: list[Any] = []
    restarts = transcribe_channel(
        model,
        np.zeros(60 * 16000, dtype=np.float32),
        channel="0",
        start_ms=0,
        language="en",
        options={},
        emit=sent.append,
        progress=lambda ms: None,
    )
    texts = [p.text for p in sent]
    assert texts == [
        "The meeting starts now",
        "Thank you for watching",
        "Second topic is the budget",
        "The end",
    ]
    assert restarts == 1
    # the second repeat is the loop: restarted at its end (10 s), not conditioned
    assert model.calls == [(0.0, True), (10.0, False)]
    assert [p.start_ms for p in sent] == [0, 4000, 11000, 50000]


def test_transcription_starts_at_the_resume_point() -> None:
    model = LoopingModel()
    transcribe_channel(
        model,
        np.zeros(60 * 16000, dtype=np.float32),
        channel="0",
        start_ms=30_000,
        language="en",
        options={},
        emit=lambda p: None,
        progress=lambda ms: None,
    )
    assert model.calls[0] == (30.0, True)


class Detector:
    def detect_language(self, audio: Any, vad_filter: bool):  # type: ignore[no-untyped-def]
        return "en", 0.7, [("en", 0.7), ("ru", 0.2), ("kk", 0.05)]


def test_kazakh_or_russian_picks_the_likelier_of_the_two() -> None:
    request = WhisperRequest("m", "a", None, ("kk", "ru"))
    assert pick_language(Detector(), np.zeros(16000), 0, request) == "ru"
    assert pick_language(Detector(), np.zeros(16000), 0, WhisperRequest("m", "a", "kk")) == "kk"
    assert pick_language(Detector(), np.zeros(16000), 0, WhisperRequest("m", "a", None)) is None


def test_language_mapping() -> None:
    assert whisper_language(Language.KK) == ("kk", ())
    assert whisper_language(Language.RU) == ("ru", ())
    assert whisper_language(Language.AUTO) == (None, ())
    assert whisper_language(Language.KK_RU) == (None, ("kk", "ru"))


def test_resume_points_follow_the_last_kept_phrase_of_each_channel() -> None:
    def u(channel: str, end: int) -> Utterance:
        return Utterance(channel, end - 500, end, "x")

    assert resume_points([], 1, 10_000) == (0,)
    assert resume_points([u("0", 3000), u("0", 5200)], 1, 10_000) == (5200,)
    assert resume_points([u("0", 3000)], 2, 10_000) == (3000, 0)
    assert resume_points([u("0", 9000), u("1", 2000)], 2, 10_000) == (10_001, 2000)


def test_request_for_a_stereo_call_splits_channels(tmp_path) -> None:
    engine = WhisperEngine(tmp_path, beam_size=1)
    piece = AudioPiece(str(tmp_path / "a.ogg"), "OGG_OPUS", 0, 10_000, channels=2)
    options = RecognitionOptions(language=Language.KK, channels_as_speakers=True)
    request = engine.request_for(piece, options, tmp_path, [])
    assert request.split_channels
    assert request.start_ms == (0, 0)
    assert request.language == "kk"
    mono = engine.request_for(piece, RecognitionOptions(), tmp_path, [])
    assert not mono.split_channels
    assert mono.choose_between == ("kk", "ru")


def test_threads_and_device() -> None:
    assert physical_cores() >= 1
    assert choose_device("cpu", "default") == ("cpu", "int8")
    assert choose_device("cuda", "default") == ("cuda", "float16")
    assert choose_device("cpu", "float32") == ("cpu", "float32")
