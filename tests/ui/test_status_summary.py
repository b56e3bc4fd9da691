"""The status bar's words: what a finished batch did, how long the queue still takes."""

from __future__ import annotations

import time

from kzdesk.core.job import Job, JobState
from kzdesk.services.estimates import QueueEstimate
from kzdesk.ui.status_summary import StatusSummary


def test_a_cancelled_batch_says_what_happened(qtbot) -> None:
    batch_message = StatusSummary().batch_message
    title, text, warning = batch_message(0, 0, 2)
    assert "0 recording" not in text
    assert text == "Nothing was transcribed: 2 recording(s) cancelled."
    assert title == "kzdesk: the queue stopped" and not warning
    title, text, warning = batch_message(3, 1, 1)
    assert text == "3 recording(s) transcribed · 1 failed · 1 cancelled."
    assert title == "kzdesk: the queue is finished" and warning
    assert batch_message(0, 2, 0)[1] == "Nothing was transcribed: 2 recording(s) failed."
    assert batch_message(0, 1, 1)[1] == "Nothing was transcribed: 1 failed · 1 cancelled."
    assert batch_message(2, 0, 0)[1] == "2 recording(s) transcribed."


def test_queue_time_left(qtbot) -> None:
    summary = StatusSummary()
    qtbot.addWidget(summary)
    assert summary.time_left(QueueEstimate(20, True)) == "less than a minute left"
    assert summary.time_left(QueueEstimate(12 * 60 + 10, True)) == "about 12 min left"
    assert summary.time_left(QueueEstimate(65 * 60, False)) == "at least 1 h 05 min left"
    assert summary.time_left(QueueEstimate(0, False)) is None  # nothing useful to say


def test_todays_cost_counts_only_engines_that_charge_per_minute(qtbot) -> None:
    summary = StatusSummary()
    qtbot.addWidget(summary)
    now = time.time()

    def done(job_id: int, engine: str) -> Job:
        path = f"/r/{job_id}.mp3"
        return Job(
            job_id, path, duration_ms=600_000, engine=engine, state=JobState.DONE, finished_at=now
        )

    summary.update_from(
        [done(1, "whisper"), done(2, "server")], price_per_minute=2.0, currency="₸", now=now
    )
    assert "today 0.3 h of audio" in summary.text() and "cost" not in summary.text()
    mixed = [done(1, "whisper"), done(2, "speechkit"), done(3, "server")]
    summary.update_from(mixed, price_per_minute=2.0, currency="₸", now=now)
    assert "today 0.5 h of audio" in summary.text()
    assert "est. cost 20.00 ₸" in summary.text()  # the SpeechKit job's ten minutes only
