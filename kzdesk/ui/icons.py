"""Small icons drawn in the palette's text colour, so they read on light and dark themes alike.

Qt's standard media icons (``SP_MediaPlay`` …) are dark pictures in several styles: on a dark
palette they disappear. These are drawn as shapes in the colour of the text they sit beside,
at the sizes and pixel ratios a toolbar asks for, with a greyed version for disabled controls.
Widgets rebuild them when the palette changes (light ↔ dark).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap

SIZES = (16, 20, 22, 24, 32, 48)
RATIOS = (1.0, 2.0)

Shape = Callable[[QPainter, QRectF, QColor], None]


def _play(p: QPainter, r: QRectF, c: QColor) -> None:
    path = QPainterPath(QPointF(r.left() + r.width() * 0.22, r.top() + r.height() * 0.14))
    path.lineTo(r.left() + r.width() * 0.86, r.center().y())
    path.lineTo(r.left() + r.width() * 0.22, r.top() + r.height() * 0.86)
    path.closeSubpath()
    p.fillPath(path, c)


def _pause(p: QPainter, r: QRectF, c: QColor) -> None:
    w, h = r.width(), r.height()
    for x in (0.22, 0.58):
        p.fillRect(QRectF(r.left() + w * x, r.top() + h * 0.16, w * 0.2, h * 0.68), c)


def _seek(forward: bool) -> Shape:
    def draw(p: QPainter, r: QRectF, c: QColor) -> None:
        w, h = r.width(), r.height()
        for start in (0.1, 0.48):
            x0 = r.left() + w * start
            path = QPainterPath()
            if forward:
                path.moveTo(x0, r.top() + h * 0.2)
                path.lineTo(x0 + w * 0.42, r.center().y())
                path.lineTo(x0, r.top() + h * 0.8)
            else:
                path.moveTo(x0 + w * 0.42, r.top() + h * 0.2)
                path.lineTo(x0, r.center().y())
                path.lineTo(x0 + w * 0.42, r.top() + h * 0.8)
            path.closeSubpath()
            p.fillPath(path, c)

    return draw


def _arrow(up: bool) -> Shape:
    def draw(p: QPainter, r: QRectF, c: QColor) -> None:
        w, h = r.width(), r.height()
        path = QPainterPath()
        if up:
            path.moveTo(r.center().x(), r.top() + h * 0.12)
            path.lineTo(r.left() + w * 0.84, r.top() + h * 0.5)
            path.lineTo(r.left() + w * 0.62, r.top() + h * 0.5)
            path.lineTo(r.left() + w * 0.62, r.top() + h * 0.88)
            path.lineTo(r.left() + w * 0.38, r.top() + h * 0.88)
            path.lineTo(r.left() + w * 0.38, r.top() + h * 0.5)
            path.lineTo(r.left() + w * 0.16, r.top() + h * 0.5)
        else:  # pointing right: waiting in the queue
            path.moveTo(r.left() + w * 0.88, r.center().y())
            path.lineTo(r.left() + w * 0.5, r.top() + h * 0.16)
            path.lineTo(r.left() + w * 0.5, r.top() + h * 0.38)
            path.lineTo(r.left() + w * 0.12, r.top() + h * 0.38)
            path.lineTo(r.left() + w * 0.12, r.top() + h * 0.62)
            path.lineTo(r.left() + w * 0.5, r.top() + h * 0.62)
            path.lineTo(r.left() + w * 0.5, r.top() + h * 0.84)
        path.closeSubpath()
        p.fillPath(path, c)

    return draw


def _retry(p: QPainter, r: QRectF, c: QColor) -> None:
    w = r.width()
    pen = QPen(c, max(w * 0.12, 1.5), Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap)
    p.setPen(pen)
    ring = r.adjusted(w * 0.2, w * 0.2, -w * 0.2, -w * 0.2)
    p.drawArc(ring, 90 * 16, 270 * 16)
    tip = QPainterPath(QPointF(ring.center().x() - w * 0.02, ring.top() - w * 0.16))
    tip.lineTo(ring.center().x() + w * 0.26, ring.top())
    tip.lineTo(ring.center().x() - w * 0.02, ring.top() + w * 0.16)
    tip.closeSubpath()
    p.fillPath(tip, c)


def _volume(p: QPainter, r: QRectF, c: QColor) -> None:
    w, h = r.width(), r.height()
    body = QPainterPath(QPointF(r.left() + w * 0.1, r.top() + h * 0.38))
    body.lineTo(r.left() + w * 0.3, r.top() + h * 0.38)
    body.lineTo(r.left() + w * 0.52, r.top() + h * 0.16)
    body.lineTo(r.left() + w * 0.52, r.top() + h * 0.84)
    body.lineTo(r.left() + w * 0.3, r.top() + h * 0.62)
    body.lineTo(r.left() + w * 0.1, r.top() + h * 0.62)
    body.closeSubpath()
    p.fillPath(body, c)
    p.setPen(QPen(c, max(w * 0.07, 1.0)))
    for k in (0.22, 0.36):
        arc = QRectF(r.left() + w * (0.52 - k), r.center().y() - h * k, w * 2 * k, h * 2 * k)
        p.drawArc(arc, -45 * 16, 90 * 16)


SHAPES: dict[str, Shape] = {
    "play": _play,
    "pause": _pause,
    "back": _seek(forward=False),
    "forward": _seek(forward=True),
    "upload": _arrow(up=True),
    "queued": _arrow(up=False),
    "retry": _retry,
    "volume": _volume,
}


def _pixmap(shape: Shape, size: int, ratio: float, color: QColor) -> QPixmap:
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    shape(painter, QRectF(0, 0, size, size), color)
    painter.end()
    return pixmap


def themed_icon(name: str, palette: QPalette) -> QIcon:
    """The icon ``name`` (see :data:`SHAPES`) in ``palette``'s button text colour."""
    shape = SHAPES[name]
    normal = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText)
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText)
    icon = QIcon()
    for size in SIZES:
        for ratio in RATIOS:
            icon.addPixmap(_pixmap(shape, size, ratio, normal), QIcon.Mode.Normal)
            icon.addPixmap(_pixmap(shape, size, ratio, disabled), QIcon.Mode.Disabled)
    return icon
