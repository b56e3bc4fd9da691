"""The queue as the window and its dispatcher see it, on real SQLite."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzdesk.core.engine import AudioPiece
from kzdesk.core.job import JobState, Language, SpeakersMode
from kzdesk.services.jobs import JobService
from kzdesk.storage.db import Database
from kzdesk.storage.job_queue import JobQueue


@pytest.fixture
def jobs(tmp_path: Path):  # type: ignore[no-untyped-def]
    db = Database.in_dir(tmp_path / "data")
    yield JobService.in_database(db)
    db.close()


def _recording(tmp_path: Path, name: str = "meeting.wav") -> Path:
    path = tmp_path / name
    path.write_bytes(b"RIFF" + bytes(64))
    return path


def test_queued_jobs_change_their_choices_and_started_ones_refuse(jobs, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    job = jobs.enqueue(
        _recording(tmp_path),
        language=Language.KK_RU,
        speakers=SpeakersMode.AUTO,
        engine="speechkit",
        options={"model": "general"},
    )
    changed = jobs.update_options(
        job.id, speakers=SpeakersMode.COUNT, options={"speakers_count": 3}
    )
    assert changed.speakers_count == 3 and changed.options["model"] == "general"
    assert jobs.get(job.id) == changed and jobs.all() == [changed]
    assert jobs.next_wakeup() is not None  # it may run now
    claimed = jobs.claim_next()
    assert claimed is not None and claimed.state.is_active
    with pytest.raises(ValueError):
        jobs.update_options(job.id, language=Language.RU)
    assert jobs.get(job.id).language is Language.KK_RU
    assert jobs.next_wakeup() is None  # nothing queued any more


def test_the_glossary_changes_in_any_state(jobs, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    job = jobs.enqueue(
        _recording(tmp_path), language=Language.KK, speakers=SpeakersMode.OFF, engine="whisper"
    )
    jobs.claim_next()
    job = jobs.set_glossary(job.id, ["Ақтөбе", "Қарағанды"])
    assert job.options["glossary"] == ["Ақтөбе", "Қарағанды"] and job.state.is_active
    assert "glossary" not in jobs.set_glossary(job.id, []).options
    with pytest.raises(KeyError):
        jobs.set_glossary(job.id + 1, ["x"])


def test_same_file_interrupted_jobs_and_retry(jobs, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _recording(tmp_path)
    choices = {"language": Language.RU, "speakers": SpeakersMode.AUTO, "engine": "speechkit"}
    assert jobs.find_same(path, **choices) is None
    job = jobs.enqueue(path, **choices, options={"model": "general"})
    assert jobs.find_same(path, **choices, options={"model": "general"}) == job
    assert jobs.find_same(path, **choices) is None  # other options: another job
    jobs.claim_next()
    [recovered] = jobs.recover()  # as after a crash: back to the queue
    assert recovered.id == job.id and recovered.state is JobState.QUEUED
    assert jobs.retry(job.id).state is JobState.QUEUED


def test_piece_spans_of_a_split_recording(jobs, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    job = jobs.enqueue(
        _recording(tmp_path), language=Language.RU, speakers=SpeakersMode.AUTO, engine="speechkit"
    )
    assert jobs.piece_spans(job.id) == []
    queue = JobQueue(Database.in_dir(jobs.data_dir))  # the pipeline records the pieces
    for index, (offset, duration) in enumerate([(0, 60_000), (60_000, 30_500)]):
        piece = AudioPiece(f"p{index}.ogg", "OGG_OPUS", offset, duration, index=index)
        queue.pieces.remember_operation(job.id, piece, f"op-{index}")
    assert jobs.piece_spans(job.id) == [(0, 60_000), (60_000, 30_500)]
    queue.db.close()
