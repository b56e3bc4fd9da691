"""Waveform peaks for the editor's timeline strip (Qt-free, numpy only).

ffmpeg decodes the first audio track to mono 16-bit PCM at a low sample rate on a pipe; the
samples are read in small chunks and reduced to the largest absolute value per time bin, so a
recording of any length needs only a few hundred kilobytes of memory. The result is cached in a
small binary file keyed by the recording's path, size and modification time, so each recording
is decoded once.

librosa is deliberately not used: it is slow to import and compiles code on its first call.
"""

from __future__ import annotations

import hashlib
import logging
import os
import struct
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from kzdesk.audio.errors import AudioError, Cancelled
from kzdesk.audio.ffmpeg import start_pcm_decoder
from kzdesk.core.i18n import QT_TRANSLATE_NOOP
from kzdesk.services import privacy

log = logging.getLogger(__name__)

DEFAULT_BINS_PER_SECOND = 50
_TARGET_RATE = 8000  # decoded sample rate; plenty for a picture of loudness
_READ_BYTES = 64 * 1024  # one pipe read: about 4 s of audio
_FULL_SCALE = 32768.0

_CACHE_MAGIC = b"KZPK"
_CACHE_VERSION = 1
_CACHE_HEADER = struct.Struct("<4sHIqI")  # magic, version, bins/s, duration_ms, count


@dataclass(frozen=True, eq=False)
class Peaks:
    """Largest absolute sample (0..1) in each bin of 1/bins_per_second seconds."""

    values: np.ndarray  # float32, one per bin; the last bin may cover less time
    bins_per_second: int
    duration_ms: int

    def __len__(self) -> int:
        return int(self.values.shape[0])

    def bin_at(self, ms: int) -> int:
        """Index of the bin holding time ``ms`` (clamped to the recording)."""
        if len(self) == 0:
            return 0
        return min(max(ms * self.bins_per_second // 1000, 0), len(self) - 1)

    def columns(self, width: int, start_ms: int = 0, end_ms: int | None = None) -> np.ndarray:
        """``width`` values for drawing [start_ms, end_ms) in ``width`` pixels: the largest
        peak under each pixel (a pixel narrower than a bin repeats that bin)."""
        end = self.duration_ms if end_ms is None else end_ms
        if width <= 0 or len(self) == 0 or end <= start_ms:
            return np.zeros(max(width, 0), dtype=np.float32)
        first = start_ms * self.bins_per_second / 1000
        last = end * self.bins_per_second / 1000
        edges = np.linspace(first, last, width + 1)
        lo = np.clip(np.floor(edges[:-1]).astype(np.int64), 0, len(self))
        hi = np.clip(np.ceil(edges[1:]).astype(np.int64), 0, len(self))
        hi = np.maximum(hi, np.minimum(lo + 1, len(self)))
        out = np.zeros(width, dtype=np.float32)
        # Neighbouring pixels may share a bin, so the ranges overlap and np.maximum.reduceat
        # does not fit; a loop over screen pixels is cheap.
        for column, (a, b) in enumerate(zip(lo.tolist(), hi.tolist(), strict=True)):
            if a < b:
                out[column] = self.values[a:b].max()
        return out


def compute_peaks(
    path: str | Path,
    *,
    bins_per_second: int = DEFAULT_BINS_PER_SECOND,
    cancelled: Callable[[], bool] | None = None,
) -> Peaks:
    """Decode ``path`` through ffmpeg and reduce it to peaks; raise AudioError with a sentence
    if it cannot be read, Cancelled when ``cancelled()`` turns true (checked every chunk)."""
    if not 1 <= bins_per_second <= 1000:
        raise ValueError("bins_per_second must be between 1 and 1000")
    file = Path(path)
    _stat(file)  # plain sentences for missing / unreadable files before ffmpeg starts
    samples_per_bin = -(-_TARGET_RATE // bins_per_second)  # ceil: a whole number per bin
    rate = samples_per_bin * bins_per_second
    with tempfile.TemporaryFile() as errors:
        try:
            proc = start_pcm_decoder(file, rate=rate, channels=1, stderr=errors)
        except OSError as exc:
            raise AudioError(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "kzdesk could not start its audio converter (ffmpeg) to draw the waveform. "
                    "Reinstall kzdesk.",
                )
            ) from exc
        try:
            chunks, samples = _reduce(proc, samples_per_bin, cancelled)
            returncode = proc.wait()
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            assert proc.stdout is not None
            proc.stdout.close()
        errors.seek(0)
        message = errors.read()[-4000:].decode("utf-8", "replace")
    if samples == 0:
        raise _decode_error(file, message, returncode)
    if returncode != 0:  # a truncated file: keep what could be read, as probe does
        log.warning("waveform of %s stopped early: %s", file, message.strip()[-300:])
    values = np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.float32)
    return Peaks(values, bins_per_second, samples * 1000 // rate)


def load_or_compute(
    path: str | Path,
    cache_dir: str | Path,
    *,
    bins_per_second: int = DEFAULT_BINS_PER_SECOND,
    cancelled: Callable[[], bool] | None = None,
) -> Peaks:
    """Peaks of ``path`` from the cache in ``cache_dir``, computing and storing them once.

    The key covers the absolute path, size and modification time, so a changed or replaced
    recording is decoded again. A cache that cannot be written only costs the next decode.
    """
    file = Path(path)
    info = _stat(file)
    key = f"{file.absolute()}\0{info.st_size}\0{info.st_mtime_ns}\0{bins_per_second}"
    digest = hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:32]
    cache_file = Path(cache_dir) / f"{digest}.peaks"
    cached = _read_cache(cache_file, bins_per_second)
    if cached is not None:
        return cached
    peaks = compute_peaks(file, bins_per_second=bins_per_second, cancelled=cancelled)
    try:
        _write_cache(cache_file, peaks)
    except OSError as exc:
        log.warning("could not cache the waveform in %s: %s", cache_file, exc)
    return peaks


# ---- internals ---------------------------------------------------------------------------


def _reduce(
    proc: subprocess.Popen[bytes],
    samples_per_bin: int,
    cancelled: Callable[[], bool] | None,
) -> tuple[list[np.ndarray], int]:
    """Read PCM from ffmpeg's stdout chunk by chunk; return per-chunk peaks and sample count."""
    assert proc.stdout is not None
    bin_bytes = 2 * samples_per_bin
    pending = b""
    chunks: list[np.ndarray] = []
    samples = 0
    while True:
        if cancelled is not None and cancelled():
            raise Cancelled()
        data = proc.stdout.read(_READ_BYTES)
        if not data:
            break
        if pending:
            data = pending + data
        whole = len(data) // bin_bytes * bin_bytes
        pending = data[whole:]
        if whole:
            chunks.append(_bin_peaks(data[:whole], samples_per_bin))
            samples += whole // 2
    tail = len(pending) // 2 * 2
    if tail:  # the last, shorter bin
        chunks.append(_bin_peaks(pending[:tail], tail // 2))
        samples += tail // 2
    return chunks, samples


def _bin_peaks(data: bytes, samples_per_bin: int) -> np.ndarray:
    pcm = np.frombuffer(data, dtype="<i2").astype(np.int32).reshape(-1, samples_per_bin)
    return (np.abs(pcm).max(axis=1) / _FULL_SCALE).astype(np.float32)


def _stat(file: Path) -> os.stat_result:
    name = file.name
    try:
        info = file.stat()
    except FileNotFoundError as exc:
        raise AudioError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The recording “{name}” is not there any more, so its waveform cannot be drawn. "
                "It may have been moved, renamed or deleted.",
            ).format(name=name)
        ) from exc
    except OSError as exc:
        raise AudioError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "“{name}” could not be read ({reason}), so its waveform cannot be drawn. Check "
                "the disk or copy the file elsewhere.",
            ).format(name=name, reason=exc.strerror or QT_TRANSLATE_NOOP("Messages", "read error"))
        ) from exc
    if file.is_dir():
        raise AudioError(
            QT_TRANSLATE_NOOP("Messages", "“{name}” is a folder, not a recording.").format(
                name=name
            )
        )
    if not os.access(file, os.R_OK):
        raise AudioError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "kzdesk is not allowed to read “{name}”, so its waveform cannot be drawn. Change "
                "the file's permissions or copy it to a folder of your own.",
            ).format(name=name)
        )
    return info


def _decode_error(file: Path, message: str, returncode: int) -> AudioError:
    name = file.name
    log.info("ffmpeg could not decode %s (exit %s): %s", file, returncode, message.strip())
    if "matches no streams" in message or "does not contain any stream" in message:
        return AudioError(
            QT_TRANSLATE_NOOP(
                "Messages", "“{name}” holds no sound, so there is no waveform to draw."
            ).format(name=name)
        )
    if returncode == 0:
        return AudioError(
            QT_TRANSLATE_NOOP(
                "Messages", "“{name}” contains no sound: its audio track is empty."
            ).format(name=name)
        )
    return AudioError(
        QT_TRANSLATE_NOOP(
            "Messages",
            "“{name}” is damaged or is not an audio or video file kzdesk can read, so its "
            "waveform cannot be drawn. Try the original recording.",
        ).format(name=name)
    )


def _read_cache(cache_file: Path, bins_per_second: int) -> Peaks | None:
    try:
        blob = cache_file.read_bytes()
    except OSError:
        return None
    if len(blob) < _CACHE_HEADER.size:
        return None
    magic, version, bps, duration_ms, count = _CACHE_HEADER.unpack_from(blob)
    body = blob[_CACHE_HEADER.size :]
    if (
        magic != _CACHE_MAGIC
        or version != _CACHE_VERSION
        or bps != bins_per_second
        or len(body) != 4 * count
    ):
        log.info("ignoring a stale or damaged waveform cache %s", cache_file)
        return None
    values = np.frombuffer(body, dtype="<f4").astype(np.float32)
    return Peaks(values, bps, duration_ms)


_O_BINARY = getattr(os, "O_BINARY", 0)


def _write_cache(cache_file: Path, peaks: Peaks) -> None:
    privacy.make_dir(cache_file.parent)
    header = _CACHE_HEADER.pack(
        _CACHE_MAGIC, _CACHE_VERSION, peaks.bins_per_second, peaks.duration_ms, len(peaks)
    )
    partial = cache_file.with_name(f"{cache_file.name}.{os.getpid()}.part")
    try:
        # user-only, like everything in the data folder (kzdesk.services.privacy)
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | _O_BINARY, 0o600)
        with open(fd, "wb") as handle:
            handle.write(header)
            handle.write(peaks.values.astype("<f4").tobytes())
        os.replace(partial, cache_file)  # readers never see half a file
    finally:
        partial.unlink(missing_ok=True)
