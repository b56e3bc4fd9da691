"""The SpeechKit part of Settings: the API key (OS keyring, or a file where none exists),
the connection test and the folder ID."""

from __future__ import annotations

import logging
from collections.abc import Callable

import keyring.errors
from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from kzdesk.services.secrets import SecretStore, keyring_available
from kzdesk.ui.dialogs import form_helpers as ui
from kzdesk.ui.dialogs.connection_check import check_connection

log = logging.getLogger(__name__)


class SpeechKitSettingsGroup(QGroupBox):
    """``save_key()`` stores the key where chosen and returns a sentence when that failed."""

    def __init__(
        self,
        secrets: SecretStore,
        *,
        check_connection: Callable[[str, str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("SpeechKit connection"))
        self._secrets = secrets
        self._check_connection = check_connection
        self._check_generation = 0
        self._has_keyring = keyring_available()
        self._initial_key = secrets.api_key() or ""
        self._initial_storage = "file" if secrets.fallback_path.exists() else "session"
        self._build()
        self.key_edit.setText(self._initial_key)
        if not self._has_keyring:
            radio = self.file_radio if self._initial_storage == "file" else self.session_radio
            radio.setChecked(True)

    def tab_chain(self) -> list[QWidget]:
        chain: list[QWidget] = [self.key_edit, self.show_key_button]
        if not self._has_keyring:
            chain += [self.session_radio, self.file_radio]
        return [*chain, self.test_button, self.folder_edit]

    def _build(self) -> None:
        form = ui.form(self)
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

    def key_storage(self) -> str:
        """Where the key will go: "keyring", "file" or "session"."""
        if self._has_keyring:
            return "keyring"
        return "file" if self.file_radio.isChecked() else "session"

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
        generation, folder_id = self._check_generation, self.folder_edit.text().strip()
        check_connection(
            self._check_connection,
            key,
            folder_id,
            lambda succeeded, sentence: self._on_check_finished(generation, succeeded, sentence),
            parent=self,
        )

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

    def save_key(self) -> str | None:
        """Store the key where chosen; a sentence when that failed (None when all is well)."""
        key = self.key_edit.text().strip()
        where = self.key_storage()
        moved = not self._has_keyring and where != self._initial_storage
        if key == self._initial_key and not moved:
            return None
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
            return self.tr(
                "The system keyring did not accept the key. Unlock the keyring "
                "(log in to your desktop session) and try again."
            )
        except OSError as exc:
            self._secrets.set_api_key(key, where="session")
            return self.tr(
                "The key could not be written to “{0}” ({1}). It is kept for this "
                "session only; choose that option or fix the folder's permissions."
            ).format(self._secrets.fallback_path, exc.strerror or exc)
        self._initial_key, self._initial_storage = key, where
        return None
