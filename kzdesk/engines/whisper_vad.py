"""Speech regions of a recording as it streams by (the offline engine's voice activity).

The Silero VAD model that ships inside faster-whisper scores every 512-sample frame (32 ms at
16 kHz); its recurrent state and the 64 samples of context before each frame are carried from
block to block, so the scores are exactly those faster-whisper computes over the whole file at
once. :class:`RegionFinder` turns the scores into speech regions with faster-whisper's default
rules (speech from a score of 0.5, silence below 0.35 lasting 2 s ends a region, 0.4 s of
padding on each side, halved where two regions are closer than that), without waiting for the
end of the file: a region is handed over as soon as its padded end is known. Two additions keep
memory bounded whatever the recording: a region that runs past ``max_region_s`` without a pause
is cut at its quietest frame of the last few seconds, and :class:`RegionStream` keeps only the
samples a region still open may need.

numpy and onnxruntime only (loaded in the offline engine's child process).
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

SAMPLE_RATE = 16000
FRAME = 512
CONTEXT = 64
QUIET_SEARCH_S = 5.0  # where a too-long region looks back for its quietest frame


@dataclass(frozen=True)
class VadSettings:
    threshold: float = 0.5
    neg_threshold: float | None = None  # None: threshold - 0.15
    min_silence_ms: int = 2000
    speech_pad_ms: int = 400
    max_region_s: float = 240.0

    @property
    def silence_threshold(self) -> float:
        if self.neg_threshold is not None:
            return self.neg_threshold
        return max(self.threshold - 0.15, 0.01)


class SileroStream:
    """Speech probability of each 512-sample frame, fed block by block."""

    def __init__(self) -> None:
        import onnxruntime
        from faster_whisper.utils import get_assets_path

        options = onnxruntime.SessionOptions()
        options.inter_op_num_threads = 1
        options.intra_op_num_threads = 1
        options.enable_cpu_mem_arena = False
        options.log_severity_level = 4
        self._session = onnxruntime.InferenceSession(
            os.path.join(get_assets_path(), "silero_vad_v6.onnx"),
            providers=["CPUExecutionProvider"],
            sess_options=options,
        )
        self._h = np.zeros((1, 1, 128), dtype=np.float32)
        self._c = np.zeros((1, 1, 128), dtype=np.float32)
        self._context = np.zeros(CONTEXT, dtype=np.float32)
        self._pending = np.zeros(0, dtype=np.float32)

    def feed(self, samples: Any) -> Any:
        """Scores of the complete frames now available (the rest waits for the next block)."""
        data = np.concatenate([self._pending, np.asarray(samples, dtype=np.float32)])
        whole = len(data) // FRAME * FRAME
        self._pending = data[whole:]
        if not whole:
            return np.zeros(0, dtype=np.float32)
        return self._score(data[:whole].reshape(-1, FRAME))

    def flush(self) -> Any:
        """Scores of the last, zero-padded frame (a whole silent frame when none is left, as
        faster-whisper pads)."""
        last = np.zeros(FRAME, dtype=np.float32)
        last[: len(self._pending)] = self._pending
        self._pending = np.zeros(0, dtype=np.float32)
        return self._score(last.reshape(1, FRAME))

    def _score(self, frames: Any) -> Any:
        before = np.concatenate([self._context[None, :], frames[:-1, -CONTEXT:]])
        batch = np.concatenate([before, frames], axis=1)
        scores, self._h, self._c = self._session.run(
            None, {"input": batch, "h": self._h, "c": self._c}
        )
        self._context = frames[-1, -CONTEXT:].copy()
        return np.asarray(scores, dtype=np.float32).reshape(-1)


class RegionFinder:
    """Frame scores in, finished speech regions (start, end sample; padded) out."""

    def __init__(self, settings: VadSettings | None = None) -> None:
        s = settings or VadSettings()
        self._speech = s.threshold
        self._silence = s.silence_threshold
        self._min_silence = SAMPLE_RATE * s.min_silence_ms / 1000
        self._pad = int(SAMPLE_RATE * s.speech_pad_ms / 1000)
        self._max_region = int(s.max_region_s * SAMPLE_RATE)
        self._frame = 0  # index of the next frame
        self._open = False
        self._start = 0  # unpadded start of the open region
        self._start_padded = 0
        self._silence_from = 0  # where the silence that may end the open region began
        self._closed: tuple[int, int, int] | None = None  # (padded start, start, end) waiting
        self._recent: deque[tuple[int, float]] = deque(
            maxlen=max(int(QUIET_SEARCH_S * SAMPLE_RATE / FRAME), 1)
        )

    @property
    def position(self) -> int:
        """Samples scored so far."""
        return self._frame * FRAME

    def earliest_needed(self) -> int:
        """No region still to come starts before this sample."""
        if self._closed is not None:
            return self._closed[0]
        if self._open:
            return self._start_padded
        return max(self.position - self._pad, 0)

    def idle(self) -> bool:
        """No speech is open or waiting for its padding."""
        return not self._open and self._closed is None

    def feed(self, scores: Iterable[float]) -> list[tuple[int, int]]:
        found: list[tuple[int, int]] = []
        for score in scores:
            self._step(float(score), found)
            self._frame += 1
        if self._closed is not None and self.position - self._closed[2] >= 2 * self._pad:
            padded, _start, end = self._closed
            found.append((padded, end + self._pad))  # the next region starts later than that
            self._closed = None
        return found

    def finish(self, length: int) -> list[tuple[int, int]]:
        """The regions left once ``length`` samples (the whole stream) have been scored."""
        found: list[tuple[int, int]] = []
        if self._closed is not None:
            padded, _start, end = self._closed
            found.append((padded, min(length, end + self._pad)))
            self._closed = None
        if self._open and length > self._start:
            found.append((self._start_padded, length))
        self._open = False
        return found

    def _step(self, score: float, found: list[tuple[int, int]]) -> None:
        here = self._frame * FRAME
        self._recent.append((here, score))
        if score >= self._speech and self._silence_from:
            self._silence_from = 0
        if score >= self._speech and not self._open:
            self._begin(here, found)
            return
        if self._open and here - self._start > self._max_region:
            self._cut(found)
        if score < self._silence and self._open:
            if not self._silence_from:
                self._silence_from = here
            if here - self._silence_from >= self._min_silence:
                self._closed = (self._start_padded, self._start, self._silence_from)
                self._open = False
                self._silence_from = 0

    def _begin(self, start: int, found: list[tuple[int, int]]) -> None:
        self._open = True
        self._start = start
        if self._closed is None:
            self._start_padded = max(0, start - self._pad)
            return
        padded, _previous_start, end = self._closed
        gap = start - end
        if gap < 2 * self._pad:
            found.append((padded, end + gap // 2))
            self._start_padded = max(0, start - gap // 2)
        else:
            found.append((padded, end + self._pad))
            self._start_padded = max(0, start - self._pad)
        self._closed = None

    def _cut(self, found: list[tuple[int, int]]) -> None:
        """A region without a pause for too long: end it at its quietest recent frame."""
        candidates = [(s, at) for at, s in self._recent if at > self._start]
        cut = min(candidates, key=lambda c: (c[0], -c[1]))[1] if candidates else self._frame * FRAME
        found.append((self._start_padded, cut))
        self._start = self._start_padded = cut
        self._silence_from = 0
        self._recent.clear()


@dataclass(frozen=True)
class Region:
    start: int  # samples from the stream's start
    end: int
    samples: Any  # float32, end - start long


class RegionStream:
    """Regions of speech with their samples, from a stream of sample blocks.

    Only the samples from the earliest a coming region may need are kept (a few seconds between
    regions; one region, at most ``max_region_s``, while speech goes on)."""

    def __init__(
        self,
        blocks: Iterable[Any],
        settings: VadSettings | None = None,
        *,
        scorer: Callable[[], Any] = SileroStream,
    ) -> None:
        self._blocks = blocks
        self._finder = RegionFinder(settings)
        self._scorer = scorer()
        self._kept = np.zeros(0, dtype=np.float32)
        self._kept_from = 0  # stream position of self._kept[0]
        self.length = 0  # samples read so far (the stream's length once iterated)

    @property
    def position(self) -> int:
        """Samples whose speech or silence is known."""
        return self._finder.position

    def idle(self) -> bool:
        return self._finder.idle()

    @property
    def buffered(self) -> int:
        """Samples held now (what memory the stream costs)."""
        return len(self._kept)

    def __iter__(self) -> Iterator[Region]:
        for block in self._blocks:
            block = np.asarray(block, dtype=np.float32)
            self._kept = np.concatenate([self._kept, block]) if len(self._kept) else block
            self.length += len(block)
            for start, end in self._finder.feed(self._scorer.feed(block)):
                yield self._region(start, end)
            self._forget(self._finder.earliest_needed())
        last = self._finder.feed(self._scorer.flush())
        for start, end in last + self._finder.finish(self.length):
            yield self._region(start, end)

    def _region(self, start: int, end: int) -> Region:
        end = min(end, self.length)
        a, b = start - self._kept_from, end - self._kept_from
        return Region(start, end, self._kept[max(a, 0) : max(b, 0)].copy())

    def _forget(self, before: int) -> None:
        drop = min(before - self._kept_from, len(self._kept))
        if drop > 0:
            self._kept = self._kept[drop:]
            self._kept_from += drop
