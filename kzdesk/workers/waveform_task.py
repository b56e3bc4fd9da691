"""Waveform peaks computed off the GUI thread (cached on disk by services.waveform).

``Task.cancel()`` stops the decode at the next chunk; a cancelled task reports nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool

from kzdesk.core.errors import AudioError, Cancelled
from kzdesk.core.i18n import QT_TRANSLATE_NOOP
from kzdesk.services.playback_source import PlaybackSource, peaks_for_source
from kzdesk.services.waveform import DEFAULT_BINS_PER_SECOND, Peaks
from kzdesk.workers.background import Task, TaskControl, run_task

UNEXPECTED = QT_TRANSLATE_NOOP(
    "Messages", "The waveform could not be drawn. Playback and editing still work."
)


def compute_peaks(
    source: PlaybackSource | str | Path,
    cache_dir: str | Path,
    on_done: Callable[[Peaks], object],
    on_failed: Callable[[str], object],  # a sentence
    *,
    bins_per_second: int = DEFAULT_BINS_PER_SECOND,
    pool: QThreadPool | None = None,
    parent: QObject | None = None,
) -> Task[Peaks]:
    playback = PlaybackSource.file(source) if isinstance(source, str | Path) else source

    def work(control: TaskControl) -> Peaks:
        return peaks_for_source(
            playback,
            Path(cache_dir),
            bins_per_second=bins_per_second,
            cancelled=control.cancelled,
        )

    def failed(exc: Exception) -> None:
        on_failed(exc.message if isinstance(exc, AudioError) else UNEXPECTED)

    return run_task(
        work,
        on_done,
        failed,
        expected=(AudioError, Cancelled),
        pool=pool,
        parent=parent,
        name=f"waveform of {playback.pieces[0].path}",
    )
