"""Adding recordings to the queue from a drop, the Add dialogs or a second launch."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

from kzdesk.app import AppContext
from kzdesk.core.job import Job, Language, SpeakersMode
from kzdesk.services.media_scan import MEDIA_EXTENSIONS
from kzdesk.ui.drop_area import collect_media
from kzdesk.workers.dispatcher import Dispatcher

Ask = Callable[[str, str], bool]


class FileAdder(QObject):
    def __init__(
        self,
        window: QWidget,
        ctx: AppContext,
        dispatcher: Dispatcher,
        ui_state: QSettings,
        *,
        language: Callable[[], str | None],
        ask: Callable[[], Ask],
        notify: Callable[[str], None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.dispatcher = dispatcher
        self.ui_state = ui_state
        self.language = language  # the toolbar's choice for new files
        self.ask = ask  # the window's current ask (tests replace it on the window)
        self.notify = notify

    def add_paths(self, paths: Iterable[str | Path]) -> list[Job]:
        """Files and folders from a drop, a dialog or a second launch."""
        files, skipped = collect_media(paths)
        settings = self.ctx.settings
        language = Language(self.language() or settings.language)
        speakers = SpeakersMode(settings.speakers)
        options = {"model": settings.model}

        def same(path: Path) -> Job | None:
            return self.ctx.jobs.find_same(
                path, language=language, speakers=speakers, engine=settings.engine, options=options
            )

        files = self._confirm_again(files, same)
        jobs: list[Job] = []
        if files:
            jobs = self.dispatcher.enqueue_files(
                files, language=language, speakers=speakers, engine=settings.engine, options=options
            )  # each new job arrives through job_added
        parts = []
        if jobs:
            parts.append(self.tr("Added %n recording(s)", "", len(jobs)))
        else:
            parts.append(self.tr("No recordings were added"))
        if skipped:
            parts.append(self.tr("skipped %n file(s) that are not audio or video", "", skipped))
        self.notify(" · ".join(parts) + ".")
        return jobs

    def _confirm_again(self, files: list[Path], same: Callable[[Path], Job | None]) -> list[Path]:
        """Files already in the queue with the same choices are added again only if the
        user says so (SpeechKit bills each submission)."""
        known = [(f, same(f)) for f in files]
        again = [(f, job) for f, job in known if job is not None]
        if not again:
            return files
        if len(again) == 1:
            path, job = again[0]
            question = self.tr(
                "“{name}” is already in the queue (#{number}) with the same settings. "
                "Transcribe it again? With SpeechKit it is billed again.",
            ).format(name=path.name, number=job.id)
        else:
            question = self.tr(
                "%n of these recordings are already in the queue with the same settings. "
                "Transcribe them again? With SpeechKit they are billed again.",
                "",
                len(again),
            )
        if self.ask()(self.tr("Already in the queue"), question):
            return files
        repeated = {f for f, _ in again}
        return [f for f in files if f not in repeated]

    def _last_folder(self) -> str:
        return str(self.ui_state.value("last_folder", str(Path.home())))

    def on_add_files(self) -> None:
        patterns = " ".join(f"*{ext}" for ext in sorted(MEDIA_EXTENSIONS))
        media = self.tr("Audio and video")
        everything = self.tr("All files")
        files, _ = QFileDialog.getOpenFileNames(
            self.window,
            self.tr("Add recordings"),
            self._last_folder(),
            f"{media} ({patterns});;{everything} (*)",
        )
        if files:
            self.ui_state.setValue("last_folder", str(Path(files[0]).parent))
            self.add_paths(files)

    def on_add_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.window,
            self.tr("Add a folder of recordings"),
            self._last_folder(),
        )
        if folder:
            self.ui_state.setValue("last_folder", folder)
            self.add_paths([folder])
