"""The original recording as 16 kHz float samples, block by block (the offline engine's input).

PyAV decodes in this process (no ffmpeg program, no temporary file) and resamples to 16 kHz
signed 16-bit, exactly as faster-whisper's own ``decode_audio`` does, so the local engine hears
the same samples faster-whisper would read from the file — never the Opus copy made for
SpeechKit. Unlike ``decode_audio`` it never holds the whole recording: blocks are yielded as they
are decoded (about a minute of audio at most), so a 4-hour file costs what a 4-minute one does.

numpy and av are imported lazily: the parent process of the offline engine never decodes.
"""

from __future__ import annotations

import gc
import itertools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from kzdesk.audio.errors import AudioError, Cancelled
from kzdesk.core.engine import AudioPiece
from kzdesk.core.i18n import QT_TRANSLATE_NOOP

SAMPLE_RATE = 16000
# Decoded frames are gathered up to this many samples per channel before resampling, as
# faster-whisper does (bounds memory: about 10 s of 48 kHz audio, a minute of 8 kHz).
GROUP_SAMPLES = 500_000
ORIGINAL = "ORIGINAL"  # AudioPiece.audio_format of a recording read as it is

UNREADABLE = QT_TRANSLATE_NOOP(
    "Messages",
    "The offline engine could not read the audio of this recording. Check that the file "
    "plays, then Retry.",
)


def original_piece(
    path: str | Path, duration_ms: int, channels: int, sample_rate: int
) -> AudioPiece:
    """The whole recording as one piece, read as it is (engines that run on this computer)."""
    return AudioPiece(
        path=str(path),
        audio_format=ORIGINAL,
        offset_ms=0,
        duration_ms=duration_ms,
        channels=channels,
        sample_rate=sample_rate,
        index=0,
    )


def stream_pcm(
    path: str | Path,
    *,
    stereo: bool = False,
    start_sample: int = 0,
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[Any]:
    """Yield float32 numpy blocks of the first audio track at 16 kHz, from ``start_sample``.

    Mono (a down-mix) gives 1-D blocks; ``stereo`` gives (n, 2) blocks (a mono file is
    duplicated into both columns). Raises AudioError with a sentence when the file cannot be
    decoded at all, Cancelled when ``cancelled()`` turns true (checked per block)."""
    import av

    channels = 2 if stereo else 1
    produced = False
    try:
        with av.open(str(path), mode="r", metadata_errors="ignore") as container:
            if not container.streams.audio:
                raise AudioError(UNREADABLE)
            frames = _grouped(_frames(container))
            for block in _resampled(frames, channels, max(int(start_sample), 0), cancelled):
                produced = True
                yield block
    except (AudioError, Cancelled):
        raise
    except (av.error.FFmpegError, OSError, ValueError) as exc:
        if not produced:
            raise AudioError(UNREADABLE) from exc
        # damaged part-way through: what was decoded is the recording (as probe measured it)


def _resampled(
    frames: Iterator[Any],
    channels: int,
    skip: int,
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[Any]:
    """Decoded frames as float32 blocks at 16 kHz (mono: 1-D; stereo: (n, 2)), the first
    ``skip`` samples left out; ``cancelled()`` is checked per frame (group)."""
    import av
    import numpy as np

    resampler = av.audio.resampler.AudioResampler(
        format="s16", layout="stereo" if channels == 2 else "mono", rate=SAMPLE_RATE
    )
    try:
        for frame in itertools.chain(frames, [None]):
            if cancelled is not None and cancelled():
                raise Cancelled()
            for out in resampler.resample(frame):
                data = out.to_ndarray().reshape(-1, channels)
                if skip:
                    dropped = min(skip, len(data))
                    skip -= dropped
                    data = data[dropped:]
                if len(data):
                    block = data.astype(np.float32) / 32768.0
                    yield block[:, 0] if channels == 1 else block
    finally:
        del resampler
        gc.collect()  # PyAV's resampler keeps native buffers until collected


def _frames(container: Any) -> Iterator[Any]:
    """Decoded audio frames of the first track; frames the decoder rejects are skipped."""
    import av

    frames = container.decode(audio=0)
    while True:
        try:
            frame = next(frames)
        except StopIteration:
            return
        except av.error.InvalidDataError:
            continue
        yield frame


def _grouped(frames: Iterator[Any]) -> Iterator[Any]:
    """Frames joined into groups of about GROUP_SAMPLES (fewer resampler calls)."""
    import av

    fifo = av.audio.fifo.AudioFifo()
    for frame in frames:
        frame.pts = None  # timestamps of damaged files jump; the samples are what counts
        fifo.write(frame)
        if fifo.samples >= GROUP_SAMPLES:
            yield fifo.read()
    if fifo.samples:
        yield fifo.read()


def read_span(path: str | Path, start_ms: int, end_ms: int) -> Any:
    """The recording's ``start_ms``..``end_ms`` as 16 kHz mono float32 samples, reached by
    seeking (a phrase three hours in does not decode the three hours before it). Seeking lands
    on a frame before the start; that frame's time (from the stream's start, as
    :func:`stream_pcm` counts samples) tells where its samples lie, so the span is cut to
    within a sample or two of what :func:`stream_pcm` gives. A file without frame times is
    decoded from its start. Raises AudioError with a sentence."""
    import av

    start_ms = max(start_ms, 0)
    first = start_ms * SAMPLE_RATE // 1000
    wanted = max(end_ms - start_ms, 0) * SAMPLE_RATE // 1000
    try:
        with av.open(str(path), mode="r", metadata_errors="ignore") as container:
            if not container.streams.audio:
                raise AudioError(UNREADABLE)
            stream = container.streams.audio[0]
            origin = stream.start_time or 0  # in stream.time_base
            target = start_ms / 1000 - SEEK_LEAD_S
            if target > 0 and stream.time_base:
                try:
                    container.seek(origin + int(target / stream.time_base), stream=stream)
                except av.error.FFmpegError:
                    container.seek(0)
            frames = _frames(container)
            head = next(frames, None)
            at = None  # the sample the head frame starts at, when its time is known
            if head is not None and head.pts is not None and head.time_base is not None:
                seconds = (head.pts - origin * stream.time_base / head.time_base) * head.time_base
                at = round(float(seconds) * SAMPLE_RATE)
            if at is None or at > first:  # no frame time, or the seek overshot
                return _collect(stream_pcm(path, start_sample=first), wanted)
            frames = _grouped(itertools.chain([head], frames))
            return _collect(_resampled(frames, 1, first - at), wanted)
    except AudioError:
        raise
    except (av.error.FFmpegError, OSError, ValueError) as exc:
        raise AudioError(UNREADABLE) from exc


SEEK_LEAD_S = 1.0  # seek this far before a span: the frame found may start after the target


def _collect(blocks: Iterator[Any], wanted: int) -> Any:
    import numpy as np

    parts, got = [], 0
    for block in blocks:
        parts.append(block[: wanted - got])
        got += len(parts[-1])
        if got >= wanted:
            break
    return np.concatenate(parts) if parts else np.zeros(0, np.float32)
