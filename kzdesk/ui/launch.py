"""Start the window. Until the full main window lands this shows the queue read-only."""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QTableView, QVBoxLayout, QWidget

from kzdesk import __version__
from kzdesk.app import AppContext, setup_logging
from kzdesk.core import timecode
from kzdesk.core.job import Job


class JobTableModel(QAbstractTableModel):
    HEADERS = ("File", "Duration", "Language", "Status")

    def __init__(self, jobs: list[Job]) -> None:
        super().__init__()
        self._jobs = jobs

    def rowCount(self, parent: QModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._jobs)

    def columnCount(self, parent: QModelIndex | None = None) -> int:
        return len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index: QModelIndex, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        job = self._jobs[index.row()]
        duration = timecode.duration(job.duration_ms) if job.duration_ms is not None else "–"
        status = job.error if job.error else job.state.value
        return (job.file_name, duration, job.language.value, status)[index.column()]


class PlaceholderWindow(QMainWindow):
    def __init__(self, jobs: list[Job]) -> None:
        super().__init__()
        self.setWindowTitle("kzdesk")
        body = QWidget()
        layout = QVBoxLayout(body)
        hint = QLabel(
            self.tr(
                "The full window is on its way. Meanwhile, transcribe from a terminal:\n"
                "kzdesk transcribe FILE_OR_FOLDER --export docx,srt"
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.table = QTableView()
        self.model = JobTableModel(jobs)
        self.table.setModel(self.model)
        layout.addWidget(self.table)
        self.setCentralWidget(body)
        self.resize(900, 520)


def run_gui(data_dir: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("kzdesk")
    app.setApplicationVersion(__version__)
    ctx = AppContext.open(data_dir)
    setup_logging(ctx.log_dir)
    ctx.queue.recover()
    window = PlaceholderWindow(ctx.queue.all())
    window.show()
    try:
        return app.exec()
    finally:
        ctx.close()
