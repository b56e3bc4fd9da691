"""How the speakers panel draws a speaker: "● Name        41%"."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from kzdesk.ui.editor.speaker_model import ShareRole

_Index = QModelIndex | QPersistentModelIndex
_SHARE = int(ShareRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)


class SpeakerListDelegate(QStyledItemDelegate):
    """ "● Name        41%": an outlined dot (reads on light and dark), the name, the share."""

    PADDING = 6

    def _dot_size(self, option: QStyleOptionViewItem) -> int:
        return max(option.fontMetrics.height() * 2 // 3, 8)

    def _share_width(self, option: QStyleOptionViewItem) -> int:
        return option.fontMetrics.horizontalAdvance("100%") + self.PADDING

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        opt.icon = QIcon()  # no default decoration: we draw the dot
        opt.features &= ~QStyleOptionViewItem.ViewItemFeature.HasDecoration
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)

        rect = option.rect.adjusted(self.PADDING, 0, -self.PADDING, 0)
        selected = bool(option.state.value & QStyle.StateFlag.State_Selected.value)
        group = (
            QPalette.ColorGroup.Normal
            if option.state.value & QStyle.StateFlag.State_Enabled.value
            else QPalette.ColorGroup.Disabled
        )
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text_color = option.palette.color(group, text_role)

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        dot = self._dot_size(option)
        dot_rect = QRect(rect.left(), rect.center().y() - dot // 2, dot, dot)
        color = index.data(_DECORATION)
        if isinstance(color, QColor):
            outline = QColor(text_color)
            outline.setAlpha(150)
            painter.setPen(QPen(outline, 1))
            painter.setBrush(color)
            painter.drawEllipse(dot_rect)

        share = index.data(_SHARE)
        share_text = f"{round(share * 100)}%" if isinstance(share, float) else ""
        share_rect = QRect(rect)
        share_rect.setLeft(rect.right() - self._share_width(option))
        muted = QColor(text_color)
        if not selected:
            muted = option.palette.color(group, QPalette.ColorRole.PlaceholderText)
        painter.setPen(muted)
        painter.setFont(option.font)
        painter.drawText(
            share_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, share_text
        )

        name_rect = QRect(rect)
        name_rect.setLeft(dot_rect.right() + self.PADDING)
        name_rect.setRight(share_rect.left() - self.PADDING)
        name = str(index.data(_DISPLAY) or "")
        painter.setFont(opt.font)  # italic while the name is only a suggestion
        elided = painter.fontMetrics().elidedText(
            name, Qt.TextElideMode.ElideRight, name_rect.width()
        )
        painter.setPen(text_color)
        painter.drawText(
            name_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided
        )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        metrics = option.fontMetrics
        name = str(index.data(_DISPLAY) or "")
        width = (
            3 * self.PADDING
            + self._dot_size(option)
            + metrics.horizontalAdvance(name)
            + self._share_width(option)
            + self.PADDING
        )
        return QSize(width, metrics.height() + 2 * self.PADDING)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: _Index
    ) -> None:
        rect = QRect(option.rect)
        rect.setLeft(rect.left() + 2 * self.PADDING + self._dot_size(option))
        rect.setRight(rect.right() - self._share_width(option) - self.PADDING)
        editor.setGeometry(rect)
