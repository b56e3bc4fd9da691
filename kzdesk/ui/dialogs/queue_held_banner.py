"""The banner shown while another kzdesk (a terminal, another window) runs this queue."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStyle, QWidget

from kzdesk.ui.messages import translate_message


class QueueHeldBanner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queueHeldBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)  # light and dark alike
        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) * 2
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation).pixmap(size)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        layout = QHBoxLayout(self)
        layout.addWidget(icon)
        layout.addWidget(self.message, 1)
        self.hide()

    def show_holder(self, sentence: str) -> None:
        """``sentence`` names the other kzdesk (English, from the Qt-free lock service)."""
        self.message.setText(
            self.tr(
                "{sentence} This window shows its progress and takes over when it finishes. "
                "Files you add now are done by it; cancelling and removing wait until then."
            ).format(sentence=translate_message(sentence))
        )
        self.show()
