"""Cut a long converted OGG Opus (or FLAC) recording into pieces at pauses.

Cut points are searched in the converted file (Ogg Opus seeks exactly, unlike VBR MP3), in
the last few minutes before each piece limit: that stretch is decoded to 8 kHz mono PCM
(a few MB at most), the level is measured per 10 ms, and the cut goes in the middle of the
latest pause of at least 250 ms — or the longest pause, or failing any pause, the quietest
moment. The pieces are then written in one stream-copy pass (ffmpeg's segment muxer, no
re-encoding), which cuts at the first Opus packet at or after each point (<= 20 ms later).
"""

from __future__ import annotations

import csv
import itertools
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kzdesk.audio.errors import AudioError, Cancelled, DiskFull
from kzdesk.audio.ffmpeg import (
    ffmpeg_input,
    find_ffmpeg,
    out_of_space,
    popen_options,
    run_ffmpeg,
)
from kzdesk.core.i18n import QT_TRANSLATE_NOOP

ANALYSIS_RATE = 8000
FRAME_MS = 10
MAX_SEARCH_MS = 5 * 60 * 1000  # how far back from a piece limit a pause is looked for
MIN_GOOD_PAUSE_MS = 250  # shorter gaps may be inside a word (stop consonants)
LIMIT_MARGIN_MS = 100  # room for the packet granularity of stream-copy cuts
SPLIT_FAILED = QT_TRANSLATE_NOOP(
    "Messages",
    "kzdesk could not split the long recording into pieces. Check that the disk is "
    "not full, then try again.",
)


@dataclass(frozen=True)
class CutPiece:
    path: Path
    start_ms: int
    end_ms: int


def plan_cuts(
    path: Path,
    total_ms: int,
    piece_ms: int,
    *,
    on_fraction: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[int]:
    """Cut positions (ms) so that every piece is at most piece_ms long."""
    if piece_ms <= 2 * LIMIT_MARGIN_MS:
        raise ValueError("piece_ms is too small")
    cuts: list[int] = []
    start = 0
    while total_ms - start > piece_ms:
        if cancelled is not None and cancelled():
            raise Cancelled()
        limit = start + piece_ms - LIMIT_MARGIN_MS
        search_ms = min(MAX_SEARCH_MS, max(piece_ms // 4, 1000))
        region_start = max(start + piece_ms // 2, limit - search_ms)
        cut = find_quiet_point(path, region_start, limit)
        cuts.append(cut)
        start = cut
        if on_fraction is not None:
            on_fraction(min(1.0, start / total_ms))
    return cuts


def find_quiet_point(path: Path, start_ms: int, end_ms: int) -> int:
    """The best place to cut between start_ms and end_ms (absolute ms)."""
    import numpy as np

    pcm = _decode_region(path, start_ms, end_ms)
    frame = ANALYSIS_RATE * FRAME_MS // 1000
    count = len(pcm) // 2 // frame
    if count < 3:
        return end_ms
    samples = np.frombuffer(pcm[: count * frame * 2], dtype="<i2").astype(np.float32)
    power = np.mean(samples.reshape(count, frame) ** 2, axis=1)
    level = 10 * np.log10(power / (32768.0**2) + 1e-12)
    floor, loud = float(np.percentile(level, 5)), float(np.percentile(level, 90))
    threshold = floor + max(6.0, min(15.0, (loud - floor) / 2))
    runs = _quiet_runs((level <= threshold).tolist())
    min_frames = MIN_GOOD_PAUSE_MS // FRAME_MS
    good = [run for run in runs if run[1] - run[0] >= min_frames]
    if good:
        first, last = good[-1]  # the latest real pause keeps pieces long
    elif runs and loud - floor >= 6.0:
        first, last = max(runs, key=lambda run: run[1] - run[0])
    else:  # no pause at all: the quietest 200 ms
        width = min(20, count)
        window = np.convolve(power, np.ones(width), mode="valid")
        first = int(np.argmin(window))
        last = first + width
    return start_ms + (first + last) // 2 * FRAME_MS


def _quiet_runs(quiet: list[bool]) -> list[tuple[int, int]]:
    """[first, last) index ranges where `quiet` is true."""
    runs: list[tuple[int, int]] = []
    begin = -1
    for index, flag in enumerate(quiet):
        if flag and begin < 0:
            begin = index
        elif not flag and begin >= 0:
            runs.append((begin, index))
            begin = -1
    if begin >= 0:
        runs.append((begin, len(quiet)))
    return runs


def _decode_region(path: Path, start_ms: int, end_ms: int) -> bytes:
    command = [find_ffmpeg(), "-hide_banner", "-nostdin", "-v", "error"]
    command += ["-ss", f"{start_ms / 1000:.3f}", "-t", f"{(end_ms - start_ms) / 1000:.3f}"]
    command += ["-i", ffmpeg_input(path), "-map", "0:a:0", "-ac", "1"]
    command += ["-ar", str(ANALYSIS_RATE), "-c:a", "pcm_s16le", "-f", "s16le", "pipe:1"]
    done = subprocess.run(
        command,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=300,
        check=False,
        **popen_options(),  # type: ignore[arg-type]
    )
    if done.returncode != 0:
        raise AudioError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "kzdesk could not read back the converted recording to split it. Check that the "
                "disk is not full, then try again.",
            )
        )
    return done.stdout


def cut_pieces(
    path: Path,
    cuts: list[int],
    out_dir: Path,
    *,
    cancelled: Callable[[], bool] | None = None,
) -> list[CutPiece]:
    """Write the pieces of `path` split at `cuts` (ms) by stream copy; return them in order."""
    pattern = out_dir / f"{path.stem}-part%03d{path.suffix}"
    listing = out_dir / f"{path.stem}-parts.csv"
    args = ["-i", ffmpeg_input(path), "-map", "0:a:0", "-c", "copy", "-f", "segment"]
    args += ["-segment_format", "ogg", "-reset_timestamps", "1"]
    args += ["-segment_times", ",".join(f"{cut / 1000:.3f}" for cut in cuts)]
    args += ["-segment_list", ffmpeg_input(listing), "-segment_list_type", "csv", "-y"]
    args += [ffmpeg_input(pattern)]
    try:
        run = run_ffmpeg(args, cancelled=cancelled)
        if run.returncode != 0:
            failure = DiskFull if out_of_space(run.stderr) else AudioError
            raise failure(SPLIT_FAILED)
        with listing.open(newline="", encoding="utf-8") as handle:
            rows = [row for row in csv.reader(handle) if row]
    except BaseException:
        for stray in out_dir.glob(f"{path.stem}-part*{path.suffix}"):
            stray.unlink(missing_ok=True)
        raise
    finally:
        listing.unlink(missing_ok=True)
    return [
        CutPiece(out_dir / name, round(float(start) * 1000), round(float(end) * 1000))
        for name, start, end in rows
    ]


def cut_exact(
    path: Path,
    cuts: list[int],
    out_dir: Path,
    *,
    cancelled: Callable[[], bool] | None = None,
) -> list[CutPiece]:
    """Write the pieces of `path` split at `cuts` (ms) as FLAC files, each decoded from the
    exact sample and encoded anew (lossless), so every piece is a file of its own from time
    zero; return them in order."""
    bounds = [0, *cuts, None]
    pieces: list[CutPiece] = []
    try:
        for index, (start, end) in enumerate(itertools.pairwise(bounds)):
            target = out_dir / f"{path.stem}-part{index:03d}.flac"
            args = ["-v", "error", "-y", "-ss", f"{start / 1000:.3f}"]
            if end is not None:
                args += ["-t", f"{(end - start) / 1000:.3f}"]
            args += ["-i", ffmpeg_input(path), "-map", "0:a:0", "-map_metadata", "-1"]
            args += ["-c:a", "flac", "-sample_fmt", "s16", ffmpeg_input(target)]
            run = run_ffmpeg(args, cancelled=cancelled)
            if run.returncode != 0 or not target.is_file():
                failure = DiskFull if out_of_space(run.stderr) else AudioError
                raise failure(SPLIT_FAILED)
            pieces.append(CutPiece(target, start, end if end is not None else -1))
    except BaseException:
        for stray in out_dir.glob(f"{path.stem}-part*.flac"):
            stray.unlink(missing_ok=True)
        raise
    return pieces
