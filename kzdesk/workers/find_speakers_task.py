"""Finding speakers again for the editor, off the GUI thread (the diarization itself runs in a
child process). Keep a reference to the task until it reports; ``cancel()`` ends the child at
once and a cancelled task reports nothing.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, Signal

from kzdesk.core.errors import AudioError, Cancelled, ModelsMissing
from kzdesk.core.i18n import QT_TRANSLATE_NOOP
from kzdesk.services.speakers_again import FoundAgain

log = logging.getLogger(__name__)

UNEXPECTED = QT_TRANSLATE_NOOP(
    "Messages",
    "The speakers could not be found again. The transcript is unchanged; the log file has "
    "the details.",
)


class FindSpeakersSignals(QObject):
    progressed = Signal(float)  # 0..1
    finished = Signal(object)  # services.speakers_again.FoundAgain
    failed = Signal(str)  # sentence


class FindSpeakersTask(QRunnable):
    """Runs ``work(progress, cancelled) -> FoundAgain``."""

    def __init__(
        self, work: Callable[[Callable[[float], None], Callable[[], bool]], FoundAgain]
    ) -> None:
        super().__init__()
        self.signals = FindSpeakersSignals()
        self._work = work
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            found = self._work(self.signals.progressed.emit, self._cancel.is_set)
        except Cancelled:
            return
        except (AudioError, ModelsMissing) as exc:
            if not self._cancel.is_set():
                self.signals.failed.emit(getattr(exc, "message", None) or str(exc))
        except Exception:
            log.exception("finding speakers again failed")
            if not self._cancel.is_set():
                self.signals.failed.emit(UNEXPECTED)
        else:
            if not self._cancel.is_set():
                self.signals.finished.emit(found)
