"""The segment text cell: wrapped text with the spoken word, find matches and proofreading
marks under the letters, edited in place by :class:`SegmentTextEditor` (Enter commits,
Escape cancels, Ctrl+Enter splits)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPalette, QTextCharFormat, QTextLayout
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QPlainTextEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from kzdesk.core.transcript import Segment
from kzdesk.ui.editor.segment_cells import (
    PAD_X,
    PAD_Y,
    Highlights,
    is_selected,
    lay_out,
    paint_background,
    text_color,
    text_height,
    word_ranges,
)
from kzdesk.ui.editor.segment_model import CurrentWordRole, SegmentRole

_SEGMENT = int(SegmentRole)
_WORD = int(CurrentWordRole)

# (segment id) -> [(start, end)] character ranges of find matches in its text
MatchesOf = Callable[[int], list[tuple[int, int]]]
# (segment, palette) -> [(start, end, format)]: underlines of uncertain, misspelled and glossary
# words (kzdesk.ui.editor.proofread_marks); drawn under the highlights, never exported
MarksOf = Callable[[Segment, QPalette], list[tuple[int, int, QTextCharFormat]]]


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
        paint_background(painter, option, index, colors)
        rect = option.rect
        layout, _ = lay_out(seg.text, option.font, rect.width() - 2 * PAD_X)
        if is_selected(option):
            # the selection is already the accent colour: mark the word in the text colour
            word_bg = QColor(option.palette.color(QPalette.ColorRole.HighlightedText))
            word_bg.setAlpha(70)
            colors = dataclasses.replace(colors, word=word_bg)
        formats = self._marks(seg, option.palette)
        formats += self._highlights(seg, int(index.data(_WORD) or -1), colors)
        painter.setPen(text_color(option))
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
