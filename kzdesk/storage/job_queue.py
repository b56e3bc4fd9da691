"""The persistent job queue: enqueue, claim, progress, state changes, recovery on start."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterable
from typing import Any

from kzdesk.core.engine import LOCAL_OPERATION, maybe_sent_error
from kzdesk.core.engine_registry import DEFAULT_ENGINE
from kzdesk.core.job import ACTIVE_STATES, Job, JobState, Language, SpeakersMode
from kzdesk.storage.db import Database
from kzdesk.storage.job_pieces import JobPieces

_COLUMNS = (
    "id, source_path, source_size, duration_ms, language, speakers, engine, options, state, "
    "attempts, operation_id, error, progress, duplicate_of, created_at, updated_at, started_at, "
    "finished_at, export_request, exported_at, export_note"
)


def _job(row: Any) -> Job:
    return Job(
        id=row["id"],
        source_path=row["source_path"],
        source_size=row["source_size"],
        duration_ms=row["duration_ms"],
        language=Language(row["language"]),
        speakers=SpeakersMode(row["speakers"]),
        engine=row["engine"],
        options=json.loads(row["options"]),
        state=JobState(row["state"]),
        attempts=row["attempts"],
        operation_id=row["operation_id"],
        error=row["error"],
        progress=row["progress"],
        duplicate_of=row["duplicate_of"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        started_at=row["started_at"],
        finished_at=row["finished_at"],
        export_request=json.loads(row["export_request"]) if row["export_request"] else None,
        exported_at=row["exported_at"],
        export_note=row["export_note"],
    )


class JobQueue:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.pieces = JobPieces(db)  # what each job's pieces were sent as, and their results

    # ---- adding ---------------------------------------------------------------------------
    def enqueue(
        self,
        source_path: str | os.PathLike[str],
        *,
        language: Language = Language.KK_RU,
        speakers: SpeakersMode = SpeakersMode.AUTO,
        engine: str = DEFAULT_ENGINE,
        options: dict[str, Any] | None = None,
        export_request: dict[str, Any] | None = None,
    ) -> Job:
        """Add a file. The same file may be queued twice; the copy is flagged ``duplicate_of``.

        ``export_request`` ({"formats", "out_dir", "options"}) is where the transcript goes
        when the job is done; None follows the settings' automatic export."""
        path = os.path.abspath(os.fspath(source_path))
        try:
            size = os.path.getsize(path)
        except OSError:
            size = 0
        now = time.time()
        with self.db.transaction() as conn:
            row = conn.execute(
                "SELECT id FROM jobs WHERE source_path = ? AND state != ? ORDER BY id LIMIT 1",
                (path, JobState.CANCELLED.value),
            ).fetchone()
            cur = conn.execute(
                "INSERT INTO jobs (source_path, source_size, language, speakers, engine, options,"
                " state, duplicate_of, created_at, updated_at, requested_at, export_request)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    path,
                    size,
                    language.value,
                    speakers.value,
                    engine,
                    json.dumps(options or {}),
                    JobState.QUEUED.value,
                    row["id"] if row else None,
                    now,
                    now,
                    now,
                    json.dumps(export_request) if export_request is not None else None,
                ),
            )
            job_id = cur.lastrowid
        assert job_id is not None
        return self.get(job_id)

    # ---- reading --------------------------------------------------------------------------
    def get(self, job_id: int) -> Job:
        return self._read(self.db.connection(), job_id)

    def all(self, states: Iterable[JobState] | None = None) -> list[Job]:
        conn = self.db.connection()
        if states is None:
            rows = conn.execute(f"SELECT {_COLUMNS} FROM jobs ORDER BY id").fetchall()
        else:
            wanted = [s.value for s in states]
            marks = ",".join("?" * len(wanted))
            rows = conn.execute(
                f"SELECT {_COLUMNS} FROM jobs WHERE state IN ({marks}) ORDER BY id", wanted
            ).fetchall()
        return [_job(r) for r in rows]

    def next_wakeup(
        self, job_ids: Iterable[int] | None = None, *, requested_since: float | None = None
    ) -> float | None:
        """When the earliest queued job that waits (after a transient failure) may run;
        ``job_ids`` and ``requested_since`` choose jobs as :meth:`claim_next` does."""
        sql = "SELECT MIN(not_before) FROM jobs WHERE state = ?"
        params: list[Any] = [JobState.QUEUED.value]
        if job_ids is not None:
            ids = list(job_ids)
            marks = ",".join("?" * len(ids))
            if requested_since is None:
                sql += f" AND id IN ({marks})"
            else:
                sql += f" AND (id IN ({marks}) OR requested_at >= ?)"
            params += ids
            if requested_since is not None:
                params.append(requested_since)
        row = self.db.connection().execute(sql, params).fetchone()
        return row[0]

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
        path = os.path.abspath(os.fspath(source_path))
        try:
            size = os.path.getsize(path)
        except OSError:
            return None
        rows = self.db.connection().execute(
            f"SELECT {_COLUMNS} FROM jobs WHERE source_path = ? AND source_size = ?"
            " AND language = ? AND speakers = ? AND engine = ? ORDER BY id DESC",
            (path, size, language.value, speakers.value, engine),
        )
        wanted = options or {}
        return next((job for job in map(_job, rows) if job.options == wanted), None)

    def resumable_failures(self) -> list[Job]:
        """Failed jobs that hold an operation the service accepted and whose result was not
        fetched: resuming fetches it by id, never uploading again. A job that may have been
        sent without an operation id coming back is left to the user's Retry."""
        rows = self.db.connection().execute(
            f"SELECT {_COLUMNS} FROM jobs WHERE state = ? AND EXISTS ("
            "SELECT 1 FROM job_pieces p WHERE p.job_id = jobs.id AND p.result IS NULL"
            " AND p.operation_id IS NOT NULL AND p.operation_id NOT LIKE ?)"
            " AND NOT EXISTS (SELECT 1 FROM job_pieces p WHERE p.job_id = jobs.id"
            " AND p.operation_id IS NULL AND p.sending_since IS NOT NULL) ORDER BY id",
            (JobState.FAILED.value, f"{LOCAL_OPERATION}%"),
        )
        return [_job(r) for r in rows]

    def claimable(self, job_ids: Iterable[int], *, requested_since: float) -> bool:
        """Whether a queued job among ``job_ids`` or requested since then is still there."""
        return self.next_wakeup(job_ids, requested_since=requested_since) is not None

    def counts(self) -> dict[JobState, int]:
        rows = self.db.connection().execute("SELECT state, COUNT(*) n FROM jobs GROUP BY state")
        return {JobState(r["state"]): r["n"] for r in rows}

    # ---- claiming and moving --------------------------------------------------------------
    def claim_next(
        self,
        *,
        now: float | None = None,
        job_ids: Iterable[int] | None = None,
        requested_since: float | None = None,
    ) -> Job | None:
        """Atomically take the oldest runnable queued job and move it to CONVERTING.

        ``job_ids`` limits the choice to those jobs, and ``requested_since`` adds the jobs
        added or retried since then (handed over by another kzdesk while this one runs)."""
        now = time.time() if now is None else now
        only = list(job_ids) if job_ids is not None else None
        with self.db.transaction() as conn:
            sql = f"SELECT {_COLUMNS} FROM jobs WHERE state = ? AND not_before <= ?"
            params: list[Any] = [JobState.QUEUED.value, now]
            if only is not None:
                marks = ",".join("?" * len(only))
                if requested_since is None:
                    if not only:
                        return None
                    sql += f" AND id IN ({marks})"
                else:
                    sql += f" AND (id IN ({marks}) OR requested_at >= ?)"
                params += only
                if requested_since is not None:
                    params.append(requested_since)
            row = conn.execute(sql + " ORDER BY id LIMIT 1", params).fetchone()
            if row is None:
                return None
            job = _job(row).moved_to(JobState.CONVERTING, now=now)
            self._write(conn, job)
        return job

    def move(self, job_id: int, state: JobState, *, error: str | None = None) -> Job:
        with self.db.transaction() as conn:
            job = self._read(conn, job_id)
            if job.state is state:
                return job
            job = job.moved_to(state, error=error)
            self._write(conn, job)
        return job

    def requeue(self, job_id: int, *, delay_s: float = 0, note: str | None = None) -> Job:
        """Back to the queue (a transient failure or an interruption); runnable after delay_s.

        ``note`` is why it waits to retry (:attr:`Job.waiting_retry`); None: it simply waits."""
        now = time.time()
        with self.db.transaction() as conn:
            job = self._read(conn, job_id).moved_to(JobState.QUEUED, error=note, now=now)
            self._write(conn, job, not_before=now + delay_s)
        return job

    def retry(self, job_id: int) -> Job:
        """The user's Retry: back to the queue, keeping remote operations already accepted.

        A piece that may already have been sent (no operation id came back) is sent again:
        that is what the user chose by retrying."""
        with self.db.transaction() as conn:
            conn.execute(
                "DELETE FROM job_pieces WHERE job_id = ? AND operation_id IS NULL", (job_id,)
            )
            conn.execute(
                "UPDATE jobs SET requested_at = ?, exported_at = NULL, export_note = NULL"
                " WHERE id = ?",
                (time.time(), job_id),
            )
        return self.requeue(job_id)

    def set_export_request(self, job_id: int, request: dict[str, Any] | None) -> None:
        """Where the job's transcript goes when done (None: the settings' automatic export)."""
        with self.db.transaction() as conn:
            conn.execute(
                "UPDATE jobs SET export_request = ? WHERE id = ?",
                (json.dumps(request) if request is not None else None, job_id),
            )

    def set_progress(self, job_id: int, progress: float) -> None:
        with self.db.transaction() as conn:
            conn.execute(
                "UPDATE jobs SET progress = ?, updated_at = ? WHERE id = ?",
                (min(max(progress, 0.0), 1.0), time.time(), job_id),
            )

    def set_media(self, job_id: int, *, duration_ms: int, size: int) -> None:
        with self.db.transaction() as conn:
            conn.execute(
                "UPDATE jobs SET duration_ms = ?, source_size = ?, updated_at = ? WHERE id = ?",
                (duration_ms, size, time.time(), job_id),
            )

    def update_options(
        self,
        job_id: int,
        *,
        language: Language | None = None,
        speakers: SpeakersMode | None = None,
        engine: str | None = None,
        options: dict[str, Any] | None = None,
    ) -> Job:
        """Change the choices of a job that has not started; ``options`` are merged into the
        job's options (a None value removes that key).

        A job that ran before (cancelled or failed, then queued again) keeps its pieces and the
        segments already recognised so that Retry continues; once a choice changes, that work was
        done for other choices: it is forgotten and the job starts afresh."""
        with self.db.transaction() as conn:
            job = _job(
                conn.execute(f"SELECT {_COLUMNS} FROM jobs WHERE id = ?", (job_id,)).fetchone()
            )
            if job.state is not JobState.QUEUED:
                raise ValueError("only a queued job can change its options")
            merged = dict(job.options)
            for key, value in (options or {}).items():
                if value is None:
                    merged.pop(key, None)
                else:
                    merged[key] = value
            changed = (
                (language or job.language) is not job.language
                or (speakers or job.speakers) is not job.speakers
                or (engine or job.engine) != job.engine
                or merged != job.options
            )
            if changed:  # kept segments go with their pieces (ON DELETE CASCADE)
                conn.execute("DELETE FROM job_pieces WHERE job_id = ?", (job_id,))
                conn.execute("UPDATE jobs SET operation_id = NULL WHERE id = ?", (job_id,))
            conn.execute(
                "UPDATE jobs SET language = ?, speakers = ?, engine = ?, options = ?,"
                " updated_at = ? WHERE id = ?",
                (
                    (language or job.language).value,
                    (speakers or job.speakers).value,
                    engine or job.engine,
                    json.dumps(merged),
                    time.time(),
                    job_id,
                ),
            )
        return self.get(job_id)

    def remove(self, job_id: int) -> None:
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM jobs WHERE id = ?", (job_id,))

    def recover(self) -> list[Job]:
        """On start (in the one process that holds the queue): jobs that were running when
        their process died go back to the queue.

        Their pieces keep their operation ids, so the pipeline resumes by polling them and
        never submits the same audio again. A job with a piece that was being sent when the
        process died, and has no operation id, may have been accepted (and billed): it fails
        with a sentence saying so and waits for the user's Retry."""
        active = [s.value for s in ACTIVE_STATES]
        now = time.time()
        with self.db.transaction() as conn:
            rows = conn.execute(
                f"SELECT {_COLUMNS} FROM jobs WHERE state IN ({','.join('?' * len(active))})",
                active,
            ).fetchall()
            jobs = []
            for row in rows:
                job = _job(row)
                since = self.pieces.maybe_sent_since(job.id)
                if since is not None:
                    job = job.moved_to(JobState.FAILED, error=maybe_sent_error(since).message)
                    self._write(conn, job)
                else:
                    job = job.moved_to(JobState.QUEUED, now=now)
                    self._write(conn, job, not_before=0)
                jobs.append(job)
        return jobs

    # ---- internals ------------------------------------------------------------------------
    @staticmethod
    def _read(conn: Any, job_id: int) -> Job:
        row = conn.execute(f"SELECT {_COLUMNS} FROM jobs WHERE id = ?", (job_id,)).fetchone()
        if row is None:
            raise KeyError(f"no job {job_id}")
        return _job(row)

    @staticmethod
    def _write(conn: Any, job: Job, *, not_before: float | None = None) -> None:
        """Persist a state change that core made (``Job.moved_to``); ``not_before``: when a
        queued job may run (None: unchanged)."""
        conn.execute(
            "UPDATE jobs SET state = ?, attempts = ?, error = ?, progress = ?, updated_at = ?,"
            " started_at = ?, finished_at = ?, not_before = COALESCE(?, not_before) WHERE id = ?",
            (
                job.state.value,
                job.attempts,
                job.error,
                job.progress,
                job.updated_at,
                job.started_at,
                job.finished_at,
                not_before,
                job.id,
            ),
        )
