"""Local speaker diarization on synthetic meetings: the table bench/diarization.py prints.

Meetings of 3, 4 and 6 espeak-ng voices (tests/diarization/speech.py) with exactly known turns
are written to WAV files and diarized through the real pipeline in a child process, once with
the speaker count given and once with it found automatically; DER from pyannote.metrics.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from pyannote.core import Annotation, Segment
from pyannote.metrics.diarization import DiarizationErrorRate

from bench.diarization_real import children_cpu_s
from kzdesk.diarization.pipeline import DiarizationOptions
from kzdesk.diarization.process import diarize_in_subprocess
from tests.diarization.speech import make_dialog, write_wav


def reference(dialog) -> Annotation:  # type: ignore[no-untyped-def]
    ann = Annotation()
    for i, t in enumerate(dialog.turns):
        ann[Segment(t.start_s, t.end_s), i] = f"s{t.speaker}"
    return ann


def hypothesis(turns) -> Annotation:  # type: ignore[no-untyped-def]
    ann = Annotation()
    for i, t in enumerate(turns):
        ann[Segment(t.start_s, t.end_s), i] = f"h{t.speaker}"
    return ann


def synthetic_table(args: argparse.Namespace) -> None:
    sets = [int(s) for s in args.sets.split(",")]
    totals = {
        mode: {c: DiarizationErrorRate(collar=c) for c in (0.0, 0.5)} for mode in ("given", "auto")
    }
    audio_s = wall_s = 0.0
    cpu_start = children_cpu_s()
    peak_kb = 0
    counted = right = 0
    print(f"load average at start: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    print(
        f"{'set':>4} {'#':>2} {'min':>5} {'DER given':>10} {'DER auto':>9} {'k auto':>6} {'xRT':>6}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for n in sets:
            per_set = {
                mode: {c: DiarizationErrorRate(collar=c) for c in (0.0, 0.5)}
                for mode in ("given", "auto")
            }
            for d in range(args.dialogs):
                dialog = make_dialog(
                    n,
                    n * args.turns_per_speaker,
                    seed=1000 * n + d,
                    overlap_every=args.overlap_every,
                )
                path = Path(tmp) / f"meeting{n}_{d}.wav"
                write_wav(path, dialog.audio)
                ref = reference(dialog)
                row = {}
                for mode, options in (
                    ("given", DiarizationOptions(num_speakers=n)),
                    ("auto", DiarizationOptions(min_speakers=1, max_speakers=8)),
                ):
                    started = time.perf_counter()
                    result = diarize_in_subprocess(str(path), options)
                    elapsed = time.perf_counter() - started
                    audio_s += dialog.duration_s
                    wall_s += elapsed
                    peak_kb = max(peak_kb, result.peak_rss_kb)
                    hyp = hypothesis(result.turns)
                    for collar in (0.0, 0.5):
                        value = per_set[mode][collar](ref, hyp)
                        totals[mode][collar](ref, hyp)
                        if collar == 0.0:
                            row[mode] = value
                    if mode == "auto":
                        counted += 1
                        right += result.speaker_count == n
                        row["k"] = result.speaker_count
                    row["xrt"] = dialog.duration_s / elapsed
                print(
                    f"{n:>4} {d:>2} {dialog.duration_s / 60:>5.1f} {row['given']:>10.1%} "
                    f"{row['auto']:>9.1%} {row['k']:>6} {row['xrt']:>6.1f}",
                    flush=True,
                )
            print(
                f"  {n} speakers: DER given {abs(per_set['given'][0.0]):.1%} "
                f"(0.25 s collar {abs(per_set['given'][0.5]):.1%}), "
                f"auto {abs(per_set['auto'][0.0]):.1%} "
                f"(0.25 s collar {abs(per_set['auto'][0.5]):.1%})",
                flush=True,
            )
    print()
    print(
        f"DER, count given : {abs(totals['given'][0.0]):.1%} "
        f"(0.25 s collar {abs(totals['given'][0.5]):.1%})   target <= 10 %"
    )
    print(
        f"DER, automatic   : {abs(totals['auto'][0.0]):.1%} "
        f"(0.25 s collar {abs(totals['auto'][0.5]):.1%})   target <= 15 %"
    )
    print(f"speaker count right (automatic): {right}/{counted}")
    print(
        f"speed: {audio_s / wall_s:.1f}x real time "
        f"({audio_s / 3600:.2f} h of audio in {wall_s / 3600:.3f} h, incl. process start)"
    )
    cpu_s = children_cpu_s() - cpu_start
    print(
        f"CPU time of the diarization processes: {cpu_s:.0f} s = "
        f"{audio_s / max(cpu_s, 1e-9):.1f}x real time per core"
    )
    print(f"peak memory of the diarization process: {peak_kb / 1024:.0f} MiB RSS")
    print(
        f"load average at the end (1, 5, 15 min): {' '.join(f'{v:.2f}' for v in os.getloadavg())}"
    )
