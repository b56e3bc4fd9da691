"""The empty-queue page: a large dashed drop hint with the two Add buttons under it; and the
main window's drops, which land anywhere on it."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kzdesk.services.media_scan import find_recordings
from kzdesk.ui.icons import themed_icon


def collect_media(paths: Iterable[str | Path]) -> tuple[list[Path], int]:
    """Audio and video files among ``paths`` and how many other files were skipped (a path
    that vanished, a broken link, a pipe or a device counts as skipped)."""
    scan = find_recordings(paths)
    return scan.files, scan.skipped + len(scan.problems())


def local_paths(mime: QMimeData) -> list[Path]:
    """The local files and folders a drag carries (web links are ignored)."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class DropArea(QWidget):
    """Drawn as a rounded dashed frame; the window itself accepts the drops."""

    add_files_requested = Signal()
    add_folder_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dropArea")
        self._highlight = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 48, 48, 48)
        layout.addStretch(2)

        self.icon = QLabel()
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._update_icon()
        layout.addWidget(self.icon)

        self.hint = QLabel(self.tr("Drop recordings here — audio or video, any format"))
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        font = self.hint.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        self.hint.setFont(font)
        layout.addWidget(self.hint)

        sub = QLabel(
            self.tr("Whole folders work too: everything that is not a recording is skipped.")
        )
        sub.setAlignment(Qt.AlignmentFlag.AlignCenter)
        sub.setWordWrap(True)
        sub.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout.addWidget(sub)
        layout.addSpacing(16)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.add_files_button = QPushButton(self.tr("Add files…"))
        self.add_files_button.clicked.connect(self.add_files_requested)
        self.add_folder_button = QPushButton(self.tr("Add folder…"))
        self.add_folder_button.clicked.connect(self.add_folder_requested)
        for button in (self.add_files_button, self.add_folder_button):
            button.setMinimumHeight(button.sizeHint().height() + 8)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(3)

    def _update_icon(self) -> None:
        self.icon.setPixmap(themed_icon("volume", self.palette()).pixmap(48, 48))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._update_icon()

    def set_highlighted(self, on: bool) -> None:
        """While something is dragged over the window the frame uses the highlight colour."""
        if on != self._highlight:
            self._highlight = on
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        role = QPalette.ColorRole.Highlight if self._highlight else QPalette.ColorRole.Mid
        pen = QPen(self.palette().color(role), 2, Qt.PenStyle.DashLine)
        pen.setDashPattern([6, 4])
        painter.setPen(pen)
        if self._highlight:
            fill = self.palette().color(QPalette.ColorRole.Highlight)
            fill.setAlpha(28)
            painter.setBrush(fill)
        rect = self.rect().adjusted(16, 16, -16, -16)
        painter.drawRoundedRect(rect, 12, 12)
        painter.end()


class WindowDrops(QObject):
    """Files and folders dropped anywhere on ``window`` (a child passes them up): the drop
    area lights up while they hover, and ``dropped`` carries their paths."""

    dropped = Signal(list)  # list[Path]

    def __init__(self, window: QWidget, area: DropArea) -> None:
        super().__init__(window)
        self._window = window
        self._area = area
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self._window:
            return super().eventFilter(watched, event)
        kind = event.type()
        if kind == QEvent.Type.DragEnter and isinstance(event, QDragEnterEvent):
            if local_paths(event.mimeData()):
                event.acceptProposedAction()
                self._area.set_highlighted(True)
            else:
                event.ignore()
        elif kind == QEvent.Type.DragMove and isinstance(event, QDragMoveEvent):
            if local_paths(event.mimeData()):
                event.acceptProposedAction()
        elif kind == QEvent.Type.DragLeave:
            self._area.set_highlighted(False)
        elif kind == QEvent.Type.Drop and isinstance(event, QDropEvent):
            self._area.set_highlighted(False)
            paths = local_paths(event.mimeData())
            if not paths:
                event.ignore()
                return True
            event.acceptProposedAction()
            self.dropped.emit(paths)
        else:
            return super().eventFilter(watched, event)
        return True
