"""Kaldi-style fbank in numpy against kaldi-native-fbank, the reference implementation."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from kzdesk.diarization.fbank import BINS, fbank, frame_count
from tests.media import read_all

knf = pytest.importorskip("kaldi_native_fbank")
REAL = Path(__file__).resolve().parents[1] / "data" / "real"


def _reference(samples: np.ndarray) -> np.ndarray:
    opts = knf.FbankOptions()
    opts.frame_opts.dither = 0.0
    opts.frame_opts.samp_freq = 16000
    opts.frame_opts.snip_edges = True
    opts.mel_opts.num_bins = BINS
    extractor = knf.OnlineFbank(opts)
    extractor.accept_waveform(16000, samples.tolist())
    extractor.input_finished()
    return np.array([extractor.get_frame(i) for i in range(extractor.num_frames_ready)])


@pytest.mark.parametrize("kind", ["meeting", "noise", "quiet"])
def test_fbank_matches_kaldi_native_fbank(kind: str) -> None:
    rng = np.random.default_rng(3)
    if kind == "meeting":
        samples = read_all(REAL / "dev00.flac")[16000 : 16000 * 4]
    elif kind == "noise":
        samples = (0.3 * rng.standard_normal(16000 * 2)).astype(np.float32)
    else:  # near silence: the log floor decides
        samples = (1e-6 * rng.standard_normal(12345)).astype(np.float32)
    ours, theirs = fbank(samples), _reference(samples)
    assert ours.shape == theirs.shape == (frame_count(len(samples)), BINS)
    assert np.max(np.abs(ours - theirs)) < 2e-3


def test_short_input_has_no_frames() -> None:
    assert fbank(np.zeros(399, dtype=np.float32)).shape == (0, BINS)
    assert frame_count(400) == 1 and frame_count(560) == 2
