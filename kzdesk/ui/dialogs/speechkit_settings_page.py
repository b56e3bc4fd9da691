"""The SpeechKit part of Settings: the API key (a :class:`KeyField`: the OS keyring, or where
none exists this session or a file), the connection test and the folder ID."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QGroupBox, QLabel, QLineEdit, QPushButton, QWidget

from kzdesk.services.secrets import SecretStore
from kzdesk.ui.dialogs import form_helpers as ui
from kzdesk.ui.dialogs.connection_check import check_connection
from kzdesk.ui.dialogs.key_field import KeyField


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
        self._check_connection = check_connection
        self._check_generation = 0
        self.key_field = KeyField(secrets, self.tr("Paste the API key from Yandex Cloud"))
        self._has_keyring = self.key_field.has_keyring
        # the field's parts, as the dialog and its tests reach them
        self.key_edit, self.show_key_button = self.key_field.edit, self.key_field.show_button
        if not self._has_keyring:
            self.no_keyring_warning = self.key_field.no_keyring_warning
            self.session_radio, self.file_radio = (
                self.key_field.session_radio,
                self.key_field.file_radio,
            )
        self._build()

    def tab_chain(self) -> list[QWidget]:
        return [*self.key_field.tab_chain(), self.test_button, self.folder_edit]

    def _build(self) -> None:
        form = ui.form(self)
        self.key_field.edited.connect(self._on_key_edited)
        form.addRow(ui.buddy(self.tr("API &key:"), self.key_edit), self.key_field)

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

    def key_storage(self) -> str:
        """Where the key will go: "keyring", "file" or "session"."""
        return self.key_field.storage()

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
        return self.key_field.save()
