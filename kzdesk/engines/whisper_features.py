"""Whisper's log-mel features computed a window at a time (the offline engine's child process).

faster-whisper's feature extractor turns the whole audio it is given into one short-time
Fourier transform: about 1 MiB of intermediate arrays per second of audio, so a 240-s chunk of
joined speech briefly costs some 235 MiB where a 20-s one costs 20 — the peak memory of a long
recording grew with how much speech a chunk joins, not with what it holds.
:class:`WindowedFeatures` stands in for the extractor and computes the same frames (the same
reflection padding at the ends, window, FFT, mel filters) :data:`PIECE_FRAMES` at a time; only
the clamp to 8 below the loudest frame needs the whole, and is applied once all are known. The
transient cost is a piece's whatever the chunk's length.
"""

from __future__ import annotations

from typing import Any

PIECE_FRAMES = 3000  # 30 s of frames per piece


class WindowedFeatures:
    """faster-whisper's ``FeatureExtractor`` with bounded working memory."""

    def __init__(self, extractor: Any, piece_frames: int = PIECE_FRAMES) -> None:
        self._extractor = extractor
        self._piece = piece_frames

    def __getattr__(self, name: str) -> Any:
        return getattr(self._extractor, name)

    def __call__(self, waveform: Any, padding: int = 160, chunk_length: int | None = None) -> Any:
        import numpy as np

        fe = self._extractor
        hop, n_fft = fe.hop_length, fe.n_fft
        if len(waveform) + padding <= self._piece * hop:  # one piece: the extractor itself
            return fe(waveform, padding=padding, chunk_length=chunk_length)
        if chunk_length is not None:  # as the extractor: the window length changes
            fe.n_samples = chunk_length * fe.sampling_rate
            fe.nb_max_frames = fe.n_samples // hop
        signal = _centred(np.asarray(waveform, dtype=np.float32), padding, n_fft // 2)
        count = 1 + (len(signal) - n_fft) // hop
        frames = np.lib.stride_tricks.as_strided(
            signal, (count, n_fft), (hop * signal.strides[0], signal.strides[0]), writeable=False
        )
        window = np.hanning(n_fft + 1)[:-1].astype("float32")
        kept = count - 1  # the extractor drops the last frame
        out: Any = None
        for first in range(0, kept, self._piece):
            last = min(first + self._piece, kept)
            spectrum = np.fft.rfft(frames[first:last] * window, n=n_fft, axis=-1)
            magnitudes = np.abs(spectrum.astype("complex64").T) ** 2
            mel = fe.mel_filters @ magnitudes
            piece = np.log10(np.clip(mel, a_min=1e-10, a_max=None))
            if out is None:
                out = np.empty((piece.shape[0], kept), dtype=piece.dtype)
            out[:, first:last] = piece
        np.maximum(out, out.max() - 8.0, out=out)
        out += 4.0
        out /= 4.0
        return out


def _centred(waveform: Any, padding: int, half: int) -> Any:
    """``waveform`` with ``padding`` zeros after it, then reflected by ``half`` samples at
    each end (numpy's "reflect" padding, as the STFT centres its frames) — in one array."""
    import numpy as np

    length = len(waveform) + padding
    signal = np.zeros(length + 2 * half, dtype=np.float32)
    body = signal[half : half + length]
    body[: len(waveform)] = waveform
    signal[:half] = body[half:0:-1]
    signal[half + length :] = body[-2 : -half - 2 : -1]
    return signal


def install(whisper_model: Any) -> None:
    """Put the windowed extractor in front of faster-whisper's (once)."""
    if not isinstance(whisper_model.feature_extractor, WindowedFeatures):
        whisper_model.feature_extractor = WindowedFeatures(whisper_model.feature_extractor)
