"""Never bill twice: a piece that may have been accepted is never sent again without the
user's word; cancelled operations are forgotten; a finally failed job says what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzdesk.core.engine import MAYBE_SENT_MESSAGE
from kzdesk.core.job import JobState
from kzdesk.services.runner import QueueRunner
from kzdesk.services.transcription import PipelineConfig, TranscriptionService
from kzdesk.storage.db import Database
from kzdesk.storage.job_queue import JobQueue
from kzdesk.storage.transcripts import TranscriptStore
from tests.emulator.server import utterance
from tests.media import bursts_file

PREFIX = MAYBE_SENT_MESSAGE.split("{time}")[0]


@pytest.fixture
def pipeline(tmp_path: Path, speechkit_emulator, make_speechkit_engine):
    db = Database.in_dir(tmp_path / "data")
    queue, store = JobQueue(db), TranscriptStore(db)
    service = TranscriptionService(
        queue,
        store,
        lambda job: make_speechkit_engine(),
        PipelineConfig(work_dir=tmp_path / "work", retry_base_s=0.05, max_attempts=3),
    )
    speechkit_emulator.script([utterance("Сәлеметсіз бе", 300, 1200)])
    source = bursts_file(tmp_path / "Жиналыс.wav", [(0.3, 1.0)], 2.0)
    yield queue, store, service, source
    db.close()


def test_a_lost_reply_waits_for_retry_and_is_sent_once_more_only_then(pipeline, speechkit_emulator):
    queue, store, service, source = pipeline
    speechkit_emulator.lose_replies(1)
    job = queue.enqueue(source)
    [ended] = QueueRunner(service).run([job.id])
    assert ended.state is JobState.FAILED
    assert ended.error.startswith(PREFIX) and "bill it twice" in ended.error
    assert speechkit_emulator.count("RecognizeFile") == 1
    # nothing sends it again by itself: not a runner, not a recovery, not a resume
    assert QueueRunner(service).run() == [queue.get(job.id)]
    assert queue.recover() == []
    assert queue.resumable_failures() == []
    assert queue.pieces.maybe_sent_since(job.id) is not None
    assert speechkit_emulator.count("RecognizeFile") == 1
    # the user's Retry sends it again
    queue.retry(job.id)
    assert queue.pieces.maybe_sent_since(job.id) is None
    [ended] = QueueRunner(service).run([job.id])
    assert ended.state is JobState.DONE, ended.error
    assert speechkit_emulator.count("RecognizeFile") == 2


def test_never_connected_is_retried_without_asking(pipeline, speechkit_emulator):
    queue, store, service, source = pipeline
    speechkit_emulator.stop()
    job = queue.enqueue(source)
    claimed = queue.claim_next()
    assert claimed is not None
    ended = service.run(claimed)
    assert ended.state is JobState.QUEUED  # waits to retry: nothing can have been accepted
    assert queue.pieces.maybe_sent_since(job.id) is None and queue.pieces.records(job.id) == []


def test_retry_after_cancel_sends_again_instead_of_reattaching(pipeline, speechkit_emulator):
    queue, store, service, source = pipeline
    speechkit_emulator.script([utterance("Сәлеметсіз бе", 300, 1200)], processing_s=60)
    job = queue.enqueue(source)
    claimed = queue.claim_next()
    assert claimed is not None
    states: list[JobState] = []

    def listen(snapshot) -> None:
        states.append(snapshot.state)
        if snapshot.state is JobState.RECOGNIZING:
            service.cancel(job.id)

    assert service.run(claimed, listen).state is JobState.CANCELLED
    assert speechkit_emulator.count("Cancel") == 1
    assert queue.pieces.records(job.id) == []  # the cancelled operation is forgotten
    speechkit_emulator.script([utterance("Сәлеметсіз бе", 300, 1200)])
    queue.retry(job.id)
    [ended] = QueueRunner(service).run([job.id])
    assert ended.state is JobState.DONE, ended.error
    assert speechkit_emulator.count("RecognizeFile") == 2


def test_an_operation_cancelled_elsewhere_is_sent_again(pipeline, speechkit_emulator):
    """A job that resumes an operation someone cancelled gets no result from it: it sends
    the piece again instead of dropping back to Cancelled at once."""
    queue, store, service, source = pipeline
    job = queue.enqueue(source)
    [ended] = QueueRunner(service).run([job.id])
    first = queue.pieces.records(job.id)[0]
    assert first.operation_id is not None
    # the state a kill after acceptance leaves, with the operation then cancelled remotely
    with queue.db.transaction() as conn:
        conn.execute("UPDATE job_pieces SET result = NULL WHERE job_id = ?", (job.id,))
        conn.execute("UPDATE jobs SET state = 'recognizing' WHERE id = ?", (job.id,))
    speechkit_emulator._operation(first.operation_id).cancelled = True
    queue.recover()
    [ended] = QueueRunner(service).run([job.id])
    assert ended.state is JobState.DONE, ended.error
    assert speechkit_emulator.count("RecognizeFile") == 2
