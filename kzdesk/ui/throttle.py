"""Run a refresh at most once per interval however often it is asked for, and never drop the
last request: the first call runs at once, calls during the interval are folded into one run
when it ends (a throttle, not a debounce, which would never fire while updates keep coming)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


class Throttle(QObject):
    def __init__(self, action: Callable[[], object], interval_ms: int, parent: QObject) -> None:
        super().__init__(parent)
        self._action = action
        self._pending = False
        self._timer = QTimer(self, singleShot=True, interval=interval_ms)
        self._timer.timeout.connect(self._on_timeout)

    def request(self) -> None:
        """Run now if nothing ran during the last interval, else once when it ends."""
        if self._timer.isActive():
            self._pending = True
            return
        self._run()

    def is_pending(self) -> bool:
        return self._pending

    def _run(self) -> None:
        self._pending = False
        self._timer.start()  # the interval starts with the run: at most one per interval
        self._action()

    def _on_timeout(self) -> None:
        if self._pending:
            self._run()
