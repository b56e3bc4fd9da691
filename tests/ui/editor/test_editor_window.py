"""The editor window end to end: real database, real audio, real player, real widgets."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox

from kzdesk.core.transcript import Transcript
from kzdesk.export import FORMATS, render
from kzdesk.services.playback_source import choose_source
from kzdesk.services.transcripts import NotSaved, TranscriptService
from kzdesk.storage.db import Database
from kzdesk.storage.transcripts import TranscriptStore
from kzdesk.ui.editor.editor_window import EditorInputs, EditorWindow
from kzdesk.ui.editor.segment_model import Column
from kzdesk.ui.editor.segment_text_delegate import SegmentTextEditor
from tests.media import periodic_speech_file
from tests.ui.editor.sample import sample


@pytest.fixture
def audio(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("audio") / "meeting.wav"
    return periodic_speech_file(path, 75.0)  # longer than the sample transcript


@pytest.fixture
def open_editor(tmp_path: Path, qtbot, audio: Path):
    windows: list[EditorWindow] = []
    store = TranscriptStore(Database.in_dir(tmp_path / "data"))
    ui_state = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)

    def make(transcript: Transcript | None = None, source: Path | None = audio) -> EditorWindow:
        t = transcript or sample(segments=20)
        tid = store.save(t)
        inputs = EditorInputs(
            transcript_id=tid,
            title="Жиналыс 12.11",
            playback=choose_source(source, [], t.duration_ms),
            waveform_cache=tmp_path / "cache",
            export_folder=tmp_path / "out",
        )
        window = EditorWindow(TranscriptService(store), inputs, ui_state=ui_state)
        windows.append(window)  # closed below unless a test closed (and so deleted) it
        with qtbot.waitExposed(window):
            window.show()
        window.activateWindow()  # window shortcuts need the active window
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        return window

    yield make
    for window in windows:
        if shiboken6.isValid(window):
            window.close()


def _stored(window: EditorWindow) -> Transcript:
    s = window.session
    return s.transcripts.load(s.transcript_id)


def test_opens_with_segments_speakers_and_a_saved_title(open_editor) -> None:
    window = open_editor()
    assert window.model.rowCount() == 20
    assert window.speakers.model.rowCount() == 3
    assert "Жиналыс 12.11" in window.windowTitle()
    assert "saved" in window.windowTitle()
    assert window.view.currentIndex().row() == 0


def test_every_menu_action_shows_its_shortcut(open_editor) -> None:
    window = open_editor()
    expected = {
        window.menu_actions.export: "Ctrl+E",
        window.menu_actions.split: "Ctrl+Return",
        window.menu_actions.merge: "Ctrl+M",
        window.menu_actions.delete: "Ctrl+Del",
        window.menu_actions.start_earlier: "Ctrl+[",
        window.menu_actions.end_later: "Ctrl+Alt+]",
        window.menu_actions.replace: "Ctrl+H",
        window.menu_actions.find: QKeySequence(QKeySequence.StandardKey.Find).toString(),
        window.player_bar.play_pause_action: "Ctrl+Space",
        window.player_bar.back_action: "Alt+Left",
        window.player_bar.forward_action: "Alt+Right",
        window.menu_actions.undo: QKeySequence(QKeySequence.StandardKey.Undo).toString(),
        window.menu_actions.redo: "Ctrl+Shift+Z",
    }
    for action, keys in expected.items():
        assert action.shortcut().toString() == keys, action.text()
    menus = {a.text() for a in window.menuBar().actions()}
    assert {"&File", "&Edit", "&Playback", "&Speakers"} <= menus


def test_an_edit_is_saved_at_once_and_the_undo_menu_says_what_it_undoes(open_editor) -> None:
    window = open_editor()
    seg = window.session.transcript.segments[0]
    window.model.setData(window.model.index(0, Column.TEXT), "Бүгін біз бюджетті талқыладық")
    assert _stored(window).segment(seg.id).text == "Бүгін біз бюджетті талқыладық"
    assert "Edit the phrase" in window.menu_actions.undo.text()
    assert window.saved_label.text().startswith("Saved")
    window.menu_actions.undo.trigger()
    assert _stored(window).segment(seg.id).text == seg.text
    assert "Edit the phrase" in window.menu_actions.redo.text()


def test_ctrl_number_gives_the_segment_to_that_speaker(open_editor, qtbot) -> None:
    window = open_editor()
    t = window.session.transcript
    row = next(i for i, s in enumerate(t.segments) if s.speaker_id != t.speakers[2].id)
    window.view.setCurrentIndex(window.model.index(row, Column.TEXT))
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert t.segments[row].speaker_id == t.speakers[2].id
    assert _stored(window).segments[row].speaker_id == t.speakers[2].id
    assert [a.text() for a in window.menus.give.actions()] == [sp.name for sp in t.speakers]


def test_merge_delete_and_nudge_through_shortcuts(open_editor, qtbot) -> None:
    window = open_editor()
    t = window.session.transcript
    first, second = t.segments[0], t.segments[1]
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert len(t.segments) == 19 and t.segments[0].text.endswith(second.text)
    qtbot.keyClick(window.view, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.view, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier)
    assert t.segments[0].start_ms == first.start_ms + 200
    window.menu_actions.undo.trigger()  # the two nudges are one step
    assert t.segments[0].start_ms == first.start_ms
    qtbot.keyClick(window.view, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert len(t.segments) == 18
    assert len(_stored(window).segments) == 18
    window.menu_actions.undo.trigger()
    window.menu_actions.undo.trigger()
    assert _stored(window) == window.session.transcript
    assert [s.text for s in t.segments[:2]] == [first.text, second.text]


def test_split_at_the_text_cursor_while_typing(open_editor, qtbot) -> None:
    window = open_editor()
    t = window.session.transcript
    row, seg = next((i, s) for i, s in enumerate(t.segments) if len(s.words) >= 4)
    cut = len(" ".join(w.text for w in seg.words[:2])) + 1
    window.view.edit_text(row, cut)
    qtbot.waitUntil(lambda: isinstance(window.focusWidget(), SegmentTextEditor))
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    head, tail = t.segments[row], t.segments[row + 1]
    assert [w.text for w in head.words] == [w.text for w in seg.words[:2]]
    assert [w.text for w in tail.words] == [w.text for w in seg.words[2:]]
    assert head.end_ms == seg.words[1].end_ms and tail.start_ms == seg.words[2].start_ms
    assert _stored(window) == t


def test_typed_text_and_split_are_one_undo_step(open_editor, qtbot) -> None:
    window = open_editor()
    t = window.session.transcript
    row, seg = next((i, s) for i, s in enumerate(t.segments) if len(s.words) >= 3)
    window.view.edit_text(row, 0)
    qtbot.waitUntil(lambda: isinstance(window.focusWidget(), SegmentTextEditor))
    editor = window.focusWidget()
    editor.insertPlainText("Иә ")  # a new first word, then split after it
    window.menu_actions.split.trigger()
    assert t.segments[row].text == "Иә"
    assert t.segments[row + 1].text == seg.text
    window.menu_actions.undo.trigger()
    assert t.segments[row].text == seg.text and len(t.segments) == 20


def test_playback_highlights_follows_and_the_timeline_moves(open_editor, qtbot) -> None:
    window = open_editor()
    t = window.session.transcript
    qtbot.waitUntil(lambda: window.player.duration() > 0, timeout=10_000)
    target = t.segments[12]
    window.player.seek(target.start_ms + 5)
    qtbot.waitUntil(lambda: window.model.current_row() == 12, timeout=5000)
    assert (
        window.view.viewport()
        .rect()
        .intersects(window.view.visualRect(window.model.index(12, Column.TEXT)))
    )
    window.player.play()
    qtbot.waitUntil(lambda: window.player.position() > target.start_ms + 200, timeout=5000)
    window.player.pause()
    assert window.model.current_row() in (12, -1, 13)


def test_clicking_a_segment_time_seeks_the_player(open_editor, qtbot) -> None:
    window = open_editor()
    qtbot.waitUntil(lambda: window.player.duration() > 0, timeout=10_000)
    seg = window.session.transcript.segments[5]
    rect = window.view.visualRect(window.model.index(5, Column.TIME))
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: abs(window.player.position() - seg.start_ms) < 100, timeout=5000)


def test_find_selects_the_matching_segment(open_editor, qtbot) -> None:
    window = open_editor()
    t = window.session.transcript
    word = "вопроса"
    rows = [i for i, s in enumerate(t.segments) if word in s.text.split()]
    assert rows
    window.menu_actions.find.trigger()
    assert window.find_bar.isVisible()
    window.find_bar.find_edit.setText(word)
    qtbot.waitUntil(lambda: len(window.find_bar.matches()) > 0, timeout=3000)
    window.menu_actions.find_next.trigger()
    assert window.view.currentIndex().row() in rows
    assert window.view.text_delegate.current_match is not None


def test_renamed_speaker_appears_in_every_export(open_editor) -> None:
    window = open_editor()
    panel_model = window.speakers.model
    assert panel_model.setData(panel_model.index(0, 0), "Айгүл Сәрсенова")
    t = window.session.transcript
    for fmt in FORMATS:
        data = render(t, fmt)
        if fmt == "docx":
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                data = z.read("word/document.xml")
        text = data.decode("utf-8")
        if fmt in ("srt",):
            continue  # SRT names speakers only on request (checked below)
        if fmt == "rttm":  # RTTM fields hold no spaces: names are written with "_"
            text = text.replace("_", " ")
        assert "Айгүл Сәрсенова" in text, fmt
        assert "Speaker 1<" not in text and "Speaker 1:" not in text, fmt
    from kzdesk.export.options import ExportOptions

    srt = render(t, "srt", ExportOptions(speaker_prefix=True)).decode()
    assert "Айгүл Сәрсенова" in srt


def test_export_dialog_writes_the_edited_transcript(open_editor, qtbot, tmp_path: Path) -> None:
    window = open_editor()
    seg = window.session.transcript.segments[0]
    window.model.setData(window.model.index(0, Column.TEXT), "Жаңа мәтін осында")
    dialog = window.open_export()
    dialog.folder_edit.setText(str(tmp_path / "exports"))
    (tmp_path / "exports").mkdir()
    with qtbot.waitSignal(dialog.exported, timeout=10_000) as got:
        dialog.accept()
    written = [Path(p) for p in got.args[0]]
    txt = (
        next(p for p in written if p.suffix == ".txt")
        if any(p.suffix == ".txt" for p in written)
        else None
    )
    docx = next(p for p in written if p.suffix == ".docx")
    with zipfile.ZipFile(docx) as z:
        assert "Жаңа мәтін осында" in z.read("word/document.xml").decode()
    assert txt is None or "Жаңа мәтін осында" in txt.read_text(encoding="utf-8")
    assert seg.id  # the transcript itself is untouched by exporting


def test_closing_commits_what_is_being_typed(open_editor, qtbot) -> None:
    window = open_editor()
    seg = window.session.transcript.segments[2]
    window.view.edit_text(2)
    qtbot.waitUntil(lambda: isinstance(window.focusWidget(), SegmentTextEditor))
    window.focusWidget().insertPlainText(" тағы")
    store, tid = window.session.transcripts, window.session.transcript_id
    window.close()
    assert store.load(tid).segment(seg.id).text == seg.text + " тағы"


def test_merging_while_typing_keeps_the_typing_and_the_next_segment(open_editor, qtbot) -> None:
    window = open_editor()
    t = window.session.transcript
    first, second = t.segments[0], t.segments[1]
    window.view.edit_text(0)
    qtbot.waitUntil(lambda: isinstance(window.focusWidget(), SegmentTextEditor))
    window.focusWidget().insertPlainText(" иә")
    window.menu_actions.merge.trigger()  # Ctrl+M while the editor is open
    window.view.setFocus()  # focus leaves: an editor still open would write stale text now
    merged = t.segments[0].text
    assert merged == f"{first.text} иә {second.text}"
    assert _stored(window).segments[0].text == merged
    window.menu_actions.undo.trigger()
    assert t.segments[0].text == first.text + " иә" and t.segments[1].text == second.text


def test_undo_while_typing_saves_the_typing_first(open_editor, qtbot) -> None:
    window = open_editor()
    t = window.session.transcript
    window.model.setData(window.model.index(0, Column.TEXT), "Алдыңғы түзету")  # Undo enabled
    seg = t.segments[4]
    window.view.edit_text(4)
    qtbot.waitUntil(lambda: isinstance(window.focusWidget(), SegmentTextEditor))
    window.focusWidget().insertPlainText(" жоқ")
    window.menu_actions.undo.trigger()  # from the menu: the typing is one step, undone at once
    window.view.setFocus()
    assert t.segments[4].text == seg.text
    assert _stored(window).segments[4].text == seg.text
    window.menu_actions.redo.trigger()
    assert t.segments[4].text == seg.text + " жоқ"


def test_closing_with_unsaved_changes_asks_first(open_editor, monkeypatch) -> None:
    window = open_editor()
    store = window.session.transcripts

    def disk_full(*_args: object) -> None:
        raise NotSaved("database or disk is full")

    monkeypatch.setattr(store, "apply", disk_full)
    monkeypatch.setattr(store, "rewrite", disk_full)
    window.model.setData(window.model.index(0, Column.TEXT), "Сақталмаған өзгеріс")
    assert "NOT SAVED" in window.windowTitle()
    answers = [QMessageBox.StandardButton.Cancel]
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: answers.pop(0))
    assert not window.close()  # the user kept it open
    assert window.isVisible()
    monkeypatch.undo()  # the disk has room again: closing saves everything first
    assert window.close()
    reopened = TranscriptStore(Database.in_dir(window.session.transcripts.data_dir))
    assert reopened.load(window.session.transcript_id).segments[0].text == "Сақталмаған өзгеріс"


def test_a_missing_recording_still_opens_for_editing(open_editor, tmp_path: Path) -> None:
    window = open_editor(source=tmp_path / "gone.mp3")
    assert window.model.rowCount() == 20
    assert not window.player.is_available()
    assert "cannot be played" in window.status_label.text()


@pytest.mark.parametrize(
    ("key", "modifiers"),
    [
        (Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier),  # Cmd+Space on macOS: taken
        (Qt.Key.Key_F4, Qt.KeyboardModifier.NoModifier),  # works on every platform
    ],
)
def test_play_and_pause_while_typing_a_segment(open_editor, qtbot, key, modifiers) -> None:
    window = open_editor()
    player = window.player
    player.set_volume(0.0)
    window.view.edit_text(0)
    qtbot.waitUntil(lambda: isinstance(window.focusWidget(), SegmentTextEditor))
    editor = window.focusWidget()
    typed = editor.toPlainText()
    qtbot.keyClick(editor, key, modifiers)
    qtbot.waitUntil(player.is_playing)
    assert window.focusWidget() is editor  # still typing
    assert editor.toPlainText() == typed  # the key typed nothing
    qtbot.keyClick(editor, key, modifiers)
    qtbot.waitUntil(lambda: not player.is_playing())


def test_play_has_a_second_key_and_menus_use_sentence_case(open_editor) -> None:
    window = open_editor()
    keys = [k.toString() for k in window.player_bar.play_pause_action.shortcuts()]
    assert keys[:2] == ["Ctrl+Space", "F4"]
    # every menu entry in sentence case: "Back 5 seconds", not "Back 5 Seconds"
    names = {"SpeechKit", "Whisper", "kzdesk", "SRT", "VTT", "DOCX", "JSON", "TXT", "ID"}
    names |= {"Kazakh", "Russian"}  # a language's name is capitalised in English
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        for action in _all_actions(menu):
            text = action.text().replace("&", "")
            words = text.split()[1:]
            capitals = [w for w in words if w[:1].isupper() and w.strip("…") not in names]
            speaker_names = {s.name for s in window.session.transcript.speakers}
            if text in speaker_names:
                continue
            assert not capitals, f"{text!r} in {menu.title()!r}"


def _all_actions(menu):  # type: ignore[no-untyped-def]
    for action in menu.actions():
        if action.menu() is not None:
            yield from _all_actions(action.menu())
        elif not action.isSeparator():
            yield action


def test_a_segment_shows_its_language_and_the_user_can_correct_it(open_editor, qtbot) -> None:
    """The tag shows the language the segment was recognised in; marking it is an undoable
    edit saved at once (menu, shortcut, or the cell's list of languages)."""
    window = open_editor()
    model = window.model
    first = window.session.transcript.segments[0]
    cell = model.index(0, Column.LANGUAGE)
    assert cell.data() == first.language.split("-")[0]
    assert cell.data(Qt.ItemDataRole.ToolTipRole) in {"Kazakh", "Russian"}
    other = "ru" if cell.data() == "kk" else "kk"
    window.view.setCurrentIndex(model.index(0, Column.TEXT))
    action = window.menu_actions.languages[0 if other == "kk" else 1]
    assert action.shortcut().toString() == ("Ctrl+Alt+K" if other == "kk" else "Ctrl+Alt+R")
    action.trigger()
    assert _stored(window).segment(first.id).language == other
    assert cell.data() == other
    assert f"as {'Kazakh' if other == 'kk' else 'Russian'}" in window.menu_actions.undo.text()
    window.menu_actions.undo.trigger()
    assert _stored(window).segment(first.id).language == first.language
    # the cell's editor: a list of languages
    assert model.flags(cell) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(cell, "en")
    assert _stored(window).segment(first.id).language == "en"
    language_menu = next(
        a.menu()
        for a in window.menuBar().actions()[1].menu().actions()
        if a.menu() and a.menu().title() == "Phrase &language"
    )
    marks = [a.text() for a in language_menu.actions()][:3]
    assert marks == ["Kazakh", "Russian", "Other language…"]
    assert language_menu.actions()[3].isSeparator()
    assert language_menu.actions()[4:] == list(window.phrase_again.actions)
    window.menu_actions.languages[2].trigger()  # opens the cell's list
    qtbot.waitUntil(lambda: window.view.state() == window.view.State.EditingState)
