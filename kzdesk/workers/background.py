"""One way to run a function off the GUI thread: :func:`run_task`.

The function runs on a thread pool and gets a :class:`TaskControl` (has it been cancelled?
report progress). What it returns reaches ``on_done`` on the GUI thread; an exception it raises
reaches ``on_error`` there — the caller turns it into the sentence people read. An exception
not listed in ``expected`` is also logged with its traceback, as unexpected.

The returned :class:`Task` lives in the GUI thread and is kept here until it has reported, so
callers need not hold it; one kept to cancel it stays usable after the end. With a ``parent``
(the window or dialog the callbacks belong to), nothing is reported once that is gone.
After :meth:`Task.cancel` it reports nothing — unless started with ``report_cancelled=True``, for work that says how it stopped
(files written so far, a download's partial file kept). Work done by the job queue has its own
runnable (``workers.job_runnable``).
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

log = logging.getLogger(__name__)

T = TypeVar("T")

_alive: set[Task[Any]] = set()  # started and not yet reported: kept here, not by the caller


class _Relay(QObject):
    """Carries the function's reports from its thread to the task (queued: the task lives in
    the GUI thread). Held by the runnable while it runs and by the task until the end is
    delivered."""

    progressed = Signal(object)  # tuple of values
    ended = Signal(bool, object)  # succeeded, the result or the exception


class TaskControl:
    """Handed to the function, in its thread."""

    def __init__(self, cancel: threading.Event, relay: _Relay) -> None:
        self._cancel, self._relay = cancel, relay

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def progress(self, *values: object) -> None:
        """Reaches ``on_progress(*values)`` on the GUI thread (not after a cancel)."""
        self._relay.progressed.emit(values)


@dataclass(frozen=True)
class _Calls(Generic[T]):
    on_done: Callable[[T], object]
    on_error: Callable[[Exception], object]
    on_progress: Callable[..., object] | None


class Task(QObject, Generic[T]):
    """A function running in the background; ``cancel()`` asks it to stop."""

    def __init__(
        self,
        relay: _Relay,
        on_done: Callable[[T], object],
        on_error: Callable[[Exception], object],
        on_progress: Callable[..., object] | None,
        report_cancelled: bool,
        context: QObject | None,
    ) -> None:
        super().__init__()
        self._context = context
        self._cancel = threading.Event()
        self._relay: _Relay | None = relay
        # dropped at the end: a handle kept for cancel() holds on to nothing more
        self._calls: _Calls[T] | None = _Calls(on_done, on_error, on_progress)
        self._report_cancelled = report_cancelled
        self.running = True
        relay.progressed.connect(self._deliver_progress)
        relay.ended.connect(self._deliver_end)

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    @Slot(object)
    def _deliver_progress(self, values: tuple[object, ...]) -> None:
        calls = self._calls
        if calls and calls.on_progress and not self._cancel.is_set() and not self._quiet():
            calls.on_progress(*values)

    @Slot(bool, object)
    def _deliver_end(self, succeeded: bool, payload: Any) -> None:
        self.running = False
        self._relay = None
        QTimer.singleShot(0, functools.partial(_alive.discard, self))  # not while in its slot
        quiet, calls = self._quiet(), self._calls
        self._calls = self._context = None
        if quiet or calls is None:
            return
        if succeeded:
            calls.on_done(payload)
        else:
            calls.on_error(payload)

    def _quiet(self) -> bool:
        """Nothing to report: cancelled (unless told to report that), or the context is gone."""
        cancelled = self._cancel.is_set() and not self._report_cancelled
        return cancelled or (self._context is not None and not shiboken6.isValid(self._context))


class _Runnable(QRunnable):
    def __init__(
        self,
        control: TaskControl,
        relay: _Relay,
        func: Callable[[TaskControl], T],
        expected: tuple[type[Exception], ...],
        name: str,
    ) -> None:
        super().__init__()
        self._control, self._relay = control, relay
        self._func, self._expected, self._name = func, expected, name

    def run(self) -> None:
        try:
            result: object = self._func(self._control)
            succeeded = True
        except Exception as exc:
            if not isinstance(exc, self._expected) and not self._control.cancelled():
                log.exception("%s failed unexpectedly", self._name)
            result, succeeded = exc, False
        self._relay.ended.emit(succeeded, result)


def run_task(
    func: Callable[[TaskControl], T],
    on_done: Callable[[T], object],
    on_error: Callable[[Exception], object],
    *,
    on_progress: Callable[..., object] | None = None,
    expected: tuple[type[Exception], ...] = (),
    report_cancelled: bool = False,
    pool: QThreadPool | None = None,
    parent: QObject | None = None,
    name: str = "",
) -> Task[T]:
    """Run ``func(control)`` on ``pool`` (the global one by default); see the module's text.

    Once ``parent`` is gone (a closed window), nothing is reported."""
    relay = _Relay()
    task: Task[T] = Task(relay, on_done, on_error, on_progress, report_cancelled, parent)
    _alive.add(task)
    control = TaskControl(task._cancel, relay)
    runnable = _Runnable(
        control, relay, func, expected, name or getattr(func, "__qualname__", "a task")
    )
    (pool or QThreadPool.globalInstance()).start(runnable)
    return task
