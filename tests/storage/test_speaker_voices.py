from __future__ import annotations

from pathlib import Path

from kzdesk.core.transcript import Segment, Speaker, Transcript
from kzdesk.storage.db import Database
from kzdesk.storage.job_queue import JobQueue
from kzdesk.storage.transcripts import SpeakerVoice, TranscriptStore


def test_voices_are_kept_with_the_transcript_and_go_with_it(tmp_path: Path) -> None:
    db = Database.in_dir(tmp_path)
    queue, store = JobQueue(db), TranscriptStore(db)
    job = queue.enqueue(tmp_path / "a.wav")
    t = Transcript(
        speakers=[Speaker(1, "0", "Айгүл", "#E69F00")],
        segments=[Segment(1, 1, 0, 1000, "Сәлем")],
        duration_ms=1000,
    )
    tid = store.save(
        t, job_id=job.id, voices=[SpeakerVoice(1, "ge2e", (0.5, -0.25, 1.0), "Айгүл", 0.9)]
    )
    assert store.voices(tid) == {1: SpeakerVoice(1, "ge2e", (0.5, -0.25, 1.0), "Айгүл", 0.9)}
    store.confirm_name(tid, 1)
    assert store.voices(tid)[1].suggested_name is None
    new = store.save(t, job_id=job.id)  # a new transcript of the job replaces the old one
    assert store.voices(new) == {} and store.voices(tid) == {}
    db.close()


def test_update_options_merges_and_removes_keys(tmp_path: Path) -> None:
    from kzdesk.core.job import SpeakersMode

    queue = JobQueue(Database.in_dir(tmp_path))
    job = queue.enqueue(tmp_path / "a.wav", options={"model": "general"})
    job = queue.update_options(job.id, speakers=SpeakersMode.COUNT, options={"speakers_count": 4})
    assert job.speakers_count == 4 and job.options["model"] == "general"
    job = queue.update_options(job.id, speakers=SpeakersMode.OFF, options={"speakers_count": None})
    assert job.options == {"model": "general"}
