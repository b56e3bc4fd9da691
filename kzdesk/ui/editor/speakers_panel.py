"""The editor's side panel: who speaks, how much, and the edits that concern a whole speaker.

Every edit goes through the session as one undoable command; the panel only says in
``status_reported`` what happened (the editor shows it in its status bar).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QInputDialog,
    QLabel,
    QListView,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kzdesk.core.transcript import TranscriptError
from kzdesk.services.known_voices import KnownVoices
from kzdesk.services.speakers import profile_store, save_voice
from kzdesk.ui.dialogs.voices_dialog import VoicesDialog
from kzdesk.ui.editor.edit_session import EditSession
from kzdesk.ui.editor.speaker_commands import AddSpeakerCommand, MergeSpeakersCommand
from kzdesk.ui.editor.speaker_list_delegate import SpeakerListDelegate
from kzdesk.ui.editor.speaker_model import (
    SpeakerIdRole,
    SpeakerListModel,
    sample_range,
)
from kzdesk.ui.icons import themed_icon


class SpeakersPanel(QWidget):
    speaker_activated = Signal(int)  # the selected speaker's id
    sample_requested = Signal(int, int)  # start_ms, end_ms: play this stretch
    status_reported = Signal(str)  # a sentence saying what the last action did

    def __init__(
        self,
        session: EditSession,
        parent: QWidget | None = None,
        *,
        voices: KnownVoices | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.model = SpeakerListModel(session, self)
        # known voices; by default those of the data folder that holds the transcript
        self.voices = voices or profile_store(session.transcripts.data_dir)
        # asks the name to save a voice under, given the speaker's name (tests replace it)
        self.ask_voice_name: Callable[[str], str | None] = self._ask_voice_name

        self.title = QLabel(self.tr("Speakers"))
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)

        self.view = QListView()
        self.view.setObjectName("speakerList")
        self.view.setModel(self.model)
        self.view.setItemDelegate(SpeakerListDelegate(self.view))
        self.view.setUniformItemSizes(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self.on_context_menu_requested)
        self.view.selectionModel().currentChanged.connect(self.on_current_changed)
        self.title.setBuddy(self.view)

        self._build_actions()
        self.sample_button = self._tool_button(self.sample_action)
        self.add_button = self._tool_button(self.add_action)
        self.merge_button = self._tool_button(self.merge_action)
        self.merge_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        for button in (self.sample_button, self.add_button, self.merge_button):
            layout.addWidget(button)

        for signal in (
            self.model.rowsInserted,
            self.model.rowsRemoved,
            self.model.modelReset,
            self.model.dataChanged,
        ):
            signal.connect(self._update_actions)
        self._update_actions()

    # ---- building ---------------------------------------------------------------------------
    def _build_actions(self) -> None:
        # F2 in the list renames the speaker even where the window binds F2 to something
        # else (the editor: edit the segment); elsewhere the shortcut is only shown in menus.
        self.rename_action = QAction(self.tr("&Rename speaker"), self)
        self.rename_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.rename_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.rename_action.triggered.connect(self.rename_current)
        self.view.installEventFilter(self)

        self.sample_action = QAction(self.tr("&Play a sample"), self)
        self.sample_action.setToolTip(self.tr("Play a few seconds of this speaker's voice"))
        self.sample_action.setIcon(themed_icon("play", self.palette()))  # light and dark
        self.sample_action.triggered.connect(self.play_sample)

        self.add_action = QAction(self.tr("&Add speaker"), self)
        self.add_action.setToolTip(self.tr("Add a speaker and type their name"))
        self.add_action.triggered.connect(self.add_speaker)

        self.confirm_action = QAction(self.tr("&Confirm name"), self)
        self.confirm_action.setToolTip(
            self.tr("The suggested name is right: keep it as this speaker's name")
        )
        self.confirm_action.triggered.connect(self.confirm_current)

        self.save_voice_action = QAction(self.tr("&Save voice as…"), self)
        self.save_voice_action.triggered.connect(self.save_current_voice)

        self.voices_action = QAction(self.tr("&Known voices…"), self)
        self.voices_action.setToolTip(self.tr("Rename or delete the voices saved on this computer"))
        self.voices_action.triggered.connect(self.show_known_voices)

        self.merge_menu = QMenu(self.tr("&Merge into"), self)
        self.merge_menu.aboutToShow.connect(self._fill_merge_menu)
        self.merge_action = self.merge_menu.menuAction()
        self.merge_action.setToolTip(
            self.tr("Give all phrases of this speaker to another one and remove this speaker")
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.view
            and event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_F2
            and not event.modifiers()
        ):
            event.accept()  # the view's own F2 (edit in place) wins over window shortcuts
            return True
        return super().eventFilter(watched, event)

    def _tool_button(self, action: QAction) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAutoRaise(True)
        return button

    @Slot()
    def _fill_merge_menu(self) -> None:
        self.merge_menu.clear()
        current = self.current_speaker_id()
        for row in range(self.model.rowCount()):
            speaker = self.model.speaker_at(row)
            if speaker.id == current:
                continue
            action = self.merge_menu.addAction(speaker.name)
            action.setData(speaker.id)
            action.triggered.connect(
                lambda _=False, keep=speaker.id: self.merge_into(keep)  # type: ignore[misc]
            )

    @Slot()
    def _update_actions(self) -> None:
        current = self.current_speaker_id()
        has_current = current is not None
        self.rename_action.setEnabled(has_current)
        self.merge_action.setEnabled(has_current and self.model.rowCount() > 1)
        self.sample_action.setEnabled(has_current and self.model.talk_ms(current) > 0)
        self.confirm_action.setEnabled(self.model.is_suggested(current))
        has_voice = self.model.voice(current) is not None
        self.save_voice_action.setEnabled(has_voice)
        if has_voice or not has_current:
            self.save_voice_action.setToolTip(
                self.tr("Keep this speaker's voice under their name, so new transcripts suggest it")
            )
        else:
            self.save_voice_action.setToolTip(
                self.tr(
                    "This speaker has no voice to save: only speakers found on this computer "
                    "(a number of people chosen for the file, or the offline engine) have one, "
                    "not SpeechKit's labels or channels."
                )
            )
        self.merge_menu.setTitle(
            self.tr("&Merge {name} into").format(name=self._name(current))
            if has_current
            else self.tr("&Merge into")
        )

    def _name(self, speaker_id: int | None) -> str:
        return self.session.transcript.speaker_name(speaker_id)

    # ---- selection --------------------------------------------------------------------------
    def current_speaker_id(self) -> int | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        value = index.data(SpeakerIdRole)
        return value if isinstance(value, int) else None

    def select_speaker(self, speaker_id: int) -> bool:
        row = self.model.row_of(speaker_id)
        if row is None:
            return False
        self.view.setCurrentIndex(self.model.index(row, 0))
        return True

    @Slot(QModelIndex, QModelIndex)
    def on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_actions()
        value = current.data(SpeakerIdRole) if current.isValid() else None
        if isinstance(value, int):
            self.speaker_activated.emit(value)

    @Slot(QPoint)
    def on_context_menu_requested(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if index.isValid():
            self.view.setCurrentIndex(index)
        self.context_menu().popup(self.view.viewport().mapToGlobal(pos))

    def context_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.setToolTipsVisible(True)  # says why "Save voice as…" is off
        menu.addAction(self.rename_action)
        if self.confirm_action.isEnabled():
            menu.addAction(self.confirm_action)
        menu.addAction(self.sample_action)
        menu.addAction(self.merge_action)
        menu.addSeparator()
        menu.addAction(self.save_voice_action)
        menu.addAction(self.voices_action)
        menu.addSeparator()
        menu.addAction(self.add_action)
        return menu

    # ---- actions ----------------------------------------------------------------------------
    @Slot()
    def rename_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.view.setFocus()
            self.view.edit(index)

    @Slot()
    def play_sample(self) -> None:
        current = self.current_speaker_id()
        if current is None:
            return
        stretch = sample_range(self.session.transcript, current)
        if stretch is None:
            self.status_reported.emit(
                self.tr("{name} has no phrases yet, so there is nothing to play.").format(
                    name=self._name(current)
                )
            )
            return
        self.sample_requested.emit(*stretch)

    @Slot()
    def add_speaker(self) -> int | None:
        """Add a speaker, select it and start typing its name; the new id."""
        # numbered like new transcripts' speakers, in the interface language ("Сөйлеуші 4")
        number = len(self.session.transcript.speakers) + 1
        name = QCoreApplication.translate("Exports", "Speaker {number}").format(number=number)
        try:
            change = self.session.push(AddSpeakerCommand(self.session, name))
        except TranscriptError:
            return None
        added = change.speakers_after
        if not added:
            return None
        speaker_id = added[0].id
        self.select_speaker(speaker_id)
        self.rename_current()
        self.status_reported.emit(
            self.tr("Added {name}. Type a name, then press Enter.").format(name=added[0].name)
        )
        return speaker_id

    def merge_into(self, keep_id: int, remove_id: int | None = None) -> bool:
        """Give every segment of ``remove_id`` (the selected speaker by default) to ``keep_id``
        and remove that speaker: one undoable step."""
        if remove_id is None:
            remove_id = self.current_speaker_id()
        if remove_id is None:
            return False
        removed, kept = self._name(remove_id), self._name(keep_id)
        try:
            change = self.session.push(MergeSpeakersCommand(self.session, keep_id, remove_id))
        except TranscriptError:
            self.status_reported.emit(
                self.tr("{removed} could not be merged into {kept}.").format(
                    removed=removed, kept=kept
                )
            )
            return False
        self.select_speaker(keep_id)
        moved = len(change.segments)
        self.status_reported.emit(
            self.tr(
                "Merged {removed} into {kept}: %n phrase(s) moved. Undo brings them back.",
                "",
                moved,
            ).format(removed=removed, kept=kept)
        )
        return True

    # ---- voices -----------------------------------------------------------------------------
    @Slot()
    def confirm_current(self) -> None:
        current = self.current_speaker_id()
        if current is None or not self.model.is_suggested(current):
            return
        self.model.confirm(current)
        self._update_actions()
        self.status_reported.emit(self.tr("{name} confirmed.").format(name=self._name(current)))

    def _ask_voice_name(self, name: str) -> str | None:
        text, ok = QInputDialog.getText(
            self,
            self.tr("Save voice"),
            self.tr("Save this voice as:"),
            text=name,
        )
        return text if ok else None

    @Slot()
    def save_current_voice(self) -> bool:
        """Keep the selected speaker's voice as a known voice under the name the user gives."""
        current = self.current_speaker_id()
        voice = self.model.voice(current)
        if current is None or voice is None:
            return False
        name = (self.ask_voice_name(self._name(current)) or "").strip()
        if not name:
            return False
        try:
            save_voice(self.voices, voice, name)
        except (OSError, ValueError):
            self.status_reported.emit(
                self.tr("The voice could not be saved. Check that the data folder is writable.")
            )
            return False
        self.model.confirm(current)
        self._update_actions()
        self.status_reported.emit(
            self.tr("Saved the voice of {name}. New transcripts will suggest this name.").format(
                name=name
            )
        )
        return True

    @Slot()
    def show_known_voices(self) -> VoicesDialog:
        dialog = VoicesDialog(self.voices, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
