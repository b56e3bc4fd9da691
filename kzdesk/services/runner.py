"""Run queued jobs on a pool of threads until they end (the CLI's dispatcher).

The window uses a QThreadPool dispatcher in ``kzdesk.workers`` over the same service. Only the
process that holds the queue (``services.queue_lock``) runs a QueueRunner.
"""

from __future__ import annotations

import concurrent.futures as cf
import dataclasses
import logging
import time
from collections.abc import Callable, Iterable

from kzdesk.core.job import Job, JobState
from kzdesk.services import disk_space
from kzdesk.services.transcription import TranscriptionService

log = logging.getLogger(__name__)

# After Ctrl-C: how long running jobs get to stop (they stay resumable) before the process
# leaves without them.
STOP_GRACE_S = 2.0


class QueueRunner:
    """Runs the jobs of the queue ``service`` works on, ``workers`` at a time."""

    def __init__(self, service: TranscriptionService, *, workers: int = 5):
        self.service = service
        self.queue = service.queue
        self.workers = max(1, workers)

    def run(
        self,
        job_ids: Iterable[int] | None = None,
        listener: Callable[[Job], None] | None = None,
        *,
        requested_since: float | None = None,
        on_ended: Callable[[Job], None] | None = None,
        max_wait_s: float = 24 * 3600,
    ) -> list[Job]:
        """Process the given queued jobs (all queued jobs when None), and the jobs other
        processes add or retry from ``requested_since`` on; returns their end states.

        ``on_ended`` hears each job the moment it ends (its export is already written). On
        KeyboardInterrupt the running jobs are interrupted (they stay resumable), given
        :data:`STOP_GRACE_S` to stop, and the KeyboardInterrupt goes on to the caller."""
        ids = None if job_ids is None else list(job_ids)
        seen: list[int] = list(ids or [])
        deadline = time.monotonic() + max_wait_s
        running: set[cf.Future[Job]] = set()
        pool = cf.ThreadPoolExecutor(self.workers, thread_name_prefix="kzdesk-job")
        try:
            while True:
                while len(running) < self.workers:
                    job = self._claim(ids, listener, requested_since)
                    if job is None:
                        break
                    if job.id not in seen:
                        seen.append(job.id)
                    if listener:
                        listener(job)
                    running.add(pool.submit(self.service.run, job, listener))
                if running:
                    done, running = cf.wait(running, timeout=0.5, return_when=cf.FIRST_COMPLETED)
                    self._report(done, on_ended)
                    continue
                wake = self.queue.next_wakeup(ids, requested_since=requested_since)
                if wake is None or time.monotonic() > deadline:
                    break
                time.sleep(min(max(wake - time.time(), 0.05), 1.0))
        except KeyboardInterrupt:
            self.service.interrupt()
            done, running = cf.wait(running, timeout=STOP_GRACE_S)
            self._report(done, on_ended)
            if running:
                log.info("%d job(s) still stopping; they resume on the next start", len(running))
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        pool.shutdown(wait=True)
        self.service.release_engines()  # the queue is idle: no warm offline engine left behind
        if ids is None:
            return self.queue.all()
        return [self.queue.get(i) for i in seen]

    def _report(
        self, done: Iterable[cf.Future[Job]], on_ended: Callable[[Job], None] | None
    ) -> None:
        for future in done:
            if future.cancelled() or future.exception() is not None:
                continue  # interrupted (it stays in the queue) or a crash (already logged)
            if on_ended is not None:
                on_ended(future.result())

    def _claim(
        self,
        ids: list[int] | None,
        listener: Callable[[Job], None] | None,
        requested_since: float | None,
    ) -> Job | None:
        """The next runnable job; on a full disk None after a pause, the waiting jobs told why."""
        try:
            return self.queue.claim_next(job_ids=ids, requested_since=requested_since)
        except Exception as exc:
            if not disk_space.is_disk_full(exc, self.queue.db.path.parent):
                raise
        note = disk_space.paused_message(self.queue.db.path.parent)
        if listener is not None:
            for job in self.queue.all([JobState.QUEUED]):
                if ids is None or job.id in ids:
                    listener(dataclasses.replace(job, error=note))
        time.sleep(disk_space.POLL_S)
        return None


def failed(jobs: Iterable[Job]) -> list[Job]:
    return [j for j in jobs if j.state is not JobState.DONE]
