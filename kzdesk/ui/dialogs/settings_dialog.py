"""Settings: the engine (SpeechKit in the cloud, Whisper on this computer or the organisation's
server), the SpeechKit key (OS keyring only), the offline models, the server, recognition
defaults, output and cost."""

from __future__ import annotations

import dataclasses
import itertools
import logging
from collections.abc import Callable
from pathlib import Path
from typing import cast

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kzdesk.core import engine_registry
from kzdesk.core.job import Language, SpeakersMode
from kzdesk.services import settings as settings_service
from kzdesk.services.secrets import SecretStore
from kzdesk.services.settings import Settings
from kzdesk.ui.dialogs import engine_pages
from kzdesk.ui.dialogs import form_helpers as ui
from kzdesk.ui.dialogs.engine_pages import EngineSettingsPage
from kzdesk.ui.dialogs.export_settings_page import ExportSettingsPage
from kzdesk.ui.dialogs.first_run_banner import FirstRunBanner
from kzdesk.ui.dialogs.offline_settings_page import OfflineSettingsPage
from kzdesk.ui.dialogs.proofreading_settings_page import ProofreadingSettingsPage
from kzdesk.ui.dialogs.server_settings_page import CheckServer, ServerSettingsPage, check_server
from kzdesk.ui.dialogs.speechkit_settings_page import SpeechKitSettingsGroup
from kzdesk.ui.messages import translate_message

log = logging.getLogger(__name__)

__all__ = ["FirstRunBanner", "SettingsDialog"]


class SettingsDialog(QDialog):
    settings_saved = Signal(object)  # the new Settings

    def __init__(
        self,
        settings: Settings,
        secrets: SecretStore,
        data_dir: Path,
        *,
        check_connection: Callable[[str, str], None],
        models_dir: Path | None = None,
        check_server: CheckServer = check_server,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self._settings = settings
        self._secrets = secrets
        self._data_dir = Path(data_dir)
        self.speechkit = SpeechKitSettingsGroup(secrets, check_connection=check_connection)
        self._alias_speechkit_widgets()
        self.exports = ExportSettingsPage()
        self.output_edit, self.browse_button = self.exports.output_edit, self.exports.browse_button
        self.format_checks = self.exports.format_checks
        self.proofreading = ProofreadingSettingsPage()
        # the engines' own pages (engine_pages.PAGES); tests and helpers reach two by name
        self.engine_pages = engine_pages.make_pages(
            engine_pages.PageNeeds(secrets, models_dir, check_server)
        )
        self.offline = cast(OfflineSettingsPage, self.engine_pages["whisper"])
        self.server = cast(ServerSettingsPage, self.engine_pages["server"])

        general = QWidget()
        columns = QGridLayout(general)
        columns.addWidget(self.speechkit, 0, 0)
        columns.addWidget(self._build_recognition_group(), 1, 0)
        columns.addWidget(self._build_cost_group(), 0, 1)
        columns.addWidget(self._build_interface_group(), 1, 1)
        columns.setRowStretch(2, 1)

        self.problems_label = QLabel()
        self.problems_label.setWordWrap(True)
        self.problems_label.setObjectName("settingsProblems")
        self.problems_icon = QLabel()
        self.problems_icon.setPixmap(
            ui.icon_pixmap(self, QStyle.StandardPixmap.SP_MessageBoxWarning)
        )
        problems_row = QHBoxLayout()
        problems_row.addWidget(self.problems_icon)
        problems_row.addWidget(self.problems_label, 1)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        self.tabs = QTabWidget()
        self.tabs.addTab(general, self.tr("&General"))
        self.tabs.addTab(self.exports, self.tr("E&xport"))
        for name, page in self.engine_pages.items():
            self.tabs.addTab(page, engine_pages.title(name))
        self.tabs.addTab(self.proofreading, self.tr("Proo&freading"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addLayout(problems_row)
        layout.addWidget(self.buttons)

        self._load(settings)
        self._set_tab_order()
        for signal in (
            self.engine_combo.currentIndexChanged,
            self.folder_edit.textChanged,
            self.language_combo.currentIndexChanged,
            self.speakers_combo.currentIndexChanged,
            self.model_combo.currentIndexChanged,
            self.parallel_spin.valueChanged,
            self.price_spin.valueChanged,
            self.exports.changed,
            self.currency_edit.textChanged,
        ):
            signal.connect(self._revalidate)
        for page in self._pages():
            page.changed.connect(self._revalidate)
        self._revalidate()
        # Wrapped labels need height for width, which the minimum size ignores.
        self.resize(self.sizeHint())

    # ---- building ---------------------------------------------------------------------------
    def _alias_speechkit_widgets(self) -> None:
        """The SpeechKit group's fields, reachable as before from the dialog."""
        page = self.speechkit
        self.key_edit, self.show_key_button = page.key_edit, page.show_key_button
        self.test_button, self.test_result = page.test_button, page.test_result
        self.folder_edit = page.folder_edit
        if not page._has_keyring:
            self.no_keyring_warning = page.no_keyring_warning
            self.session_radio, self.file_radio = page.session_radio, page.file_radio

    def _build_recognition_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Recognition defaults"))
        form = ui.form(group)
        self.engine_combo = ui.combo(
            *((e.name, translate_message(e.settings_label)) for e in engine_registry.all_engines())
        )
        self.engine_combo.setObjectName("engine")
        form.addRow(ui.buddy(self.tr("E&ngine:"), self.engine_combo), self.engine_combo)
        self.language_combo = ui.combo(
            (Language.KK_RU.value, self.tr("Kazakh + Russian")),
            (Language.KK.value, self.tr("Kazakh")),
            (Language.RU.value, self.tr("Russian")),
            (Language.AUTO.value, self.tr("Automatic")),
        )
        form.addRow(ui.buddy(self.tr("&Language:"), self.language_combo), self.language_combo)
        self.speakers_combo = ui.combo(
            (SpeakersMode.AUTO.value, self.tr("Automatic")),
            (SpeakersMode.CHANNELS.value, self.tr("Each channel is a person")),
            (SpeakersMode.OFF.value, self.tr("Off")),
        )
        form.addRow(ui.buddy(self.tr("S&peakers:"), self.speakers_combo), self.speakers_combo)
        self.model_combo = ui.combo(
            ("general", self.tr("Standard")),
            ("deferred-general", self.tr("Deferred — cheaper, within 24 h")),
        )
        form.addRow(ui.buddy(self.tr("&Model:"), self.model_combo), self.model_combo)
        self.parallel_spin = QSpinBox()
        self.parallel_spin.setRange(1, 16)
        form.addRow(ui.buddy(self.tr("Parallel &jobs:"), self.parallel_spin), self.parallel_spin)
        form.addRow("", ui.help_label(self.tr("New files start with these choices.")))
        return group

    def _build_cost_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Cost estimate"))
        form = ui.form(group)
        self.price_spin = QDoubleSpinBox()
        self.price_spin.setRange(0.0, 1_000_000.0)
        self.price_spin.setDecimals(2)
        self.price_spin.setSpecialValueText(self.tr("No estimate"))
        form.addRow(ui.buddy(self.tr("Price per m&inute:"), self.price_spin), self.price_spin)
        self.currency_edit = QLineEdit()
        self.currency_edit.setMaxLength(8)
        form.addRow(ui.buddy(self.tr("&Currency:"), self.currency_edit), self.currency_edit)
        form.addRow(
            "", ui.help_label(self.tr("Your SpeechKit price, used only to show estimates."))
        )
        return group

    def _build_interface_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Interface"))
        form = ui.form(group)
        # Language names stay in their own language, so anyone can find theirs.
        self.interface_combo = ui.combo(
            ("", self.tr("Same as the system")),
            ("kk", "Қазақша"),
            ("ru", "Русский"),
            ("en", "English"),
        )
        form.addRow(
            ui.buddy(self.tr("Interface lan&guage:"), self.interface_combo), self.interface_combo
        )
        form.addRow("", ui.help_label(self.tr("Takes effect after kzdesk restarts.")))
        return group

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.tabs,
            *self.speechkit.tab_chain(),
            self.engine_combo,
            self.language_combo,
            self.speakers_combo,
            self.model_combo,
            self.parallel_spin,
            self.price_spin,
            self.currency_edit,
            self.interface_combo,
            *self.exports.tab_chain(),
            self.buttons,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # ---- loading and reading the form ---------------------------------------------------------
    def _load(self, settings: Settings) -> None:
        self.folder_edit.setText(settings.folder_id)
        ui.select(self.engine_combo, settings.engine)
        for page in self._pages():
            page.load(settings)
        self.proofreading.load(settings)
        ui.select(self.language_combo, settings.language)
        ui.select(self.speakers_combo, settings.speakers)
        ui.select(self.model_combo, settings.model)
        self.parallel_spin.setValue(settings.parallel_jobs)
        self.exports.load(settings)
        self.price_spin.setValue(settings.price_per_minute)
        self.currency_edit.setText(settings.currency)
        ui.select(self.interface_combo, settings.interface_language)

    def current_settings(self) -> Settings:
        """The settings as the form shows them now (not yet saved)."""
        settings = dataclasses.replace(
            self._settings,
            engine=self.engine_combo.currentData(),
            folder_id=self.folder_edit.text().strip(),
            language=self.language_combo.currentData(),
            speakers=self.speakers_combo.currentData(),
            model=self.model_combo.currentData(),
            parallel_jobs=self.parallel_spin.value(),
            price_per_minute=self.price_spin.value(),
            currency=self.currency_edit.text().strip() or self._settings.currency,
            interface_language=self.interface_combo.currentData(),
        )
        settings = self.proofreading.apply(self.exports.apply(settings))
        for page in self._pages():
            settings = page.apply(settings)
        return settings

    def _pages(self) -> list[EngineSettingsPage]:
        return [cast(EngineSettingsPage, page) for page in self.engine_pages.values()]

    def key_storage(self) -> str:
        """Where the key will go: "keyring", "file" or "session"."""
        return self.speechkit.key_storage()

    # ---- validation ---------------------------------------------------------------------------
    def problems(self) -> list[str]:
        # Settings.validate speaks English; translations can match its sentences here.
        problems = [translate_message(problem) for problem in self.current_settings().validate()]
        engine = self.engine_combo.currentData()
        for page in self._pages():
            problems += [p for p in page.problems(engine) if p not in problems]
        return problems

    @Slot()
    def _revalidate(self) -> None:
        self._show_problems(self.problems())

    def _show_problems(self, problems: list[str]) -> None:
        self.problems_label.setText("\n".join(problems))
        self.problems_label.setVisible(bool(problems))
        self.problems_icon.setVisible(bool(problems))
        self.ok_button.setEnabled(not problems)

    # ---- handlers -----------------------------------------------------------------------------
    # ---- saving -------------------------------------------------------------------------------
    def accept(self) -> None:
        problems = self.problems()
        if problems:
            self._show_problems(problems)
            return
        settings = self.current_settings()
        failure = self.speechkit.save_key()
        for page in self._pages():
            failure = failure or page.save_key()
        if failure is not None:
            self._show_problems([failure])
            return
        try:
            settings_service.save(self._data_dir, settings)
        except OSError as exc:
            self._show_problems(
                [
                    self.tr("The settings could not be saved in “{0}” ({1}).").format(
                        self._data_dir, exc.strerror or exc
                    )
                ]
            )
            return
        self._settings = settings
        self.settings_saved.emit(settings)
        super().accept()
