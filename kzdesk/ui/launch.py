"""Start the window: QApplication, the composition root, one instance, the dispatcher."""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from kzdesk import __version__
from kzdesk.app import AppContext, setup_logging

log = logging.getLogger(__name__)

INSTANCE_KEY = "kzdesk"


def make_application(argv: Sequence[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(list(argv) if argv is not None else sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("kzdesk")
    app.setOrganizationName("kzdesk")
    app.setApplicationDisplayName("kzdesk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("kzdesk")
    return app


def install_translations(app: QApplication, interface_language: str = "") -> None:
    """Qt's own strings (qtbase) and ours, once translations exist (resources/translations)."""
    locale = QLocale(interface_language) if interface_language else QLocale.system()
    translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ours = Path(__file__).resolve().parents[2] / "resources" / "translations"
    for name, folder in (("qtbase", translations), ("kzdesk", str(ours))):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)


def run_gui(data_dir: str | None = None, files: Sequence[str] | None = None) -> int:
    """Open the window; ``files`` (files or folders) are added to the queue.

    A second launch hands its files to the running window and exits with 0."""
    app = make_application()
    from kzdesk.ui.single_instance import SingleInstance, paths_from_argv

    paths = list(files) if files is not None else []
    instance = SingleInstance(INSTANCE_KEY)
    if not instance.is_primary(paths_from_argv(paths)):
        if paths:
            message = _tr("kzdesk is already open: the files were handed to its window.")
        else:
            message = _tr("kzdesk is already open: its window was brought forward.")
        print(message, file=sys.stderr)
        return 0

    ctx = AppContext.open(data_dir)
    setup_logging(ctx.log_dir)
    log.info("kzdesk %s starting (data in %s)", __version__, ctx.data_dir)
    install_translations(app, ctx.settings.interface_language)

    from kzdesk.ui.main_window import MainWindow
    from kzdesk.workers.dispatcher import Dispatcher

    dispatcher = Dispatcher(ctx.service, ctx.queue, max_workers=ctx.settings.parallel_jobs)
    window = MainWindow(ctx, dispatcher)
    instance.activation_requested.connect(lambda forwarded: _activate(window, forwarded))
    window.show()
    recovered = dispatcher.start()  # resumes interrupted jobs by their operation ids
    if recovered:
        log.info("resuming %d interrupted job(s)", len(recovered))
    if paths:
        window.add_paths(paths)
    try:
        return app.exec()
    finally:
        dispatcher.shutdown()
        instance.close()
        # Delete the Qt objects here, in the GUI thread: left to Python's cycle collector they
        # could be destroyed from whatever thread happens to run it.
        window.deleteLater()
        dispatcher.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()
        ctx.close()


def _tr(text: str) -> str:
    return QCoreApplication.translate("launch", text)


def _activate(window: object, paths: list[str]) -> None:
    from kzdesk.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    window.showNormal()
    window.raise_()
    window.activateWindow()
    if paths:
        window.add_paths(paths)
