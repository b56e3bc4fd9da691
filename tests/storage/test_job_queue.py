from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from kzdesk.core.engine import AudioPiece
from kzdesk.core.job import IllegalTransition, JobState, Language, SpeakersMode
from kzdesk.storage import db as db_module
from kzdesk.storage.db import SCHEMA_VERSION, Database, DatabaseTooNew
from kzdesk.storage.job_queue import JobQueue


@pytest.fixture
def queue(tmp_path: Path) -> JobQueue:
    return JobQueue(Database.in_dir(tmp_path))


def test_database_is_wal_with_foreign_keys_and_migrated(tmp_path: Path) -> None:
    db = Database.in_dir(tmp_path)
    conn = db.connection()
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    db.close()
    # opening again does not migrate twice
    assert Database.in_dir(tmp_path).migrate() == SCHEMA_VERSION


def test_newer_database_is_refused(tmp_path: Path) -> None:
    db = Database.in_dir(tmp_path)
    db.connection().execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(DatabaseTooNew):
        Database.in_dir(tmp_path)


def test_each_thread_has_its_own_connection(tmp_path: Path) -> None:
    db = Database.in_dir(tmp_path)
    seen = []
    t = threading.Thread(target=lambda: seen.append(db.connection()))
    t.start()
    t.join()
    assert seen[0] is not db.connection()


def test_enqueue_flags_duplicates(queue: JobQueue, tmp_path: Path) -> None:
    f = tmp_path / "Жиналыс ұзақ 'ә'.mp3"
    f.write_bytes(b"x" * 10)
    a = queue.enqueue(f, language=Language.KK, speakers=SpeakersMode.CHANNELS)
    b = queue.enqueue(f)
    assert a.duplicate_of is None and b.duplicate_of == a.id
    assert a.source_size == 10 and a.language is Language.KK
    assert queue.get(a.id).speakers is SpeakersMode.CHANNELS


def test_claim_is_atomic_under_contention(queue: JobQueue, tmp_path: Path) -> None:
    ids = {queue.enqueue(tmp_path / f"{i}.mp3").id for i in range(40)}
    claimed: list[int] = []
    lock = threading.Lock()

    def worker() -> None:
        while (job := queue.claim_next()) is not None:
            with lock:
                claimed.append(job.id)

    threads = [threading.Thread(target=worker) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(claimed) == sorted(ids)  # each exactly once
    assert all(queue.get(i).state is JobState.CONVERTING for i in ids)


def test_recover_requeues_running_jobs_and_keeps_operation_ids(queue: JobQueue) -> None:
    a = queue.enqueue("/a.mp3")
    b = queue.enqueue("/b.mp3")
    done = queue.enqueue("/c.mp3")
    for _ in range(3):
        queue.claim_next()
    queue.move(a.id, JobState.UPLOADING)
    queue.pieces.remember_operation(a.id, AudioPiece("/a.ogg", "OGG_OPUS", 0, 60_000), "op-123")
    queue.move(a.id, JobState.RECOGNIZING)
    for state in (JobState.UPLOADING, JobState.RECOGNIZING, JobState.DONE):
        queue.move(done.id, state)
    recovered = {j.id for j in queue.recover()}
    assert recovered == {a.id, b.id}
    assert queue.get(a.id).state is JobState.QUEUED
    assert queue.get(a.id).operation_id == "op-123"
    assert [p.operation_id for p in queue.pieces.records(a.id)] == ["op-123"]
    assert queue.get(done.id).state is JobState.DONE


def test_requeue_with_delay_is_not_claimed_early(queue: JobQueue) -> None:
    job = queue.enqueue("/a.mp3")
    queue.claim_next()
    queue.requeue(job.id, delay_s=60, note="Cannot reach SpeechKit.")
    assert queue.claim_next() is None
    wake = queue.next_wakeup()
    assert wake is not None
    assert queue.claim_next(now=wake + 1).id == job.id


def test_illegal_move_raises_and_changes_nothing(queue: JobQueue) -> None:
    job = queue.enqueue("/a.mp3")
    with pytest.raises(ValueError):
        queue.move(job.id, JobState.DONE)
    assert queue.get(job.id).state is JobState.QUEUED


def test_update_options_only_while_queued(queue: JobQueue) -> None:
    job = queue.enqueue("/a.mp3")
    assert queue.update_options(job.id, language=Language.RU).language is Language.RU
    queue.claim_next()
    with pytest.raises(ValueError):
        queue.update_options(job.id, language=Language.KK)


def test_changing_a_retried_jobs_choices_starts_it_afresh(queue: JobQueue) -> None:
    job = queue.enqueue("/a.mp3", language=Language.KK)
    queue.claim_next()
    piece = AudioPiece("/tmp/a.ogg", "OGG_OPUS", 0, 60_000)
    queue.pieces.remember_operation(job.id, piece, "local-1-0")
    queue.pieces.keep_segments(job.id, 0, [{"text": "сәлем"}])
    queue.move(job.id, JobState.CANCELLED)
    queue.retry(job.id)
    # the same choices: Retry continues from what was kept
    queue.update_options(job.id, language=Language.KK)
    assert queue.pieces.kept_segments(job.id, 0) == [{"text": "сәлем"}]
    assert len(queue.pieces.records(job.id)) == 1
    # another language: the kept Kazakh segments and the piece's operation are forgotten
    queue.update_options(job.id, language=Language.RU)
    assert queue.pieces.kept_segments(job.id, 0) == []
    assert queue.pieces.records(job.id) == []
    assert queue.get(job.id).operation_id is None


def test_cancel_and_remove(queue: JobQueue) -> None:
    job = queue.enqueue("/a.mp3")
    queue.move(job.id, JobState.CANCELLED)
    assert queue.counts() == {JobState.CANCELLED: 1}
    queue.remove(job.id)
    assert queue.all() == []


def test_upgrading_a_version_3_folder_keeps_jobs_and_owes_no_old_exports(tmp_path: Path) -> None:

    path = tmp_path / db_module.DB_FILE
    conn = sqlite3.connect(path)
    for number, script in enumerate(db_module.MIGRATIONS[:3], start=1):
        conn.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;")
    conn.execute(
        "INSERT INTO jobs (source_path, language, speakers, engine, state, created_at,"
        " updated_at, finished_at) VALUES ('/r/a.wav', 'kk-ru', 'auto', 'speechkit', 'done',"
        " 10, 20, 20)"
    )
    conn.commit()
    conn.close()
    queue = JobQueue(Database(path))
    job = queue.get(1)
    assert job.state is JobState.DONE and job.exported_at == 20  # nothing owed after upgrade
    assert queue.db.connection().execute("SELECT requested_at FROM jobs").fetchone()[0] == 10


def test_find_same_matches_file_size_and_choices(queue: JobQueue, tmp_path: Path) -> None:
    src = tmp_path / "a.wav"
    src.write_bytes(b"x" * 10)
    first = queue.enqueue(src, options={"model": "general"})
    assert queue.find_same(src, language=first.language, speakers=first.speakers,
                           engine="speechkit", options={"model": "general"}).id == first.id  # fmt: skip
    assert queue.find_same(src, language=Language.RU, speakers=first.speakers,
                           engine="speechkit", options={"model": "general"}) is None  # fmt: skip
    assert queue.find_same(src, language=first.language, speakers=first.speakers,
                           engine="whisper", options={"model": "general"}) is None  # fmt: skip
    src.write_bytes(b"x" * 11)  # a changed recording is another file
    assert queue.find_same(src, language=first.language, speakers=first.speakers,
                           engine="speechkit", options={"model": "general"}) is None  # fmt: skip


def test_jobs_handed_over_after_a_runner_started_are_claimable_by_it(queue: JobQueue) -> None:
    mine = queue.enqueue("/r/mine.wav")
    old = queue.enqueue("/r/left-over.wav")
    with queue.db.transaction() as conn:  # queued long before this runner started
        conn.execute("UPDATE jobs SET requested_at = 0 WHERE id = ?", (old.id,))
    since = time.time() - 1
    handed = queue.enqueue("/r/handed-over.wav")
    claimed = []
    while (job := queue.claim_next(job_ids=[mine.id], requested_since=since)) is not None:
        claimed.append(job.id)
    assert claimed == [mine.id, handed.id]
    assert queue.get(old.id).state is JobState.QUEUED
    assert not queue.claimable([mine.id], requested_since=since)


def test_a_piece_marked_sending_without_an_id_makes_recovery_ask(queue: JobQueue) -> None:
    job = queue.enqueue("/r/a.wav")
    claimed = queue.claim_next()
    assert claimed is not None
    piece = AudioPiece("/w/a.ogg", "OGG_OPUS", 0, 1000)
    queue.pieces.mark_sending(job.id, piece, at=1_000_000.0)
    assert queue.pieces.maybe_sent_since(job.id) == 1_000_000.0
    [recovered] = queue.recover()
    assert recovered.state is JobState.FAILED and "may already have been sent" in recovered.error
    # a send the service answered with an error was not accepted: no question then
    queue.retry(job.id)
    assert queue.pieces.maybe_sent_since(job.id) is None and queue.pieces.records(job.id) == []
    queue.claim_next()
    queue.pieces.mark_sending(job.id, piece)
    queue.pieces.not_sent(job.id, piece.index)
    assert queue.pieces.records(job.id) == []
    queue.pieces.mark_sending(job.id, piece)
    queue.pieces.remember_operation(job.id, piece, "op-1")
    [record] = queue.pieces.records(job.id)
    assert record.operation_id == "op-1" and record.sending_since is None


def test_requeue_goes_through_the_state_machine(queue: JobQueue) -> None:
    job = queue.enqueue("/a.mp3")
    claimed = queue.claim_next()
    assert claimed is not None and claimed.attempts == 1
    waiting = queue.requeue(job.id, delay_s=600, note="SpeechKit cannot be reached.")
    assert waiting == queue.get(job.id)
    assert waiting.state is JobState.QUEUED and waiting.waiting_retry
    assert waiting.attempts == 1 and waiting.finished_at is None
    # the user's Retry of a waiting job: queued afresh, no reason left, runnable at once
    again = queue.retry(job.id)
    assert again.state is JobState.QUEUED and not again.waiting_retry
    rerun = queue.claim_next()
    assert rerun is not None and rerun.id == job.id and rerun.attempts == 2


def test_finished_jobs_requeue_and_refused_moves_change_nothing(queue: JobQueue) -> None:
    job = queue.enqueue("/a.mp3")
    queue.claim_next()
    for state in (JobState.RECOGNIZING, JobState.DONE):
        queue.move(job.id, state)
    before = queue.get(job.id)
    for refused in (JobState.CONVERTING, JobState.UPLOADING, JobState.FAILED):
        with pytest.raises(IllegalTransition):
            queue.move(job.id, refused)
        assert queue.get(job.id) == before
    back = queue.requeue(job.id)
    assert back.state is JobState.QUEUED and back.finished_at is None and back.progress == 1.0
    with pytest.raises(KeyError):
        queue.requeue(job.id + 1)
