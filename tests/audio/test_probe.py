from __future__ import annotations

import importlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from kzdesk.audio import MEDIA_EXTENSIONS, AudioError, is_media_file, probe
from kzdesk.audio.ffmpeg import find_ffmpeg
from tests.audio.conftest import MakeMedia, run_ffmpeg_cli


def _has_encoder(name: str) -> bool:
    out = subprocess.run(
        [find_ffmpeg(), "-hide_banner", "-encoders"], capture_output=True, text=True, check=True
    ).stdout
    return any(line.split()[1:2] == [name] for line in out.splitlines() if line.strip())


FORMATS = [
    # name, codec args, expected codec, container contains, channels
    ("a.wav", ["-c:a", "pcm_s16le"], "pcm_s16le", "wav", 1),
    ("a.mp3", ["-c:a", "libmp3lame", "-b:a", "64k"], "mp3", "mp3", 1),
    ("a.m4a", ["-ac", "2", "-c:a", "aac"], "aac", "mp4", 2),
    ("a.aac", ["-c:a", "aac", "-f", "adts"], "aac", "aac", 1),
    ("a.ogg", ["-c:a", "libopus", "-ar", "48000"], "opus", "ogg", 1),
    ("a.opus", ["-c:a", "libopus", "-ar", "48000"], "opus", "ogg", 1),
    ("a.oga", ["-c:a", "libvorbis", "-f", "ogg"], "vorbis", "ogg", 1),
    ("a.flac", ["-c:a", "flac"], "flac", "flac", 1),
    ("a.wma", ["-c:a", "wmav2", "-b:a", "64k"], "wmav2", "asf", 1),
    ("a.webm", ["-c:a", "libopus", "-ar", "48000"], "opus", "webm", 1),
    ("a.mkv", ["-ac", "2", "-c:a", "flac"], "flac", "matroska", 2),
]


@pytest.mark.parametrize(("name", "codec", "expect_codec", "container", "channels"), FORMATS)
def test_probe_audio_formats(
    make_media: MakeMedia,
    name: str,
    codec: list[str],
    expect_codec: str,
    container: str,
    channels: int,
) -> None:
    path = make_media(name, 3.0, codec=codec)
    info = probe(path)
    assert info.codec == expect_codec
    assert container in info.container
    assert info.channels == channels
    assert abs(info.duration_ms - 3000) <= 100
    assert info.size_bytes == path.stat().st_size
    assert info.sample_rate > 0
    assert info.path == str(path)


@pytest.mark.skipif(not _has_encoder("libopencore_amrnb"), reason="ffmpeg has no AMR encoder")
def test_probe_amr(make_media: MakeMedia) -> None:
    path = make_media("a.amr", 3.0, rate=8000, codec=["-c:a", "libopencore_amrnb", "-b:a", "12.2k"])
    info = probe(path)
    assert info.codec == "amr_nb"
    assert info.sample_rate == 8000
    assert abs(info.duration_ms - 3000) <= 100


@pytest.mark.parametrize(
    ("name", "codec"),
    [
        ("v.mp4", ["-c:a", "aac"]),
        ("v.mov", ["-c:a", "aac"]),
        ("v.mkv", ["-c:a", "libopus", "-ar", "48000"]),
        ("v.3gp", ["-c:a", "aac", "-ar", "16000"]),
    ],
)
def test_probe_video_with_sound(make_media: MakeMedia, name: str, codec: list[str]) -> None:
    info = probe(make_media(name, 2.0, codec=codec, video=True))
    assert info.channels == 1
    assert abs(info.duration_ms - 2000) <= 150


def test_extensions() -> None:
    assert is_media_file("Запись.MP3")
    assert is_media_file(Path("x/meeting.m4a"))
    assert not is_media_file("notes.txt")
    assert all(ext.startswith(".") and ext == ext.lower() for ext in MEDIA_EXTENSIONS)
    assert {".wav", ".mp3", ".amr", ".webm", ".3gp", ".mkv", ".mpg"} <= MEDIA_EXTENSIONS


def _error(path: Path) -> str:
    with pytest.raises(AudioError) as caught:
        probe(path)
    message = caught.value.message
    assert message == str(caught.value)
    assert path.name in message or "folder" in message
    return message


def test_missing_file(tmp_path: Path) -> None:
    assert "not there any more" in _error(tmp_path / "gone.mp3")


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.mp3"
    path.write_bytes(b"")
    assert "empty (0 bytes)" in _error(path)


def test_text_renamed(tmp_path: Path) -> None:
    path = tmp_path / "notes.mp3"
    path.write_text("Сәлем, бұл мәтін.\nNot audio at all.\n", encoding="utf-8")
    assert "document or text" in _error(path)


def test_png_renamed(tmp_path: Path) -> None:
    path = tmp_path / "photo.mp3"
    run_ffmpeg_cli(
        ["-f", "lavfi", "-i", "testsrc=s=32x32", "-frames:v", "1", "-f", "apng", str(path)]
    )
    assert "picture" in _error(path)


def test_random_bytes(tmp_path: Path) -> None:
    path = tmp_path / "noise.mp3"
    path.write_bytes(bytes(range(256)) * 4 + b"\x00\x01" * 2000)
    assert "not an audio or video file" in _error(path)


def test_truncated_mp3_probes_what_decodes(make_media: MakeMedia, tmp_path: Path) -> None:
    """Chosen behaviour: a cut-off MP3 probes; its duration is the part that can be read."""
    whole = make_media("long.mp3", 6.0, codec=["-c:a", "libmp3lame", "-b:a", "64k"])
    data = whole.read_bytes()
    cut = tmp_path / "cut.mp3"
    cut.write_bytes(data[: len(data) // 2])
    info = probe(cut)
    assert 2500 <= info.duration_ms <= 3500


def test_truncated_m4a_is_damaged(make_media: MakeMedia, tmp_path: Path) -> None:
    whole = make_media("whole.m4a", 3.0, codec=["-c:a", "aac"])
    cut = tmp_path / "cut.m4a"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])  # index (moov) is at the end
    assert "damaged" in _error(cut)


def test_zero_length_audio(tmp_path: Path) -> None:
    import wave

    path = tmp_path / "zero.wav"
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16000)
        out.writeframes(b"")
    assert "0 seconds long" in _error(path)


def test_video_without_sound(tmp_path: Path) -> None:
    path = tmp_path / "silent.mp4"
    run_ffmpeg_cli(["-f", "lavfi", "-i", "testsrc=d=1:s=64x48", "-c:v", "mpeg4", str(path)])
    assert "without a sound track" in _error(path)


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "record.mp3"
    folder.mkdir()
    assert "is a folder" in _error(folder)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(make_media: MakeMedia, tmp_path: Path) -> None:
    path = tmp_path / "locked.mp3"
    shutil.copy(make_media("a.mp3", 3.0, codec=["-c:a", "libmp3lame"]), path)
    path.chmod(0)
    try:
        assert "not allowed to read" in _error(path)
    finally:
        path.chmod(0o644)


def test_unreadable_file_reported(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "locked.mp3"
    path.write_bytes(b"ID3")

    def deny(file: Path) -> int:
        raise PermissionError(13, "Permission denied")

    probe_module = importlib.import_module("kzdesk.audio.probe")
    monkeypatch.setattr(probe_module, "_open_for_reading", deny)
    assert "not allowed to read" in _error(path)


def test_vanished_during_probe(
    make_media: MakeMedia, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file goes away between the first look and ffmpeg opening it."""
    probe_module = importlib.import_module("kzdesk.audio.probe")
    path = tmp_path / "going.mp3"
    shutil.copy(make_media("a.mp3", 3.0, codec=["-c:a", "libmp3lame"]), path)
    real = probe_module._read_head

    def read_then_delete(file: Path) -> tuple[int, bytes]:
        result = real(file)
        file.unlink()
        return result

    monkeypatch.setattr(probe_module, "_read_head", read_then_delete)
    assert "disappeared" in _error(path)


def test_odd_file_name(make_media: MakeMedia, tmp_path: Path) -> None:
    path = tmp_path / "Жиналыс ұзақ 'ә'; \"x\" $(rm) -i.mp3"
    shutil.copy(make_media("a.mp3", 3.0, codec=["-c:a", "libmp3lame"]), path)
    assert probe(path).codec == "mp3"


@pytest.mark.skipif(os.name != "posix", reason="pipes and devices are POSIX files")
def test_pipes_and_devices_are_refused_without_blocking(tmp_path: Path) -> None:
    """Opening a pipe nobody writes to would block for ever: the probe ends at once."""
    import threading

    fifo = tmp_path / "stream.wav"
    os.mkfifo(fifo)
    zero = tmp_path / "zero.wav"
    zero.symlink_to("/dev/zero")
    errors: dict[str, str] = {}

    def probe_all() -> None:
        for path in (fifo, zero):
            errors[path.name] = _error(path)

    worker = threading.Thread(target=probe_all, daemon=True)
    worker.start()
    worker.join(30)
    assert not worker.is_alive(), "probing a pipe blocked"
    assert errors["stream.wav"].startswith("“stream.wav” is a pipe (FIFO), not a recording file")
    assert errors["zero.wav"].startswith("“zero.wav” is a device, not a recording file")
