"""Spelling off the window's thread: one worker for every editor window of the app.

The dictionaries load once (about two seconds for Kazakh, Russian and English) on a one-thread
pool; words the editors ask about are checked there in batches and the answers land in the
shared :class:`~kzdesk.core.spelling.SpellCache` on the window thread, which then repaints.
Suggestions (up to a second each) run there too. The window thread never calls Hunspell.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from kzdesk.core.spelling import SpellCache
from kzdesk.services.spelling import Dictionaries, SpellingUnavailable
from kzdesk.workers.background import run_task

log = logging.getLogger(__name__)


class SpellingWorker(QObject):
    loaded = Signal()  # the dictionaries are there (or spelling is off: see unavailable)
    unavailable = Signal(str)  # a sentence: spelling cannot be checked on this computer
    answered = Signal()  # new answers are in the cache: repaint
    suggested = Signal(str, object)  # word, [corrections]

    def __init__(self, dictionaries: Dictionaries | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.cache = SpellCache()
        self.dictionaries = dictionaries or Dictionaries()
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # Hunspell is not thread-safe; one queue for all
        self.state = "idle"  # "loading", "ready", "unavailable"
        self.message = ""
        self._wanted: set[tuple[str, str]] = set()
        self._asked: set[tuple[str, str]] = set()
        self._busy = False
        self._flush = QTimer(self, singleShot=True, interval=0)
        self._flush.timeout.connect(self._send)

    # ---- loading --------------------------------------------------------------------------
    def start(self) -> None:
        """Load the dictionaries (once); ``loaded`` or ``unavailable`` follows."""
        if self.state != "idle":
            return
        self.state = "loading"
        self._run(self.dictionaries.load, self._on_loaded)

    def _on_loaded(self, result: object) -> None:
        if isinstance(result, SpellingUnavailable | Exception):
            self.state = "unavailable"
            self.message = str(result) if isinstance(result, SpellingUnavailable) else ""
            self.unavailable.emit(self.message)
            return
        self.state = "ready"
        self.cache.available = frozenset(result)
        self.loaded.emit()
        self._flush.start()

    # ---- checking -------------------------------------------------------------------------
    def ask(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Queue (language, word) pairs whose answers are not in the cache yet."""
        new = [p for p in pairs if p not in self._asked]
        if new:
            self._wanted.update(new)
            self._asked.update(new)
            self._flush.start()

    def _send(self) -> None:
        if self._busy or not self._wanted or self.state != "ready":
            return
        batch, self._wanted = list(self._wanted), set()
        self._busy = True
        self._run(lambda: self.dictionaries.check_all(batch), self._on_checked)

    def _on_checked(self, result: object) -> None:
        self._busy = False
        if isinstance(result, list):
            generation = self.cache.generation
            self.cache.store(result)
            if self.cache.generation != generation:
                self._asked.clear()  # the cache forgot its answers: ask again when painted
            self.answered.emit()
        self._flush.start()

    def suggest(self, languages: tuple[str, ...], word: str) -> None:
        if self.state != "ready":
            self.suggested.emit(word, [])
            return
        self._run(
            lambda: self.dictionaries.suggest(languages, word),
            lambda result: self.suggested.emit(word, result if isinstance(result, list) else []),
        )

    # ---- tasks ----------------------------------------------------------------------------
    def _run(self, job: Callable[[], Any], then: Callable[[Any], None]) -> None:
        """``then(result)`` on this thread; a failure is passed as the result (the exception):
        the window decides what to say."""

        def failed(exc: Exception) -> None:
            log.warning("a spelling task failed", exc_info=exc)
            then(exc)

        run_task(
            lambda _control: job(), then, failed, expected=(Exception,), pool=self.pool, parent=self
        )

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for the running tasks (tests, closing)."""
        return self.pool.waitForDone(msecs)
