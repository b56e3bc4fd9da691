"""The window's status bar and rows while jobs run: fresh counts under a stream of progress,
a SpeechKit wait told in time (not in invented percentages), what a cancelled batch did, and
a window that fits the screen."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSize, QTimer

from kzdesk.core.job import Job, JobState
from kzdesk.ui import window_geometry
from kzdesk.ui.models.job_columns import Column, ProgressRole
from tests.media import bursts_file
from tests.ui.conftest import WAIT_MS


def test_summary_and_status_stay_current_while_a_job_reports_all_the_time(
    qtbot, open_window, env: Path, speechkit_emulator
) -> None:
    # SpeechKit works for a minute; the job hears from it every 50 ms (test poll interval),
    # so progress snapshots never pause long enough for a debounced recount
    speechkit_emulator.script(None, processing_s=60)
    window, ctx = open_window()
    [job] = window.add_paths([bursts_file(env / "a.wav", [(0.5, 1.0)], 2.5)])
    qtbot.waitUntil(lambda: window.model.job_at(0).waiting_since is not None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.summary.text().startswith("1 running · 0 queued"))
    status = window.model.index(0, int(Column.STATUS))
    qtbot.waitUntil(lambda: "elapsed" in status.data(), timeout=WAIT_MS)
    text = status.data()
    assert text.startswith("Recognizing · ") and "%" not in text
    # the usual wait of SpeechKit's typical rate passes (5 s for so short a file): no frozen bar
    qtbot.waitUntil(lambda: "taking longer than usual" in status.data(), timeout=WAIT_MS)
    assert status.data(ProgressRole) is None

    window.view.select_job(job.id)
    window.actions_.cancel.trigger()
    qtbot.waitUntil(
        lambda: window.summary.text().startswith("0 running · 0 queued"), timeout=WAIT_MS
    )
    qtbot.waitUntil(
        lambda: (
            window.statusBar().currentMessage()
            == "Nothing was transcribed: 1 recording(s) cancelled."
        ),
        timeout=WAIT_MS,
    )
    assert ctx.queue.get(job.id).state is JobState.CANCELLED


def test_window_fits_the_screen_and_comes_back_where_it_was(qtbot, open_window) -> None:
    window, _ = open_window()
    window.ui_state.remove("main_window/geometry")
    window._restore_ui_state()  # a first start
    area = window_geometry.available_area(window)
    assert area is not None
    assert window.width() <= area.width() and window.height() <= area.height()
    window.resize(QSize(area.width() // 2, area.height() // 2))
    window._save_ui_state()
    window.resize(QSize(300, 200))
    window._restore_ui_state()
    assert window.size() == QSize(area.width() // 2, area.height() // 2)


def test_counts_follow_a_never_ending_stream_of_progress(qtbot, open_window, env: Path) -> None:
    """Progress snapshots every 30 ms, for ever: the counts still change when states do (a
    recount that waits for a quiet moment would show "5 running" after they were done)."""
    window, _ = open_window()
    window.dispatcher.pause()
    jobs = [
        Job(id=900 + n, source_path=str(env / f"{n}.wav"), state=JobState.CONVERTING)
        for n in range(5)
    ]
    step = {"n": 0, "done": False}

    def feed() -> None:
        step["n"] += 1
        for job in jobs:
            state = JobState.DONE if step["done"] else JobState.CONVERTING
            window.on_job_changed(replace(job, state=state, progress=(step["n"] % 100) / 1000))

    feeder = QTimer(window, interval=30)
    feeder.timeout.connect(feed)
    feeder.start()
    try:
        qtbot.waitUntil(lambda: window.summary.text().startswith("5 running · 0 queued"))
        step["done"] = True
        qtbot.waitUntil(lambda: window.summary.text().startswith("0 running · 0 queued"))
    finally:
        feeder.stop()


def test_main_window_menus_use_sentence_case(open_window) -> None:
    window, _ = open_window()
    names = {"SpeechKit", "Whisper", "kzdesk", "Kazakh", "Russian", "N"}
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if action.isSeparator():
                continue
            target = action.menu().actions() if action.menu() else [action]
            for item in target:
                words = item.text().replace("&", "").split()[1:]
                capitals = [w for w in words if w[:1].isupper() and w.strip("()…") not in names]
                assert not capitals, item.text()
