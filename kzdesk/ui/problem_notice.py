"""A sentence about the data folder while the window runs (a full disk): one dialog that does
not block the window, its text brought up to date when the problem is told again."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from kzdesk.ui.messages import translate_message


class ProblemNotice:
    def __init__(self, parent: QWidget) -> None:
        self._parent = parent
        self.box: QMessageBox | None = None

    def show(self, message: str) -> None:
        text = translate_message(message)
        if self.box is None:
            self.box = QMessageBox(
                QMessageBox.Icon.Warning,
                "kzdesk",
                text,
                QMessageBox.StandardButton.Ok,
                self._parent,
            )
        self.box.setText(text)
        if not self.box.isVisible():
            self.box.open()  # window-modal at most, never a nested event loop
