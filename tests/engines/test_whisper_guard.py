"""The offline engine's loop guard, chunk decoding and plain helpers, without weights (a
scripted model)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pytest

from kzdesk.core.engine import AudioPiece, RecognitionOptions, Utterance
from kzdesk.core.job import Language
from kzdesk.engines.whisper import WhisperEngine, resume_points, whisper_language
from kzdesk.engines.whisper_decode import Chunk, ChunkPacker, Decoder, Span, to_segment
from kzdesk.engines.whisper_guard import LoopGuard, find_ngram_loop, normalize
from kzdesk.engines.whisper_language import LanguageChooser, restrict
from kzdesk.engines.whisper_messages import Segment, WordInfo
from kzdesk.engines.whisper_worker import choose_device, physical_cores


def segment(text: str, start: int = 0, end: int = 1000, words: bool = True) -> Segment:
    tokens = text.split()
    step = (end - start) // max(len(tokens), 1)
    return Segment(
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


def test_guard_keeps_speech_and_drops_repeats_of_a_long_segment() -> None:
    guard = LoopGuard()
    assert guard.check(segment("Good morning everyone")).action == "keep"
    assert guard.check(segment("Good morning, everyone.")).action == "drop"
    verdict = guard.check(segment("good morning everyone", 2000, 3000))
    assert verdict.action == "loop"
    assert verdict.segment is None
    assert verdict.restart_ms == 3000
    assert guard.check(segment("Something new")).action == "keep"


def test_guard_allows_a_few_short_repeats() -> None:
    guard = LoopGuard()
    actions = [guard.check(segment("Да.")).action for _ in range(5)]
    assert actions == ["keep", "keep", "keep", "drop", "drop"]


def test_guard_trims_a_loop_inside_a_segment_to_one_copy() -> None:
    guard = LoopGuard()
    looping = segment("I think that " + "we can " * 6, 0, 6000)
    verdict = guard.check(looping)
    assert verdict.action == "loop"
    assert verdict.segment is not None
    assert verdict.segment.text == "I think that we can"
    assert verdict.segment.end_ms == verdict.segment.words[-1].end_ms == verdict.restart_ms
    assert verdict.restart_ms < 6000


def test_guard_drops_text_that_compresses_too_well() -> None:
    text = "ha" + "haha" * 30 + " xyz"
    verdict = LoopGuard().check(segment(text, words=False))
    assert verdict.action == "loop"
    assert verdict.segment is None


# ---- chunk decoding with a scripted model ---------------------------------------------------
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
    temperature: float = 0.0


def seg(start: float, end: float, text: str) -> Seg:
    tokens = text.split()
    step = (end - start) / len(tokens)
    return Seg(
        start,
        end,
        text,
        [W(" " + t, start + i * step, start + (i + 1) * step) for i, t in enumerate(tokens)],
    )


class ScriptedModel:
    """Answers each transcribe call from a script: (conditioned?) -> segments of that call."""

    def __init__(self, total_s: float, script: Any) -> None:
        self.total_s = total_s
        self.script = script
        self.calls: list[tuple[float, bool, str | None]] = []

    def transcribe(self, audio: Any, *, condition_on_previous_text: bool, **kw: Any):  # type: ignore[no-untyped-def]
        offset = round(self.total_s - len(audio) / 16000, 3)
        self.calls.append((offset, condition_on_previous_text, kw.get("initial_prompt")))
        return iter(self.script(offset, condition_on_previous_text)), None


def decoder(model: Any, sent: list[Any]) -> Decoder:
    return Decoder(model, {}, "0", emit=sent.append, progress=lambda ms: None)


def whole(seconds: float, start_s: float = 0.0, language: str | None = "en") -> Chunk:
    n = int(seconds * 16000)
    return Chunk(np.zeros(n, dtype=np.float32), [Span(0, int(start_s * 16000), n)], language)


def looping(offset: float, conditioned: bool) -> list[Seg]:
    """Loops while conditioned on previous text; fine once restarted without it."""
    if conditioned:
        return [seg(0, 4, "The meeting starts now")] + [
            seg(4 + 2 * i, 6 + 2 * i, "Thank you for watching") for i in range(8)
        ]
    return [seg(1, 3, "Second topic is the budget"), seg(4, 7, "The end")]


def test_a_loop_restarts_recognition_without_conditioning() -> None:
    model = ScriptedModel(20, looping)
    sent: list[Any] = []
    d = decoder(model, sent)
    d.decode(whole(20))
    assert [p.text for p in sent] == [
        "The meeting starts now",
        "Thank you for watching",
        "Second topic is the budget",
        "The end",
    ]
    assert d.restarts == 1
    # the second repeat is the loop: restarted at its end (10 s), not conditioned
    assert [(c[0], c[1]) for c in model.calls] == [(0.0, True), (10.0, False)]
    assert [p.start_ms for p in sent] == [0, 4000, 11000, 14000]


def skipping(offset: float, conditioned: bool) -> list[Seg]:
    """Conditioned on the English before it, the model drops the German that follows (and
    jumps a whole window); decoded afresh from there, it writes the German."""
    if offset == 0:
        return [seg(0, 5, "Permission is hereby granted"), seg(35, 39, "the above notice")]
    return [seg(0.5, 6, "Jeden der diese Software erhält"), seg(6, 34, "und so weiter")]


def test_skipped_speech_is_decoded_again_without_conditioning() -> None:
    model = ScriptedModel(40, skipping)
    sent: list[Any] = []
    d = decoder(model, sent)
    d.decode(whole(40, language=None))
    assert [(c[0], c[1]) for c in model.calls] == [(0.0, True), (5.0, False)]
    assert [p.text for p in sent] == [
        "Permission is hereby granted",
        "Jeden der diese Software erhält",
        "und so weiter",
    ]
    assert d.skips_recovered == 1 and d.restarts == 0


def test_a_chunk_that_stays_silent_after_a_restart_ends() -> None:
    """Speech the model has nothing for (music the VAD took for speech) is tried once."""
    model = ScriptedModel(
        40, lambda offset, conditioned: [seg(0, 3, "Hello there")] if offset == 0 else []
    )
    sent: list[Any] = []
    decoder(model, sent).decode(whole(40))
    assert len(model.calls) == 2
    assert [p.text for p in sent] == ["Hello there"]


def test_joined_regions_map_back_to_the_recording() -> None:
    """Two regions joined (one language): words land in the region holding their middle."""
    packer = ChunkPacker(max_s=60)
    assert packer.add(16000 * 10, np.zeros(16000 * 4, dtype=np.float32), "ru") == []
    assert packer.add(16000 * 30, np.zeros(16000 * 6, dtype=np.float32), "ru") == []
    chunk = packer.flush()[0]
    assert chunk.language == "ru"
    assert [(s.offset, s.start) for s in chunk.spans] == [(0, 160000), (64000, 480000)]
    model = ScriptedModel(10, lambda o, c: [seg(1, 3, "first part"), seg(5, 8, "second part here")])
    sent: list[Any] = []
    decoder(model, sent).decode(chunk)
    assert [(p.start_ms, p.end_ms) for p in sent] == [(11000, 13000), (31000, 34000)]
    # another language starts another chunk; a region whose language is found while it is
    # decoded (a long one) is a chunk of its own
    second = ChunkPacker()
    assert second.add(0, np.zeros(16000, dtype=np.float32), "ru") == []
    [russian] = second.add(32000, np.zeros(16000, dtype=np.float32), "kk")
    assert russian.language == "ru" and len(russian.spans) == 1
    kazakh, alone = second.add(64000, np.zeros(16000, dtype=np.float32), None)
    assert (kazakh.language, alone.language) == ("kk", None)
    assert not second.pending


def test_a_chunk_conditions_the_next_in_the_same_language_only() -> None:
    texts = iter(["budget for next year", "the plan", "жоспар", "first", "second"])
    model = ScriptedModel(10, lambda o, c: [seg(1, 9.5, next(texts))])
    sent: list[Any] = []
    d = decoder(model, sent)
    d.decode(whole(10, language="ru"))
    d.decode(whole(10, start_s=20, language="ru"))
    d.decode(whole(10, start_s=40, language="kk"))  # Russian text never prompts Kazakh
    d.decode(whole(10, start_s=60, language=None))
    d.decode(whole(10, start_s=80, language=None))
    prompts = [c[2] for c in model.calls]
    assert prompts == [None, "budget for next year", None, None, None]


# ---- language per window -------------------------------------------------------------------
SCORES = [("<|en|>", 0.7), ("<|ru|>", 0.2), ("<|kk|>", 0.05), ("<|de|>", 0.05)]


class FakeWhisper:
    is_multilingual = True

    def detect_language(self, encoder_output: Any) -> list[list[tuple[str, float]]]:
        return [list(SCORES)]


def test_kazakh_or_russian_picks_the_likelier_of_the_two() -> None:
    assert restrict(SCORES, ("kk", "ru")) == [("<|ru|>", 0.8), ("<|kk|>", 0.2)]
    assert restrict(SCORES, None) == SCORES
    chooser = LanguageChooser(FakeWhisper())
    assert chooser.is_multilingual  # everything else passes through to the model
    chooser.allowed = ("kk", "ru")
    assert chooser.detect_language("encoded")[0][0][0] == "<|ru|>"
    assert chooser.last == "ru"
    assert chooser.last_probability == pytest.approx(0.8)
    chooser.allowed = None  # automatic: any language
    chooser.detect_language("encoded")
    assert chooser.last == "en"


def test_language_mapping() -> None:
    assert whisper_language(Language.KK) == ("kk", ())
    assert whisper_language(Language.RU) == ("ru", ())
    assert whisper_language(Language.AUTO) == (None, ())
    assert whisper_language(Language.KK_RU) == (None, ("kk", "ru"))


def test_resume_points_follow_the_last_kept_segment_of_each_channel() -> None:
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


def test_a_segments_first_word_stays_with_the_rest_across_joined_regions() -> None:
    """Whisper lets a segment's first word start early (it takes the pause before it); in joined
    regions that pause is the end of the previous region, minutes earlier in the recording."""
    packer = ChunkPacker()
    packer.add(16000 * 100, np.zeros(16000 * 4, dtype=np.float32), "en")  # 100-104 s
    packer.add(16000 * 220, np.zeros(16000 * 4, dtype=np.float32), "en")  # 220-224 s
    [chunk] = packer.flush()
    early = Seg(
        3.5,
        6.0,
        "Please open the window",
        [W(" Please", 3.5, 3.9), W(" open", 4.5, 4.9), W(" the", 4.9, 5.1), W(" window", 5.1, 6.0)],
    )
    late = Seg(1.0, 4.3, "thank you", [W(" thank", 1.0, 2.0), W(" you", 2.0, 4.3)])
    first = to_segment(early, chunk, "0", "en")
    assert first.start_ms == 220_000  # with "open the window", not at 103.5 s
    assert [w.start_ms for w in first.words[1:]] == [220_500, 220_900, 221_100]
    last = to_segment(late, chunk, "0", "en")
    assert last.end_ms == 104_000  # the last word stays in its region, clipped to its end


class RegionModel:
    """Answers by the audio's length: the joined chunk skips its short middle region; that
    region decoded alone (2 s) is heard; what follows it (decoded again) is heard too."""

    def __init__(self) -> None:
        self.calls: list[tuple[float, bool]] = []

    def transcribe(self, audio: Any, *, condition_on_previous_text: bool, **kw: Any):  # type: ignore[no-untyped-def]
        seconds = round(len(audio) / 16000, 3)
        self.calls.append((seconds, condition_on_previous_text))
        if seconds == 10.0:  # the whole chunk: 4 s, 2 s, 4 s joined; the middle one left out
            return iter([seg(0.2, 3.8, "первая фраза здесь"), seg(6.2, 9.8, "третья фраза")]), None
        if seconds == 2.0:  # the middle region alone
            return iter([seg(0.1, 1.9, "сәлеметсіз бе")]), None
        if seconds == 4.0:  # the rest after it
            return iter([seg(0.2, 3.8, "третья фраза")]), None
        raise AssertionError(seconds)


def joined(*regions: tuple[float, float]) -> Chunk:
    packer = ChunkPacker()
    for start, length in regions:
        packer.add(int(start * 16000), np.zeros(int(length * 16000), dtype=np.float32), "ru")
    return packer.flush()[0]


def test_a_region_left_out_of_a_joined_chunk_is_decoded_alone() -> None:
    model = RegionModel()
    sent: list[Any] = []
    d = decoder(model, sent)
    d.decode(joined((10, 4), (30, 2), (50, 4)))
    assert [p.text for p in sent] == ["первая фраза здесь", "сәлеметсіз бе", "третья фраза"]
    assert [p.start_ms for p in sent] == [10200, 30100, 50200]
    # the region alone: no prompt from the chunk before it; what follows: not conditioned
    assert model.calls == [(10.0, True), (2.0, True), (4.0, False)]
    assert d.regions_recovered == 1 and d.restarts == 0


def test_a_region_with_words_or_too_short_is_not_decoded_again() -> None:
    calls: list[float] = []

    class Model:
        def transcribe(self, audio: Any, **kw: Any):  # type: ignore[no-untyped-def]
            calls.append(len(audio) / 16000)
            return iter([seg(0.2, 3.8, "один два три"), seg(4.6, 8.4, "четыре пять")]), None

    sent: list[Any] = []
    # 4 s and 4 s joined, both heard; a 0.5-s region (a cough) between them is not retried
    decoder(Model(), sent).decode(joined((0, 4), (20, 0.5), (40, 4)))
    assert calls == [8.5]
    assert [p.start_ms for p in sent] == [200, 40100]


def test_a_last_region_left_out_is_decoded_alone_and_nothing_twice() -> None:
    calls: list[float] = []

    class Model:
        def transcribe(self, audio: Any, **kw: Any):  # type: ignore[no-untyped-def]
            seconds = round(len(audio) / 16000, 3)
            calls.append(seconds)
            if seconds == 10.0:
                return iter([seg(0.2, 3.8, "один два три"), seg(4.2, 7.8, "четыре пять")]), None
            return iter([seg(0.2, 1.8, "иә")]), None

    sent: list[Any] = []
    decoder(Model(), sent).decode(joined((0, 4), (20, 4), (40, 2)))
    assert calls == [10.0, 2.0]
    assert [(p.text, p.start_ms) for p in sent] == [
        ("один два три", 200),
        ("четыре пять", 20200),
        ("иә", 40200),
    ]


def test_each_chunk_gets_the_glossary_terms_of_its_own_language() -> None:
    """Kazakh + Russian: a Russian chunk's hot words carry no Kazakh spelling, a Kazakh
    chunk's carry both."""
    hotwords: list[str | None] = []

    class Model:
        def transcribe(self, audio: Any, **kw: Any):  # type: ignore[no-untyped-def]
            hotwords.append(kw.get("hotwords"))
            return iter([seg(0.1, 0.9, "сөз")]), None

    d = Decoder(
        Model(),
        {},
        "0",
        emit=lambda m: None,
        progress=lambda ms: None,
        glossary=("Тоқаев", "Токаев"),
    )
    d.decode(whole(1, language="ru"))
    d.decode(whole(1, 5, language="kk"))
    assert hotwords == ["Токаев", "Тоқаев, Токаев"]
    assert decoder(Model(), []).options == {}  # no glossary: the options as given
