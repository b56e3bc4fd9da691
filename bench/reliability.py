"""Reliability under kills: a 5-file batch killed (SIGKILL) at a random moment, then resumed.

Each trial starts ``kzdesk transcribe`` on five recordings (different lengths, so each upload
can be traced back to its file) against the SpeechKit emulator (which takes a while to accept
an upload, as the service does for a real file, so kills also land between sending and the
answer), kills it at a random moment of the batch, and runs ``kzdesk resume`` until nothing is
left; a job the resume leaves to the user ("may already have been sent") is retried as the
user would (``kzdesk retry --failed``), and a kill before the files were even queued is
followed by the same ``kzdesk transcribe`` again (it reuses the jobs already queued). It then
checks what the user gets:

- files finished (of 5 per trial),
- uploads per file (1 = never billed twice; a second upload only at the user's word),
- duplicated segments in the transcripts,
- exports valid (each DOCX opens, each TXT has the text, no stray "(2)" names),
- where the kill landed (the jobs' states at that instant).

    python bench/reliability.py [--trials 20] [--seed 7]

A benchmark, not a test: it prints figures for the closing note.
"""

from __future__ import annotations

import argparse
import collections
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from docx import Document  # noqa: E402

from tests.emulator.server import SpeechKitEmulator  # noqa: E402
from tests.media import bursts_file  # noqa: E402

LENGTHS_S = (20, 23, 26, 29, 32)  # distinct: an upload's audio length names its file
FORMATS = ("txt", "docx")


def kzdesk(
    args: list[str], env: dict[str, str], timeout: float = 300
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kzdesk", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout,
    )  # fmt: skip


def make_sources(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    sources = []
    for i, length in enumerate(LENGTHS_S):
        bursts = [(t + 0.5, 1.5) for t in range(0, length - 2, 3)]
        sources.append(bursts_file(folder / f"Жиналыс {i + 1}.wav", bursts, float(length)))
    return sources


def states_now(data: Path) -> list[str]:
    try:
        with sqlite3.connect(data / "kzdesk.sqlite3", timeout=10) as conn:
            return [r[0] for r in conn.execute("SELECT state FROM jobs ORDER BY id")]
    except sqlite3.Error:
        return []


def run_trial(emulator: SpeechKitEmulator, sources: list[Path], work: Path, kill_at: float):
    data, out = work / "data", work / "out"
    env = dict(
        os.environ,
        KZDESK_DATA_DIR=str(data),
        KZDESK_SPEECHKIT_ENDPOINT=emulator.endpoint,
        KZDESK_SPEECHKIT_API_KEY=emulator.api_key,
        KZDESK_POLL_INTERVAL_S="0.2",
        PYTHONPATH=str(ROOT),
    )
    before = len(emulator.calls("RecognizeFile"))
    command = ["transcribe", *map(str, sources), "--export", ",".join(FORMATS), "--out", str(out)]
    proc = subprocess.Popen(
        [sys.executable, "-m", "kzdesk", *command],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    killed = False
    try:
        proc.wait(timeout=kill_at)
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        killed = True
    at_kill = states_now(data) if killed else ["ended before the kill"]
    asked = 0
    for _ in range(4):
        resumed = kzdesk(["resume"], env)
        if "kzdesk retry" in resumed.stderr:
            asked += resumed.stderr.count("kzdesk retry")
            kzdesk(["retry", "--failed"], env)  # the user says: send it again
            continue
        if resumed.returncode == 0:
            break
    queued = len(states_now(data))
    if queued < len(sources):  # killed before all were queued: the user runs it again
        kzdesk(command, env)
    calls = emulator.calls("RecognizeFile")[before:]
    uploads = collections.Counter()
    for call in calls:
        seconds = (call.audio_duration_ms or 0) / 1000
        uploads[min(LENGTHS_S, key=lambda n: abs(n - seconds))] += 1
    with sqlite3.connect(data / "kzdesk.sqlite3") as conn:
        done = conn.execute("SELECT COUNT(*) FROM jobs WHERE state = 'done'").fetchone()[0]
        duplicated = conn.execute(
            "SELECT COUNT(*) FROM (SELECT transcript_id, start_ms, end_ms, text, COUNT(*) n"
            " FROM segments GROUP BY 1, 2, 3, 4 HAVING n > 1)"
        ).fetchone()[0]
    valid, stray = check_exports(out, sources)
    return {
        "killed": killed,
        "queued": queued,
        "at_kill": at_kill,
        "done": done,
        "uploads": [uploads.get(n, 0) for n in LENGTHS_S],
        "asked": asked,
        "duplicated": duplicated,
        "valid": valid,
        "stray": stray,
    }


def check_exports(out: Path, sources: list[Path]) -> tuple[int, list[str]]:
    valid = 0
    for src in sources:
        for fmt in FORMATS:
            path = out / f"{src.stem}.{fmt}"
            try:
                if fmt == "docx":
                    ok = any(p.text.strip() for p in Document(str(path)).paragraphs)
                else:
                    ok = bool(path.read_text(encoding="utf-8").strip())
            except Exception:
                ok = False
            valid += ok
    expected = {f"{s.stem}.{f}" for s in sources for f in FORMATS}
    stray = sorted(p.name for p in out.glob("*") if p.name not in expected) if out.exists() else []
    return valid, stray


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--latency", type=float, default=1.5, help="service time per file, s")
    parser.add_argument(
        "--accept", type=float, default=0.5, help="time the service takes to accept an upload, s"
    )
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="kzdesk-reliability-") as tmp:
        root = Path(tmp)
        sources = make_sources(root / "recordings")
        emulator = SpeechKitEmulator(api_key="bench-key", deferred_decoding=True).start()
        emulator.script(None, processing_s=args.latency, recognize_latency_s=args.accept)
        try:
            started = time.monotonic()
            calibration = run_trial(emulator, sources, root / "calibration", kill_at=600)
            batch_s = time.monotonic() - started
            print(f"undisturbed batch: {batch_s:.1f} s, {calibration['done']}/5 done, uploads "
                  f"{calibration['uploads']}, exports valid {calibration['valid']}/10")  # fmt: skip
            results = []
            for trial in range(args.trials):
                kill_at = rng.uniform(0.3, batch_s)
                result = run_trial(emulator, sources, root / f"trial-{trial}", kill_at)
                results.append(result)
                print(
                    f"trial {trial + 1:2d}: kill at {kill_at:5.2f} s "
                    f"({', '.join(result['at_kill']) or 'no database yet'}) -> done "
                    f"{result['done']}/5, uploads {result['uploads']}, asked "
                    f"{result['asked']}, duplicated phrases {result['duplicated']}, exports "
                    f"valid {result['valid']}/10{', stray ' + str(result['stray']) if result['stray'] else ''}"
                )  # fmt: skip
        finally:
            emulator.stop()
    report(results)
    return 0


def report(results: list[dict]) -> None:
    n = len(results)
    files = sum(r["done"] for r in results)
    uploads = [u for r in results for u in r["uploads"]]
    unasked_twice = sum(
        max(0, sum(r["uploads"]) - 5 - r["asked"]) for r in results
    )  # uploads beyond one per file that the user did not ask for
    print()
    print(
        f"trials: {n} (killed mid-batch: {sum(r['killed'] for r in results)}; before all files "
        f"were queued, so transcribe was run again: "
        f"{sum(r['queued'] < 5 for r in results)})"
    )
    print(f"files finished: {files}/{5 * n}")
    print(
        f"uploads per file: max {max(uploads)}, mean {sum(uploads) / len(uploads):.2f}; "
        f"second uploads the user asked for: {sum(r['asked'] for r in results)}; "
        f"second uploads nobody asked for: {unasked_twice}"
    )
    print(f"duplicated phrases: {sum(r['duplicated'] for r in results)}")
    print(
        f"exports valid: {sum(r['valid'] for r in results)}/{10 * n}; stray names: "
        f"{sum(len(r['stray']) for r in results)}"
    )


if __name__ == "__main__":
    raise SystemExit(main())
