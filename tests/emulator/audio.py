"""Audio helpers for the SpeechKit emulator and its tests.

Decoding runs the ffmpeg binary from ``imageio_ffmpeg`` (a subprocess, no shell) into
16 kHz 16-bit PCM, one array per channel. Speech regions are found by frame energy.
Test audio (tone bursts in silence) is synthesised with the same binary.
"""

from __future__ import annotations

import struct
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass

import imageio_ffmpeg
import numpy as np

from tests.media import bursts_file

SAMPLE_RATE = 16_000
FRAME_MS = 10

# ffmpeg demuxer per SpeechKit container type; LPCM is raw s16le.
DEMUXERS = {"OGG_OPUS": "ogg", "MP3": "mp3", "WAV": "wav"}


class DecodeError(ValueError):
    """The bytes are not audio of the declared format."""


@dataclass
class DecodedAudio:
    channels: list[np.ndarray]  # float32 in [-1, 1], SAMPLE_RATE, one array per channel

    @property
    def channel_count(self) -> int:
        return len(self.channels)

    @property
    def duration_ms(self) -> int:
        if not self.channels:
            return 0
        return len(self.channels[0]) * 1000 // SAMPLE_RATE


def ffmpeg_exe() -> str:
    return imageio_ffmpeg.get_ffmpeg_exe()


def decode(
    data: bytes,
    audio_format: str,
    *,
    sample_rate_hz: int = 0,
    channels: int = 1,
    timeout_s: float = 60,
) -> DecodedAudio:
    """Decode ``data`` declared as ``audio_format`` ("OGG_OPUS", "MP3", "WAV", "LPCM")."""
    if audio_format == "LPCM":
        if sample_rate_hz not in (8000, 16000, 48000):
            raise DecodeError(f"unsupported LPCM sample rate {sample_rate_hz}")
        input_args = ["-f", "s16le", "-ar", str(sample_rate_hz), "-ac", str(max(channels, 1))]
    elif audio_format in DEMUXERS:
        input_args = ["-f", DEMUXERS[audio_format]]
    else:
        raise DecodeError(f"unknown audio format {audio_format!r}")
    if not data:
        raise DecodeError("no audio data")
    cmd = [
        ffmpeg_exe(),
        "-hide_banner",
        "-loglevel",
        "error",
        *input_args,
        "-i",
        "pipe:0",
        "-vn",
        "-ar",
        str(SAMPLE_RATE),
        "-acodec",
        "pcm_s16le",
        "-f",
        "wav",
        "pipe:1",
    ]
    try:
        proc = subprocess.run(cmd, input=data, capture_output=True, timeout=timeout_s, check=False)
    except subprocess.TimeoutExpired as exc:
        raise DecodeError("decoding took too long") from exc
    if proc.returncode != 0 or len(proc.stdout) < 44:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise DecodeError(message[-1] if message else "ffmpeg could not decode the audio")
    return _parse_wav(proc.stdout)


def _parse_wav(blob: bytes) -> DecodedAudio:
    """Parse ffmpeg's streamed WAV (its size fields may be placeholders)."""
    if blob[:4] != b"RIFF" or blob[8:12] != b"WAVE":
        raise DecodeError("decoder produced no WAV")
    pos, channels = 12, 0
    while pos + 8 <= len(blob):
        chunk_id = blob[pos : pos + 4]
        size = struct.unpack("<I", blob[pos + 4 : pos + 8])[0]
        body = pos + 8
        if chunk_id == b"fmt ":
            channels = struct.unpack("<H", blob[body + 2 : body + 4])[0]
        elif chunk_id == b"data":
            if channels <= 0:
                raise DecodeError("WAV without format")
            pcm = blob[body:]
            pcm = pcm[: len(pcm) - len(pcm) % (2 * channels)]
            samples = np.frombuffer(pcm, dtype="<i2").astype(np.float32) / 32768.0
            frames = samples.reshape(-1, channels)
            return DecodedAudio([frames[:, i].copy() for i in range(channels)])
        pos = body + size + (size & 1)
    raise DecodeError("decoder produced no audio samples")


def speech_regions(
    samples: np.ndarray,
    *,
    min_speech_ms: int = 200,
    min_silence_ms: int = 300,
    floor_db: float = -50.0,
    dynamic_range_db: float = 35.0,
) -> list[tuple[int, int]]:
    """Non-silent stretches (start_ms, end_ms) of one channel.

    A 10 ms frame is active when its RMS is above ``floor_db`` dBFS and within
    ``dynamic_range_db`` of the loudest frame. Gaps shorter than ``min_silence_ms`` are
    bridged; stretches shorter than ``min_speech_ms`` are dropped.
    """
    hop = SAMPLE_RATE * FRAME_MS // 1000
    n = len(samples) // hop
    if n == 0:
        return []
    frames = samples[: n * hop].reshape(n, hop).astype(np.float64)
    rms = np.sqrt(np.mean(frames * frames, axis=1))
    db = 20 * np.log10(np.maximum(rms, 1e-10))
    threshold = max(floor_db, float(db.max()) - dynamic_range_db)
    active = np.concatenate(([False], db > threshold, [False])).astype(np.int8)
    edges = np.flatnonzero(np.diff(active))  # rises and falls alternate
    regions = [[int(a), int(b)] for a, b in zip(edges[::2], edges[1::2], strict=True)]
    merged: list[list[int]] = []
    for region in regions:
        if merged and (region[0] - merged[-1][1]) * FRAME_MS < min_silence_ms:
            merged[-1][1] = region[1]
        else:
            merged.append(region)
    return [(a * FRAME_MS, b * FRAME_MS) for a, b in merged if (b - a) * FRAME_MS >= min_speech_ms]


def synth_bursts(
    path: str,
    bursts: Sequence[tuple[int, int]] | Sequence[Sequence[tuple[int, int]]],
    *,
    duration_ms: int,
    audio_format: str = "OGG_OPUS",
    channels: int = 1,
    frequency_hz: float = 440.0,
) -> str:
    """Write a file of silence with sine bursts at ``bursts`` (start_ms, end_ms).

    For ``channels == 2`` pass one list of bursts per channel. Formats: OGG_OPUS, MP3, WAV.
    """
    per_channel: list[Sequence[tuple[int, int]]]
    if channels == 1:
        per_channel = [bursts]  # type: ignore[list-item]
    else:
        per_channel = list(bursts)  # type: ignore[arg-type]
        if len(per_channel) != channels:
            raise ValueError("give one list of bursts per channel")
    codec = {
        "OGG_OPUS": ["-c:a", "libopus", "-b:a", "32k", "-f", "ogg"],
        "MP3": ["-c:a", "libmp3lame", "-b:a", "64k", "-f", "mp3"],
        "WAV": ["-c:a", "pcm_s16le", "-ar", "16000", "-f", "wav"],
    }[audio_format]
    bursts_file(
        path,
        [],
        duration_ms / 1000,
        rate=48000,
        extra=codec,
        per_channel=[[(a / 1000, (b - a) / 1000) for a, b in ch] for ch in per_channel],
        frequency_hz=frequency_hz,
        noise=0,
    )
    return path


def synth_silence(path: str, *, duration_ms: int, audio_format: str = "OGG_OPUS") -> str:
    return synth_bursts(path, [], duration_ms=duration_ms, audio_format=audio_format)
