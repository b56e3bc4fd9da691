"""The window's menus, toolbar and tray icon (built once; the window owns the actions)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QStyle, QSystemTrayIcon, QWidget

from kzdesk.ui.actions import make_action
from kzdesk.ui.job_actions import language_names

if TYPE_CHECKING:
    from kzdesk.ui.main_window import MainWindow


def build_actions(window: MainWindow) -> None:
    style = window.style()
    sp = QStyle.StandardPixmap
    window.add_files_action = make_action(
        window,
        QCoreApplication.translate("MainWindow", "Add files…"),
        "Ctrl+O",
        window.on_add_files,
    )
    window.add_files_action.setIcon(style.standardIcon(sp.SP_FileIcon))
    window.add_folder_action = make_action(
        window,
        QCoreApplication.translate("MainWindow", "Add folder…"),
        "Ctrl+Shift+O",
        window.on_add_folder,
    )
    window.add_folder_action.setIcon(style.standardIcon(sp.SP_DirIcon))
    window.pause_action = make_action(
        window,
        QCoreApplication.translate("MainWindow", "Pause queue"),
        "Ctrl+Shift+P",
        window.on_pause,
    )
    window.quit_action = make_action(
        window,
        QCoreApplication.translate("MainWindow", "Quit"),
        QKeySequence.StandardKey.Quit,
        window.close,
    )
    window.select_all_action = make_action(
        window,
        QCoreApplication.translate("MainWindow", "Select all"),
        QKeySequence.StandardKey.SelectAll,
        window.view.selectAll,
    )
    window.settings_action = make_action(
        window,
        QCoreApplication.translate("MainWindow", "Settings…"),
        "Ctrl+,",
        window.open_settings,
    )
    window.voices_action = make_action(
        window,
        QCoreApplication.translate("MainWindow", "Known voices…"),
        None,
        window.open_known_voices,
    )
    window.log_action = make_action(
        window,
        QCoreApplication.translate("MainWindow", "Open log folder"),
        None,
        window.open_log_folder,
    )
    window.about_action = make_action(
        window, QCoreApplication.translate("MainWindow", "About kzdesk"), None, window.show_about
    )
    window.update_pause_action()


def build_menus(window: MainWindow) -> None:
    bar = window.menuBar()
    file_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&File"))
    file_menu.addAction(window.add_files_action)
    file_menu.addAction(window.add_folder_action)
    file_menu.addSeparator()
    file_menu.addAction(window.quit_action)
    edit_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Edit"))
    edit_menu.addAction(window.select_all_action)
    edit_menu.addSeparator()
    edit_menu.addAction(window.voices_action)
    edit_menu.addAction(window.settings_action)
    queue_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Queue"))
    queue_menu.addAction(window.pause_action)
    queue_menu.addSeparator()
    window.actions_.fill_menu(queue_menu)
    help_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    help_menu.addAction(window.log_action)
    help_menu.addAction(window.about_action)


def build_toolbar(window: MainWindow) -> None:
    bar = window.addToolBar(QCoreApplication.translate("MainWindow", "Main"))
    bar.setObjectName("mainToolbar")
    bar.setMovable(False)
    bar.setToolButtonStyle(bar.toolButtonStyle().ToolButtonTextBesideIcon)
    bar.addAction(window.add_files_action)
    bar.addAction(window.add_folder_action)
    bar.addSeparator()
    bar.addAction(window.pause_action)
    spacer = QWidget()
    spacer.setSizePolicy(spacer.sizePolicy().Policy.Expanding, spacer.sizePolicy().Policy.Preferred)
    bar.addWidget(spacer)
    label = QLabel(QCoreApplication.translate("MainWindow", "Language for new files:"))
    label.setContentsMargins(0, 0, 6, 0)
    bar.addWidget(label)
    window.language_combo = QComboBox()
    for language, text in language_names(window).items():
        window.language_combo.addItem(text, language.value)
    index = window.language_combo.findData(window.ctx.settings.language)
    window.language_combo.setCurrentIndex(max(index, 0))
    window.language_combo.setToolTip(
        QCoreApplication.translate(
            "MainWindow",
            "The language of recordings added from now on (the default is in Settings).",
        )
    )
    window.language_combo.currentIndexChanged.connect(window.on_language_changed)
    label.setBuddy(window.language_combo)
    bar.addWidget(window.language_combo)


def make_tray(window: MainWindow) -> QSystemTrayIcon | None:
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    tray = QSystemTrayIcon(window.windowIcon(), window)
    if tray.icon().isNull():
        tray.setIcon(window.style().standardIcon(QStyle.StandardPixmap.SP_MediaVolume))
    tray.setToolTip("kzdesk")
    tray.activated.connect(lambda *_: (window.showNormal(), window.activateWindow()))
    tray.show()
    return tray
