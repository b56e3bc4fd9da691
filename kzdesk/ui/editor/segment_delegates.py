"""How the segment table's small cells look and are edited: the muted start time, the
speaker's dot and name (chosen from a list), and the list-editing delegate they share with the
language cell. The text cell is :mod:`kzdesk.ui.editor.segment_text_delegate`; what all cells
share is :mod:`kzdesk.ui.editor.segment_cells`."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QComboBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from kzdesk.ui.editor.segment_cells import (
    DOT,
    PAD_X,
    PAD_Y,
    Highlights,
    paint_background,
    text_color,
)
from kzdesk.ui.editor.segment_model import SegmentTableModel, SpeakerColorRole

_COLOR = int(SpeakerColorRole)


class TimeDelegate(QStyledItemDelegate):
    """The segment's start in a muted colour; clicking it seeks (the view does that)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        colors = Highlights.for_palette(option.palette)
        painter.save()
        paint_background(painter, option, index, colors)
        painter.setPen(text_color(option, muted=True))
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
        paint_background(painter, option, index, colors)
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
        painter.setPen(text_color(option))
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
