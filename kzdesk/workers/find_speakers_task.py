"""Finding speakers again for the editor, off the GUI thread (the diarization itself runs in a
child process). ``Task.cancel()`` ends the child at once and a cancelled task reports nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QThreadPool

from kzdesk.core.errors import AudioError, Cancelled, ModelsMissing
from kzdesk.core.i18n import QT_TRANSLATE_NOOP
from kzdesk.services.speakers_again import FoundAgain
from kzdesk.workers.background import Task, TaskControl, run_task

UNEXPECTED = QT_TRANSLATE_NOOP(
    "Messages",
    "The speakers could not be found again. The transcript is unchanged; the log file has "
    "the details.",
)

Work = Callable[[Callable[[float], None], Callable[[], bool]], FoundAgain]


def find_speakers(
    work: Work,
    on_done: Callable[[FoundAgain], object],
    on_failed: Callable[[str], object],  # a sentence
    on_progress: Callable[[float], object],  # 0..1
    *,
    pool: QThreadPool | None = None,
    parent: QObject | None = None,
) -> Task[FoundAgain]:
    """Runs ``work(progress, cancelled) -> FoundAgain``."""

    def run(control: TaskControl) -> FoundAgain:
        return work(control.progress, control.cancelled)

    def failed(exc: Exception) -> None:
        if isinstance(exc, AudioError | ModelsMissing):
            on_failed(getattr(exc, "message", None) or str(exc))
        else:
            on_failed(UNEXPECTED)

    return run_task(
        run,
        on_done,
        failed,
        on_progress=on_progress,
        expected=(AudioError, ModelsMissing, Cancelled),
        pool=pool,
        parent=parent,
        name="finding speakers again",
    )
