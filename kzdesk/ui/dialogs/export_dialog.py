"""Export the open transcript (edited text, current speaker names) to the formats ticked.

The files are written off the GUI thread (``workers.export_files_task``); the dialog stays open to
show progress, a failure sentence (and lets the user pick another folder), or "Open folder".
Files already in the folder are never replaced silently: the user picks Save with new names
(``meeting (2).docx``, the default) or Replace, and the Files line shows the names written.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import (
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from kzdesk import export
from kzdesk.core.transcript import Transcript
from kzdesk.export import ExportOptions
from kzdesk.export.options import DOCUMENT_OPTIONS, SUBTITLE_RULES
from kzdesk.services import wording
from kzdesk.ui.dialogs import form_helpers as ui
from kzdesk.ui.dialogs.export_output import FORBIDDEN, ExportOutputGroup
from kzdesk.ui.dialogs.format_checks import format_checks, reads_any
from kzdesk.ui.dialogs.subtitle_rules import SubtitleRulesForm, rules_of
from kzdesk.ui.messages import translate_message
from kzdesk.workers.background import Task
from kzdesk.workers.export_files_task import write_exports

log = logging.getLogger(__name__)


class ExportDialog(QDialog):
    exported = Signal(list)  # list[Path] just written

    def __init__(
        self,
        transcript: Transcript,
        output_folder: str | Path | None = None,
        base_name: str | None = None,
        options: ExportOptions | None = None,
        formats: Iterable[str] | None = None,
        parent: QWidget | None = None,
        *,
        language: str = wording.SOURCE_LANGUAGE,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self.language = language  # of the words kzdesk writes (labels, unnamed speakers)
        self._transcript = transcript
        self._task: Task[list[Path]] | None = None
        self._written: list[Path] = []
        self._closing = False
        # replaced in tests; QDesktopServices would open a file manager
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        if not output_folder:
            source = Path(transcript.source_path) if transcript.source_path else None
            output_folder = source.parent if source and source.parent.is_dir() else Path.home()
        # a title may hold "/" or ":": keep the letters, make the rest safe for every system
        named = Transcript(title=base_name) if base_name else transcript
        base_name = export.output_name(named, "txt").rsplit(".", 1)[0]

        layout = QVBoxLayout(self)
        layout.addWidget(self._build_formats_group())
        layout.addWidget(self._build_document_group())
        layout.addWidget(self._build_subtitle_group())
        layout.addWidget(self._build_output_group())

        self.problems_icon = ui.icon_label(self, QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.problems_label = QLabel()
        self.problems_label.setWordWrap(True)
        self.problems_label.setObjectName("exportProblems")
        problems_row = QHBoxLayout()
        problems_row.addWidget(self.problems_icon)
        problems_row.addWidget(self.problems_label, 1)
        layout.addLayout(problems_row)

        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setObjectName("exportResult")
        self.result_label.setVisible(False)
        layout.addWidget(self.progress)
        layout.addWidget(self.result_label)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Export"))
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.open_folder_button = self.buttons.addButton(
            self.tr("&Open folder"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_folder_button.setVisible(False)
        self.open_folder_button.clicked.connect(self.on_open_folder_clicked)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self._load(options or ExportOptions(), formats, Path(output_folder), base_name)
        for check in self.format_checks.values():
            check.toggled.connect(self._revalidate)
        for signal in (
            self.timestamps_check.toggled,
            self.merge_check.toggled,
            self.speaker_names_check.toggled,
            self.rules_form.changed,
            self.folder_edit.textChanged,
            self.name_edit.textChanged,
            self.replace_radio.toggled,
        ):
            signal.connect(self._revalidate)
        self._revalidate()

    # ---- building ---------------------------------------------------------------------------
    def _build_formats_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Formats"))
        row = QHBoxLayout(group)
        self.format_checks = format_checks("format_")
        for check in self.format_checks.values():
            row.addWidget(check)
        row.addStretch(1)
        return group

    def _build_document_group(self) -> QGroupBox:
        self.document_group = QGroupBox(self.tr("Word and text"))
        form = ui.form(self.document_group)
        self.timestamps_check = QCheckBox(self.tr("&Time before each paragraph"))
        self.merge_check = QCheckBox(self.tr("&Join consecutive phrases of one speaker"))
        form.addRow(self.timestamps_check)
        form.addRow(self.merge_check)
        return self.document_group

    def _build_subtitle_group(self) -> QGroupBox:
        self.subtitle_group = QGroupBox(self.tr("Subtitles"))
        layout = QVBoxLayout(self.subtitle_group)
        self.speaker_names_check = QCheckBox(self.tr("Speaker &names on SRT cues"))
        self.speaker_names_check.setToolTip(
            self.tr(
                "Puts “Name:” before the first cue of each speaker's turn. VTT files always "
                "carry the speaker as a voice tag."
            )
        )
        self.rules_form = SubtitleRulesForm()
        form = self.rules_form
        self.line_chars_spin, self.lines_spin, self.cps_spin = (
            form.line_chars_spin,
            form.lines_spin,
            form.cps_spin,
        )
        self.min_cue_spin, self.max_cue_spin, self.gap_spin = (
            form.min_cue_spin,
            form.max_cue_spin,
            form.gap_spin,
        )
        layout.addWidget(self.speaker_names_check)
        layout.addWidget(form)
        return self.subtitle_group

    def _build_output_group(self) -> QGroupBox:
        self.output = ExportOutputGroup()
        out = self.output
        self.folder_edit, self.browse_button, self.name_edit = (
            out.folder_edit,
            out.browse_button,
            out.name_edit,
        )
        self.files_label, self.exists_label = out.files_label, out.exists_label
        self.new_names_radio, self.replace_radio = out.new_names_radio, out.replace_radio
        return out

    def _load(
        self,
        options: ExportOptions,
        formats: Iterable[str] | None,
        folder: Path,
        base_name: str,
    ) -> None:
        chosen = {export.normalize_format(f) for f in formats} if formats else {"docx"}
        for fmt, check in self.format_checks.items():
            check.setChecked(fmt in chosen)
        self.timestamps_check.setChecked(options.timestamps)
        self.merge_check.setChecked(options.merge_turns)
        self.speaker_names_check.setChecked(options.speaker_prefix)
        self.rules_form.load(rules_of(options))
        self.folder_edit.setText(str(folder))
        self.name_edit.setText(base_name)

    # ---- what the user chose ------------------------------------------------------------------
    def chosen_formats(self) -> list[str]:
        return [fmt for fmt, check in self.format_checks.items() if check.isChecked()]

    def output_folder(self) -> Path:
        return self.output.output_folder()

    def base_name(self) -> str:
        return self.output.base_name()

    def targets(self) -> list[tuple[str, Path]]:
        """The files that will be written (new names or replacing, as chosen)."""
        return self.output.targets(self.chosen_formats())

    def options(self) -> ExportOptions:
        """The options shown; raises ValueError (a sentence) for an invalid combination."""
        return ExportOptions(
            timestamps=self.timestamps_check.isChecked(),
            merge_turns=self.merge_check.isChecked(),
            speaker_prefix=self.speaker_names_check.isChecked(),
            labels=wording.labels(self.language),
            **self.rules_form.rules(),  # type: ignore[arg-type]
        )

    def existing_files(self) -> list[Path]:
        return self.output.existing_files(self.chosen_formats())

    def problems(self) -> list[str]:
        problems = []
        formats = self.chosen_formats()
        if not formats:
            problems.append(self.tr("Tick at least one format."))
        if reads_any(formats, SUBTITLE_RULES):
            try:
                self.options()
            except ValueError as exc:
                problems.append(translate_message(str(exc)))
        if not self.folder_edit.text().strip():
            problems.append(self.tr("Choose the folder for the files."))
        elif self.output_folder().exists() and not self.output_folder().is_dir():
            problems.append(self.tr("“{0}” is a file, not a folder.").format(self.output_folder()))
        name = self.base_name()
        if not name:
            problems.append(self.tr("Type a file name."))
        elif FORBIDDEN.search(name):
            problems.append(self.tr('A file name cannot hold any of these: < > : " / \\ | ? *'))
        return problems

    # ---- validation ---------------------------------------------------------------------------
    @Slot()
    def _revalidate(self) -> None:
        formats = self.chosen_formats()
        self.document_group.setVisible(reads_any(formats, DOCUMENT_OPTIONS))
        self.subtitle_group.setVisible(reads_any(formats, SUBTITLE_RULES))
        self.speaker_names_check.setEnabled(reads_any(formats, {"speaker_prefix"}))
        problems = self.problems()
        self.output.show_files(formats)
        self._show_problems(problems)
        self.ok_button.setEnabled(not problems)
        if self.isVisible():
            self.adjustSize()

    def _show_problems(self, problems: list[str]) -> None:
        self.problems_label.setText("\n".join(problems))
        self.problems_label.setVisible(bool(problems))
        self.problems_icon.setVisible(bool(problems))

    # ---- handlers -----------------------------------------------------------------------------
    @Slot()
    def on_open_folder_clicked(self) -> None:
        self.open_url(QUrl.fromLocalFile(str(self.output_folder())))

    def is_busy(self) -> bool:
        return self._task is not None

    def accept(self) -> None:
        if self._written:  # the export is done: "Close" was pressed
            super().accept()
            return
        if self._task is not None or not self.ok_button.isEnabled():
            return
        # unnamed speakers ("Speaker 2") are said in the export language
        transcript = wording.say_default_names(copy.deepcopy(self._transcript), self.language)
        self._start(transcript, self.targets(), self.options())

    def reject(self) -> None:
        if self._task is not None:  # stop after the file being written, then close
            self._closing = True
            self._task.cancel()
            self.cancel_button.setEnabled(False)
            return
        if self._written:
            super().accept()  # files were written: the choices are worth remembering
            return
        super().reject()

    def _start(
        self, transcript: Transcript, targets: list[tuple[str, Path]], options: ExportOptions
    ) -> None:
        self._set_busy(True)
        self.progress.setRange(0, len(targets))
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("Writing %v of %m…"))
        self._task = write_exports(
            transcript,
            targets,
            options,
            self._on_finished,
            self._on_failed,
            self._on_progressed,
            replace=self.replace_radio.isChecked(),
            parent=self,
        )

    def _set_busy(self, busy: bool) -> None:
        for widget in (
            self.document_group,
            self.subtitle_group,
            self.folder_edit,
            self.browse_button,
            self.name_edit,
            self.new_names_radio,
            self.replace_radio,
            *self.format_checks.values(),
        ):
            widget.setEnabled(not busy)
        if not busy:
            self.speaker_names_check.setEnabled(
                reads_any(self.chosen_formats(), {"speaker_prefix"})
            )
        self.ok_button.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.result_label.setVisible(False)

    @Slot(int, int)
    def _on_progressed(self, done: int, _total: int) -> None:
        self.progress.setValue(done)

    @Slot(list)
    def _on_finished(self, paths: list[Path]) -> None:
        self._task = None
        if self._closing:
            if paths:
                self._written = paths
                self.exported.emit(paths)
                super().accept()
            else:
                super().reject()
            return
        self._written = paths
        self.progress.setVisible(False)
        self.output.show_existing([])  # the hint spoke of files before this export: gone now
        self.result_label.setText(
            self.tr("Wrote %n file(s) to “{folder}”.", "", len(paths)).format(
                folder=self.output_folder()
            )
        )
        self.result_label.setVisible(True)
        self.ok_button.setVisible(False)
        self.cancel_button.setText(self.tr("&Close"))
        self.cancel_button.setEnabled(True)
        self.open_folder_button.setVisible(True)
        self.open_folder_button.setDefault(True)
        self.open_folder_button.setFocus()
        self.exported.emit(paths)

    @Slot(str, str)
    def _on_failed(self, path: str, reason: str) -> None:
        self._task = None
        self._closing = False
        self._set_busy(False)
        self.cancel_button.setEnabled(True)
        if reason:
            sentence = self.tr(
                "Could not write “{name}” in “{folder}” ({reason}). Choose another folder and "
                "export again."
            ).format(name=Path(path).name, folder=Path(path).parent, reason=reason)
        else:
            sentence = self.tr(
                "The export failed unexpectedly. Try again; the log file has the details."
            )
        self._revalidate()
        self._show_problems([*self.problems(), sentence])
