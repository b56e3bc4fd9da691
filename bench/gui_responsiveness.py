"""Does the window stay responsive while five long files run at once?

Five 30-minute recordings go through the Dispatcher (QThreadPool workers, the real pipeline:
ffmpeg conversion, upload, polling) against the SpeechKit emulator in its own process, while a
JobTableModel in a QTableView (offscreen) is fed by job_changed. A 10 ms QTimer heartbeat in the
main thread records the gaps between its ticks: the largest gap is the longest the window could
not react. The same heartbeat on the idle window, in the same run, is the baseline.
Target: largest gap <= 50 ms.

    python bench/gui_responsiveness.py [--minutes 30] [--files 5] [--ext wav] [--latency 5]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication, QTableView  # noqa: E402

from bench.heartbeat import Heartbeat, run_for  # noqa: E402
from kzdesk.core.job import JobState, Language, SpeakersMode  # noqa: E402
from kzdesk.engines.speechkit import SpeechKitEngine  # noqa: E402
from kzdesk.services.jobs import JobService  # noqa: E402
from kzdesk.services.transcription import PipelineConfig, TranscriptionService  # noqa: E402
from kzdesk.storage.db import Database  # noqa: E402
from kzdesk.storage.job_queue import JobQueue  # noqa: E402
from kzdesk.storage.transcripts import TranscriptStore  # noqa: E402
from kzdesk.ui.delegates.progress_delegate import ProgressDelegate  # noqa: E402
from kzdesk.ui.models.job_table_model import JobTableModel  # noqa: E402
from kzdesk.workers.dispatcher import Dispatcher  # noqa: E402
from tests.media import periodic_speech_file  # noqa: E402

API_KEY = "bench-key"


def start_emulator(latency_s: float, decode: bool) -> tuple[subprocess.Popen[str], str]:
    cmd = [sys.executable, "-m", "tests.emulator", "--port", "0", "--api-key", API_KEY]
    cmd += ["--latency-s", str(latency_s), *([] if decode else ["--no-decode"])]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    port = proc.stdout.readline().strip().removeprefix("PORT=")
    return proc, f"127.0.0.1:{port}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--files", type=int, default=5)
    parser.add_argument("--ext", default="wav", help="wav: converted to Opus; mp3: sent as is")
    parser.add_argument("--latency", type=float, default=5.0, help="emulator seconds per file")
    parser.add_argument("--idle-s", type=float, default=5.0, help="baseline length")
    parser.add_argument("--poll-s", type=float, default=0.5, help="engine poll interval")
    parser.add_argument("--no-decode", action="store_true", help="emulator skips decoding")
    args = parser.parse_args()

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        t0 = time.perf_counter()
        first = periodic_speech_file(work / f"meeting-0.{args.ext}", args.minutes * 60)
        sources = [first]
        for i in range(1, args.files):
            copy = work / f"meeting-{i}.{args.ext}"
            copy.write_bytes(first.read_bytes())
            sources.append(copy)
        print(
            f"{args.files} × {args.minutes:g}-minute {args.ext.upper()} files "
            f"({first.stat().st_size / 1e6:.0f} MB each, made in {time.perf_counter() - t0:.1f} s); "
            f"emulator latency {args.latency:g} s, decodes audio: {not args.no_decode}; "
            f"{os.cpu_count()} CPU cores"
        )
        emulator, endpoint = start_emulator(args.latency, not args.no_decode)
        db = Database.in_dir(work / "data")
        try:
            queue, store = JobQueue(db), TranscriptStore(db)
            engine = SpeechKitEngine(
                api_key=API_KEY, endpoint=endpoint, poll_interval_s=args.poll_s
            )
            service = TranscriptionService(
                queue, store, lambda job: engine, PipelineConfig(work_dir=work / "audio")
            )
            model = JobTableModel(queue.all(), price_per_minute=1.2)
            view = QTableView()
            view.setModel(model)
            view.setItemDelegate(ProgressDelegate(view))
            view.resize(1100, 400)
            view.show()
            dispatcher = Dispatcher(service, JobService(queue), max_workers=args.files)
            updates = [0]

            def on_changed(job: object) -> None:
                updates[0] += 1
                model.upsert(job)  # type: ignore[arg-type]

            dispatcher.job_changed.connect(on_changed)
            dispatcher.job_added.connect(model.upsert)
            finished: list[tuple[int, int]] = []
            dispatcher.batch_finished.connect(lambda d, f, _c: finished.append((d, f)))
            dispatcher.start()

            beat = Heartbeat()
            beat.start()
            run_for(app, args.idle_s)
            beat.stop()
            idle = beat.summary()
            idle_largest = beat.largest_ms

            beat.start()
            started = time.perf_counter()
            dispatcher.enqueue_files(
                sources, language=Language.KK_RU, speakers=SpeakersMode.AUTO, engine="speechkit"
            )
            peak = 0
            while not finished and time.perf_counter() - started < 1800:
                app.processEvents()
                peak = max(peak, dispatcher.running_count())
                time.sleep(0.001)
            beat.stop()
            elapsed = time.perf_counter() - started
            busy = beat.summary()
            dispatcher.shutdown()
            states = [j.state for j in queue.all()]
        finally:
            emulator.terminate()
            emulator.wait(10)
            db.close()
        print(f"idle window:               {idle}")
        print(f"{args.files} jobs running at once:   {busy}")
        print(
            f"batch: {finished[0] if finished else 'did not finish'} (done, failed) in "
            f"{elapsed:.1f} s; at most {peak} running; {updates[0]} job_changed signals "
            f"({updates[0] / max(elapsed, 1e-9):.1f}/s)"
        )
        ok = beat.largest_ms <= 50.0 and all(s is JobState.DONE for s in states)
        print(
            f"largest gap: idle {idle_largest:.1f} ms, busy {beat.largest_ms:.1f} ms "
            f"(target <= 50 ms): {'OK' if ok else 'MISSED'}"
        )
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
