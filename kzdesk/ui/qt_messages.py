"""Keep the terminal quiet: Qt's and FFmpeg's messages go to kzdesk's log file.

Qt Multimedia says a lot while it starts and opens a recording: which optional libraries it
could not load, that PulseAudio is not running, FFmpeg's description of every stream it opens.
None of that is for the person at the terminal (``make run``); support may want it, so Qt's
messages go to the log file (Python ``logging``), and FFmpeg's own output, which bypasses Qt,
is limited to fatal errors. ``QT_FFMPEG_DEBUG`` (Qt's switch for FFmpeg's debug output) leaves
FFmpeg as it is.
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

log = logging.getLogger("qt")

AV_LOG_FATAL = 8
# Qt's warnings are mostly about optional parts (no VA-API, no PipeWire): information here
_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.DEBUG,
    QtMsgType.QtWarningMsg: logging.INFO,
    QtMsgType.QtCriticalMsg: logging.WARNING,
    QtMsgType.QtFatalMsg: logging.ERROR,
}


def _to_log(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    category = context.category or "default"
    logging.getLogger(f"qt.{category}").log(_LEVELS.get(kind, logging.INFO), "%s", message)


def route_qt_messages() -> None:
    """Qt's messages (every category) into the Python log instead of the terminal."""
    qInstallMessageHandler(_to_log)


def ffmpeg_libraries() -> list[Path]:
    """The libavutil that Qt Multimedia loads (PySide6 ships its own FFmpeg)."""
    import PySide6

    found: list[Path] = []
    for root in map(Path, PySide6.__path__):
        for folder in (root, root / "Qt" / "lib"):
            for pattern in ("libavutil.so.*", "libavutil.*.dylib", "avutil-*.dll"):
                found += sorted(folder.glob(pattern))
    return found


def quiet_ffmpeg() -> bool:
    """Only fatal FFmpeg messages on stderr (no stream banners); True when it was set."""
    if os.environ.get("QT_FFMPEG_DEBUG"):
        return False
    for library in ffmpeg_libraries():
        try:
            avutil = ctypes.CDLL(str(library))
            avutil.av_log_set_level(ctypes.c_int(AV_LOG_FATAL))
        except (OSError, AttributeError):
            log.debug("could not quiet FFmpeg through %s", library, exc_info=True)
            continue
        return True
    if sys.platform != "darwin":  # macOS may use its own media backend
        log.debug("no FFmpeg library of Qt Multimedia found")
    return False
