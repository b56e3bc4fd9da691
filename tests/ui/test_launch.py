from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kzdesk.core.job import JobState
from kzdesk.storage.db import Database
from kzdesk.storage.job_queue import JobQueue
from kzdesk.ui import launch
from kzdesk.ui.main_window import MainWindow


def test_run_gui_opens_the_window_and_resumes_interrupted_jobs(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(launch, "INSTANCE_KEY", f"kzdesk-test-{tmp_path.name}")
    monkeypatch.setenv("KZDESK_SPEECHKIT_API_KEY", "unused")
    data = tmp_path / "data"
    db = Database.in_dir(data)
    queue = JobQueue(db)
    missing = queue.enqueue(tmp_path / "gone.wav")
    queue.claim_next()  # as if the app died while converting it
    db.close()
    seen: dict[str, object] = {}

    def close_window() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        seen["windows"] = len(windows)
        seen["title"] = QApplication.applicationName()
        for w in windows:
            w.ask = lambda *a: True
            w.close()

    QTimer.singleShot(1500, close_window)
    assert launch.run_gui(str(data)) == 0
    assert seen == {"windows": 1, "title": "kzdesk"}
    assert (data / "logs" / "kzdesk.log").exists()
    db = Database.in_dir(data)
    job = JobQueue(db).get(missing.id)
    db.close()
    assert job.state is JobState.FAILED  # resumed, then failed: the file is gone
