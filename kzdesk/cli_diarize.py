"""``kzdesk diarize FILE… [--speakers auto|N|MIN-MAX|channels] [--rttm DIR]``: who spoke when,
without recognition.

Each recording is diarized on this computer (in a child process, as the app does) and its
speaker turns are written as RTTM — ``DIR/<name>.rttm``, or to standard output without
``--rttm`` — the format speaker-diarization tools score and exchange. A summary line per file
goes to standard error.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from kzdesk.audio.errors import AudioError
from kzdesk.core.job import SpeakersMode, speakers_choice
from kzdesk.diarization.models import ModelsMissing
from kzdesk.diarization.pipeline import DiarizationOptions, DiarizationResult
from kzdesk.diarization.process import diarize_in_subprocess
from kzdesk.export.rttm import rttm_lines
from kzdesk.services.media_scan import find_recordings


def _choice(text: str) -> DiarizationOptions:
    try:
        mode, options = speakers_choice(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    if mode is SpeakersMode.CHANNELS:
        return DiarizationOptions(channels=True)
    if mode is SpeakersMode.COUNT:
        return DiarizationOptions(num_speakers=options["speakers_count"])
    if mode is SpeakersMode.RANGE:
        return DiarizationOptions(
            min_speakers=options["speakers_min"], max_speakers=options["speakers_max"]
        )
    if mode is SpeakersMode.OFF:
        raise argparse.ArgumentTypeError("“off” finds no speakers; use auto, N or MIN-MAX")
    return DiarizationOptions()


def add_parser(sub: argparse._SubParsersAction) -> None:
    d = sub.add_parser("diarize", help="who spoke when (RTTM), without recognition")
    d.add_argument("paths", nargs="+", metavar="FILE|DIR")
    d.add_argument(
        "--speakers",
        type=_choice,
        default=DiarizationOptions(),
        metavar="auto|channels|N|MIN-MAX",
        help="auto (1-8 people, default), N (exactly N), MIN-MAX (e.g. 2-4) or channels "
        "(each channel of a stereo file is a person)",
    )
    d.add_argument("--rttm", metavar="DIR", help="write DIR/<name>.rttm (default: print)")


def speaker_label(result: DiarizationResult, speaker: int) -> str:
    return f"channel{speaker + 1}" if result.method == "channels" else f"speaker{speaker + 1}"


def run(args: argparse.Namespace) -> int:
    scan = find_recordings(args.paths, keep_named_files=True)
    for name in scan.missing:
        print(f"“{name}” does not exist.", file=sys.stderr)
    files = scan.files
    if not files:
        print("No recordings to diarize.", file=sys.stderr)
        return 2
    out_dir = Path(args.rttm) if args.rttm else None
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    failures = 0
    for path in files:
        started = time.perf_counter()
        try:
            result = diarize_in_subprocess(str(path), args.speakers)
        except (AudioError, ModelsMissing) as exc:
            print(f"{path.name}: {exc}", file=sys.stderr)
            failures += 1
            continue
        turns = [(t.start_s, t.end_s, speaker_label(result, t.speaker)) for t in result.turns]
        text = "".join(f"{line}\n" for line in rttm_lines(path.stem, turns))
        if out_dir is None:
            sys.stdout.write(text)
        else:
            (out_dir / f"{path.stem}.rttm").write_text(text, encoding="utf-8")
        print(
            f"{path.name}: {result.speaker_count} speaker(s), {len(result.turns)} turns, "
            f"{result.duration_s:.1f} s of audio in {time.perf_counter() - started:.1f} s",
            file=sys.stderr,
        )
    return 1 if failures else 0
