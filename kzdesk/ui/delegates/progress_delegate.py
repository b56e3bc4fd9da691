"""A progress bar in the Status column of the queue while a job runs."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
)

from kzdesk.ui.models.job_columns import Column, ProgressRole
from kzdesk.ui.text import elide_words

_RANGE = 1000  # the bar's steps (0.1 %)


class ProgressDelegate(QStyledItemDelegate):
    """Paints the platform's progress bar (text = the status sentence) where the model gives a
    ``ProgressRole`` value in the Status column; everything else is painted as usual."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        fraction = index.data(ProgressRole) if index.column() == Column.STATUS else None
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        if fraction is None:
            if index.column() != Column.STATUS:
                super().paint(painter, option, index)
                return
            # a sentence (a failure) is cut after a whole word; the tooltip and the details
            # pane show all of it
            cell = QStyleOptionViewItem(option)
            self.initStyleOption(cell, index)
            room = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, cell, widget)
            cell.text = elide_words(cell.text, cell.fontMetrics, room.width() - 4)
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, cell, painter, widget)
            return
        # the row's selection/hover background first, so a selected row stays visibly selected
        background = QStyleOptionViewItem(option)
        self.initStyleOption(background, index)
        background.text = ""
        background.icon = QIcon()
        style.drawPrimitive(
            QStyle.PrimitiveElement.PE_PanelItemViewItem, background, painter, widget
        )
        bar = QStyleOptionProgressBar()
        bar.rect = option.rect.adjusted(2, 2, -2, -2)
        bar.state = option.state | QStyle.StateFlag.State_Horizontal
        bar.direction = option.direction
        bar.fontMetrics = option.fontMetrics
        bar.palette = option.palette
        bar.minimum = 0
        bar.maximum = _RANGE
        bar.progress = round(min(max(float(fraction), 0.0), 1.0) * _RANGE)
        bar.text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        bar.textVisible = True
        bar.textAlignment = Qt.AlignmentFlag.AlignCenter
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, widget)
