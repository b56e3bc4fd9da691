"""The window's start-up problems are dialogs, never a crash.

A data folder that cannot be used (a file, a read-only disk, no permission, a full disk, a
database from a newer kzdesk) is explained in a dialog naming the path. A damaged database is
never overwritten: the dialog offers to start with an empty queue, the damaged file kept
aside (:func:`kzdesk.services.data_folder.set_aside`)."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from kzdesk.app import AppContext
from kzdesk.services import data_folder
from kzdesk.services.data_folder import DB_FILE, DataFolderError, Problem, default_data_dir
from kzdesk.services.queue_lock import WINDOW
from kzdesk.ui import languages
from kzdesk.ui.messages import translate_message

log = logging.getLogger(__name__)


def open_context(data_dir: str | None) -> AppContext | None:
    """The app's context, or None after telling the user why kzdesk cannot start."""
    root = Path(data_dir) if data_dir else default_data_dir()
    while True:
        try:
            return AppContext.open(data_dir)
        except DataFolderError as exc:
            log.info("cannot open the data folder %s: %s", root, exc.message)
            with _system_language():
                if exc.kind is not Problem.DAMAGED:
                    show_failure(translate_message(exc.message))
                    return None
                aside = data_folder.aside_folder(root)
                if not ask_to_start_empty(root / DB_FILE, aside / DB_FILE):
                    return None
                try:
                    data_folder.set_aside(root, aside, program=WINDOW)
                except DataFolderError as busy:  # another kzdesk runs this queue
                    show_failure(translate_message(busy.message))
                    return None
                except OSError as move_failed:
                    found = data_folder.describe(move_failed, root)
                    show_failure(translate_message(found.message) if found else str(move_failed))
                    return None


def ask_to_start_empty(database: Path, aside: Path) -> bool:
    box = QMessageBox(QMessageBox.Icon.Warning, "kzdesk", "")
    box.setText(
        QCoreApplication.translate(
            "startup", "The queue database {path} is damaged and cannot be opened."
        ).format(path=database)
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "startup",
            "kzdesk can start with an empty queue. Nothing is deleted: the damaged file is "
            "kept as {aside}, so it can still be restored or sent to support.",
        ).format(aside=aside)
    )
    start = box.addButton(
        QCoreApplication.translate(
            "startup", "Start with an empty queue (the damaged file is kept as {name})"
        ).format(name=aside.parent.name),
        QMessageBox.ButtonRole.AcceptRole,
    )
    box.addButton(QCoreApplication.translate("startup", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(start)
    box.exec()
    return box.clickedButton() is start


def show_failure(message: str) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        "kzdesk",
        QCoreApplication.translate("startup", "kzdesk cannot start."),
    )
    box.setInformativeText(message)
    box.addButton(QCoreApplication.translate("startup", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()


def unexpected_failure_text(exc: BaseException, log_dir: Path) -> str:
    return QCoreApplication.translate(
        "startup",
        "Something unexpected stopped kzdesk while it started ({name}). The details are in "
        "the log file in {folder}; send it to support if this happens again.",
    ).format(name=type(exc).__name__, folder=log_dir)


@contextlib.contextmanager
def _system_language() -> Iterator[None]:
    """Dialogs shown before the settings are read speak the system's language."""
    app = QApplication.instance()
    installed = languages.install(languages.resolve(""), app) if app is not None else []
    try:
        yield
    finally:
        if app is not None:
            languages.uninstall(installed, app)
