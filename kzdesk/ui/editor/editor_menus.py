"""The editor window's actions and menus, declared once.

:func:`build_actions` returns the window's actions as one
:class:`~kzdesk.ui.editor.host.EditorActions` and :func:`build_menus` the menus the window
changes later (:class:`~kzdesk.ui.editor.host.EditorMenus`); the window keeps both. Every edit has a shortcut and a menu entry that shows it; the player's actions come from
the player bar, the speakers' from the speakers panel. The window is seen as an
:class:`~kzdesk.ui.editor.host.EditorHost`: nothing here imports it or sets its attributes.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from kzdesk.ui.actions import Keys, make_action
from kzdesk.ui.editor.host import EditorActions, EditorHost, EditorMenus

NUDGE_MS = 100


def _action(window: EditorHost, text: str, keys: Keys, slot: Callable[[], object]) -> QAction:
    """An action of the editor window: its shortcut works anywhere in that window."""
    action = make_action(window, text, keys, slot)
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    window.addAction(action)
    return action


def build_actions(window: EditorHost) -> EditorActions:
    # Own actions rather than QUndoStack.createUndoAction: undo first saves what is being
    # typed (SegmentEdits.undo), and the menu still says what will be undone.
    stack = window.session.undo_stack
    undo = _action(window, "", QKeySequence.StandardKey.Undo, window.edits.undo)
    redo = _action(window, "", ["Ctrl+Shift+Z", "Ctrl+Y"], window.edits.redo)

    def label(action: QAction, verb: str, verb_what: str, what: str, enabled: bool) -> None:
        if shiboken6.isValid(action):  # not while the window is being destroyed
            action.setText(verb_what.format(what=what) if what else verb)
            action.setEnabled(enabled)

    def label_undo(*_: object) -> None:
        if shiboken6.isValid(stack):
            label(
                undo,
                QCoreApplication.translate("EditorWindow", "Undo"),
                QCoreApplication.translate("EditorWindow", "Undo {what}"),
                stack.undoText(),
                stack.canUndo(),
            )

    def label_redo(*_: object) -> None:
        if shiboken6.isValid(stack):
            label(
                redo,
                QCoreApplication.translate("EditorWindow", "Redo"),
                QCoreApplication.translate("EditorWindow", "Redo {what}"),
                stack.redoText(),
                stack.canRedo(),
            )

    stack.indexChanged.connect(label_undo)
    stack.indexChanged.connect(label_redo)
    stack.cleanChanged.connect(label_undo)
    label_undo()
    label_redo()
    export = _action(
        window, QCoreApplication.translate("EditorWindow", "Export…"), "Ctrl+E", window.open_export
    )
    window.export_button.setDefaultAction(export)
    close = _action(
        window,
        QCoreApplication.translate("EditorWindow", "Close"),
        QKeySequence.StandardKey.Close,
        window.close,
    )
    edit_text = _action(
        window,
        QCoreApplication.translate("EditorWindow", "Edit phrase text"),
        "F2",
        window.edits.edit_current,
    )
    split = _action(
        window,
        QCoreApplication.translate("EditorWindow", "Split phrase at cursor"),
        ["Ctrl+Return", "Ctrl+Enter"],
        window.edits.split_current,
    )
    merge = _action(
        window,
        QCoreApplication.translate("EditorWindow", "Merge with next phrase"),
        "Ctrl+M",
        window.edits.merge_current,
    )
    delete = _action(
        window,
        QCoreApplication.translate("EditorWindow", "Delete phrase"),
        "Ctrl+Del",
        window.edits.delete_current,
    )
    start_earlier = _action(
        window,
        QCoreApplication.translate("EditorWindow", "Start 0.1 s earlier"),
        "Ctrl+[",
        lambda: window.edits.nudge(-NUDGE_MS, 0),
    )
    start_later = _action(
        window,
        QCoreApplication.translate("EditorWindow", "Start 0.1 s later"),
        "Ctrl+]",
        lambda: window.edits.nudge(NUDGE_MS, 0),
    )
    end_earlier = _action(
        window,
        QCoreApplication.translate("EditorWindow", "End 0.1 s earlier"),
        "Ctrl+Alt+[",
        lambda: window.edits.nudge(0, -NUDGE_MS),
    )
    end_later = _action(
        window,
        QCoreApplication.translate("EditorWindow", "End 0.1 s later"),
        "Ctrl+Alt+]",
        lambda: window.edits.nudge(0, NUDGE_MS),
    )
    find = _action(
        window,
        QCoreApplication.translate("EditorWindow", "Find…"),
        QKeySequence.StandardKey.Find,
        window.find_bar.show_find,
    )
    replace = _action(
        window,
        QCoreApplication.translate("EditorWindow", "Replace…"),
        "Ctrl+H",
        window.find_bar.show_replace,
    )
    find_next = _action(
        window,
        QCoreApplication.translate("EditorWindow", "Find next"),
        "F3",
        window.find_bar.find_next,
    )
    find_previous = _action(
        window,
        QCoreApplication.translate("EditorWindow", "Find previous"),
        "Shift+F3",
        window.find_bar.find_previous,
    )
    play_segment = _action(
        window,
        QCoreApplication.translate("EditorWindow", "Play from this phrase"),
        "Ctrl+P",
        window.edits.play_current,
    )
    languages = (
        _action(
            window,
            QCoreApplication.translate("EditorWindow", "Kazakh"),
            "Ctrl+Alt+K",
            lambda: window.edits.mark_current_language("kk"),
        ),
        _action(
            window,
            QCoreApplication.translate("EditorWindow", "Russian"),
            "Ctrl+Alt+R",
            lambda: window.edits.mark_current_language("ru"),
        ),
        _action(
            window,
            QCoreApplication.translate("EditorWindow", "Other language…"),
            "Ctrl+Alt+L",
            lambda: window.edits.mark_current_language(None),
        ),
    )
    give = tuple(
        _action(window, "", f"Ctrl+{n}", lambda _=False, n=n: window.edits.give_to_speaker(n))
        for n in range(1, 10)
    )
    for action in window.player_bar.player_actions():
        window.addAction(action)
    return EditorActions(
        undo=undo,
        redo=redo,
        export=export,
        close=close,
        edit_text=edit_text,
        split=split,
        merge=merge,
        delete=delete,
        start_earlier=start_earlier,
        start_later=start_later,
        end_earlier=end_earlier,
        end_later=end_later,
        find=find,
        replace=replace,
        find_next=find_next,
        find_previous=find_previous,
        play_segment=play_segment,
        languages=languages,
        give=give,
    )


def build_menus(window: EditorHost, actions: EditorActions) -> EditorMenus:
    bar = window.menuBar()
    file_menu = bar.addMenu(QCoreApplication.translate("EditorWindow", "&File"))
    file_menu.addAction(actions.export)
    file_menu.addSeparator()
    file_menu.addAction(actions.close)
    edit = bar.addMenu(QCoreApplication.translate("EditorWindow", "&Edit"))
    edit.addAction(actions.undo)
    edit.addAction(actions.redo)
    edit.addSeparator()
    for action in (
        actions.edit_text,
        actions.split,
        actions.merge,
        actions.delete,
    ):
        edit.addAction(action)
    timing = edit.addMenu(QCoreApplication.translate("EditorWindow", "Phrase &timing"))
    for action in (
        actions.start_earlier,
        actions.start_later,
        actions.end_earlier,
        actions.end_later,
    ):
        timing.addAction(action)
    language = edit.addMenu(QCoreApplication.translate("EditorWindow", "Phrase &language"))
    for action in actions.languages:
        language.addAction(action)
    language.addSeparator()
    for action in window.phrase_again.actions:
        language.addAction(action)
    edit.addSeparator()
    for action in (
        actions.find,
        actions.replace,
        actions.find_next,
        actions.find_previous,
    ):
        edit.addAction(action)
    playback = bar.addMenu(QCoreApplication.translate("EditorWindow", "&Playback"))
    playback.addAction(actions.play_segment)
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
    give = QMenu(QCoreApplication.translate("EditorWindow", "&Give phrase to"), window)
    speakers.addMenu(give)
    return EditorMenus(playback, give)
