"""The pieces a job was sent as: operation ids, results, segments kept while one runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzdesk.core.engine import LOCAL_OPERATION, AudioPiece
from kzdesk.storage.db import Database
from kzdesk.storage.job_queue import JobQueue


@pytest.fixture
def queue(tmp_path: Path) -> JobQueue:
    return JobQueue(Database.in_dir(tmp_path))


def test_piece_results_and_forget(queue: JobQueue) -> None:
    job = queue.enqueue("/a.mp3")
    queue.pieces.remember_operation(
        job.id, AudioPiece("/a.ogg", "OGG_OPUS", 0, 1000, channels=2), "op-1"
    )
    assert queue.pieces.records(job.id)[0].piece.channels == 2
    queue.pieces.store_result(job.id, 0, [{"text": "сәлем"}])
    assert queue.pieces.records(job.id)[0].result == [{"text": "сәлем"}]
    queue.pieces.forget(job.id)
    assert queue.pieces.records(job.id) == [] and queue.get(job.id).operation_id is None


def test_kept_segments_come_back_in_order_until_the_result_replaces_them(
    queue: JobQueue,
) -> None:
    job = queue.enqueue("/a.mp3")
    piece = AudioPiece("/a.mp3", "MP3", 0, 60_000)
    queue.pieces.remember_operation(job.id, piece, f"{LOCAL_OPERATION}{job.id}-0")
    queue.pieces.keep_segments(job.id, 0, [{"text": "бір"}, {"text": "екі"}])
    queue.pieces.keep_segments(job.id, 0, [{"text": "үш"}])
    queue.pieces.keep_segments(job.id, 0, [])
    assert queue.pieces.kept_segments(job.id, 0) == [{"text": t} for t in ("бір", "екі", "үш")]
    queue.pieces.store_result(job.id, 0, [{"text": "бір екі үш"}])
    assert queue.pieces.kept_segments(job.id, 0) == []


def test_a_cancel_forgets_remote_operations_but_keeps_local_work(queue: JobQueue) -> None:
    job = queue.enqueue("/a.mp3")
    remote = AudioPiece("/a-0.ogg", "OGG_OPUS", 0, 60_000, index=0)
    local = AudioPiece("/a.mp3", "MP3", 60_000, 60_000, index=1)
    fetched = AudioPiece("/a-2.ogg", "OGG_OPUS", 120_000, 60_000, index=2)
    queue.pieces.remember_operation(job.id, remote, "op-remote")
    queue.pieces.remember_operation(job.id, local, f"{LOCAL_OPERATION}{job.id}-1")
    queue.pieces.keep_segments(job.id, 1, [{"text": "сәлем"}])
    queue.pieces.remember_operation(job.id, fetched, "op-fetched")
    queue.pieces.store_result(job.id, 2, [{"text": "done"}])
    queue.pieces.forget_unfinished_operations(job.id)
    kept = {r.piece.index: r.operation_id for r in queue.pieces.records(job.id)}
    assert kept == {1: f"{LOCAL_OPERATION}{job.id}-1", 2: "op-fetched"}
    assert queue.pieces.kept_segments(job.id, 1) == [{"text": "сәлем"}]
    assert queue.get(job.id).operation_id == "op-fetched"
