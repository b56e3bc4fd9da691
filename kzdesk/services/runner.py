"""Run queued jobs on a pool of threads until they end (the CLI's dispatcher).

The window uses a QThreadPool dispatcher in ``kzdesk.workers`` over the same service."""

from __future__ import annotations

import concurrent.futures as cf
import time
from collections.abc import Callable, Iterable

from kzdesk.core.job import Job, JobState
from kzdesk.services.transcription import TranscriptionService
from kzdesk.storage.job_queue import JobQueue


class QueueRunner:
    def __init__(self, service: TranscriptionService, queue: JobQueue, *, workers: int = 5):
        self.service = service
        self.queue = queue
        self.workers = max(1, workers)

    def run(
        self,
        job_ids: Iterable[int] | None = None,
        listener: Callable[[Job], None] | None = None,
        *,
        max_wait_s: float = 24 * 3600,
    ) -> list[Job]:
        """Process the given queued jobs (all queued jobs when None); returns their end states."""
        ids = None if job_ids is None else list(job_ids)
        deadline = time.monotonic() + max_wait_s
        running: set[cf.Future[Job]] = set()
        with cf.ThreadPoolExecutor(self.workers, thread_name_prefix="kzdesk-job") as pool:
            while True:
                while len(running) < self.workers:
                    job = self.queue.claim_next(job_ids=ids)
                    if job is None:
                        break
                    if listener:
                        listener(job)
                    running.add(pool.submit(self.service.run, job, listener))
                if running:
                    _, running = cf.wait(running, timeout=0.5, return_when=cf.FIRST_COMPLETED)
                    continue
                wake = self.queue.next_wakeup(ids)
                if wake is None or time.monotonic() > deadline:
                    break
                time.sleep(min(max(wake - time.time(), 0.05), 1.0))
        self.service.release_engines()  # the queue is idle: no warm offline engine left behind
        if ids is None:
            return self.queue.all()
        return [self.queue.get(i) for i in ids]


def failed(jobs: Iterable[Job]) -> list[Job]:
    return [j for j in jobs if j.state is not JobState.DONE]
