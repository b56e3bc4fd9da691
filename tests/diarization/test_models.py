"""The shipped ONNX models: the files themselves, and what they say about real speech."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pytest

from kzdesk.diarization.fbank import fbank
from kzdesk.diarization.models import (
    CHUNK_FRAMES,
    CHUNK_SAMPLES,
    EMBEDDING_FILE,
    SEGMENTATION_FILE,
    Embedder,
    ModelsMissing,
    Segmenter,
    model_path,
)
from tests.media import read_all

REAL = Path(__file__).resolve().parents[1] / "data" / "real"
# resources/models/README.md records these (and where the weights came from)
CHECKSUMS = {
    SEGMENTATION_FILE: "8de0f6a629a0508c51c38590ebfb9ce78063fefb88301f6e2d7e3842045d370a",
    EMBEDDING_FILE: "ccb095e9b617bf7e0e6613192d1de43a6a2d2cb94b2ab9529f8adf2c96f68df6",
}


@pytest.mark.parametrize("name", sorted(CHECKSUMS))
def test_model_files_are_the_converted_ones(name: str) -> None:
    path = model_path(name)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == CHECKSUMS[name]
    readme = (path.parent / "README.md").read_text(encoding="utf-8")
    assert CHECKSUMS[name] in readme


def test_a_missing_model_is_a_sentence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KZDESK_DIARIZATION_MODELS", str(tmp_path))
    with pytest.raises(ModelsMissing, match="Reinstall kzdesk"):
        model_path(SEGMENTATION_FILE)


def test_segmentation_hears_the_speaker_change_in_a_real_meeting() -> None:
    # dev00: MEE009 talks until 13.2 s, then MEE012 until 16.9 s
    audio = read_all(REAL / "dev00.flac")
    chunk = audio[int(7.5 * 16000) : int(7.5 * 16000) + CHUNK_SAMPLES]
    probability = Segmenter()(chunk[None])[0]
    assert probability.shape == (CHUNK_FRAMES, 3)
    assert np.all((probability >= 0) & (probability <= 1.0001))
    frames_per_s = CHUNK_FRAMES / 10
    before = probability[: int(4.5 * frames_per_s)].mean(axis=0)  # 7.5-12 s
    after = probability[int(6.5 * frames_per_s) : int(9 * frames_per_s)].mean(axis=0)  # 14-16.5
    first, second = int(np.argmax(before)), int(np.argmax(after))
    assert first != second
    assert before[first] > 0.9 and after[second] > 0.9


def test_embeddings_tell_two_real_voices_apart() -> None:
    audio = read_all(REAL / "dev00.flac")

    def voice(a: float, b: float) -> np.ndarray:
        return Embedder()(fbank(audio[int(a * 16000) : int(b * 16000)]))

    mee009_a, mee009_b, mee012 = voice(2.0, 7.0), voice(7.5, 12.5), voice(13.4, 16.7)
    assert abs(float(np.linalg.norm(mee012)) - 1.0) < 1e-5
    same = float(mee009_a @ mee009_b)
    different = max(float(mee009_a @ mee012), float(mee009_b @ mee012))
    assert same > 0.5 and different < 0.3 and same - different > 0.3
