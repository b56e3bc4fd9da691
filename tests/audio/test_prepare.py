from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pytest

from kzdesk.audio import Cancelled, prepare, probe
from kzdesk.audio.ffmpeg import run_ffmpeg
from kzdesk.audio.split import find_quiet_point
from tests.audio.conftest import BURST_S, PERIOD_S, MakeMedia

MP3 = ["-c:a", "libmp3lame", "-b:a", "64k"]
WAV = ["-c:a", "pcm_s16le"]
# Voice-like load for the encoder: a tone with pink-ish noise, in bursts.
BUSY = "(0.3*sin(2*PI*180*t)+0.2*(random(0)-0.5))*lt(mod(t,2.1),1.6)"


def test_mono_mp3_passes_through(make_media: MakeMedia, tmp_path: Path) -> None:
    source = make_media("mono.mp3", 3.0, codec=MP3)
    seen: list[float] = []
    pieces = prepare(source, probe(source), tmp_path, progress=seen.append)
    assert len(pieces) == 1
    piece = pieces[0]
    assert piece.path == str(source)
    assert piece.audio_format == "MP3"
    assert (piece.offset_ms, piece.index, piece.channels) == (0, 0, 1)
    assert list(tmp_path.iterdir()) == []  # no copy made
    assert seen == [1.0]


def test_ogg_opus_passes_through(make_media: MakeMedia, tmp_path: Path) -> None:
    source = make_media("mono.ogg", 3.0, codec=["-c:a", "libopus", "-ar", "48000"])
    (piece,) = prepare(source, probe(source), tmp_path)
    assert (piece.path, piece.audio_format) == (str(source), "OGG_OPUS")


def test_stereo_mp3_is_converted_to_mono(make_media: MakeMedia, tmp_path: Path) -> None:
    source = make_media("stereo.mp3", 3.0, channels=2, codec=MP3)
    (piece,) = prepare(source, probe(source), tmp_path)
    assert piece.path != str(source)
    assert piece.channels == 1


def test_too_big_mp3_is_converted(make_media: MakeMedia, tmp_path: Path) -> None:
    source = make_media("mono.mp3", 3.0, codec=MP3)
    info = probe(source)
    (piece,) = prepare(source, info, tmp_path, inline_limit_bytes=info.size_bytes - 1)
    assert piece.audio_format == "OGG_OPUS"


def test_stereo_wav_to_mono_opus(make_media: MakeMedia, tmp_path: Path) -> None:
    source = make_media("stereo.wav", 4.0, channels=2, codec=WAV)
    seen: list[float] = []
    pieces = prepare(source, probe(source), tmp_path / "work", progress=seen.append)
    assert len(pieces) == 1
    piece = pieces[0]
    assert piece.audio_format == "OGG_OPUS"
    assert Path(piece.path).parent == tmp_path / "work"
    assert (piece.channels, piece.sample_rate, piece.offset_ms) == (1, 16000, 0)
    out = probe(piece.path)
    assert (out.codec, out.container, out.channels) == ("opus", "ogg", 1)
    assert abs(out.duration_ms - 4000) <= 100
    assert abs(piece.duration_ms - 4000) <= 100
    assert seen == sorted(seen) and len(set(seen)) == len(seen)
    assert seen[-1] == 1.0


def test_channels_as_speakers_keeps_two_channels(make_media: MakeMedia, tmp_path: Path) -> None:
    # left: tone bursts, right: silence -> after encoding the right channel must stay silent.
    source = make_media(
        "left-only.wav", 4.0, channels=2, codec=["-af", "pan=stereo|c0=c0|c1=0*c1", *WAV]
    )
    (piece,) = prepare(source, probe(source), tmp_path, channels_as_speakers=True)
    assert piece.channels == 2
    out = probe(piece.path)
    assert out.channels == 2
    left, right = (_level_db(piece.path, channel) for channel in (0, 1))
    assert left > -20
    assert right < left - 30  # channels are not blended together


def test_channels_as_speakers_with_mono_source(make_media: MakeMedia, tmp_path: Path) -> None:
    source = make_media("mono.mp3", 3.0, codec=MP3)
    (piece,) = prepare(source, probe(source), tmp_path, channels_as_speakers=True)
    assert piece.channels == 1 and piece.path == str(source)


def test_bytes_per_hour(make_media: MakeMedia, tmp_path: Path) -> None:
    source = make_media("busy.flac", 60.0, expr=BUSY, codec=["-c:a", "flac"])
    (piece,) = prepare(source, probe(source), tmp_path)
    per_hour = Path(piece.path).stat().st_size * 3_600_000 / piece.duration_ms
    assert 4e6 <= per_hour <= 14e6, per_hour


def test_split_at_silences(make_media: MakeMedia, tmp_path: Path) -> None:
    source = make_media("bursts.wav", 31.0, codec=WAV)
    info = probe(source)
    seen: list[float] = []
    pieces = prepare(source, info, tmp_path, max_piece_ms=10_000, progress=seen.append)
    assert len(pieces) >= 4
    assert [p.index for p in pieces] == list(range(len(pieces)))
    assert pieces[0].offset_ms == 0
    for before, after in itertools.pairwise(pieces):
        assert abs(before.offset_ms + before.duration_ms - after.offset_ms) <= 100
    last = pieces[-1]
    assert abs(last.offset_ms + last.duration_ms - info.duration_ms) <= 100
    for piece in pieces:
        real = probe(piece.path).duration_ms
        assert real <= 10_000
        assert abs(real - piece.duration_ms) <= 100
    for piece in pieces[1:]:  # each cut lies in a gap between bursts
        phase = (piece.offset_ms / 1000) % PERIOD_S
        assert BURST_S + 0.02 < phase < PERIOD_S - 0.02, (piece.offset_ms, phase)
    assert seen == sorted(seen) and seen[-1] == 1.0
    assert len(list(tmp_path.glob("*.ogg"))) == len(pieces)  # the unsplit copy is gone


def test_split_by_size(make_media: MakeMedia, tmp_path: Path) -> None:
    source = make_media("busy-long.flac", 30.0, expr=BUSY, codec=["-c:a", "flac"])
    pieces = prepare(source, probe(source), tmp_path, inline_limit_bytes=30_000)
    assert len(pieces) >= 3
    assert all(Path(p.path).stat().st_size <= 30_000 for p in pieces)
    assert abs(sum(p.duration_ms for p in pieces) - 30_000) <= 100


def test_quiet_point_without_pause_is_quietest(make_media: MakeMedia) -> None:
    # continuous tone whose loudness dips once at 2.0 s
    expr = "sin(2*PI*300*t)*(0.1+0.8*min(1,abs(t-2)))"
    source = make_media("dip.wav", 4.0, expr=expr, codec=WAV)
    assert abs(find_quiet_point(source, 500, 3500) - 2000) <= 100


def test_odd_file_names(make_media: MakeMedia, tmp_path: Path) -> None:
    source = tmp_path / "Жиналыс ұзақ 'ә'; \"x\" -y.wav"
    shutil.copy(make_media("stereo.wav", 4.0, channels=2, codec=WAV), source)
    work = tmp_path / "жұмыс; 'папка'"
    (piece,) = prepare(source, probe(source), work)
    assert probe(piece.path).duration_ms > 3900
    mp3 = tmp_path / "Жиналыс ұзақ 'ә'.mp3"
    shutil.copy(make_media("mono.mp3", 3.0, codec=MP3), mp3)
    (same,) = prepare(mp3, probe(mp3), work)
    assert same.path == str(mp3)


def test_cancel_kills_conversion(make_media: MakeMedia, tmp_path: Path) -> None:
    source = make_media("long.wav", 1500.0, expr="0.3*sin(2*PI*200*t)", rate=8000, codec=WAV)
    info = probe(source)
    asked = itertools.count()
    # cancelled after a few looks, well before 25 minutes of audio could be converted
    with pytest.raises(Cancelled):
        prepare(source, info, tmp_path, cancelled=lambda: next(asked) >= 5)
    assert list(tmp_path.iterdir()) == []  # partial output deleted


def test_run_ffmpeg_cancel_ends_an_endless_run() -> None:
    asked = itertools.count()
    after: list[int] = []

    def cancelled() -> bool:
        n = next(asked)
        if n >= 3:
            after.append(n)
        return n >= 3

    with pytest.raises(Cancelled):  # the input never ends: only the cancel can stop it
        run_ffmpeg(["-f", "lavfi", "-i", "sine", "-f", "null", "-"], cancelled=cancelled)
    assert after == [3]  # killed at the first look after the cancel, not later


def test_cancel_before_start(make_media: MakeMedia, tmp_path: Path) -> None:
    source = make_media("stereo.wav", 4.0, channels=2, codec=WAV)
    with pytest.raises(Cancelled):
        prepare(source, probe(source), tmp_path, cancelled=lambda: True)


def _level_db(path: str, channel: int) -> float:
    """Mean level of one channel in dBFS, measured by decoding to PCM."""
    import subprocess

    import numpy as np

    from kzdesk.audio.ffmpeg import find_ffmpeg

    pcm = subprocess.run(
        [
            find_ffmpeg(),
            "-v",
            "error",
            "-i",
            path,
            "-af",
            f"pan=mono|c0=c{channel}",
            "-f",
            "s16le",
            "-ac",
            "1",
            "-ar",
            "16000",
            "-",
        ],
        capture_output=True,
        check=True,
    ).stdout
    samples = np.frombuffer(pcm, dtype="<i2").astype(np.float64) / 32768
    return float(10 * np.log10(np.mean(samples**2) + 1e-12))
