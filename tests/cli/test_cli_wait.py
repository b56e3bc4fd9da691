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
