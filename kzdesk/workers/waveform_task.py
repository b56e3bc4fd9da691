"""Waveform peaks computed off the GUI thread (cached on disk by services.waveform).

Keep a reference to the task (or its signals) until it reports: the signals object must live
until the queued signal reaches the GUI thread. ``cancel()`` stops the decode at the next chunk;
a cancelled task reports nothing.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

from kzdesk.core.errors import AudioError, Cancelled
from kzdesk.core.i18n import QT_TRANSLATE_NOOP
from kzdesk.services.playback_source import PlaybackSource, peaks_for_source
from kzdesk.services.waveform import DEFAULT_BINS_PER_SECOND

log = logging.getLogger(__name__)

UNEXPECTED = QT_TRANSLATE_NOOP(
    "Messages", "The waveform could not be drawn. Playback and editing still work."
)


class WaveformSignals(QObject):
    finished = Signal(object)  # services.waveform.Peaks
    failed = Signal(str)  # sentence


class WaveformTask(QRunnable):
    def __init__(
        self,
        source: PlaybackSource | str | Path,
        cache_dir: str | Path,
        *,
        bins_per_second: int = DEFAULT_BINS_PER_SECOND,
    ) -> None:
        super().__init__()
        self.signals = WaveformSignals()
        if isinstance(source, str | Path):
            source = PlaybackSource.file(source)
        self._source = source
        self._cache_dir = Path(cache_dir)
        self._bins_per_second = bins_per_second
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            peaks = peaks_for_source(
                self._source,
                self._cache_dir,
                bins_per_second=self._bins_per_second,
                cancelled=self._cancel.is_set,
            )
        except Cancelled:
            return
        except AudioError as exc:
            if not self._cancel.is_set():
                self.signals.failed.emit(exc.message)
        except Exception:
            log.exception("waveform of %s failed", self._source.pieces[0].path)
            if not self._cancel.is_set():
                self.signals.failed.emit(UNEXPECTED)
        else:
            if not self._cancel.is_set():
                self.signals.finished.emit(peaks)
