"""Find out what a dropped file holds, and say in plain words when it is unusable.

Two short ffmpeg runs (imageio-ffmpeg ships no ffprobe):

1. ``-i FILE -map 0:a:0 -c copy -f null -``: the format dump on stderr gives the container,
   codec and bit rate; stream-copying the audio (no decoding, fast even for hours) gives the
   duration from the packets themselves, which is right even when the header is wrong.
2. Decode the first seconds to WAV on a pipe: proves the audio can be decoded and gives the
   real channel count and sample rate from the WAV header.

A truncated but partly decodable file (e.g. an MP3 cut off during a download) probes fine:
its duration is what can actually be read, so only that part is transcribed.
"""

from __future__ import annotations

import os
import re
import stat
import struct
import subprocess
from dataclasses import dataclass
from pathlib import Path

from kzdesk.audio.errors import AudioError
from kzdesk.audio.ffmpeg import FfmpegRun, ffmpeg_input, find_ffmpeg, popen_options, run_ffmpeg
from kzdesk.core.i18n import QT_TRANSLATE_NOOP

MEDIA_EXTENSIONS: frozenset[str] = frozenset(
    {
        # audio
        ".wav", ".wave", ".mp3", ".m4a", ".m4b", ".aac", ".ogg", ".oga", ".opus", ".flac",
        ".wma", ".amr", ".awb", ".aif", ".aiff", ".aifc", ".caf", ".mka", ".ac3", ".spx",
        ".ape", ".wv", ".mp2", ".au", ".gsm", ".dss", ".voc",
        # video with sound
        ".webm", ".3gp", ".3g2", ".mp4", ".mov", ".mkv", ".m4v", ".avi", ".mpeg", ".mpg",
        ".wmv", ".asf", ".flv", ".ts", ".mts", ".m2ts", ".vob", ".ogv",
    }
)  # fmt: skip

_DECODE_CHECK_S = 10  # seconds decoded to prove the audio is readable

_MEDIA_MAGIC: tuple[tuple[int, bytes], ...] = (
    (0, b"ID3"), (0, b"RIFF"), (0, b"OggS"), (0, b"fLaC"), (0, b"#!AMR"),
    (0, b"\x1a\x45\xdf\xa3"), (0, b"\x30\x26\xb2\x75"), (0, b"FORM"), (0, b".snd"),
    (4, b"ftyp"), (4, b"moov"), (4, b"mdat"), (4, b"free"), (4, b"wide"),
    (0, b"\x00\x00\x01\xba"), (0, b"FLV"), (0, b"caff"), (0, b"MAC "), (0, b"wvpk"),
    (0, b"Creative Voice File"), (0, b"\x0b\x77"), (1, b"dss"), (1, b"ds2"),
)  # fmt: skip
_PICTURE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM", b"II*\x00", b"MM\x00*")
_DOCUMENT_MAGIC = (b"%PDF", b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"{\\rtf")
# ffmpeg says so when it only guessed a format (from the name, or a weak match of the bytes)
_GUESSED = "detected only with low score"
# ffmpeg's words for a stream it found but could not make sense of
_BROKEN_STREAM = ("Header missing", "Invalid data", "Could not find codec parameters", "0 channels")

# The sentences for a file that is not a usable recording: a retry cannot change them
# (kzdesk.services.failures reads this list). Kinds: not a recording or an unknown format, a
# damaged recording, a video with no sound.
NOT_MEDIA = QT_TRANSLATE_NOOP(
    "Messages",
    "“{name}” is not an audio or video file kzdesk can read. Choose a recording (for "
    "example MP3, M4A, WAV, OGG or MP4).",
)
NAMED_LIKE_MEDIA = QT_TRANSLATE_NOOP(
    "Messages",
    "“{name}” is named like a recording, but what it holds is not audio or video in any "
    "format kzdesk knows. Choose the original recording (for example MP3, M4A, WAV, OGG or "
    "MP4).",
)
DAMAGED = QT_TRANSLATE_NOOP(
    "Messages",
    "“{name}” is damaged and cannot be played: it may have been cut off while recording or "
    "copying. Try the original file or re-export it.",
)
UNDECODABLE = QT_TRANSLATE_NOOP(
    "Messages",
    "“{name}” is damaged: its sound cannot be decoded. Try the original file or re-export it "
    "from the recorder.",
)
NO_SOUND_TRACK = QT_TRANSLATE_NOOP(
    "Messages",
    "“{name}” is a video without a sound track, so there is nothing to transcribe. Choose a "
    "file that has sound.",
)
HOLDS_NO_SOUND = QT_TRANSLATE_NOOP(
    "Messages",
    "“{name}” is not a recording (it holds no sound). Choose an audio or video file.",
)
ZERO_LENGTH = QT_TRANSLATE_NOOP(
    "Messages",
    "“{name}” contains no sound: its audio track is 0 seconds long. Choose the complete recording.",
)
PICTURE = QT_TRANSLATE_NOOP(
    "Messages",
    "“{name}” is a picture, not a recording, even though its name ends in “{suffix}”. Choose "
    "an audio or video file.",
)
DOCUMENT = QT_TRANSLATE_NOOP(
    "Messages",
    "“{name}” is a document or text file, not a recording. Choose an audio or video file.",
)
EMPTY = QT_TRANSLATE_NOOP(
    "Messages",
    "“{name}” is empty (0 bytes). The recording was probably not saved or copied completely; "
    "choose the original file.",
)
BAD_FILE_TEMPLATES = (
    NOT_MEDIA,
    NAMED_LIKE_MEDIA,
    DAMAGED,
    UNDECODABLE,
    NO_SOUND_TRACK,
    HOLDS_NO_SOUND,
    ZERO_LENGTH,
    PICTURE,
    DOCUMENT,
    EMPTY,
)


def is_media_file(path: str | Path) -> bool:
    """True if the file name has an audio or video extension (the content is not checked)."""
    return Path(path).suffix.lower() in MEDIA_EXTENSIONS


@dataclass(frozen=True)
class AudioInfo:
    path: str
    size_bytes: int
    duration_ms: int
    channels: int
    sample_rate: int
    codec: str  # e.g. "mp3", "opus", "aac", "pcm_s16le"
    container: str  # e.g. "mp3", "ogg", "wav", "mov,mp4,m4a,3gp,3g2,mj2"
    bit_rate: int  # of the audio stream, bps, 0 if unknown


def probe(path: str | Path) -> AudioInfo:
    """Describe the first audio track of `path`; raise AudioError with a sentence if unusable."""
    file = Path(path)
    name = file.name
    size, head = _read_head(file)
    _reject_obvious_non_media(name, head)

    run = run_ffmpeg(["-i", ffmpeg_input(file), "-map", "0:a:0", "-c", "copy", "-f", "null", "-"])
    container, codec, bit_rate = _parse_dump(run, file, head)
    duration_ms = max(run.out_time_ms, 0)
    if duration_ms <= 0:
        if not _has_media_signature(head):  # ffmpeg took noise for a stream
            raise AudioError(_not_media(name))
        broken = any(marker in run.stderr for marker in _BROKEN_STREAM)
        raise AudioError((DAMAGED if broken else ZERO_LENGTH).format(name=name))
    channels, sample_rate = _decode_check(file, _has_media_signature(head))
    return AudioInfo(
        path=str(file),
        size_bytes=size,
        duration_ms=duration_ms,
        channels=channels,
        sample_rate=sample_rate,
        codec=codec,
        container=container,
        bit_rate=bit_rate,
    )


def special_file_problem(name: str, mode: int) -> str | None:
    """A sentence when ``mode`` (of os.stat) is not a regular file or folder: a pipe, a device
    or a socket is never read (a pipe would block for ever, a device never ends)."""
    if stat.S_ISFIFO(mode):
        return QT_TRANSLATE_NOOP(
            "Messages",
            "“{name}” is a pipe (FIFO), not a recording file, so kzdesk does not read it. Save "
            "the recording to a file and add that file.",
        ).format(name=name)
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return QT_TRANSLATE_NOOP(
            "Messages",
            "“{name}” is a device, not a recording file, so kzdesk does not read it. Choose a "
            "recording file.",
        ).format(name=name)
    if stat.S_ISSOCK(mode):
        return QT_TRANSLATE_NOOP(
            "Messages",
            "“{name}” is a socket, not a recording file, so kzdesk does not read it. Choose a "
            "recording file.",
        ).format(name=name)
    return None


_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def _read_head(file: Path) -> tuple[int, bytes]:
    name = file.name
    try:
        if file.is_dir():
            raise AudioError(
                QT_TRANSLATE_NOOP(
                    "Messages", "“{name}” is a folder, not a recording. Choose a file inside it."
                ).format(name=name)
            )
        _refuse_special(name, file.stat().st_mode)
        # O_NONBLOCK: a pipe put there since the check above must not block this open
        fd = _open_for_reading(file)
        try:
            info = os.fstat(fd)
            _refuse_special(name, info.st_mode)
            size = info.st_size
            head = os.read(fd, 4096)
        finally:
            os.close(fd)
    except FileNotFoundError as exc:
        raise AudioError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The file “{name}” is not there any more. It may have been moved, renamed or "
                "deleted, or the disk was removed. Add it again from its new place.",
            ).format(name=name)
        ) from exc
    except PermissionError as exc:
        raise AudioError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "kzdesk is not allowed to read “{name}”. Copy the file to a folder of your own "
                "(for example Documents) or change its permissions, then add it again.",
            ).format(name=name)
        ) from exc
    except OSError as exc:
        raise AudioError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "“{name}” could not be read ({reason}). Check the disk or copy the file "
                "elsewhere, then add it again.",
            ).format(name=name, reason=exc.strerror or QT_TRANSLATE_NOOP("Messages", "read error"))
        ) from exc
    if size == 0:
        raise AudioError(EMPTY.format(name=name))
    return size, head


def _open_for_reading(file: Path) -> int:
    return os.open(file, _OPEN_FLAGS)


def _refuse_special(name: str, mode: int) -> None:
    problem = special_file_problem(name, mode)
    if problem is not None:
        raise AudioError(problem)


def _reject_obvious_non_media(name: str, head: bytes) -> None:
    if head.startswith(_PICTURE_MAGIC):
        raise AudioError(PICTURE.format(name=name, suffix=Path(name).suffix))
    if head.startswith(_DOCUMENT_MAGIC) or _looks_like_text(head):
        raise AudioError(DOCUMENT.format(name=name))


def _looks_like_text(head: bytes) -> bool:
    if not head or b"\x00" in head:
        return False
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not just a character cut at the 4 KB boundary
            return False
        text = head[: exc.start].decode("utf-8")
    return all(ch.isprintable() or ch in "\t\r\n\f" for ch in text)


def _has_media_signature(head: bytes) -> bool:
    if any(head[offset : offset + len(magic)] == magic for offset, magic in _MEDIA_MAGIC):
        return True
    if _transport_stream(head, 0, 188) or _transport_stream(head, 4, 192):  # .ts, .m2ts
        return True
    return len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0  # MPEG audio sync


def _transport_stream(head: bytes, first: int, packet: int) -> bool:
    marks = head[first::packet][:3]
    return len(marks) >= 2 and set(marks) == {0x47}


def _not_media(name: str) -> str:
    """Not a recording, or one in a format nobody here knows; said plainly when the name
    promises a recording."""
    template = NAMED_LIKE_MEDIA if is_media_file(name) else NOT_MEDIA
    return template.format(name=name)


_INPUT_RE = re.compile(r"^Input #0, (.*?), from '", re.MULTILINE)
_AUDIO_RE = re.compile(r"^\s*Stream #0:\d+\S*: Audio: ([^\s,]+)(.*)$", re.MULTILINE)
_STREAM_RE = re.compile(r"^\s*Stream #0:\d+\S*: (\w+):", re.MULTILINE)
_KBPS_RE = re.compile(r"(\d+) kb/s")


def _parse_dump(run: FfmpegRun, file: Path, head: bytes) -> tuple[str, str, int]:
    """Container, codec and bit rate from ffmpeg's format dump, or the right AudioError."""
    name = file.name
    text = run.stderr
    opened = _INPUT_RE.search(text)
    if opened is None:
        if "No such file or directory" in text:
            raise AudioError(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "The file “{name}” disappeared while kzdesk was reading it. Add it again from "
                    "its new place.",
                ).format(name=name)
            )
        if "Permission denied" in text:
            raise AudioError(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "kzdesk is not allowed to read “{name}”. Copy the file to a folder of your own "
                    "or change its permissions, then add it again.",
                ).format(name=name)
            )
        if _has_media_signature(head):
            raise AudioError(DAMAGED.format(name=name))
        raise AudioError(_not_media(name))
    container = opened.group(1)
    audio = _AUDIO_RE.search(text)
    known = _has_media_signature(head) and _GUESSED not in text
    if audio is None:
        kinds = set(_STREAM_RE.findall(text))
        if not known:  # ffmpeg guessed a format (from the name) for bytes it does not know
            raise AudioError(_not_media(name))
        if container.endswith("_pipe") or container == "image2" or "Video" not in kinds:
            raise AudioError(HOLDS_NO_SOUND.format(name=name))
        raise AudioError(NO_SOUND_TRACK.format(name=name))
    if not known and any(marker in text for marker in _BROKEN_STREAM):
        raise AudioError(_not_media(name))
    codec = audio.group(1)
    kbps = _KBPS_RE.search(audio.group(2))
    return container, codec, int(kbps.group(1)) * 1000 if kbps else 0


def _decode_check(file: Path, known: bool = True) -> tuple[int, int]:
    """Decode the first seconds to WAV; return (channels, sample_rate) from its header.
    ``known``: the file starts like a recording (else a failure means it is not one)."""
    command = [find_ffmpeg(), "-hide_banner", "-nostdin", "-v", "error", "-i", ffmpeg_input(file)]
    command += ["-map", "0:a:0", "-t", str(_DECODE_CHECK_S), "-map_metadata", "-1"]
    command += ["-c:a", "pcm_s16le", "-f", "wav", "pipe:1"]
    try:
        done = subprocess.run(  # output is at most ~10 s of PCM
            command,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=120,
            check=False,
            **popen_options(),
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise AudioError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "kzdesk could not read the sound in “{name}”. Try again; if it keeps failing, "
                "convert the file to MP3 with another program.",
            ).format(name=file.name)
        ) from exc
    header = _wav_header(done.stdout)
    if header is None or header[2] == 0:
        raise AudioError(UNDECODABLE.format(name=file.name) if known else _not_media(file.name))
    return header[0], header[1]


def _wav_header(data: bytes) -> tuple[int, int, int] | None:
    """(channels, sample_rate, data_bytes) from a streamed WAV, None if malformed."""
    if len(data) < 12 or data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        return None
    pos, channels, rate = 12, 0, 0
    while pos + 8 <= len(data):
        chunk, size = data[pos : pos + 4], struct.unpack("<I", data[pos + 4 : pos + 8])[0]
        body = pos + 8
        if chunk == b"fmt " and body + 8 <= len(data):
            channels, rate = struct.unpack("<HI", data[body + 2 : body + 8])
        elif chunk == b"data":
            return (channels, rate, len(data) - body) if channels and rate else None
        pos = body + size + (size & 1)
    return None
