"""Remaining time per job and for the queue, from measured rates; nothing invented."""

from __future__ import annotations

import pytest

from kzdesk.core.job import STAGE_SPEAKERS, Job, JobState, SpeakersMode
from kzdesk.services.estimates import Estimator, is_overdue, wait_fraction
from kzdesk.services.job_run import CONVERT_SHARE, SPEAKERS_START
from kzdesk.services.service_times import ServiceTimes

NOW = 1_000_000.0
MINUTE = 60_000


def _estimator() -> Estimator:
    times = ServiceTimes(None)
    for minutes in (1, 5, 20):
        times.record("convert", minutes * MINUTE, 0.5 * minutes)  # 30 s per audio hour
        times.record("speechkit:general", minutes * MINUTE, 6 + 10 * minutes)
        times.record("speakers", minutes * MINUTE, 3 * minutes)
    return Estimator(times)


def _job(n: int, **changes) -> Job:
    base = {"id": n, "source_path": f"/r/{n}.mp3", "duration_ms": 10 * MINUTE}
    return Job(**{**base, **changes})  # type: ignore[arg-type]


def test_queued_job_sums_its_stages() -> None:
    est = _estimator()
    left = est.job_left_s(_job(1), NOW)
    assert left == pytest.approx(5 + 106, abs=1)  # convert 5 s, SpeechKit 6 + 100 s
    local = _job(2, speakers=SpeakersMode.COUNT, options={"speakers_count": 3})
    assert est.job_left_s(local, NOW) == pytest.approx(5 + 106 + 30, abs=1)
    assert est.job_left_s(_job(3, duration_ms=None), NOW) is None  # not probed yet
    assert est.job_left_s(_job(4, engine="whisper"), NOW) is None  # nothing measured


def test_speechkit_wait_counts_down_then_is_overdue() -> None:
    est = _estimator()
    job = _job(
        1,
        state=JobState.RECOGNIZING,
        progress=CONVERT_SHARE,
        waiting_since=NOW - 40,
        expected_wait_s=100.0,
    )
    assert est.job_left_s(job, NOW) == pytest.approx(60)
    assert wait_fraction(job, NOW) == pytest.approx(0.4)
    assert not is_overdue(job, NOW)
    assert est.job_left_s(job, NOW + 61) is None
    assert wait_fraction(job, NOW + 61) is None
    assert is_overdue(job, NOW + 61)


def test_converting_follows_its_real_pace() -> None:
    est = _estimator()
    job = _job(1, state=JobState.CONVERTING, progress=CONVERT_SHARE * 0.25, started_at=NOW - 10)
    # a quarter converted in 10 s: 30 s more, then SpeechKit's usual 106 s
    assert est.job_left_s(job, NOW) == pytest.approx(30 + 106, abs=1)


def test_finding_speakers_uses_its_own_progress() -> None:
    est = _estimator()
    job = _job(
        1,
        state=JobState.RECOGNIZING,
        speakers=SpeakersMode.RANGE,
        stage=STAGE_SPEAKERS,
        progress=SPEAKERS_START + 0.1,  # half of the speakers' share
    )
    assert est.job_left_s(job, NOW) == pytest.approx(15, abs=0.5)


def test_queue_runs_jobs_side_by_side() -> None:
    est = _estimator()
    jobs = [_job(n) for n in range(1, 5)] + [_job(9, state=JobState.DONE)]
    one_job = est.job_left_s(jobs[0], NOW)
    assert one_job is not None
    two_at_once = est.queue_left(jobs, parallel=2, now=NOW)
    assert two_at_once is not None and two_at_once.complete
    assert two_at_once.seconds == pytest.approx(2 * one_job)
    assert est.queue_left(jobs, parallel=5, now=NOW).seconds == pytest.approx(one_job)  # type: ignore[union-attr]


def test_queue_estimate_says_when_it_is_a_lower_bound() -> None:
    est = _estimator()
    jobs = [_job(1), _job(2, duration_ms=None)]
    partial = est.queue_left(jobs, parallel=1, now=NOW)
    assert partial is not None and not partial.complete
    assert est.queue_left([_job(3, state=JobState.FAILED)], parallel=1, now=NOW) is None
