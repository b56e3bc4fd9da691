"""A job's own glossary: names and terms of one recording, one a line."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kzdesk.core.glossary import parse_terms
from kzdesk.ui.dialogs import form_helpers as ui


class GlossaryDialog(QDialog):
    def __init__(self, file_name: str, terms: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Glossary of “{name}”").format(name=file_name))
        self.edit = QPlainTextEdit("\n".join(terms))
        self.edit.setTabChangesFocus(True)
        self.edit.setPlaceholderText("Тоқаев\nТокаев\nАстана Хаб")  # examples
        label = QLabel(self.tr("&Names and terms of this recording, one a line:"))
        label.setBuddy(self.edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.edit, 1)
        layout.addWidget(
            ui.help_label(
                self.tr(
                    "Added to the glossary in Settings for this recording only. The offline "
                    "engine listens for them (when the recording is transcribed again), and the "
                    "editor suggests them where a word looks like one."
                )
            )
        )
        layout.addWidget(buttons)
        self.resize(420, 360)

    def terms(self) -> list[str]:
        return parse_terms(self.edit.toPlainText())
