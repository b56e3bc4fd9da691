"""Five 10-minute files through the whole pipeline against the local emulator.

The emulator takes a fixed 2 s per file (the service's processing time). Prints the wall time
of one file alone, of five files with 1 worker and with 5 workers, and the ratio of five files
on 5 workers to one file (target ≤ 1.3). Run for sources that are sent as they are (MP3) and
for sources that must be converted (WAV), since conversion competes for the CPU cores.

    python bench/pipeline.py [--minutes 10] [--latency 2]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
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
from tests.media import periodic_speech_file  # noqa: E402


def make_sources(folder: Path, minutes: float, ext: str, count: int) -> list[Path]:
    first = periodic_speech_file(folder / f"meeting-0.{ext}", minutes * 60)
    paths = [first]
    for i in range(1, count):
        copy = folder / f"meeting-{i}.{ext}"
        copy.write_bytes(first.read_bytes())
        paths.append(copy)
    return paths


CPU: list[float] = []  # kzdesk's own CPU seconds (with its ffmpeg children) per run


def _cpu_s() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)  # includes the emulator once reaped
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


class Emulator:
    """The emulator in its own process, as the real service is on another machine."""

    api_key = "bench-key"

    def __init__(self, latency_s: float, *, decode: bool) -> None:
        self.decode = decode
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.emulator", "--port", "0", "--api-key", self.api_key,
             "--latency-s", str(latency_s), *([] if decode else ["--no-decode"])],
            cwd=ROOT, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        assert self.proc.stdout is not None
        port = self.proc.stdout.readline().strip().removeprefix("PORT=")
        self.endpoint = f"127.0.0.1:{port}"

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)


def run(paths: list[Path], workers: int, emulator: Emulator, work: Path) -> float:
    db = Database.in_dir(work / f"db-{workers}-{len(paths)}-{time.monotonic_ns()}")
    queue, store = JobQueue(db), TranscriptStore(db)
    engine = SpeechKitEngine(
        api_key=emulator.api_key, endpoint=emulator.endpoint, poll_interval_s=0.25
    )
    service = TranscriptionService(
        queue, store, lambda job: engine, PipelineConfig(work_dir=work / "audio")
    )
    jobs = [queue.enqueue(p) for p in paths]
    start, cpu = time.perf_counter(), _cpu_s()
    ended = QueueRunner(service, workers=workers).run([j.id for j in jobs])
    elapsed = time.perf_counter() - start
    CPU.append(_cpu_s() - cpu)
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
    print(f"{args.files} × {args.minutes:g}-minute files, service latency {args.latency:g} s")
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        sources = {}
        for ext in ("mp3", "wav"):
            (tmp_path / ext).mkdir()
            sources[ext] = make_sources(tmp_path / ext, args.minutes, ext, args.files)
        # The emulator shares this machine's two cores; without decoding it behaves like the
        # remote service, whose CPU is not ours. With decoding it competes with kzdesk.
        for decode in (False, True):
            emulator = Emulator(args.latency, decode=decode)
            print("emulator decodes the audio:" if decode else "emulator like a remote service:")
            try:
                for ext, paths in sources.items():
                    one = run(paths[:1], 1, emulator, tmp_path)
                    serial = run(paths, 1, emulator, tmp_path)
                    parallel = run(paths, 5, emulator, tmp_path)
                    how = "sent as is" if ext == "mp3" else "converted to Opus"
                    print(
                        f"  {ext.upper():<4}({how}): one file {one:6.2f} s | "
                        f"{args.files} files, 1 worker {serial:6.2f} s | "
                        f"{args.files} files, 5 workers {parallel:6.2f} s | "
                        f"5 workers / one file = {parallel / one:4.2f}× "
                        f"(1 worker / 5 workers = {serial / parallel:4.2f}×); "
                        f"kzdesk CPU per file {CPU[-1] / args.files:4.2f} s"
                    )
            finally:
                emulator.stop()


if __name__ == "__main__":
    main()
