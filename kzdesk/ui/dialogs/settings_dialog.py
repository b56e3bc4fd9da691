"""Settings: the SpeechKit key (OS keyring only), recognition defaults, output and cost."""

from __future__ import annotations

import dataclasses
import itertools
import logging
from collections.abc import Callable
from pathlib import Path

import keyring.errors
from PySide6.QtCore import QCoreApplication, QThreadPool, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from kzdesk.core.job import Language, SpeakersMode
from kzdesk.export import FORMATS
from kzdesk.services import settings as settings_service
from kzdesk.services.secrets import SecretStore, keyring_available
from kzdesk.services.settings import Settings
from kzdesk.ui.dialogs import form_helpers as ui
from kzdesk.ui.dialogs.connection_check import ConnectionCheck
from kzdesk.ui.dialogs.first_run_banner import FirstRunBanner

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
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self._settings = settings
        self._secrets = secrets
        self._data_dir = Path(data_dir)
        self._check_connection = check_connection
        self._check_generation = 0
        self._has_keyring = keyring_available()
        self._initial_key = secrets.api_key() or ""
        self._initial_storage = "file" if secrets.fallback_path.exists() else "session"

        columns = QGridLayout()
        columns.addWidget(self._build_connection_group(), 0, 0)
        columns.addWidget(self._build_recognition_group(), 1, 0)
        columns.addWidget(self._build_output_group(), 0, 1)
        columns.addWidget(self._build_cost_group(), 1, 1)
        columns.addWidget(self._build_interface_group(), 2, 1)
        columns.setRowStretch(3, 1)

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

        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addLayout(problems_row)
        layout.addWidget(self.buttons)

        self._load(settings)
        self._set_tab_order()
        for signal in (
            self.folder_edit.textChanged,
            self.language_combo.currentIndexChanged,
            self.speakers_combo.currentIndexChanged,
            self.model_combo.currentIndexChanged,
            self.parallel_spin.valueChanged,
            self.price_spin.valueChanged,
            self.output_edit.textChanged,
            self.currency_edit.textChanged,
        ):
            signal.connect(self._revalidate)
        self._revalidate()
        # Wrapped labels need height for width, which the minimum size ignores.
        self.resize(self.sizeHint())

    # ---- building ---------------------------------------------------------------------------
    def _build_connection_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("SpeechKit connection"))
        form = ui.form(group)
        self.key_edit = QLineEdit()
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_edit.setPlaceholderText(self.tr("Paste the API key from Yandex Cloud"))
        self.key_edit.setClearButtonEnabled(True)
        self.show_key_button = QPushButton(self.tr("Sh&ow"))
        self.show_key_button.setCheckable(True)
        self.show_key_button.toggled.connect(self.on_show_key_toggled)
        self.key_edit.textChanged.connect(self._on_key_edited)
        form.addRow(
            ui.buddy(self.tr("API &key:"), self.key_edit),
            ui.row(self.key_edit, self.show_key_button),
        )
        if self._has_keyring:
            form.addRow(
                "",
                ui.help_label(
                    self.tr(
                        "The key is kept in the system keyring, never in kzdesk's settings file."
                    )
                ),
            )
        else:
            form.addRow(self._build_no_keyring_box())

        self.test_button = QPushButton(self.tr("&Test connection"))
        self.test_button.clicked.connect(self.on_test_clicked)
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        self.test_result.setObjectName("connectionResult")
        form.addRow("", ui.row(self.test_button, self.test_result, stretch=1))

        self.folder_edit = QLineEdit()
        self.folder_edit.setPlaceholderText(self.tr("For example b1g2abc3def4"))
        form.addRow(ui.buddy(self.tr("&Folder ID:"), self.folder_edit), self.folder_edit)
        form.addRow(
            "",
            ui.help_label(
                self.tr(
                    "Needed only when the key belongs to a user account, not a service account."
                )
            ),
        )
        return group

    def _build_no_keyring_box(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.no_keyring_warning = QLabel(
            self.tr(
                "This computer offers no system keyring, so kzdesk cannot store the key "
                "encrypted. Choose where to keep it:"
            )
        )
        self.no_keyring_warning.setWordWrap(True)
        self.session_radio = QRadioButton(self.tr("Keep the key for this &session only"))
        self.file_radio = QRadioButton(
            self.tr("Keep it in a file only my &user can read (not encrypted)")
        )
        self.file_radio.setToolTip(str(self._secrets.fallback_path))
        self.storage_group = QButtonGroup(self)
        self.storage_group.addButton(self.session_radio)
        self.storage_group.addButton(self.file_radio)
        warning_row = ui.row(
            ui.icon_label(self, QStyle.StandardPixmap.SP_MessageBoxWarning),
            self.no_keyring_warning,
            stretch=1,
        )
        layout.addWidget(warning_row)
        layout.addWidget(self.session_radio)
        layout.addWidget(self.file_radio)
        return box

    def _build_recognition_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Recognition defaults"))
        form = ui.form(group)
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

    def _build_output_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Output"))
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
        names = {
            "docx": self.tr("&Word (.docx)"),
            "srt": self.tr("S&RT subtitles"),
            "vtt": self.tr("&VTT subtitles"),
            "txt": self.tr("Plain te&xt"),
            "json": self.tr("JSO&N"),
        }
        self.format_checks: dict[str, QCheckBox] = {}
        formats = QWidget()
        grid = QGridLayout(formats)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, fmt in enumerate(FORMATS):
            check = QCheckBox(names.get(fmt, fmt))
            check.setObjectName(f"export_{fmt}")
            self.format_checks[fmt] = check
            grid.addWidget(check, i // 2, i % 2)
        form.addRow(
            ui.buddy(self.tr("&Export when done:"), self.format_checks[FORMATS[0]]), formats
        )
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
        chain: list[QWidget] = [self.key_edit, self.show_key_button]
        if not self._has_keyring:
            chain += [self.session_radio, self.file_radio]
        chain += [
            self.test_button,
            self.folder_edit,
            self.language_combo,
            self.speakers_combo,
            self.model_combo,
            self.parallel_spin,
            self.output_edit,
            self.browse_button,
            *self.format_checks.values(),
            self.price_spin,
            self.currency_edit,
            self.interface_combo,
            self.buttons,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # ---- loading and reading the form ---------------------------------------------------------
    @staticmethod
    def _select(combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))

    def _load(self, settings: Settings) -> None:
        self.key_edit.setText(self._initial_key)
        if not self._has_keyring:
            radio = self.file_radio if self._initial_storage == "file" else self.session_radio
            radio.setChecked(True)
        self.folder_edit.setText(settings.folder_id)
        ui.select(self.language_combo, settings.language)
        ui.select(self.speakers_combo, settings.speakers)
        ui.select(self.model_combo, settings.model)
        self.parallel_spin.setValue(settings.parallel_jobs)
        self.output_edit.setText(settings.output_dir)
        for fmt, check in self.format_checks.items():
            check.setChecked(fmt in settings.auto_export)
        self.price_spin.setValue(settings.price_per_minute)
        self.currency_edit.setText(settings.currency)
        ui.select(self.interface_combo, settings.interface_language)

    def current_settings(self) -> Settings:
        """The settings as the form shows them now (not yet saved)."""
        return dataclasses.replace(
            self._settings,
            folder_id=self.folder_edit.text().strip(),
            language=self.language_combo.currentData(),
            speakers=self.speakers_combo.currentData(),
            model=self.model_combo.currentData(),
            parallel_jobs=self.parallel_spin.value(),
            output_dir=self.output_edit.text().strip(),
            auto_export=[f for f, check in self.format_checks.items() if check.isChecked()],
            price_per_minute=self.price_spin.value(),
            currency=self.currency_edit.text().strip() or self._settings.currency,
            interface_language=self.interface_combo.currentData(),
        )

    def key_storage(self) -> str:
        """Where the key will go: "keyring", "file" or "session"."""
        if self._has_keyring:
            return "keyring"
        return "file" if self.file_radio.isChecked() else "session"

    # ---- validation ---------------------------------------------------------------------------
    def problems(self) -> list[str]:
        # Settings.validate speaks English; translations can match its sentences here.
        return [
            QCoreApplication.translate("Settings", problem)
            for problem in self.current_settings().validate()
        ]

    @Slot()
    def _revalidate(self) -> None:
        self._show_problems(self.problems())

    def _show_problems(self, problems: list[str]) -> None:
        self.problems_label.setText("\n".join(problems))
        self.problems_label.setVisible(bool(problems))
        self.problems_icon.setVisible(bool(problems))
        self.ok_button.setEnabled(not problems)

    # ---- handlers -----------------------------------------------------------------------------
    @Slot(bool)
    def on_show_key_toggled(self, shown: bool) -> None:
        self.key_edit.setEchoMode(
            QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        )
        self.show_key_button.setText(self.tr("Hid&e") if shown else self.tr("Sh&ow"))

    @Slot()
    def _on_key_edited(self) -> None:
        self._check_generation += 1  # a result for the old key no longer applies
        self.test_result.clear()
        self.test_button.setEnabled(True)

    @Slot()
    def on_test_clicked(self) -> None:
        key = self.key_edit.text().strip()
        if not key:
            self.test_result.setText(self.tr("Paste the API key first."))
            return
        self._check_generation += 1
        self.test_button.setEnabled(False)
        self.test_result.setText(self.tr("Checking the connection…"))
        check = ConnectionCheck(
            self._check_connection, key, self.folder_edit.text().strip(), self._check_generation
        )
        check.signals.finished.connect(self._on_check_finished)
        QThreadPool.globalInstance().start(check)

    @Slot(int, bool, str)
    def _on_check_finished(self, generation: int, succeeded: bool, sentence: str) -> None:
        if generation != self._check_generation:
            return
        self.test_button.setEnabled(True)
        if succeeded:
            self.test_result.setText(self.tr("Connected. SpeechKit accepted the key."))
        elif sentence:
            self.test_result.setText(sentence)
        else:
            self.test_result.setText(
                self.tr("The test failed unexpectedly. Details are in the log (Help menu).")
            )

    @Slot()
    def on_browse_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the output folder"), self.output_edit.text() or str(Path.home())
        )
        if folder:
            self.output_edit.setText(folder)

    # ---- saving -------------------------------------------------------------------------------
    def accept(self) -> None:
        problems = self.problems()
        if problems:
            self._show_problems(problems)
            return
        settings = self.current_settings()
        if not self._save_key():
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

    def _save_key(self) -> bool:
        """Store the key where chosen; False (with a sentence shown) when that failed."""
        key = self.key_edit.text().strip()
        where = self.key_storage()
        moved = not self._has_keyring and where != self._initial_storage
        if key == self._initial_key and not moved:
            return True
        try:
            if not key:
                self._secrets.delete_api_key()
            elif where == "keyring":
                self._secrets.set_api_key(key, where="keyring")
            else:
                # Clear the other place first, so an older key there cannot shadow this one.
                self._secrets.delete_api_key()
                self._secrets.set_api_key(key, where=where)
        except keyring.errors.KeyringError:
            log.warning("the keyring refused the API key", exc_info=False)
            self._show_problems(
                [
                    self.tr(
                        "The system keyring did not accept the key. Unlock the keyring "
                        "(log in to your desktop session) and try again."
                    )
                ]
            )
            return False
        except OSError as exc:
            self._secrets.set_api_key(key, where="session")
            self._show_problems(
                [
                    self.tr(
                        "The key could not be written to “{0}” ({1}). It is kept for this "
                        "session only; choose that option or fix the folder's permissions."
                    ).format(self._secrets.fallback_path, exc.strerror or exc)
                ]
            )
            return False
        self._initial_key, self._initial_storage = key, where
        return True
