"""Turn a probed recording into the pieces to send to SpeechKit.

Encoder settings (measured on a 2-core Debian 12 VM with the ffmpeg 9.0.2 of imageio-ffmpeg,
speech-like 44.1 kHz stereo FLAC source, mono 16 kHz output at 24 kbit/s, 10 minutes):

    ffmpeg defaults (application audio, compression_level 10, 20 ms)  7.9 s   ~76x realtime
    application voip, compression_level 5                              5.1 s
    application voip, compression_level 3                              4.0 s
    application voip, compression_level 1                              2.4-3.2 s
    application voip, compression_level 0                              2.2 s  ~270x realtime
    (decoding + resampling alone                                       0.8 s)

bench/convert.py end to end (probe + prepare in a fresh interpreter vs bare default ffmpeg):
10 min 2.4 s vs 7.7 s (3.2x), 60 min 16.1 s vs 44.1 s (2.7x), 34 MB peak RSS, 8.7 MB per
audio hour. `voip` keeps libopus in its SILK speech coder, which suits a recogniser at 16 kHz;
complexity 0 only simplifies SILK's pitch and noise-shaping search. (application audio at
level 0 was faster still, 1.5 s, but switches to the CELT music coder and gives 20 % bigger
files.) 60 ms packets: SILK codes speech in 20 ms frames whatever the packet size, so a 60 ms
packet just carries three of them with less per-packet work and overhead: 10 min 2.3 s -> 2.0 s
end to end, 8.7 -> 8.4 MB per hour, same coder and bit rate.

Two-channel output (channels_as_speakers) uses 48 kbit/s: below ~32 kbit/s libopus narrows
the stereo image, which would leak one person's voice into the other's channel.

``encoding="flac"`` (the organisation server engine) makes 16 kHz mono FLAC instead: exactly
the samples Whisper computes on (it resamples everything to 16 kHz mono), so the piece format
cannot cost accuracy; about 70 MB per hour of speech, for a server on the organisation's own
network. FLAC pieces are cut by re-encoding each stretch (stream-copied FLAC frames keep the
whole file's frame numbers and length, which some decoders trust), still at the same pauses.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from pathlib import Path

from kzdesk.audio.errors import AudioError, Cancelled, DiskFull
from kzdesk.audio.ffmpeg import ffmpeg_input, last_error_line, out_of_space, run_ffmpeg
from kzdesk.audio.probe import AudioInfo
from kzdesk.audio.split import cut_exact, cut_pieces, plan_cuts
from kzdesk.core.engine import MAX_INLINE_BYTES, AudioPiece
from kzdesk.core.i18n import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

SAMPLE_RATE = 16000
MONO_BITRATE = "24k"
STEREO_BITRATE = "48k"
OPUS_SETTINGS = ["-application", "voip", "-compression_level", "0", "-frame_duration", "60"]
FLAC_SETTINGS = ["-c:a", "flac", "-sample_fmt", "s16", "-compression_level", "5"]
ENCODINGS = {"opus": (".ogg", "OGG_OPUS"), "flac": (".flac", "FLAC")}  # suffix, piece format
DEFAULT_MAX_PIECE_MS = 4 * 3600 * 1000 - 60_000
_MIN_PIECE_MS = 5_000
_SIZE_SAFETY = 0.9  # aim pieces at 90 % of the inline limit: bit rate varies along a file

ProgressFn = Callable[[float], None]
CancelFn = Callable[[], bool]


def prepare(
    path: str | Path,
    info: AudioInfo,
    work_dir: str | Path,
    *,
    channels_as_speakers: bool = False,
    max_piece_ms: int = DEFAULT_MAX_PIECE_MS,
    inline_limit_bytes: int = MAX_INLINE_BYTES,
    encoding: str = "opus",
    progress: ProgressFn | None = None,
    cancelled: CancelFn | None = None,
) -> list[AudioPiece]:
    """Return the pieces to send: the file itself when the engine takes it as is, otherwise
    converted (and, if too long or too big, split at pauses) files inside work_dir.

    ``encoding``: "opus" (16 kHz OGG Opus, SpeechKit) or "flac" (16 kHz FLAC, lossless)."""
    source = Path(path)
    suffix, piece_format = ENCODINGS[encoding]
    report = _Monotonic(progress)
    _check_cancel(cancelled)
    pass_format = _pass_through_format(info, channels_as_speakers, encoding)
    if (
        pass_format is not None
        and info.duration_ms <= max_piece_ms
        and info.size_bytes <= inline_limit_bytes
    ):
        report(1.0)
        return [
            AudioPiece(
                path=str(source),
                audio_format=pass_format,
                offset_ms=0,
                duration_ms=info.duration_ms,
                channels=info.channels,
                sample_rate=info.sample_rate,
            )
        ]

    out_dir = Path(work_dir)
    out_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    channels = 2 if channels_as_speakers and info.channels >= 2 else 1
    converted = out_dir / f"audio-{_stable_id(source)}{suffix}"
    will_split = info.duration_ms > max_piece_ms
    convert_share = 0.85 if will_split else 0.95
    total_ms = convert_to_opus(
        source,
        converted,
        channels=channels,
        duration_ms=info.duration_ms,
        progress=lambda f: report(f * convert_share),
        cancelled=cancelled,
        encoding=encoding,
    )
    size = converted.stat().st_size
    piece_ms = max_piece_ms
    if size > inline_limit_bytes:
        piece_ms = min(piece_ms, int(inline_limit_bytes * _SIZE_SAFETY * total_ms / size))
    if piece_ms < _MIN_PIECE_MS:
        converted.unlink(missing_ok=True)
        raise AudioError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The size limit for sending is too small for this recording. Check the SpeechKit "
                "settings.",
            )
        )
    if total_ms <= piece_ms:
        report(1.0)
        return [_piece(converted, 0, total_ms, channels, 0, piece_format)]

    try:
        pieces = _split(converted, total_ms, piece_ms, inline_limit_bytes, report, cancelled)
    finally:
        converted.unlink(missing_ok=True)
    report(1.0)
    return [
        _piece(p, start, end - start, channels, i, piece_format)
        for i, (p, start, end) in enumerate(pieces)
    ]


def convert_to_opus(
    source: Path,
    target: Path,
    *,
    channels: int,
    duration_ms: int,
    progress: ProgressFn | None = None,
    cancelled: CancelFn | None = None,
    encoding: str = "opus",
) -> int:
    """Stream-convert the first audio track to 16 kHz OGG Opus (or FLAC with
    ``encoding="flac"``); return its duration in ms."""
    layout = ["-af", "pan=stereo|c0=c0|c1=c1"] if channels == 2 else ["-ac", "1"]
    bitrate = STEREO_BITRATE if channels == 2 else MONO_BITRATE
    args = ["-v", "error", "-y", "-i", ffmpeg_input(source), "-map", "0:a:0"]
    args += ["-vn", "-sn", "-dn", "-map_metadata", "-1", *layout, "-ar", str(SAMPLE_RATE)]
    if encoding == "flac":
        args += [*FLAC_SETTINGS, "-f", "flac", ffmpeg_input(target)]
    else:
        args += ["-c:a", "libopus", "-b:a", bitrate, "-vbr", "on", *OPUS_SETTINGS]
        args += ["-f", "ogg", ffmpeg_input(target)]

    def on_time(ms: int) -> None:
        if progress is not None and duration_ms > 0:
            progress(min(1.0, ms / duration_ms))

    try:
        run = run_ffmpeg(args, on_time_ms=on_time, cancelled=cancelled)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    if run.returncode != 0 or not target.is_file() or target.stat().st_size == 0:
        target.unlink(missing_ok=True)
        log.error("ffmpeg failed converting %s: %s", source, run.stderr)
        message = _conversion_failure(source.name, run.stderr)
        raise DiskFull(message) if out_of_space(run.stderr) else AudioError(message)
    return run.out_time_ms if run.out_time_ms > 0 else duration_ms


def _split(
    converted: Path,
    total_ms: int,
    piece_ms: int,
    inline_limit_bytes: int,
    report: _Monotonic,
    cancelled: CancelFn | None,
) -> list[tuple[Path, int, int]]:
    """Split until every piece fits the size limit (bit rate varies, so retry smaller)."""
    base = max(report.floor, 0.0)
    for _attempt in range(4):
        cuts = plan_cuts(
            converted,
            total_ms,
            piece_ms,
            on_fraction=lambda f: report(base + (0.97 - base) * f),
            cancelled=cancelled,
        )
        cut = cut_exact if converted.suffix == ".flac" else cut_pieces
        pieces = cut(converted, cuts, converted.parent, cancelled=cancelled)
        if all(p.path.stat().st_size <= inline_limit_bytes for p in pieces):
            ends = [p.end_ms for p in pieces[:-1]] + [total_ms]
            return [(p.path, p.start_ms, end) for p, end in zip(pieces, ends, strict=True)]
        for piece in pieces:
            piece.path.unlink(missing_ok=True)
        piece_ms = int(piece_ms * 0.7)
    raise AudioError(
        QT_TRANSLATE_NOOP(
            "Messages",
            "kzdesk could not cut the recording into pieces small enough to send. Convert it "
            "to MP3 with another program and try again.",
        )
    )


def _pass_through_format(
    info: AudioInfo, channels_as_speakers: bool, encoding: str = "opus"
) -> str | None:
    """ "MP3" or "OGG_OPUS" (and "FLAC" for engines that take FLAC) when the engine accepts
    the file unchanged, else None."""
    if info.channels != 1 and not (channels_as_speakers and info.channels == 2):
        return None
    if info.codec == "mp3" and info.container == "mp3":
        return "MP3"
    if info.codec == "opus" and info.container == "ogg":
        return "OGG_OPUS"
    if encoding == "flac" and info.codec == "flac" and info.container == "flac":
        return "FLAC"
    return None


def _piece(
    path: Path,
    offset_ms: int,
    duration_ms: int,
    channels: int,
    index: int,
    audio_format: str = "OGG_OPUS",
) -> AudioPiece:
    return AudioPiece(
        path=str(path),
        audio_format=audio_format,
        offset_ms=offset_ms,
        duration_ms=duration_ms,
        channels=channels,
        sample_rate=SAMPLE_RATE,
        index=index,
    )


def _conversion_failure(name: str, stderr: str) -> str:
    last = last_error_line(stderr)
    if out_of_space(stderr):
        return QT_TRANSLATE_NOOP(
            "Messages",
            "The disk is full, so the recording cannot be converted. Free some space and try again.",
        )
    if "Permission denied" in stderr:
        return QT_TRANSLATE_NOOP(
            "Messages",
            "kzdesk is not allowed to write its working copy of “{name}”. "
            "Check the permissions of the kzdesk data folder.",
        ).format(name=name)
    log.debug("last ffmpeg line: %s", last)
    return QT_TRANSLATE_NOOP(
        "Messages",
        "“{name}” could not be converted: the file seems damaged part-way through. "
        "Try the original file, or convert it to MP3 with another program.",
    ).format(name=name)


def _stable_id(source: Path) -> str:
    return hashlib.sha1(str(source.absolute()).encode("utf-8")).hexdigest()[:12]


def _check_cancel(cancelled: CancelFn | None) -> None:
    if cancelled is not None and cancelled():
        raise Cancelled()


class _Monotonic:
    """Pass progress on only when it grows (so 1.0 comes once), clamped to 0..1."""

    def __init__(self, callback: ProgressFn | None) -> None:
        self._callback = callback
        self.floor = -1.0

    def __call__(self, fraction: float) -> None:
        fraction = min(1.0, max(0.0, fraction))
        if fraction <= self.floor:
            return
        self.floor = fraction
        if self._callback is not None:
            self._callback(fraction)
