"""The editor window as its parts see it, and its actions and menus.

The menus' builder (``editor_menus``), the segment edits, Find speakers again and proofreading
are handed the window and use what :class:`EditorHost` names; none of them imports
``editor_window`` (which builds them), so each can be read and tested on its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenuBar, QStatusBar, QToolButton, QWidget

    from kzdesk.services.playback_source import PlaybackChoice
    from kzdesk.ui.editor.edit_session import EditCommand, EditSession
    from kzdesk.ui.editor.find_bar import FindBar
    from kzdesk.ui.editor.player import Player
    from kzdesk.ui.editor.player_bar import PlayerBar
    from kzdesk.ui.editor.segment_model import SegmentTableModel
    from kzdesk.ui.editor.segment_view import SegmentView
    from kzdesk.ui.editor.speakers_panel import SpeakersPanel
    from kzdesk.ui.editor.timeline import TimelineWidget


@dataclass(frozen=True)
class EditorActions:
    undo: QAction  # its text says what will be undone
    redo: QAction
    export: QAction
    close: QAction
    edit_text: QAction
    split: QAction
    merge: QAction
    delete: QAction
    start_earlier: QAction
    start_later: QAction
    end_earlier: QAction
    end_later: QAction
    find: QAction
    replace: QAction
    find_next: QAction
    find_previous: QAction
    play_segment: QAction
    languages: tuple[QAction, ...]  # the segment is in Kazakh, in Russian, in another language
    give: tuple[QAction, ...]  # Ctrl+1 … Ctrl+9: the segment to speaker n (named after them)


@dataclass(frozen=True)
class EditorMenus:
    playback: QMenu  # proofreading adds Loop current segment
    give: QMenu  # Give segment to: the speakers' actions (EditorWindow.update_speaker_actions)


class OpenedWith(Protocol):
    """What the window was opened with (``EditorInputs``), as far as its parts read it."""

    playback: PlaybackChoice


class HasAction(Protocol):
    action: QAction


class HasActions(Protocol):
    actions: tuple[QAction, ...]


class Edits(Protocol):
    """The window's edits of its current segment, as the menus and proofreading call them."""

    def push(self, command: EditCommand) -> bool: ...
    def commit_open_editor(self) -> None: ...
    def undo(self) -> None: ...
    def redo(self) -> None: ...
    def edit_current(self) -> None: ...
    def split_current(self) -> None: ...
    def merge_current(self) -> None: ...
    def delete_current(self) -> None: ...
    def nudge(self, start_delta: int, end_delta: int) -> None: ...
    def play_current(self) -> None: ...
    def give_to_speaker(self, n: int) -> None: ...
    def mark_current_language(self, language: str | None) -> None: ...
    def current_id(self) -> int | None: ...


class EditorHost(Protocol):
    """An editor window (also the QObject parent of the parts it is handed to)."""

    session: EditSession
    inputs: OpenedWith
    view: SegmentView
    model: SegmentTableModel
    edits: Edits  # the edits of the current segment (``segment_edits.SegmentEdits``)
    player: Player
    player_bar: PlayerBar
    timeline: TimelineWidget
    speakers: SpeakersPanel
    find_bar: FindBar
    find_again: HasAction  # its "Find speakers again…" action
    phrase_again: HasActions  # "Recognise again in Kazakh / Russian"
    export_button: QToolButton
    menu_actions: EditorActions
    menus: EditorMenus

    # QMainWindow's own
    def addAction(self, action: QAction) -> None: ...
    def menuBar(self) -> QMenuBar: ...
    def statusBar(self) -> QStatusBar: ...
    def close(self) -> bool: ...
    def focusWidget(self) -> QWidget | None: ...

    # what the window does (its edits of the current segment are ``edits``)
    def show_status(self, message: str) -> None: ...
    def update_speaker_actions(self) -> None: ...
    def open_export(self) -> object: ...
