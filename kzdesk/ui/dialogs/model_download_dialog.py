"""A model download with a progress bar and Cancel (the file resumes next time)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QThreadPool, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from kzdesk.services import models
from kzdesk.ui.messages import translate_message
from kzdesk.workers.model_download_task import download_model


def format_size(size_bytes: int) -> str:
    """``models.format_size`` with the unit (MB, GB) in the interface language."""
    locale = QLocale()  # "1,6 GB" where the decimal separator is a comma
    if size_bytes >= 1_000_000_000:
        gigabytes = locale.toString(size_bytes / 1_000_000_000, "f", 1)
        return QCoreApplication.translate("ModelSize", "{size} GB").format(size=gigabytes)
    megabytes = locale.toString(size_bytes / 1_000_000, "f", 0)
    return QCoreApplication.translate("ModelSize", "{size} MB").format(size=megabytes)


class ModelDownloadDialog(QDialog):
    """Starts the download when shown; ``result_path`` is the model folder once finished."""

    def __init__(
        self,
        name: str,
        models_dir: Path | None = None,
        *,
        pool: QThreadPool | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Downloading a Whisper model"))
        self.name = name
        self.result_path: Path | None = None
        self.error: str | None = None
        self._pool = pool or QThreadPool.globalInstance()
        size = models.CATALOGUE.get(name, (name, 0))[1]
        text = self.tr("Downloading the Whisper model “{0}”…").format(name)
        if size:
            text = self.tr("Downloading the Whisper model “{0}” (about {1})…").format(
                name, format_size(size * 1_000_000)
            )
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy until the size is known
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.buttons)

        self._running = True
        self.task = download_model(
            name,
            models_dir,
            self.on_finished,
            self.on_failed,
            self.on_cancelled,
            self.on_progress,
            pool=self._pool,
            parent=self,
        )

    @Slot(int, int)
    def on_progress(self, done_kib: int, total_kib: int) -> None:
        if total_kib > 0:
            self.bar.setRange(0, total_kib)
            self.bar.setValue(min(done_kib, total_kib))
            self.bar.setFormat(f"{format_size(done_kib * 1024)} / {format_size(total_kib * 1024)}")

    @Slot(str)
    def on_finished(self, path: str) -> None:
        self._running = False
        self.result_path = Path(path)
        self.accept()

    @Slot(str)
    def on_failed(self, sentence: str) -> None:
        self._running = False
        self.error = sentence  # English, as the task reported it
        self.label.setText(translate_message(sentence))
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

    @Slot()
    def on_cancelled(self) -> None:
        self._running = False
        super().reject()

    def reject(self) -> None:
        if self._running:
            self.task.cancel()  # the dialog closes when the task says it stopped
            self.label.setText(self.tr("Stopping the download…"))
            self.buttons.setEnabled(False)
            return
        super().reject()
