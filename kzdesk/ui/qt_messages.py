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
import re
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
    name = category if category.startswith("qt.") else f"qt.{category}"
    logging.getLogger(name).log(_LEVELS.get(kind, logging.INFO), "%s", message)


def route_qt_messages() -> None:
    """Qt's messages (every category) into the Python log instead of the terminal."""
    qInstallMessageHandler(_to_log)


_SONAME = re.compile(r"^(libavutil\.so\.\d+|libavutil\.\d+\.dylib|avutil-\d+\.dll)$")


def ffmpeg_libraries() -> list[str]:
    """The names of the libavutil that Qt Multimedia loads (PySide6 ships its own FFmpeg)."""
    import PySide6

    names: set[str] = set()
    for root in map(Path, PySide6.__path__):
        for folder in (root, root / "Qt" / "lib"):
            if folder.is_dir():
                names.update(p.name for p in folder.iterdir() if _SONAME.match(p.name))
    return sorted(names)


def quiet_ffmpeg() -> bool:
    """Only fatal FFmpeg messages on stderr (no stream banners). Works once Qt Multimedia
    has loaded FFmpeg (after the first QMediaPlayer): the library already in the process is
    used, never a second copy. True when the level was set."""
    if os.environ.get("QT_FFMPEG_DEBUG"):
        return False
    mode = getattr(os, "RTLD_NOLOAD", 0) | getattr(os, "RTLD_LOCAL", 0)
    for name in ffmpeg_libraries():
        try:
            avutil = ctypes.CDLL(name, mode=mode)
            avutil.av_log_set_level(ctypes.c_int(AV_LOG_FATAL))
        except (OSError, AttributeError):
            continue
        return True
    log.debug("FFmpeg of Qt Multimedia is not loaded (yet)")
    return False
