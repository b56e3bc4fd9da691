"""Screenshots of the main window, the empty queue and the settings dialog (all tabs), at
scale 1 and 2.

    python tools/screenshot_main_window.py [--lang kk|ru] [--dark] [OUT_DIR]
                                                               (default /tmp/kzdesk-shots)

The queue shows SpeechKit recognising within its usual time and past it, estimates from
measured service times, and a file of random bytes named ``.mp3`` selected (the details pane
with Remove and Show in folder).
Without a display it starts ``Xvfb`` (apt-get install xvfb libxcb-cursor0 ...) and runs itself
under it once per scale factor. The queue is a prepared temporary database holding a job in
every state; nothing is sent anywhere (the dispatcher is never started).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tools import xvfb  # noqa: E402

SIZE = (1280, 800)
DISPLAY = ":93"


def _real_error_for_random_bytes(folder: Path) -> str:
    """The sentence kzdesk really stores for random bytes named like a recording."""
    import random

    from kzdesk.audio import probe
    from kzdesk.audio.errors import AudioError

    fake = folder / "broken.mp3"
    fake.write_bytes(random.Random(14).randbytes(200_000))
    try:
        probe(fake)
    except AudioError as exc:
        return exc.message
    raise SystemExit("random bytes passed as a recording")


def measured_times(data_dir: Path) -> None:
    """What this computer measured before: conversions and SpeechKit waits."""
    from kzdesk.services.service_times import ServiceTimes

    times = ServiceTimes.in_dir(data_dir)
    for minutes, convert_s, wait_s in ((2, 1.2, 26), (12, 4.0, 70), (45, 13.0, 190)):
        times.record("convert", minutes * 60_000, convert_s)
        times.record("speechkit:general", minutes * 60_000, wait_s)


def prepare_queue(data_dir: Path) -> None:
    """One job in each state, with Kazakh and Russian file names."""
    from kzdesk.core.job import JobState, Language, SpeakersMode
    from kzdesk.engines.speechkit_errors import unreachable_error
    from kzdesk.storage.db import Database
    from kzdesk.storage.job_queue import JobQueue

    db = Database.in_dir(data_dir)
    queue = JobQueue(db)
    now = time.time()
    recordings = Path.home() / "Recordings"

    def add(name: str, duration_ms: int, **options: object):  # type: ignore[no-untyped-def]
        job = queue.enqueue(recordings / name, **options)  # type: ignore[arg-type]
        if duration_ms:  # an unreadable file never gets a duration
            queue.set_media(job.id, duration_ms=duration_ms, size=duration_ms * 16)
        return job

    def started(job_id: int, seconds_ago: float) -> None:
        with db.transaction() as conn:
            conn.execute("UPDATE jobs SET started_at = ? WHERE id = ?", (now - seconds_ago, job_id))

    recognizing = add("Жиналыс 12.11.mp3", 6_130_000)
    done = add(
        "interview_aigul.m4a", 2_285_000, language=Language.KK, speakers=SpeakersMode.CHANNELS
    )
    converting = add("board_meeting.mp4", 7_844_000)
    add("voice_017.ogg", 41_000, language=Language.RU, speakers=SpeakersMode.OFF)
    failed = add("broken.mp3", 0)
    cancelled = add("Кеңес хаттамасы — толық нұсқа.wav", 1_520_000, language=Language.AUTO)
    waiting = add("Совещание отдела продаж.webm", 3_100_000)

    for job in (recognizing, done, converting, failed, cancelled, waiting):
        queue.claim_next(job_ids=[job.id])
    queue.move(recognizing.id, JobState.UPLOADING)
    queue.move(recognizing.id, JobState.RECOGNIZING)
    queue.set_progress(recognizing.id, 0.15)
    started(recognizing.id, 80)
    queue.set_progress(converting.id, 0.15 * 0.18)
    started(converting.id, 12)
    queue.move(done.id, JobState.UPLOADING)
    queue.move(done.id, JobState.RECOGNIZING)
    queue.move(done.id, JobState.DONE)
    queue.move(failed.id, JobState.FAILED, error=_real_error_for_random_bytes(data_dir))
    queue.move(cancelled.id, JobState.CANCELLED)
    queue.requeue(waiting.id, delay_s=120, note=unreachable_error().message)
    db.close()


def show_waits(window) -> None:  # type: ignore[no-untyped-def]
    """SpeechKit's waits live in memory only (the dispatcher is not started here): one within
    its usual time, one past it."""
    from dataclasses import replace

    from kzdesk.core.job import JobState

    now = time.time()
    for job in window.jobs():
        if job.state is JobState.RECOGNIZING:
            usual = window.ctx.times.estimate_s("speechkit:general", job.duration_ms)
            window.model.upsert(replace(job, waiting_since=now - 70, expected_wait_s=usual))
    waiting = next(j for j in window.jobs() if j.file_name.startswith("Совещание"))
    claimed = replace(
        waiting,
        state=JobState.RECOGNIZING,
        error=None,
        progress=0.15,
        started_at=now - 400,
        waiting_since=now - 380,
        expected_wait_s=300.0,
    )
    window.model.upsert(claimed)
    window._update_summary()


def shoot(out_dir: Path, scale: str) -> list[Path]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from kzdesk.app import AppContext
    from kzdesk.services import settings as settings_module
    from kzdesk.ui.dialogs.settings_dialog import SettingsDialog
    from kzdesk.ui.launch import make_application
    from kzdesk.ui.main_window import MainWindow
    from kzdesk.workers.dispatcher import Dispatcher

    app = make_application(["kzdesk"])
    suffix = xvfb.install_language(app) + ("" if scale == "1" else f"@{scale}x")
    saved: list[Path] = []

    def settle() -> None:
        for _ in range(20):
            app.processEvents()
            time.sleep(0.02)

    def save(widget, name: str) -> None:  # type: ignore[no-untyped-def]
        settle()
        path = out_dir / f"{name}{suffix}.png"
        if not widget.grab().save(str(path)):
            raise SystemExit(f"could not save {path}")
        saved.append(path)

    class NoSleepChange:
        def inhibit(self, reason: str = "") -> None: ...
        def release(self) -> None: ...

    with tempfile.TemporaryDirectory(prefix="kzdesk-shots-") as tmp:
        ui_state = QSettings(str(Path(tmp) / "ui.ini"), QSettings.Format.IniFormat)
        for name, with_jobs, key in (
            ("main_window", True, "shot-key"),
            ("empty_queue", False, None),
        ):
            data = Path(tmp) / name
            data.mkdir()
            settings = settings_module.Settings(price_per_minute=12.0, folder_id="b1g2abc3def4")
            settings_module.save(data, settings)
            if with_jobs:
                prepare_queue(data)
                measured_times(data)
            if key:
                os.environ["KZDESK_SPEECHKIT_API_KEY"] = key
            else:
                os.environ.pop("KZDESK_SPEECHKIT_API_KEY", None)
            ctx = AppContext.open(data)
            dispatcher = Dispatcher(ctx.service, ctx.queue)  # never started: nothing runs
            window = MainWindow(ctx, dispatcher, inhibitor=NoSleepChange(), ui_state=ui_state)  # type: ignore[arg-type]
            window.resize(*SIZE)
            window.show()
            if with_jobs:
                show_waits(window)
                window.view.select_job(window.jobs()[4].id)  # the failed one: details pane
            save(window, name)
            if with_jobs:
                dialog = SettingsDialog(
                    settings, ctx.secrets, data, check_connection=lambda k, f: None, parent=window
                )
                dialog.show()
                save(dialog, "settings_dialog")
                dialog.tabs.setCurrentWidget(dialog.exports)
                save(dialog, "settings_export")
                dialog.tabs.setCurrentWidget(dialog.offline)
                save(dialog, "settings_offline")
                dialog.tabs.setCurrentWidget(dialog.server)
                dialog.server.url_edit.setText("https://asr.example.org")
                report = SimpleNamespace(model="whisper-1", seconds=0.4, words=True, models=None)
                dialog.server.test_result.setText(dialog.server.describe(report))
                save(dialog, "settings_server")
                dialog.close()
            window.ask = lambda *a: True  # type: ignore[method-assign]
            window.close()
            ctx.close()
    QApplication.processEvents()
    return saved


def main(argv: list[str]) -> int:
    return xvfb.main(__file__, argv, shoot, DISPLAY)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
