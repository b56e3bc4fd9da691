"""The editor window's actions and menus (built once; the window owns the actions).

Every edit has a shortcut and a menu entry that shows it; the player's actions come from the
player bar, the speakers' from the speakers panel.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from kzdesk.ui.actions import Keys, make_action
from kzdesk.ui.text import fill

if TYPE_CHECKING:
    from kzdesk.ui.editor.editor_window import EditorWindow

NUDGE_MS = 100


def _action(window: EditorWindow, text: str, keys: Keys, slot: Callable[[], object]) -> QAction:
    """An action of the editor window: its shortcut works anywhere in that window."""
    action = make_action(window, text, keys, slot)
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    window.addAction(action)
    return action


def build_actions(window: EditorWindow) -> None:
    # Own actions rather than QUndoStack.createUndoAction: undo first saves what is being
    # typed (EditorWindow.undo), and the menu still says what will be undone.
    stack = window.session.undo_stack
    window.undo_action = _action(window, "", QKeySequence.StandardKey.Undo, window.undo)
    window.redo_action = _action(window, "", ["Ctrl+Shift+Z", "Ctrl+Y"], window.redo)

    def label(action: QAction, verb: str, verb_what: str, what: str, enabled: bool) -> None:
        if shiboken6.isValid(action):  # not while the window is being destroyed
            action.setText(fill(verb_what, what) if what else verb)
            action.setEnabled(enabled)

    def label_undo(*_: object) -> None:
        if shiboken6.isValid(stack):
            label(
                window.undo_action,
                QCoreApplication.translate("EditorWindow", "Undo"),
                QCoreApplication.translate("EditorWindow", "Undo %1"),
                stack.undoText(),
                stack.canUndo(),
            )

    def label_redo(*_: object) -> None:
        if shiboken6.isValid(stack):
            label(
                window.redo_action,
                QCoreApplication.translate("EditorWindow", "Redo"),
                QCoreApplication.translate("EditorWindow", "Redo %1"),
                stack.redoText(),
                stack.canRedo(),
            )

    stack.indexChanged.connect(label_undo)
    stack.indexChanged.connect(label_redo)
    stack.cleanChanged.connect(label_undo)
    label_undo()
    label_redo()
    window.export_action = _action(
        window, QCoreApplication.translate("EditorWindow", "Export…"), "Ctrl+E", window.open_export
    )
    window.export_button.setDefaultAction(window.export_action)
    window.close_action = _action(
        window,
        QCoreApplication.translate("EditorWindow", "Close"),
        QKeySequence.StandardKey.Close,
        window.close,
    )
    window.edit_text_action = _action(
        window,
        QCoreApplication.translate("EditorWindow", "Edit phrase text"),
        "F2",
        window.edit_current,
    )
    window.split_action = _action(
        window,
        QCoreApplication.translate("EditorWindow", "Split phrase at cursor"),
        ["Ctrl+Return", "Ctrl+Enter"],
        window.split_current,
    )
    window.merge_action = _action(
        window,
        QCoreApplication.translate("EditorWindow", "Merge with next phrase"),
        "Ctrl+M",
        window.merge_current,
    )
    window.delete_action = _action(
        window,
        QCoreApplication.translate("EditorWindow", "Delete phrase"),
        "Ctrl+Del",
        window.delete_current,
    )
    window.start_earlier_action = _action(
        window,
        QCoreApplication.translate("EditorWindow", "Start 0.1 s earlier"),
        "Ctrl+[",
        lambda: window.nudge(-NUDGE_MS, 0),
    )
    window.start_later_action = _action(
        window,
        QCoreApplication.translate("EditorWindow", "Start 0.1 s later"),
        "Ctrl+]",
        lambda: window.nudge(NUDGE_MS, 0),
    )
    window.end_earlier_action = _action(
        window,
        QCoreApplication.translate("EditorWindow", "End 0.1 s earlier"),
        "Ctrl+Alt+[",
        lambda: window.nudge(0, -NUDGE_MS),
    )
    window.end_later_action = _action(
        window,
        QCoreApplication.translate("EditorWindow", "End 0.1 s later"),
        "Ctrl+Alt+]",
        lambda: window.nudge(0, NUDGE_MS),
    )
    window.find_action = _action(
        window,
        QCoreApplication.translate("EditorWindow", "Find…"),
        QKeySequence.StandardKey.Find,
        window.find_bar.show_find,
    )
    window.replace_action = _action(
        window,
        QCoreApplication.translate("EditorWindow", "Replace…"),
        "Ctrl+H",
        window.find_bar.show_replace,
    )
    window.find_next_action = _action(
        window,
        QCoreApplication.translate("EditorWindow", "Find next"),
        "F3",
        window.find_bar.find_next,
    )
    window.find_previous_action = _action(
        window,
        QCoreApplication.translate("EditorWindow", "Find previous"),
        "Shift+F3",
        window.find_bar.find_previous,
    )
    window.play_phrase_action = _action(
        window,
        QCoreApplication.translate("EditorWindow", "Play from this phrase"),
        "Ctrl+P",
        window.play_current,
    )
    window.language_actions = [
        _action(
            window,
            QCoreApplication.translate("EditorWindow", "Kazakh"),
            "Ctrl+Alt+K",
            lambda: window.mark_current_language("kk"),
        ),
        _action(
            window,
            QCoreApplication.translate("EditorWindow", "Russian"),
            "Ctrl+Alt+R",
            lambda: window.mark_current_language("ru"),
        ),
        _action(
            window,
            QCoreApplication.translate("EditorWindow", "Other language…"),
            "Ctrl+Alt+L",
            lambda: window.mark_current_language(None),
        ),
    ]
    window.speaker_actions: list[QAction] = []
    for n in range(1, 10):
        action = _action(window, "", f"Ctrl+{n}", lambda _=False, n=n: window.give_to_speaker(n))
        window.speaker_actions.append(action)
    for action in window.player_bar.player_actions():
        window.addAction(action)


def build_menus(window: EditorWindow) -> None:
    bar = window.menuBar()
    file_menu = bar.addMenu(QCoreApplication.translate("EditorWindow", "&File"))
    file_menu.addAction(window.export_action)
    file_menu.addSeparator()
    file_menu.addAction(window.close_action)
    edit = bar.addMenu(QCoreApplication.translate("EditorWindow", "&Edit"))
    edit.addAction(window.undo_action)
    edit.addAction(window.redo_action)
    edit.addSeparator()
    for action in (
        window.edit_text_action,
        window.split_action,
        window.merge_action,
        window.delete_action,
    ):
        edit.addAction(action)
    timing = edit.addMenu(QCoreApplication.translate("EditorWindow", "Phrase &timing"))
    for action in (
        window.start_earlier_action,
        window.start_later_action,
        window.end_earlier_action,
        window.end_later_action,
    ):
        timing.addAction(action)
    language = edit.addMenu(QCoreApplication.translate("EditorWindow", "Phrase &language"))
    for action in window.language_actions:
        language.addAction(action)
    edit.addSeparator()
    for action in (
        window.find_action,
        window.replace_action,
        window.find_next_action,
        window.find_previous_action,
    ):
        edit.addAction(action)
    playback = bar.addMenu(QCoreApplication.translate("EditorWindow", "&Playback"))
    window.playback_menu = playback  # proofreading adds Loop current phrase
    playback.addAction(window.play_phrase_action)
    for action in window.player_bar.player_actions():
        playback.addAction(action)
    speakers = bar.addMenu(QCoreApplication.translate("EditorWindow", "&Speakers"))
    for action in (
        window.speakers.rename_action,
        window.speakers.add_action,
        window.speakers.merge_action,
        window.speakers.sample_action,
    ):
        speakers.addAction(action)
    speakers.addSeparator()
    speakers.addAction(window.find_again.action)
    speakers.addSeparator()
    window.give_menu = QMenu(QCoreApplication.translate("EditorWindow", "&Give phrase to"), window)
    speakers.addMenu(window.give_menu)
    window.update_speaker_actions()
