from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QAbstractItemModelTester

from kzdesk.core.transcript import Transcript
from kzdesk.core.transcript_ops import language_code
from kzdesk.services.transcripts import TranscriptService
from kzdesk.storage.db import Database
from kzdesk.storage.transcripts import TranscriptStore
from kzdesk.ui.editor.edit_session import EditSession
from kzdesk.ui.editor.segment_commands import MergeWithNextCommand, ReplaceTextCommand, SplitCommand
from kzdesk.ui.editor.segment_model import (
    Column,
    CurrentWordRole,
    IsCurrentRole,
    SegmentRole,
    SegmentTableModel,
    SpeakerColorRole,
)
from kzdesk.ui.editor.speaker_commands import RenameSpeakerCommand
from tests.ui.editor.sample import sample

LAST = len(Column) - 1  # the last column: a changed row repaints every column

DISPLAY = Qt.ItemDataRole.DisplayRole
EDIT = Qt.ItemDataRole.EditRole


class Recorder:
    """Every structural and data signal of a model, in order."""

    def __init__(self, model: SegmentTableModel) -> None:
        self.events: list[tuple] = []
        model.dataChanged.connect(
            lambda tl, br, roles=(): self.events.append(
                ("data", tl.row(), br.row(), tl.column(), br.column(), list(roles))
            )
        )
        model.rowsInserted.connect(lambda _p, a, b: self.events.append(("insert", a, b)))
        model.rowsRemoved.connect(lambda _p, a, b: self.events.append(("remove", a, b)))
        model.rowsMoved.connect(lambda *a: self.events.append(("move",)))
        model.modelReset.connect(lambda: self.events.append(("reset",)))


@pytest.fixture
def editor(tmp_path: Path, qapp) -> tuple[EditSession, SegmentTableModel]:
    store = TranscriptStore(Database.in_dir(tmp_path))
    session = EditSession(TranscriptService(store), store.save(sample()))

    def edit_text(segment_id: int, text: str) -> None:
        session.push(ReplaceTextCommand(session, segment_id, text))

    model = SegmentTableModel(session.transcript, edit_text)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    session.changed.connect(model.refresh_rows)
    return session, model


def _rows(model: SegmentTableModel) -> list[list[str]]:
    return [
        [model.data(model.index(r, c), DISPLAY) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def _expected(t: Transcript) -> list[list[str]]:
    from kzdesk.core.timecode import clock

    return [
        [clock(s.start_ms), t.speaker_name(s.speaker_id), s.text, language_code(s.language)]
        for s in t.segments
    ]


def test_rows_show_time_speaker_text_and_language(editor) -> None:
    session, model = editor
    t = session.transcript
    assert model.rowCount() == len(t.segments) and model.columnCount() == 4
    assert _rows(model) == _expected(t)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in Column] == [
        "Time",
        "Speaker",
        "Text",
        "Language",
    ]
    first = t.segments[0]
    assert model.data(model.index(0, Column.TEXT), SegmentRole) is first
    color = model.data(model.index(0, Column.TIME), SpeakerColorRole)
    assert isinstance(color, QColor)
    assert color.name().upper() == t.speaker(first.speaker_id).color.upper()
    assert model.data(model.index(0, Column.TEXT), EDIT) == first.text
    assert model.data(model.index(0, Column.TEXT), Qt.ItemDataRole.ToolTipRole) is None
    assert model.flags(model.index(0, Column.TEXT)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, Column.TIME)) & Qt.ItemFlag.ItemIsEditable
    assert not SegmentTableModel(t).flags(model.index(0, Column.TEXT)) & Qt.ItemFlag.ItemIsEditable


def test_editing_text_goes_through_the_undo_stack(editor) -> None:
    session, model = editor
    before = session.transcript.segments[1].text
    recorder = Recorder(model)
    index = model.index(1, Column.TEXT)
    assert model.setData(index, "Сәлем, әлем", EDIT)
    assert model.data(index, DISPLAY) == "Сәлем, әлем"
    assert session.undo_stack.count() == 1
    assert recorder.events == [("data", 1, 1, 0, LAST, [])]
    assert model.setData(index, "Сәлем, әлем", EDIT)  # unchanged: nothing to undo
    assert session.undo_stack.count() == 1
    assert not model.setData(model.index(1, Column.SPEAKER), "x", EDIT)
    session.undo()
    assert model.data(index, DISPLAY) == before
    assert session.transcripts.load(session.transcript_id) == session.transcript


def test_rename_touches_only_that_speakers_cells(editor) -> None:
    session, model = editor
    t = session.transcript
    recorder = Recorder(model)
    session.push(RenameSpeakerCommand(session, 2, "Айгүл"))
    rows = {r for r, s in enumerate(t.segments) if s.speaker_id == 2}
    assert rows
    touched: set[int] = set()
    for kind, top, bottom, left, right, _roles in recorder.events:
        assert kind == "data" and left == right == Column.SPEAKER
        touched |= set(range(top, bottom + 1))
    assert touched == rows
    assert _rows(model) == _expected(t)


def test_split_and_merge_insert_and_remove_exactly_one_row(editor) -> None:
    session, model = editor
    t = session.transcript
    row = next(i for i, s in enumerate(t.segments) if len(s.words) >= 2)
    seg_id = t.segments[row].id
    recorder = Recorder(model)
    session.push(SplitCommand(session, seg_id, 1))
    assert recorder.events == [("insert", row + 1, row + 1), ("data", row, row, 0, LAST, [])]
    assert _rows(model) == _expected(t)
    recorder.events.clear()
    session.undo()
    assert recorder.events == [("remove", row + 1, row + 1), ("data", row, row, 0, LAST, [])]
    recorder.events.clear()
    session.push(MergeWithNextCommand(session, seg_id))
    assert recorder.events == [("remove", row + 1, row + 1), ("data", row, row, 0, LAST, [])]
    assert _rows(model) == _expected(t)
    recorder.events.clear()
    session.undo()
    assert recorder.events == [("insert", row + 1, row + 1), ("data", row, row, 0, LAST, [])]
    assert _rows(model) == _expected(t)
    assert ("reset",) not in recorder.events


def test_row_for_time_finds_the_segment_started_last(editor) -> None:
    session, model = editor
    segs = session.transcript.segments
    assert model.row_for_time(segs[0].start_ms - 1) == -1
    assert model.row_for_time(0) == -1
    for row, seg in enumerate(segs):
        assert model.row_for_time(seg.start_ms) == row
        assert model.row_for_time((seg.start_ms + seg.end_ms) // 2) == row
        assert model.row_for_time(seg.end_ms) == row  # in the pause after it
    assert model.row_for_time(10**9) == len(segs) - 1
    assert SegmentTableModel(Transcript()).row_for_time(1000) == -1


def test_playback_highlight_signals_only_old_and_new_rows(editor) -> None:
    session, model = editor
    segs = session.transcript.segments
    recorder = Recorder(model)
    roles = [int(IsCurrentRole), int(CurrentWordRole)]
    model.set_current_position(segs[2].start_ms + 10)
    assert model.current_row() == 2
    assert model.data(model.index(2, Column.TEXT), IsCurrentRole) is True
    assert model.data(model.index(1, Column.TEXT), IsCurrentRole) is False
    assert recorder.events == [("data", 2, 2, 0, LAST, roles)]
    recorder.events.clear()
    model.set_current_position(segs[2].start_ms + 20)  # same segment and word: no repaint
    assert recorder.events == []
    model.set_current_position(segs[4].start_ms)
    assert sorted(recorder.events) == [
        ("data", 2, 2, 0, LAST, roles),
        ("data", 4, 4, 0, LAST, roles),
    ]
    recorder.events.clear()
    model.set_current_position(segs[4].end_ms)  # the pause after it: no segment is playing
    assert model.current_row() == -1
    assert recorder.events == [("data", 4, 4, 0, LAST, roles)]


def test_word_highlight_follows_the_words_of_the_playing_segment(editor) -> None:
    session, model = editor
    row, seg = next((i, s) for i, s in enumerate(session.transcript.segments) if len(s.words) >= 3)
    recorder = Recorder(model)
    index = model.index(row, Column.TEXT)
    for k, word in enumerate(seg.words):
        model.set_current_position(word.start_ms)
        assert model.current_word() == k
        assert model.data(index, CurrentWordRole) == k
        model.set_current_position(word.end_ms - 1)  # still that word: nothing new to paint
        assert model.current_word() == k
    word_events = [e for e in recorder.events if e[-1] == [int(CurrentWordRole)]]
    # one repaint of the text cell per word after the first, nothing else
    assert word_events == [("data", row, row, 2, 2, [int(CurrentWordRole)])] * (len(seg.words) - 1)
    other = model.index(row + 1 if row + 1 < model.rowCount() else row - 1, Column.TEXT)
    assert model.data(other, CurrentWordRole) == -1
    model.set_current_position(seg.end_ms + 1)
    assert model.current_word() == -1


def test_highlight_follows_a_split_under_the_playhead(editor) -> None:
    session, model = editor
    t = session.transcript
    row = next(i for i, s in enumerate(t.segments) if len(s.words) >= 2)
    seg = t.segments[row]
    model.set_current_position(seg.words[-1].start_ms)
    assert model.current_row() == row
    session.push(SplitCommand(session, seg.id, len(seg.words) - 1))
    assert model.current_row() == row + 1
    assert model.data(model.index(row + 1, 0), IsCurrentRole) is True
    session.undo()
    assert model.current_row() == row


def test_loading_resets_once(qapp) -> None:
    model = SegmentTableModel()
    assert model.rowCount() == 0
    recorder = Recorder(model)
    model.set_transcript(sample(5))
    assert recorder.events == [("reset",)]
    assert model.rowCount() == 5
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(QModelIndex(), DISPLAY) is None


def test_every_cell_of_a_four_hour_transcript_answers(qapp) -> None:
    """(How fast is measured by bench/editor.py, not here.)"""
    model = SegmentTableModel(sample(5000, 6))
    roles = [DISPLAY, SpeakerColorRole, IsCurrentRole, Qt.ItemDataRole.FontRole]
    last = model.index(model.rowCount() - 1, 2)
    assert model.rowCount() == 5000
    for role in roles:
        model.data(model.index(0, 0), role)
        model.data(last, role)
    assert model.data(model.index(4999, 2), DISPLAY)
