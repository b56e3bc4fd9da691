"""Qt's and FFmpeg's chatter goes to the log file, not the terminal of `make run`."""

from __future__ import annotations

import ctypes
import logging
import os
import sys

import pytest
from PySide6.QtCore import qInstallMessageHandler, qWarning
from PySide6.QtMultimedia import QMediaPlayer

from kzdesk.ui import qt_messages


def test_qt_warnings_go_to_the_log_not_the_terminal(capfd, caplog) -> None:
    caplog.set_level(logging.DEBUG, logger="qt")
    previous = qInstallMessageHandler(qt_messages._to_log)
    try:
        capfd.readouterr()
        qWarning("PulseAudioService: pa_context_connect() failed")
        out, err = capfd.readouterr()
    finally:
        qInstallMessageHandler(previous)
    assert "pa_context_connect" not in err + out
    assert "pa_context_connect" in caplog.text


@pytest.mark.skipif(sys.platform != "linux", reason="the library names checked are Linux's")
def test_ffmpeg_prints_fatal_errors_only(qtbot, monkeypatch) -> None:
    monkeypatch.delenv("QT_FFMPEG_DEBUG", raising=False)
    QMediaPlayer()  # Qt Multimedia loads its FFmpeg
    names = qt_messages.ffmpeg_libraries()
    assert names, "PySide6 ships FFmpeg for Qt Multimedia"
    avutil = ctypes.CDLL(names[0], mode=os.RTLD_NOLOAD)  # the copy Qt loaded, no other
    before = avutil.av_log_get_level()
    try:
        assert qt_messages.quiet_ffmpeg()
        assert avutil.av_log_get_level() == qt_messages.AV_LOG_FATAL
    finally:
        avutil.av_log_set_level(ctypes.c_int(before))
    monkeypatch.setenv("QT_FFMPEG_DEBUG", "1")
    assert not qt_messages.quiet_ffmpeg()  # a developer asked to see FFmpeg's output
