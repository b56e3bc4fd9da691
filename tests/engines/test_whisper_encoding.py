"""How speech reaches Whisper: regions in one language joined into chunks (never a region cut
out of continuous speech decoded alone), their log-mel features a window at a time."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from kzdesk.engines.whisper_decode import ChunkPacker
from kzdesk.engines.whisper_messages import Segment, WhisperRequest
from kzdesk.engines.whisper_worker import ModelCache, run
from tests.scoring import word_error_rate
from tests.whisper_weights import SENTENCES, concat_wav, espeak_wav

VOICES = [("en+m3", 150), ("en+f3", 165), ("en-us+m1", 140), ("en+f2", 175)]


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
