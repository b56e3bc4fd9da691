"""Settings → Export: where finished transcripts go and in which formats, the language of the
words kzdesk writes into them, and the subtitle rules of every SRT/VTT export (the automatic
ones too; the editor's Export dialog starts from them)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kzdesk.services.settings import Settings
from kzdesk.ui.dialogs import form_helpers as ui
from kzdesk.ui.dialogs.format_checks import format_checks
from kzdesk.ui.dialogs.subtitle_rules import SubtitleRulesForm


class ExportSettingsPage(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_output_group())
        layout.addWidget(self._build_language_group())
        layout.addWidget(self._build_subtitle_group())
        layout.addStretch(1)
        self.output_edit.textChanged.connect(self.changed)
        self.language_combo.currentIndexChanged.connect(self.changed)
        self.rules_form.changed.connect(self.changed)
        for check in self.format_checks.values():
            check.toggled.connect(self.changed)

    def _build_output_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("When a recording is done"))
        form = ui.form(group)
        self.output_edit = QLineEdit()
        self.output_edit.setPlaceholderText(self.tr("Next to each recording"))
        # room for the placeholder (and Kazakh/Russian translations of it) without clipping
        self.output_edit.setMinimumWidth(self.output_edit.fontMetrics().horizontalAdvance("M" * 16))
        self.browse_button = QPushButton(self.tr("&Browse…"))
        self.browse_button.clicked.connect(self.on_browse_clicked)
        form.addRow(
            ui.buddy(self.tr("Output fol&der:"), self.output_edit),
            ui.row(self.output_edit, self.browse_button),
        )
        self.format_checks = format_checks("export_")
        formats = QWidget()
        grid = QGridLayout(formats)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, check in enumerate(self.format_checks.values()):
            grid.addWidget(check, i // 3, i % 3)
        form.addRow(
            ui.buddy(self.tr("&Export when done:"), next(iter(self.format_checks.values()))),
            formats,
        )
        return group

    def _build_language_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Language of exports"))
        form = ui.form(group)
        # language names stay in their own language, so anyone can find theirs
        self.language_combo = ui.combo(
            ("", self.tr("Same as the interface")),
            ("kk", "Қазақша"),
            ("ru", "Русский"),
            ("en", "English"),
        )
        form.addRow(
            ui.buddy(self.tr("Wor&ds in exports:"), self.language_combo), self.language_combo
        )
        form.addRow(
            "",
            ui.help_label(
                self.tr(
                    "The headings of Word files (Source file, Date, Speakers) and the names of "
                    "speakers nobody renamed (Speaker 1, Channel 2) are written in this language."
                )
            ),
        )
        return group

    def _build_subtitle_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Subtitle rules (SRT and VTT)"))
        layout = QVBoxLayout(group)
        self.rules_form = SubtitleRulesForm()
        layout.addWidget(self.rules_form)
        layout.addWidget(
            ui.help_label(
                self.tr(
                    "Used by every subtitle export, the automatic ones too; the editor's Export "
                    "dialog starts from them."
                )
            )
        )
        return group

    def tab_chain(self) -> list[QWidget]:
        return [
            self.output_edit,
            self.browse_button,
            *self.format_checks.values(),
            self.language_combo,
            *self.rules_form.spins(),
        ]

    # ---- the settings ---------------------------------------------------------------------
    def load(self, settings: Settings) -> None:
        self.output_edit.setText(settings.output_dir)
        for fmt, check in self.format_checks.items():
            check.setChecked(fmt in settings.auto_export)
        ui.select(self.language_combo, settings.export_language)
        self.rules_form.load(settings.subtitle_rules())

    def apply(self, settings: Settings) -> Settings:
        rules = self.rules_form.rules()
        return dataclasses.replace(
            settings,
            output_dir=self.output_edit.text().strip(),
            auto_export=[f for f, check in self.format_checks.items() if check.isChecked()],
            export_language=self.language_combo.currentData(),
            subtitle_line_chars=int(rules["max_line_chars"]),
            subtitle_lines=int(rules["max_lines"]),
            subtitle_cps=float(rules["max_cps"]),
            subtitle_min_cue_ms=int(rules["min_cue_ms"]),
            subtitle_max_cue_ms=int(rules["max_cue_ms"]),
            subtitle_gap_ms=int(rules["min_gap_ms"]),
        )

    @Slot()
    def on_browse_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the output folder"), self.output_edit.text() or str(Path.home())
        )
        if folder:
            self.output_edit.setText(folder)
