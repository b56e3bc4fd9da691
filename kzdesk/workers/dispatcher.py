"""Claims jobs from the SQLite queue and runs them on a QThreadPool (the window's runner).

Behaves like ``services.runner.QueueRunner`` (the CLI's): at most ``max_workers`` jobs at once,
oldest runnable first, jobs waiting to retry start once their time comes (``claim_next``
honours ``not_before``). Everything here runs in the GUI thread except the runnables; their
snapshots arrive through queued connections, so every signal of :class:`Dispatcher` is emitted
in the GUI thread.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, QTimer, Signal

from kzdesk.core.job import Job, JobState, Language, SpeakersMode
from kzdesk.services import disk_space
from kzdesk.services.queue_lock import QueueLock
from kzdesk.services.transcription import TranscriptionService
from kzdesk.storage.job_queue import JobQueue
from kzdesk.workers.job_runnable import JobRunnable, OwedExports, WorkerSignals

log = logging.getLogger(__name__)

TICK_MS = 250
WATCH_MS = 1000  # while another kzdesk runs the queue: how often to look at its progress


class Dispatcher(QObject):
    job_changed = Signal(object)  # Job snapshot, always in the GUI thread
    job_added = Signal(object)  # Job, after enqueue_files() / retry()
    job_removed = Signal(int)  # job id
    # (done, failed, cancelled) when the last job of a batch ends
    batch_finished = Signal(int, int, int)
    running_changed = Signal(int)  # number of jobs running now
    # Another kzdesk holds the queue (a sentence naming it): the window only watches it.
    queue_held_elsewhere = Signal(str)
    queue_taken = Signal()  # this process now runs the queue
    problem = Signal(str)  # a sentence about the data folder (a full disk), once per episode

    def __init__(
        self,
        service: TranscriptionService,
        queue: JobQueue,
        *,
        max_workers: int = 5,
        lock: QueueLock | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.queue = queue
        self.lock = lock  # None: this process owns the queue without asking (tests)
        self._max_workers = max(1, int(max_workers))
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(self._max_workers)
        self._signals = WorkerSignals(self)
        queued = Qt.ConnectionType.QueuedConnection
        self._signals.job_changed.connect(self._on_worker_job_changed, queued)
        self._signals.finished.connect(self._on_worker_finished, queued)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._dispatch)
        self._stop = threading.Event()
        self._running: dict[int, threading.Event] = {}  # job id -> its cancel flag
        self._removing: set[int] = set()  # removed while running: deleted once they stop
        self._batch: dict[int, JobState] = {}  # jobs of the current batch and their last state
        self._paused = False
        self._started = False
        self._watch = QTimer(self)
        self._watch.setInterval(WATCH_MS)
        self._watch.timeout.connect(self._watch_other)
        self._watched: dict[int, Job] = {}
        self._disk_full = False  # claiming failed for want of space; told once until it works

    # ---- life cycle -----------------------------------------------------------------------
    @property
    def owns_queue(self) -> bool:
        """Whether this process runs the queue (False while another kzdesk does)."""
        return self._started

    def start(self) -> list[Job]:
        """Resume interrupted jobs (by their operation ids) and begin dispatching.

        While another kzdesk holds the queue's lock this only watches: ``queue_held_elsewhere``
        says who, ``job_changed`` shows its progress, and the queue is taken (``queue_taken``,
        then the start proper) as soon as that kzdesk ends."""
        if self._stop.is_set():
            raise RuntimeError("a Dispatcher cannot start again after shutdown()")
        if self.lock is not None and not self.lock.acquire():
            self._watched = {job.id: job for job in self.queue.all()}
            self.queue_held_elsewhere.emit(self.lock.describe_holder())
            self._watch.start()
            return []
        return self._take()

    def _take(self) -> list[Job]:
        self._watch.stop()
        recovered = self.queue.recover() if not self._started else []
        if not self._started:
            self._pool.start(OwedExports(self.service, self._signals))
        self._started = True
        for job in recovered:
            self._batch[job.id] = job.state
            self.job_changed.emit(job)
        self._timer.start()
        self._dispatch()
        return recovered

    def shutdown(self, timeout_ms: int = 3000) -> None:
        """Stop claiming and stop the running jobs without cancelling them.

        They stay in their active state in the database (remote operations untouched) and
        ``start()`` of the next Dispatcher resumes them. A job notices at its next progress
        report (the engine's poll interval); this waits up to ``timeout_ms`` for that."""
        self._stop.set()
        self._timer.stop()
        self._watch.stop()
        self._pool.clear()
        if not self._pool.waitForDone(max(0, timeout_ms)):
            log.warning("%d job(s) still stopping after %d ms", len(self._running), timeout_ms)
        self.service.release_engines()
        # deliver what the workers sent while we waited (their last snapshots, finished)
        QCoreApplication.sendPostedEvents(self)
        if self.lock is not None:
            self.lock.release()

    # ---- queue control --------------------------------------------------------------------
    @property
    def paused(self) -> bool:
        return self._paused

    def pause(self) -> None:
        """Running jobs finish; no new ones start."""
        self._paused = True

    def resume(self) -> None:
        self._paused = False
        self._dispatch()

    def set_max_workers(self, n: int) -> None:
        self._max_workers = max(1, int(n))
        self._pool.setMaxThreadCount(self._max_workers)
        self._dispatch()

    @property
    def max_workers(self) -> int:
        return self._max_workers

    def running_count(self) -> int:
        return len(self._running)

    # ---- jobs -----------------------------------------------------------------------------
    def enqueue_files(
        self,
        paths: Iterable[Path],
        *,
        language: Language,
        speakers: SpeakersMode,
        engine: str,
        options: dict[str, Any] | None = None,
    ) -> list[Job]:
        jobs = []
        for path in paths:
            try:
                job = self.queue.enqueue(
                    path, language=language, speakers=speakers, engine=engine, options=options
                )
            except Exception as exc:
                if not disk_space.is_disk_full(exc, self.queue.db.path.parent):
                    raise
                self.problem.emit(disk_space.not_saved_message(self.queue.db.path.parent))
                break
            jobs.append(job)
            self._batch[job.id] = job.state
            self.job_added.emit(job)
        self._dispatch()
        return jobs

    def cancel(self, job_id: int) -> None:
        """A queued job is cancelled at once; a running one stops and cancels remotely."""
        if not self._started:
            return  # another kzdesk runs the queue: its jobs are not this window's to stop
        flag = self._running.get(job_id)
        if flag is not None:
            flag.set()  # the runnable forwards it if the service has not registered the job yet
            self.service.cancel(job_id)
            return
        try:
            self.service.cancel(job_id)
            job = self.queue.get(job_id)
        except KeyError:
            return
        self._publish(job)
        self._check_batch()

    def retry(self, job_id: int) -> None:
        """Back to the queue (a failed, cancelled or done job; a job waiting to retry runs as
        soon as a worker is free); remote operations already accepted are kept."""
        if job_id in self._running:
            return
        try:
            job = self.queue.get(job_id)
        except KeyError:
            return
        if job.state.is_active:
            return
        job = self.queue.retry(job_id)
        self._batch[job.id] = job.state
        self.job_added.emit(job)
        self._dispatch()

    def remove(self, job_id: int) -> None:
        """Forget a job (and its transcript); a running job is cancelled first."""
        if not self._started:
            return  # another kzdesk runs the queue: it may be running this very job
        self._batch.pop(job_id, None)
        if job_id in self._running:
            self._removing.add(job_id)
            self.cancel(job_id)
        else:
            self.service.remove(job_id)
        self.job_removed.emit(job_id)
        self._check_batch()

    # ---- internals ------------------------------------------------------------------------
    def _watch_other(self) -> None:
        """Show what the other kzdesk does; take the queue when it lets go."""
        assert self.lock is not None
        if self.lock.acquire():
            log.info("the other kzdesk let go of the queue; this window runs it now")
            self.queue_taken.emit()
            recovered = self._take()
            if recovered:
                log.info("resuming %d interrupted job(s)", len(recovered))
            return
        current = {job.id: job for job in self.queue.all()}
        for job_id in set(self._watched) - set(current):
            self.job_removed.emit(job_id)
        for job in current.values():
            if self._watched.get(job.id) != job:
                self.job_changed.emit(job)
        self._watched = current

    def _dispatch(self) -> None:
        if self._paused or self._stop.is_set() or not self._started:
            return
        if len(self._running) >= self._max_workers:
            return
        wake = self.queue.next_wakeup()  # a read: no write lock while nothing is runnable
        if wake is None or wake > time.time():
            return
        while len(self._running) < self._max_workers:
            try:
                job = self.queue.claim_next()
            except Exception as exc:
                if not disk_space.is_disk_full(exc, self.queue.db.path.parent):
                    raise
                if not self._disk_full:  # tried again on every tick until space is back
                    self._disk_full = True
                    self.problem.emit(disk_space.paused_message(self.queue.db.path.parent))
                return
            self._disk_full = False
            if job is None:
                break
            self._launch(job)

    def _launch(self, job: Job) -> None:
        cancel = threading.Event()
        self._running[job.id] = cancel
        self._batch[job.id] = job.state
        self.job_changed.emit(job)
        runnable = JobRunnable(self.service, job, self._signals, stop=self._stop, cancel=cancel)
        self._pool.start(runnable)
        self.running_changed.emit(len(self._running))

    def _publish(self, job: Job) -> None:
        if job.id in self._removing:
            return
        if job.id in self._batch:
            self._batch[job.id] = job.state
        self.job_changed.emit(job)

    def _on_worker_job_changed(self, job: Job) -> None:
        self._publish(job)

    def _on_worker_finished(self, job_id: int) -> None:
        if self._running.pop(job_id, None) is None:
            return
        if job_id in self._removing:
            self._removing.discard(job_id)
            self.service.remove(job_id)
        self.running_changed.emit(len(self._running))
        if self._stop.is_set():
            return
        self._check_batch()
        self._dispatch()
        if not self._running:
            self.service.release_engines()  # nothing runs or can start: free the warm engine

    def _check_batch(self) -> None:
        if not self._batch or self._running or self._stop.is_set():
            return
        if not all(state.is_final for state in self._batch.values()):
            return
        states = list(self._batch.values())
        self._batch.clear()
        done = sum(1 for s in states if s is JobState.DONE)
        failed = sum(1 for s in states if s is JobState.FAILED)
        cancelled = sum(1 for s in states if s is JobState.CANCELLED)
        self.batch_finished.emit(done, failed, cancelled)
