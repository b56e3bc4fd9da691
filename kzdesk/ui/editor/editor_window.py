"""The transcript editor: listen and correct one transcript in its own window.

Composition only: the segment list (model + view + delegates), the player and its bar, the
timeline strip, the speakers panel and the find bar are separate widgets; this window connects
their signals and owns the menus; its edits of the current segment (``segment_edits``) push
undoable commands on the session, which saves each applied change to SQLite at once.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QThreadPool, QTime, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kzdesk.core.transcript import Segment
from kzdesk.export import FORMATS
from kzdesk.services.playback_source import PlaybackChoice
from kzdesk.services.transcripts import TranscriptService
from kzdesk.ui.dialogs.export_dialog import ExportDialog
from kzdesk.ui.editor import editor_menus, editor_state
from kzdesk.ui.editor.edit_session import EditSession
from kzdesk.ui.editor.find_again import FindSpeakersController
from kzdesk.ui.editor.find_bar import FindBar
from kzdesk.ui.editor.phrase_again import EngineMaker, PhraseAgainController
from kzdesk.ui.editor.player import Player
from kzdesk.ui.editor.player_bar import PlayerBar
from kzdesk.ui.editor.proofreading import Proofreading, ProofreadingOptions
from kzdesk.ui.editor.segment_edits import SegmentEdits
from kzdesk.ui.editor.segment_language import language_name
from kzdesk.ui.editor.segment_model import SegmentTableModel
from kzdesk.ui.editor.segment_view import SegmentView
from kzdesk.ui.editor.speakers_panel import SpeakersPanel
from kzdesk.ui.editor.timeline import TimelineWidget
from kzdesk.ui.messages import translate_message
from kzdesk.workers.background import Task
from kzdesk.workers.spelling_worker import SpellingWorker
from kzdesk.workers.waveform_task import compute_peaks

log = logging.getLogger(__name__)


@dataclass
class EditorInputs:
    """What the editor needs besides the database: built by whoever opens it."""

    transcript_id: int
    title: str
    playback: PlaybackChoice
    waveform_cache: Path | None = None  # folder for cached peaks; None: no waveform
    export_folder: Path = field(default_factory=Path.home)
    export_language: str = "en"  # of the words exports get (labels, unnamed speakers)
    subtitle_rules: dict[str, int | float] | None = None  # Settings' rules; None: remembered
    proofreading: ProofreadingOptions = field(default_factory=ProofreadingOptions)
    spelling: SpellingWorker | None = None  # shared by the windows; None: no spelling
    # the offline engine that hears a phrase again in another language; None: not offered
    phrase_engine: EngineMaker | None = None


def _moves_turns(before: Segment | None, after: Segment | None) -> bool:
    if before is None or after is None:
        return True
    return (before.start_ms, before.end_ms, before.speaker_id) != (
        after.start_ms,
        after.end_ms,
        after.speaker_id,
    )


class EditorWindow(QMainWindow):
    closed = Signal(int)  # transcript id

    def __init__(
        self,
        transcripts: TranscriptService,
        inputs: EditorInputs,
        *,
        ui_state: QSettings | None = None,
        pool: QThreadPool | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.inputs = inputs
        self.ui_state = ui_state if ui_state is not None else QSettings()
        self.pool = pool if pool is not None else QThreadPool.globalInstance()
        self.session = EditSession(transcripts, inputs.transcript_id, parent=self)
        self._waveform_task: Task[object] | None = None

        self.edits = SegmentEdits(self)
        t = self.session.transcript
        self.model = SegmentTableModel(
            t,
            self.edits.edit_text,
            self,
            edit_speaker=self.edits.edit_speaker,
            edit_language=self.edits.set_language,
            language_name=language_name,
        )
        self.view = SegmentView()
        self.view.setModel(self.model)
        self.player = Player(self)
        self.player_bar = PlayerBar(self.player)
        self.timeline = TimelineWidget()
        self.timeline.set_transcript(t)
        self.timeline.set_duration(t.duration_ms)
        self.speakers = SpeakersPanel(self.session)
        self.find_bar = FindBar(self.session)
        self.find_bar.hide()
        self.saved_label = QLabel()
        self.status_label = QLabel()
        self._status_timer = QTimer(self, singleShot=True, interval=12_000)
        self._status_timer.timeout.connect(self.status_label.clear)

        self.find_again = FindSpeakersController(self)
        self.phrase_again = PhraseAgainController(self, inputs.phrase_engine)
        self._build_layout()
        self.menu_actions = editor_menus.build_actions(self)
        self.menus = editor_menus.build_menus(self, self.menu_actions)
        self.update_speaker_actions()
        self._connect()
        self.proofreading = Proofreading(self, inputs.proofreading, inputs.spelling)
        self._update_title()
        self._restore_state()
        self._load_audio()
        if t.segments:
            self.view.setCurrentIndex(self.model.index(0, 2))

    # ---- building -------------------------------------------------------------------------
    def _build_layout(self) -> None:
        self.export_button = QToolButton()
        self.export_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.player_bar.add_trailing_widget(self.export_button)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.speakers)
        self.splitter.addWidget(self.view)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([220, 780])
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.setSpacing(4)
        layout.addWidget(self.player_bar)
        layout.addWidget(self.timeline)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.find_bar)
        self.setCentralWidget(central)
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.saved_label)

    def _connect(self) -> None:
        s = self.session
        s.changed.connect(self._on_changed)
        s.saved.connect(self._on_saved)
        s.save_failed.connect(self._on_save_failed)
        self.player.position_changed.connect(self._on_position)
        self.player.failed.connect(self.show_status)
        self.player.duration_changed.connect(self._on_duration)
        # F2 edits the segment text window-wide (and still renames inside the speaker list)
        self.speakers.rename_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.speakers.rename_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.player_bar.follow_changed.connect(self.view.set_follow)
        self.view.set_follow(self.player_bar.is_following())
        self.timeline.seek_requested.connect(self.player.seek)
        self.view.seek_requested.connect(self.player.seek)
        self.view.current_segment_changed.connect(self._on_current_segment)
        self.view.text_delegate.split_requested.connect(self.edits.split)
        self.speakers.sample_requested.connect(self.player.play_range)
        self.speakers.status_reported.connect(self.show_status)
        self.find_bar.current_match_changed.connect(self._on_match)
        self.find_bar.matches_changed.connect(self._show_current_match)
        self.find_bar.closed.connect(self.view.setFocus)
        self.view.text_delegate.matches_of = self.find_bar.matches_in

    # ---- audio ----------------------------------------------------------------------------
    def _load_audio(self) -> None:
        choice = self.inputs.playback
        self.player.load(choice.source, translate_message(choice.message))
        if choice.message:
            self.show_status(choice.message)
        source = choice.source
        if source is None or self.inputs.waveform_cache is None:
            self.timeline.set_waveform_unavailable(
                self.tr("No waveform: the recording cannot be read.")
            )
            return
        done, failed = self.timeline.set_peaks, self._on_waveform_failed
        cache = self.inputs.waveform_cache
        self._waveform_task = compute_peaks(
            source, cache, done, failed, pool=self.pool, parent=self
        )

    def _on_waveform_failed(self, message: str) -> None:
        self.timeline.set_waveform_unavailable(translate_message(message))

    def _on_position(self, ms: int) -> None:
        self.model.set_current_position(ms)
        self.timeline.set_position(ms)
        self.view.follow_current()

    def _on_duration(self, ms: int) -> None:
        if ms > 0 and not self.session.transcript.duration_ms:
            self.timeline.set_duration(ms)

    # ---- reactions ------------------------------------------------------------------------
    def _on_changed(self, change) -> None:  # type: ignore[no-untyped-def]
        self.model.refresh_rows(change)
        if change.speakers or any(_moves_turns(b, a) for b, a in change.segments):
            # the strip shows times and speakers only: a text edit leaves it as it is
            self.timeline.set_transcript(self.session.transcript)
        if change.speakers:
            self.update_speaker_actions()
            self.view.fit_speaker_column()  # a renamed speaker may need more room

    def _on_saved(self) -> None:
        self.saved_label.setText(
            self.tr("Saved {time}").format(time=QTime.currentTime().toString("HH:mm:ss"))
        )
        self._update_title()

    def _on_save_failed(self, message: str) -> None:
        self.saved_label.setText(self.tr("Not saved"))
        self.show_status(message)
        self._update_title()

    def _on_current_segment(self, seg) -> None:  # type: ignore[no-untyped-def]
        self.find_bar.set_anchor(seg.id if seg is not None else None)

    def _on_match(self, match) -> None:  # type: ignore[no-untyped-def]
        if match is not None:
            self.view.select_segment(match.segment_id)
        self._show_current_match()

    def _show_current_match(self) -> None:
        """Paint the find bar's current match where it is now (an edit may have moved it)."""
        match = self.find_bar.current_match()
        self.view.text_delegate.current_match = (
            None if match is None else (match.segment_id, match.start, match.end)
        )
        self.view.viewport().update()

    def _update_title(self) -> None:
        title = self.inputs.title or self.session.transcript.title
        state = self.tr("saved") if self.session.is_saved else self.tr("NOT SAVED")
        self.setWindowTitle(self.tr("{title} — {state} — kzdesk").format(title=title, state=state))

    def update_speaker_actions(self) -> None:
        self.menus.give.clear()
        speakers = self.session.transcript.speakers
        for n, action in enumerate(self.menu_actions.give, start=1):
            action.setEnabled(n <= len(speakers))
            if n <= len(speakers):
                action.setText(speakers[n - 1].name)
                self.menus.give.addAction(action)

    def show_status(self, message: str) -> None:
        message = translate_message(message)
        self.status_label.setText(message)
        self.status_label.setToolTip(message)
        self._status_timer.start()  # a window-owned timer: it dies with the window

    # ---- export ---------------------------------------------------------------------------
    def open_export(self) -> ExportDialog:
        state = editor_state.load_export(self.ui_state)
        folder = state.folder if state.folder and Path(state.folder).is_dir() else None
        options = state.options
        if self.inputs.subtitle_rules:  # the rules live in Settings; the dialog adjusts them
            options = dataclasses.replace(options, **self.inputs.subtitle_rules)  # type: ignore[arg-type]
        dialog = ExportDialog(
            self.session.transcript,
            output_folder=folder or self.inputs.export_folder,
            base_name=self.inputs.title or None,
            options=options,
            formats=state.formats or FORMATS[:2],
            parent=self,
            language=self.inputs.export_language,
        )
        dialog.exported.connect(lambda paths, d=dialog: self._on_exported(d, paths))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _on_exported(self, dialog: ExportDialog, paths: list) -> None:  # type: ignore[type-arg]
        editor_state.save_export(
            self.ui_state, dialog.chosen_formats(), dialog.options(), str(dialog.output_folder())
        )
        self.show_status(self.tr("Exported %n file(s).", "", len(paths)))

    # ---- window state ---------------------------------------------------------------------
    def _restore_state(self) -> None:
        editor_state.restore_window(self.ui_state, self, self.splitter)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.edits.commit_open_editor()  # what was being typed is saved, never dropped
        if not self.session.save_now() and not self._close_unsaved():
            event.ignore()
            return
        self.player.pause()
        self.find_again.cancel()
        self.phrase_again.cancel()
        if self._waveform_task is not None:
            self._waveform_task.cancel()
        editor_state.save_window(self.ui_state, self, self.splitter)
        self.closed.emit(self.inputs.transcript_id)
        super().closeEvent(event)

    def _close_unsaved(self) -> bool:
        """The last changes cannot be written: ask before closing loses them."""
        answer = QMessageBox.warning(
            self,
            self.tr("Changes not saved"),
            self.tr(
                "kzdesk cannot write the latest changes of this transcript to disk (the disk "
                "may be full or not available). If you close the window now, they are lost. "
                "Free some space and keep the window open to save them with the next change."
            ),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard
