"""The offline engine's input: the original recording decoded block by block, exactly the
samples faster-whisper's own decoder gives, never the whole file at once."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from faster_whisper import decode_audio

from kzdesk.audio.errors import AudioError, Cancelled
from kzdesk.audio.pcm import GROUP_SAMPLES, ORIGINAL, original_piece, read_span, stream_pcm
from tests.media import periodic_speech_file
from tests.realspeech import real


@pytest.mark.parametrize(
    "name", ["en_jfk.flac", "en_de_multilingual.mp3", "asterisk_vm-options.flac"]
)
def test_blocks_are_faster_whispers_samples(name: str) -> None:
    """44.1 kHz stereo FLAC, 24 kHz MP3, 8 kHz telephone FLAC: bit for bit."""
    path = real(name)
    joined = np.concatenate(list(stream_pcm(path)))
    assert joined.dtype == np.float32
    assert np.array_equal(joined, decode_audio(str(path)))
    left, right = decode_audio(str(path), split_stereo=True)
    stereo = np.concatenate(list(stream_pcm(path, stereo=True)))
    assert stereo.shape == (len(left), 2)
    assert np.array_equal(stereo[:, 0], left) and np.array_equal(stereo[:, 1], right)


def test_starting_later_skips_exactly_that_many_samples() -> None:
    path = real("en_jfk.flac")
    whole = decode_audio(str(path))
    later = np.concatenate(list(stream_pcm(path, start_sample=123_457)))
    assert np.array_equal(later, whole[123_457:])


@pytest.mark.parametrize(
    "name", ["en_jfk.flac", "en_de_multilingual.mp3", "asterisk_vm-options.flac"]
)
def test_a_span_read_by_seeking_is_the_same_samples(name: str) -> None:
    """What the editor hears a phrase again from: the span ``stream_pcm`` would give, aligned
    to the sample (the resampler and MP3's decoder start afresh after a seek, so the values
    differ by a trace)."""
    path = real(name)
    whole = np.concatenate(list(stream_pcm(path)))
    for start_ms, end_ms in ((0, 1500), (2345, 5000), (8100, 10900)):
        span = read_span(path, start_ms, end_ms)
        expected = whole[start_ms * 16 : end_ms * 16]
        assert len(span) == len(expected) == (end_ms - start_ms) * 16
        trace = np.abs(span - expected).mean()
        a_millisecond_off = np.abs(span[16:] - expected[:-16]).mean()
        assert trace < 0.005 and trace < 0.1 * a_millisecond_off


def test_a_span_far_into_a_long_recording(tmp_path: Path) -> None:
    """Nine minutes in: found by seeking, the same samples as reading from the start."""
    path = periodic_speech_file(tmp_path / "long.flac", 600)
    whole = np.concatenate(list(stream_pcm(path)))
    span = read_span(path, 540_250, 542_000)
    assert np.array_equal(span, whole[540_250 * 16 : 542_000 * 16])
    assert len(read_span(path, 599_000, 601_000)) == 16000  # up to the end, no further
    with pytest.raises(AudioError):
        read_span(tmp_path / "missing.flac", 0, 1000)


def test_a_long_recording_comes_in_bounded_blocks(tmp_path: Path) -> None:
    """Ten minutes at 48 kHz: no block holds more than a group of decoded frames."""
    path = periodic_speech_file(tmp_path / "long.wav", 600, rate=48000)
    sizes = [len(b) for b in stream_pcm(path)]
    assert sum(sizes) == 600 * 16000
    # a group of 500,000 input samples at 48 kHz is about 167,000 samples at 16 kHz
    assert max(sizes) <= GROUP_SAMPLES * 16000 // 48000 + 2048
    assert len(sizes) > 50


def test_cancel_and_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(Cancelled):
        next(stream_pcm(real("en_jfk.flac"), cancelled=lambda: True))
    broken = tmp_path / "broken.mp3"
    broken.write_bytes(b"ID3" + b"\x00" * 5000)
    with pytest.raises(AudioError) as caught:
        list(stream_pcm(broken))
    assert "could not read the audio" in caught.value.message


def test_the_original_is_one_piece_read_as_it_is() -> None:
    piece = original_piece("/rec/a.mp3", 61_000, 2, 44100)
    assert (piece.path, piece.audio_format, piece.offset_ms, piece.index) == (
        "/rec/a.mp3",
        ORIGINAL,
        0,
        0,
    )
    assert (piece.duration_ms, piece.channels, piece.sample_rate) == (61_000, 2, 44100)
