"""Speakers ▸ Find speakers again…: diarize the recording anew from the editor.

The user picks automatic, an exact count or a range; the diarization runs in the background
(``workers.find_speakers_task``); the result replaces the transcript's speakers as ONE undoable
command that also swaps the saved voices and the overlap marks, so undo brings everything back.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kzdesk.core.transcript import Change, Transcript
from kzdesk.core.voices import SpeakerVoice
from kzdesk.services.known_voices import KnownVoices
from kzdesk.services.playback_source import PlaybackSource, readable
from kzdesk.services.speakers_again import DiarizationOptions, FoundAgain, find_speakers_again
from kzdesk.ui.editor.edit_session import EditCommand, EditSession
from kzdesk.workers.background import Task
from kzdesk.workers.find_speakers_task import find_speakers

if TYPE_CHECKING:
    from kzdesk.ui.editor.host import EditorHost


class FindSpeakersDialog(QDialog):
    """How many people: automatic (1-8), exactly N, or between A and B."""

    def __init__(self, current_count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Find speakers again"))
        note = QLabel(
            self.tr(
                "kzdesk listens to the recording again and gives every phrase its speaker. "
                "Names you gave stay with the voices they belong to. Undo brings the current "
                "speakers back."
            )
        )
        note.setWordWrap(True)
        self.auto = QRadioButton(self.tr("&Automatic"))
        self.exact = QRadioButton(self.tr("&Exactly"))
        self.between = QRadioButton(self.tr("&Between"))
        self.count = self._spin(max(current_count, 2))
        self.low = self._spin(2)
        self.high = self._spin(max(4, current_count))
        group = QButtonGroup(self)
        for button in (self.auto, self.exact, self.between):
            group.addButton(button)
        self.auto.setChecked(True)
        grid = QGridLayout()
        grid.addWidget(self.auto, 0, 0)
        grid.addWidget(self.exact, 1, 0)
        grid.addWidget(self.count, 1, 1)
        grid.addWidget(QLabel(self.tr("people")), 1, 2)
        grid.addWidget(self.between, 2, 0)
        grid.addWidget(self.low, 2, 1)
        grid.addWidget(QLabel(self.tr("and")), 2, 2)
        grid.addWidget(self.high, 2, 3)
        grid.addWidget(QLabel(self.tr("people")), 2, 4)
        self.count.valueChanged.connect(lambda _v: self.exact.setChecked(True))
        self.low.valueChanged.connect(self._low_changed)
        self.high.valueChanged.connect(self._high_changed)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Find speakers"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(grid)
        layout.addWidget(buttons)

    @staticmethod
    def _spin(value: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(1, 20)
        spin.setValue(value)
        return spin

    def _low_changed(self, value: int) -> None:
        self.between.setChecked(True)
        self.high.setValue(max(self.high.value(), value))

    def _high_changed(self, value: int) -> None:
        self.between.setChecked(True)
        self.low.setValue(min(self.low.value(), value))

    def options(self) -> DiarizationOptions:
        if self.exact.isChecked():
            return DiarizationOptions(num_speakers=self.count.value())
        if self.between.isChecked():
            return DiarizationOptions(min_speakers=self.low.value(), max_speakers=self.high.value())
        return DiarizationOptions()


class FindSpeakersAgainCommand(EditCommand):
    """The new speakers as one undo step: segments and speakers (a core Change), the saved
    voices and the overlap marks."""

    def __init__(
        self,
        session: EditSession,
        found: FoundAgain,
        old_voices: list[SpeakerVoice],
        on_swapped: Callable[[], None],
    ) -> None:
        super().__init__(session, QCoreApplication.translate("EditCommands", "Find speakers again"))
        self.found = found
        self.old_voices = old_voices
        self.old_overlaps = list(session.transcript.overlaps)
        self.on_swapped = on_swapped

    def perform(self, transcript: Transcript) -> Change:
        return transcript.replace_with(self.found.transcript)

    def _keep(self, voices: list[SpeakerVoice], overlaps: list[tuple[int, int]]) -> None:
        self.session.transcripts.replace_speakers_found(
            self.session.transcript_id, voices, overlaps
        )
        self.session.transcript.overlaps = list(overlaps)

    def redo(self) -> None:
        self._keep(self.found.voices, self.found.transcript.overlaps)
        super().redo()
        self.on_swapped()

    def undo(self) -> None:
        self._keep(self.old_voices, self.old_overlaps)
        super().undo()
        self.on_swapped()


def recording_for(transcript: Transcript, playback: PlaybackSource | None) -> str | None:
    """The recording to listen to: the original, else the one converted file the editor
    plays; None when neither can be read."""
    if readable(transcript.source_path):
        return transcript.source_path
    if playback is not None and len(playback.pieces) == 1 and readable(playback.pieces[0].path):
        return str(playback.pieces[0].path)
    return None


class FindSpeakersRunner(QObject):
    """Starts one background search at a time and turns its result into the command."""

    progressed = Signal(float)
    failed = Signal(str)
    found = Signal(object)  # FoundAgain

    def __init__(
        self, session: EditSession, voices: KnownVoices, pool: QThreadPool, parent: QObject
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.voices = voices
        self.pool = pool
        self.task: Task[FoundAgain] | None = None

    @property
    def running(self) -> bool:
        return self.task is not None

    def start(self, audio: str | Path, options: DiarizationOptions) -> Task[FoundAgain]:
        before = self.session.transcript
        old_voices = self.session.transcripts.voices(self.session.transcript_id)

        def work(progress: Callable[[float], None], cancelled: Callable[[], bool]) -> FoundAgain:
            return find_speakers_again(
                before,
                str(audio),
                options,
                old_voices=old_voices,
                profiles=self.voices,
                progress=progress,
                cancelled=cancelled,
            )

        self.task = find_speakers(
            work, self._finished, self._failed, self.progressed.emit, pool=self.pool, parent=self
        )
        return self.task

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.task = None

    def _finished(self, found: FoundAgain) -> None:
        self.task = None
        self.found.emit(found)

    def _failed(self, message: str) -> None:
        self.task = None
        self.failed.emit(message)


class FindSpeakersController(QObject):
    """The editor's "Find speakers again…" action: dialog, background run, one undo step."""

    def __init__(self, window: EditorHost) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.runner = FindSpeakersRunner(
            window.session, window.speakers.voices, QThreadPool.globalInstance(), self
        )
        self.action = QAction(self.tr("&Find speakers again…"), window)
        self.action.setToolTip(
            self.tr("Listen to the recording again and give every phrase its speaker")
        )
        self.action.triggered.connect(self.ask)
        self.runner.progressed.connect(self._progressed)
        self.runner.found.connect(self._found)
        self.runner.failed.connect(self._failed)

    def ask(self) -> FindSpeakersDialog:
        dialog = FindSpeakersDialog(len(self.session.transcript.speakers), self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.start(dialog.options()))
        dialog.open()
        return dialog

    def start(self, options: DiarizationOptions) -> bool:
        if self.runner.running:
            return False
        source = self.window.inputs.playback.source
        audio = recording_for(self.session.transcript, source)
        if audio is None:
            self.window.show_status(
                self.tr(
                    "The recording is not available any more, so its speakers cannot be found "
                    "again. Put the original file back where it was."
                )
            )
            return False
        self.window.edits.commit_open_editor()
        self.runner.start(audio, options)
        self.action.setEnabled(False)
        self.window.show_status(self.tr("Finding speakers…"))
        return True

    def cancel(self) -> None:
        self.runner.cancel()
        self.action.setEnabled(True)

    def _progressed(self, fraction: float) -> None:
        self.window.show_status(
            self.tr("Finding speakers… {percent}%").format(percent=round(100 * fraction))
        )

    def _found(self, found: FoundAgain) -> None:
        self.action.setEnabled(True)
        old = list(self.session.transcripts.voices(self.session.transcript_id).values())
        command = FindSpeakersAgainCommand(self.session, found, old, self._refresh)
        if self.window.edits.push(command):
            count = len(found.transcript.speakers)
            self.window.show_status(
                self.tr("Found %n speaker(s). Undo brings the previous speakers back.", "", count)
            )

    def _failed(self, message: str) -> None:
        self.action.setEnabled(True)
        self.window.show_status(message)

    def _refresh(self) -> None:
        self.window.speakers.model.reload()
        self.window.timeline.set_transcript(self.session.transcript)
        self.window.update_speaker_actions()
