from __future__ import annotations

import copy
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from kzdesk.core.search import Match, SearchQuery, find_all
from kzdesk.core.transcript import Segment, Speaker, Transcript, Word
from kzdesk.services.transcripts import TranscriptService
from kzdesk.storage.db import Database
from kzdesk.storage.transcripts import TranscriptStore
from kzdesk.ui.editor.edit_session import EditSession
from kzdesk.ui.editor.find_bar import FindBar
from kzdesk.ui.editor.segment_commands import ReplaceTextCommand

TEXTS = [
    "Бүгін біз бюджетті талқылаймыз",  # 1
    "Хорошо, давайте начнём",  # 2
    "БЮДЖЕТ және бюджет",  # 3
    "Келісемін",  # 4
    "Ёлка бюджет",  # 5
]


def _transcript() -> Transcript:
    segments, t = [], 0
    for n, text in enumerate(TEXTS, start=1):
        words = []
        for token in text.split():
            words.append(Word(token, t, t + 300))
            t += 400
        segments.append(Segment(n, 1, words[0].start_ms, words[-1].end_ms, text, "kk-KZ", words))
        t += 1000
    return Transcript(
        speakers=[Speaker(1, "0", "Бюджет Айгүл", "#E69F00")], segments=segments, duration_ms=t
    )


@pytest.fixture
def session(tmp_path: Path, qapp) -> EditSession:
    store = TranscriptStore(Database.in_dir(tmp_path))
    return EditSession(TranscriptService(store), store.save(_transcript()))


@pytest.fixture
def bar(session: EditSession, qtbot) -> FindBar:
    widget = FindBar(session)
    qtbot.addWidget(widget)
    widget.show_find()
    return widget


def _type(widget: QWidget, text: str) -> None:
    """Key presses carrying Kazakh/Russian letters (QTest.keyClicks takes ASCII only)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def _search(bar: FindBar, qtbot, text: str) -> None:
    bar.find_edit.clear()
    _type(bar.find_edit, text)
    qtbot.waitUntil(lambda: not bar._timer.isActive(), timeout=2000)


def _saved(session: EditSession) -> Transcript:
    return session.transcripts.load(session.transcript_id)


def test_typing_searches_after_a_pause_and_goes_to_the_first_match(bar: FindBar, qtbot) -> None:
    with qtbot.waitSignal(bar.current_match_changed, timeout=2000) as blocker:
        _type(bar.find_edit, "бюджет")
        assert bar.matches() == []  # still typing: nothing searched yet
    assert blocker.args == [Match(1, 10, 16)]
    assert bar.count_label.text() == "1 of 4"
    assert [m.segment_id for m in bar.matches()] == [1, 3, 3, 5]
    assert bar.matches_in(3) == [(0, 6), (12, 18)]
    assert bar.matches_in(2) == []
    assert bar.find_edit.hasFocus() or not bar.isActiveWindow()


def test_next_and_previous_wrap_around(bar: FindBar, qtbot) -> None:
    _search(bar, qtbot, "бюджет")
    seen = []
    bar.current_match_changed.connect(seen.append)
    for expected in ("2 of 4", "3 of 4", "4 of 4", "1 of 4"):
        bar.find_next()
        assert bar.count_label.text() == expected
    bar.find_previous()
    assert bar.count_label.text() == "4 of 4"
    assert [m.segment_id for m in seen] == [3, 3, 5, 1, 5]
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count_label.text() == "3 of 4"
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return)
    assert bar.count_label.text() == "4 of 4"
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_F3)
    assert bar.count_label.text() == "1 of 4"
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert bar.current_match() == Match(5, 5, 11)


def test_enter_right_after_typing_goes_to_the_first_match(bar: FindBar, qtbot) -> None:
    _type(bar.find_edit, "бюджет")
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return)
    assert bar.count_label.text() == "1 of 4"


def test_options_case_and_whole_word(bar: FindBar, qtbot) -> None:
    _search(bar, qtbot, "бюджет")
    bar.case_button.click()
    assert bar.count_label.text() == "1 of 3"
    bar.word_button.click()
    assert [(m.segment_id, m.start) for m in bar.matches()] == [(3, 12), (5, 5)]
    bar.case_button.click()
    assert [(m.segment_id, m.start) for m in bar.matches()] == [(3, 0), (3, 12), (5, 5)]
    assert bar.query() == SearchQuery("бюджет", whole_word=True)
    _search(bar, qtbot, "ёлка")
    assert bar.count_label.text() == "1 of 1"
    _search(bar, qtbot, "Айгүл")  # the speaker's name is not searched
    assert bar.count_label.text() == "No results"
    assert not bar.next_button.isEnabled()


def test_a_bad_regex_is_a_sentence_in_a_warning_colour(bar: FindBar, qtbot) -> None:
    bar.regex_button.click()
    _search(bar, qtbot, "(бюджет")
    text = bar.count_label.text()
    assert "regular expression" in text and text.endswith(".")
    assert bar.matches() == [] and bar.error() == text
    color = bar.count_label.palette().color(QPalette.ColorRole.WindowText)
    assert color == bar.warning_color()
    _search(bar, qtbot, "(бюджет)|ёлка")
    assert bar.count_label.text() == "1 of 5" and bar.error() == ""
    assert bar.count_label.palette().color(QPalette.ColorRole.WindowText) != QColor(
        bar.warning_color()
    )


@pytest.mark.parametrize("window", ["#FFFFFF", "#1E1E1E"])
def test_the_warning_colour_reads_on_light_and_dark(bar: FindBar, window: str) -> None:
    palette = bar.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(window))
    bar.setPalette(palette)
    warning, background = bar.warning_color(), QColor(window)

    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
        )

    lighter, darker = sorted((luminance(warning), luminance(background)), reverse=True)
    assert (lighter + 0.05) / (darker + 0.05) >= 4.5


def test_replace_current_then_next(bar: FindBar, session: EditSession, qtbot) -> None:
    t = session.transcript
    bar.show_replace()
    assert bar.replace_edit.isVisibleTo(bar)
    _search(bar, qtbot, "бюджет")
    bar.replace_edit.setText("жаңа бюджет")  # contains the search text: not replaced again
    bar.find_next()  # 2 of 4: the first in segment 3
    bar.replace_current()
    assert t.segment(3).text == "жаңа бюджет және бюджет"
    assert bar.count_label.text() == "3 of 4"
    assert bar.current_match() == Match(3, 17, 23)
    qtbot.keyClick(bar.replace_edit, Qt.Key.Key_Return)  # Enter in the replace field
    assert t.segment(3).text == "жаңа бюджет және жаңа бюджет"
    assert bar.current_match() == Match(5, 5, 11)
    assert session.undo_stack.count() == 2
    assert _saved(session) == t


def test_replace_all_is_one_undo_step_and_undo_restores(
    bar: FindBar, session: EditSession, qtbot
) -> None:
    t = session.transcript
    original = copy.deepcopy(t)
    bar.show_replace()
    _search(bar, qtbot, "бюджет")
    bar.replace_edit.setText("қаржы")
    with (
        qtbot.waitSignal(bar.matches_changed),
        qtbot.waitSignal(bar.current_match_changed) as blocker,
    ):
        bar.replace_all_button.click()
    assert blocker.args == [None]
    assert session.undo_stack.count() == 1
    assert session.undo_stack.undoText() == "Replace 4 matches of “бюджет”"
    assert [s.text for s in t.segments][2] == "қаржы және қаржы"
    assert bar.count_label.text() == "No results"
    assert _saved(session) == t
    session.undo()
    assert t == original == _saved(session)
    assert bar.count_label.text() == "1 of 4"  # the bar follows every applied change


def test_regex_replace_all_with_groups(bar: FindBar, session: EditSession, qtbot) -> None:
    bar.show_replace()
    bar.regex_button.click()
    _search(bar, qtbot, r"(\w+) (бюджет)$")
    bar.replace_edit.setText(r"\2 \1")
    bar.replace_all()
    assert session.transcript.segment(3).text == "БЮДЖЕТ бюджет және"
    assert session.transcript.segment(5).text == "бюджет Ёлка"


def test_edits_elsewhere_refresh_matches_without_moving(
    bar: FindBar, session: EditSession, qtbot
) -> None:
    _search(bar, qtbot, "бюджет")
    bar.find_next()
    bar.find_next()  # 3 of 4: second in segment 3
    with qtbot.assertNotEmitted(bar.current_match_changed):
        session.push(ReplaceTextCommand(session, 1, "Бүгін біз талқылаймыз"))
    assert bar.count_label.text() == "2 of 3"
    assert bar.current_match() == Match(3, 12, 18)


def test_anchor_starts_the_search_from_the_editor_segment(bar: FindBar, qtbot) -> None:
    bar.set_anchor(4)
    _search(bar, qtbot, "бюджет")
    assert bar.current_match() == Match(5, 5, 11)  # first match from segment 4 on
    bar.set_anchor(2)
    bar.find_next()
    assert bar.current_match() == Match(3, 0, 6)
    bar.set_anchor(3)  # the segment of the current match: next goes on from the match
    bar.find_next()
    assert bar.current_match() == Match(3, 12, 18)
    bar.set_anchor(3)
    bar.set_anchor(4)
    bar.find_previous()
    assert bar.current_match() == Match(3, 12, 18)
    bar.set_anchor(1)
    bar.find_previous()  # nothing before segment 1: wraps to the last
    assert bar.current_match() == Match(5, 5, 11)


def test_escape_closes_and_clears_highlights(bar: FindBar, qtbot) -> None:
    bar.show_replace()
    _search(bar, qtbot, "бюджет")
    assert bar.matches()
    with (
        qtbot.waitSignal(bar.closed),
        qtbot.waitSignal(bar.matches_changed),
        qtbot.waitSignal(bar.current_match_changed) as blocker,
    ):
        qtbot.keyClick(bar.find_edit, Qt.Key.Key_Escape)
    assert blocker.args == [None]  # the editor drops the current match's highlight
    assert bar.isHidden() and not bar.is_open()
    assert bar.matches() == [] and bar.matches_in(3) == []
    bar.show_find()  # reopening searches again, without the replace field
    assert bar.count_label.text() == "1 of 4"
    assert not bar.replace_edit.isVisibleTo(bar) and not bar.replace_all_button.isVisibleTo(bar)
    assert bar.find_edit.selectedText() == "бюджет"
    with qtbot.waitSignal(bar.closed):
        bar.close_button.click()


def test_show_find_with_text_searches_at_once(bar: FindBar) -> None:
    bar.show_find("Келісемін")
    assert bar.count_label.text() == "1 of 1"
    assert bar.current_match() == Match(4, 0, 9)


def test_toggle_buttons_explain_themselves(bar: FindBar) -> None:
    for button in (bar.case_button, bar.word_button, bar.regex_button):
        assert button.isCheckable() and button.toolTip()
    for button in (bar.previous_button, bar.next_button, bar.close_button):
        assert button.toolTip()


def test_many_segments_stay_fast(tmp_path: Path, qtbot) -> None:
    t = _transcript()
    base = t.segments
    t.segments = []
    for n in range(5000):
        seg = copy.deepcopy(base[n % len(base)])
        seg.id = n + 1
        shift = n * 10_000
        seg.start_ms += shift
        seg.end_ms += shift
        for w in seg.words:
            w.start_ms += shift
            w.end_ms += shift
        t.segments.append(seg)
    store = TranscriptStore(Database.in_dir(tmp_path))
    session = EditSession(TranscriptService(store), store.save(t))
    widget = FindBar(session)
    qtbot.addWidget(widget)
    widget.show_find("бюджет")
    assert len(widget.matches()) == len(find_all(t, SearchQuery("бюджет"))) == 4000
    widget.show_replace()
    widget.replace_edit.setText("қаржы")
    widget.replace_all()
    assert session.undo_stack.count() == 1 and widget.matches() == []
