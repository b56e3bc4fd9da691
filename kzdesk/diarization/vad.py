"""Voice activity detection with Silero VAD (v6, ONNX), fed block by block.

The model file is the one faster-whisper ships inside its package (MIT licence), so no
download is ever needed; onnxruntime comes with faster-whisper too. One probability per 32 ms
chunk; :func:`speech_regions` turns them into speech spans with hysteresis.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

import numpy as np

from kzdesk.diarization.audio_input import RATE

CHUNK = 512  # samples per probability (32 ms at 16 kHz)
_CONTEXT = 64  # samples of the previous chunk the v6 model looks at
CHUNK_S = CHUNK / RATE


class VadUnavailable(RuntimeError):
    """The packaged Silero model or onnxruntime is missing."""


def model_path() -> Path:
    override = os.environ.get("KZDESK_VAD_MODEL", "").strip()
    if override:
        return Path(override)
    try:
        from faster_whisper.utils import get_assets_path
    except ImportError as exc:
        raise VadUnavailable(
            "Speaker detection needs the offline engine's files (faster-whisper). Reinstall kzdesk."
        ) from exc
    return Path(get_assets_path()) / "silero_vad_v6.onnx"


@functools.lru_cache(maxsize=1)
def _session():  # type: ignore[no-untyped-def]
    try:
        import onnxruntime
    except ImportError as exc:
        raise VadUnavailable("Speaker detection needs onnxruntime. Reinstall kzdesk.") from exc
    path = model_path()
    if not path.is_file():
        raise VadUnavailable(f"The voice detector model is missing ({path}). Reinstall kzdesk.")
    opts = onnxruntime.SessionOptions()
    opts.inter_op_num_threads = 1
    opts.intra_op_num_threads = 1
    opts.enable_cpu_mem_arena = False
    opts.log_severity_level = 4
    return onnxruntime.InferenceSession(
        str(path), providers=["CPUExecutionProvider"], sess_options=opts
    )


class StreamingVad:
    """Feed mono float32 blocks of any length; collect one speech probability per chunk."""

    def __init__(self) -> None:
        self._session = _session()
        self._h = np.zeros((1, 1, 128), dtype=np.float32)
        self._c = np.zeros((1, 1, 128), dtype=np.float32)
        self._context = np.zeros(_CONTEXT, dtype=np.float32)
        self._pending = np.zeros(0, dtype=np.float32)
        self._probs: list[np.ndarray] = []

    def feed(self, block: np.ndarray) -> None:
        audio = np.concatenate([self._pending, block]) if self._pending.size else block
        whole = len(audio) // CHUNK * CHUNK
        self._pending = audio[whole:].copy()
        if whole:
            self._run(audio[:whole])

    def finish(self) -> np.ndarray:
        if self._pending.size:
            tail = np.zeros(CHUNK, dtype=np.float32)
            tail[: self._pending.size] = self._pending
            self._pending = np.zeros(0, dtype=np.float32)
            self._run(tail)
        return np.concatenate(self._probs) if self._probs else np.zeros(0, dtype=np.float32)

    def _run(self, audio: np.ndarray) -> None:
        chunks = audio.reshape(-1, CHUNK)
        contexts = np.empty((len(chunks), _CONTEXT), dtype=np.float32)
        contexts[0] = self._context
        contexts[1:] = chunks[:-1, -_CONTEXT:]
        self._context = chunks[-1, -_CONTEXT:].copy()
        batch = np.concatenate([contexts, chunks], axis=1)
        out, self._h, self._c = self._session.run(
            None, {"input": batch, "h": self._h, "c": self._c}
        )
        self._probs.append(np.asarray(out, dtype=np.float32).reshape(-1))


def speech_regions(
    probs: np.ndarray,
    *,
    threshold: float = 0.5,
    neg_threshold: float = 0.35,
    min_speech_s: float = 0.2,
    min_silence_s: float = 0.15,
    pad_s: float = 0.03,
) -> list[tuple[float, float]]:
    """Speech spans (start_s, end_s) from per-chunk probabilities, Silero's hysteresis:
    speech starts above ``threshold`` and ends after ``min_silence_s`` below ``neg_threshold``."""
    regions: list[tuple[float, float]] = []
    start: int | None = None
    silent_since: int | None = None
    min_silence = max(1, round(min_silence_s / CHUNK_S))
    for i, p in enumerate(probs.tolist()):
        if start is None:
            if p >= threshold:
                start, silent_since = i, None
            continue
        if p >= neg_threshold:
            silent_since = None
        elif silent_since is None:
            silent_since = i
        elif i - silent_since >= min_silence:
            regions.append((start * CHUNK_S, silent_since * CHUNK_S))
            start, silent_since = None, None
    if start is not None:
        end = silent_since if silent_since is not None else len(probs)
        regions.append((start * CHUNK_S, end * CHUNK_S))
    total = len(probs) * CHUNK_S
    padded = [
        (max(0.0, s - pad_s), min(total, e + pad_s)) for s, e in regions if e - s >= min_speech_s
    ]
    merged: list[tuple[float, float]] = []
    for s, e in padded:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged
