"""Windows open where they were left, and never larger than the screen they open on.

A remembered geometry is restored (``QWidget.restoreGeometry``); a first start takes the
preferred size, shrunk to fit the available area of the screen (a 1366×768 laptop at 125 %
leaves about 1090×580 logical pixels) and centred. Whatever was restored is then clamped to
that area too: a geometry saved on a larger monitor, or before the scale factor grew, never
opens beyond the screen's edges.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

FILL = 0.9  # a first start takes at most this share of the available area


def fit_rect(wanted: QRect, available: QRect) -> QRect:
    """``wanted`` made no larger than ``available`` and moved inside it."""
    width = min(wanted.width(), available.width())
    height = min(wanted.height(), available.height())
    x = min(max(wanted.x(), available.left()), available.right() - width + 1)
    y = min(max(wanted.y(), available.top()), available.bottom() - height + 1)
    return QRect(x, y, width, height)


def first_size(preferred: QSize, available: QRect) -> QSize:
    return QSize(
        min(preferred.width(), int(available.width() * FILL)),
        min(preferred.height(), int(available.height() * FILL)),
    )


def available_area(window: QWidget) -> QRect | None:
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else None


def restore(window: QWidget, state: QSettings, key: str, preferred: QSize) -> bool:
    """Restore the geometry saved under ``key`` (True), else size and centre the window for a
    first start (False); either way it fits the screen."""
    saved = state.value(key)
    restored = isinstance(saved, QByteArray | bytes) and window.restoreGeometry(QByteArray(saved))
    area = available_area(window)
    if area is None:
        if not restored:
            window.resize(preferred)
        return restored
    if not restored:
        size = first_size(preferred, area)
        window.resize(size)
        frame = QRect(0, 0, size.width(), size.height())
        frame.moveCenter(area.center())
        window.move(frame.topLeft())
        return False
    if not (window.isMaximized() or window.isFullScreen()):
        fitted = fit_rect(window.geometry(), area)
        if fitted != window.geometry():
            window.setGeometry(fitted)
    return True


def save(window: QWidget, state: QSettings, key: str) -> None:
    state.setValue(key, window.saveGeometry())
