"""The editor's player: QMediaPlayer + QAudioOutput behind a small, time-base-aware API.

Positions are in the transcript's time base. A long recording whose original is gone plays
from its converted pieces: the piece offset is added to every position, a seek may open another
piece, and playback moves on to the next piece at the end of one.

QMediaPlayer reports its position every 50 ms or so, which makes word highlighting step. While
playing, a 30 ms timer extrapolates from the last report and the rate (QElapsedTimer), capped a
little ahead of the report so a stall does not run away, and never going backwards.

``QMediaPlayer.stop()`` and ``setSource()`` wait for Qt's FFmpeg threads, and such a thread may
wait for the Python interpreter lock (a Qt object it tears down calls a virtual of a
Python-wrapped object). Called from Python — which holds the lock — that froze the window once
(a CI run, caught with py-spy). So the player makes those two calls from a short local event
loop (:func:`call_unlocked`): the loop lets go of the lock, the queued call runs from it, and the
player goes on only once the call returned, in the same order as before.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import (
    Q_ARG,
    QElapsedTimer,
    QEventLoop,
    QMetaObject,
    QObject,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtMultimedia import QAudioDevice, QAudioOutput, QMediaDevices, QMediaPlayer

from kzdesk.services.playback_source import PlaybackSource, readable
from kzdesk.ui.qt_messages import quiet_ffmpeg

log = logging.getLogger(__name__)

MIN_RATE = 0.5
MAX_RATE = 2.0
TICK_MS = 30
_MAX_LEAD_MS = 300  # how far the extrapolated position may run ahead of QMediaPlayer's report

_Status = QMediaPlayer.MediaStatus
_State = QMediaPlayer.PlaybackState
_Error = QMediaPlayer.Error


def call_unlocked(target: QObject, method: str, *args: object) -> None:
    """``target.method(*args)`` (a Qt slot, arguments as ``Q_ARG``) called from a local event
    loop, which has released the interpreter lock, before this returns. User input waits (it is
    not handled inside the call); timers and queued signals may run, as they would from the
    window's own loop."""
    loop = QEventLoop()
    queued = Qt.ConnectionType.QueuedConnection
    if not QMetaObject.invokeMethod(target, method, queued, *args):
        raise RuntimeError(f"{type(target).__name__}.{method} cannot be invoked")
    QMetaObject.invokeMethod(loop, "quit", queued)
    loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)


class Player(QObject):
    position_changed = Signal(int)  # ms, transcript time base
    duration_changed = Signal(int)  # ms
    playing_changed = Signal(bool)
    rate_changed = Signal(float)
    availability_changed = Signal(bool)  # a source is loaded (False: see unavailable_message())
    failed = Signal(str)  # a sentence for the user
    sound_device_changed = Signal(bool)  # speakers or headphones came or went

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        outputs: Callable[[], Sequence[QAudioDevice]] | None = None,
    ) -> None:
        super().__init__(parent)
        self._media = QMediaPlayer(self)
        quiet_ffmpeg()  # FFmpeg is loaded now: no stream banners in the terminal
        self._output = QAudioOutput(self)
        self._media.setAudioOutput(self._output)
        # Without a sound device QMediaPlayer plays silently with a moving position: the bar
        # says so. ``outputs`` lists the devices (tests give their own list).
        self._outputs = outputs or QMediaDevices.audioOutputs
        self._has_sound_device = bool(self._outputs())
        self._devices = QMediaDevices(self)
        self._devices.audioOutputsChanged.connect(self.check_sound_devices)
        self._source: PlaybackSource | None = None
        self._piece = 0
        self._pending_seek: int | None = None  # piece-local ms, applied once the piece loads
        self._switching = False  # opening another piece: do not report a pause
        self._resume_after_switch = False
        self._playing = False
        self._rate = 1.0
        self._position = 0
        self._duration = 0
        self._range_end: int | None = None
        self._message = ""
        self._reported = 0  # last position QMediaPlayer reported, transcript time base
        self._since_report = QElapsedTimer()
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.setTimerType(Qt.TimerType.PreciseTimer)
        self._ticker.timeout.connect(self._on_tick)
        self._media.positionChanged.connect(self._on_media_position)
        self._media.durationChanged.connect(self._on_media_duration)
        self._media.playbackStateChanged.connect(self._on_state)
        self._media.mediaStatusChanged.connect(self._on_status)
        self._media.errorOccurred.connect(self._on_error)

    # ---- state ------------------------------------------------------------------------------
    def source(self) -> PlaybackSource | None:
        return self._source

    def is_available(self) -> bool:
        return self._source is not None

    def unavailable_message(self) -> str:
        """Why nothing can be played (empty while a source is loaded)."""
        return self._message

    def position(self) -> int:
        return self._position

    def duration(self) -> int:
        return self._duration

    def is_playing(self) -> bool:
        return self._playing

    def rate(self) -> float:
        return self._rate

    def has_sound_device(self) -> bool:
        """Whether there is anything to hear the recording on (speakers, headphones)."""
        return self._has_sound_device

    def check_sound_devices(self) -> None:
        """Devices came or went: follow the system's default one and say if none is left."""
        had = self._has_sound_device
        self._has_sound_device = bool(self._outputs())
        if self._has_sound_device:
            self._output.setDevice(QMediaDevices.defaultAudioOutput())
        if had != self._has_sound_device:
            log.info("sound output device %s", "found" if self._has_sound_device else "gone")
            self.sound_device_changed.emit(self._has_sound_device)

    def volume(self) -> float:
        return self._output.volume()

    def set_volume(self, volume: float) -> None:
        self._output.setVolume(min(max(volume, 0.0), 1.0))

    # ---- loading ----------------------------------------------------------------------------
    def load(self, source: PlaybackSource | str | Path | None, message: str = "") -> bool:
        """Open ``source`` (a path means that one file). With None, or a file that is not
        there, nothing can be played: ``message`` (or a sentence of ours) says why. Returns
        whether a source is loaded."""
        self._stop_media()
        if isinstance(source, str | Path):
            source = PlaybackSource.file(source)
        if source is None:
            self._unload(message or self.tr("There is no recording to play."))
            return False
        missing = [p.path for p in source.pieces if not readable(p.path)]
        if missing:
            name = missing[0].name
            log.warning("cannot play %s: missing or unreadable", missing[0])
            sentence = self.tr(
                "The recording “{name}” is not there any more or cannot be read, so it cannot "
                "be played. The transcript can still be edited and exported."
            ).format(name=name)
            self._unload(sentence)
            self.failed.emit(sentence)
            return False
        self._source = source
        self._message = ""
        self._set_duration(source.duration_ms)
        self._set_position(0, force=True)
        self._open_piece(0, 0)
        self.availability_changed.emit(True)
        return True

    def unload(self, message: str = "") -> None:
        self._stop_media()
        self._unload(message or self.tr("There is no recording to play."))

    def _unload(self, message: str) -> None:
        was = self._source is not None
        self._source = None
        self._message = message
        self._set_source(QUrl())
        self._set_duration(0)
        self._set_position(0, force=True)
        if was or message:
            self.availability_changed.emit(False)

    # ---- transport --------------------------------------------------------------------------
    def play(self) -> None:
        if self._source is None:
            return
        if self._duration and self._position >= self._duration:
            self.seek(0)  # at the end: play again from the start
        self._range_end = None
        self._start()

    def pause(self) -> None:
        self._range_end = None
        self._resume_after_switch = False
        self._media.pause()
        was_playing = self._playing
        self._set_playing(False)
        if was_playing and not self._switching and self._pending_seek is None:
            # The extrapolated position may have run a little ahead: show where sound stopped.
            self._set_position(self._offset() + self._media.position(), force=True)

    def toggle(self) -> None:
        if self._playing:
            self.pause()
        else:
            self.play()

    def seek(self, ms: int) -> None:
        if self._source is None:
            return
        ms = max(int(ms), 0)
        if self._duration:
            ms = min(ms, self._duration)
        index = self._source.piece_index_at(ms)
        local = ms - self._source.pieces[index].offset_ms
        if index != self._piece:
            self._resume_after_switch = self._playing
            self._open_piece(index, local)
        elif self._media.mediaStatus() in (_Status.LoadingMedia, _Status.NoMedia):
            self._pending_seek = local
        else:
            self._media.setPosition(local)
        self._set_position(ms, force=True)

    def skip(self, delta_ms: int) -> None:
        self.seek(self._position + int(delta_ms))

    def set_rate(self, rate: float) -> None:
        rate = min(max(float(rate), MIN_RATE), MAX_RATE)
        if abs(rate - self._rate) < 1e-6:
            return
        self._sync_clock()
        self._rate = rate
        self._media.setPlaybackRate(rate)
        self.rate_changed.emit(rate)

    def play_range(self, start_ms: int, end_ms: int) -> None:
        """Play [start_ms, end_ms) and pause there (a speaker's sample)."""
        if self._source is None or end_ms <= start_ms:
            return
        self.seek(start_ms)
        self._start()
        self._range_end = int(end_ms)

    # ---- internals --------------------------------------------------------------------------
    def _start(self) -> None:
        self._media.play()
        self._set_playing(True)

    def _stop_media(self) -> None:
        self._range_end = None
        self._pending_seek = None
        self._switching = False
        self._resume_after_switch = False
        call_unlocked(self._media, "stop")
        self._set_playing(False)

    def _open_piece(self, index: int, local_ms: int) -> None:
        assert self._source is not None
        self._piece = index
        self._pending_seek = local_ms or None
        self._switching = self._resume_after_switch
        self._set_source(QUrl.fromLocalFile(str(self._source.pieces[index].path)))
        if self._resume_after_switch:
            self._media.play()

    def _set_source(self, url: QUrl) -> None:
        call_unlocked(self._media, "setSource", Q_ARG(QUrl, url))

    def _offset(self) -> int:
        if self._source is None:
            return 0
        return self._source.pieces[self._piece].offset_ms

    def _set_playing(self, playing: bool) -> None:
        if playing:
            self._sync_clock()
            self._ticker.start()
        else:
            self._ticker.stop()
        if playing != self._playing:
            self._playing = playing
            self.playing_changed.emit(playing)

    def _set_duration(self, ms: int) -> None:
        if ms != self._duration:
            self._duration = ms
            self.duration_changed.emit(ms)

    def _set_position(self, ms: int, *, force: bool = False) -> None:
        """Report ``ms``; while playing, positions only go forwards unless ``force``."""
        if force:
            self._reported = ms
            self._since_report.restart()
        elif self._playing and ms < self._position:
            return
        if self._range_end is not None and ms >= self._range_end:
            ms = self._range_end
            self._range_end = None
            self._media.pause()
            self._set_playing(False)
        if ms != self._position:
            self._position = ms
            self.position_changed.emit(ms)

    def _sync_clock(self) -> None:
        self._reported = self._position
        self._since_report.restart()

    def _on_tick(self) -> None:
        if not self._playing or self._switching or not self._since_report.isValid():
            return
        lead = min(int(self._since_report.elapsed() * self._rate), _MAX_LEAD_MS)
        ms = self._reported + lead
        if self._duration:
            ms = min(ms, self._duration)
        self._set_position(ms)

    def _on_media_position(self, local_ms: int) -> None:
        if not self._playing or self._switching or self._pending_seek is not None:
            return  # paused: seek() and pause() already said where playback stands
        ms = self._offset() + local_ms
        self._reported = ms
        self._since_report.restart()
        self._set_position(ms)

    def _on_media_duration(self, local_ms: int) -> None:
        if self._source is None or local_ms <= 0:
            return
        if len(self._source.pieces) == 1:
            self._set_duration(local_ms)
        else:  # pieces: the whole length may be known before the last piece opens
            end = self._offset() + local_ms
            self._set_duration(max(self._source.duration_ms, end, self._duration))

    def _on_status(self, status: _Status) -> None:
        if status in (_Status.LoadedMedia, _Status.BufferedMedia) and self._pending_seek:
            local, self._pending_seek = self._pending_seek, None
            self._media.setPosition(local)
        elif (
            status is _Status.EndOfMedia
            and not self._switching
            and self._media.mediaStatus() is _Status.EndOfMedia  # not a stale report
        ):
            self._on_end_of_piece()
        if (
            self._switching
            and status is not _Status.LoadingMedia
            and self._media.playbackState() is _State.PlayingState
        ):
            self._switching = False
            self._resume_after_switch = False
            self._sync_clock()

    def _on_end_of_piece(self) -> None:
        assert self._source is not None
        if self._playing and self._piece + 1 < len(self._source.pieces):
            nxt = self._source.pieces[self._piece + 1]
            self._resume_after_switch = True
            self._open_piece(self._piece + 1, 0)
            self._set_position(nxt.offset_ms, force=True)
            return
        end = self._offset() + max(self._media.duration(), 0)
        self._set_position(max(end, self._position), force=True)
        self._set_playing(False)

    def _on_state(self, state: _State) -> None:
        if state is _State.PlayingState:
            self._set_playing(True)
        elif state is _State.StoppedState and not self._switching:
            # At the end of a piece the state changes before the status says EndOfMedia.
            length = self._media.duration()
            if self._source is not None and 0 < length <= self._media.position() + 100:
                self._on_end_of_piece()
            else:
                self._set_playing(False)

    def _on_error(self, error: _Error, detail: str) -> None:
        if error is _Error.NoError:
            return
        path = self._source.pieces[self._piece].path if self._source else None
        log.warning("playback of %s failed: %s (%s)", path, detail, error.name)
        name = path.name if path else ""
        if error is _Error.FormatError:
            sentence = self.tr(
                "kzdesk cannot play “{name}”: its format is not supported for playback. "
                "The transcript can still be edited and exported."
            )
        elif error is _Error.AccessDeniedError:
            sentence = self.tr(
                "kzdesk is not allowed to read “{name}”, so it cannot be played. "
                "Change the file's permissions or copy it to a folder of your own."
            )
        else:
            sentence = self.tr(
                "“{name}” could not be played. It may be damaged, or it was moved while "
                "open. The transcript can still be edited and exported."
            )
        sentence = sentence.format(name=name)
        self._stop_media()
        self._unload(sentence)
        self.failed.emit(sentence)
