"""What every cell of the segment table shares: padding, highlight colours, the text layout
that measures and paints a segment's text (so what is measured is what is painted), and the
cell background and text colours."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPointF
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from kzdesk.ui.editor.segment_model import IsCurrentRole

PAD_X = 6
PAD_Y = 5
DOT = 10
_TOKEN = re.compile(r"\S+")
_CURRENT = int(IsCurrentRole)
_SELECTED = QStyle.StateFlag.State_Selected.value


@dataclass(frozen=True)
class Highlights:
    """Colours that read on light and dark palettes: translucent over the base colour."""

    segment: QColor  # the segment being played
    word: QColor  # the word being spoken
    match: QColor  # a find match
    current_match: QColor  # the find match the user is on

    @classmethod
    def for_palette(cls, palette: QPalette) -> Highlights:
        key = palette.cacheKey()  # painting asks for every cell: build once per palette
        cached = _HIGHLIGHTS.get(key)
        if cached is None:
            cached = _HIGHLIGHTS[key] = cls._build(palette)
        return cached

    @classmethod
    def _build(cls, palette: QPalette) -> Highlights:
        accent = QColor(palette.color(QPalette.ColorRole.Highlight))
        segment = QColor(accent)
        segment.setAlpha(38)
        word = QColor(accent)
        word.setAlpha(120)
        return cls(
            segment=segment,
            word=word,
            match=QColor(240, 190, 0, 110),
            current_match=QColor(230, 120, 0, 190),
        )


_HIGHLIGHTS: dict[int, Highlights] = {}


def word_ranges(text: str, word_count: int) -> list[tuple[int, int]] | None:
    """Character ranges of the words in ``text`` when they match the timed words 1:1."""
    ranges = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    return ranges if len(ranges) == word_count else None


def lay_out(text: str, font: QFont, width: float) -> tuple[QTextLayout, float]:
    """``text`` wrapped to ``width``; returns the layout and its height."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    y = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(width, 1.0))
        line.setPosition(QPointF(0, y))
        y += line.height()
    layout.endLayout()
    return layout, max(y, float(QFontMetrics(font).height()))


def text_height(text: str, font: QFont, width: int) -> int:
    """Row height the text column needs for ``text`` at a column ``width`` pixels wide."""
    _, height = lay_out(text, font, width - 2 * PAD_X)
    return int(height + 0.999) + 2 * PAD_Y


def char_at(text: str, font: QFont, width: int, x: float, y: float) -> int:
    """The character offset nearest to a click at (x, y) inside a text cell."""
    layout, _ = lay_out(text, font, width - 2 * PAD_X)
    px, py = x - PAD_X, y - PAD_Y
    for i in range(layout.lineCount()):
        line = layout.lineAt(i)
        if py < line.y() + line.height() or i == layout.lineCount() - 1:
            return int(line.xToCursor(px))
    return len(text)


def is_selected(option: QStyleOptionViewItem) -> bool:
    # ``.value`` on both sides: ``state & flag`` builds a new Python enum member for every
    # combination of flags, about half a millisecond per cell in a repaint.
    return bool(option.state.value & _SELECTED)


def paint_background(
    painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex, colors: Highlights
) -> None:
    widget = option.widget
    style = widget.style() if widget is not None else None
    if style is not None:
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget)
    if index.data(_CURRENT) and not is_selected(option):
        painter.fillRect(option.rect, colors.segment)


def text_color(option: QStyleOptionViewItem, muted: bool = False) -> QColor:
    palette = option.palette
    if is_selected(option):
        return palette.color(QPalette.ColorRole.HighlightedText)
    if muted:
        return palette.color(QPalette.ColorRole.PlaceholderText)
    return palette.color(QPalette.ColorRole.Text)
