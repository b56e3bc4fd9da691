"""Writes the editor's exports (one file per format) off the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool

from kzdesk.core.transcript import Transcript
from kzdesk.services.exporting import ExportOptions, write_file
from kzdesk.workers.background import Task, TaskControl, run_task

log = logging.getLogger(__name__)


def write_exports(
    transcript: Transcript,
    targets: list[tuple[str, Path]],
    options: ExportOptions,
    on_done: Callable[[list[Path]], object],  # the files written
    on_failed: Callable[[str, str], object],  # the file being written, the reason ("": unexpected)
    on_progress: Callable[[int, int], object],  # files written, files in all
    *,
    replace: bool = True,  # False: a name taken meanwhile fails instead of replacing
    pool: QThreadPool | None = None,
    parent: QObject | None = None,
) -> Task[list[Path]]:
    """One export per (format, path) from a snapshot of the transcript. ``Task.cancel()``
    stops before the next file; the files already written stay and are reported."""
    current = [targets[0][1] if targets else Path()]  # the file being written

    def work(control: TaskControl) -> list[Path]:
        written: list[Path] = []
        for fmt, path in targets:
            if control.cancelled():
                break
            current[0] = path
            path.parent.mkdir(parents=True, exist_ok=True)
            written.append(write_file(transcript, fmt, path, options, replace=replace))
            control.progress(len(written), len(targets))
        return written

    def failed(exc: Exception) -> None:
        if isinstance(exc, OSError):
            log.warning("export to %s failed: %s", current[0], exc)
            on_failed(str(current[0]), exc.strerror or str(exc))
        else:
            on_failed(str(current[0]), "")

    return run_task(
        work,
        on_done,
        failed,
        on_progress=on_progress,
        expected=(OSError,),
        report_cancelled=True,
        pool=pool,
        parent=parent,
        name=f"export to {current[0]}",
    )
