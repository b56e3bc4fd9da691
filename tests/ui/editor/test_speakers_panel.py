from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow

from kzdesk.core.transcript import Segment, Speaker, Transcript
from kzdesk.services.transcripts import TranscriptService
from kzdesk.storage.db import Database
from kzdesk.storage.transcripts import TranscriptStore
from kzdesk.ui.editor.edit_session import EditSession
from kzdesk.ui.editor.speakers_panel import SpeakersPanel

DISPLAY = Qt.ItemDataRole.DisplayRole


def _meeting() -> Transcript:
    speakers = [
        Speaker(1, "0", "Айгүл", "#E69F00"),
        Speaker(2, "1", "Director", "#56B4E9"),
        Speaker(3, "2", "Speaker 3", "#F0E442"),
    ]
    rows = [
        (1, 0, 2000, "Бүгін біз бюджетті талқылаймыз."),
        (2, 2500, 14500, "Хорошо, давайте начнём с первого вопроса."),
        (1, 15000, 19000, "Келісемін."),
        (3, 19500, 21000, "Да."),
        (2, 21500, 23000, "Спасибо."),
    ]
    segments = [
        Segment(i, sid, start, end, text) for i, (sid, start, end, text) in enumerate(rows, 1)
    ]
    return Transcript(speakers=speakers, segments=segments, title="Жиналыс", duration_ms=23000)


@pytest.fixture
def session(tmp_path: Path, qapp) -> EditSession:
    store = TranscriptStore(Database.in_dir(tmp_path))
    return EditSession(TranscriptService(store), store.save(_meeting()))


@pytest.fixture
def panel(session: EditSession, qtbot) -> SpeakersPanel:
    widget = SpeakersPanel(session)
    qtbot.addWidget(widget)
    widget.resize(260, 320)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _names(panel: SpeakersPanel) -> list[str]:
    model = panel.model
    return [model.index(r).data(DISPLAY) for r in range(model.rowCount())]


def test_selecting_a_speaker_announces_it_and_enables_the_actions(
    panel: SpeakersPanel, qtbot
) -> None:
    assert panel.title.text() == "Speakers"
    panel.view.setCurrentIndex(QModelIndex())  # the view picks the first row on focus
    assert not panel.rename_action.isEnabled()
    assert not panel.sample_action.isEnabled()
    with qtbot.waitSignal(panel.speaker_activated) as blocker:
        assert panel.select_speaker(2)
    assert blocker.args == [2]
    assert panel.current_speaker_id() == 2
    for action in (panel.rename_action, panel.sample_action, panel.merge_action):
        assert action.isEnabled()
    assert "Director" in panel.merge_action.text()


def test_the_tooltip_names_the_reassign_shortcut(panel: SpeakersPanel) -> None:
    tip = panel.model.index(0).data(Qt.ItemDataRole.ToolTipRole)
    assert "Айгүл" in tip and "1" in tip and "%" in tip


def test_sample_plays_the_longest_segment_cut_to_eight_seconds(panel: SpeakersPanel, qtbot) -> None:
    panel.select_speaker(2)
    with qtbot.waitSignal(panel.sample_requested) as blocker:
        panel.sample_action.trigger()
    assert blocker.args == [2500, 10500]
    panel.select_speaker(1)
    with qtbot.waitSignal(panel.sample_requested) as blocker:
        panel.sample_action.trigger()
    assert blocker.args == [15000, 19000]


def test_add_speaker_is_undoable_and_starts_editing_its_name(
    panel: SpeakersPanel, session: EditSession, qtbot
) -> None:
    new_id = panel.add_speaker()
    assert new_id == 4
    assert panel.current_speaker_id() == 4
    assert _names(panel)[-1] == "Speaker 4"
    editor = panel.view.findChild(QLineEdit)
    assert editor is not None and editor.text() == "Speaker 4"
    editor.setText("Ерлан")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits in a queued call
    qtbot.waitUntil(lambda: _names(panel)[-1] == "Ерлан")
    assert session.transcripts.load(session.transcript_id).speaker(4).name == "Ерлан"
    assert not panel.sample_action.isEnabled()  # no segments yet
    session.undo()
    session.undo()
    assert _names(panel) == ["Айгүл", "Director", "Speaker 3"]


def test_renaming_in_place_with_f2_changes_every_segment(
    panel: SpeakersPanel, session: EditSession, qtbot
) -> None:
    panel.select_speaker(2)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_F2)
    editor = panel.view.findChild(QLineEdit)
    assert editor is not None and editor.isVisible()
    editor.setText("Директор")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _names(panel)[1] == "Директор")
    t = session.transcripts.load(session.transcript_id)
    assert [t.speaker_name(s.speaker_id) for s in t.segments if s.id in (2, 5)] == [
        "Директор",
        "Директор",
    ]


def test_f2_in_the_list_beats_a_window_wide_f2(session: EditSession, qtbot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    panel = SpeakersPanel(session)
    window.setCentralWidget(panel)
    other: list[bool] = []
    edit_segment = QAction("Edit phrase text", window)
    edit_segment.setShortcut(QKeySequence(Qt.Key.Key_F2))
    edit_segment.triggered.connect(lambda: other.append(True))
    window.addAction(edit_segment)
    window.show()
    qtbot.waitExposed(window)
    panel.select_speaker(3)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_F2)
    editor = panel.view.findChild(QLineEdit)
    assert editor is not None and editor.text() == "Speaker 3"
    assert other == []


def test_an_emptied_name_is_ignored(panel: SpeakersPanel, session: EditSession, qtbot) -> None:
    panel.select_speaker(1)
    panel.rename_current()
    editor = panel.view.findChild(QLineEdit)
    assert editor is not None
    editor.setText("   ")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.view.findChild(QLineEdit) is None)
    assert _names(panel)[0] == "Айгүл"
    assert session.undo_stack.count() == 0


def test_merge_from_the_menu_is_one_undo_step_and_says_what_happened(
    panel: SpeakersPanel, session: EditSession, qtbot
) -> None:
    panel.select_speaker(3)
    panel.merge_menu.aboutToShow.emit()
    targets = {a.text(): a for a in panel.merge_menu.actions()}
    assert set(targets) == {"Айгүл", "Director"}
    with qtbot.waitSignal(panel.status_reported) as blocker:
        targets["Director"].trigger()
    assert "Speaker 3" in blocker.args[0] and "Director" in blocker.args[0]
    assert "1 phrase" in blocker.args[0]
    assert _names(panel) == ["Айгүл", "Director"]
    assert panel.current_speaker_id() == 2
    saved = session.transcripts.load(session.transcript_id)
    assert saved.segment(4).speaker_id == 2 and saved.speaker(3) is None
    assert session.undo_stack.count() == 1
    session.undo()
    assert _names(panel) == ["Айгүл", "Director", "Speaker 3"]
    assert session.transcripts.load(session.transcript_id).segment(4).speaker_id == 3


def test_merge_needs_a_second_speaker(tmp_path: Path, qtbot) -> None:
    t = _meeting()
    t.speakers = t.speakers[:1]
    t.segments = [s for s in t.segments if s.speaker_id == 1]
    store = TranscriptStore(Database.in_dir(tmp_path))
    panel = SpeakersPanel(EditSession(TranscriptService(store), store.save(t)))
    qtbot.addWidget(panel)
    panel.select_speaker(1)
    assert not panel.merge_action.isEnabled()
    assert not panel.merge_into(1)  # with itself: refused, nothing pushed
    assert panel.session.undo_stack.count() == 0


def test_context_menu_offers_the_same_actions(panel: SpeakersPanel) -> None:
    rect = panel.view.visualRect(panel.model.index(1))
    panel.on_context_menu_requested(rect.center())
    assert panel.current_speaker_id() == 2
    menu = panel.context_menu()
    actions = [a for a in menu.actions() if not a.isSeparator()]
    assert actions == [
        panel.rename_action,
        panel.sample_action,
        panel.merge_action,
        panel.save_voice_action,  # off here: these speakers have no voice found here
        panel.voices_action,
        panel.add_action,
    ]
    menu.close()
    QApplication.closeAllWindows()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_dots_have_an_outline_that_reads_on_the_palette(panel: SpeakersPanel, scheme: str) -> None:
    palette = QPalette(panel.palette())
    base = QColor("#ffffff") if scheme == "light" else QColor("#1e1e1e")
    text = QColor("#000000") if scheme == "light" else QColor("#f0f0f0")
    palette.setColor(QPalette.ColorRole.Base, base)
    palette.setColor(QPalette.ColorRole.Text, text)
    panel.view.setPalette(palette)
    # Speaker 3 is Okabe–Ito yellow: next to invisible on white without the outline
    image = panel.view.viewport().grab().toImage()
    rect = panel.view.visualRect(panel.model.index(2))
    y = rect.center().y()
    row = [QColor(image.pixel(QPoint(x, y))) for x in range(rect.left(), rect.left() + 40)]
    assert any(abs(c.lightness() - text.lightness()) < 110 for c in row)
    assert any(c.red() > 200 and c.green() > 200 and c.blue() < 120 for c in row)
