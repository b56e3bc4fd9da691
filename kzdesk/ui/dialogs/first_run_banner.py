"""The banner shown while no SpeechKit key is set; the rest of the app stays usable."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QToolButton,
    QWidget,
)


class FirstRunBanner(QFrame):
    settings_requested = Signal()
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        # A palette role, not a fixed colour: reads well in light and dark themes.
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)

        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) * 2
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation).pixmap(size)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)

        self.message = QLabel(
            self.tr(
                "<b>Add your SpeechKit API key to start transcribing.</b> SpeechKit is Yandex "
                "Cloud's speech recognition service; the key lets kzdesk send recordings to "
                "your Yandex Cloud account. Or choose the offline engine in Settings to "
                "transcribe on this computer without an account. You can still add files, edit "
                "and export transcripts in the meantime."
            )
        )
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)

        self.open_button = QPushButton(self.tr("Open &Settings"))
        self.open_button.setDefault(False)
        self.open_button.clicked.connect(self.settings_requested)

        self.close_button = QToolButton()
        self.close_button.setAutoRaise(True)
        self.close_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton)
        )
        self.close_button.setToolTip(self.tr("Hide this message"))
        self.close_button.setAccessibleName(self.tr("Hide this message"))
        self.close_button.clicked.connect(self.on_close_clicked)

        layout = QHBoxLayout(self)
        layout.addWidget(icon)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)

    def on_close_clicked(self) -> None:
        self.hide()
        self.dismissed.emit()
