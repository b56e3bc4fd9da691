"""Building menu actions: one helper for the main window and the editor."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

Keys = QKeySequence | QKeySequence.StandardKey | str | Sequence[str] | None


def make_action(parent: QObject, text: str, keys: Keys, slot: Callable[[], object]) -> QAction:
    """An action with its shortcut(s); ``slot`` is called without the "checked" argument."""
    action = QAction(text, parent)
    if isinstance(keys, list | tuple):
        action.setShortcuts([QKeySequence(k) for k in keys])
    elif keys is not None:
        action.setShortcut(QKeySequence(keys))
    action.triggered.connect(lambda _checked=False: slot())
    return action
