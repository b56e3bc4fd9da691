"""Start the window: QApplication, the composition root, one instance, the dispatcher."""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from kzdesk import __version__
from kzdesk.app import setup_logging
from kzdesk.resources import resource_path
from kzdesk.services import data_folder
from kzdesk.services.queue_lock import WINDOW
from kzdesk.ui.messages import translate_message

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
    app.setDesktopFileName("kz.kzdesk.Kzdesk")  # packaging/linux/kz.kzdesk.Kzdesk.desktop
    app.setWindowIcon(QIcon(str(resource_path("icons", "kzdesk.svg"))))
    from kzdesk.ui import color_scheme

    color_scheme.install(app)  # the system's light or dark scheme, now and when it changes
    return app


def install_translations(app: QApplication, interface_language: str = "") -> str:
    """Qt's own strings (qtbase) and ours (resources/translations) in the interface language:
    the setting, or the system's language when the setting is empty (kzdesk.ui.languages).
    Returns the language's code."""
    from kzdesk.ui import languages

    code = languages.resolve(interface_language)
    installed = languages.install(code, app)
    languages.use_locale(code, interface_language)  # numbers in a chosen language's style
    log.info("interface language %s (%d translator(s))", code, len(installed))
    return code


def run_gui(data_dir: str | None = None, files: Sequence[str] | None = None) -> int:
    """Open the window; ``files`` (files or folders) are added to the queue.

    A second launch hands its files to the running window and exits with 0."""
    app = make_application()
    from kzdesk.ui.single_instance import SingleInstance, paths_from_argv

    paths = list(files) if files is not None else []
    instance = SingleInstance(INSTANCE_KEY)
    if not instance.is_primary(paths_from_argv(paths)):
        if paths:
            message = QCoreApplication.translate(
                "launch", "kzdesk is already open: the files were handed to its window."
            )
        else:
            message = QCoreApplication.translate(
                "launch", "kzdesk is already open: its window was brought forward."
            )
        print(message, file=sys.stderr)
        return 0

    from kzdesk.ui import startup

    ctx = startup.open_context(data_dir)  # a dialog says why when the folder is unusable
    if ctx is None:
        instance.close()
        return 1
    setup_logging(ctx.log_dir)
    from kzdesk.ui.qt_messages import route_qt_messages

    route_qt_messages()  # Qt's chatter goes to the log file, not the terminal
    log.info("kzdesk %s starting (data in %s)", __version__, ctx.data_dir)
    # new transcripts name their speakers, and exports write their words, in this language
    ctx.languages.interface = install_translations(app, ctx.settings.interface_language)

    from kzdesk.ui.main_window import MainWindow
    from kzdesk.workers.dispatcher import Dispatcher

    dispatcher = Dispatcher(
        ctx.service,
        ctx.jobs,
        max_workers=ctx.settings.parallel_jobs,
        lock=ctx.queue_lock(WINDOW),  # one kzdesk at a time runs this data folder's jobs
    )
    window: MainWindow | None = None
    try:
        window = MainWindow(ctx, dispatcher)
        instance.activation_requested.connect(lambda forwarded: _activate(window, forwarded))
        window.show()
        # resumes interrupted jobs by their operation ids, or watches another kzdesk run them
        recovered = dispatcher.start()
        if recovered:
            log.info("resuming %d interrupted job(s)", len(recovered))
        if paths:
            window.add_paths(paths)
    except Exception as exc:  # a dialog, never a crash (the details go to the log)
        log.exception("kzdesk could not start")
        found = data_folder.describe(exc, ctx.data_dir)
        startup.show_failure(
            translate_message(found.message)
            if found is not None
            else startup.unexpected_failure_text(exc, ctx.log_dir)
        )
        dispatcher.shutdown()
        if window is not None:
            window.hide()
            window.deleteLater()
        dispatcher.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        instance.close()
        ctx.close()
        return 1
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


def _activate(window: object, paths: list[str]) -> None:
    from kzdesk.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    window.showNormal()
    window.raise_()
    window.activateWindow()
    if paths:
        window.add_paths(paths)
