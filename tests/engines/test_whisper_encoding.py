"""The encoder runs once per decoded window: a long region's language comes from the very
encoding its decoding starts with (kept, then reused), not from an extra pass."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from kzdesk.engines.whisper_decode import ChunkPacker
from kzdesk.engines.whisper_language import WINDOW_FROM_S, LanguageChooser, stands_alone
from kzdesk.engines.whisper_messages import Segment, WhisperRequest
from kzdesk.engines.whisper_worker import ModelCache, run
from tests.realspeech import real


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


def test_a_long_region_is_a_chunk_of_its_own() -> None:
    short = np.zeros(16000 * 3, dtype=np.float32)
    long = np.zeros(16000 * WINDOW_FROM_S, dtype=np.float32)
    assert stands_alone(long) and not stands_alone(short)
    packer = ChunkPacker()
    assert packer.add(0, short, "de") == []
    before, alone = packer.add(16000 * 5, long, "de", alone=True)
    assert len(before.spans) == 1 and len(alone.spans) == 1  # not joined in either direction
    assert (before.language, alone.language) == ("de", "de")
    assert not packer.pending
    assert packer.add(16000 * 40, short, "de") == []
    assert packer.pending


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
    30 s, each identified and decoded on one encoding — every encoding made is decoded."""
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
