"""The editor's timeline strip: waveform, speaker turns, playhead; click or drag to seek.

The waveform and the turns are painted once into a pixmap per size (and again only when the
peaks, turns, duration or palette change); a paint event copies the pixmap and draws the
playhead. Moving the playhead repaints the two thin strips it leaves and enters.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QLineF, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from kzdesk.core import timecode
from kzdesk.core.transcript import Transcript
from kzdesk.services.waveform import Peaks

Turn = tuple[int, int, QColor]

BAND_HEIGHT = 5  # the solid strip of speaker colour along the bottom
_TINT_ALPHA = 48  # the same colour, faint, behind the waveform
_PLAYHEAD_WIDTH = 2
_DIRTY_MARGIN = 2  # repaint this much around the playhead line


class TimelineWidget(QWidget):
    seek_requested = Signal(int)  # ms

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._peaks: Peaks | None = None
        self._turns: list[Turn] = []
        self._overlaps: list[tuple[int, int]] = []  # two or more people at once (ms)
        self._duration = 0
        self._position = 0
        self._message = ""  # shown instead of the waveform when it cannot be drawn
        self._cache: QPixmap | None = None
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setToolTip("")
        self.setAccessibleName(self.tr("Waveform and speaker turns"))

    # ---- data -------------------------------------------------------------------------------
    def set_peaks(self, peaks: Peaks | None) -> None:
        self._peaks = peaks
        self._message = ""
        if peaks is not None and not self._duration:
            self._duration = peaks.duration_ms
        self._invalidate()

    def set_waveform_unavailable(self, sentence: str) -> None:
        """The waveform could not be computed: show a short note (the sentence as tooltip)."""
        self._peaks = None
        self._message = sentence
        self._invalidate()

    def set_turns(self, turns: Iterable[tuple[int, int, QColor | str]]) -> None:
        self._turns = [(int(a), int(b), QColor(c)) for a, b, c in turns]
        self._invalidate()

    def set_overlaps(self, spans: Iterable[tuple[int, int]]) -> None:
        """Mark where two or more people speak at once: hatched, across the waveform."""
        self._overlaps = [(int(a), int(b)) for a, b in spans if b > a]
        self._invalidate()

    def overlaps(self) -> list[tuple[int, int]]:
        return list(self._overlaps)

    def overlap_at(self, ms: int) -> bool:
        return any(a <= ms < b for a, b in self._overlaps)

    def set_transcript(self, transcript: Transcript) -> None:
        colors = {sp.id: QColor(sp.color) for sp in transcript.speakers}
        fallback = self.palette().color(QPalette.ColorRole.Mid)
        self.set_turns(
            (seg.start_ms, seg.end_ms, colors.get(seg.speaker_id, fallback))
            for seg in transcript.segments
        )
        self.set_overlaps(transcript.overlaps)
        if transcript.duration_ms and not self._duration:
            self.set_duration(transcript.duration_ms)

    def set_duration(self, ms: int) -> None:
        ms = max(int(ms), 0)
        if ms != self._duration:
            self._duration = ms
            self._invalidate()

    def set_position(self, ms: int) -> None:
        old = self._x_of(self._position)
        self._position = max(int(ms), 0)
        new = self._x_of(self._position)
        if new != old:
            self.update(self._playhead_rect(old))
            self.update(self._playhead_rect(new))

    def duration(self) -> int:
        return self._duration or (self._peaks.duration_ms if self._peaks else 0)

    def position(self) -> int:
        return self._position

    # ---- geometry ---------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(400, 64)

    def minimumSizeHint(self) -> QSize:
        return QSize(100, 40)

    def _x_of(self, ms: int) -> int:
        duration = self.duration()
        if duration <= 0:
            return 0
        return round(min(max(ms, 0), duration) * (self.width() - 1) / duration)

    def ms_at(self, x: float) -> int:
        duration = self.duration()
        if duration <= 0 or self.width() <= 1:
            return 0
        return round(min(max(x, 0.0), self.width() - 1) * duration / (self.width() - 1))

    def _playhead_rect(self, x: int) -> QRect:
        left = x - _PLAYHEAD_WIDTH // 2 - _DIRTY_MARGIN
        return QRect(left, 0, _PLAYHEAD_WIDTH + 2 * _DIRTY_MARGIN, self.height())

    # ---- painting ---------------------------------------------------------------------------
    def _invalidate(self) -> None:
        self._cache = None
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        ratio = self.devicePixelRatioF()
        if self._cache is None or self._cache.size() != self.size() * ratio:
            self._cache = self._render_background(ratio)
        painter.drawPixmap(event.rect(), self._cache, self._source_rect(event.rect(), ratio))
        if self.duration() > 0:
            x = self._x_of(self._position)
            if event.rect().intersects(self._playhead_rect(x)):
                pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), _PLAYHEAD_WIDTH)
                painter.setPen(pen)
                painter.drawLine(QLineF(x, 0, x, self.height()))
        painter.end()

    @staticmethod
    def _source_rect(rect: QRect, ratio: float) -> QRect:
        return QRect(
            round(rect.x() * ratio),
            round(rect.y() * ratio),
            round(rect.width() * ratio),
            round(rect.height() * ratio),
        )

    def _render_background(self, ratio: float) -> QPixmap:
        pixmap = QPixmap(self.size() * ratio)
        pixmap.setDevicePixelRatio(ratio)
        palette = self.palette()
        pixmap.fill(palette.color(QPalette.ColorRole.Base))
        painter = QPainter(pixmap)
        width, height = self.width(), self.height()
        wave_height = height - BAND_HEIGHT - 2
        duration = self.duration()
        if duration > 0:
            for start, end, color in self._turns:
                left = self._x_of(start)
                span = max(self._x_of(end) - left, 1)
                tint = QColor(color)
                tint.setAlpha(_TINT_ALPHA)
                painter.fillRect(left, 0, span, wave_height, tint)
                painter.fillRect(left, height - BAND_HEIGHT, span, BAND_HEIGHT, color)
            self._paint_overlaps(painter, wave_height)
        if self._peaks is not None and duration > 0:
            self._paint_waveform(painter, width, wave_height, duration)
        else:
            muted = palette.color(QPalette.ColorRole.PlaceholderText)
            painter.setPen(muted)
            text = (
                self.tr("The waveform cannot be drawn.")
                if self._message
                else self.tr("Reading the waveform…")
            )
            painter.drawText(QRect(0, 0, width, wave_height), Qt.AlignmentFlag.AlignCenter, text)
        painter.end()
        return pixmap

    def _paint_overlaps(self, painter: QPainter, height: int) -> None:
        """Diagonal hatching in the text colour: readable whatever the speakers' colours."""
        color = QColor(self.palette().color(QPalette.ColorRole.WindowText))
        color.setAlpha(70)
        brush = QBrush(color, Qt.BrushStyle.BDiagPattern)
        for start, end in self._overlaps:
            left = self._x_of(start)
            painter.fillRect(left, 0, max(self._x_of(end) - left, 2), height, brush)

    def _paint_waveform(self, painter: QPainter, width: int, height: int, duration: int) -> None:
        assert self._peaks is not None
        # The text colour, half transparent, reads on light and dark bases alike.
        color = QColor(self.palette().color(QPalette.ColorRole.WindowText))
        color.setAlpha(170)
        painter.setPen(QPen(color, 1))
        columns = self._peaks.columns(width, 0, duration)
        middle = height / 2
        half = max(height / 2 - 1, 1)
        lines = [
            QLineF(x + 0.5, middle - v * half, x + 0.5, middle + v * half + 0.5)
            for x, v in enumerate(columns.tolist())
        ]
        painter.drawLines(lines)

    # ---- events -----------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        self._cache = None
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._invalidate()
        super().changeEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.duration() > 0:
            self.seek_requested.emit(self.ms_at(event.position().x()))
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self.duration() <= 0:
            return
        ms = self.ms_at(event.position().x())
        if event.buttons() & Qt.MouseButton.LeftButton:
            self.seek_requested.emit(ms)
        tip = timecode.clock(ms)
        if self.overlap_at(ms):
            note = self.tr("Two or more people speak at once here.")
            tip = f"{tip}\n{note}"
        if self._message:
            tip = f"{tip}\n{self._message}"
        QToolTip.showText(event.globalPosition().toPoint() + QPoint(0, 16), tip, self)
