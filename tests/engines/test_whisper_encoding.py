"""How speech reaches Whisper's encoder: regions in one language joined into chunks (never a
region cut out of continuous speech decoded alone); a long region that makes a chunk alone is
identified on the very encoding its decoding starts with; log-mel features a window at a
time."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from kzdesk.engines.whisper_decode import ChunkPacker
from kzdesk.engines.whisper_language import LanguageChooser
from kzdesk.engines.whisper_messages import Segment, WhisperRequest
from kzdesk.engines.whisper_worker import ModelCache, run
from tests.realspeech import real
from tests.scoring import word_error_rate
from tests.whisper_weights import SENTENCES, concat_wav, espeak_wav

VOICES = [("en+m3", 150), ("en+f3", 165), ("en-us+m1", 140), ("en+f2", 175)]


class Encoder:
    """A stand-in CTranslate2 model that counts encodings."""

    def __init__(self) -> None:
        self.encoded = 0

    def encode(self, features: Any, to_cpu: bool = False) -> Any:
        self.encoded += 1
        return ("encoded", float(np.asarray(features).sum()))


def test_a_kept_encoding_serves_the_same_features_once() -> None:
    model = Encoder()
    chooser = LanguageChooser(model)
    window = np.arange(12, dtype=np.float32).reshape(1, 3, 4)
    chooser.keep(window.copy(), "identified")
    other = window + 1
    assert chooser.encode(other) == ("encoded", float(other.sum()))  # other features: encoded
    assert chooser.encode(window) == "identified"  # kept until its own window comes
    assert chooser.encode(window) == ("encoded", float(window.sum()))  # used once only
    assert (model.encoded, chooser.encodings_reused) == (2, 1)
    chooser.keep(window.copy(), "identified")
    chooser.forget()
    assert chooser.encode(window) != "identified"


def test_the_waiting_region_and_the_newest_are_held() -> None:
    """A region's chunk is decoded only when the next region (identified by then) is in
    another language: both encodings are held, an older one is dropped."""
    chooser = LanguageChooser(Encoder())
    first, second, third = (np.full((1, 3, 4), v, dtype=np.float32) for v in (1, 2, 3))
    chooser.keep(first, "english")
    chooser.keep(second, "german")
    assert chooser.encode(first) == "english"  # the waiting region, decoded after the next
    assert chooser.encode(second) == "german"
    chooser.keep(first, "english")
    chooser.keep(second, "german")
    chooser.keep(third, "russian")
    assert chooser.encode(first) != "english"  # the oldest is gone: two at most
    assert (chooser.encode(second), chooser.encode(third)) == ("german", "russian")


def test_long_regions_in_one_language_are_joined() -> None:
    """Two 30-s regions of one language make one chunk: decoding flows from one into the other
    as on a whole file, with no window holding only the end of a region."""
    region = np.zeros(16000 * 30, dtype=np.float32)
    packer = ChunkPacker()
    assert packer.add(0, region, "en") == []
    assert packer.add(16000 * 30, region, "en") == []
    (chunk,) = packer.add(16000 * 62, region[: 16000 * 3], "de")  # another language: flushed
    assert [s.start for s in chunk.spans] == [0, 16000 * 30] and chunk.language == "en"
    (last,) = packer.flush()
    assert last.language == "de" and len(last.spans) == 1


@pytest.fixture(scope="module")
def continuous_english(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """About 60 s of espeak-ng English sentences in four voices, pauses of 0.8-1.6 s (none
    long enough to end a region): speech the engine cuts into regions of 30 s at most."""
    folder = tmp_path_factory.mktemp("continuous")
    parts: list[Path | float] = []
    said: list[str] = []
    for n in range(22):
        voice, speed = VOICES[n % len(VOICES)]
        text = SENTENCES[n % len(SENTENCES)]
        parts += [espeak_wav(folder / f"s{n}.wav", text, voice=voice, speed=speed)]
        parts += [0.8 + (n % 3) * 0.4]
        said.append(text)
    return concat_wav(folder / "continuous.wav", parts), " ".join(said)


@pytest.mark.slow
def test_continuous_speech_in_automatic_mode_is_heard_whole(
    whisper_base: Path, continuous_english: tuple[Path, str]
) -> None:
    """A region cut out of continuous speech and decoded alone left a tail of half-words
    after Whisper's last timestamp, decoded as a window of its own: text was lost or invented
    (WER 0.27 on this recording; 0.214 on 5 minutes of it, where tails fell back through every
    temperature). Joined with the next region, the recording is heard as a whole."""
    path, said = continuous_english
    request = WhisperRequest(str(whisper_base), str(path), None, duration_ms=62_000, device="cpu")
    sent: list[Any] = []
    run(request, sent.append, ModelCache())
    segments = [m for m in sent if isinstance(m, Segment)]
    heard = " ".join(s.text for s in segments)
    assert {s.language for s in segments} == {"en"}
    assert word_error_rate(said, heard) <= 0.05, heard


class Counting:
    """The real CTranslate2 model, with every encoder output it makes and every one that
    decoding (generate) reads recorded."""

    def __init__(self, model: Any) -> None:
        self._model = model
        self.made: list[Any] = []
        self.decoded: list[Any] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._model, name)

    def encode(self, *args: Any, **kwargs: Any) -> Any:
        output = self._model.encode(*args, **kwargs)
        self.made.append(output)
        return output

    def generate(self, encoder_output: Any, *args: Any, **kwargs: Any) -> Any:
        self.decoded.append(encoder_output)
        return self._model.generate(encoder_output, *args, **kwargs)


@pytest.mark.slow
def test_long_regions_are_identified_without_an_encoding_of_their_own(whisper_base: Path) -> None:
    """English then German without a long pause, in automatic mode: two regions of about
    30 s in two languages, each a chunk of its own, identified and decoded on one encoding —
    every encoding made is decoded."""
    request = WhisperRequest(
        str(whisper_base),
        str(real("en_de_multilingual.mp3")),
        None,
        duration_ms=59_900,
        device="cpu",
        beam_size=1,
    )
    models = ModelCache()
    sent: list[Any] = []
    models.get(request, sent.append)
    chooser = models.model.model
    assert isinstance(chooser, LanguageChooser)
    counting = Counting(chooser._model)
    chooser._model = counting
    run(request, sent.append, models)
    segments = [m for m in sent if isinstance(m, Segment)]
    assert {p.language for p in segments if p.end_ms <= 24_000} == {"en"}
    assert {p.language for p in segments if p.start_ms >= 30_000} == {"de"}
    assert chooser.encodings_reused == 2  # both regions: identified on their own window
    decoded = {id(output) for output in counting.decoded}
    assert all(id(output) in decoded for output in counting.made), (
        f"{len(counting.made)} encodings made, {len(decoded)} decoded"
    )


def test_features_are_faster_whispers_at_a_window_s_memory() -> None:
    """Log-mel features of a 240-s chunk, piece by piece: the extractor's values, with the
    working memory of one 30-s piece rather than of the whole chunk."""
    import tracemalloc

    from faster_whisper.feature_extractor import FeatureExtractor

    from kzdesk.engines.whisper_features import WindowedFeatures

    extractor = FeatureExtractor()
    windowed = WindowedFeatures(extractor)
    assert windowed.nb_max_frames == extractor.nb_max_frames  # the rest passes through
    rng = np.random.default_rng(7)
    peaks = []
    for seconds in (25, 31.3, 240):
        tone = np.sin(np.arange(int(seconds * 16000)) * 0.05) * np.linspace(
            0, 0.5, int(seconds * 16000)
        )
        audio = (tone + rng.normal(0, 0.01, len(tone))).astype(np.float32)
        expected = extractor(audio)
        tracemalloc.start()
        found = windowed(audio)
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        assert found.shape == expected.shape and found.dtype == expected.dtype
        np.testing.assert_allclose(found, expected, rtol=0, atol=1e-6)
    # 240 s costs its features (7 MiB) and audio (15 MiB) more than 31 s, not 8 times as much
    assert peaks[2] < peaks[1] + 40 * 2**20, [p // 2**20 for p in peaks]
