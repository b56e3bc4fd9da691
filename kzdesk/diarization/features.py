"""Mel frames (25 ms window, 10 ms hop, 40 bands) computed block by block, numpy only.

The filter bank is librosa's default (Slaney mel scale, Slaney area normalisation), written
out here so that librosa is never imported: the speaker encoder was trained on exactly these
power mel spectra (not logarithmic).
"""

from __future__ import annotations

import functools

import numpy as np

from kzdesk.diarization.audio_input import RATE

N_FFT = 400  # 25 ms
HOP = 160  # 10 ms
N_MELS = 40
HOP_S = HOP / RATE
FRAME_OFFSET_S = (N_FFT / 2) / RATE  # frame i is centred at i * HOP_S + this


def _hz_to_mel(hz: np.ndarray) -> np.ndarray:
    f_sp = 200.0 / 3
    mels = hz / f_sp
    min_log_hz, min_log_mel, logstep = 1000.0, 1000.0 / f_sp, np.log(6.4) / 27.0
    return np.where(
        hz >= min_log_hz, min_log_mel + np.log(np.maximum(hz, 1e-10) / min_log_hz) / logstep, mels
    )


def _mel_to_hz(mels: np.ndarray) -> np.ndarray:
    f_sp = 200.0 / 3
    freqs = f_sp * mels
    min_log_hz, min_log_mel, logstep = 1000.0, 1000.0 / f_sp, np.log(6.4) / 27.0
    return np.where(mels >= min_log_mel, min_log_hz * np.exp(logstep * (mels - min_log_mel)), freqs)


@functools.lru_cache(maxsize=4)
def mel_filters(n_mels: int = N_MELS, n_fft: int = N_FFT, rate: int = RATE) -> np.ndarray:
    """(n_fft // 2 + 1, n_mels) Slaney filter bank, as librosa.filters.mel builds it."""
    fft_freqs = np.linspace(0, rate / 2, n_fft // 2 + 1)
    mel_points = _mel_to_hz(
        np.linspace(_hz_to_mel(np.array(0.0)), _hz_to_mel(np.array(rate / 2)), n_mels + 2)
    )
    fdiff = np.diff(mel_points)
    ramps = mel_points[:, None] - fft_freqs[None, :]
    weights = np.zeros((n_mels, len(fft_freqs)))
    for i in range(n_mels):
        lower = -ramps[i] / fdiff[i]
        upper = ramps[i + 2] / fdiff[i + 1]
        weights[i] = np.maximum(0, np.minimum(lower, upper))
    weights *= (2.0 / (mel_points[2 : n_mels + 2] - mel_points[:n_mels]))[:, None]
    return weights.T.astype(np.float32)


@functools.lru_cache(maxsize=1)
def _window() -> np.ndarray:
    n = np.arange(N_FFT)
    return (0.5 - 0.5 * np.cos(2 * np.pi * n / N_FFT)).astype(np.float32)  # periodic Hann


class MelStream:
    """Feed mono float32 blocks; ``finish()`` returns (frames, N_MELS) power mel spectra and
    each frame's mean square (loudness, for the encoder's level normalisation)."""

    def __init__(self) -> None:
        self._carry = np.zeros(0, dtype=np.float32)
        self._frames: list[np.ndarray] = []
        self._energy: list[np.ndarray] = []

    def feed(self, block: np.ndarray) -> None:
        audio = np.concatenate([self._carry, block]) if self._carry.size else block
        count = (len(audio) - N_FFT) // HOP + 1 if len(audio) >= N_FFT else 0
        if count > 0:
            self._add(audio[: (count - 1) * HOP + N_FFT], count)
            self._carry = audio[count * HOP :].copy()
        else:
            self._carry = audio.copy()

    def finish(self) -> np.ndarray:
        if self._carry.size:  # the last partial frame, zero padded
            tail = np.zeros(N_FFT, dtype=np.float32)
            tail[: min(N_FFT, self._carry.size)] = self._carry[:N_FFT]
            self._add(tail, 1)
            self._carry = np.zeros(0, dtype=np.float32)
        if not self._frames:
            return np.zeros((0, N_MELS), dtype=np.float32), np.zeros(0, dtype=np.float32)
        return np.concatenate(self._frames), np.concatenate(self._energy)

    def _add(self, audio: np.ndarray, count: int) -> None:
        frames = np.lib.stride_tricks.as_strided(
            audio, shape=(count, N_FFT), strides=(HOP * audio.strides[0], audio.strides[0])
        )
        self._energy.append(np.mean(frames * frames, axis=1, dtype=np.float32))
        self._frames.append(power_mel(frames))


def power_mel(frames: np.ndarray) -> np.ndarray:
    """(count, N_FFT) sample frames -> (count, N_MELS) power mel spectra."""
    spectrum = np.fft.rfft(frames * _window(), axis=1)
    power = (spectrum.real**2 + spectrum.imag**2).astype(np.float32)
    return power @ mel_filters()
