"""What the terminal says a job is doing."""

from __future__ import annotations

from dataclasses import replace

from kzdesk.cli_progress import stage_label
from kzdesk.core.job import (
    STAGE_ENGINE_BUSY,
    STAGE_LOCAL,
    STAGE_MODEL_DOWNLOAD,
    STAGE_SPEAKERS,
    Job,
    JobState,
)


def test_offline_jobs_say_they_run_on_this_computer() -> None:
    job = Job(id=1, source_path="/r/a.mp3", duration_ms=600_000, engine="whisper")
    running = replace(job, state=JobState.RECOGNIZING)
    assert stage_label(replace(running, stage=STAGE_MODEL_DOWNLOAD, stage_progress=0.25)) == (
        "downloading model 25%"
    )
    assert stage_label(replace(running, stage=STAGE_ENGINE_BUSY)) == (
        "waiting for the offline engine"
    )
    assert stage_label(replace(running, stage=STAGE_LOCAL, stage_progress=0.5)) == (
        "transcribing on this computer 5:00 of 10:00"
    )
    assert stage_label(replace(running, stage=STAGE_SPEAKERS)) == "finding speakers"
    assert stage_label(running) == "recognizing"
    assert stage_label(replace(job, state=JobState.UPLOADING)) == "uploading"  # SpeechKit
