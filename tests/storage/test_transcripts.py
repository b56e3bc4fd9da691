from __future__ import annotations

import copy
import sqlite3
from pathlib import Path

from kzdesk.core.proofread import mark_checked
from kzdesk.core.transcript import Segment, Transcript, Word
from kzdesk.storage import db as db_module
from kzdesk.storage.db import Database
from kzdesk.storage.job_queue import JobQueue
from kzdesk.storage.transcripts import TranscriptStore
from tests.core.test_transcript import make


def test_save_load_round_trip(tmp_path: Path) -> None:
    store = TranscriptStore(Database.in_dir(tmp_path))
    t = make()
    tid = store.save(t)
    loaded = store.load(tid)
    t.created_at = loaded.created_at
    assert loaded == t


def test_every_edit_and_undo_is_persisted(tmp_path: Path) -> None:
    db = Database.in_dir(tmp_path)
    store = TranscriptStore(db)
    t = make()
    tid = store.save(t)
    t = store.load(tid)
    original = copy.deepcopy(t)
    edits = [
        lambda: t.rename_speaker(1, "Айгүл"),
        lambda: t.split_at_word(1, 1),
        lambda: t.replace_text(2, "Жақсы, давайте бастаймыз"),
        lambda: t.reassign(2, 1),
        lambda: t.merge_with_next(1),
        lambda: t.merge_speakers(1, 2),
    ]
    changes = []
    for edit in edits:
        changes.append(edit())
        store.apply(tid, changes[-1])
        assert store.load(tid) == t  # durable after each edit
    for change in reversed(changes):
        t.apply(change.inverse())
        store.apply(tid, change.inverse())
        assert store.load(tid) == t
    assert store.load(tid) == original


def test_resaving_a_job_replaces_its_transcript_and_cascades(tmp_path: Path) -> None:
    db = Database.in_dir(tmp_path)
    queue, store = JobQueue(db), TranscriptStore(db)
    job = queue.enqueue("/a.mp3")
    first = store.save(make(), job_id=job.id)
    second = store.save(make(), job_id=job.id)
    assert store.id_for_job(job.id) == second != first
    queue.remove(job.id)
    conn = sqlite3.connect(db.path)
    assert conn.execute("SELECT COUNT(*) FROM words").fetchone()[0] == 0
    assert conn.execute("SELECT COUNT(*) FROM segments").fetchone()[0] == 0


def test_overlaps_and_voices_are_kept_and_replaced(tmp_path: Path) -> None:
    from kzdesk.storage.transcripts import SpeakerVoice

    store = TranscriptStore(Database.in_dir(tmp_path))
    t = make()
    t.overlaps = [(1200, 1800), (5000, 5400)]
    tid = store.save(t, voices=[SpeakerVoice(1, "campplus-zh-en", (0.5, 0.5))])
    assert store.load(tid).overlaps == [(1200, 1800), (5000, 5400)]
    store.set_overlaps(tid, [(100, 300)])
    assert store.load(tid).overlaps == [(100, 300)]
    store.replace_voices(tid, [SpeakerVoice(2, "campplus-zh-en", (1.0, 0.0), "Айгүл", 0.8)])
    assert store.voices(tid) == {2: SpeakerVoice(2, "campplus-zh-en", (1.0, 0.0), "Айгүл", 0.8)}
    store.rewrite(tid, store.load(tid))  # a whole rewrite keeps them
    assert store.load(tid).overlaps == [(100, 300)]


def test_checked_words_are_stored_and_a_version_5_folder_upgrades(tmp_path: Path) -> None:
    path = tmp_path / db_module.DB_FILE
    conn = sqlite3.connect(path)
    for number, script in enumerate(db_module.MIGRATIONS[:5], start=1):
        conn.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;")
    conn.close()
    store = TranscriptStore(Database(path))  # migrates: words gain "checked"
    t = Transcript(
        segments=[
            Segment(
                1,
                None,
                0,
                900,
                "Бүгін біз",
                "kk",
                [Word("Бүгін", 0, 400, 0.9), Word("біз", 450, 900, 0.3)],
            )
        ]
    )
    tid = store.save(t)
    assert [w.checked for w in store.load(tid).segments[0].words] == [False, False]
    change = t.apply(mark_checked(t, 1, [1]))
    store.apply(tid, change)
    assert [w.checked for w in store.load(tid).segments[0].words] == [False, True]
    store.apply(tid, t.apply(change.inverse()))  # undo
    assert [w.checked for w in store.load(tid).segments[0].words] == [False, False]
