"""The queue of jobs as the window, its dispatcher and the command line see it.

Qt-free. The dispatcher (``kzdesk.workers.dispatcher``) runs the queue through this service
and is the one way the window changes a job, so every change reaches the dispatcher and,
through its signals, every view of the job. The command line (``kzdesk.cli*``) reads and
changes the queue through it too.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from kzdesk.core.job import Job, JobState, Language, SpeakersMode
from kzdesk.storage.db import Database
from kzdesk.storage.job_glossary import set_job_glossary
from kzdesk.storage.job_queue import JobQueue


class JobService:
    def __init__(self, queue: JobQueue) -> None:
        self._queue = queue

    @classmethod
    def in_database(cls, db: Database) -> JobService:
        return cls(JobQueue(db))

    @property
    def data_dir(self) -> Path:
        """The data folder that holds the queue (a full disk is told about this folder)."""
        return self._queue.db.path.parent

    # ---- reading --------------------------------------------------------------------------
    def all(self, states: Iterable[JobState] | None = None) -> list[Job]:
        """Every job, or those in ``states``, oldest first."""
        return self._queue.all(states)

    def get(self, job_id: int) -> Job:
        """The job as stored now (KeyError: it was removed)."""
        return self._queue.get(job_id)

    def next_wakeup(self) -> float | None:
        """When the earliest queued job may run (None: nothing is queued)."""
        return self._queue.next_wakeup()

    def find_same(
        self,
        source_path: str | os.PathLike[str],
        *,
        language: Language,
        speakers: SpeakersMode,
        engine: str,
        options: dict[str, Any] | None = None,
    ) -> Job | None:
        """The newest job of the same file (same path and size) with the same choices."""
        return self._queue.find_same(
            source_path, language=language, speakers=speakers, engine=engine, options=options
        )

    def maybe_sent_since(self, job_id: int) -> float | None:
        """When a piece of the job left with no operation id coming back: it may have been
        accepted (and billed), so only the user's Retry sends it again. None: never."""
        return self._queue.pieces.maybe_sent_since(job_id)

    def resumable_failures(self) -> list[Job]:
        """Failed jobs whose accepted operations can be fetched by id, nothing sent again."""
        return self._queue.resumable_failures()

    def claimable(self, job_ids: Iterable[int], *, requested_since: float) -> bool:
        """Whether a queued job among ``job_ids``, or one requested since then, is waiting."""
        return self._queue.claimable(job_ids, requested_since=requested_since)

    def piece_spans(self, job_id: int) -> list[tuple[int, int]]:
        """(offset, duration) in ms of each piece the job's recording was split into."""
        return [
            (r.piece.offset_ms, r.piece.duration_ms) for r in self._queue.pieces.records(job_id)
        ]

    # ---- changing -------------------------------------------------------------------------
    def enqueue(
        self,
        source_path: str | os.PathLike[str],
        *,
        language: Language,
        speakers: SpeakersMode,
        engine: str,
        options: dict[str, Any] | None = None,
        export_request: dict[str, Any] | None = None,
    ) -> Job:
        """Add a file; ``export_request`` is where its transcript goes when done (None: the
        settings' automatic export)."""
        return self._queue.enqueue(
            source_path,
            language=language,
            speakers=speakers,
            engine=engine,
            options=options,
            export_request=export_request,
        )

    def claim_next(self) -> Job | None:
        """The oldest runnable job, now in its first active state (None: nothing to run)."""
        return self._queue.claim_next()

    def recover(self) -> list[Job]:
        """On taking the queue: jobs that were running when their process died go back."""
        return self._queue.recover()

    def retry(self, job_id: int) -> Job:
        """The user's Retry: back to the queue, keeping what the service already accepted."""
        return self._queue.retry(job_id)

    def set_export_request(self, job_id: int, request: dict[str, Any] | None) -> Job:
        """Where the job's transcript goes when done (None: the settings' automatic export)."""
        self._queue.set_export_request(job_id, request)
        return self._queue.get(job_id)

    def update_options(
        self,
        job_id: int,
        *,
        language: Language | None = None,
        speakers: SpeakersMode | None = None,
        engine: str | None = None,
        options: dict[str, Any] | None = None,
    ) -> Job:
        """Change the choices of a queued job (ValueError: it is not queued any more)."""
        return self._queue.update_options(
            job_id, language=language, speakers=speakers, engine=engine, options=options
        )

    def set_glossary(self, job_id: int, terms: Sequence[str]) -> Job:
        """The job's own names and terms, in any state (KeyError: it was removed)."""
        set_job_glossary(self._queue.db, job_id, terms)
        return self._queue.get(job_id)
