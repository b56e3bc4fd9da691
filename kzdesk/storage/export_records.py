"""What each job exported (path, size, modification time, hash), and which exports are owed.

kzdesk replaces a file only when it is its own earlier export for the same job and nobody
changed it since; everything else under an export's name belongs to the user.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from kzdesk.core.job import JobState
from kzdesk.storage.db import Database


@dataclass(frozen=True)
class ExportRecord:
    job_id: int
    path: Path
    format: str
    size: int
    mtime_ns: int
    sha256: str
    written_at: float


class ExportRecords:
    def __init__(self, db: Database) -> None:
        self.db = db

    def record(
        self, job_id: int, path: Path, fmt: str, *, size: int, mtime_ns: int, sha256: str
    ) -> None:
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT INTO exports (job_id, path, format, size, mtime_ns, sha256, written_at)"
                " VALUES (?,?,?,?,?,?,?) ON CONFLICT (job_id, path) DO UPDATE SET"
                " format = excluded.format, size = excluded.size,"
                " mtime_ns = excluded.mtime_ns, sha256 = excluded.sha256,"
                " written_at = excluded.written_at",
                (job_id, str(path), fmt, size, mtime_ns, sha256, time.time()),
            )

    def restore(self, job_id: int, path: Path, previous: ExportRecord | None) -> None:
        """Undo a record made for a write that did not happen."""
        if previous is None:
            with self.db.transaction() as conn:
                conn.execute(
                    "DELETE FROM exports WHERE job_id = ? AND path = ?", (job_id, str(path))
                )
            return
        self.record(
            job_id,
            path,
            previous.format,
            size=previous.size,
            mtime_ns=previous.mtime_ns,
            sha256=previous.sha256,
        )

    def of_job(self, job_id: int) -> list[ExportRecord]:
        rows = self.db.connection().execute(
            "SELECT * FROM exports WHERE job_id = ? ORDER BY written_at, path", (job_id,)
        )
        return [_record(r) for r in rows]

    def find(self, job_id: int, path: Path) -> ExportRecord | None:
        row = (
            self.db.connection()
            .execute("SELECT * FROM exports WHERE job_id = ? AND path = ?", (job_id, str(path)))
            .fetchone()
        )
        return _record(row) if row is not None else None

    def finished(self, job_id: int, note: str | None, *, at: float | None = None) -> None:
        """The export owed by a done job is written (or failed with ``note``)."""
        with self.db.transaction() as conn:
            conn.execute(
                "UPDATE jobs SET exported_at = ?, export_note = ? WHERE id = ?",
                (time.time() if at is None else at, note, job_id),
            )

    def owed(self) -> list[int]:
        """Done jobs whose export was never written (the process stopped in between)."""
        rows = self.db.connection().execute(
            "SELECT id FROM jobs WHERE state = ? AND exported_at IS NULL ORDER BY id",
            (JobState.DONE.value,),
        )
        return [r["id"] for r in rows]


def _record(row: sqlite3.Row) -> ExportRecord:
    return ExportRecord(
        job_id=row["job_id"],
        path=Path(row["path"]),
        format=row["format"],
        size=row["size"],
        mtime_ns=row["mtime_ns"],
        sha256=row["sha256"],
        written_at=row["written_at"],
    )
