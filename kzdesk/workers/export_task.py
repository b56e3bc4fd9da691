"""Exports run off the GUI thread: a QRunnable with a separate signals object."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

from kzdesk.core.job import Job
from kzdesk.services.exporting import UNEXPECTED_EXPORT, ExportError, JobExporter

log = logging.getLogger(__name__)


class ExportSignals(QObject):
    exported = Signal(object, list, str)  # Job, list[Path], a sentence (free names chosen)
    failed = Signal(object, str)  # Job, sentence


class ExportTask(QRunnable):
    def __init__(
        self,
        exporter: JobExporter,
        job: Job,
        formats: Sequence[str],
        out_dir: str | Path | None,
    ) -> None:
        super().__init__()
        self.signals = ExportSignals()
        self._exporter = exporter
        self._job = job
        self._formats = list(formats)
        self._out_dir = out_dir or None

    def run(self) -> None:
        try:
            outcome = self._exporter.export(self._job, self._formats, self._out_dir)
        except ExportError as exc:
            self.signals.failed.emit(self._job, exc.message)
        except Exception:
            log.exception("export of job %s failed", self._job.id)
            self.signals.failed.emit(self._job, UNEXPECTED_EXPORT)
        else:
            self.signals.exported.emit(self._job, outcome.paths, outcome.note or "")
