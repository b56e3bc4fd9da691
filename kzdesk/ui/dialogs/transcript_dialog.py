"""A read-only view of a finished transcript, until the editor exists."""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kzdesk.core import timecode
from kzdesk.core.transcript import Transcript
from kzdesk.ui.text import fill


class TranscriptDialog(QDialog):
    def __init__(self, transcript: Transcript, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(fill(self.tr("%1 — kzdesk"), title))
        self.resize(760, 560)
        layout = QVBoxLayout(self)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._fill(transcript)

    def _fill(self, transcript: Transcript) -> None:
        cursor = QTextCursor(self.text.document())
        plain = QTextCharFormat()
        muted = QTextCharFormat()
        muted.setForeground(self.palette().placeholderText())
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        for i, segment in enumerate(transcript.segments):
            if i:
                cursor.insertBlock()
            cursor.insertText(timecode.clock(segment.start_ms) + "  ", muted)
            name = transcript.speaker_name(segment.speaker_id)
            if name:
                cursor.insertText(name + ": ", bold)
            cursor.insertText(segment.text, plain)
        self.text.moveCursor(QTextCursor.MoveOperation.Start)

    def plain_text(self) -> str:
        return self.text.toPlainText()
