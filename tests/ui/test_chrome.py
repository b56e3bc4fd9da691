"""The main window's actions are declared in one table and handed back, not set on the window:
they can be built for anything that has the slots."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QMainWindow, QTableView

from kzdesk.ui import chrome


class Slots:
    def __init__(self) -> None:
        self.view = QTableView()
        self.called: list[str] = []

    def __getattr__(self, name: str):  # on_add_files, open_settings, close, ...
        return lambda: self.called.append(name)


def test_the_actions_call_their_slots_and_show_their_shortcuts(qtbot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    slots = Slots()
    actions = chrome.build_actions(window, slots)
    assert not hasattr(window, "add_files_action")
    for field in dataclasses.fields(actions):
        getattr(actions, field.name).trigger()
    assert slots.called == [
        "on_add_files",
        "on_add_folder",
        "on_pause",
        "close",
        "open_settings",
        "open_known_voices",
        "open_log_folder",
        "show_about",
    ]
    assert actions.add_files.shortcut().toString() == "Ctrl+O"
    assert actions.pause.shortcut().toString() == "Ctrl+Shift+P"
    assert not actions.add_files.icon().isNull()


def test_menus_and_toolbar_are_built_from_the_actions(qtbot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    actions = chrome.build_actions(window, Slots())
    filled = []
    chrome.build_menus(window.menuBar(), actions, filled.append)
    menus = [a.menu() for a in window.menuBar().actions()]
    assert actions.add_files in menus[0].actions() and actions.voices in menus[1].actions()
    assert filled == [menus[2]]  # the queue menu gets the selected jobs' actions
    changed = []
    combo = chrome.build_toolbar(window, actions, "ru", lambda: changed.append(1))
    assert combo.currentData() == "ru"
    combo.setCurrentIndex(combo.findData("kk"))
    assert changed == [1]
    chrome.show_paused(actions.pause, True, window.palette())
    assert actions.pause.text() == "Resume queue"
