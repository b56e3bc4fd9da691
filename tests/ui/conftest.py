"""The window's test fixtures: an environment pointing at the emulator, and open windows."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import QApplication

from kzdesk.app import AppContext
from kzdesk.services.queue_lock import WINDOW
from kzdesk.ui.main_window import MainWindow
from kzdesk.workers.dispatcher import Dispatcher

WAIT_MS = 60_000


@pytest.fixture(autouse=True)
def _source_language_after_each_test(qapp: QApplication):
    """A test that starts the app (run_gui) installs the interface's translators, English's
    plural forms included: the next test starts in the source language again."""
    yield
    from kzdesk.ui import languages

    languages.uninstall_all(qapp)


class FakeInhibitor:
    def __init__(self) -> None:
        self.held = False
        self.calls: list[str] = []

    def inhibit(self, reason: str = "") -> None:
        self.held = True
        self.calls.append("inhibit")

    def release(self) -> None:
        self.held = False
        self.calls.append("release")


@pytest.fixture
def env(monkeypatch, speechkit_emulator, tmp_path: Path):
    monkeypatch.setenv("KZDESK_SPEECHKIT_ENDPOINT", speechkit_emulator.endpoint)
    monkeypatch.setenv("KZDESK_SPEECHKIT_API_KEY", speechkit_emulator.api_key)
    monkeypatch.setenv("KZDESK_POLL_INTERVAL_S", "0.05")
    monkeypatch.setenv("KZDESK_RETRY_DELAY_S", "0.05")
    return tmp_path


@pytest.fixture
def open_window(qtbot, env: Path):
    """open_window(data_dir) -> (window, ctx); closes and cleans up after the test."""
    opened: list[tuple[MainWindow, AppContext]] = []
    ctx_dispatchers: dict[int, Dispatcher] = {}

    def make(data_dir: Path | None = None, *, lock: bool = False) -> tuple[MainWindow, AppContext]:
        """``lock``: the dispatcher holds the queue's lock as in the app (or watches)."""
        ctx = AppContext.open(data_dir or env / "data")
        dispatcher = Dispatcher(
            ctx.service,
            ctx.jobs,
            max_workers=ctx.settings.parallel_jobs,
            lock=ctx.queue_lock(WINDOW) if lock else None,
        )
        ui_state = QSettings(str(env / "ui.ini"), QSettings.Format.IniFormat)
        window = MainWindow(
            ctx,
            dispatcher,
            check_connection=lambda key, folder: None,
            inhibitor=FakeInhibitor(),
            ui_state=ui_state,
        )
        window.ask = lambda title, question: True  # type: ignore[method-assign]
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        dispatcher.start()
        opened.append((window, ctx))
        ctx_dispatchers[id(ctx)] = dispatcher
        return window, ctx

    yield make
    for window, ctx in opened:
        dispatcher = ctx_dispatchers[id(ctx)]
        if shiboken6.isValid(window):  # pytest-qt may have closed and deleted it already
            window.ask = lambda title, question: True  # type: ignore[method-assign]
            window.close()
            window.deleteLater()
        dispatcher.shutdown()
        # delete in the GUI thread, not whenever the cycle collector runs in a worker thread
        dispatcher.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()
        ctx.close()
