"""What the editor's player plays: the original recording, or the copy kzdesk converted.

The original is preferred (best quality, and what the user expects). When it was moved,
renamed or deleted, the converted OGG copy kept in the app's data folder is played instead:
one file, or for long recordings the ordered pieces with the offset at which each starts in the
transcript's time base. When neither is left, the answer says so in a sentence.

Qt-free: the player (ui/editor/player.py) turns a :class:`PlaybackSource` into media.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from kzdesk.core.i18n import QT_TRANSLATE_NOOP
from kzdesk.services.waveform import DEFAULT_BINS_PER_SECOND, Peaks, load_or_compute

log = logging.getLogger(__name__)

NOTHING_TO_PLAY = QT_TRANSLATE_NOOP(
    "Messages",
    "The recording was moved or deleted and no copy is left, so it cannot be played. "
    "The transcript can still be edited and exported.",
)
PLAYING_COPY = QT_TRANSLATE_NOOP(
    "Messages",
    "The original recording was moved or deleted, so kzdesk plays the copy it converted. "
    "The sound may be of lower quality.",
)


@dataclass(frozen=True)
class PlaybackPiece:
    path: Path
    offset_ms: int = 0  # where the piece starts in the transcript's time base
    duration_ms: int = 0  # 0 when not known (the player learns it when it opens the piece)


@dataclass(frozen=True)
class PlaybackSource:
    pieces: tuple[PlaybackPiece, ...]  # ordered by offset; at least one
    is_original: bool = True
    duration_ms: int = 0  # of the whole recording, 0 when not known

    @classmethod
    def file(cls, path: str | Path, duration_ms: int = 0) -> PlaybackSource:
        return cls((PlaybackPiece(Path(path), 0, duration_ms),), True, duration_ms)

    def piece_index_at(self, ms: int) -> int:
        """The piece that holds time ``ms`` (the first before the start, the last after)."""
        index = 0
        for i, piece in enumerate(self.pieces):
            if piece.offset_ms <= ms:
                index = i
        return index


@dataclass(frozen=True)
class PlaybackChoice:
    source: PlaybackSource | None  # None: nothing can be played
    message: str = ""  # a sentence for the user; empty when the original plays


def readable(path: str | Path | None) -> bool:
    if not path:
        return False
    file = Path(path)
    try:
        return file.is_file() and os.access(file, os.R_OK)
    except OSError:
        return False


def pair_pieces(
    paths: Sequence[str | Path], offsets: Sequence[int] = (), durations: Sequence[int] = ()
) -> list[PlaybackPiece]:
    """Converted files (sorted, as ``converted_audio()`` lists them) with their offsets (as
    ``JobPieces.records()`` stores them, by piece index). A single file starts at 0; several
    files whose offsets are not all known cannot be placed in time and give no pieces."""
    if len(paths) == 1 and not offsets:
        duration = durations[0] if durations else 0
        return [PlaybackPiece(Path(paths[0]), 0, duration)]
    if len(paths) != len(offsets):
        log.warning("%d converted pieces but %d known offsets", len(paths), len(offsets))
        return []
    durations = list(durations) if len(durations) == len(paths) else [0] * len(paths)
    return [
        PlaybackPiece(Path(p), int(o), int(d))
        for p, o, d in zip(paths, offsets, durations, strict=True)
    ]


def choose_source(
    original: str | Path | None,
    converted: Iterable[PlaybackPiece] = (),
    duration_ms: int = 0,
) -> PlaybackChoice:
    """The original when it can be read; else every converted piece (all must be readable);
    else nothing, with a sentence."""
    if readable(original):
        assert original is not None
        return PlaybackChoice(PlaybackSource.file(original, duration_ms))
    pieces = sorted(converted, key=lambda p: p.offset_ms)
    if pieces and all(readable(p.path) for p in pieces):
        total = duration_ms or _end_of(pieces)
        return PlaybackChoice(PlaybackSource(tuple(pieces), False, total), PLAYING_COPY)
    if pieces:
        log.warning("converted copy incomplete: %s", [str(p.path) for p in pieces])
    return PlaybackChoice(None, NOTHING_TO_PLAY)


def peaks_for_source(
    source: PlaybackSource,
    cache_dir: str | Path,
    *,
    bins_per_second: int = DEFAULT_BINS_PER_SECOND,
    cancelled: Callable[[], bool] | None = None,
) -> Peaks:
    """Waveform peaks of the whole source: one file as it is, pieces placed at their offsets."""
    if len(source.pieces) == 1 and source.pieces[0].offset_ms == 0:
        return load_or_compute(
            source.pieces[0].path, cache_dir, bins_per_second=bins_per_second, cancelled=cancelled
        )
    parts = [
        (
            piece.offset_ms,
            load_or_compute(
                piece.path, cache_dir, bins_per_second=bins_per_second, cancelled=cancelled
            ),
        )
        for piece in source.pieces
    ]
    end_ms = max(offset + peaks.duration_ms for offset, peaks in parts)
    total_ms = max(end_ms, source.duration_ms)
    values = np.zeros(-(-total_ms * bins_per_second // 1000), dtype=np.float32)
    for offset, peaks in parts:
        first = offset * bins_per_second // 1000
        chunk = peaks.values[: max(len(values) - first, 0)]
        values[first : first + len(chunk)] = np.maximum(values[first : first + len(chunk)], chunk)
    return Peaks(values, bins_per_second, total_ms)


def _end_of(pieces: Sequence[PlaybackPiece]) -> int:
    last = pieces[-1]
    return last.offset_ms + last.duration_ms if last.duration_ms else 0
