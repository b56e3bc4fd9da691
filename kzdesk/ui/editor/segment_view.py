"""The segment list: a table of time, speaker and wrapped text that follows playback.

Row heights are computed here, not by ``ResizeToContents`` (which re-measures every row of a
5,000-segment transcript on each change, including the playback highlight). Laying out the text
of every row takes most of a second for 5,000 segments, so rows get a cheap estimate from the
text's width (one ``horizontalAdvance`` each) and the rows on screen, and those whose text
changes, are laid out exactly; scrolling lays out the rows that come into view.
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from kzdesk.core.transcript import Segment
from kzdesk.ui.editor.segment_cells import DOT, PAD_X, PAD_Y, char_at, text_height
from kzdesk.ui.editor.segment_delegates import SpeakerDelegate, TimeDelegate
from kzdesk.ui.editor.segment_language import LanguageDelegate
from kzdesk.ui.editor.segment_model import Column, IsCurrentRole, SegmentTableModel
from kzdesk.ui.editor.segment_text_delegate import TextDelegate

_SCROLL_QUIET_S = 4.0  # after the user scrolls by hand, following waits this long
SPEAKER_MIN_CHARS = 10  # the Speaker column's width, in average characters
SPEAKER_MAX_CHARS = 30
_TEXT = int(Column.TEXT)


class SegmentView(QTableView):
    seek_requested = Signal(int)  # ms: the user clicked a segment's time
    current_segment_changed = Signal(object)  # Segment | None: the segment the cursor is on

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.follow = True
        self._last_manual_scroll = 0.0
        self._programmatic_scroll = False
        self._measured_width = -1
        self._exact: dict[int, tuple[str, int]] = {}  # segment id -> (text, width) laid out
        self._advance: dict[int, tuple[str, int]] = {}  # segment id -> (text, its advance)
        self.time_delegate = TimeDelegate(self)
        self.speaker_delegate = SpeakerDelegate(self)
        self.text_delegate = TextDelegate(self)
        self.language_delegate = LanguageDelegate(self)
        self.setItemDelegateForColumn(int(Column.TIME), self.time_delegate)
        self.setItemDelegateForColumn(int(Column.SPEAKER), self.speaker_delegate)
        self.setItemDelegateForColumn(_TEXT, self.text_delegate)
        self.setItemDelegateForColumn(int(Column.LANGUAGE), self.language_delegate)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setShowGrid(False)
        self.setWordWrap(True)
        self.setAlternatingRowColors(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)  # the text takes the room; the language tag is last
        header.sectionResized.connect(self._on_section_resized)
        self.clicked.connect(self._on_clicked)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self._remeasure = QTimer(self, singleShot=True, interval=120)
        self._remeasure.timeout.connect(self.measure_all_rows)

    # ---- model ----------------------------------------------------------------------------
    def setModel(self, model) -> None:
        old = self.model()
        if isinstance(old, SegmentTableModel):
            old.modelReset.disconnect(self.measure_all_rows)
            old.rowsInserted.disconnect(self._on_rows_inserted)
            old.dataChanged.disconnect(self._on_data_changed)
        super().setModel(model)
        if isinstance(model, SegmentTableModel):
            model.modelReset.connect(self.measure_all_rows)
            model.rowsInserted.connect(self._on_rows_inserted)
            model.dataChanged.connect(self._on_data_changed)
            self.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
            fm = self.fontMetrics()
            self.setColumnWidth(int(Column.TIME), fm.horizontalAdvance("00:00:00") + 16)
            self.fit_speaker_column()
            header = self.horizontalHeader()
            header.setSectionResizeMode(_TEXT, QHeaderView.ResizeMode.Stretch)
            language = int(Column.LANGUAGE)
            header.setSectionResizeMode(language, QHeaderView.ResizeMode.Fixed)
            self.setColumnWidth(language, fm.horizontalAdvance("WWW") + 24)
            self._measured_width = -1
            if self.isVisible():
                self.measure_all_rows()  # else on the first resize, at the width shown

    def fit_speaker_column(self) -> None:
        """As wide as the longest speaker name (Kazakh full names are long), within reason;
        a longer name is shortened in the middle and shown whole in its tooltip."""
        model = self.model()
        if not isinstance(model, SegmentTableModel):
            return
        fm = self.fontMetrics()
        longest = max((fm.horizontalAdvance(n) for n in model.speaker_names()), default=0)
        title = model.headerData(int(Column.SPEAKER), Qt.Orientation.Horizontal)
        wanted = max(
            longest + DOT + 6 + 2 * PAD_X + 2,
            fm.horizontalAdvance(str(title or "")) + 2 * PAD_X + 16,
            fm.averageCharWidth() * SPEAKER_MIN_CHARS,
        )
        self.setColumnWidth(
            int(Column.SPEAKER), min(wanted, fm.averageCharWidth() * SPEAKER_MAX_CHARS)
        )

    def segment_model(self) -> SegmentTableModel:
        model = self.model()
        assert isinstance(model, SegmentTableModel)
        return model

    def current_segment(self) -> Segment | None:
        index = self.currentIndex()
        if not index.isValid():
            return None
        return self.segment_model().segment_at(index.row())

    def select_segment(self, segment_id: int, *, scroll: bool = True) -> None:
        row = self.segment_model().row_of(segment_id)
        if row is None:
            return
        index = self.model().index(row, _TEXT)
        self.setCurrentIndex(index)
        if scroll:
            self._scroll_to_row(row)

    # ---- row heights ----------------------------------------------------------------------
    def _text_width(self) -> int:
        return max(self.columnWidth(_TEXT), 120)

    def measure_all_rows(self) -> None:
        """Estimate every row's height, then lay out the rows on screen exactly."""
        model = self.model()
        if not isinstance(model, SegmentTableModel):
            return
        width = self._text_width()
        self._measured_width = width
        self._exact.clear()
        fm = self.fontMetrics()
        line = fm.height()
        room = max(width - 2 * PAD_X, 1)
        header = self.verticalHeader()
        advances = self._advance
        for row in range(model.rowCount()):
            seg = model.segment_at(row)
            known = advances.get(seg.id)
            if known is None or known[0] != seg.text:  # once per text: widths change often
                known = advances[seg.id] = (seg.text, fm.horizontalAdvance(seg.text))
            # wrapping at word boundaries can need a little more than the bare advance
            lines = max(1, math.ceil(known[1] * 1.04 / room))
            height = lines * line + 2 * PAD_Y
            if header.sectionSize(row) != height:
                header.resizeSection(row, height)
        self.measure_visible_rows()

    def measure_visible_rows(self) -> None:
        """Lay out exactly the rows on screen (and a few around them)."""
        model = self.model()
        if not isinstance(model, SegmentTableModel) or model.rowCount() == 0:
            return
        viewport = self.viewport().rect()
        top = self.rowAt(viewport.top())
        bottom = self.rowAt(viewport.bottom())
        top = 0 if top < 0 else max(top - 4, 0)
        bottom = model.rowCount() - 1 if bottom < 0 else min(bottom + 8, model.rowCount() - 1)
        self._measure(range(top, bottom + 1))

    def _measure(self, rows) -> None:
        model = self.segment_model()
        font = self.font()
        width = self._text_width()
        header = self.verticalHeader()
        for row in rows:
            seg = model.segment_at(row)
            if self._exact.get(seg.id) == (seg.text, width):
                continue
            self._exact[seg.id] = (seg.text, width)
            height = text_height(seg.text, font, width)
            if header.sectionSize(row) != height:
                header.resizeSection(row, height)

    def _on_rows_inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        self._measure(range(first, last + 1))

    def _on_data_changed(
        self, top: QModelIndex, bottom: QModelIndex, roles: list[int] | None = None
    ) -> None:
        # highlight-only repaints (playback) never change a row's height
        if roles and int(Qt.ItemDataRole.DisplayRole) not in roles:
            return
        if top.column() <= _TEXT <= bottom.column():
            self._measure(range(top.row(), bottom.row() + 1))

    def _on_section_resized(self, index: int, _old: int, _new: int) -> None:
        if self._text_width() != self._measured_width:
            self._remeasure.start()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._measured_width < 0:
            self.measure_all_rows()  # the first time: before the first paint
        elif self._text_width() != self._measured_width:
            self._remeasure.start()
        else:
            self.measure_visible_rows()  # a taller view shows rows not laid out yet

    # ---- playback -------------------------------------------------------------------------
    def set_follow(self, follow: bool) -> None:
        self.follow = follow
        if follow:
            self._last_manual_scroll = 0.0
            self.follow_current()

    def follow_current(self) -> None:
        """Keep the segment being played in view, unless the user is typing or just scrolled."""
        if not self.follow or self.state() == QAbstractItemView.State.EditingState:
            return
        if time.monotonic() - self._last_manual_scroll < _SCROLL_QUIET_S:
            return
        row = self.segment_model().current_row()
        if row >= 0:
            self._scroll_to_row(row)

    def _scroll_to_row(self, row: int) -> None:
        index = self.model().index(row, _TEXT)
        rect = self.visualRect(index)
        viewport = self.viewport().rect()
        if rect.top() >= 0 and rect.bottom() <= viewport.bottom() - viewport.height() // 5:
            return  # comfortably in view: do not move the page under the reader's eyes
        self._programmatic_scroll = True
        try:
            self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        finally:
            self._programmatic_scroll = False

    def _on_scrolled(self, _value: int) -> None:
        self.measure_visible_rows()
        if not self._programmatic_scroll:
            self._last_manual_scroll = time.monotonic()

    # ---- input ----------------------------------------------------------------------------
    def _on_clicked(self, index: QModelIndex) -> None:
        if index.column() == int(Column.TIME):
            self.seek_requested.emit(self.segment_model().segment_at(index.row()).start_ms)

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        seg = self.segment_model().segment_at(current.row()) if current.isValid() else None
        self.current_segment_changed.emit(seg)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._remember_click(event.position().toPoint())
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self._remember_click(event.position().toPoint())
        super().mouseDoubleClickEvent(event)

    def _remember_click(self, pos: QPoint) -> None:
        """The editor opened by this click puts its cursor where the user clicked."""
        index = self.indexAt(pos)
        if not index.isValid() or index.column() != _TEXT:
            self.text_delegate.cursor_hint = None
            return
        rect = self.visualRect(index)
        text = self.segment_model().segment_at(index.row()).text
        self.text_delegate.cursor_hint = char_at(
            text, self.font(), rect.width(), pos.x() - rect.left(), pos.y() - rect.top()
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.state() != QAbstractItemView.State.EditingState
            and not event.modifiers()
        ):
            index = self.currentIndex()
            if index.isValid():
                self.edit_text(index.row())
                return
        super().keyPressEvent(event)

    def edit_text(self, row: int, cursor: int | None = None) -> None:
        """Open the in-place editor of a segment's text (cursor at the end by default)."""
        index = self.model().index(row, _TEXT)
        self.setCurrentIndex(index)
        self.text_delegate.cursor_hint = cursor
        self.edit(index)

    def is_current_row_playing(self) -> bool:
        index = self.currentIndex()
        return bool(index.isValid() and index.data(IsCurrentRole))
