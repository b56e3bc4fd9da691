"""Writes the editor's exports (one file per format) off the GUI thread."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

from kzdesk.core.transcript import Transcript
from kzdesk.services.exporting import ExportOptions, write_file

log = logging.getLogger(__name__)


class ExportFilesSignals(QObject):
    progressed = Signal(int, int)  # files written, files in all
    finished = Signal(list)  # list[Path] written
    failed = Signal(str, str)  # the file being written, the system's reason ("" = unexpected)


class ExportFilesTask(QRunnable):
    """Writes one export per (format, path) from a snapshot of the transcript."""

    def __init__(
        self,
        transcript: Transcript,
        targets: list[tuple[str, Path]],
        options: ExportOptions,
        *,
        replace: bool = True,
    ) -> None:
        super().__init__()
        self._replace = replace  # False: a name taken meanwhile fails instead of replacing
        self.signals = ExportFilesSignals()
        self._transcript = transcript
        self._targets = targets
        self._options = options
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Stop before the next file; files already written stay."""
        self._cancel.set()

    def run(self) -> None:
        written: list[Path] = []
        path = self._targets[0][1] if self._targets else Path()
        try:
            for fmt, path in self._targets:
                if self._cancel.is_set():
                    break
                path.parent.mkdir(parents=True, exist_ok=True)
                written.append(
                    write_file(self._transcript, fmt, path, self._options, replace=self._replace)
                )
                self.signals.progressed.emit(len(written), len(self._targets))
        except OSError as exc:
            log.warning("export to %s failed: %s", path, exc)
            self.signals.failed.emit(str(path), exc.strerror or str(exc))
        except Exception:
            log.exception("export to %s failed", path)
            self.signals.failed.emit(str(path), "")
        else:
            self.signals.finished.emit(written)
