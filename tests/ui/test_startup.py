"""The window's start-up failures are dialogs, never a crash; a damaged queue is never
overwritten: the dialog offers an empty queue and keeps the damaged file."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from kzdesk.storage.db import DB_FILE, Database
from kzdesk.storage.job_queue import JobQueue
from kzdesk.ui import launch
from kzdesk.ui.main_window import MainWindow


class DialogAnswers:
    """Answers the start-up dialogs as they appear: clicks the button whose text starts with
    the next answer, and keeps the texts shown. Driven by a timer (the dialog runs its own
    event loop)."""

    def __init__(self, *answers: str) -> None:
        self.answers = list(answers)
        self.seen: list[tuple[str, str, list[str]]] = []
        self.timer = QTimer(interval=20)
        self.timer.timeout.connect(self._look)
        self.timer.start()
        self.deadline = time.monotonic() + 30

    def _look(self) -> None:
        if time.monotonic() > self.deadline:  # give up: the test then fails on what it saw
            self.timer.stop()
            for w in QApplication.topLevelWidgets():
                if isinstance(w, QMessageBox | MainWindow) and w.isVisible():
                    w.close()
            return
        for window in QApplication.topLevelWidgets():
            if isinstance(window, MainWindow) and window.isVisible() and not self.answers:
                self.seen.append(("window", window.windowTitle(), []))
                window.close()
                return
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not self.answers:
            return
        buttons = [b for b in box.findChildren(QPushButton) if b.text()]
        self.seen.append((box.text(), box.informativeText(), [b.text() for b in buttons]))
        answer = self.answers.pop(0)
        next(b for b in buttons if b.text().startswith(answer)).click()

    def stop(self) -> None:
        self.timer.stop()


@pytest.fixture
def gui(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(launch, "INSTANCE_KEY", f"kzdesk-test-{tmp_path.name}")
    monkeypatch.setenv("KZDESK_SPEECHKIT_API_KEY", "unused")
    monkeypatch.setattr(MainWindow, "ask", lambda self, *a: True)


def _damaged_queue(folder: Path) -> bytes:
    db = Database.in_dir(folder)
    JobQueue(db).enqueue(folder / "meeting.wav")
    db.connection().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    damaged = b"garbage instead of a queue " * 400
    (folder / DB_FILE).write_bytes(damaged)
    return damaged


def test_a_damaged_queue_can_start_empty_and_is_kept(qtbot, gui, tmp_path: Path) -> None:
    data = tmp_path / "data"
    damaged = _damaged_queue(data)
    answers = DialogAnswers("Start with an empty queue")
    try:
        assert launch.run_gui(str(data)) == 0
    finally:
        answers.stop()
    text, informative, buttons = answers.seen[0]
    assert text == f"The queue database {data / DB_FILE} is damaged and cannot be opened."
    [aside] = [p for p in data.iterdir() if p.name.startswith("damaged-")]
    assert f"the damaged file is kept as {aside / DB_FILE}" in informative
    assert f"Start with an empty queue (the damaged file is kept as {aside.name})" in buttons
    assert answers.seen[1][0] == "window"  # the window opened on an empty queue
    assert (aside / DB_FILE).read_bytes() == damaged
    db = Database.in_dir(data)
    assert JobQueue(db).all() == []
    db.close()


def test_quitting_leaves_the_damaged_queue_untouched(qtbot, gui, tmp_path: Path) -> None:
    data = tmp_path / "data"
    damaged = _damaged_queue(data)
    answers = DialogAnswers("Quit")
    try:
        assert launch.run_gui(str(data)) == 1
    finally:
        answers.stop()
    assert len(answers.seen) == 1
    assert (data / DB_FILE).read_bytes() == damaged
    assert not [p for p in data.iterdir() if p.name.startswith("damaged-")]


def test_an_unusable_folder_is_a_dialog(qtbot, gui, tmp_path: Path) -> None:
    path = tmp_path / "data"
    path.write_text("a file")
    answers = DialogAnswers("Quit")
    try:
        assert launch.run_gui(str(path)) == 1
    finally:
        answers.stop()
    [(text, informative, buttons)] = answers.seen
    assert text == "kzdesk cannot start."
    assert informative.startswith(f"The data folder {path} is a file, not a folder.")
    assert buttons == ["Quit"]


def test_a_failure_after_the_folder_opened_is_a_dialog(
    qtbot, gui, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kzdesk.workers.dispatcher as dispatcher_module

    def broken_start(self):  # type: ignore[no-untyped-def]
        raise RuntimeError("a bug")

    monkeypatch.setattr(dispatcher_module.Dispatcher, "start", broken_start)
    answers = DialogAnswers("Quit")
    try:
        assert launch.run_gui(str(tmp_path / "data")) == 1
    finally:
        answers.stop()
    [(text, informative, _)] = answers.seen
    assert text == "kzdesk cannot start."
    assert "(RuntimeError)" in informative and str(tmp_path / "data" / "logs") in informative
