"""Five 10-minute files through the whole pipeline against the local emulator.

The emulator takes a fixed 2 s per file (the service's processing time). Prints the wall time
of one file alone, of five files with 1 worker and with 5 workers, and the ratio of five files
on 5 workers to one file (target ≤ 1.3). Run for sources that are sent as they are (MP3) and
for sources that must be converted (WAV), since conversion competes for the CPU cores.

    python bench/pipeline.py [--minutes 10] [--latency 2]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kzdesk.core.job import JobState  # noqa: E402
from kzdesk.engines.speechkit import SpeechKitEngine  # noqa: E402
from kzdesk.services.runner import QueueRunner  # noqa: E402
from kzdesk.services.transcription import PipelineConfig, TranscriptionService  # noqa: E402
from kzdesk.storage.db import Database  # noqa: E402
from kzdesk.storage.job_queue import JobQueue  # noqa: E402
from kzdesk.storage.transcripts import TranscriptStore  # noqa: E402
from tests.emulator.server import SpeechKitEmulator  # noqa: E402
from tests.media import bursts_file  # noqa: E402


def make_sources(folder: Path, minutes: float, ext: str, count: int) -> list[Path]:
    total = minutes * 60
    bursts = [(t + 0.5, 2.5) for t in range(0, int(total) - 4, 4)]
    first = bursts_file(folder / f"meeting-0.{ext}", bursts, total, rate=16000)
    paths = [first]
    for i in range(1, count):
        copy = folder / f"meeting-{i}.{ext}"
        copy.write_bytes(first.read_bytes())
        paths.append(copy)
    return paths


def run(paths: list[Path], workers: int, emulator: SpeechKitEmulator, work: Path) -> float:
    db = Database.in_dir(work / f"db-{workers}-{len(paths)}-{time.monotonic_ns()}")
    queue, store = JobQueue(db), TranscriptStore(db)
    engine = SpeechKitEngine(
        api_key=emulator.api_key, endpoint=emulator.endpoint, poll_interval_s=0.25
    )
    service = TranscriptionService(
        queue, store, lambda job: engine, PipelineConfig(work_dir=work / "audio")
    )
    jobs = [queue.enqueue(p) for p in paths]
    start = time.perf_counter()
    ended = QueueRunner(service, queue, workers=workers).run([j.id for j in jobs])
    elapsed = time.perf_counter() - start
    bad = [j for j in ended if j.state is not JobState.DONE]
    if bad:
        raise SystemExit(f"jobs failed: {[j.error for j in bad]}")
    db.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--latency", type=float, default=2.0)
    parser.add_argument("--files", type=int, default=5)
    args = parser.parse_args()
    emulator = SpeechKitEmulator().start()
    emulator.script(["Сәлеметсіз бе, бастаймыз"], processing_s=args.latency)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            tmp_path = Path(tmp)
            print(
                f"{args.files} × {args.minutes:g}-minute files, service latency {args.latency:g} s"
            )
            for ext in ("mp3", "wav"):
                folder = tmp_path / ext
                folder.mkdir()
                paths = make_sources(folder, args.minutes, ext, args.files)
                one = run(paths[:1], 1, emulator, tmp_path)
                serial = run(paths, 1, emulator, tmp_path)
                parallel = run(paths, 5, emulator, tmp_path)
                how = "sent as is" if ext == "mp3" else "converted to Opus"
                print(
                    f"  {ext.upper():<4}({how}): one file {one:6.2f} s | "
                    f"{args.files} files, 1 worker {serial:6.2f} s | "
                    f"{args.files} files, 5 workers {parallel:6.2f} s | "
                    f"5 workers / one file = {parallel / one:4.2f}× "
                    f"(1 worker / 5 workers = {serial / parallel:4.2f}×)"
                )
    finally:
        emulator.stop()


if __name__ == "__main__":
    main()
