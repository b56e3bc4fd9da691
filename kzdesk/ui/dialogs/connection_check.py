"""Runs a connection test off the GUI thread; the result comes back as a queued signal."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, Signal

from kzdesk.core.engine import EngineError
from kzdesk.ui.messages import translate_message

log = logging.getLogger(__name__)


class ConnectionCheckSignals(QObject):
    finished = Signal(int, bool, str)  # generation, succeeded, sentence ("" = unexpected error)


class ConnectionCheck(QRunnable):
    """``check(api_key, folder_id)`` raises EngineError with a sentence when it fails."""

    def __init__(
        self, check: Callable[[str, str], None], key: str, folder_id: str, generation: int
    ) -> None:
        super().__init__()
        self.signals = ConnectionCheckSignals()  # created in the GUI thread, lives there
        self._check, self._key, self._folder_id = check, key, folder_id
        self._generation = generation

    def run(self) -> None:
        try:
            self._check(self._key, self._folder_id)
        except EngineError as exc:
            self.signals.finished.emit(self._generation, False, translate_message(exc.message))
        except Exception:
            log.exception("the connection test failed unexpectedly")
            self.signals.finished.emit(self._generation, False, "")
        else:
            self.signals.finished.emit(self._generation, True, "")
