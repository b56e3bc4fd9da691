"""One job on a pool thread: a QRunnable that runs the Qt-free service and reports by signals.

The service calls its listener from the worker thread; the listener turns each snapshot into a
signal on a :class:`WorkerSignals` object that lives in the GUI thread, so receivers connected
with a queued connection get every snapshot in the GUI thread.
"""

from __future__ import annotations

import logging
import threading
import time

from PySide6.QtCore import QObject, QRunnable, Signal

from kzdesk.core.job import Job
from kzdesk.services.job_run import Interrupted
from kzdesk.services.transcription import TranscriptionService

log = logging.getLogger(__name__)

# Progress-only snapshots of one job pass at most this often; state changes always pass.
PROGRESS_INTERVAL_S = 0.1


class WorkerSignals(QObject):
    """Shared by all runnables of one dispatcher (it outlives them; it lives in the GUI thread)."""

    job_changed = Signal(object)  # Job snapshot, emitted from a worker thread
    finished = Signal(int)  # job id, the runnable's last word


class JobRunnable(QRunnable):
    def __init__(
        self,
        service: TranscriptionService,
        job: Job,
        signals: WorkerSignals,
        *,
        stop: threading.Event,
        cancel: threading.Event,
    ) -> None:
        super().__init__()
        self.service = service
        self.job = job
        self.signals = signals
        self._stop = stop  # shared: the dispatcher is shutting down
        self._cancel = cancel  # this job: the user cancelled it
        self._cancel_forwarded = False
        self._last_state = job.state
        self._last_emit = 0.0

    def run(self) -> None:
        try:
            if self._stop.is_set():
                return  # claimed but never started: recover() puts it back on the next start
            self.service.run(self.job, self._listen)
        except Interrupted:
            log.info("job %s interrupted; it resumes on the next start", self.job.id)
        except BaseException:  # never let an exception escape into Qt's thread
            log.exception("job %s worker crashed", self.job.id)
        finally:
            # PySide gives pool threads a fresh Python thread state per runnable: the thread-local
            # connection would otherwise stay open, one per job, until the app closes.
            self.service.release_connection()
            self.signals.finished.emit(self.job.id)

    def _listen(self, job: Job) -> None:
        if self._stop.is_set() and job.state.is_active:
            raise Interrupted()
        if self._cancel.is_set() and not self._cancel_forwarded:
            # cancel() may have come before the service registered this job's cancel flag
            self._cancel_forwarded = True
            self.service.cancel(job.id)
        now = time.monotonic()
        if job.state is self._last_state and now - self._last_emit < PROGRESS_INTERVAL_S:
            return
        self._last_state = job.state
        self._last_emit = now
        self.signals.job_changed.emit(job)


class OwedExports(QRunnable):
    """Writes the exports done jobs still owe, once, when the window takes the queue."""

    def __init__(self, service: TranscriptionService, signals: WorkerSignals) -> None:
        super().__init__()
        self.service = service
        self.signals = signals

    def run(self) -> None:
        try:
            self.service.write_owed_exports(self.signals.job_changed.emit)
        except Exception:
            log.exception("writing owed exports failed")
        finally:
            self.service.release_connection()
