"""Per-row actions of the queue (menu, context menu, shortcuts) and what they call."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Qt, QThreadPool, QUrl
from PySide6.QtGui import QAction, QActionGroup, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QDialog, QInputDialog, QMenu, QStyle, QWidget

from kzdesk.core import engine_registry
from kzdesk.core.job import (
    DEFAULT_SPEAKER_RANGE,
    MAX_SPEAKERS,
    Job,
    JobState,
    Language,
    SpeakersMode,
)
from kzdesk.services.exporting import JobExporter
from kzdesk.services.failures import retry_can_help
from kzdesk.services.settings import Settings
from kzdesk.services.transcripts import TranscriptService
from kzdesk.ui.dialogs.glossary_dialog import GlossaryDialog
from kzdesk.ui.messages import translate_message
from kzdesk.ui.queue_view import QueueView
from kzdesk.workers.dispatcher import Dispatcher
from kzdesk.workers.export_task import export_job

Ask = Callable[[str, str], bool]  # (title, question) -> the user agreed
Notify = Callable[[str], None]


# Literal QCoreApplication.translate calls: lupdate files them under "JobActions", where the
# running app looks them up (``owner.tr`` in a helper is filed under no usable context).
def language_names(owner: QObject | None = None) -> dict[Language, str]:
    return {
        Language.KK_RU: QCoreApplication.translate("JobActions", "Kazakh + Russian"),
        Language.KK: QCoreApplication.translate("JobActions", "Kazakh"),
        Language.RU: QCoreApplication.translate("JobActions", "Russian"),
        Language.AUTO: QCoreApplication.translate("JobActions", "Automatic"),
    }


def speakers_names(owner: QObject | None = None) -> dict[SpeakersMode, str]:
    low, high = DEFAULT_SPEAKER_RANGE
    return {
        SpeakersMode.AUTO: QCoreApplication.translate("JobActions", "Automatic"),
        SpeakersMode.COUNT: QCoreApplication.translate("JobActions", "Exactly N people…"),
        SpeakersMode.RANGE: QCoreApplication.translate(
            "JobActions", "Between {low} and {high} people"
        ).format(low=low, high=high),
        SpeakersMode.CHANNELS: QCoreApplication.translate("JobActions", "Each channel is a person"),
        SpeakersMode.OFF: QCoreApplication.translate("JobActions", "Off"),
    }


def can_retry(job: Job) -> bool:
    """Cancelled, or failed for a reason running it again may change (not a bad file)."""
    if job.state is JobState.CANCELLED:
        return True
    return job.state is JobState.FAILED and retry_can_help(job.error)


class _Choice(str):
    """A plain value for the choice menus (they read ``.value`` like the enums)."""

    @property
    def value(self) -> str:
        return str(self)


def engine_names(owner: QObject | None = None) -> dict[_Choice, str]:
    """The engines of the registry with their menu labels."""
    return {_Choice(e.name): translate_message(e.label) for e in engine_registry.all_engines()}


def ask_speaker_count(parent: QWidget, current: int) -> int | None:
    """How many people speak (1..20); None when the user cancels."""
    value, ok = QInputDialog.getInt(
        parent,
        QCoreApplication.translate("JobActions", "Number of speakers"),
        QCoreApplication.translate("JobActions", "How many people speak in this recording?"),
        current,
        1,
        MAX_SPEAKERS,
    )
    return value if ok else None


class JobActions(QObject):
    def __init__(
        self,
        window: QWidget,
        view: QueueView,
        dispatcher: Dispatcher,
        transcripts: TranscriptService,
        settings: Settings,
        exporter: JobExporter,
        *,
        ask: Ask,
        notify: Notify,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.view = view
        self.dispatcher = dispatcher
        self.transcripts = transcripts
        self.settings = settings
        self.exporter = exporter
        self.ask = ask
        self.notify = notify
        # opens a finished job in the transcript editor (set by the main window)
        self.open_editor: Callable[[Job, int], QWidget] | None = None
        # asks how many people speak, given the current number (tests replace it)
        self.ask_count: Callable[[int], int | None] = lambda n: ask_speaker_count(window, n)
        self.export_pool = QThreadPool(self)
        self.export_pool.setMaxThreadCount(2)
        style = window.style()
        sp = QStyle.StandardPixmap

        def make(text: str, icon: QStyle.StandardPixmap | None, keys: str | None, slot) -> QAction:  # type: ignore[no-untyped-def]
            action = QAction(text, window)
            if icon is not None:
                action.setIcon(style.standardIcon(icon))
            if keys:
                action.setShortcut(QKeySequence(keys))
            action.triggered.connect(slot)
            return action

        self.open = make(
            self.tr("Open transcript"), sp.SP_FileDialogDetailedView, "Return", self.on_open
        )
        self.cancel = make(self.tr("Cancel"), sp.SP_BrowserStop, "Ctrl+.", self.on_cancel)
        self.retry = make(self.tr("Retry"), sp.SP_BrowserReload, "Ctrl+R", self.on_retry)
        self.remove = make(self.tr("Remove from queue"), sp.SP_TrashIcon, "Delete", self.on_remove)
        self.show_file = make(
            self.tr("Show in file manager"), sp.SP_DirOpenIcon, "Ctrl+Shift+R", self.on_show_file
        )
        self.export = make(self.tr("Export"), sp.SP_DialogSaveButton, "Ctrl+E", self.on_export)
        self.glossary = make(self.tr("Glossary…"), None, "Ctrl+G", self.on_glossary)
        # Return and Delete belong to the table only (not to the toolbar's combo box).
        for action in (self.open, self.remove):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            view.addAction(action)
        self.all = [self.open, self.cancel, self.retry, self.remove, self.show_file, self.export]

        self.language_menu = QMenu(self.tr("Language"), window)
        self.speakers_menu = QMenu(self.tr("Speakers"), window)
        self.engine_menu = QMenu(self.tr("Engine"), window)
        self._language_group = self._choice_menu(
            self.language_menu, language_names(), self._on_language_chosen
        )
        self._speakers_group = self._choice_menu(
            self.speakers_menu, speakers_names(), self._on_speakers_chosen
        )
        self._engine_group = self._choice_menu(
            self.engine_menu, engine_names(), self._on_engine_chosen
        )
        view.open_requested.connect(self.open_job)
        view.customContextMenuRequested.connect(self.on_context_menu)
        view.selectionModel().selectionChanged.connect(self.update_enabled)
        self.update_enabled()

    def _choice_menu(self, menu: QMenu, names: dict, slot) -> QActionGroup:  # type: ignore[no-untyped-def,type-arg]
        group = QActionGroup(menu)
        for value, text in names.items():
            action = menu.addAction(text)
            action.setCheckable(True)
            action.setData(value.value)
            group.addAction(action)
        group.triggered.connect(slot)
        return group

    # ---- menus ----------------------------------------------------------------------------
    def fill_menu(self, menu: QMenu) -> None:
        menu.addAction(self.open)
        menu.addAction(self.export)
        menu.addAction(self.show_file)
        menu.addSeparator()
        menu.addMenu(self.language_menu)
        menu.addMenu(self.speakers_menu)
        menu.addMenu(self.engine_menu)
        menu.addAction(self.glossary)
        menu.addSeparator()
        menu.addAction(self.cancel)
        menu.addAction(self.retry)
        menu.addAction(self.remove)

    def on_context_menu(self, pos: QPoint) -> None:
        if not self.view.indexAt(pos).isValid():
            return
        menu = QMenu(self.view)
        self.fill_menu(menu)
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def update_enabled(self) -> None:
        jobs = self.view.selected_jobs()
        states = {j.state for j in jobs}
        one = len(jobs) == 1
        self.open.setEnabled(one and jobs[0].state is JobState.DONE)
        self.export.setEnabled(JobState.DONE in states)
        self.show_file.setEnabled(one)
        self.glossary.setEnabled(one)
        owns = self.dispatcher.owns_queue  # else another kzdesk runs these jobs
        self.cancel.setEnabled(owns and any(s is JobState.QUEUED or s.is_active for s in states))
        self.retry.setEnabled(any(can_retry(j) for j in jobs))
        self.remove.setEnabled(owns and bool(jobs))
        queued = bool(jobs) and states == {JobState.QUEUED}
        self.language_menu.setEnabled(queued)
        self.speakers_menu.setEnabled(queued)
        self.engine_menu.setEnabled(queued)
        if queued:
            for group, value in (
                (self._language_group, jobs[0].language.value),
                (self._speakers_group, jobs[0].speakers.value),
                (self._engine_group, jobs[0].engine),
            ):
                for action in group.actions():
                    action.setChecked(action.data() == value)
        count = jobs[0].speakers_count if queued else None
        for action in self._speakers_group.actions():
            if action.data() == SpeakersMode.COUNT.value:
                action.setText(
                    self.tr("Exactly %n people…", "", count)
                    if count is not None
                    else speakers_names()[SpeakersMode.COUNT]
                )

    # ---- handlers -------------------------------------------------------------------------
    def on_open(self) -> None:
        job = self.view.current_job()
        if job is not None:
            self.open_job(job)

    def open_job(self, job: Job) -> QWidget | None:
        tid = self.transcripts.id_for_job(job.id)
        if tid is None:
            self.notify(self.tr("“{name}” has no transcript yet.").format(name=job.file_name))
            return None
        if self.open_editor is None:
            return None
        return self.open_editor(job, tid)

    def on_glossary(self) -> QDialog | None:
        """The job's own names and terms (any state: the editor suggests them too)."""
        job = self.view.current_job()
        if job is None:
            return None
        dialog = GlossaryDialog(job.file_name, list(job.options.get("glossary") or []), self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda d=dialog, j=job.id: self._set_glossary(j, d.terms()))
        dialog.open()
        return dialog

    def _set_glossary(self, job_id: int, terms: list[str]) -> None:
        job = self.dispatcher.set_glossary(job_id, terms)
        if job is not None:
            self.view.source_model.upsert(job)  # the menu reads the row's job

    def on_cancel(self) -> None:
        for job in self.view.selected_jobs():
            if job.state is JobState.QUEUED or job.state.is_active:
                self.dispatcher.cancel(job.id)

    def on_retry(self) -> None:
        for job in self.view.selected_jobs():
            if can_retry(job):
                self.dispatcher.retry(job.id)

    def retry_job(self, job_id: int) -> None:
        self.dispatcher.retry(job_id)

    def remove_job(self, job_id: int) -> None:
        """The details pane's Remove: the same as Remove from queue on that row."""
        self.view.select_job(job_id)
        self.on_remove()

    def show_file_of(self, job_id: int) -> None:
        self.view.select_job(job_id)
        self.on_show_file()

    def on_remove(self) -> None:
        jobs = self.view.selected_jobs()
        if not jobs:
            return
        with_text = [j for j in jobs if self.transcripts.has_transcript(j.id)]
        if with_text:
            if len(with_text) == 1:
                question = self.tr(
                    "The transcript of “{name}” will be lost. Remove it from the queue?"
                ).format(name=with_text[0].file_name)
            else:
                question = self.tr(
                    "%n transcripts will be lost. Remove them from the queue?", "", len(with_text)
                )
            if not self.ask(self.tr("Remove from queue"), question):
                return
        for job in jobs:
            self.dispatcher.remove(job.id)

    def on_show_file(self) -> None:
        job = self.view.current_job()
        if job is None:
            return
        folder = Path(job.source_path).parent
        if not folder.is_dir():
            self.notify(self.tr("The folder “{folder}” no longer exists.").format(folder=folder))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def on_export(self) -> None:
        done = [j for j in self.view.selected_jobs() if j.state is JobState.DONE]
        for job in done:
            self.export_job(job, self.settings.auto_export or ["docx"])

    def export_job(self, job: Job, formats: list[str]) -> None:
        out_dir, pool = self.settings.output_dir or None, self.export_pool
        done, failed = self._on_exported, self._on_export_failed
        export_job(self.exporter, job, formats, out_dir, done, failed, pool=pool, parent=self)

    def wait_for_exports(self, timeout_ms: int = 10_000) -> None:
        """On close: exports are short, let them finish writing their files."""
        self.export_pool.waitForDone(timeout_ms)

    def _on_exported(self, job: Job, paths: list[Path], note: str) -> None:
        self._say_exported(paths, note)

    def announce_export(self, job: Job) -> None:
        """The export a job wrote the moment it was done (its worker wrote it)."""
        since = job.finished_at or 0.0
        paths = self.exporter.paths_of(job.id, since=since)
        self._say_exported(paths, job.export_note or "")

    def _say_exported(self, paths: list[Path], note: str) -> None:
        parts = []
        if paths:
            names = ", ".join(p.name for p in paths)
            parts.append(
                self.tr("Exported {names} to {folder}").format(names=names, folder=paths[0].parent)
            )
        if note:
            parts.append(translate_message(note))
        if parts:
            self.notify(" ".join(parts))

    def _on_export_failed(self, job: Job, message: str) -> None:
        self.notify(translate_message(message))

    def _on_language_chosen(self, action: QAction) -> None:
        self._change_options(language=Language(action.data()))

    def _on_speakers_chosen(self, action: QAction) -> None:
        mode = SpeakersMode(action.data())
        options: dict[str, int | None] = {
            "speakers_count": None,
            "speakers_min": None,
            "speakers_max": None,
        }
        if mode is SpeakersMode.COUNT:
            jobs = self.view.selected_jobs()
            current = jobs[0].speakers_count if jobs else None
            count = self.ask_count(current or DEFAULT_SPEAKER_RANGE[0])
            if count is None:
                self.update_enabled()  # puts the check back on the job's choice
                return
            options["speakers_count"] = count
        elif mode is SpeakersMode.RANGE:
            options["speakers_min"], options["speakers_max"] = DEFAULT_SPEAKER_RANGE
        self._change_options(speakers=mode, options=options)

    def _on_engine_chosen(self, action: QAction) -> None:
        self._change_options(engine=str(action.data()))

    def _change_options(self, **changes: object) -> None:
        model = self.view.source_model
        for job in self.view.selected_jobs():
            if job.state is not JobState.QUEUED:
                continue
            updated = self.dispatcher.update_options(job.id, **changes)  # type: ignore[arg-type]
            if updated is not None:  # else it started meanwhile
                model.upsert(updated)
        self.update_enabled()
