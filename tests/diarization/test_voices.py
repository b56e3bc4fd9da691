"""The voices of one chunk: a local speaker that holds two people is split in two units."""

from __future__ import annotations

import numpy as np

from kzdesk.diarization.models import CHUNK_FRAMES, CHUNK_SAMPLES, FRAME_STEP
from kzdesk.diarization.voices import PIECE_FRAMES, embed_chunk, pieces


class ToneEmbedder:
    """Stands in for CAM++: the 'voice' of fbank frames is where their energy lies in the
    80 mel bins, so a low tone and a high tone are two different people."""

    def __call__(self, features: np.ndarray) -> np.ndarray:
        mean = features.mean(axis=0)
        vector = np.zeros(192, dtype=np.float32)
        vector[int(np.argmax(mean))] = 1.0
        return vector


def tones(*hz: float) -> np.ndarray:
    """The chunk split evenly between tones, one after the other, without a pause."""
    t = np.arange(CHUNK_SAMPLES) / 16000
    which = np.minimum((np.arange(CHUNK_SAMPLES) * len(hz)) // CHUNK_SAMPLES, len(hz) - 1)
    return (0.3 * np.sin(2 * np.pi * np.asarray(hz)[which] * t)).astype(np.float32)


def one_local_speaker_all_along() -> np.ndarray:
    activity = np.zeros((CHUNK_FRAMES, 3), dtype=np.uint8)
    activity[:, 0] = 1
    return activity


def test_two_people_heard_as_one_local_speaker_become_two_voices() -> None:
    voices = embed_chunk(ToneEmbedder(), tones(300, 2500), one_local_speaker_all_along())
    assert voices.count == 2
    assert list(voices.local[:2]) == [0, 0]  # both parts of local speaker 0
    assert not np.isnan(voices.embeddings[:2]).any()
    assert voices.embeddings[0] @ voices.embeddings[1] < 0.5
    # each part holds its own half of the chunk's frames (to within a piece), and together
    # all of them
    middle = CHUNK_SAMPLES // 2 // FRAME_STEP
    margin = PIECE_FRAMES * 160 // FRAME_STEP  # a piece, in segmentation frames
    first = int(np.argmax(voices.masks[middle - margin, :2]))
    second = int(np.argmax(voices.masks[middle + margin, :2]))
    assert first != second
    assert voices.masks[: middle - margin, first].all()
    assert voices.masks[middle + margin :, second].all()
    assert (voices.masks[:, :2].sum(axis=1) == 1).all()
    assert voices.clean[:2].sum() > 900


def test_one_person_all_along_stays_one_voice() -> None:
    voices = embed_chunk(ToneEmbedder(), tones(300), one_local_speaker_all_along())
    assert voices.count == 1
    assert voices.masks[:, 0].all()


def test_short_speech_is_embedded_whole_and_silence_not_at_all() -> None:
    activity = np.zeros((CHUNK_FRAMES, 3), dtype=np.uint8)
    activity[100:200, 1] = 1  # about 1.7 s: fewer than two pieces
    voices = embed_chunk(ToneEmbedder(), tones(300, 2500), activity)
    assert voices.count == 1
    assert voices.local[0] == 1
    silent = embed_chunk(ToneEmbedder(), tones(300), np.zeros((CHUNK_FRAMES, 3), np.uint8))
    assert silent.count == 0


def test_pieces_keep_time_order_and_size() -> None:
    frames = np.arange(1000)
    parts = pieces(frames)
    assert len(parts) == round(1000 / PIECE_FRAMES)
    assert np.array_equal(np.concatenate(parts), frames)
    assert all(abs(len(p) - PIECE_FRAMES) < PIECE_FRAMES / 2 for p in parts)
