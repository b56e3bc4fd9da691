"""A main-thread heartbeat for the GUI benchmarks: the gaps between the ticks of a 10 ms
timer are the longest times the window could not react."""

from __future__ import annotations

import statistics
import time

from PySide6.QtCore import QElapsedTimer, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

TICK_MS = 10


class Heartbeat(QObject):
    """Records the interval between ticks of a 10 ms precise timer in the main thread."""

    def __init__(self) -> None:
        super().__init__()
        self.gaps_ms: list[float] = []
        self._clock = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.gaps_ms.clear()
        self._clock.start()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        self.gaps_ms.append(self._clock.nsecsElapsed() / 1e6)
        self._clock.restart()

    def summary(self) -> str:
        gaps = sorted(self.gaps_ms[1:]) or [0.0]
        p99 = gaps[min(len(gaps) - 1, int(len(gaps) * 0.99))]
        return (
            f"largest gap {gaps[-1]:6.1f} ms | p99 {p99:5.1f} ms | "
            f"median {statistics.median(gaps):5.1f} ms | {len(gaps)} ticks"
        )

    @property
    def largest_ms(self) -> float:
        return max(self.gaps_ms[1:], default=0.0)


def run_for(app: QApplication, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.001)
