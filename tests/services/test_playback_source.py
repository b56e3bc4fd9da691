from __future__ import annotations

from pathlib import Path

import numpy as np

from kzdesk.services.playback_source import (
    NOTHING_TO_PLAY,
    PLAYING_COPY,
    PlaybackPiece,
    PlaybackSource,
    choose_source,
    pair_pieces,
    peaks_for_source,
)
from tests.media import bursts_file


def _touch(path: Path) -> Path:
    path.write_bytes(b"x")
    return path


def test_the_original_wins_when_it_is_there(tmp_path: Path) -> None:
    original = _touch(tmp_path / "Жиналыс.mp3")
    copy = _touch(tmp_path / "audio-1.ogg")
    choice = choose_source(original, [PlaybackPiece(copy)], duration_ms=5000)
    assert choice.message == ""
    assert choice.source == PlaybackSource.file(original, 5000)
    assert choice.source.is_original


def test_a_moved_original_plays_the_converted_copy(tmp_path: Path) -> None:
    copy = _touch(tmp_path / "audio-1.ogg")
    choice = choose_source(tmp_path / "moved.mp3", pair_pieces([copy]), duration_ms=7000)
    assert choice.message == PLAYING_COPY
    assert choice.source is not None and not choice.source.is_original
    assert choice.source.pieces == (PlaybackPiece(copy, 0, 0),)
    assert choice.source.duration_ms == 7000


def test_pieces_are_ordered_with_their_offsets(tmp_path: Path) -> None:
    paths = [_touch(tmp_path / f"audio-part{i:03d}.ogg") for i in range(3)]
    pieces = pair_pieces(paths, [0, 3_600_000, 7_200_000], [3_600_000, 3_600_000, 1000])
    choice = choose_source(None, reversed(pieces))
    assert choice.source is not None
    assert [p.offset_ms for p in choice.source.pieces] == [0, 3_600_000, 7_200_000]
    assert choice.source.duration_ms == 7_201_000
    assert choice.source.piece_index_at(0) == 0
    assert choice.source.piece_index_at(3_599_999) == 0
    assert choice.source.piece_index_at(3_600_000) == 1
    assert choice.source.piece_index_at(9_999_999) == 2


def test_nothing_left_says_so(tmp_path: Path) -> None:
    assert choose_source(tmp_path / "gone.mp3") == choose_source(None)
    choice = choose_source(tmp_path / "gone.mp3", [PlaybackPiece(tmp_path / "gone.ogg")])
    assert choice.source is None
    assert choice.message == NOTHING_TO_PLAY


def test_an_incomplete_copy_is_not_played(tmp_path: Path) -> None:
    first = _touch(tmp_path / "audio-part000.ogg")
    pieces = pair_pieces([first, tmp_path / "audio-part001.ogg"], [0, 1000])
    assert choose_source(None, pieces).source is None
    assert pair_pieces([first, first], [0]) == []  # offsets unknown: cannot be placed


def test_a_folder_is_not_a_recording(tmp_path: Path) -> None:
    assert choose_source(tmp_path).source is None


def test_peaks_of_pieces_are_placed_at_their_offsets(tmp_path: Path) -> None:
    one = bursts_file(tmp_path / "a.wav", [(0.0, 1.0)], 1.0)
    two = bursts_file(tmp_path / "b.wav", [], 1.0)
    source = PlaybackSource((PlaybackPiece(one, 0), PlaybackPiece(two, 2000)), False, 3000)
    peaks = peaks_for_source(source, tmp_path / "cache", bins_per_second=10)
    assert peaks.duration_ms == 3000
    assert len(peaks) == 30
    assert peaks.values[:9].min() > 0.2  # first piece: loud
    assert np.all(peaks.values[11:] < 0.01)  # the gap and the silent second piece
