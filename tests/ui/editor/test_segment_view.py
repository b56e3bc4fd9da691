from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from kzdesk.core.transcript import Segment, Word
from kzdesk.services.transcripts import TranscriptService
from kzdesk.storage.db import Database
from kzdesk.storage.transcripts import TranscriptStore
from kzdesk.ui.editor.edit_session import EditSession
from kzdesk.ui.editor.segment_cells import word_ranges
from kzdesk.ui.editor.segment_commands import ReassignCommand, ReplaceTextCommand
from kzdesk.ui.editor.segment_model import Column, SegmentTableModel
from kzdesk.ui.editor.segment_text_delegate import SegmentTextEditor
from kzdesk.ui.editor.segment_view import SegmentView
from tests.ui.editor.sample import sample


@pytest.fixture
def view(tmp_path: Path, qtbot) -> tuple[EditSession, SegmentTableModel, SegmentView]:
    store = TranscriptStore(Database.in_dir(tmp_path))
    t = sample(segments=60)
    long = t.segments[3]
    words = [Word(f"сөз{k}", long.start_ms + k * 10, long.start_ms + k * 10 + 8) for k in range(40)]
    t.segments[3] = Segment(
        long.id, long.speaker_id, long.start_ms, words[-1].end_ms,
        " ".join(w.text for w in words), long.language, words,
    )  # fmt: skip
    session = EditSession(TranscriptService(store), store.save(t))
    model = SegmentTableModel(
        session.transcript,
        lambda sid, text: session.push(ReplaceTextCommand(session, sid, text)),
        edit_speaker=lambda sid, spk: session.push(ReassignCommand(session, sid, spk)),
    )
    session.changed.connect(model.refresh_rows)
    v = SegmentView()
    qtbot.addWidget(v)
    v.setModel(model)
    v.resize(700, 400)
    with qtbot.waitExposed(v):
        v.show()
    return session, model, v


def _open_editor(qtbot, v: SegmentView, row: int, cursor: int | None = None) -> SegmentTextEditor:
    v.edit_text(row, cursor)
    editor = v.indexWidget(v.model().index(row, Column.TEXT)) or v.focusWidget()
    qtbot.waitUntil(lambda: isinstance(v.focusWidget(), SegmentTextEditor))
    editor = v.focusWidget()
    assert isinstance(editor, SegmentTextEditor)
    return editor


def test_long_segments_get_taller_rows_and_heights_follow_edits(view, qtbot) -> None:
    session, model, v = view
    short = v.rowHeight(0)
    assert v.rowHeight(3) > 2 * short  # 40 words wrap onto several lines
    session.push(ReplaceTextCommand(session, session.transcript.segments[3].id, "қысқа"))
    assert v.rowHeight(3) == short


def test_enter_commits_an_edit_as_one_undoable_command(view, qtbot) -> None:
    session, model, v = view
    seg = session.transcript.segments[1]
    editor = _open_editor(qtbot, v, 1)
    editor.selectAll()
    editor.insertPlainText("Бүгін біз келістік")  # QTest types ASCII only
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert session.transcript.segment(seg.id).text == "Бүгін біз келістік"
    assert session.undo_stack.count() == 1
    stored = session.transcripts.load(session.transcript_id)
    assert stored.segment(seg.id).text == "Бүгін біз келістік"
    assert v.state() != v.State.EditingState


def test_escape_cancels_and_shift_enter_adds_no_line_break(view, qtbot) -> None:
    session, model, v = view
    before = session.transcript.segments[2].text
    editor = _open_editor(qtbot, v, 2)
    editor.insertPlainText(" қосымша")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert "\n" not in editor.toPlainText()
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert session.transcript.segments[2].text == before
    assert session.undo_stack.count() == 0


def test_ctrl_enter_asks_to_split_at_the_cursor(view, qtbot) -> None:
    session, model, v = view
    seg = session.transcript.segments[3]
    editor = _open_editor(qtbot, v, 3, cursor=len("сөз0 сөз1 "))
    with qtbot.waitSignal(v.text_delegate.split_requested) as got:
        qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert got.args == [seg.id, seg.text, len("сөз0 сөз1 ")]


def test_clicking_a_time_seeks_to_the_segment(view, qtbot) -> None:
    session, model, v = view
    rect = v.visualRect(model.index(2, Column.TIME))
    with qtbot.waitSignal(v.seek_requested) as got:
        qtbot.mouseClick(v.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert got.args == [session.transcript.segments[2].start_ms]


def test_speaker_column_reassigns_through_the_model(view, qtbot) -> None:
    session, model, v = view
    seg = session.transcript.segments[0]
    other = next(sp.id for sp in session.transcript.speakers if sp.id != seg.speaker_id)
    assert model.setData(model.index(0, Column.SPEAKER), other)
    assert session.transcript.segment(seg.id).speaker_id == other
    assert model.index(0, Column.SPEAKER).data() == session.transcript.speaker_name(other)


def test_follow_keeps_the_playing_segment_in_view_but_not_while_typing(view, qtbot) -> None:
    session, model, v = view
    last = session.transcript.segments[-1]
    model.set_current_position(last.start_ms + 1)
    v.follow_current()
    assert v.viewport().rect().intersects(v.visualRect(model.index(model.rowCount() - 1, 2)))
    # the user is editing the first segment: playback moving on must not scroll it away
    v.scrollToTop()
    _open_editor(qtbot, v, 0)
    v._last_manual_scroll = 0.0
    model.set_current_position(session.transcript.segments[40].start_ms + 1)
    v.follow_current()
    assert v.viewport().rect().intersects(v.visualRect(model.index(0, 2)))
    # not following: nothing moves
    qtbot.keyClick(v.focusWidget(), Qt.Key.Key_Escape)
    v.set_follow(False)
    v.follow_current()
    assert v.viewport().rect().intersects(v.visualRect(model.index(0, 2)))


def test_the_spoken_word_is_painted_highlighted(view, qtbot) -> None:
    session, model, v = view
    seg = session.transcript.segments[3]
    ranges = word_ranges(seg.text, len(seg.words))
    assert ranges is not None and len(ranges) == 40
    index = model.index(3, Column.TEXT)
    v.scrollTo(index)

    def accent_pixels() -> int:
        image: QImage = v.viewport().grab(v.visualRect(index)).toImage()
        accent = v.palette().color(v.palette().ColorRole.Highlight)
        count = 0
        for x in range(0, image.width(), 2):
            for y in range(0, image.height(), 2):
                c = QColor(image.pixel(x, y))
                if abs(c.hue() - accent.hue()) < 12 and c.saturation() > 40:
                    count += 1
        return count

    v.clearSelection()
    v.setCurrentIndex(model.index(0, 0))
    model.set_current_position(seg.start_ms - 1 if seg.start_ms else 0)
    before = accent_pixels()
    model.set_current_position(seg.words[5].start_ms + 1)
    QApplication.processEvents()  # the repaint it asked for
    after = accent_pixels()
    assert after > before + 20


def test_clicking_into_text_puts_the_cursor_there(view, qtbot) -> None:
    session, model, v = view
    index = model.index(3, Column.TEXT)
    v.setCurrentIndex(index)
    rect = v.visualRect(index)
    pos = QPoint(rect.left() + 8, rect.top() + 8)
    qtbot.mousePress(v.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseRelease(v.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(v.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.waitUntil(lambda: isinstance(v.focusWidget(), SegmentTextEditor))
    assert v.focusWidget().textCursor().position() <= 2


def test_speaker_column_fits_kazakh_full_names(view, qtbot) -> None:
    """ "Әсел Нұрланқызы Бекова" whole in the column, never clipped; the tooltip has it too."""
    session, model, v = view
    from kzdesk.ui.editor.speaker_commands import RenameSpeakerCommand

    first = session.transcript.speakers[0]
    name = "Әсел Нұрланқызы Бекова"
    session.push(RenameSpeakerCommand(session, first.id, name))
    v.fit_speaker_column()  # the editor window does this after every speaker change
    row = next(r for r in range(model.rowCount()) if model.segment_at(r).speaker_id == first.id)
    index = model.index(row, Column.SPEAKER)
    assert index.data(Qt.ItemDataRole.ToolTipRole) == name
    needed = v.fontMetrics().horizontalAdvance(name)
    assert v.columnWidth(int(Column.SPEAKER)) >= needed + 16  # the dot, the padding
    # a name no column holds: cut in the middle, capped width, whole in the tooltip
    giant = "Әсел Нұрланқызы " * 6 + "Бекова"
    session.push(RenameSpeakerCommand(session, first.id, giant))
    v.fit_speaker_column()
    assert v.columnWidth(int(Column.SPEAKER)) < v.fontMetrics().horizontalAdvance(giant)
    assert index.data(Qt.ItemDataRole.ToolTipRole) == giant
