"""Export the open transcript (edited text, current speaker names) to the formats ticked.

The files are written off the GUI thread (``workers.export_files_task``); the dialog stays open to
show progress, a failure sentence (and lets the user pick another folder), or "Open folder".
"""

from __future__ import annotations

import copy
import logging
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import (
    Qt,
    QThreadPool,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from kzdesk import export
from kzdesk.core.transcript import Transcript
from kzdesk.export import FORMATS, ExportLabels, ExportOptions
from kzdesk.ui.dialogs import form_helpers as ui
from kzdesk.ui.messages import translate_message
from kzdesk.workers.export_files_task import ExportFilesTask

log = logging.getLogger(__name__)

DOCUMENT_FORMATS = ("docx", "txt")
SUBTITLE_FORMATS = ("srt", "vtt")
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')


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
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self._transcript = transcript
        self._task: ExportFilesTask | None = None
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
            self.line_chars_spin.valueChanged,
            self.lines_spin.valueChanged,
            self.cps_spin.valueChanged,
            self.min_cue_spin.valueChanged,
            self.max_cue_spin.valueChanged,
            self.folder_edit.textChanged,
            self.name_edit.textChanged,
            self.overwrite_check.toggled,
        ):
            signal.connect(self._revalidate)
        self._revalidate()

    # ---- building ---------------------------------------------------------------------------
    def _build_formats_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Formats"))
        row = QHBoxLayout(group)
        names = {
            "docx": self.tr("&Word (.docx)"),
            "srt": self.tr("S&RT subtitles"),
            "vtt": self.tr("&VTT subtitles"),
            "txt": self.tr("Plain te&xt"),
            "json": self.tr("JSO&N"),
            "rttm": self.tr("RTT&M speaker turns"),
        }
        self.format_checks: dict[str, QCheckBox] = {}
        for fmt in FORMATS:
            check = QCheckBox(names.get(fmt, fmt))
            check.setObjectName(f"format_{fmt}")
            self.format_checks[fmt] = check
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
        form = ui.form(self.subtitle_group)
        self.speaker_names_check = QCheckBox(self.tr("Speaker &names on SRT cues"))
        self.speaker_names_check.setToolTip(
            self.tr(
                "Puts “Name:” before the first cue of each speaker's turn. VTT files always "
                "carry the speaker as a voice tag."
            )
        )
        self.line_chars_spin = QSpinBox()
        self.line_chars_spin.setRange(4, 120)
        self.lines_spin = QSpinBox()
        self.lines_spin.setRange(1, 5)
        self.cps_spin = QDoubleSpinBox()
        self.cps_spin.setRange(1.0, 60.0)
        self.cps_spin.setDecimals(1)
        self.cps_spin.setSingleStep(1.0)
        self.min_cue_spin = self._seconds_spin(0.1, 30.0)
        self.max_cue_spin = self._seconds_spin(0.5, 60.0)
        form.addRow(self.speaker_names_check)
        form.addRow(
            ui.buddy(self.tr("Characters per &line:"), self.line_chars_spin), self.line_chars_spin
        )
        form.addRow(ui.buddy(self.tr("Lines per c&ue:"), self.lines_spin), self.lines_spin)
        form.addRow(
            ui.buddy(self.tr("Reading &speed (characters per second):"), self.cps_spin),
            self.cps_spin,
        )
        form.addRow(
            ui.buddy(self.tr("Shortest cue:"), self.min_cue_spin),
            self.min_cue_spin,
        )
        form.addRow(
            ui.buddy(self.tr("Longest cue:"), self.max_cue_spin),
            self.max_cue_spin,
        )
        return self.subtitle_group

    def _seconds_spin(self, low: float, high: float) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(low, high)
        spin.setDecimals(1)
        spin.setSingleStep(0.5)
        spin.setSuffix(self.tr(" s"))
        return spin

    def _build_output_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Output"))
        form = ui.form(group)
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
        self.overwrite_check = QCheckBox(self.tr("&Replace the existing files"))
        form.addRow("", self.exists_label)
        form.addRow("", self.overwrite_check)
        return group

    def _load(
        self,
        options: ExportOptions,
        formats: Iterable[str] | None,
        folder: Path,
        base_name: str,
    ) -> None:
        chosen = {export.options.normalize_format(f) for f in formats} if formats else {"docx"}
        for fmt, check in self.format_checks.items():
            check.setChecked(fmt in chosen)
        self.timestamps_check.setChecked(options.timestamps)
        self.merge_check.setChecked(options.merge_turns)
        self.speaker_names_check.setChecked(options.speaker_prefix)
        self.line_chars_spin.setValue(options.max_line_chars)
        self.lines_spin.setValue(options.max_lines)
        self.cps_spin.setValue(options.max_cps)
        self.min_cue_spin.setValue(options.min_cue_ms / 1000)
        self.max_cue_spin.setValue(options.max_cue_ms / 1000)
        self.folder_edit.setText(str(folder))
        self.name_edit.setText(base_name)

    # ---- what the user chose ------------------------------------------------------------------
    def chosen_formats(self) -> list[str]:
        return [fmt for fmt in FORMATS if self.format_checks[fmt].isChecked()]

    def output_folder(self) -> Path:
        return Path(self.folder_edit.text().strip()).expanduser()

    def base_name(self) -> str:
        return self.name_edit.text().strip()

    def targets(self) -> list[tuple[str, Path]]:
        folder, name = self.output_folder(), self.base_name()
        return [(fmt, folder / f"{name}.{fmt}") for fmt in self.chosen_formats()]

    def options(self) -> ExportOptions:
        """The options shown; raises ValueError (a sentence) for an invalid combination."""
        return ExportOptions(
            timestamps=self.timestamps_check.isChecked(),
            merge_turns=self.merge_check.isChecked(),
            speaker_prefix=self.speaker_names_check.isChecked(),
            max_line_chars=self.line_chars_spin.value(),
            max_lines=self.lines_spin.value(),
            max_cps=self.cps_spin.value(),
            min_cue_ms=round(self.min_cue_spin.value() * 1000),
            max_cue_ms=round(self.max_cue_spin.value() * 1000),
            labels=ExportLabels(
                source=self.tr("Source file"),
                date=self.tr("Date"),
                duration=self.tr("Duration"),
                speakers=self.tr("Speakers"),
            ),
        )

    def existing_files(self) -> list[Path]:
        return [path for _, path in self.targets() if path.exists()]

    def problems(self) -> list[str]:
        problems = []
        formats = self.chosen_formats()
        if not formats:
            problems.append(self.tr("Tick at least one format."))
        if any(f in SUBTITLE_FORMATS for f in formats):
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
        elif _FORBIDDEN.search(name):
            problems.append(self.tr('A file name cannot hold any of these: < > : " / \\ | ? *'))
        return problems

    # ---- validation ---------------------------------------------------------------------------
    @Slot()
    def _revalidate(self) -> None:
        formats = set(self.chosen_formats())
        self.document_group.setVisible(bool(formats & set(DOCUMENT_FORMATS)))
        self.subtitle_group.setVisible(bool(formats & set(SUBTITLE_FORMATS)))
        self.speaker_names_check.setEnabled("srt" in formats)
        problems = self.problems()
        name, folder = self.base_name(), self.output_folder()
        named = bool(name) and not _FORBIDDEN.search(name) and self.folder_edit.text().strip()
        targets = self.targets() if named and not folder.is_file() else []
        self.files_label.setText("\n".join(path.name for _, path in targets) or "–")
        self.files_label.setToolTip(str(self.output_folder()))
        existing = self.existing_files() if targets else []
        self.exists_label.setText(
            self.tr("Already in the folder: {0}. They will be replaced only if you say so.").format(
                ", ".join(path.name for path in existing)
            )
        )
        self.exists_label.setVisible(bool(existing))
        self.overwrite_check.setVisible(bool(existing))
        self._show_problems(problems)
        self.ok_button.setEnabled(
            not problems and (not existing or self.overwrite_check.isChecked())
        )
        if self.isVisible():
            self.adjustSize()

    def _show_problems(self, problems: list[str]) -> None:
        self.problems_label.setText("\n".join(problems))
        self.problems_label.setVisible(bool(problems))
        self.problems_icon.setVisible(bool(problems))

    # ---- handlers -----------------------------------------------------------------------------
    @Slot()
    def on_browse_clicked(self) -> None:
        start = self.folder_edit.text().strip() or str(Path.home())
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the output folder"), start)
        if folder:
            self.folder_edit.setText(folder)

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
        self._start(copy.deepcopy(self._transcript), self.targets(), self.options())

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
        task = ExportFilesTask(transcript, targets, options)
        task.signals.progressed.connect(self._on_progressed)
        task.signals.finished.connect(self._on_finished)
        task.signals.failed.connect(self._on_failed)
        self._task = task
        QThreadPool.globalInstance().start(task)

    def _set_busy(self, busy: bool) -> None:
        for widget in (
            self.document_group,
            self.subtitle_group,
            self.folder_edit,
            self.browse_button,
            self.name_edit,
            self.overwrite_check,
            *self.format_checks.values(),
        ):
            widget.setEnabled(not busy)
        if not busy:
            self.speaker_names_check.setEnabled("srt" in self.chosen_formats())
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
