from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QAbstractItemModelTester

from kzdesk.core.transcript import Segment, Speaker, Transcript
from kzdesk.services.transcripts import TranscriptService
from kzdesk.storage.db import Database
from kzdesk.storage.transcripts import TranscriptStore
from kzdesk.ui.editor.edit_session import EditSession
from kzdesk.ui.editor.segment_commands import ReassignCommand, ReplaceTextCommand
from kzdesk.ui.editor.speaker_commands import (
    AddSpeakerCommand,
    MergeSpeakersCommand,
    RenameSpeakerCommand,
)
from kzdesk.ui.editor.speaker_model import (
    ShareRole,
    ShortcutRole,
    SpeakerIdRole,
    SpeakerListModel,
    sample_range,
)
from tests.ui.editor.sample import sample

DISPLAY = Qt.ItemDataRole.DisplayRole


def _session(tmp_path: Path, transcript: Transcript) -> EditSession:
    store = TranscriptStore(Database.in_dir(tmp_path))
    return EditSession(TranscriptService(store), store.save(transcript))


@pytest.fixture
def session(tmp_path: Path, qapp) -> EditSession:
    return _session(tmp_path, sample(segments=40, speakers=3))


@pytest.fixture
def model(session: EditSession) -> SpeakerListModel:
    m = SpeakerListModel(session)
    QAbstractItemModelTester(m, QAbstractItemModelTester.FailureReportingMode.Fatal, m)
    return m


def _expected_shares(t: Transcript) -> dict[int, float]:
    """The model keeps running totals; core computes from scratch: they must agree."""
    return t.speaker_shares()


def _names(model: SpeakerListModel) -> list[str]:
    return [model.index(r).data(DISPLAY) for r in range(model.rowCount())]


def test_rows_show_names_colours_ids_shares_and_shortcuts(
    session: EditSession, model: SpeakerListModel
) -> None:
    t = session.transcript
    assert _names(model) == ["Speaker 1", "Speaker 2", "Speaker 3"]
    shares = _expected_shares(t)
    for row, sp in enumerate(t.speakers):
        index = model.index(row)
        assert index.data(SpeakerIdRole) == sp.id
        colour = index.data(Qt.ItemDataRole.DecorationRole)
        assert isinstance(colour, QColor) and colour == QColor(sp.color)
        assert index.data(ShareRole) == pytest.approx(shares[sp.id])
        assert index.data(ShortcutRole).endswith(str(row + 1))
        assert sp.name in index.data(Qt.ItemDataRole.ToolTipRole)
        assert index.flags() & Qt.ItemFlag.ItemIsEditable
    assert sum(model.index(r).data(ShareRole) for r in range(3)) == pytest.approx(1.0)


def test_only_the_first_nine_speakers_get_a_shortcut(tmp_path: Path, qapp) -> None:
    session = _session(tmp_path, sample(segments=30, speakers=11))
    model = SpeakerListModel(session)
    hints = [model.index(r).data(ShortcutRole) for r in range(model.rowCount())]
    assert all(hints[:9]) and hints[9:] == ["", ""]


def test_rename_through_set_data_is_one_saved_undoable_command(
    session: EditSession, model: SpeakerListModel, qtbot
) -> None:
    index = model.index(1)
    with qtbot.waitSignal(model.dataChanged) as blocker:
        assert model.setData(index, "  Айгүл  ", Qt.ItemDataRole.EditRole)
    top, bottom = blocker.args[0], blocker.args[1]
    assert (top.row(), bottom.row()) == (1, 1)
    assert index.data(DISPLAY) == "Айгүл"
    assert session.transcripts.load(session.transcript_id).speaker(2).name == "Айгүл"
    assert session.undo_stack.count() == 1
    session.undo()
    assert index.data(DISPLAY) == "Speaker 2"
    assert session.transcripts.load(session.transcript_id).speaker(2).name == "Speaker 2"


def test_empty_or_unchanged_names_push_nothing(
    session: EditSession, model: SpeakerListModel
) -> None:
    assert not model.setData(model.index(0), "   ", Qt.ItemDataRole.EditRole)
    assert not model.setData(model.index(0), "", Qt.ItemDataRole.EditRole)
    assert model.setData(model.index(0), "Speaker 1", Qt.ItemDataRole.EditRole)
    assert not model.setData(model.index(0), "X", Qt.ItemDataRole.DisplayRole)
    assert session.undo_stack.count() == 0
    assert _names(model)[0] == "Speaker 1"


def test_add_and_merge_insert_and_remove_exactly_one_row(
    session: EditSession, model: SpeakerListModel, qtbot
) -> None:
    inserted: list[tuple[int, int]] = []
    removed: list[tuple[int, int]] = []
    resets: list[bool] = []
    model.rowsInserted.connect(lambda _p, a, b: inserted.append((a, b)))
    model.rowsRemoved.connect(lambda _p, a, b: removed.append((a, b)))
    model.modelReset.connect(lambda: resets.append(True))

    session.push(AddSpeakerCommand(session, "Директор"))
    assert inserted == [(3, 3)]
    assert _names(model)[-1] == "Директор"
    assert model.index(3).data(ShareRole) == 0.0

    session.push(MergeSpeakersCommand(session, 1, 2))
    assert removed == [(1, 1)]
    assert _names(model) == ["Speaker 1", "Speaker 3", "Директор"]
    shares = _expected_shares(session.transcript)
    assert model.index(0).data(ShareRole) == pytest.approx(shares[1])
    # Speaker 3 moved up from row 2 to row 1: its Ctrl+N follows
    assert model.index(1).data(ShortcutRole).endswith("2")

    session.undo()  # the merged speaker comes back in its old row
    assert inserted[-1] == (1, 1)
    assert _names(model) == ["Speaker 1", "Speaker 2", "Speaker 3", "Директор"]
    assert model.index(1).data(ShareRole) == pytest.approx(_expected_shares(session.transcript)[2])
    assert not resets


def test_reassigning_a_segment_updates_shares_only(
    session: EditSession, model: SpeakerListModel
) -> None:
    roles: list[list[int]] = []
    model.dataChanged.connect(lambda _a, _b, r: roles.append(list(r)))
    seg = next(s for s in session.transcript.segments if s.speaker_id == 1)
    session.push(ReassignCommand(session, seg.id, 3))
    assert roles and all(int(ShareRole) in r for r in roles)
    assert all(int(DISPLAY) not in r for r in roles)
    shares = _expected_shares(session.transcript)
    for row in range(3):
        sid = model.index(row).data(SpeakerIdRole)
        assert model.index(row).data(ShareRole) == pytest.approx(shares[sid])

    roles.clear()  # new text, same timings: no share moves, nothing to repaint
    session.push(ReplaceTextCommand(session, seg.id, "Сәлем"))
    assert roles == []


def test_a_renamed_speaker_announces_only_its_row(
    session: EditSession, model: SpeakerListModel
) -> None:
    rows: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b, _r: rows.append((a.row(), b.row())))
    session.push(RenameSpeakerCommand(session, 3, "Ерлан"))
    assert rows == [(2, 2)]


def test_edits_on_a_long_meeting_keep_the_speakers(tmp_path: Path, qapp) -> None:
    """(How fast is measured by bench/editor.py, not here.)"""
    t = sample(segments=5000, speakers=8, seed=3)
    session = EditSession(TranscriptService.in_database(Database.in_dir(tmp_path)), 0, t)
    session.applied = session.changed.emit  # type: ignore[method-assign]  # no disk: the model alone
    model = SpeakerListModel(session)
    for n in range(200):
        session.push(ReplaceTextCommand(session, t.segments[n].id, f"сөз {n}"))
    assert model.rowCount(QModelIndex()) == 8


def _transcript(*rows: tuple[int, int, int]) -> Transcript:
    speakers = [Speaker(1, "0", "A", "#E69F00"), Speaker(2, "1", "B", "#56B4E9")]
    segments = [Segment(i, sid, start, end, "сөз") for i, (sid, start, end) in enumerate(rows, 1)]
    return Transcript(speakers=speakers, segments=segments)


def test_sample_is_the_longest_segment_cut_to_eight_seconds() -> None:
    t = _transcript((1, 0, 4000), (2, 4000, 5000), (1, 6000, 20000), (1, 21000, 25000))
    assert sample_range(t, 1) == (6000, 14000)
    t = _transcript((1, 0, 4000), (1, 6000, 9500), (2, 10000, 11000))
    assert sample_range(t, 1) == (0, 4000)
    assert sample_range(t, 2) == (10000, 11000)  # all there is


def test_short_segments_in_a_row_make_a_longer_sample() -> None:
    t = _transcript(
        (1, 0, 1500),  # interrupted by B
        (2, 1600, 2000),
        (1, 2100, 3000),
        (1, 3200, 4400),  # 2100..5800 is one run of A
        (1, 4600, 5800),
        (1, 20000, 22000),  # after a long pause: a run of its own
    )
    assert sample_range(t, 1) == (2100, 5800)
    assert sample_range(t, 2) == (1600, 2000)
    assert sample_range(t, 99) is None
