"""The window's menus, toolbar and tray icon, declared once.

:func:`build_actions` returns the window's actions as one :class:`MainActions` (the window
keeps it); the menus and the toolbar are built from it. Nothing here sets attributes on the
window or imports it: what the actions call is :class:`MainWindowSlots`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QMainWindow,
    QMenuBar,
    QStyle,
    QSystemTrayIcon,
    QWidget,
)

from kzdesk.ui.actions import Keys, make_action
from kzdesk.ui.icons import themed_icon
from kzdesk.ui.job_actions import language_names


class MainWindowSlots(Protocol):
    """What the main window's actions call (the window is one)."""

    view: QAbstractItemView  # the queue: Select all

    def on_add_files(self) -> None: ...
    def on_add_folder(self) -> None: ...
    def on_pause(self) -> None: ...
    def close(self) -> bool: ...
    def open_settings(self) -> object: ...
    def open_known_voices(self) -> object: ...
    def open_log_folder(self) -> None: ...
    def show_about(self) -> None: ...


@dataclass(frozen=True)
class MainActions:
    add_files: QAction
    add_folder: QAction
    pause: QAction  # its text and icon follow the queue (MainWindow.update_pause_action)
    quit: QAction
    select_all: QAction
    settings: QAction
    voices: QAction
    log: QAction
    about: QAction


def build_actions(parent: QWidget, slots: MainWindowSlots) -> MainActions:
    sp = QStyle.StandardPixmap
    table: dict[str, tuple[str, Keys, Callable[[], object], QStyle.StandardPixmap | None]] = {
        "add_files": (
            QCoreApplication.translate("MainWindow", "Add files…"),
            "Ctrl+O",
            slots.on_add_files,
            sp.SP_FileIcon,
        ),
        "add_folder": (
            QCoreApplication.translate("MainWindow", "Add folder…"),
            "Ctrl+Shift+O",
            slots.on_add_folder,
            sp.SP_DirIcon,
        ),
        "pause": (
            QCoreApplication.translate("MainWindow", "Pause queue"),
            "Ctrl+Shift+P",
            slots.on_pause,
            None,
        ),
        "quit": (
            QCoreApplication.translate("MainWindow", "Quit"),
            QKeySequence.StandardKey.Quit,
            slots.close,
            None,
        ),
        "select_all": (
            QCoreApplication.translate("MainWindow", "Select all"),
            QKeySequence.StandardKey.SelectAll,
            slots.view.selectAll,
            None,
        ),
        "settings": (
            QCoreApplication.translate("MainWindow", "Settings…"),
            "Ctrl+,",
            slots.open_settings,
            None,
        ),
        "voices": (
            QCoreApplication.translate("MainWindow", "Known voices…"),
            None,
            slots.open_known_voices,
            None,
        ),
        "log": (
            QCoreApplication.translate("MainWindow", "Open log folder"),
            None,
            slots.open_log_folder,
            None,
        ),
        "about": (
            QCoreApplication.translate("MainWindow", "About kzdesk"),
            None,
            slots.show_about,
            None,
        ),
    }
    actions = {}
    for name, (text, keys, slot, icon) in table.items():
        actions[name] = make_action(parent, text, keys, slot)
        if icon is not None:
            actions[name].setIcon(parent.style().standardIcon(icon))
    return MainActions(**actions)


def show_paused(pause: QAction, paused: bool, palette: QPalette) -> None:
    """The Pause action says what it will do: pause the queue, or resume it."""
    if paused:
        pause.setText(QCoreApplication.translate("MainWindow", "Resume queue"))
    else:
        pause.setText(QCoreApplication.translate("MainWindow", "Pause queue"))
    pause.setIcon(themed_icon("play" if paused else "pause", palette))


def build_menus(bar: QMenuBar, actions: MainActions, fill_queue_menu: Callable[..., None]) -> None:
    """File, Edit, Queue (the selected jobs' actions come from ``fill_queue_menu(menu)``), Help."""
    file_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&File"))
    file_menu.addAction(actions.add_files)
    file_menu.addAction(actions.add_folder)
    file_menu.addSeparator()
    file_menu.addAction(actions.quit)
    edit_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Edit"))
    edit_menu.addAction(actions.select_all)
    edit_menu.addSeparator()
    edit_menu.addAction(actions.voices)
    edit_menu.addAction(actions.settings)
    queue_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Queue"))
    queue_menu.addAction(actions.pause)
    queue_menu.addSeparator()
    fill_queue_menu(queue_menu)
    help_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    help_menu.addAction(actions.log)
    help_menu.addAction(actions.about)


def build_toolbar(
    window: QMainWindow,
    actions: MainActions,
    language: str,
    on_language_changed: Callable[[], None],
) -> QComboBox:
    """The toolbar; returns its "Language for new files" box (``language`` chosen)."""
    bar = window.addToolBar(QCoreApplication.translate("MainWindow", "Main"))
    bar.setObjectName("mainToolbar")
    bar.setMovable(False)
    bar.setToolButtonStyle(bar.toolButtonStyle().ToolButtonTextBesideIcon)
    bar.addAction(actions.add_files)
    bar.addAction(actions.add_folder)
    bar.addSeparator()
    bar.addAction(actions.pause)
    spacer = QWidget()
    spacer.setSizePolicy(spacer.sizePolicy().Policy.Expanding, spacer.sizePolicy().Policy.Preferred)
    bar.addWidget(spacer)
    label = QLabel(QCoreApplication.translate("MainWindow", "Language for new files:"))
    label.setContentsMargins(0, 0, 6, 0)
    bar.addWidget(label)
    combo = QComboBox()
    for choice, text in language_names(window).items():
        combo.addItem(text, choice.value)
    combo.setCurrentIndex(max(combo.findData(language), 0))
    combo.setToolTip(
        QCoreApplication.translate(
            "MainWindow",
            "The language of recordings added from now on (the default is in Settings).",
        )
    )
    combo.currentIndexChanged.connect(on_language_changed)
    label.setBuddy(combo)
    bar.addWidget(combo)
    return combo


def make_tray(window: QMainWindow) -> QSystemTrayIcon | None:
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    tray = QSystemTrayIcon(window.windowIcon(), window)
    if tray.icon().isNull():
        tray.setIcon(window.style().standardIcon(QStyle.StandardPixmap.SP_MediaVolume))
    tray.setToolTip("kzdesk")
    tray.activated.connect(lambda *_: (window.showNormal(), window.activateWindow()))
    tray.show()
    return tray
