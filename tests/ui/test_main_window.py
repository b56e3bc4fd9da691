"""The main window against the SpeechKit emulator: drops, progress, actions, first run, resume."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from kzdesk.core.job import JobState
from kzdesk.ui.main_window import MainWindow
from kzdesk.ui.models.job_columns import Column
from tests.media import bursts_file
from tests.ui.conftest import WAIT_MS


def drop(window: MainWindow, paths: list[Path], target=None) -> None:
    """A real drag-and-drop event sequence on a child widget (propagates to the window)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    widget = target or window.centralWidget()
    pos = widget.rect().center()
    enter = QDragEnterEvent(
        pos,  # QDragEnterEvent takes a QPoint, QDropEvent a QPointF
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier(0),
    )
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    event = QDropEvent(
        QPointF(pos),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier(0),
    )
    QApplication.sendEvent(widget, event)
    assert event.isAccepted()


def recordings(folder: Path, names: list[str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [bursts_file(folder / name, [(0.5, 1.0)], 2.5) for name in names]


def states(window: MainWindow) -> list[JobState]:
    return [j.state for j in window.jobs()]


def select(window: MainWindow, job_id: int) -> None:
    window.view.select_job(job_id)


def test_drop_folder_adds_media_and_counts_skipped(qtbot, open_window, env: Path) -> None:
    window, ctx = open_window()
    assert window.stack.currentWidget() is window.drop_area  # empty queue: the drop hint
    folder = env / "in"
    recordings(folder, ["Жиналыс 12.11.mp3"])
    recordings(folder / "sub", ["b.wav"])
    (folder / "notes.txt").write_text("not audio", encoding="utf-8")

    drop(window, [folder], target=window.drop_area)

    names = sorted(j.file_name for j in window.jobs())
    assert names == ["b.wav", "Жиналыс 12.11.mp3"]
    assert window.stack.currentIndex() == 1  # the table now
    assert window.view.model().rowCount() == 2
    message = window.statusBar().currentMessage()
    assert "Added 2 recording(s)" in message
    assert "skipped 1 file(s)" in message
    qtbot.waitUntil(lambda: states(window) == [JobState.DONE] * 2, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.summary.text().startswith("0 running · 0 queued"))
    assert "today" in window.summary.text()


def test_drop_on_the_table_and_summary_with_price(qtbot, open_window, env: Path) -> None:
    window, ctx = open_window()
    window.on_settings_saved(
        dataclasses.replace(ctx.settings, price_per_minute=12.0, auto_export=[])
    )
    files = recordings(env / "a", ["one.ogg"])
    drop(window, files)  # on the empty page
    qtbot.waitUntil(lambda: states(window) == [JobState.DONE], timeout=WAIT_MS)
    drop(window, recordings(env / "b", ["two.wav"]), target=window.view.viewport())
    qtbot.waitUntil(lambda: states(window) == [JobState.DONE] * 2, timeout=WAIT_MS)
    # two files of 2.5 s: each billed as 15 s at 12 ₸ a minute -> 2 * 3 ₸
    qtbot.waitUntil(lambda: any(x in window.summary.text() for x in ("6.00 ₸", "6,00 ₸")))
    cost = window.model.index(0, int(Column.COST)).data()
    assert cost


def test_failing_file_shows_its_sentence(qtbot, open_window, env: Path) -> None:
    window, ctx = open_window()
    good = recordings(env / "in", ["good.wav"])[0]
    bad = env / "in" / "broken.mp3"
    bad.write_bytes(b"this is not audio at all" * 100)
    window.add_paths([good, bad])
    qtbot.waitUntil(
        lambda: sorted(s.value for s in states(window)) == ["done", "failed"], timeout=WAIT_MS
    )
    failed = next(j for j in window.jobs() if j.state is JobState.FAILED)
    assert failed.error and not failed.error.startswith("Traceback")
    row = window.model.row_of(failed.id)
    status = window.model.index(row, int(Column.STATUS)).data()
    assert status == failed.error
    assert window.model.index(row, int(Column.STATUS)).data(Qt.ItemDataRole.ToolTipRole) == status
    qtbot.waitUntil(lambda: "1 failed" in window.summary.text())
    select(window, failed.id)
    details = window.details
    assert details.isVisible()
    # the whole sentence, the file named once (the sentence names it already)
    assert details.label.text() == failed.error
    assert details.label.text().count("broken.mp3") == 1
    # a retry cannot make a text file a recording: Remove and Show in folder instead
    assert not window.actions_.retry.isEnabled()
    assert details.retry_button.isHidden()
    assert details.remove_button.isVisibleTo(window) and details.show_file_button.isVisibleTo(
        window
    )
    assert not window.actions_.open.isEnabled()
    opened: list[int] = []
    window.actions_.show_file_of = opened.append  # no file manager in tests
    details.show_file_requested.disconnect()
    details.show_file_requested.connect(window.actions_.show_file_of)
    details.show_file_button.click()
    assert opened == [failed.id]
    details.remove_button.click()
    qtbot.waitUntil(lambda: window.model.row_of(failed.id) is None)
    assert not details.isVisible()


def test_a_failure_a_retry_may_fix_offers_retry(qtbot, open_window, env: Path) -> None:
    window, ctx = open_window()
    window.dispatcher.pause()
    source = recordings(env / "in", ["moved.wav"])[0]
    [job] = window.add_paths([source])
    source.unlink()  # moved away before its turn
    window.dispatcher.resume()
    qtbot.waitUntil(lambda: states(window) == [JobState.FAILED], timeout=WAIT_MS)
    select(window, job.id)
    assert window.actions_.retry.isEnabled()
    assert window.details.retry_button.isVisibleTo(window)
    assert window.details.remove_button.isHidden()


def test_cancel_and_retry_from_actions(qtbot, open_window, env: Path, speechkit_emulator) -> None:
    speechkit_emulator.script(None, processing_s=60)  # stays in flight until cancelled
    window, ctx = open_window()
    [job] = window.add_paths(recordings(env / "in", ["long.wav"]))
    qtbot.waitUntil(lambda: ctx.queue.get(job.id).operation_id is not None, timeout=WAIT_MS)
    select(window, job.id)
    assert window.actions_.cancel.isEnabled()
    window.actions_.cancel.trigger()
    qtbot.waitUntil(lambda: states(window) == [JobState.CANCELLED], timeout=WAIT_MS)
    qtbot.waitUntil(lambda: speechkit_emulator.count("Cancel") == 1, timeout=10_000)

    qtbot.waitUntil(lambda: window.dispatcher.running_count() == 0, timeout=10_000)
    speechkit_emulator.script(None)
    ctx.queue.pieces.forget(job.id)  # the cancelled operation cannot be resumed
    select(window, job.id)
    qtbot.waitUntil(window.actions_.retry.isEnabled)
    window.actions_.retry.trigger()
    qtbot.waitUntil(lambda: states(window) == [JobState.DONE], timeout=WAIT_MS)

    select(window, job.id)
    assert window.actions_.open.isEnabled()
    window.actions_.open.trigger()
    [editor] = window.editors.windows.values()
    assert editor.isVisible()
    assert editor.model.rowCount() > 0  # the transcript, ready to edit
    window.actions_.open.trigger()  # opening it again raises the same window
    assert list(window.editors.windows.values()) == [editor]


def test_remove_asks_when_a_transcript_would_be_lost(qtbot, open_window, env: Path) -> None:
    window, ctx = open_window()
    [job] = window.add_paths(recordings(env / "in", ["x.wav"]))
    qtbot.waitUntil(lambda: states(window) == [JobState.DONE], timeout=WAIT_MS)
    questions: list[str] = []
    window.actions_.ask = lambda title, q: questions.append(q) or False
    select(window, job.id)
    window.actions_.remove.trigger()
    assert len(questions) == 1 and "x.wav" in questions[0]
    assert window.model.rowCount() == 1  # the user said no
    window.actions_.ask = lambda title, q: True
    window.actions_.remove.trigger()
    assert window.model.rowCount() == 0
    assert window.stack.currentWidget() is window.drop_area


def test_first_run_banner_until_a_key_is_saved(qtbot, open_window, monkeypatch, env) -> None:
    monkeypatch.delenv("KZDESK_SPEECHKIT_API_KEY")
    window, ctx = open_window()
    assert ctx.secrets.api_key() is None
    assert window.banner.isVisible()
    qtbot.mouseClick(window.banner.open_button, Qt.MouseButton.LeftButton)
    dialog = window.settings_dialog
    assert dialog is not None and dialog.isVisible()
    ctx.secrets.set_api_key("a-new-key", where="file")
    dialog.settings_saved.emit(dataclasses.replace(ctx.settings, parallel_jobs=3))
    assert not window.banner.isVisible()
    assert window.dispatcher.max_workers == 3
    assert ctx.settings.parallel_jobs == 3  # the engine factory sees the same object
    dialog.reject()


def test_known_voices_dialog_opens_from_the_edit_menu(qtbot, open_window) -> None:
    window, ctx = open_window()
    edit = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    assert window.menu_actions.voices in edit.actions()
    window.menu_actions.voices.trigger()
    from kzdesk.ui.dialogs.voices_dialog import VoicesDialog

    qtbot.waitUntil(
        lambda: any(isinstance(w, VoicesDialog) for w in window.findChildren(VoicesDialog))
    )


def test_no_key_banner_with_the_offline_engine(qtbot, open_window, monkeypatch, env) -> None:
    monkeypatch.delenv("KZDESK_SPEECHKIT_API_KEY")
    window, ctx = open_window()
    assert window.banner.isVisible()
    window.on_settings_saved(dataclasses.replace(ctx.settings, engine="whisper"))
    assert not window.banner.isVisible()  # offline needs no key
    window.on_settings_saved(dataclasses.replace(ctx.settings, engine="speechkit"))
    assert window.banner.isVisible()


def test_sleep_is_inhibited_while_jobs_run(qtbot, open_window, env: Path) -> None:
    window, ctx = open_window()
    with qtbot.waitSignal(window.dispatcher.batch_finished, timeout=WAIT_MS):
        window.add_paths(recordings(env / "in", ["a.wav", "b.wav"]))
    assert "inhibit" in window.inhibitor.calls
    qtbot.waitUntil(lambda: not window.inhibitor.held)
    assert "transcribed" in window.statusBar().currentMessage()


def test_close_mid_batch_and_reopen_finishes_without_resubmitting(
    qtbot, open_window, env: Path, speechkit_emulator
) -> None:
    speechkit_emulator.script(None, processing_s=2.0)
    window, ctx = open_window()
    jobs = window.add_paths(recordings(env / "in", ["a.wav", "b.mp3", "c.ogg"]))
    qtbot.waitUntil(lambda: all(ctx.queue.get(j.id).operation_id for j in jobs), timeout=WAIT_MS)
    asked: list[str] = []
    window.ask = lambda title, q: asked.append(q) or True  # type: ignore[method-assign]
    window.close()
    assert asked and "3 recording(s)" in asked[0]
    assert not window.isVisible()
    assert speechkit_emulator.count("RecognizeFile") == 3

    ctx.close()
    again, ctx2 = open_window(ctx.data_dir)
    qtbot.waitUntil(lambda: states(again) == [JobState.DONE] * 3, timeout=WAIT_MS)
    assert speechkit_emulator.count("RecognizeFile") == 3  # polled, never resubmitted


def test_geometry_and_columns_are_remembered(qtbot, open_window, env: Path) -> None:
    window, ctx = open_window()
    window.view.horizontalHeader().resizeSection(int(Column.FILE), 333)
    window.close()
    ctx.close()
    again, _ = open_window(ctx.data_dir)
    assert again.view.horizontalHeader().sectionSize(int(Column.FILE)) == 333


def test_menus_show_shortcuts(open_window) -> None:
    window, _ = open_window()
    assert window.menu_actions.add_files.shortcut().toString() == "Ctrl+O"
    assert window.menu_actions.settings.shortcut().toString() == "Ctrl+,"
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&Queue", "&Help"]
