"""Lossless pieces for the organisation server engine: 16 kHz mono FLAC, cut at the same
pauses, each piece a file of its own from time zero and under the size limit."""

from __future__ import annotations

import itertools
import wave
from pathlib import Path

from kzdesk.audio import prepare, probe
from kzdesk.audio.split import cut_exact
from tests.audio.conftest import BURST_S, PERIOD_S, MakeMedia, run_ffmpeg_cli
from tests.audio.test_prepare import BUSY, MP3, WAV


def samples(path: Path, tmp: Path) -> bytes:
    out = tmp / f"{path.stem}.decoded.wav"
    run_ffmpeg_cli(["-i", str(path), "-ar", "16000", "-ac", "1", "-c:a", "pcm_s16le", str(out)])
    with wave.open(str(out)) as decoded:
        return decoded.readframes(decoded.getnframes())


def test_pieces_are_lossless_flac_cut_at_pauses(make_media: MakeMedia, tmp_path: Path) -> None:
    source = make_media("bursts-stereo.wav", 31.0, channels=2, rate=16000, codec=WAV)
    info = probe(source)
    pieces = prepare(source, info, tmp_path / "work", max_piece_ms=10_000, encoding="flac")
    assert len(pieces) >= 4
    assert {(p.audio_format, p.channels, p.sample_rate) for p in pieces} == {("FLAC", 1, 16000)}
    for before, after in itertools.pairwise(pieces):
        assert abs(before.offset_ms + before.duration_ms - after.offset_ms) <= 1
    for piece in pieces[1:]:  # each cut lies in a gap between bursts
        phase = (piece.offset_ms / 1000) % PERIOD_S
        assert BURST_S + 0.02 < phase < PERIOD_S - 0.02, (piece.offset_ms, phase)
    for piece in pieces:  # a file of its own: it starts at zero and is as long as it says
        out = probe(piece.path)
        assert (out.codec, out.container) == ("flac", "flac")
        assert abs(out.duration_ms - piece.duration_ms) <= 30
    # lossless: the pieces joined are the mono 16 kHz recording, sample for sample
    whole = tmp_path / "whole.flac"
    run_ffmpeg_cli(["-i", str(source), "-ac", "1", "-ar", "16000", "-c:a", "flac", str(whole)])
    joined = b"".join(samples(Path(p.path), tmp_path) for p in pieces)
    reference = samples(whole, tmp_path)
    assert abs(len(joined) - len(reference)) <= 2 * 16 * 2  # within a couple of milliseconds
    middle = pieces[1].offset_ms * 32  # bytes at 16 kHz, 16 bit
    assert joined[middle - 3200 : middle + 3200] == reference[middle - 3200 : middle + 3200]


def test_flac_pieces_stay_under_the_size_limit(make_media: MakeMedia, tmp_path: Path) -> None:
    source = make_media("busy-long.flac", 30.0, expr=BUSY, codec=["-c:a", "flac"])
    pieces = prepare(source, probe(source), tmp_path, inline_limit_bytes=300_000, encoding="flac")
    assert len(pieces) >= 2
    assert all(Path(p.path).stat().st_size <= 300_000 for p in pieces)
    assert abs(sum(p.duration_ms for p in pieces) - 30_000) <= 100


def test_flac_passes_through_only_when_mono_and_small(make_media: MakeMedia, tmp_path: Path):
    mono = make_media("mono16k.flac", 3.0, rate=16000, codec=["-c:a", "flac"])
    (piece,) = prepare(mono, probe(mono), tmp_path, encoding="flac")
    assert (piece.path, piece.audio_format) == (str(mono), "FLAC")
    mp3 = make_media("mono.mp3", 3.0, codec=MP3)
    (piece,) = prepare(mp3, probe(mp3), tmp_path, encoding="flac")
    assert (piece.path, piece.audio_format) == (str(mp3), "MP3")
    long = make_media("mono16k-long.flac", 12.0, rate=16000, codec=["-c:a", "flac"])
    info = probe(long)
    pieces = prepare(long, info, tmp_path, encoding="flac", inline_limit_bytes=info.size_bytes - 1)
    assert all(p.path != str(long) and p.audio_format == "FLAC" for p in pieces)


def test_cut_exact_writes_flac_from_any_source(make_media: MakeMedia, tmp_path: Path) -> None:
    mp3 = make_media("mono-long.mp3", 6.0, codec=MP3)
    parts = cut_exact(mp3, [2_000, 4_000], tmp_path)
    assert [p.path.suffix for p in parts] == [".flac"] * 3
    assert [(p.start_ms, p.end_ms) for p in parts] == [(0, 2_000), (2_000, 4_000), (4_000, -1)]
    assert abs(probe(parts[1].path).duration_ms - 2_000) <= 30
