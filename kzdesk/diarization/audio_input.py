"""Decode any recording to 16 kHz float32 through an ffmpeg pipe, block by block.

The whole recording is never held in memory: diarization keeps only what it derives from each
block (speech probabilities, mel frames, channel levels), a few megabytes per hour of sound.
librosa is deliberately not used here: slow to import, and it compiles code on first use.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np

from kzdesk.audio.errors import AudioError, Cancelled
from kzdesk.audio.ffmpeg import start_pcm_decoder

RATE = 16000
BLOCK_SECONDS = 30


def decode_blocks(
    path: str | Path,
    *,
    channels: int = 1,
    block_seconds: float = BLOCK_SECONDS,
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[np.ndarray]:
    """Yield float32 blocks of the first audio track at 16 kHz: shape (n,) for ``channels=1``
    (a down-mix), (n, channels) otherwise. Raises AudioError with a sentence if nothing could be
    decoded, Cancelled when ``cancelled()`` turns true (checked every block)."""
    file = Path(path)
    if not file.is_file():
        raise AudioError(
            f"The recording “{file.name}” is not there any more, so its speakers cannot be "
            "told apart. It may have been moved, renamed or deleted."
        )
    frame_bytes = 2 * channels
    block_bytes = int(block_seconds * RATE) * frame_bytes
    with tempfile.TemporaryFile() as errors:
        try:
            proc = start_pcm_decoder(file, rate=RATE, channels=channels, stderr=errors)
        except OSError as exc:
            raise AudioError(
                "kzdesk could not start its audio converter (ffmpeg). Reinstall kzdesk."
            ) from exc
        assert proc.stdout is not None
        produced = 0
        try:
            pending = b""
            while True:
                if cancelled is not None and cancelled():
                    raise Cancelled()
                data = proc.stdout.read(block_bytes)
                if not data:
                    break
                data = pending + data
                whole = len(data) // frame_bytes * frame_bytes
                pending = data[whole:]
                if whole:
                    produced += whole
                    yield _to_float(data[:whole], channels)
            returncode = proc.wait()
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            proc.stdout.close()
        if produced == 0:
            errors.seek(0)
            message = errors.read()[-2000:].decode("utf-8", "replace")
            if returncode != 0 and "matches no streams" not in message:
                raise AudioError(
                    f"“{file.name}” is damaged or is not an audio or video file kzdesk can "
                    "read, so its speakers cannot be told apart. Try the original recording."
                )
            raise AudioError(f"“{file.name}” holds no sound, so it has no speakers to find.")


def _to_float(data: bytes, channels: int) -> np.ndarray:
    pcm = np.frombuffer(data, dtype="<i2").astype(np.float32) * (1.0 / 32768.0)
    return pcm if channels == 1 else pcm.reshape(-1, channels)
