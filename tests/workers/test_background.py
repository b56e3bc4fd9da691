"""run_task: the function runs on a pool thread, its result or error reaches the GUI thread."""

from __future__ import annotations

import logging
import threading

import pytest
import shiboken6
from PySide6.QtCore import QRunnable, QThread, QThreadPool
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kzdesk.workers.background import TaskControl, run_task


@pytest.fixture
def pool() -> QThreadPool:
    pool = QThreadPool()
    yield pool
    pool.waitForDone(5000)


class _Gate(QRunnable):
    """Holds a one-thread pool until opened: what is started after it waits."""

    def __init__(self) -> None:
        super().__init__()
        self.open = threading.Event()

    def run(self) -> None:
        self.open.wait(10)


def _gated(pool: QThreadPool) -> _Gate:
    pool.setMaxThreadCount(1)
    gate = _Gate()
    pool.start(gate)
    return gate


def test_the_result_and_progress_arrive_on_the_gui_thread(qtbot: QtBot, pool: QThreadPool) -> None:
    threads: list[object] = []
    seen: list[object] = []

    def work(control: TaskControl) -> int:
        threads.append(QThread.currentThread())
        control.progress(1, 2)
        control.progress(2, 2)
        return 42

    def done(result: int) -> None:
        seen.append(("done", result, QThread.currentThread()))

    run_task(work, done, seen.append, on_progress=lambda *v: seen.append(v), pool=pool)
    qtbot.waitUntil(lambda: len(seen) == 3, timeout=5000)
    gui = QThread.currentThread()
    assert seen == [(1, 2), (2, 2), ("done", 42, gui)]
    assert threads and threads[0] is not gui


def test_an_expected_error_is_delivered_quietly_an_unexpected_one_is_logged(
    qtbot: QtBot, pool: QThreadPool, caplog: pytest.LogCaptureFixture
) -> None:
    errors: list[Exception] = []

    def expected(_control: TaskControl) -> None:
        raise KeyError("known")

    def unexpected(_control: TaskControl) -> None:
        raise ZeroDivisionError("boom")

    with caplog.at_level(logging.ERROR, logger="kzdesk.workers.background"):
        run_task(expected, errors.append, errors.append, expected=(KeyError,), pool=pool)
        qtbot.waitUntil(lambda: len(errors) == 1, timeout=5000)
        assert caplog.records == []
        run_task(unexpected, errors.append, errors.append, pool=pool, name="the sum")
        qtbot.waitUntil(lambda: len(errors) == 2, timeout=5000)
    assert [type(e) for e in errors] == [KeyError, ZeroDivisionError]
    assert [r.getMessage() for r in caplog.records] == ["the sum failed unexpectedly"]
    assert caplog.records[0].exc_info is not None


def test_a_cancelled_task_reports_nothing_unless_asked(qtbot: QtBot, pool: QThreadPool) -> None:
    gate = _gated(pool)
    quiet: list[object] = []
    told: list[object] = []

    def work(control: TaskControl) -> str:
        control.progress("never shown")
        return "cancelled" if control.cancelled() else "whole"

    first = run_task(work, quiet.append, quiet.append, on_progress=quiet.append, pool=pool)
    second = run_task(work, told.append, told.append, report_cancelled=True, pool=pool)
    first.cancel()
    second.cancel()
    gate.open.set()
    qtbot.waitUntil(lambda: not first.running and not second.running, timeout=5000)
    assert quiet == []
    assert told == ["cancelled"]
    assert first.is_cancelled() and second.is_cancelled()


def test_nothing_reaches_a_closed_window(qtbot: QtBot, pool: QThreadPool) -> None:
    gate = _gated(pool)
    window = QWidget()
    reports: list[object] = []
    task = run_task(lambda _c: 1, reports.append, reports.append, pool=pool, parent=window)
    window.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(window), timeout=5000)
    gate.open.set()
    qtbot.waitUntil(lambda: not task.running, timeout=5000)
    assert reports == []


def test_the_caller_need_not_keep_the_task(qtbot: QtBot, pool: QThreadPool) -> None:
    results: list[int] = []
    for n in range(20):
        run_task(lambda _c, n=n: n * n, results.append, results.append, pool=pool)
    qtbot.waitUntil(lambda: len(results) == 20, timeout=5000)
    assert sorted(results) == [n * n for n in range(20)]
