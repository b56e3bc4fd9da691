"""Speech regions found as the recording streams by: the same regions faster-whisper's VAD
finds over the whole file, with bounded memory (Silero VAD from faster-whisper, no Whisper)."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest
from faster_whisper import decode_audio
from faster_whisper.vad import VadOptions, get_speech_timestamps

from kzdesk.audio.pcm import stream_pcm
from kzdesk.engines.whisper_vad import FRAME, RegionFinder, RegionStream, VadSettings
from tests.realspeech import real
from tests.whisper_weights import concat_wav

PAD = 6400  # 0.4 s


def frames(*runs: tuple[int, float]) -> list[float]:
    """Scores: (how many frames, score) runs."""
    return [score for count, score in runs for _ in range(count)]


def test_regions_are_padded_and_end_after_two_seconds_of_silence() -> None:
    finder = RegionFinder()
    found = finder.feed(frames((10, 0.1), (31, 0.9), (159, 0.1)))
    # speech frames 10..40; the silence from frame 41 lasted 2 s, and the next speech can
    # only start after the 0.8 s that decides the padding: the region is final
    assert found == [(0, 41 * FRAME + PAD)]
    found = finder.feed(frames((20, 0.8), (30, 0.1), (3, 0.4)))  # 0.4: neither speech nor end
    assert found == []
    assert finder.finish(253 * FRAME) == [(200 * FRAME - PAD, 253 * FRAME)]


def test_close_regions_share_the_pause_between_them() -> None:
    finder = RegionFinder(VadSettings(min_silence_ms=100))  # pauses shorter than 2 pads
    found = finder.feed(frames((20, 0.1), (10, 0.9), (5, 0.1), (10, 0.9), (100, 0.1)))
    gap = 35 * FRAME - 30 * FRAME
    assert found[0] == (20 * FRAME - PAD, 30 * FRAME + gap // 2)
    assert found[1] == (35 * FRAME - gap // 2, 45 * FRAME + PAD)


@pytest.fixture(scope="module")
def joined(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Real speech with pauses of 0.6 to 4 s: several regions, some merged, some apart."""
    parts: list[Path | float] = [1.3, real("pisets_test_sound_ru.flac"), 0.6]
    parts += [real("kk_ksc_example_1.flac"), 2.5, real("kk_ksc_example_2.flac"), 1.9]
    parts += [real("en_jfk.flac"), 4.0, real("festvox_ru_0196.flac"), 3.0]
    return concat_wav(tmp_path_factory.mktemp("vad") / "joined.wav", parts)


def test_streamed_regions_are_faster_whispers_regions(joined: Path) -> None:
    audio = decode_audio(str(joined))
    expected = [(t["start"], t["end"]) for t in get_speech_timestamps(audio, VadOptions())]
    stream = RegionStream(stream_pcm(joined))
    regions = list(stream)
    assert [(r.start, r.end) for r in regions] == expected
    assert len(expected) >= 3
    for r in regions:
        assert np.array_equal(r.samples, audio[r.start : r.end])
    assert stream.length == len(audio)


def test_speech_without_pauses_is_cut_and_memory_stays_bounded() -> None:
    """Three minutes of speech with no pause of 2 s: regions of at most 30 s, cut at quiet
    moments, covering the speech without gaps; the stream never holds much more than one."""
    speech = decode_audio(str(real("en_jfk.flac")))
    blocks = [speech] * 16  # 176 s, back to back
    stream = RegionStream(blocks, VadSettings(max_region_s=30))
    held = []
    regions = []
    for region in stream:
        regions.append(region)
        held.append(stream.buffered)
    lengths = [r.end - r.start for r in regions]
    assert len(regions) >= 6
    assert max(lengths) <= 30 * 16000 + FRAME
    assert all(a.end == b.start for a, b in itertools.pairwise(regions))
    assert max(held) <= 30 * 16000 + len(speech) + 2 * PAD
