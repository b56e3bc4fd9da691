"""Settings → Proofreading: which words the editor marks as uncertain, playback while
correcting, spelling, and the user's glossary of names and terms."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QGroupBox,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kzdesk.core.glossary import parse_terms
from kzdesk.services.settings import Settings
from kzdesk.ui.dialogs import form_helpers as ui


class ProofreadingSettingsPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        editor = QGroupBox(self.tr("Editor"))
        form = ui.form(editor)
        self.threshold_spin = QSpinBox()
        self.threshold_spin.setRange(0, 100)
        self.threshold_spin.setSuffix(" %")
        self.threshold_spin.setSpecialValueText(self.tr("Off"))
        form.addRow(
            ui.buddy(self.tr("Mark words &below confidence:"), self.threshold_spin),
            self.threshold_spin,
        )
        form.addRow(
            "",
            ui.help_label(
                self.tr(
                    "Words the offline engine was less sure of are underlined with dots; F8 goes "
                    "to the next one. SpeechKit gives no confidence, so its words are not marked."
                )
            ),
        )
        self.before_spin = self._seconds()
        form.addRow(
            ui.buddy(self.tr("F8 &plays from before the word:"), self.before_spin),
            self.before_spin,
        )
        self.rewind_spin = self._seconds()
        form.addRow(
            ui.buddy(self.tr("&Resuming playback rewinds:"), self.rewind_spin), self.rewind_spin
        )
        self.spelling_check = QCheckBox(self.tr("Check &spelling (Kazakh, Russian, English)"))
        form.addRow("", self.spelling_check)

        terms = QGroupBox(self.tr("Glossary"))
        column = QVBoxLayout(terms)
        self.glossary_edit = QPlainTextEdit()
        self.glossary_edit.setPlaceholderText(
            "Тоқаев\nТокаев\nАстана Хаб\nСамұрық-Қазына"
        )  # examples
        self.glossary_edit.setTabChangesFocus(True)
        column.addWidget(
            ui.help_label(
                self.tr(
                    "Names, places, organisations and terms, one a line — the Kazakh and the "
                    "Russian spelling each on its own line. The editor suggests them where a word "
                    "looks like one. Each job can add its own list (its menu, Glossary…), which "
                    "the offline engine also listens for."
                )
            )
        )
        column.addWidget(self.glossary_edit, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(editor)
        layout.addWidget(terms, 1)

    @staticmethod
    def _seconds() -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(0.0, 10.0)
        spin.setSingleStep(0.5)
        spin.setDecimals(1)
        spin.setSuffix(" s")
        return spin

    def load(self, settings: Settings) -> None:
        self.threshold_spin.setValue(round(settings.uncertain_below * 100))
        self.before_spin.setValue(settings.play_before_s)
        self.rewind_spin.setValue(settings.resume_rewind_s)
        self.spelling_check.setChecked(settings.spelling)
        self.glossary_edit.setPlainText("\n".join(settings.glossary))

    def apply(self, settings: Settings) -> Settings:
        return dataclasses.replace(
            settings,
            uncertain_below=self.threshold_spin.value() / 100,
            play_before_s=self.before_spin.value(),
            resume_rewind_s=self.rewind_spin.value(),
            spelling=self.spelling_check.isChecked(),
            glossary=parse_terms(self.glossary_edit.toPlainText()),
        )
