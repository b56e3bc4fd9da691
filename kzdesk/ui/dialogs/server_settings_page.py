"""Settings → Server: the organisation's transcription server (OpenAI-compatible API) —
address, optional key (keyring), model, requests at once, upload limit, and a connection test
that sends one second of silence off the GUI thread."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kzdesk.core.engine import EngineError
from kzdesk.services.secrets import SecretStore
from kzdesk.services.server_engine import check_server
from kzdesk.services.settings import Settings
from kzdesk.ui.dialogs import form_helpers as ui
from kzdesk.ui.dialogs.key_field import KeyField
from kzdesk.ui.messages import translate_message
from kzdesk.workers.background import run_task

# (address, key or None, model) -> a report with .model, .seconds, .words, .models
CheckServer = Callable[[str, str | None, str], Any]


class ServerSettingsPage(QWidget):
    changed = Signal()  # a field changed: the dialog checks the form again

    def __init__(
        self,
        secrets: SecretStore,
        *,
        check: CheckServer = check_server,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._check = check
        self._generation = 0
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_group(secrets))
        layout.addStretch(1)
        for first, second in itertools.pairwise(self.tab_chain()):
            QWidget.setTabOrder(first, second)

    def _build_group(self, secrets: SecretStore) -> QGroupBox:
        group = QGroupBox(self.tr("Your organisation's transcription server"))
        form = ui.form(group)
        form.addRow(
            ui.help_label(
                self.tr(
                    "A server of your organisation that speaks OpenAI's audio API (vLLM, "
                    "speaches, faster-whisper). Recordings go to it and nowhere else; "
                    "speakers are found on this computer."
                )
            )
        )
        self.url_edit = QLineEdit()
        self.url_edit.setObjectName("serverUrl")
        self.url_edit.setPlaceholderText("http://asr.example.org:8000")
        form.addRow(ui.buddy(self.tr("&Address:"), self.url_edit), self.url_edit)
        self.key = KeyField(secrets, self.tr("Only if the server asks for one"))
        form.addRow(ui.buddy(self.tr("API &key:"), self.key.edit), self.key)
        self.model_edit = QLineEdit()
        self.model_edit.setObjectName("serverModel")
        form.addRow(ui.buddy(self.tr("&Model:"), self.model_edit), self.model_edit)
        form.addRow(
            "",
            ui.help_label(
                self.tr(
                    "The name the server knows, such as whisper-1, "
                    "Systran/faster-whisper-large-v3 or openai/whisper-large-v3."
                )
            ),
        )
        self.concurrency_spin = QSpinBox()
        self.concurrency_spin.setRange(1, 16)
        form.addRow(
            ui.buddy(self.tr("Requests at o&nce:"), self.concurrency_spin), self.concurrency_spin
        )
        self.upload_spin = QSpinBox()
        self.upload_spin.setRange(1, 2000)
        self.upload_spin.setSuffix(" MB")
        form.addRow(ui.buddy(self.tr("Largest &upload:"), self.upload_spin), self.upload_spin)
        form.addRow(
            "",
            ui.help_label(
                self.tr(
                    "Long recordings are cut at pauses into pieces under this size, and "
                    "this many pieces are sent at once (for all files together)."
                )
            ),
        )
        self.test_button = QPushButton(self.tr("&Test connection"))
        self.test_button.clicked.connect(self.on_test_clicked)
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        self.test_result.setObjectName("serverTestResult")
        form.addRow("", ui.row(self.test_button, self.test_result, stretch=1))
        for signal in (
            self.url_edit.textChanged,
            self.key.edited,
            self.model_edit.textChanged,
        ):
            signal.connect(self._on_edited)
        self.concurrency_spin.valueChanged.connect(self.changed)
        self.upload_spin.valueChanged.connect(self.changed)
        return group

    def tab_chain(self) -> list[QWidget]:
        return [
            self.url_edit,
            *self.key.tab_chain(),
            self.model_edit,
            self.concurrency_spin,
            self.upload_spin,
            self.test_button,
        ]

    # ---- settings -----------------------------------------------------------------------------
    def load(self, settings: Settings) -> None:
        self.url_edit.setText(settings.server_url)
        self.model_edit.setText(settings.server_model)
        self.concurrency_spin.setValue(settings.server_concurrency)
        self.upload_spin.setValue(settings.server_max_upload_mb)

    def apply(self, settings: Settings) -> Settings:
        return dataclasses.replace(
            settings,
            server_url=self.url_edit.text().strip(),
            server_model=self.model_edit.text().strip(),
            server_concurrency=self.concurrency_spin.value(),
            server_max_upload_mb=self.upload_spin.value(),
        )

    def problems(self, engine: str) -> list[str]:
        if engine == "server" and not self.url_edit.text().strip():
            return [
                self.tr(
                    "New files go to the transcription server: enter its address on the "
                    "Server page, or choose another engine."
                )
            ]
        return []

    def save_key(self) -> str | None:
        return self.key.save()

    # ---- the connection test ------------------------------------------------------------------
    @Slot()
    def _on_edited(self) -> None:
        self._generation += 1  # a result for the old values no longer applies
        self.test_result.clear()
        self.test_button.setEnabled(True)
        self.changed.emit()

    @Slot()
    def on_test_clicked(self) -> None:
        url = self.url_edit.text().strip()
        if not url:
            self.test_result.setText(self.tr("Enter the server's address first."))
            return
        self._generation += 1
        self.test_button.setEnabled(False)
        self.test_result.setText(self.tr("Sending one second of silence to the server…"))
        args = (url, self.key.key() or None, self.model_edit.text().strip())
        generation, check = self._generation, self._check

        def failed(exc: Exception) -> None:
            sentence = translate_message(exc.message) if isinstance(exc, EngineError) else ""
            self._on_check_finished(generation, None, sentence)

        run_task(
            lambda _control: check(*args),
            lambda report: self._on_check_finished(generation, report, ""),
            failed,
            expected=(EngineError,),
            parent=self,
            name="the server connection test",
        )

    @Slot(int, object, str)
    def _on_check_finished(self, generation: int, report: Any, sentence: str) -> None:
        if generation != self._generation:
            return
        self.test_button.setEnabled(True)
        if report is None:
            self.test_result.setText(
                sentence
                or self.tr("The test failed unexpectedly. Details are in the log (Help menu).")
            )
            return
        self.test_result.setText(self.describe(report))

    def describe(self, report: Any) -> str:
        lines = [
            self.tr("Connected: the model “{0}” answered in {1} s.").format(
                report.model, f"{report.seconds:.1f}"
            ),
            self.tr("Word times: yes.")
            if report.words
            else self.tr("Word times: no — each phrase keeps the server's own times."),
        ]
        if report.models and report.model not in report.models:
            lines.append(
                self.tr("The server lists these models, not “{0}”: {1}.").format(
                    report.model, ", ".join(report.models[:8])
                )
            )
        return " ".join(lines)
