"""The status bar's throttle: runs at once, folds a burst into one more run, keeps running
while requests never stop (a debounce would wait for a pause that never comes)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from kzdesk.ui.throttle import Throttle


def test_first_request_runs_at_once_and_a_burst_runs_once_more(qtbot) -> None:
    runs: list[int] = []
    owner = QObject()
    throttle = Throttle(lambda: runs.append(len(runs)), 200, owner)
    throttle.request()
    assert runs == [0]  # leading edge: nothing stale on screen
    for _ in range(50):
        throttle.request()
    assert runs == [0] and throttle.is_pending()
    qtbot.waitUntil(lambda: len(runs) == 2, timeout=5000)  # the trailing run: the last state
    assert not throttle.is_pending()


def test_runs_while_requests_keep_coming(qtbot) -> None:
    runs: list[int] = []
    owner = QObject()
    throttle = Throttle(lambda: runs.append(1), 100, owner)
    feeder = QTimer(owner, interval=20)  # faster than the interval, for ever
    feeder.timeout.connect(throttle.request)
    feeder.start()
    try:
        qtbot.waitUntil(lambda: len(runs) >= 4, timeout=10_000)
    finally:
        feeder.stop()
