"""Speaker embeddings of short windows of mel frames.

Two embedders share one interface, ``embed(mel, energy, windows) -> (n, dim)`` with rows of
unit length:

* :class:`Ge2eEncoder` - the GE2E speaker encoder of Resemblyzer (3-layer LSTM, 256 units,
  40 power-mel bands, 1.6 s windows; Apache-2.0), run in plain numpy from weights converted
  once from the ``pretrained.pt`` inside the Resemblyzer wheel. No PyTorch at run time.
* :class:`MfccStatsEmbedder` - means and deviations of MFCCs and their deltas; numpy only, the
  fallback when the encoder's weights are missing.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Protocol

import numpy as np

from kzdesk.diarization.features import N_MELS

WINDOW_FRAMES = 160  # 1.6 s: what the GE2E encoder was trained on
WEIGHTS_FILE = "speaker_encoder_ge2e.npz"
_TARGET_MEAN_SQUARE = (10 ** (-30 / 20)) ** 2  # -30 dBFS, Resemblyzer's level


class Embedder(Protocol):
    name: str
    dim: int

    def embed(
        self, mel: np.ndarray, energy: np.ndarray, windows: list[tuple[int, int]]
    ) -> np.ndarray: ...


@contextlib.contextmanager
def _single_threaded_blas() -> Iterator[None]:
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # comes with scikit-learn (librosa); without it BLAS picks
        yield
        return
    with threadpool_limits(limits=1, user_api="blas"):
        yield


def _unit_rows(x: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return (x / np.maximum(norms, 1e-9)).astype(np.float32)


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (np.tanh(0.5 * x) + 1.0)


class Ge2eEncoder:
    name = "ge2e"
    dim = 256

    def __init__(self, weights: dict[str, np.ndarray], batch: int = 32) -> None:
        def w(key: str) -> np.ndarray:
            return np.asarray(weights[key], dtype=np.float32)

        self._layers = []
        for layer in range(3):
            w_ih = w(f"lstm.weight_ih_l{layer}")
            w_hh = w(f"lstm.weight_hh_l{layer}")
            bias = w(f"lstm.bias_ih_l{layer}") + w(f"lstm.bias_hh_l{layer}")
            self._layers.append((np.ascontiguousarray(w_ih.T), np.ascontiguousarray(w_hh.T), bias))
        self._linear_w = np.ascontiguousarray(w("linear.weight").T)
        self._linear_b = w("linear.bias")
        self._batch = batch

    def embed(
        self, mel: np.ndarray, energy: np.ndarray, windows: list[tuple[int, int]]
    ) -> np.ndarray:
        """One embedding per (first_frame, end_frame) window; windows of equal length are
        batched together (the LSTM needs no padding then)."""
        out = np.zeros((len(windows), self.dim), dtype=np.float32)
        by_length: dict[int, list[int]] = {}
        for index, (a, b) in enumerate(windows):
            by_length.setdefault(b - a, []).append(index)
        chunks = [
            indices[i : i + self._batch]
            for indices in by_length.values()
            for i in range(0, len(indices), self._batch)
        ]

        def run(chunk: list[int]) -> None:
            x = np.stack([self._normalised(mel, energy, *windows[j]) for j in chunk])
            out[chunk] = self.forward(x)

        # numpy lets go of the GIL in its matrix products, so one single-threaded BLAS per
        # core beats one BLAS spreading small products over busy cores.
        workers = max(1, min(2, os.cpu_count() or 1, len(chunks)))
        with _single_threaded_blas():
            if workers == 1:
                for chunk in chunks:
                    run(chunk)
            else:
                with ThreadPoolExecutor(workers) as pool:
                    list(pool.map(run, chunks))
        return out

    @staticmethod
    def _normalised(mel: np.ndarray, energy: np.ndarray, a: int, b: int) -> np.ndarray:
        level = float(np.mean(energy[a:b])) if b > a else 0.0
        gain = _TARGET_MEAN_SQUARE / level if level > 1e-10 else 1.0
        return mel[a:b] * np.float32(gain)

    def forward(self, x: np.ndarray) -> np.ndarray:
        """(batch, frames, 40) power mel -> (batch, 256) unit embeddings."""
        batch, frames, _ = x.shape
        h = np.zeros((batch, 256), dtype=np.float32)
        for w_ih, w_hh, bias in self._layers:
            pre = (x.reshape(batch * frames, -1) @ w_ih + bias).reshape(batch, frames, -1)
            h = np.zeros((batch, 256), dtype=np.float32)
            c = np.zeros((batch, 256), dtype=np.float32)
            outputs = np.empty((batch, frames, 256), dtype=np.float32)
            for t in range(frames):
                gates = pre[:, t] + h @ w_hh
                i = _sigmoid(gates[:, :256])
                f = _sigmoid(gates[:, 256:512])
                g = np.tanh(gates[:, 512:768])
                o = _sigmoid(gates[:, 768:])
                c = f * c + i * g
                h = o * np.tanh(c)
                outputs[:, t] = h
            x = outputs
        raw = np.maximum(h @ self._linear_w + self._linear_b, 0.0)
        return _unit_rows(raw)


class MfccStatsEmbedder:
    """Mean and standard deviation of 20 MFCCs (without c0) and their deltas, standardised."""

    name = "mfcc"
    dim = 76

    def __init__(self, n_mfcc: int = 20) -> None:
        k = np.arange(N_MELS)
        basis = np.cos(np.pi / N_MELS * (k[None, :] + 0.5) * np.arange(n_mfcc)[:, None])
        self._dct = (basis * np.sqrt(2.0 / N_MELS)).T.astype(np.float32)  # (40, n_mfcc)
        self.dim = 4 * (n_mfcc - 1)

    def embed(
        self, mel: np.ndarray, energy: np.ndarray, windows: list[tuple[int, int]]
    ) -> np.ndarray:
        cep = (np.log(mel + 1e-8) @ self._dct)[:, 1:]
        delta = np.zeros_like(cep)
        delta[1:-1] = (cep[2:] - cep[:-2]) / 2
        rows = []
        for a, b in windows:
            part, dpart = cep[a:b], delta[a:b]
            loud = energy[a:b] > 0.1 * (np.max(energy[a:b]) if b > a else 0)
            if np.count_nonzero(loud) >= 5:
                part, dpart = part[loud], dpart[loud]
            rows.append(np.concatenate([part.mean(0), part.std(0), dpart.mean(0), dpart.std(0)]))
        x = np.asarray(rows, dtype=np.float32).reshape(len(windows), -1)
        if len(x) > 1:  # standardise over the recording, so every coefficient counts
            x = (x - x.mean(0)) / (x.std(0) + 1e-6)
        return _unit_rows(x)


def weights_path() -> Path | None:
    """The shipped encoder weights: KZDESK_SPEAKER_MODEL, the frozen bundle, the source tree."""
    override = os.environ.get("KZDESK_SPEAKER_MODEL", "").strip()
    candidates = [Path(override)] if override else []
    if getattr(sys, "frozen", False):
        bundle = Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
        candidates.append(bundle / "resources" / WEIGHTS_FILE)
    candidates.append(Path(__file__).resolve().parents[2] / "resources" / WEIGHTS_FILE)
    return next((p for p in candidates if p.is_file()), None)


def load_ge2e(path: Path | None = None) -> Ge2eEncoder | None:
    """The GE2E encoder from the shipped .npz (or a Resemblyzer checkpoint / wheel), or None."""
    path = path or weights_path()
    if path is None:
        return None
    if path.suffix == ".npz":
        with np.load(path) as data:
            weights = {k.replace("__", "."): data[k] for k in data.files}
    else:
        from kzdesk.diarization.torch_checkpoint import state_dict_from

        weights = state_dict_from(path)
    return Ge2eEncoder(weights)


def default_embedder() -> Embedder:
    return load_ge2e() or MfccStatsEmbedder()
