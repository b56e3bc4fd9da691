"""Local speaker diarization on real recordings: the table bench/diarization.py prints.

The recordings and their reference speaker turns (RTTM, written by their publishers) are in
tests/data/real/ (README.md there: AMI meeting excerpts and a stereo call, down-mixed here).
Each is diarized through the real pipeline in a child process, automatically (1-8 speakers)
and with the reference count given. DER comes from pyannote.metrics with overlapped speech
scored, the whole file as the scored region, and collars of 0.5 s in total (±0.25 s) and none;
missed speech, false alarm and confusion are shares of the reference speech (no collar).
"""

from __future__ import annotations

import os
import resource
import tempfile
import time
import wave
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from pyannote.core import Annotation, Segment, Timeline
from pyannote.metrics.diarization import DiarizationErrorRate

from kzdesk.diarization import clustering
from kzdesk.diarization.audio_input import decode_blocks
from kzdesk.diarization.evidence import gather
from kzdesk.diarization.pipeline import DiarizationOptions, result_from_evidence
from kzdesk.diarization.process import diarize_in_subprocess
from tests.media import read_all

REAL_DIR = Path(__file__).resolve().parents[1] / "tests" / "data" / "real"
COLLARS = (0.5, 0.0)  # pyannote's collar is the total width: 0.5 = ±0.25 s
MODES = ("auto", "given")
TARGETS = {"auto": 0.25, "given": 0.22}  # DER with the ±0.25 s collar


@dataclass(frozen=True)
class Recording:
    name: str
    audio: Path
    reference: Annotation
    duration_s: float

    @property
    def speakers(self) -> int:
        return len(self.reference.labels())


def read_rttm(path: Path) -> Annotation:
    ann = Annotation(uri=path.stem)
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        parts = line.split()
        if len(parts) < 8 or parts[0] != "SPEAKER":
            continue
        start, duration = float(parts[3]), float(parts[4])
        ann[Segment(start, start + duration), i] = parts[7]
    return ann


def recordings(directory: Path = REAL_DIR) -> list[Recording]:
    out = []
    for rttm in sorted(directory.glob("*.rttm")):
        audio = rttm.with_suffix(".flac")
        duration = len(read_all(audio)) / 16000
        out.append(Recording(rttm.stem, audio, read_rttm(rttm), duration))
    return out


def hypothesis(turns, uri: str = "") -> Annotation:  # type: ignore[no-untyped-def]
    ann = Annotation(uri=uri)
    for i, t in enumerate(turns):
        if t.end_s > t.start_s:
            ann[Segment(t.start_s, t.end_s), i] = f"h{t.speaker}"
    return ann


@dataclass
class Scores:
    """Pooled metrics of one mode."""

    der: dict[float, DiarizationErrorRate] = field(
        default_factory=lambda: {c: DiarizationErrorRate(collar=c) for c in COLLARS}
    )
    counted: int = 0
    right: int = 0

    def add(self, ref: Annotation, hyp: Annotation, uem: Timeline) -> dict[str, float]:
        row: dict[str, float] = {}
        for collar in COLLARS:
            detail = self.der[collar](ref, hyp, uem=uem, detailed=True)
            row[f"der{collar}"] = detail["diarization error rate"]
            if collar == 0.0:
                total = max(detail["total"], 1e-9)
                row["miss"] = detail["missed detection"] / total
                row["fa"] = detail["false alarm"] / total
                row["conf"] = detail["confusion"] / total
        return row


Diarize = Callable[[Recording, DiarizationOptions], tuple[list, int, int]]


def run_pipeline(rec: Recording, options: DiarizationOptions) -> tuple[list, int, int]:
    """(turns, speaker count, peak RSS kB) from the app's pipeline in a child process."""
    result = diarize_in_subprocess(str(rec.audio), options)
    return result.turns, result.speaker_count, result.peak_rss_kb


def real_table(diarize: Diarize = run_pipeline, title: str = "") -> dict[str, Scores]:
    """Print the per-recording and pooled real-speech table; return the pooled scores."""
    recs = recordings()
    scores = {mode: Scores() for mode in MODES}
    audio_s = wall_s = cpu_s = 0.0
    peak_kb = 0
    print()
    print(f"Real speech{title}: {len(recs)} recordings in {REAL_DIR.relative_to(Path.cwd())}")
    print(
        f"{'recording':<12} {'s':>5} {'spk':>3} | {'auto ±.25':>9} {'none':>6} {'k':>2} "
        f"{'miss':>5} {'FA':>5} {'conf':>5} | {'given ±.25':>10} {'none':>6} "
        f"{'miss':>5} {'FA':>5} {'conf':>5} | {'xRT':>5}"
    )
    for rec in recs:
        uem = Timeline([Segment(0, rec.duration_s)])
        rows = {}
        for mode in MODES:
            options = (
                DiarizationOptions(num_speakers=rec.speakers)
                if mode == "given"
                else DiarizationOptions(min_speakers=1, max_speakers=8)
            )
            started, cpu_before = time.perf_counter(), children_cpu_s()
            turns, count, peak = diarize(rec, options)
            elapsed = time.perf_counter() - started
            cpu_s += children_cpu_s() - cpu_before
            audio_s += rec.duration_s
            wall_s += elapsed
            peak_kb = max(peak_kb, peak)
            rows[mode] = scores[mode].add(rec.reference, hypothesis(turns, rec.name), uem)
            rows[mode]["k"] = count
            rows[mode]["xrt"] = rec.duration_s / elapsed
            if mode == "auto" and rec.speakers >= 2:
                scores[mode].counted += 1
                scores[mode].right += count == rec.speakers
        a, g = rows["auto"], rows["given"]
        print(
            f"{rec.name:<12} {rec.duration_s:>5.1f} {rec.speakers:>3} | "
            f"{a['der0.5']:>9.1%} {a['der0.0']:>6.1%} {int(a['k']):>2} "
            f"{a['miss']:>5.1%} {a['fa']:>5.1%} {a['conf']:>5.1%} | "
            f"{g['der0.5']:>10.1%} {g['der0.0']:>6.1%} "
            f"{g['miss']:>5.1%} {g['fa']:>5.1%} {g['conf']:>5.1%} | {a['xrt']:>5.1f}",
            flush=True,
        )
    print_pooled(scores)
    print(
        f"speed: {audio_s / max(wall_s, 1e-9):.1f}x real time (wall clock, incl. process start; "
        f"target >= 10x on 2 cores; load average {load_average()}); CPU time of the "
        f"diarization processes {cpu_s:.1f} s for {audio_s:.0f} s of audio = "
        f"{audio_s / max(cpu_s, 1e-9):.1f}x real time per core; peak memory of the "
        f"diarization process: {peak_kb / 1024:.0f} MiB RSS (target <= 500 MiB)"
    )
    return scores


def long_recording_speed(repeat: int = 2) -> None:
    """Speed on one long recording (the real ones joined, ``repeat`` times), where starting the
    child process and loading the models weigh little: what a user's hour-long file gets."""
    audio = np.concatenate([read_all(r.audio) for r in recordings()] * repeat)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "joined.wav"
        with wave.open(str(path), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(16000)
            out.writeframes((np.clip(audio, -1, 1) * 32767).astype("<i2").tobytes())
        started, cpu_before = time.perf_counter(), children_cpu_s()
        result = diarize_in_subprocess(str(path), DiarizationOptions())
        wall_s, cpu_s = time.perf_counter() - started, children_cpu_s() - cpu_before
    print(
        f"one {result.duration_s / 60:.1f}-minute recording (the real ones joined): "
        f"{result.duration_s / wall_s:.1f}x real time (wall clock, load average "
        f"{load_average()}), CPU time {cpu_s:.1f} s = {result.duration_s / cpu_s:.1f}x real "
        f"time per core, peak memory {result.peak_rss_kb / 1024:.0f} MiB RSS"
    )


def children_cpu_s() -> float:
    """User + system CPU seconds of finished child processes (the diarization, ffmpeg)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def print_pooled(scores: dict[str, Scores]) -> None:
    for mode in MODES:
        s = scores[mode]
        components = [abs(s.der[0.0][name]) for name in ("missed detection", "false alarm")]
        total = max(abs(s.der[0.0]["total"]), 1e-9)
        confusion = abs(s.der[0.0]["confusion"]) / total
        label = "automatic" if mode == "auto" else "count given"
        print(
            f"pooled DER, {label:<11}: {abs(s.der[0.5]):.1%} (±0.25 s collar; target <= "
            f"{TARGETS[mode]:.0%}), {abs(s.der[0.0]):.1%} without collar; missed "
            f"{components[0] / total:.1%}, false alarm {components[1] / total:.1%}, "
            f"confusion {confusion:.1%}"
        )
    auto = scores["auto"]
    share = auto.right / max(auto.counted, 1)
    print(
        f"speaker count right (automatic, recordings with 2+ speakers): {auto.right}/"
        f"{auto.counted} = {share:.0%} (target >= 60 %)"
    )


def load_average() -> str:
    return " ".join(f"{v:.2f}" for v in os.getloadavg())


THRESHOLDS = (0.8, 0.85, 0.9, 0.95, 1.0)  # clustering.THRESHOLD (a distance)
LEAST_SPEECH = (0.5, 1.0, 1.5)  # clustering.MIN_SPEAKER_S (seconds)


def leave_one_out() -> None:
    """The automatic count's two settings (the tree's cut and the speech a person needs)
    fitted on all recordings but one, that one scored with them: what the figures would be if
    the settings had not seen the recording. Fitted first for the count (recordings counted
    right), then for DER; and, as a check, for DER alone."""
    recs = recordings()
    evidence = [gather(decode_blocks(r.audio)) for r in recs]
    grid = [(t, s) for t in THRESHOLDS for s in LEAST_SPEECH]
    shipped = (clustering.THRESHOLD, clustering.MIN_SPEAKER_S)
    # per setting and recording: (DER error, DER total, count right) with the ±0.25 s collar
    table: dict[tuple[float, float], list[tuple[float, float, int]]] = {}
    for setting in grid:
        clustering.THRESHOLD, clustering.MIN_SPEAKER_S = setting
        try:
            rows = []
            for rec, ev in zip(recs, evidence, strict=True):
                result = result_from_evidence(ev, DiarizationOptions())
                detail = DiarizationErrorRate(collar=0.5)(
                    rec.reference,
                    hypothesis(result.turns, rec.name),
                    uem=Timeline([Segment(0, rec.duration_s)]),
                    detailed=True,
                )
                error = detail["diarization error rate"] * detail["total"]
                right = int(rec.speakers >= 2 and result.speaker_count == rec.speakers)
                rows.append((error, detail["total"], right))
            table[setting] = rows
        finally:
            clustering.THRESHOLD, clustering.MIN_SPEAKER_S = shipped
    counted = sum(r.speakers >= 2 for r in recs)
    for objective in ("count", "der"):
        error = total = 0.0
        right = 0
        picked = []
        for i in range(len(recs)):
            others = [j for j in range(len(recs)) if j != i]

            def fit(
                setting: tuple[float, float], others: list[int] = others, by: str = objective
            ) -> tuple:
                rows = table[setting]
                der = sum(rows[j][0] for j in others) / max(sum(rows[j][1] for j in others), 1e-9)
                hits = sum(rows[j][2] for j in others)
                close = abs(setting[0] - shipped[0]) + abs(setting[1] - shipped[1])
                return (-hits, der, close) if by == "count" else (der, -hits, close)

            best = min(grid, key=fit)
            picked.append(best)
            error += table[best][i][0]
            total += table[best][i][1]
            right += table[best][i][2]
        chosen = ", ".join(sorted({f"{t:.2f}/{s:.1f} s" for t, s in picked}))
        label = "count, then DER" if objective == "count" else "DER alone"
        print(
            f"leave-one-out, fitted on {label} (threshold/speech over {THRESHOLDS[0]}-"
            f"{THRESHOLDS[-1]} x {LEAST_SPEECH[0]}-{LEAST_SPEECH[-1]} s; picked {chosen}): "
            f"pooled DER automatic {error / max(total, 1e-9):.1%} (±0.25 s), count right "
            f"{right}/{counted}; shipped {shipped[0]}/{shipped[1]} s"
        )
