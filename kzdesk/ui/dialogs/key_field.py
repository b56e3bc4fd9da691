"""An API key field: hidden text with Show, kept in the OS keyring — or, where the system has
none, for this session only or in a file only the user can read (the user chooses)."""

from __future__ import annotations

import logging

import keyring.errors
from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
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

log = logging.getLogger(__name__)


class KeyField(QWidget):
    """``save()`` stores the key where chosen and returns a sentence when that failed."""

    edited = Signal()

    def __init__(
        self, secrets: SecretStore, placeholder: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._secrets = secrets
        self.has_keyring = keyring_available()
        self._initial_key = secrets.api_key() or ""
        self._initial_storage = "file" if secrets.fallback_path.exists() else "session"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setClearButtonEnabled(True)
        self.edit.setText(self._initial_key)
        self.edit.textChanged.connect(self.edited)
        self.show_button = QPushButton(self.tr("Sh&ow"))
        self.show_button.setCheckable(True)
        self.show_button.toggled.connect(self.on_show_toggled)
        layout.addWidget(ui.row(self.edit, self.show_button))
        if self.has_keyring:
            layout.addWidget(
                ui.help_label(
                    self.tr("The key is kept in the system keyring, never in kzdesk's settings.")
                )
            )
        else:
            layout.addWidget(self._build_no_keyring_box())

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
        group = QButtonGroup(self)
        group.addButton(self.session_radio)
        group.addButton(self.file_radio)
        radio = self.file_radio if self._initial_storage == "file" else self.session_radio
        radio.setChecked(True)
        layout.addWidget(
            ui.row(
                ui.icon_label(self, QStyle.StandardPixmap.SP_MessageBoxWarning),
                self.no_keyring_warning,
                stretch=1,
            )
        )
        layout.addWidget(self.session_radio)
        layout.addWidget(self.file_radio)
        return box

    def tab_chain(self) -> list[QWidget]:
        chain: list[QWidget] = [self.edit, self.show_button]
        if not self.has_keyring:
            chain += [self.session_radio, self.file_radio]
        return chain

    def key(self) -> str:
        return self.edit.text().strip()

    def storage(self) -> str:
        """Where the key will go: "keyring", "file" or "session"."""
        if self.has_keyring:
            return "keyring"
        return "file" if self.file_radio.isChecked() else "session"

    @Slot(bool)
    def on_show_toggled(self, shown: bool) -> None:
        self.edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self.show_button.setText(self.tr("Hid&e") if shown else self.tr("Sh&ow"))

    def save(self) -> str | None:
        """Store the key where chosen; a sentence when that failed (None when all is well)."""
        key, where = self.key(), self.storage()
        moved = not self.has_keyring and where != self._initial_storage
        if key == self._initial_key and not moved:
            return None
        try:
            if not key:
                self._secrets.delete_api_key()
            elif where == "keyring":
                self._secrets.set_api_key(key, where="keyring")
            else:
                self._secrets.delete_api_key()  # an older copy elsewhere must not shadow it
                self._secrets.set_api_key(key, where=where)
        except keyring.errors.KeyringError:
            log.warning("the keyring refused a key")
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
