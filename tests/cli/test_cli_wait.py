"""The terminal's progress line during a SpeechKit wait: time, not an invented percentage."""

from __future__ import annotations

import io
import time
from dataclasses import replace

from kzdesk.cli_progress import ProgressPrinter, wait_note
from kzdesk.core.job import Job, JobState

NOW = 1_000_000.0


def _waiting(usual: float | None) -> Job:
    return Job(
        id=1,
        source_path="/r/meeting.mp3",
        state=JobState.RECOGNIZING,
        progress=0.15,
        waiting_since=NOW - 11,
        expected_wait_s=usual,
    )


def test_wait_note_tells_the_time_and_the_usual_wait() -> None:
    assert wait_note(_waiting(40.0), NOW) == " 0:11 of usually 0:40"
    assert wait_note(_waiting(10.0), NOW) == " 0:11, longer than usual"
    assert wait_note(_waiting(None), NOW) == " 0:11"
    assert wait_note(Job(id=2, source_path="/r/a.mp3"), NOW) == ""


def test_the_progress_line_carries_it() -> None:
    out = io.StringIO()  # not a terminal: a line per change of state
    queued = Job(id=1, source_path="/r/meeting.mp3")
    printer = ProgressPrinter([queued], stream=out)
    waiting = _waiting(40.0)
    printer(replace(waiting, waiting_since=time.time() - 11))
    line = out.getvalue().splitlines()[0]
    assert "recognizing" in line and "of usually 0:40" in line and " 15%" in line


def test_each_status_has_its_words_on_the_terminal() -> None:
    out = io.StringIO()
    job = Job(id=1, source_path="/r/meeting.mp3")
    printer = ProgressPrinter([job], stream=out)
    reason = "SpeechKit cannot be reached. Check the connection."
    for changed in (
        replace(job, error=reason),  # queued again after a transient failure
        replace(job, state=JobState.CONVERTING, progress=0.05),
        replace(job, state=JobState.CONVERTING, progress=0.05, error="The disk is full."),
        replace(job, state=JobState.FAILED, error="The file is empty."),
        replace(job, state=JobState.CANCELLED),
        replace(job, state=JobState.QUEUED),
        replace(job, state=JobState.DONE, progress=1.0),
    ):
        printer(changed)
    endings = [line.split("%  ", 1)[1] for line in out.getvalue().splitlines()]
    assert endings == [
        f"waiting to retry: {reason}",
        "converting",
        "paused: The disk is full.",
        "failed: The file is empty.",
        "cancelled",
        "queued",
        "done",
    ]
