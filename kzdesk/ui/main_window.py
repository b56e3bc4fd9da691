"""The main window: the queue, drag-and-drop, menus, status bar; it also applies changed
settings to the running service and dispatcher and checks a SpeechKit key for the settings."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDesktopServices,
)
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from kzdesk.app import AppContext
from kzdesk.core import engine_registry
from kzdesk.core.job import Job, JobState
from kzdesk.services import settings as settings_module
from kzdesk.services.engines import check_speechkit
from kzdesk.services.estimates import Estimator
from kzdesk.services.power import SleepInhibitor
from kzdesk.services.settings import Settings
from kzdesk.ui import about, chrome, window_geometry
from kzdesk.ui.dialogs.first_run_banner import FirstRunBanner
from kzdesk.ui.dialogs.queue_held_banner import QueueHeldBanner
from kzdesk.ui.dialogs.settings_dialog import SettingsDialog
from kzdesk.ui.dialogs.voices_dialog import VoicesDialog
from kzdesk.ui.drop_area import DropArea, WindowDrops
from kzdesk.ui.editor.opener import EditorOpener
from kzdesk.ui.file_adder import FileAdder
from kzdesk.ui.job_actions import JobActions
from kzdesk.ui.models.job_table_model import JobTableModel
from kzdesk.ui.problem_notice import ProblemNotice
from kzdesk.ui.queue_view import QueueView
from kzdesk.ui.status_summary import FailureDetails, StatusSummary
from kzdesk.ui.throttle import Throttle
from kzdesk.workers.dispatcher import Dispatcher

log = logging.getLogger(__name__)

CheckConnection = Callable[[str, str], None]
MESSAGE_MS = 10_000
SUMMARY_MS = 300  # the status bar recounts at most this often (and at least once after that)
TICK_MS = 1000  # running jobs' elapsed times move on


class MainWindow(QMainWindow):
    closed = Signal()

    def __init__(
        self,
        ctx: AppContext,
        dispatcher: Dispatcher,
        *,
        check_connection: CheckConnection = check_speechkit,
        inhibitor: SleepInhibitor | None = None,
        ui_state: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dispatcher = dispatcher
        self.check_connection = check_connection
        self.inhibitor = inhibitor or SleepInhibitor()
        self.setWindowTitle("kzdesk")
        self.ui_state = ui_state if ui_state is not None else QSettings()  # UI state only
        self.settings_dialog: SettingsDialog | None = None

        settings = ctx.settings
        self.estimator = Estimator(ctx.times, settings.model)  # from the times measured here
        self.model = JobTableModel(
            ctx.jobs.all(),
            price_per_minute=settings.price_per_minute,
            currency=settings.currency,
            estimator=self.estimator,
        )
        self.view = QueueView(self.model)
        self.drop_area = DropArea()
        self.drops = WindowDrops(self, self.drop_area)  # anywhere on the window
        self.details = FailureDetails()
        self.summary = StatusSummary()
        self.actions_ = JobActions(
            self,
            self.view,
            dispatcher,
            ctx.transcripts,
            ctx.settings,
            ctx.exporter,
            ask=self.ask,
            notify=self.notify,
        )
        self.editors = EditorOpener(ctx, self.ui_state, self)
        self.adder = FileAdder(
            self,
            ctx,
            dispatcher,
            self.ui_state,
            language=lambda: self.language_combo.currentData(),
            ask=lambda: self.ask,
            notify=self.notify,
        )
        self.actions_.open_editor = self.editors.open
        self._build_central()
        self.menu_actions = chrome.build_actions(self, self)
        chrome.build_menus(self.menuBar(), self.menu_actions, self.actions_.fill_menu)
        self.language_combo = chrome.build_toolbar(
            self, self.menu_actions, ctx.settings.language, self.on_language_changed
        )
        self.update_pause_action()
        self.statusBar().addPermanentWidget(self.summary)
        self.tray = chrome.make_tray(self)

        dispatcher.job_changed.connect(self.on_job_changed)
        dispatcher.job_added.connect(self.on_job_changed)
        dispatcher.job_removed.connect(self.on_job_removed)
        dispatcher.running_changed.connect(self.on_running_changed)
        dispatcher.batch_finished.connect(self.on_batch_finished)
        dispatcher.queue_held_elsewhere.connect(self.on_queue_held_elsewhere)
        dispatcher.queue_taken.connect(self.on_queue_taken)
        self.problems = ProblemNotice(self)  # a full disk while the window runs
        dispatcher.problem.connect(self.problems.show)
        self.view.selectionModel().selectionChanged.connect(self._update_details)
        self.details.retry_requested.connect(self.actions_.retry_job)
        self.details.remove_requested.connect(self.actions_.remove_job)
        self.details.show_file_requested.connect(self.actions_.show_file_of)
        self.drop_area.add_files_requested.connect(self.on_add_files)
        self.drop_area.add_folder_requested.connect(self.on_add_folder)
        self.drops.dropped.connect(self.add_paths)
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset):
            signal.connect(self._update_page)
        # Recount at most a few times a second, however many progress updates arrive, and
        # never miss the last one (a throttle: a debounce would wait for a quiet moment).
        self.summary_throttle = Throttle(self._update_summary, SUMMARY_MS, self)
        self._ticker = QTimer(self, interval=TICK_MS)
        self._ticker.timeout.connect(self._on_tick)
        self._ticker.start()

        self._update_page()
        self._update_summary()
        self._restore_ui_state()

    # ---- building -------------------------------------------------------------------------
    def _build_central(self) -> None:
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.banner = FirstRunBanner()
        self.banner.settings_requested.connect(self.open_settings)
        self.banner.setVisible(self._needs_key())
        layout.addWidget(self.banner)
        self.held_banner = QueueHeldBanner()
        layout.addWidget(self.held_banner)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.drop_area)
        table_page = QWidget()
        table_layout = QVBoxLayout(table_page)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.setSpacing(0)
        table_layout.addWidget(self.view, 1)
        table_layout.addWidget(self.details)
        self.stack.addWidget(table_page)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(body)

    # ---- small helpers (tests replace ask) -------------------------------------------------
    def ask(self, title: str, question: str) -> bool:
        answer = QMessageBox.question(self, title, question)
        return answer == QMessageBox.StandardButton.Yes

    def notify(self, message: str) -> None:
        self.statusBar().showMessage(message, MESSAGE_MS)

    def jobs(self) -> list[Job]:
        return self.model.jobs()

    # ---- adding files ---------------------------------------------------------------------
    def add_paths(self, paths: Iterable[str | Path]) -> list[Job]:
        """Files and folders from a drop, a dialog or a second launch."""
        return self.adder.add_paths(paths)

    def on_add_files(self) -> None:
        self.adder.on_add_files()

    def on_add_folder(self) -> None:
        self.adder.on_add_folder()

    # ---- dispatcher events ----------------------------------------------------------------
    def on_job_changed(self, job: Job) -> None:
        previous_row = self.model.row_of(job.id)
        before = self.model.job_at(previous_row).state if previous_row is not None else None
        exported_before = (
            self.model.job_at(previous_row).exported_at if previous_row is not None else None
        )
        self.model.upsert(job)
        if job.state is JobState.DONE and job.exported_at != exported_before:
            self.actions_.announce_export(job)  # written by the worker as the job ended
        self.summary_throttle.request()
        if job.state != before:
            self.actions_.update_enabled()
            self._update_details()

    def on_queue_held_elsewhere(self, sentence: str) -> None:
        self.held_banner.show_holder(sentence)
        self.actions_.update_enabled()

    def on_queue_taken(self) -> None:
        self.held_banner.hide()
        self.notify(self.tr("This window runs the queue now."))
        self.actions_.update_enabled()

    def on_job_removed(self, job_id: int) -> None:
        self.model.remove(job_id)
        self.summary_throttle.request()
        self._update_details()

    def on_running_changed(self, running: int) -> None:
        if running > 0:
            self.inhibitor.inhibit(self.tr("Transcribing recordings"))
        else:
            self.inhibitor.release()

    def on_batch_finished(self, done: int, failed: int, cancelled: int = 0) -> None:
        title, text, warning = self.summary.batch_message(done, failed, cancelled)
        self.notify(text)
        if self.tray is not None:
            kind = QSystemTrayIcon.MessageIcon
            self.tray.showMessage(title, text, kind.Warning if warning else kind.Information)
        QApplication.alert(self)
        self._update_summary()

    def _on_tick(self) -> None:
        if any(job.state.is_active for job in self.model.jobs()):
            self.model.tick()
            self.summary_throttle.request()

    # ---- queue controls -------------------------------------------------------------------
    def on_pause(self) -> None:
        if self.dispatcher.paused:
            self.dispatcher.resume()
        else:
            self.dispatcher.pause()
        self.update_pause_action()
        self._update_summary()

    def update_pause_action(self) -> None:
        chrome.show_paused(self.menu_actions.pause, self.dispatcher.paused, self.palette())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # light <-> dark: icons in the new colours
            self.update_pause_action()
            self.model.forget_icons()

    def on_language_changed(self) -> None:
        value = self.language_combo.currentData()
        if value and value != self.ctx.settings.language:
            self._apply_settings(dataclasses.replace(self.ctx.settings, language=value), save=True)

    # ---- settings -------------------------------------------------------------------------
    def open_settings(self) -> SettingsDialog:
        if self.settings_dialog is None:
            dialog = SettingsDialog(
                dataclasses.replace(self.ctx.settings),
                self.ctx.secrets,
                self.ctx.data_dir,
                check_connection=self.check_connection,
                parent=self,
            )
            dialog.settings_saved.connect(self.on_settings_saved)
            dialog.finished.connect(self._forget_settings_dialog)
            self.settings_dialog = dialog
        self.settings_dialog.show()
        self.settings_dialog.raise_()
        self.settings_dialog.activateWindow()
        return self.settings_dialog

    def _forget_settings_dialog(self) -> None:
        if self.settings_dialog is not None:
            self.settings_dialog.deleteLater()
        self.settings_dialog = None

    def on_settings_saved(self, new: Settings) -> None:
        self._apply_settings(new, save=False)  # the dialog has saved them
        self.banner.setVisible(self._needs_key())

    def _needs_key(self) -> bool:
        """The banner asks for a key only while new files go to SpeechKit without one."""
        needs_key = engine_registry.info(self.ctx.settings.engine).needs_key
        return needs_key and self.ctx.secrets.api_key() is None

    def _apply_settings(self, new: Settings, *, save: bool) -> None:
        # Update in place: the engine factory and the actions hold this same object.
        for f in dataclasses.fields(Settings):
            setattr(self.ctx.settings, f.name, getattr(new, f.name))
        settings = self.ctx.settings
        if save:
            settings_module.save(self.ctx.data_dir, settings)
        self.ctx.service.config.model = settings.model
        self.dispatcher.set_max_workers(settings.parallel_jobs)
        self.model.set_price(settings.price_per_minute, settings.currency)
        index = self.language_combo.findData(settings.language)
        if index >= 0 and index != self.language_combo.currentIndex():
            self.language_combo.blockSignals(True)
            self.language_combo.setCurrentIndex(index)
            self.language_combo.blockSignals(False)
        self._update_summary()

    # ---- help -----------------------------------------------------------------------------
    def open_log_folder(self) -> None:
        self.ctx.log_dir.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ctx.log_dir)))

    def open_known_voices(self) -> VoicesDialog:
        """The saved voices that new transcripts are matched against (rename, delete)."""
        dialog = VoicesDialog(self.ctx.voices, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About kzdesk"), about.about_html(self))

    # ---- view state -----------------------------------------------------------------------
    def _update_page(self) -> None:
        self.stack.setCurrentIndex(1 if self.model.rowCount() else 0)

    def _update_summary(self) -> None:
        jobs = self.jobs()
        settings = self.ctx.settings
        self.summary.update_from(
            jobs,
            price_per_minute=settings.price_per_minute,
            currency=settings.currency,
            paused=self.dispatcher.paused,
            estimate=self.estimator.queue_left(jobs, settings.parallel_jobs),
        )

    def _update_details(self) -> None:
        job = self.view.current_job()
        if job is not None:
            row = self.model.row_of(job.id)
            job = self.model.job_at(row) if row is not None else None
        self.details.show_job(job)

    def _restore_ui_state(self) -> None:
        window_geometry.restore(self, self.ui_state, "main_window/geometry", QSize(1100, 680))
        self.view.restore_header_state(self.ui_state.value("main_window/columns"))

    def _save_ui_state(self) -> None:
        window_geometry.save(self, self.ui_state, "main_window/geometry")
        self.ui_state.setValue("main_window/columns", self.view.header_state())
        self.ui_state.sync()

    # ---- closing --------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        running = self.dispatcher.running_count()
        if running:
            question = self.tr(
                "%n recording(s) are still being transcribed. Close kzdesk anyway? "
                "They continue where they stopped the next time you open it.",
                "",
                running,
            )
            if not self.ask(self.tr("Close kzdesk"), question):
                event.ignore()
                return
        self._save_ui_state()
        self.dispatcher.shutdown()
        self.actions_.wait_for_exports()
        self.inhibitor.release()
        if self.tray is not None:
            self.tray.hide()
        self.editors.close_all()
        event.accept()
        self.closed.emit()
