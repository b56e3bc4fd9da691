"""Proofreading in the real editor window: F8 to uncertain words, Mark as checked, glossary
suggestions and spelling (real dictionaries), with real Kazakh and Russian words; every change
saved at once and undoable."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QPoint, QSettings, Qt
from PySide6.QtGui import QKeyEvent, QTextCharFormat
from PySide6.QtWidgets import QApplication, QWidget

from kzdesk.core.transcript import Segment, Speaker, Transcript, Word
from kzdesk.services.playback_source import choose_source
from kzdesk.services.transcripts import TranscriptService
from kzdesk.storage.db import Database
from kzdesk.storage.transcripts import TranscriptStore
from kzdesk.ui.editor import proofread_menus
from kzdesk.ui.editor.editor_window import EditorInputs, EditorWindow
from kzdesk.ui.editor.proofread_marks import Kind
from kzdesk.ui.editor.proofreading import ProofreadingOptions
from kzdesk.ui.editor.segment_cells import PAD_X, PAD_Y
from kzdesk.ui.editor.segment_model import Column
from kzdesk.ui.editor.segment_text_delegate import SegmentTextEditor
from kzdesk.workers.spelling_worker import SpellingWorker
from tests.media import periodic_speech_file

# (text, language, confidence of each word; None: the engine gave none)
SEGMENTS = [
    ("Бүгін біз бюджетті талқылаймыз.", "kk", [0.96, 0.31, 0.9, 0.44]),
    ("Добрый день, коллеги.", "ru", [0.99, 0.97, 0.95]),
    ("Давайте согласуем бюджет с министерством.", "ru", [0.9, 0.22, 0.9, 0.9, 0.93]),
    ("Президент Токаев Нурсултан қаласында болды.", "kk", [0.9, 0.9, 0.9, 0.9, 0.9]),
    ("Бюджетті талқылаймыс, министерсвом келісеміз.", "kk", [0.9, 0.9, 0.9, 0.9]),
]


def meeting(confident: bool = True) -> Transcript:
    segments, t = [], 500
    for n, (text, language, confidences) in enumerate(SEGMENTS, start=1):
        words = []
        for token, confidence in zip(text.split(), confidences, strict=True):
            words.append(Word(token, t, t + 450, confidence if confident else None))
            t += 500
        segments.append(Segment(n, 1, words[0].start_ms, words[-1].end_ms, text, language, words))
        t += 700
    return Transcript(
        speakers=[Speaker(1, "0", "Айгүл", "#E69F00")],
        segments=segments,
        title="Кеңес",
        duration_ms=t + 500,
        language="kk-ru",
    )


@pytest.fixture(scope="module")
def speller(qapp):
    worker = SpellingWorker()
    worker.start()
    deadline = time.monotonic() + 60
    while worker.state == "loading" and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    assert worker.state == "ready"
    yield worker
    worker.wait()  # no answer of this module's worker reaches a later test
    QApplication.processEvents()


@pytest.fixture
def audio(tmp_path_factory) -> Path:
    return periodic_speech_file(tmp_path_factory.mktemp("audio") / "meeting.wav", 40.0)


@pytest.fixture
def open_editor(tmp_path: Path, qtbot, audio: Path):
    windows: list[EditorWindow] = []
    store = TranscriptStore(Database.in_dir(tmp_path / "data"))
    ui_state = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)

    def make(
        transcript: Transcript | None = None,
        options: ProofreadingOptions | None = None,
        spelling: SpellingWorker | None = None,
    ) -> EditorWindow:
        t = transcript or meeting()
        inputs = EditorInputs(
            transcript_id=store.save(t),
            title="Кеңес",
            playback=choose_source(audio, [], t.duration_ms),
            proofreading=options or ProofreadingOptions(),
            spelling=spelling,
        )
        window = EditorWindow(TranscriptService(store), inputs, ui_state=ui_state)
        windows.append(window)
        with qtbot.waitExposed(window):
            window.show()
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        return window

    yield make
    for window in windows:
        if shiboken6.isValid(window):
            window.close()


def _stored(window: EditorWindow) -> Transcript:
    return window.session.transcripts.load(window.session.transcript_id)


def _editor(window: EditorWindow) -> SegmentTextEditor:
    editor = window.proofreading.editor
    assert isinstance(editor, SegmentTextEditor)
    return editor


def _type(widget: QWidget, text: str) -> None:
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def _word_point(window: EditorWindow, row: int, word: str) -> QPoint:
    """Where ``word`` of a segment is drawn in the list (viewport coordinates)."""
    view = window.view
    rect = view.visualRect(window.model.index(row, Column.TEXT))
    text = window.model.segment_at(row).text
    x = view.fontMetrics().horizontalAdvance(text[: text.index(word) + 2])
    return rect.topLeft() + QPoint(PAD_X + x, PAD_Y + 4)


# ---- uncertain words ----------------------------------------------------------------------------
def test_f8_selects_opens_and_plays_the_next_uncertain_word(open_editor, qtbot) -> None:
    window = open_editor()
    assert window.proofreading.count_label.text() == "3 uncertain word(s) left"
    qtbot.keyClick(window.view, Qt.Key.Key_F8)
    editor = _editor(window)
    assert window.view.currentIndex().row() == 0
    assert editor.textCursor().selectedText() == "біз"
    word = window.session.transcript.segments[0].words[1]
    # played from a second before the word (the position reports where playback starts)
    assert window.player.position() == max(word.start_ms - 1000, 0)
    qtbot.waitUntil(window.player.is_playing, timeout=5000)
    qtbot.keyClick(editor, Qt.Key.Key_F8)  # works while the segment editor has the focus
    assert _editor(window).textCursor().selectedText() == "талқылаймыз."
    qtbot.keyClick(_editor(window), Qt.Key.Key_F8)
    assert window.view.currentIndex().row() == 2
    assert _editor(window).textCursor().selectedText() == "согласуем"
    qtbot.keyClick(_editor(window), Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert window.view.currentIndex().row() == 0
    assert _editor(window).textCursor().selectedText() == "талқылаймыз."


def test_typing_over_the_word_clears_its_flag_and_is_saved(open_editor, qtbot) -> None:
    window = open_editor()
    qtbot.keyClick(window.view, Qt.Key.Key_F8)
    editor = _editor(window)
    _type(editor, "сіз")  # replaces the selected "біз"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert window.session.transcript.segments[0].text == "Бүгін сіз бюджетті талқылаймыз."
    assert window.proofreading.count_label.text() == "2 uncertain word(s) left"
    stored = _stored(window).segments[0].words[1]
    assert stored.text == "сіз" and stored.checked


def test_mark_as_checked_is_saved_undoable_and_survives_reopening(open_editor, qtbot) -> None:
    window = open_editor()
    qtbot.keyClick(window.view, Qt.Key.Key_F8)
    qtbot.keyClick(_editor(window), Qt.Key.Key_F9)  # the word F8 went to
    assert window.proofreading.count_label.text() == "2 uncertain word(s) left"
    words = _stored(window).segments[0].words
    assert words[1].checked and not words[3].checked
    assert "Mark words as checked" in window.menu_actions.undo.text()
    window.menu_actions.undo.trigger()
    assert not _stored(window).segments[0].words[1].checked
    assert window.proofreading.count_label.text() == "3 uncertain word(s) left"
    window.menu_actions.redo.trigger()
    assert _stored(window).segments[0].words[1].checked
    # away from the F8 word: every uncertain word of the current segment
    window.view.select_segment(3)
    window.proofreading.checked_action.trigger()
    assert _stored(window).segment(3).words[1].checked
    assert window.proofreading.count_label.text() == "1 uncertain word(s) left"


def test_no_confidence_is_said_once_and_nothing_is_flagged(open_editor) -> None:
    window = open_editor(meeting(confident=False))
    assert "no confidence" in window.status_label.text()
    assert window.proofreading.count_label.text() == "0 uncertain word(s) left"
    assert window.proofreading.go(backwards=False) is None
    assert window.status_label.text() == "No uncertain words left."


def test_uncertain_words_are_underlined_with_a_dotted_line(open_editor) -> None:
    window = open_editor()
    seg = window.session.transcript.segments[0]
    formats = window.view.text_delegate.marks_of(seg, window.view.palette())
    assert [(a, b) for a, b, _ in formats] == [(6, 9), (19, 31)]
    assert {f.underlineStyle() for _, _, f in formats} == {QTextCharFormat.UnderlineStyle.DotLine}
    window.view.viewport().grab()  # painted without error


# ---- glossary -------------------------------------------------------------------------------------
GLOSSARY = ProofreadingOptions(glossary=("Тоқаев", "Токаев", "Нұрсұлтан", "Бюджет Комитеті"))


def test_accept_and_ignore_glossary_suggestions_each_one_undo_step(open_editor, qtbot) -> None:
    window = open_editor(options=GLOSSARY)
    p = window.proofreading
    seg = window.session.transcript.segment(4)
    assert [(s.found, s.term) for s in p.suggestions.of(seg)] == [
        ("Токаев", "Тоқаев"),
        ("Нурсултан", "Нұрсұлтан"),
    ]
    marks = window.view.text_delegate.marks_of(seg, window.view.palette())
    assert {f.underlineStyle() for *_, f in marks} == {QTextCharFormat.UnderlineStyle.DashUnderline}
    window.view.select_segment(4)
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.AltModifier)
    assert _stored(window).segment(4).text == "Президент Тоқаев Нурсултан қаласында болды."
    qtbot.keyClick(
        window.view,
        Qt.Key.Key_Return,
        Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert _stored(window).segment(4).text == "Президент Тоқаев Нурсултан қаласында болды."
    assert p.suggestions.of(window.session.transcript.segment(4)) == []
    assert _stored(window).segment(4).words[2].checked  # "Keep": confirmed, never again
    window.menu_actions.undo.trigger()  # the Keep
    assert p.suggestions_count() == 1
    window.menu_actions.undo.trigger()  # the Accept
    assert _stored(window).segment(4).text == seg.text
    assert p.suggestions_count() == 2


def test_accept_all_is_one_step(open_editor, qtbot) -> None:
    window = open_editor(options=GLOSSARY)
    window.proofreading.accept_all_action.trigger()
    assert _stored(window).segment(4).text == "Президент Тоқаев Нұрсұлтан қаласында болды."
    assert window.proofreading.suggestions_count() == 0
    window.menu_actions.undo.trigger()
    assert window.proofreading.suggestions_count() == 2


def test_glossary_context_menu(open_editor) -> None:
    window = open_editor(options=GLOSSARY)
    seg = window.session.transcript.segment(4)
    menu = proofread_menus.list_menu(window.proofreading, _word_point(window, 3, "Токаев"))
    assert menu is not None
    texts = [a.text() for a in menu.actions()]
    assert "Replace “Токаев” with “Тоқаев” (Glossary)" in texts
    next(a for a in menu.actions() if a.text().startswith("Replace “Токаев”")).trigger()
    menu.close()
    assert window.session.transcript.segment(4).text.startswith("Президент Тоқаев")
    assert seg.text != window.session.transcript.segment(4).text


# ---- spelling ---------------------------------------------------------------------------------------
def _wait_for_spelling(window: EditorWindow, qtbot, seg_id: int, count: int) -> list:
    seg = window.session.transcript.segment(seg_id)

    def marked() -> list:
        window.view.viewport().grab()  # paints the rows on screen: asks the worker
        source = window.proofreading.source
        return [m for m in source.marks(seg) if m[2] is Kind.SPELLING]

    qtbot.waitUntil(lambda: len(marked()) == count, timeout=10_000)
    return marked()


def test_misspelled_kazakh_and_russian_words_are_underlined(open_editor, qtbot, speller) -> None:
    window = open_editor(spelling=speller)
    marks = _wait_for_spelling(window, qtbot, 5, 2)
    text = window.session.transcript.segment(5).text
    assert [text[a:b] for a, b, _ in marks] == ["талқылаймыс", "министерсвом"]
    for seg in window.session.transcript.segments[:3]:  # right in Kazakh or Russian
        assert not [m for m in window.proofreading.source.marks(seg) if m[2] is Kind.SPELLING]


def test_spelling_corrections_from_the_list_menu(open_editor, qtbot, speller) -> None:
    added: list[str] = []
    options = ProofreadingOptions(add_to_glossary=added.append)
    window = open_editor(options=options, spelling=speller)
    _wait_for_spelling(window, qtbot, 5, 2)
    with qtbot.waitSignal(speller.suggested, timeout=20_000):
        menu = proofread_menus.list_menu(window.proofreading, _word_point(window, 4, "талқылаймыс"))
    assert menu is not None
    qtbot.waitUntil(lambda: "талқылаймыз" in [a.text() for a in menu.actions()], timeout=5000)
    next(a for a in menu.actions() if a.text() == "талқылаймыз").trigger()
    assert _stored(window).segment(5).text.startswith("Бюджетті талқылаймыз,")
    window.menu_actions.undo.trigger()
    assert _stored(window).segment(5).text.startswith("Бюджетті талқылаймыс,")
    add = next(a for a in menu.actions() if "to the Glossary" in a.text())
    add.trigger()
    menu.close()
    assert added == ["талқылаймыс"]
    assert len(_wait_for_spelling(window, qtbot, 5, 1)) == 1  # only "министерсвом" left


def test_the_segment_editor_underlines_and_corrects_misspellings(
    open_editor, qtbot, speller
) -> None:
    window = open_editor(spelling=speller)
    _wait_for_spelling(window, qtbot, 5, 2)
    window.view.edit_text(4, 0)
    editor = _editor(window)
    layout = editor.document().firstBlock().layout()
    qtbot.waitUntil(lambda: len(layout.formats()) == 2, timeout=5000)
    styles = {f.format.underlineStyle() for f in layout.formats()}
    assert styles == {QTextCharFormat.UnderlineStyle.SpellCheckUnderline}
    word_start = editor.toPlainText().index("министерсвом")
    cursor = editor.textCursor()
    cursor.setPosition(word_start + 3)
    pos = editor.cursorRect(cursor).center()
    with qtbot.waitSignal(speller.suggested, timeout=20_000):
        menu = proofread_menus.editor_menu(window.proofreading, editor, "kk", pos)
    qtbot.waitUntil(lambda: "министерством" in [a.text() for a in menu.actions()], timeout=5000)
    next(a for a in menu.actions() if a.text() == "министерством").trigger()
    menu.close()
    assert "министерством келісеміз" in editor.toPlainText()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert "министерством" in _stored(window).segment(5).text


# ---- typing while listening -------------------------------------------------------------------
def test_play_pause_and_speed_keys_work_while_typing(open_editor, qtbot) -> None:
    window = open_editor()
    window.view.edit_text(1)
    editor = _editor(window)
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(editor, Qt.Key.Key_Space, ctrl)
    qtbot.waitUntil(window.player.is_playing, timeout=5000)
    qtbot.keyClick(editor, Qt.Key.Key_Space, ctrl)
    assert not window.player.is_playing()
    rate = window.player.rate()
    qtbot.keyClick(editor, Qt.Key.Key_Period, ctrl | Qt.KeyboardModifier.ShiftModifier)
    assert window.player.rate() > rate
    qtbot.keyClick(editor, Qt.Key.Key_Comma, ctrl | Qt.KeyboardModifier.ShiftModifier)
    assert window.player.rate() == rate
    assert isinstance(window.focusWidget(), SegmentTextEditor)  # still typing


def test_resuming_rewinds_two_seconds_unless_the_playhead_moved(open_editor, qtbot) -> None:
    window = open_editor()
    player, toggle = window.player, window.player_bar.play_pause_action
    player.seek(10_000)
    toggle.trigger()
    qtbot.waitUntil(player.is_playing, timeout=5000)
    qtbot.waitUntil(lambda: player.position() > 10_300, timeout=5000)
    toggle.trigger()
    paused = player.position()
    toggle.trigger()
    assert player.position() == paused - 2000
    toggle.trigger()
    player.seek(20_000)  # moved by the user: resume right there
    toggle.trigger()
    assert player.position() == 20_000
    toggle.trigger()


def test_ctrl_l_loops_the_current_segment(open_editor, qtbot) -> None:
    window = open_editor()
    seg = window.session.transcript.segments[1]
    window.view.select_segment(seg.id)
    qtbot.keyClick(window.view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    loop = window.proofreading.transport.loop_action
    assert loop.isChecked() and window.player.position() == seg.start_ms
    qtbot.waitUntil(window.player.is_playing, timeout=5000)
    # the end of the segment sends playback back to its start
    window.player.position_changed.emit(seg.end_ms)
    assert window.player.position() == seg.start_ms
    window.player.seek(seg.end_ms + 5000)  # the user goes elsewhere: the loop ends
    assert not loop.isChecked()
    window.player.pause()


def test_without_dictionaries_the_editor_says_spelling_is_off(open_editor, qtbot, tmp_path) -> None:
    from kzdesk.services.spelling import Dictionaries

    worker = SpellingWorker(Dictionaries(tmp_path / "none"))
    with qtbot.waitSignal(worker.unavailable, timeout=10_000):
        worker.start()
    window = open_editor(spelling=worker)
    assert "Spelling is not checked" in window.status_label.text()
    seg = window.session.transcript.segment(5)
    assert not [m for m in window.proofreading.source.marks(seg) if m[2] is Kind.SPELLING]
