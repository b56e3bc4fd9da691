"""Downloads a Whisper model off the GUI thread; progress and the end reach the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool

from kzdesk.core.i18n import QT_TRANSLATE_NOOP
from kzdesk.services import models
from kzdesk.workers.background import Task, TaskControl, run_task


def download_model(
    name: str,
    models_dir: Path | None,
    on_done: Callable[[str], object],  # the model's folder
    on_failed: Callable[[str], object],  # a sentence
    on_cancelled: Callable[[], object],  # stopped by Task.cancel(); the partial file stays
    on_progress: Callable[[int, int], object],  # KiB done, KiB in all (0 = not known yet)
    *,
    pool: QThreadPool | None = None,
    parent: QObject | None = None,
) -> Task[str]:
    """``Task.cancel()`` stops at the next received chunk, then ``on_cancelled`` is called."""

    def work(control: TaskControl) -> str:
        def progress(done: int, total: int) -> None:
            # Qt's int is 32-bit: send kilobytes so models over 2 GB still fit
            control.progress(done // 1024, total // 1024)

        return str(
            models.download(name, models_dir, progress=progress, cancelled=control.cancelled)
        )

    def failed(exc: Exception) -> None:
        if isinstance(exc, models.DownloadCancelled):
            on_cancelled()
        elif isinstance(exc, models.ModelError):
            on_failed(exc.message)
        else:
            on_failed(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "The download of “{name}” failed unexpectedly. Details are in the log "
                    "(Help menu).",
                ).format(name=name)
            )

    return run_task(
        work,
        on_done,
        failed,
        on_progress=on_progress,
        expected=(models.DownloadCancelled, models.ModelError),
        report_cancelled=True,
        pool=pool,
        parent=parent,
        name=f"the download of the {name} model",
    )
