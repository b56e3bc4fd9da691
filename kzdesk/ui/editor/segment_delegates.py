"""How a segment row looks and is edited: muted time, speaker dot + name, wrapped text.

The text cell is laid out with a ``QTextLayout`` once per paint, with three kinds of
highlight drawn under the letters: find matches, the current match, and the word being spoken
(from the engine's word timings). The same layout code measures row heights, so what is
measured is what is painted.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPalette,
    QPen,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QComboBox,
    QPlainTextEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from kzdesk.core.transcript import Segment
from kzdesk.ui.editor.segment_model import (
    CurrentWordRole,
    IsCurrentRole,
    SegmentRole,
    SegmentTableModel,
    SpeakerColorRole,
)

PAD_X = 6
PAD_Y = 5
DOT = 10
_TOKEN = re.compile(r"\S+")
_SEGMENT = int(SegmentRole)
_CURRENT = int(IsCurrentRole)
_WORD = int(CurrentWordRole)
_COLOR = int(SpeakerColorRole)
_SELECTED = QStyle.StateFlag.State_Selected.value

# (segment id) -> [(start, end)] character ranges of find matches in its text
MatchesOf = Callable[[int], list[tuple[int, int]]]
# (segment, palette) -> [(start, end, format)]: underlines of uncertain, misspelled and glossary
# words (kzdesk.ui.editor.proofread_marks); drawn under the highlights, never exported
MarksOf = Callable[[Segment, QPalette], list[tuple[int, int, QTextCharFormat]]]


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


def _selected(option: QStyleOptionViewItem) -> bool:
    # ``.value`` on both sides: ``state & flag`` builds a new Python enum member for every
    # combination of flags, about half a millisecond per cell in a repaint.
    return bool(option.state.value & _SELECTED)


def _paint_background(
    painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex, colors: Highlights
) -> None:
    widget = option.widget
    style = widget.style() if widget is not None else None
    if style is not None:
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget)
    if index.data(_CURRENT) and not _selected(option):
        painter.fillRect(option.rect, colors.segment)


def _text_color(option: QStyleOptionViewItem, muted: bool = False) -> QColor:
    palette = option.palette
    if _selected(option):
        return palette.color(QPalette.ColorRole.HighlightedText)
    if muted:
        return palette.color(QPalette.ColorRole.PlaceholderText)
    return palette.color(QPalette.ColorRole.Text)


class TimeDelegate(QStyledItemDelegate):
    """The segment's start in a muted colour; clicking it seeks (the view does that)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        colors = Highlights.for_palette(option.palette)
        painter.save()
        _paint_background(painter, option, index, colors)
        painter.setPen(_text_color(option, muted=True))
        rect = option.rect.adjusted(PAD_X, PAD_Y, -PAD_X, -PAD_Y)
        painter.setFont(option.font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, index.data())
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        fm = QFontMetrics(option.font)
        return QSize(fm.horizontalAdvance("00:00:00") + 2 * PAD_X, fm.height() + 2 * PAD_Y)


class ComboCellDelegate(QStyledItemDelegate):
    """A cell edited by choosing from a list (``fill``): a choice is committed at once, the
    list opens on the current value."""

    def fill(self, combo: QComboBox, index: QModelIndex) -> None:
        raise NotImplementedError

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex
    ) -> QWidget:
        combo = QComboBox(parent)
        self.fill(combo, index)
        combo.activated.connect(lambda _i, c=combo: self._commit(c))
        return combo

    def _commit(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QAbstractItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        if isinstance(editor, QComboBox):
            row = editor.findData(index.data(Qt.ItemDataRole.EditRole))
            editor.setCurrentIndex(max(row, 0))
            editor.showPopup()

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:  # type: ignore[no-untyped-def]
        if isinstance(editor, QComboBox) and editor.currentIndex() >= 0:
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class SpeakerDelegate(ComboCellDelegate):
    """A coloured dot and the speaker's name; edited with a list of the speakers."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        colors = Highlights.for_palette(option.palette)
        painter.save()
        _paint_background(painter, option, index, colors)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = QFontMetrics(option.font)
        top = option.rect.top() + PAD_Y
        color = index.data(_COLOR)
        x = option.rect.left() + PAD_X
        if isinstance(color, QColor):
            dot = QRectF(x, top + (fm.height() - DOT) / 2, DOT, DOT)
            outline = QColor(option.palette.color(QPalette.ColorRole.Text))
            outline.setAlpha(90)  # keeps a yellow dot visible on white, a blue one on black
            painter.setPen(QPen(outline, 1))
            painter.setBrush(color)
            painter.drawEllipse(dot)
        x += DOT + 6
        painter.setPen(_text_color(option))
        # the middle goes first: a first name and a family name's ending tell people apart
        name = fm.elidedText(
            index.data() or "", Qt.TextElideMode.ElideMiddle, option.rect.right() - PAD_X - x
        )
        painter.drawText(
            QRectF(x, top, option.rect.right() - x, fm.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            name,
        )
        painter.restore()

    def fill(self, combo: QComboBox, index: QModelIndex) -> None:
        model = index.model()
        if isinstance(model, SegmentTableModel):
            for n, sp in enumerate(model.transcript().speakers, start=1):
                label = sp.name if n > 9 else f"{sp.name}\tCtrl+{n}"
                combo.addItem(label, sp.id)
                combo.setItemData(
                    combo.count() - 1, QColor(sp.color), Qt.ItemDataRole.DecorationRole
                )


class SegmentTextEditor(QPlainTextEdit):
    """The in-place editor of a segment: Enter commits, Escape cancels, Ctrl+Enter splits."""

    commit_requested = Signal()
    cancel_requested = Signal()
    split_requested = Signal(int)  # cursor position in the (possibly edited) text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QPlainTextEdit.Shape.NoFrame)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTabChangesFocus(True)
        self.document().setDocumentMargin(PAD_Y - 1)
        self.loaded = False  # set once the segment's text is in

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        mods = event.modifiers()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if mods & Qt.KeyboardModifier.ControlModifier:
                self.split_requested.emit(self.textCursor().position())
            elif not mods & Qt.KeyboardModifier.ShiftModifier:
                self.commit_requested.emit()
            return  # a segment is one paragraph: never a line break inside it
        if key == Qt.Key.Key_Escape:
            self.cancel_requested.emit()
            return
        super().keyPressEvent(event)


class TextDelegate(QStyledItemDelegate):
    """Wrapped segment text with the spoken word and find matches highlighted."""

    split_requested = Signal(int, str, int)  # segment id, text in the editor, cursor position
    editor_created = Signal(object, int)  # SegmentTextEditor, segment id (proofreading hooks)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.matches_of: MatchesOf = lambda _sid: []
        self.marks_of: MarksOf = lambda _seg, _palette: []
        self.current_match: tuple[int, int, int] | None = None  # segment id, start, end
        self.cursor_hint: int | None = None  # where the next editor puts its text cursor

    # ---- painting -------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        seg = index.data(_SEGMENT)
        if not isinstance(seg, Segment):
            return
        colors = Highlights.for_palette(option.palette)
        painter.save()
        _paint_background(painter, option, index, colors)
        rect = option.rect
        layout, _ = lay_out(seg.text, option.font, rect.width() - 2 * PAD_X)
        if _selected(option):
            # the selection is already the accent colour: mark the word in the text colour
            word_bg = QColor(option.palette.color(QPalette.ColorRole.HighlightedText))
            word_bg.setAlpha(70)
            colors = dataclasses.replace(colors, word=word_bg)
        formats = self._marks(seg, option.palette)
        formats += self._highlights(seg, int(index.data(_WORD) or -1), colors)
        painter.setPen(_text_color(option))
        painter.setClipRect(rect)
        layout.draw(painter, QPointF(rect.left() + PAD_X, rect.top() + PAD_Y), formats)
        painter.restore()

    def _marks(self, seg: Segment, palette: QPalette) -> list[QTextLayout.FormatRange]:
        formats = []
        for start, end, fmt in self.marks_of(seg, palette):
            rng = QTextLayout.FormatRange()
            rng.start, rng.length, rng.format = start, end - start, fmt
            formats.append(rng)
        return formats

    def _highlights(
        self, seg: Segment, word: int, colors: Highlights
    ) -> list[QTextLayout.FormatRange]:
        formats: list[QTextLayout.FormatRange] = []

        def add(start: int, end: int, color: QColor) -> None:
            fmt = QTextCharFormat()
            fmt.setBackground(color)
            rng = QTextLayout.FormatRange()
            rng.start, rng.length, rng.format = start, end - start, fmt
            formats.append(rng)

        for start, end in self.matches_of(seg.id):
            add(start, end, colors.match)
        cur = self.current_match
        if cur is not None and cur[0] == seg.id:
            add(cur[1], cur[2], colors.current_match)
        if word >= 0:
            ranges = word_ranges(seg.text, len(seg.words))
            if ranges is not None and word < len(ranges):
                add(*ranges[word], colors.word)
        return formats

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        seg = index.data(_SEGMENT)
        text = seg.text if isinstance(seg, Segment) else ""
        width = max(option.rect.width(), 200)
        return QSize(width, text_height(text, option.font, width))

    # ---- editing --------------------------------------------------------------------------
    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex
    ) -> QWidget:
        editor = SegmentTextEditor(parent)
        editor.setFont(option.font)
        editor.commit_requested.connect(lambda e=editor: self._close(e, commit=True))
        editor.cancel_requested.connect(lambda e=editor: self._close(e, commit=False))
        seg = index.data(_SEGMENT)
        if isinstance(seg, Segment):
            sid = seg.id
            editor.split_requested.connect(
                lambda pos, e=editor, sid=sid: self.split_requested.emit(sid, e.toPlainText(), pos)
            )
            self.editor_created.emit(editor, sid)
        return editor

    def _close(self, editor: QWidget, *, commit: bool) -> None:
        if commit:
            self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        if not isinstance(editor, SegmentTextEditor) or editor.loaded:
            return  # a later change of the row (its times, say) must not reset the typing
        editor.loaded = True
        text = index.data(Qt.ItemDataRole.EditRole) or ""
        editor.setPlainText(text)
        cursor = editor.textCursor()
        hint = self.cursor_hint
        self.cursor_hint = None
        cursor.setPosition(len(text) if hint is None else max(0, min(hint, len(text))))
        editor.setTextCursor(cursor)

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:
        if isinstance(editor, SegmentTextEditor):
            text = " ".join(editor.toPlainText().split())
            if text and text != index.data(Qt.ItemDataRole.EditRole):
                model.setData(index, text, Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: QModelIndex
    ) -> None:
        editor.setGeometry(option.rect.adjusted(PAD_X - 4, 0, 0, 0))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        # The base class commits on Tab and closes on Escape for line edits; a multi-line
        # editor handles its own keys (above). Focus-out still commits, so a click elsewhere
        # never loses what was typed.
        if isinstance(obj, SegmentTextEditor) and event.type() == QEvent.Type.KeyPress:
            return False
        return super().eventFilter(obj, event)
