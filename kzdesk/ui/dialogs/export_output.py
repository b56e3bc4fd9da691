"""The Export dialog's Output group: folder, file name, the files that will be written, and
what happens to files already there — Save with new names (the default) or Replace."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from kzdesk import export
from kzdesk.ui.dialogs import form_helpers as ui

FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')


class ExportOutputGroup(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Output"))
        form = ui.form(self)
        self.folder_edit = QLineEdit()
        self.folder_edit.setMinimumWidth(self.folder_edit.fontMetrics().horizontalAdvance("M" * 20))
        self.browse_button = QPushButton(self.tr("&Browse…"))
        self.browse_button.clicked.connect(self.on_browse_clicked)
        form.addRow(
            ui.buddy(self.tr("Fol&der:"), self.folder_edit),
            ui.row(self.folder_edit, self.browse_button),
        )
        self.name_edit = QLineEdit()
        form.addRow(ui.buddy(self.tr("File na&me:"), self.name_edit), self.name_edit)
        self.files_label = QLabel()
        self.files_label.setObjectName("exportFiles")
        self.files_label.setWordWrap(True)
        self.files_label.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(self.tr("Files:"), self.files_label)
        self.exists_label = ui.help_label("")
        self.exists_label.setObjectName("exportExists")
        # an explicit choice, never a silent replace: new names unless the user says Replace
        self.new_names_radio = QRadioButton(self.tr("Save with ne&w names"))
        self.replace_radio = QRadioButton(self.tr("Re&place them"))
        self.new_names_radio.setChecked(True)
        self.exists_choice = QButtonGroup(self)
        self.exists_choice.addButton(self.new_names_radio)
        self.exists_choice.addButton(self.replace_radio)
        self.exists_row = QWidget()
        choice = QHBoxLayout(self.exists_row)
        choice.setContentsMargins(0, 0, 0, 0)
        choice.addWidget(self.new_names_radio)
        choice.addWidget(self.replace_radio)
        choice.addStretch(1)
        form.addRow("", self.exists_label)
        form.addRow("", self.exists_row)

    # ---- what the user chose --------------------------------------------------------------
    def output_folder(self) -> Path:
        return Path(self.folder_edit.text().strip()).expanduser()

    def base_name(self) -> str:
        return self.name_edit.text().strip()

    def named(self) -> bool:
        """A usable name and folder are typed (else no file list can be shown)."""
        name = self.base_name()
        return (
            bool(name)
            and not FORBIDDEN.search(name)
            and bool(self.folder_edit.text().strip())
            and not self.output_folder().is_file()
        )

    def wanted(self, formats: Iterable[str]) -> list[tuple[str, Path]]:
        """The names the files get when nothing is in the way."""
        folder, name = self.output_folder(), self.base_name()
        return [(fmt, folder / f"{name}.{export.formats.get(fmt).extension}") for fmt in formats]

    def targets(self, formats: Iterable[str]) -> list[tuple[str, Path]]:
        """The files that will be written: an existing one is replaced, or the next free
        name is taken, as the user chose."""
        if self.replace_radio.isChecked():
            return self.wanted(formats)
        taken: set[Path] = set()
        chosen = []
        for fmt, path in self.wanted(formats):
            free = export.free_name(path, taken) if path.exists() else path
            taken.add(free)
            chosen.append((fmt, free))
        return chosen

    def existing_files(self, formats: Iterable[str]) -> list[Path]:
        """Files of the wanted names that are already in the folder."""
        return [path for _, path in self.wanted(formats) if path.exists()]

    # ---- showing it -----------------------------------------------------------------------
    def show_files(self, formats: list[str]) -> None:
        """The names that will be written, and the choice while some are taken."""
        targets = self.targets(formats) if self.named() else []
        self.files_label.setText("\n".join(path.name for _, path in targets) or "–")
        self.files_label.setToolTip(str(self.output_folder()))
        self.show_existing(self.existing_files(formats) if targets else [])

    def show_existing(self, existing: list[Path]) -> None:
        """The files in the way, now: the hint and the choice show only while there are any
        (and not once the export is written)."""
        names = ", ".join(path.name for path in existing)
        self.exists_label.setText(self.tr("Already in the folder: {names}.").format(names=names))
        self.exists_label.setVisible(bool(existing))
        self.exists_row.setVisible(bool(existing))

    @Slot()
    def on_browse_clicked(self) -> None:
        start = self.folder_edit.text().strip() or str(Path.home())
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the output folder"), start)
        if folder:
            self.folder_edit.setText(folder)
