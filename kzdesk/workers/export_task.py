"""Exports of finished jobs, written off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool

from kzdesk.core.job import Job
from kzdesk.services.exporting import UNEXPECTED_EXPORT, ExportError, ExportOutcome, JobExporter
from kzdesk.workers.background import Task, TaskControl, run_task


def export_job(
    exporter: JobExporter,
    job: Job,
    formats: Sequence[str],
    out_dir: str | Path | None,
    on_exported: Callable[[Job, list[Path], str], object],  # the files, a note (free names)
    on_failed: Callable[[Job, str], object],  # a sentence
    *,
    pool: QThreadPool | None = None,
    parent: QObject | None = None,
) -> Task[ExportOutcome]:
    chosen = list(formats)

    def work(_control: TaskControl) -> ExportOutcome:
        return exporter.export(job, chosen, out_dir or None)

    def failed(exc: Exception) -> None:
        on_failed(job, exc.message if isinstance(exc, ExportError) else UNEXPECTED_EXPORT)

    return run_task(
        work,
        lambda outcome: on_exported(job, outcome.paths, outcome.note or ""),
        failed,
        expected=(ExportError,),
        pool=pool,
        parent=parent,
        name=f"export of job {job.id}",
    )
