"""Exports never replace a file kzdesk did not write for the same job."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzdesk.core.job import JobState
from kzdesk.core.transcript import Segment, Speaker, Transcript
from kzdesk.services.exporting import ExportRequest, JobExporter
from kzdesk.storage.db import Database
from kzdesk.storage.export_records import ExportRecords
from kzdesk.storage.job_queue import JobQueue
from kzdesk.storage.transcripts import TranscriptStore


@pytest.fixture
def setup(tmp_path: Path):
    db = Database.in_dir(tmp_path / "data")
    queue, store, records = JobQueue(db), TranscriptStore(db), ExportRecords(db)
    request = ExportRequest(("docx", "txt"))
    exporter = JobExporter(store, records, lambda: request)
    yield queue, store, records, exporter, tmp_path
    db.close()


def _done_job(queue: JobQueue, store: TranscriptStore, source: Path, text: str = "Сәлем"):
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_bytes(b"RIFF")
    job = queue.enqueue(source)
    transcript = Transcript(
        title=source.stem,
        source_path=str(source),
        duration_ms=2000,
        speakers=[Speaker(1, "0", "Speaker 1", "#0072B2")],
        segments=[Segment(1, 1, 0, 1000, text)],
    )
    store.save(transcript, job_id=job.id)
    for state in (JobState.CONVERTING, JobState.UPLOADING, JobState.RECOGNIZING, JobState.DONE):
        job = queue.move(job.id, state)
    return job


def test_a_users_own_file_is_never_replaced(setup) -> None:
    queue, store, records, exporter, tmp = setup
    users = tmp / "rec" / "meeting.docx"
    job = _done_job(queue, store, tmp / "rec" / "meeting.wav")
    users.write_bytes(b"the boss's corrected minutes")
    outcome = exporter.export_owed(job)
    assert users.read_bytes() == b"the boss's corrected minutes"
    assert sorted(p.name for p in outcome.paths) == ["meeting (2).docx", "meeting.txt"]
    assert "meeting.docx" in outcome.note and "meeting (2).docx" in outcome.note
    job = queue.get(job.id)
    assert job.exported_at is not None and job.export_note == outcome.note


def test_its_own_unchanged_export_is_replaced_and_an_edited_one_kept(setup) -> None:
    queue, store, records, exporter, tmp = setup
    job = _done_job(queue, store, tmp / "rec" / "meeting.wav")
    [first, _] = exporter.export(job, ["docx", "txt"]).paths
    again = exporter.export(job, ["docx"])
    assert again.paths == [first] and again.notes == []  # same job, unchanged: replaced
    first.write_bytes(first.read_bytes() + b"edited in Word")
    edited = first.read_bytes()
    third = exporter.export(job, ["docx"])
    assert third.paths == [first.with_name("meeting (2).docx")] and third.notes
    assert first.read_bytes() == edited
    # and the (2) is now its own: replaced next time, not a (3)
    assert exporter.export(job, ["docx"]).paths == third.paths


def test_another_job_of_the_same_recording_does_not_replace_the_first_ones(setup) -> None:
    queue, store, records, exporter, tmp = setup
    first = _done_job(queue, store, tmp / "rec" / "meeting.wav")
    second = _done_job(queue, store, tmp / "rec" / "meeting.wav", text="Қайта")
    a = exporter.export(first, ["txt"]).paths[0]
    b = exporter.export(second, ["txt"]).paths[0]
    assert a.name == "meeting.txt" and b.name == "meeting (2).txt"
    assert "Сәлем" in a.read_text(encoding="utf-8")


def test_same_named_recordings_of_one_batch_get_distinct_names(setup) -> None:
    queue, store, records, exporter, tmp = setup
    out = tmp / "O"
    day1 = _done_job(queue, store, tmp / "day1" / "REC001.WAV", text="Бірінші")
    day2 = _done_job(queue, store, tmp / "day2" / "REC001.WAV", text="Екінші")
    p1 = exporter.export(day1, ["txt"], out).paths[0]
    p2 = exporter.export(day2, ["txt"], out).paths[0]
    assert {p1.name, p2.name} == {"REC001.txt", "REC001 (2).txt"}
    assert "Бірінші" in p1.read_text(encoding="utf-8")
    assert "Екінші" in p2.read_text(encoding="utf-8")


def test_owed_exports_are_listed_until_written(setup) -> None:
    queue, store, records, exporter, tmp = setup
    job = _done_job(queue, store, tmp / "rec" / "meeting.wav")
    assert records.owed() == [job.id]
    exporter.export_owed(job)
    assert records.owed() == []
    queue.retry(job.id)  # done again later: the export is owed again
    for state in (JobState.CONVERTING, JobState.RECOGNIZING, JobState.DONE):
        queue.move(job.id, state)
    assert records.owed() == [job.id]


def test_a_jobs_own_request_wins_over_the_settings(setup) -> None:
    queue, store, records, exporter, tmp = setup
    job = _done_job(queue, store, tmp / "rec" / "meeting.wav")
    queue.set_export_request(job.id, ExportRequest(("srt",), str(tmp / "subs")).to_json())
    outcome = exporter.export_owed(queue.get(job.id))
    assert outcome.paths == [tmp / "subs" / "meeting.srt"]


def test_a_kill_right_after_writing_still_leaves_the_file_known_as_the_jobs(setup) -> None:
    queue, store, records, exporter, tmp = setup
    job = _done_job(queue, store, tmp / "rec" / "meeting.wav")
    real_record = records.record
    calls = []

    class Killed(BaseException):
        pass

    def record_then_die(*args, **kwargs):
        calls.append(args)
        if len(calls) == 2:  # the second record comes after the file was written
            raise Killed()
        return real_record(*args, **kwargs)

    records.record = record_then_die  # type: ignore[method-assign]
    with pytest.raises(Killed):
        exporter.export(job, ["txt"])
    records.record = real_record  # type: ignore[method-assign]
    assert (tmp / "rec" / "meeting.txt").exists()
    assert exporter.export(job, ["txt"]).paths == [tmp / "rec" / "meeting.txt"]
