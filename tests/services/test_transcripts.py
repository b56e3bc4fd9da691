"""The transcripts service the window and the editor use, on real SQLite."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from kzdesk.core.transcript import Segment, Speaker, Transcript
from kzdesk.core.voices import SpeakerVoice
from kzdesk.services.transcripts import NotSaved, TranscriptService
from kzdesk.storage.db import Database
from kzdesk.storage.job_queue import JobQueue
from kzdesk.storage.transcripts import TranscriptStore


def _transcript() -> Transcript:
    return Transcript(
        speakers=[Speaker(1, "0", "Speaker 1", "#E69F00"), Speaker(2, "1", "Speaker 2", "#56B4E9")],
        segments=[
            Segment(1, 1, 0, 1500, "Сәлеметсіз бе"),
            Segment(2, 2, 1500, 3000, "Здравствуйте"),
        ],
        duration_ms=3000,
        title="meeting",
    )


@pytest.fixture
def saved(tmp_path: Path):  # type: ignore[no-untyped-def]
    db = Database.in_dir(tmp_path / "data")
    job = JobQueue(db).enqueue(tmp_path / "meeting.wav")
    voices = [SpeakerVoice(1, "campplus-zh-en", (0.5, -0.25, 1.0), "Айгүл", 0.82)]
    tid = TranscriptStore(db).save(_transcript(), job_id=job.id, voices=voices)
    yield TranscriptService.in_database(db), tid, job.id, db
    db.close()


def test_a_jobs_transcript_is_found_and_loaded(saved, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    service, tid, job_id, _ = saved
    assert service.id_for_job(job_id) == tid and service.has_transcript(job_id)
    assert service.id_for_job(job_id + 1) is None and not service.has_transcript(job_id + 1)
    loaded = service.load(tid)
    assert loaded.created_at > 0  # stamped when it was saved
    assert loaded == replace(_transcript(), created_at=loaded.created_at)
    assert service.data_dir == tmp_path / "data"
    with pytest.raises(KeyError):
        service.load(tid + 1)


def test_each_edit_is_saved_at_once_and_its_inverse_undoes_it(saved) -> None:  # type: ignore[no-untyped-def]
    service, tid, _, _ = saved
    t = service.load(tid)
    before = service.load(tid)
    change = t.rename_speaker(1, "Айгүл")
    service.apply(tid, change)
    assert service.load(tid).speaker_name(1) == "Айгүл"
    t.apply(change.inverse())
    service.apply(tid, change.inverse())
    assert service.load(tid) == before == t


def test_an_edit_that_cannot_be_written_is_told_and_a_rewrite_saves_it(saved) -> None:  # type: ignore[no-untyped-def]
    service, tid, _, db = saved
    t = service.load(tid)
    change = t.replace_text(2, "Добрый день")
    conn = db.connection()  # the service's connection in this thread
    conn.execute("PRAGMA query_only = ON")  # this thread's writes fail as on a locked database
    with pytest.raises(NotSaved):
        service.apply(tid, change)
    with pytest.raises(NotSaved):
        service.rewrite(tid, t)
    conn.execute("PRAGMA query_only = OFF")
    assert service.load(tid).segment(2).text == "Здравствуйте"  # the disk is as it was
    service.rewrite(tid, t)
    assert service.load(tid) == t


def test_voices_names_confirmed_and_speakers_found_again(saved) -> None:  # type: ignore[no-untyped-def]
    service, tid, _, _ = saved
    [voice] = service.voices(tid).values()
    assert voice.suggested_name == "Айгүл"
    service.confirm_name(tid, 1)
    assert service.voices(tid)[1].suggested_name is None
    found = [  # vectors exact in float32, as they are stored
        SpeakerVoice(1, "campplus-zh-en", (0.125, 0.75, -0.5)),
        SpeakerVoice(2, "campplus-zh-en", (0.5, 0.25, 1.0), "Ерлан", 0.75),
    ]
    service.replace_speakers_found(tid, found, [(1200, 1800)])
    assert service.voices(tid) == {1: found[0], 2: found[1]}
    assert service.load(tid).overlaps == [(1200, 1800)]
    service.replace_speakers_found(tid, [], [])  # undone to a transcript without voices
    assert service.voices(tid) == {} and service.load(tid).overlaps == []
