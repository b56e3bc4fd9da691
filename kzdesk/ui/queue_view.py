"""The queue table: a QTableView over a sorting proxy over JobTableModel, with progress bars."""

from __future__ import annotations

from PySide6.QtCore import (
    QByteArray,
    QItemSelectionModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from kzdesk.core.job import Job
from kzdesk.ui.delegates.progress_delegate import ProgressDelegate
from kzdesk.ui.models.job_columns import Column, SortRole
from kzdesk.ui.models.job_table_model import JobTableModel

# Widths in characters of the default font; the Status column takes what is left.
_WIDTH_CHARS = {
    Column.FILE: 36,
    Column.DURATION: 9,
    Column.LANGUAGE: 11,
    Column.SPEAKERS: 11,
    Column.COST: 9,
    Column.FINISHED: 12,
}


class QueueView(QTableView):
    open_requested = Signal(object)  # Job (double-click or Enter on a row)

    def __init__(self, model: JobTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queueView")
        self.source_model = model
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(int(SortRole))
        self.proxy.setDynamicSortFilter(True)
        self.setModel(self.proxy)
        self.delegate = ProgressDelegate(self)
        self.setItemDelegateForColumn(int(Column.STATUS), self.delegate)

        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.verticalHeader().hide()
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(max(rows.defaultSectionSize(), self.fontMetrics().height() + 14))

        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionsMovable(True)
        char = self.fontMetrics().averageCharWidth()
        for column, chars in _WIDTH_CHARS.items():
            header.resizeSection(int(column), chars * char + 24)
        # language names are long in Kazakh and Russian ("Қазақша + орысша")
        widest = max(map(self.fontMetrics().horizontalAdvance, model.language_names()))
        language = int(Column.LANGUAGE)
        self._language_width = widest + 24
        header.resizeSection(language, max(self._language_width, header.sectionSize(language)))
        header.setSectionResizeMode(int(Column.STATUS), QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(48)
        # Insertion order until the user clicks a header.
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        self.doubleClicked.connect(self._on_double_clicked)

    # ---- selection ------------------------------------------------------------------------
    def job_at_proxy(self, index: QModelIndex) -> Job:
        return self.source_model.job_at(self.proxy.mapToSource(index).row())

    def selected_jobs(self) -> list[Job]:
        rows = sorted(self.selectionModel().selectedRows(), key=lambda i: i.row())
        return [self.job_at_proxy(i) for i in rows]

    def current_job(self) -> Job | None:
        index = self.currentIndex()
        if index.isValid() and self.selectionModel().isRowSelected(index.row(), QModelIndex()):
            return self.job_at_proxy(index)
        selected = self.selected_jobs()
        return selected[0] if selected else None

    def select_job(self, job_id: int) -> None:
        row = self.source_model.row_of(job_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.source_model.index(row, 0))
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.selectionModel().setCurrentIndex(index, flags)
        self.scrollTo(index)

    # ---- state kept between runs ----------------------------------------------------------
    def header_state(self) -> QByteArray:
        return self.horizontalHeader().saveState()

    def restore_header_state(self, state: QByteArray | bytes | None) -> None:
        if state:
            self.horizontalHeader().restoreState(QByteArray(state))
            # the stretch mode is part of the saved state, but be safe with older states
            header = self.horizontalHeader()
            header.setSectionResizeMode(int(Column.STATUS), QHeaderView.ResizeMode.Stretch)
            # widths saved in another interface language may cut today's language names
            language = int(Column.LANGUAGE)
            width = max(self._language_width, header.sectionSize(language))
            header.resizeSection(language, width)

    # ---- events ---------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            job = self.current_job()
            if job is not None:
                self.open_requested.emit(job)
                return
        super().keyPressEvent(event)

    def _on_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(self.job_at_proxy(index))
