"""The offline engine's part of Settings: which Whisper model, where it runs, what is installed."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kzdesk.services import models
from kzdesk.services.settings import Settings
from kzdesk.ui.dialogs import form_helpers as ui
from kzdesk.ui.dialogs.model_download_dialog import ModelDownloadDialog, format_size
from kzdesk.ui.messages import translate_message

log = logging.getLogger(__name__)

OTHER = ""  # the combo's "folder or hub id" entry


class OfflineSettingsPage(QWidget):
    changed = Signal()  # the model changed: the dialog checks the form again

    def __init__(self, models_dir: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.models_dir = models_dir or models.default_models_dir()
        self.download_dialog: ModelDownloadDialog | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_model_group())
        layout.addWidget(self._build_installed_group(), 1)
        self.model_combo.currentIndexChanged.connect(self.changed)
        self.custom_edit.textChanged.connect(self.changed)
        self.refresh()

    # ---- building ---------------------------------------------------------------------------
    def _build_model_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Whisper on this computer"))
        form = ui.form(group)
        items = [
            (name, self.tr("{0} (about {1})").format(name, format_size(mb * 1_000_000)))
            for name, (_repo, mb) in models.CATALOGUE.items()
        ]
        self.model_combo = ui.combo(*items, (OTHER, self.tr("A model folder or Hugging Face id")))
        self.model_combo.setObjectName("whisperModel")
        form.addRow(ui.buddy(self.tr("&Model:"), self.model_combo), self.model_combo)
        self.custom_edit = QLineEdit()
        self.custom_edit.setPlaceholderText(self.tr("A CTranslate2 model folder, or Org/name"))
        self.folder_button = QPushButton(self.tr("Choose &folder…"))
        self.folder_button.clicked.connect(self.on_choose_folder)
        form.addRow("", ui.row(self.custom_edit, self.folder_button))
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setObjectName("modelStatus")
        self.download_button = QPushButton(self.tr("&Download now"))
        self.download_button.clicked.connect(self.on_download_clicked)
        form.addRow("", ui.row(self.status_label, self.download_button))
        self.device_combo = ui.combo(
            ("auto", self.tr("Automatic (the graphics card when there is one)")),
            ("cpu", self.tr("Processor")),
            ("cuda", self.tr("NVIDIA graphics card (CUDA)")),
        )
        form.addRow(ui.buddy(self.tr("R&un on:"), self.device_combo), self.device_combo)
        form.addRow(
            "",
            ui.help_label(
                self.tr(
                    "Models download once, on first use or here, and then work without the "
                    "internet. Small models are fast but recognise Kazakh poorly: for Kazakh "
                    "choose large-v3-turbo or a model folder trained for Kazakh."
                )
            ),
        )
        self.model_combo.currentIndexChanged.connect(self._update_status)
        self.custom_edit.textChanged.connect(self._update_status)
        return group

    def _build_installed_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Installed models"))
        layout = QVBoxLayout(group)
        self.installed = QStandardItemModel(0, 2, self)
        self.installed.setHorizontalHeaderLabels([self.tr("Model"), self.tr("Size")])
        self.installed_view = QTreeView()
        self.installed_view.setModel(self.installed)
        self.installed_view.setRootIsDecorated(False)
        self.installed_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.installed_view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.installed_view.selectionModel().selectionChanged.connect(self._update_delete)
        self.empty_label = ui.help_label(self.tr("No model is downloaded yet."))
        self.delete_button = QPushButton(self.tr("De&lete"))
        self.delete_button.clicked.connect(self.on_delete_clicked)
        self.folder_label = ui.help_label(self.tr("Kept in {0}").format(str(self.models_dir)))
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.installed_view, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(ui.row(self.folder_label, self.delete_button))
        return group

    # ---- settings -----------------------------------------------------------------------------
    def load(self, settings: Settings) -> None:
        name = settings.whisper_model
        if name in models.CATALOGUE:
            ui.select(self.model_combo, name)
            self.custom_edit.clear()
        else:
            ui.select(self.model_combo, OTHER)
            self.custom_edit.setText(name)
        ui.select(self.device_combo, settings.whisper_device)
        self._update_status()

    def apply(self, settings: Settings) -> Settings:
        return dataclasses.replace(
            settings,
            whisper_model=self.model_name(),
            whisper_device=self.device_combo.currentData(),
        )

    def model_name(self) -> str:
        value = self.model_combo.currentData()
        return value if value else self.custom_edit.text().strip()

    def problems(self, engine: str = "") -> list[str]:
        """What is wrong with the model chosen (whichever engine new files use)."""
        name = self.model_name()
        if not name:
            return []  # Settings.validate says so
        problem = models.describe_missing(name)
        return [translate_message(problem)] if problem else []

    def save_key(self) -> str | None:
        return None  # the offline engine needs no key

    # ---- the installed list -------------------------------------------------------------------
    def refresh(self) -> None:
        self.installed.removeRows(0, self.installed.rowCount())
        for model in models.installed_models(self.models_dir):
            name = QStandardItem(model.name)
            name.setData(model.name, Qt.ItemDataRole.UserRole)
            name.setToolTip(str(model.path))
            size = QStandardItem(format_size(model.size_bytes))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for item in (name, size):
                item.setEditable(False)
            self.installed.appendRow([name, size])
        self.empty_label.setVisible(self.installed.rowCount() == 0)
        self._update_delete()
        self._update_status()

    def installed_names(self) -> list[str]:
        return [self.installed.item(r, 0).text() for r in range(self.installed.rowCount())]

    def select_installed(self, name: str) -> None:
        for row in range(self.installed.rowCount()):
            if self.installed.item(row, 0).text() == name:
                self.installed_view.setCurrentIndex(self.installed.index(row, 0))

    def _selected_installed(self) -> str | None:
        rows = self.installed_view.selectionModel().selectedRows(0)
        return rows[0].data(Qt.ItemDataRole.UserRole) if rows else None

    @Slot()
    def _update_delete(self) -> None:
        self.delete_button.setEnabled(self._selected_installed() is not None)

    @Slot()
    def _update_status(self) -> None:
        self.custom_edit.setEnabled(self.model_combo.currentData() == OTHER)
        self.folder_button.setEnabled(self.model_combo.currentData() == OTHER)
        name = self.model_name()
        downloadable = bool(name) and models.repo_for(name) is not None
        installed = bool(name) and models.local_model_path(name, self.models_dir) is not None
        if not name:
            text = ""
        elif installed:
            text = self.tr("Ready: this model is on this computer.")
        elif downloadable:
            text = self.tr("Not downloaded yet: it downloads when the first file needs it, or now.")
        else:
            text = translate_message(models.describe_missing(name))
        self.status_label.setText(text)
        self.download_button.setVisible(downloadable and not installed)

    # ---- handlers -----------------------------------------------------------------------------
    @Slot()
    def on_choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self,
            self.tr("Choose a Whisper model folder"),
            self.custom_edit.text() or str(Path.home()),
        )
        if folder:
            self.custom_edit.setText(folder)

    @Slot()
    def on_delete_clicked(self) -> None:
        name = self._selected_installed()
        if name is None:
            return
        try:
            models.delete_model(name, self.models_dir)
        except OSError as exc:
            self.status_label.setText(
                self.tr("“{0}” could not be deleted ({1}).").format(name, exc.strerror or exc)
            )
            return
        self.refresh()

    @Slot()
    def on_download_clicked(self) -> ModelDownloadDialog:
        dialog = ModelDownloadDialog(self.model_name(), self.models_dir, parent=self)
        dialog.finished.connect(self._on_download_finished)
        self.download_dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def _on_download_finished(self) -> None:
        dialog = self.download_dialog
        self.download_dialog = None
        if dialog is not None and dialog.error:
            self.status_label.setText(translate_message(dialog.error))
        self.refresh()
        if dialog is not None and dialog.error:
            self.status_label.setText(translate_message(dialog.error))
