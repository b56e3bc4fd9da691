"""The window and the queue's one owner: it watches while a terminal runs the queue and takes
over when it ends; re-adding a file asks first; exports are written as jobs end and never
replace the user's own file."""

from __future__ import annotations

import os
from pathlib import Path

from kzdesk.app import AppContext
from kzdesk.core.job import JobState
from kzdesk.services.queue_lock import TERMINAL, QueueLock
from tests.media import bursts_file
from tests.ui.conftest import WAIT_MS


def test_the_window_watches_a_terminal_run_the_queue_then_takes_over(
    qtbot, open_window, env: Path, speechkit_emulator
) -> None:
    terminal = QueueLock(env / "data", TERMINAL)
    assert terminal.acquire()
    ctx0 = AppContext.open(env / "data")
    job = ctx0.queue.enqueue(bursts_file(env / "a.wav", [(0.5, 1.0)], 2.0))
    window, ctx = open_window(lock=True)
    assert window.held_banner.isVisible()
    text = window.held_banner.message.text()
    assert f"kzdesk in a terminal (process {os.getpid()})" in text
    assert not window.dispatcher.owns_queue
    window.view.selectRow(0)
    assert not window.actions_.remove.isEnabled() and not window.actions_.cancel.isEnabled()
    # the terminal works on the job; the window shows it and takes nothing
    ctx0.queue.claim_next()
    qtbot.waitUntil(lambda: window.model.job_at(0).state is JobState.CONVERTING, timeout=WAIT_MS)
    # the terminal dies mid-job: the window recovers the job and runs it
    terminal.release()
    qtbot.waitUntil(lambda: not window.held_banner.isVisible(), timeout=WAIT_MS)
    assert window.dispatcher.owns_queue
    qtbot.waitUntil(lambda: ctx.queue.get(job.id).state is JobState.DONE, timeout=WAIT_MS)
    assert speechkit_emulator.count("RecognizeFile") == 1
    ctx0.close()


def test_a_second_window_watches_the_first(qtbot, open_window) -> None:
    first, _ = open_window(lock=True)
    second, _ = open_window(lock=True)
    assert first.dispatcher.owns_queue and not first.held_banner.isVisible()
    assert not second.dispatcher.owns_queue and second.held_banner.isVisible()
    assert "The kzdesk window" in second.held_banner.message.text()


def test_re_adding_a_file_asks_before_sending_it_again(
    qtbot, open_window, env: Path, speechkit_emulator
) -> None:
    window, ctx = open_window(lock=True)
    src = bursts_file(env / "meeting.wav", [(0.5, 1.0)], 2.0)
    [job] = window.add_paths([src])
    qtbot.waitUntil(lambda: ctx.queue.get(job.id).state is JobState.DONE, timeout=WAIT_MS)
    questions: list[str] = []

    def decline(title: str, question: str) -> bool:
        questions.append(question)
        return False

    window.ask = decline  # type: ignore[method-assign]
    assert window.add_paths([src]) == []
    assert "“meeting.wav” is already in the queue (#1)" in questions[0]
    window.ask = lambda title, question: True  # type: ignore[method-assign]
    [again] = window.add_paths([src])
    assert again.id != job.id


def test_exports_as_jobs_end_keep_the_users_file(
    qtbot, open_window, env: Path, speechkit_emulator
) -> None:
    window, ctx = open_window(lock=True)
    (env / "rec").mkdir()
    src = bursts_file(env / "rec" / "meeting.wav", [(0.5, 1.0)], 2.0)
    mine = env / "rec" / "meeting.docx"
    mine.write_bytes(b"my own minutes")
    said: list[str] = []
    window.actions_.notify = said.append
    [job] = window.add_paths([src])
    qtbot.waitUntil(lambda: ctx.queue.get(job.id).exported_at is not None, timeout=WAIT_MS)
    assert mine.read_bytes() == b"my own minutes"
    assert (env / "rec" / "meeting (2).docx").exists()
    qtbot.waitUntil(lambda: any("Exported meeting (2).docx" in m for m in said))
    assert any("“meeting.docx” already exists" in m for m in said)
