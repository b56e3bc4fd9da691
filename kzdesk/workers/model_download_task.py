"""Downloads a Whisper model off the GUI thread; progress and the end come back as signals."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

from kzdesk.core.i18n import QT_TRANSLATE_NOOP
from kzdesk.services import models

log = logging.getLogger(__name__)


class ModelDownloadSignals(QObject):
    progress = Signal(int, int)  # KiB done, KiB in all (0 = not known yet)
    finished = Signal(str)  # the model's folder
    failed = Signal(str)  # a sentence
    cancelled = Signal()


class ModelDownloadTask(QRunnable):
    def __init__(self, name: str, models_dir: Path | None = None) -> None:
        super().__init__()
        self.signals = ModelDownloadSignals()  # created in the GUI thread, lives there
        self.name = name
        self._models_dir = models_dir
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Stops at the next received chunk; the partial file stays for a later resume."""
        self._cancel.set()

    def run(self) -> None:
        try:
            path = models.download(
                self.name,
                self._models_dir,
                progress=self._on_progress,
                cancelled=self._cancel.is_set,
            )
        except models.DownloadCancelled:
            self.signals.cancelled.emit()
        except models.ModelError as exc:
            self.signals.failed.emit(exc.message)
        except Exception:
            log.exception("the model download failed unexpectedly")
            self.signals.failed.emit(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "The download of “{name}” failed unexpectedly. Details are in the log "
                    "(Help menu).",
                ).format(name=self.name)
            )
        else:
            self.signals.finished.emit(str(path))

    def _on_progress(self, done: int, total: int) -> None:
        # Qt's int is 32-bit: send kilobytes so models over 2 GB still fit
        self.signals.progress.emit(done // 1024, total // 1024)
