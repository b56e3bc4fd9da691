"""The edit session: saving every applied change at once, failures told, the undo stack."""

from __future__ import annotations

import copy
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kzdesk.core.transcript import Change, Transcript, TranscriptError
from kzdesk.services.transcripts import TranscriptService
from kzdesk.storage.db import Database
from kzdesk.storage.transcripts import TranscriptStore
from kzdesk.ui.editor.edit_session import EditSession
from kzdesk.ui.editor.segment_commands import (
    DeleteSegmentCommand,
    MergeWithNextCommand,
    ReplaceTextCommand,
    ShiftBoundsCommand,
    SplitAtCursorCommand,
    SplitCommand,
)
from kzdesk.ui.editor.speaker_commands import (
    MergeSpeakersCommand,
    RenameSpeakerCommand,
)
from tests.ui.editor.sample import sample

ROOT = Path(__file__).resolve().parents[3]


def _saved(session: EditSession) -> Transcript:
    return session.transcripts.load(session.transcript_id)


def test_a_rejected_edit_raises_and_leaves_stack_and_disk_alone(session: EditSession) -> None:
    session.push(RenameSpeakerCommand(session, 1, "Айгүл"))
    before = copy.deepcopy(session.transcript)
    for command in (
        SplitCommand(session, 1, 0),
        RenameSpeakerCommand(session, 99, "Nobody"),
        MergeSpeakersCommand(session, 1, 1),
        MergeWithNextCommand(session, session.transcript.segments[-1].id),
        RenameSpeakerCommand(session, 2, "   "),
    ):
        with pytest.raises(TranscriptError):
            session.push(command)
    assert session.undo_stack.count() == 1
    assert session.undo_stack.undoText() == "Rename speaker to Айгүл"
    assert session.transcript == before == _saved(session)


def test_signals_follow_every_applied_change(session: EditSession, qtbot) -> None:
    changes: list[Change] = []
    saves: list[bool] = []
    session.changed.connect(changes.append)
    session.saved.connect(lambda: saves.append(True))
    change = session.push(RenameSpeakerCommand(session, 1, "Айгүл"))
    session.undo()
    session.redo()
    assert len(changes) == len(saves) == 3
    assert changes[0] is change and changes[2] is change
    assert changes[1].speakers == change.inverse().speakers


class _FullDisk(TranscriptStore):
    def apply(self, transcript_id: int, change: Change) -> None:
        raise sqlite3.OperationalError("database or disk is full")


def test_a_failed_save_is_told_in_a_sentence(tmp_path: Path, qtbot) -> None:
    store = TranscriptStore(Database.in_dir(tmp_path))
    tid = store.save(sample())
    session = EditSession(TranscriptService(_FullDisk(store.db)), tid)
    failures: list[str] = []
    changes: list[Change] = []
    session.save_failed.connect(failures.append)
    session.changed.connect(changes.append)
    with qtbot.assertNotEmitted(session.saved):
        session.push(RenameSpeakerCommand(session, 1, "Айгүл"))
    assert session.transcript.speaker_name(1) == "Айгүл"  # the screen still shows the edit
    assert len(changes) == 1
    assert failures and "could not be saved" in failures[0] and failures[0].endswith(".")


class _DiskFullOnce(TranscriptStore):
    """The disk is full for one write, then has room again."""

    full = True

    def apply(self, transcript_id: int, change: Change) -> None:
        if self.full:
            self.full = False
            raise sqlite3.OperationalError("database or disk is full")
        super().apply(transcript_id, change)


def test_an_edit_that_failed_to_save_is_saved_with_the_next_one(tmp_path: Path, qtbot) -> None:
    store = _DiskFullOnce(Database.in_dir(tmp_path))
    tid = store.save(sample())
    session = EditSession(TranscriptService(store), tid)
    session.push(RenameSpeakerCommand(session, 1, "Айгүл"))  # not written: the disk was full
    assert not session.is_saved
    assert store.load(tid).speaker_name(1) != "Айгүл"
    seg = session.transcript.segments[3]
    with qtbot.waitSignal(session.saved):
        session.push(ReplaceTextCommand(session, seg.id, "Жаңа мәтін"))
    assert session.is_saved
    reloaded = store.load(tid)
    assert reloaded.speaker_name(1) == "Айгүл"  # the lost edit reached the disk too
    assert reloaded.segment(seg.id).text == "Жаңа мәтін"
    reloaded.created_at = session.transcript.created_at
    assert reloaded == session.transcript


def test_save_now_writes_what_a_failed_save_left(tmp_path: Path) -> None:
    store = _DiskFullOnce(Database.in_dir(tmp_path))
    tid = store.save(sample())
    session = EditSession(TranscriptService(store), tid)
    first = session.transcript.segments[0]
    session.push(MergeWithNextCommand(session, first.id))
    assert not session.is_saved
    assert session.save_now()
    reloaded = store.load(tid)
    reloaded.created_at = session.transcript.created_at
    assert reloaded == session.transcript


_CHILD = """
import sys, time
from PySide6.QtCore import QCoreApplication
from kzdesk.storage.db import Database
from kzdesk.services.transcripts import TranscriptService
from kzdesk.ui.editor.edit_session import EditSession
from kzdesk.ui.editor.segment_commands import ReplaceTextCommand
from kzdesk.ui.editor.speaker_commands import RenameSpeakerCommand
app = QCoreApplication([])
session = EditSession(TranscriptService.in_database(Database(sys.argv[1])), int(sys.argv[2]))
session.push(RenameSpeakerCommand(session, 1, "Айгүл"))
session.push(ReplaceTextCommand(session, 2, "Сәлем, әлем! Всё сохранено"))
print("edited", flush=True)
time.sleep(120)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_autosave_survives_a_hard_kill(tmp_path: Path) -> None:
    db = Database.in_dir(tmp_path)
    tid = TranscriptStore(db).save(sample())
    db.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(db.path), str(tid)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = child.stdout.readline() if child.stdout else ""
        assert line.strip() == "edited", child.stderr.read() if child.stderr else ""
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    reopened = TranscriptStore(Database(db.path)).load(tid)
    assert reopened.speaker_name(1) == "Айгүл"
    assert reopened.segment(2).text == "Сәлем, әлем! Всё сохранено"
    assert [w.text for w in reopened.segment(2).words] == ["Сәлем,", "әлем!", "Всё", "сохранено"]


def test_a_rejected_edit_keeps_the_redo_history(session: EditSession) -> None:
    session.push(RenameSpeakerCommand(session, 1, "Айгүл"))
    session.push(ShiftBoundsCommand(session, session.transcript.segments[0].id, end_delta_ms=100))
    session.undo()
    with pytest.raises(TranscriptError):
        session.push(SplitAtCursorCommand(session, session.transcript.segments[0].id, 0))
    assert session.undo_stack.canRedo()
    session.redo()
    assert session.undo_stack.index() == 2 and _saved(session) == session.transcript


def test_a_command_pushed_on_the_stack_directly_still_works(session: EditSession) -> None:
    before = copy.deepcopy(session.transcript)
    session.undo_stack.push(DeleteSegmentCommand(session, 1))
    assert 1 not in [s.id for s in session.transcript.segments]
    assert _saved(session) == session.transcript
    session.undo_stack.push(DeleteSegmentCommand(session, 1))  # rejected: dropped by Qt
    assert session.undo_stack.count() == 1
    session.undo()
    assert session.transcript == before == _saved(session)
