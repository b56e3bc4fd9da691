"""One pass over the recording: local speakers of overlapping 10 s chunks and their voices.

The audio arrives block by block (ffmpeg); a buffer keeps only what the next chunks need, so
memory does not grow with the recording. Every ``STEP_FRAMES`` segmentation frames (about
5 s) a 10 s chunk goes to the segmentation model, and each local speaker it finds gets CAM++
embeddings of its voice (voices.py); chunks are analysed side by side, one per core, each
model call on one thread. Chunk starts are whole segmentation frames, so every chunk's frames
fall on one global frame grid.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np

from kzdesk.audio.errors import Cancelled
from kzdesk.diarization.models import (
    CHUNK_FRAMES,
    CHUNK_SAMPLES,
    EMBEDDING_DIM,
    FRAME_STEP,
    Embedder,
    Segmenter,
    threads,
)
from kzdesk.diarization.voices import UNITS, ChunkVoices, embed_chunk

RATE = 16000
STEP_FRAMES = 296  # 4.995 s between chunk starts: every moment is seen by two chunks
BATCH = 2  # chunks each worker gets per round (the audio buffered waits for a round)


@dataclass
class Evidence:
    """What the models said about one recording; clustering and reconstruction need no audio.

    ``activity[c, t, u]``: probability (0..255) that voice u of chunk c talks in its frame t
    (global frame ``starts[c] + t``); a voice is a local speaker of the segmentation model or
    a part of one (voices.py). ``embeddings[c, u]``: its CAM++ embedding (NaN when it had too
    little speech), ``clean[c, u]``: how many fbank frames (10 ms) of it were heard alone."""

    starts: np.ndarray  # (chunks,) first global frame of each chunk
    activity: np.ndarray  # (chunks, CHUNK_FRAMES, UNITS) uint8 probability * 255
    embeddings: np.ndarray  # (chunks, UNITS, EMBEDDING_DIM) float32
    clean: np.ndarray  # (chunks, UNITS) int
    local: np.ndarray  # (chunks, UNITS) the local speaker each voice is (part of); -1: none
    samples: int  # length of the recording

    @property
    def frames(self) -> int:
        """Global frames covering the recording."""
        return max(0, int(np.ceil((self.samples - FRAME_STEP) / FRAME_STEP)) + 1)

    @property
    def duration_s(self) -> float:
        return self.samples / RATE


class _Chunker:
    """Cut 10 s chunks every ``step`` samples out of a stream of blocks."""

    def __init__(self, step: int) -> None:
        self.step = step
        self._buffer = np.zeros(0, dtype=np.float32)
        self._offset = 0  # sample index of _buffer[0]
        self._next = 0  # start of the next chunk
        self.samples = 0

    def feed(self, block: np.ndarray) -> list[tuple[int, np.ndarray]]:
        self._buffer = np.concatenate([self._buffer, block.astype(np.float32, copy=False)])
        self.samples += len(block)
        return self._ready(final=False)

    def finish(self) -> list[tuple[int, np.ndarray]]:
        return self._ready(final=True)

    def _ready(self, *, final: bool) -> list[tuple[int, np.ndarray]]:
        chunks = []
        end = self._offset + len(self._buffer)
        while self._next + CHUNK_SAMPLES <= end or (final and self._needs_tail()):
            a = self._next - self._offset
            piece = self._buffer[a : a + CHUNK_SAMPLES]
            if len(piece) < CHUNK_SAMPLES:
                piece = np.concatenate([piece, np.zeros(CHUNK_SAMPLES - len(piece), np.float32)])
            chunks.append((self._next, piece))
            self._next += self.step
        keep_from = self._next - self._offset
        if keep_from > 0:
            self._buffer = self._buffer[keep_from:].copy()
            self._offset = self._next
        return chunks

    def _needs_tail(self) -> bool:
        """A last, zero-padded chunk when the previous ones stopped short of the end."""
        covered = self._next - self.step + CHUNK_SAMPLES if self._next else 0
        return covered < self.samples


def gather(
    blocks: Iterable[np.ndarray],
    *,
    total_samples: int = 0,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    segmenter: Segmenter | None = None,
    embedder: Embedder | None = None,
    step_frames: int = STEP_FRAMES,
    workers: int | None = None,
) -> Evidence:
    """Run both models over a stream of mono 16 kHz float32 blocks, ``workers`` chunks at
    once (default: one per core). ``total_samples`` (if known) makes ``progress`` (0..1)
    exact. Raises Cancelled."""
    segmenter = segmenter or Segmenter()
    embedder = embedder or Embedder()
    chunker = _Chunker(step_frames * FRAME_STEP)
    found: list[_Chunk] = []
    pending: list[tuple[int, np.ndarray]] = []

    def analyse(item: tuple[int, np.ndarray]) -> _Chunk:
        if cancelled is not None and cancelled():
            raise Cancelled()
        return _analyse(segmenter, embedder, *item)

    def run(batch: list[tuple[int, np.ndarray]], pool: ThreadPoolExecutor) -> None:
        for chunk in pool.map(analyse, batch):
            found.append(chunk)
            if progress is not None and total_samples > 0:
                progress(min(0.99, (chunk.start + CHUNK_SAMPLES / 2) / total_samples))

    count = max(1, workers or threads())
    with ThreadPoolExecutor(count, thread_name_prefix="diarization") as pool:
        for block in blocks:
            pending += chunker.feed(block)
            while len(pending) >= BATCH * count:
                run(pending[: BATCH * count], pool)
                pending = pending[BATCH * count :]
        pending += chunker.finish()
        run(pending, pool)
    if progress is not None:
        progress(1.0)
    n = len(found)
    return Evidence(
        starts=np.asarray([c.start // FRAME_STEP for c in found], dtype=np.int64),
        activity=np.asarray([c.activity for c in found], dtype=np.uint8).reshape(
            n, CHUNK_FRAMES, UNITS
        ),
        embeddings=np.asarray([c.voices.embeddings for c in found], dtype=np.float32).reshape(
            n, UNITS, EMBEDDING_DIM
        ),
        clean=np.asarray([c.voices.clean for c in found], dtype=np.int64).reshape(n, UNITS),
        local=np.asarray([c.voices.local for c in found], dtype=np.int64).reshape(n, UNITS),
        samples=chunker.samples,
    )


@dataclass
class _Chunk:
    start: int  # first sample
    activity: np.ndarray  # (CHUNK_FRAMES, UNITS) uint8
    voices: ChunkVoices


def _analyse(segmenter: Segmenter, embedder: Embedder, start: int, audio: np.ndarray) -> _Chunk:
    """Local speakers of one chunk and their voices."""
    prob = segmenter(audio[None])[0]
    voices = embed_chunk(embedder, audio, (prob >= 0.5).astype(np.uint8))
    units = np.zeros((CHUNK_FRAMES, UNITS), dtype=np.uint8)
    for u in range(voices.count):
        level = np.rint(prob[:, voices.local[u]] * 255).astype(np.uint8)
        units[:, u] = np.where(voices.masks[:, u], level, 0)
    return _Chunk(start, units, voices)
