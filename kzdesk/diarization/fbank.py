"""Kaldi-style log mel filter bank features, numpy only (what the CAM++ speaker model reads).

Kaldi's ``compute-fbank-feats`` defaults as the speaker model was trained with them: 25 ms
frames every 10 ms without padding at the edges (``snip_edges``), each frame's mean removed,
pre-emphasis 0.97, the "povey" window, a 512-point FFT, the power spectrum through 80
triangular filters spaced evenly on Kaldi's mel scale (1127 ln(1 + f/700)) from 20 Hz to the
Nyquist frequency, and the natural logarithm floored at float32's epsilon. No dither (the
result is deterministic). tests/diarization/test_fbank.py compares it with kaldi-native-fbank.
"""

from __future__ import annotations

import functools

import numpy as np

RATE = 16000
FRAME = 400  # 25 ms
SHIFT = 160  # 10 ms
FFT = 512
BINS = 80
LOW_HZ = 20.0
PREEMPHASIS = 0.97
_EPSILON = float(np.finfo(np.float32).eps)


def frame_count(samples: int) -> int:
    return 0 if samples < FRAME else 1 + (samples - FRAME) // SHIFT


def _mel(hz: np.ndarray | float) -> np.ndarray:
    return 1127.0 * np.log(1.0 + np.asarray(hz, dtype=np.float64) / 700.0)


@functools.lru_cache(maxsize=2)
def mel_banks(bins: int = BINS, rate: int = RATE) -> np.ndarray:
    """(FFT // 2 + 1, bins) triangular weights; the Nyquist row is zero, as in Kaldi."""
    low, high = _mel(LOW_HZ), _mel(rate / 2)
    delta = (high - low) / (bins + 1)
    fft_mel = _mel(np.arange(FFT // 2) * rate / FFT)
    weights = np.zeros((FFT // 2 + 1, bins), dtype=np.float64)
    for b in range(bins):
        left, centre, right = low + b * delta, low + (b + 1) * delta, low + (b + 2) * delta
        rising = (fft_mel - left) / (centre - left)
        falling = (right - fft_mel) / (right - centre)
        inside = (fft_mel > left) & (fft_mel < right)
        weights[: FFT // 2, b] = np.where(inside, np.where(fft_mel <= centre, rising, falling), 0)
    return weights.astype(np.float32)


@functools.lru_cache(maxsize=1)
def _povey_window() -> np.ndarray:
    n = np.arange(FRAME, dtype=np.float64)
    return ((0.5 - 0.5 * np.cos(2 * np.pi * n / (FRAME - 1))) ** 0.85).astype(np.float32)


def fbank(samples: np.ndarray) -> np.ndarray:
    """(frames, 80) float32 log mel energies of mono 16 kHz samples (any scale; the speaker
    model's mean normalisation makes the scale irrelevant)."""
    x = np.ascontiguousarray(samples, dtype=np.float32)
    count = frame_count(len(x))
    if count == 0:
        return np.zeros((0, BINS), dtype=np.float32)
    frames = np.lib.stride_tricks.as_strided(
        x, shape=(count, FRAME), strides=(SHIFT * x.strides[0], x.strides[0])
    ).astype(np.float32)
    frames -= frames.mean(axis=1, keepdims=True)
    emphasised = np.empty_like(frames)
    emphasised[:, 1:] = frames[:, 1:] - PREEMPHASIS * frames[:, :-1]
    emphasised[:, 0] = frames[:, 0] * (1.0 - PREEMPHASIS)
    spectrum = np.fft.rfft(emphasised * _povey_window(), n=FFT, axis=1)
    power = (spectrum.real**2 + spectrum.imag**2).astype(np.float32)
    return np.log(np.maximum(power @ mel_banks(), _EPSILON))
