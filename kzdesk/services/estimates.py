"""How long the queue's work still takes: for one job (the Status column) and for the whole
queue (the status bar), from the measured service times (``service_times``) and the progress
the stages really report. Nothing here invents progress: a SpeechKit wait is known only by the
time that has passed and how long such waits took before.
"""

from __future__ import annotations

import heapq
import time
from collections.abc import Iterable
from dataclasses import dataclass

from kzdesk.core.job import STAGE_SPEAKERS, Job, JobState
from kzdesk.services import service_times
from kzdesk.services.job_run import (
    CONVERT_SHARE,
    SPEAKERS_SHARE,
    SPEAKERS_START,
    recognition_end,
)
from kzdesk.services.service_times import ServiceTimes

# Extrapolate a stage from its own progress only once it has this much behind it.
MIN_FRACTION = 0.03
MIN_ELAPSED_S = 3.0


@dataclass(frozen=True)
class QueueEstimate:
    seconds: float  # until the last job now running or queued is done
    complete: bool  # False: some jobs could not be estimated, so it will take at least this


def _share(value: float) -> float:
    return min(max(value, 0.0), 1.0)


def convert_fraction(job: Job) -> float:
    """How far converting is (0..1), from the job's overall progress."""
    return _share(job.progress / CONVERT_SHARE)


def speakers_fraction(job: Job) -> float:
    """How far finding speakers is (0..1), from the job's overall progress."""
    return _share((job.progress - SPEAKERS_START) / SPEAKERS_SHARE)


def recognition_fraction(job: Job) -> float:
    """How far recognition is (0..1), from the job's overall progress."""
    span = recognition_end(job) - CONVERT_SHARE
    return _share((job.progress - CONVERT_SHARE) / span) if span > 0 else 0.0


def wait_state(job: Job, now: float | None = None) -> tuple[float, float | None]:
    """(seconds SpeechKit has been recognising, the usual seconds for it or None)."""
    now = time.time() if now is None else now
    since = job.waiting_since if job.waiting_since is not None else now
    return max(now - since, 0.0), job.expected_wait_s


def wait_fraction(job: Job, now: float | None = None) -> float | None:
    """How much of the usual wait has passed (0..1); None without a wait or an estimate, or
    once the usual time has passed (then nothing honest can be drawn)."""
    if job.waiting_since is None or not job.expected_wait_s:
        return None
    elapsed, usual = wait_state(job, now)
    if usual is None or elapsed >= usual:
        return None
    return elapsed / usual


def is_overdue(job: Job, now: float | None = None) -> bool:
    """SpeechKit takes longer than such a wait usually takes here."""
    if job.waiting_since is None or job.expected_wait_s is None:
        return False
    elapsed, usual = wait_state(job, now)
    return usual is not None and elapsed >= usual


class Estimator:
    """Remaining seconds per job and for the queue, with the rates measured so far."""

    def __init__(self, times: ServiceTimes, default_model: str = "general") -> None:
        self.times = times
        self.default_model = default_model

    # ---- parts of a job -------------------------------------------------------------------
    def _recognition_s(self, job: Job) -> float | None:
        kind = service_times.recognition_kind(job, self.default_model)
        return self.times.estimate_s(kind, job.duration_ms)

    def _speakers_s(self, job: Job) -> float:
        if not job.diarizes_locally:
            return 0.0
        return self.times.estimate_s(service_times.SPEAKERS, job.duration_ms) or 0.0

    def _convert_s(self, job: Job) -> float | None:
        return self.times.estimate_s(service_times.CONVERT, job.duration_ms)

    # ---- one job --------------------------------------------------------------------------
    def job_left_s(self, job: Job, now: float | None = None) -> float | None:
        """Seconds until ``job`` is done; None when that cannot be told (its length is not
        known yet, SpeechKit is taking longer than usual, nothing was measured)."""
        now = time.time() if now is None else now
        state = job.state
        if state.is_final:
            return 0.0
        if job.duration_ms is None:
            return None
        recognition = self._recognition_s(job)
        speakers = self._speakers_s(job)
        if state is JobState.QUEUED:
            convert = self._convert_s(job)
            if convert is None or recognition is None:
                return None
            return convert + recognition + speakers
        if state is JobState.CONVERTING:
            fraction = convert_fraction(job)
            convert = self._stage_left(job, fraction, self._convert_s(job), now)
            if convert is None or recognition is None:
                return None
            return convert + recognition + speakers
        if job.stage == STAGE_SPEAKERS:
            return speakers * (1 - speakers_fraction(job))
        if job.waiting_since is not None:  # SpeechKit recognises: no progress, only time
            elapsed, usual = wait_state(job, now)
            if usual is None or elapsed >= usual:
                return None
            return usual - elapsed + speakers
        if state is JobState.UPLOADING or recognition is None:
            return None if recognition is None else recognition + speakers
        return recognition * (1 - recognition_fraction(job)) + speakers

    @staticmethod
    def _stage_left(job: Job, fraction: float, usual: float | None, now: float) -> float | None:
        """A stage with real progress: extrapolated from its own pace once it has some behind
        it, else the usual time for what is left."""
        elapsed = now - job.started_at if job.started_at is not None else 0.0
        if fraction >= MIN_FRACTION and elapsed >= MIN_ELAPSED_S:
            return elapsed * (1 - fraction) / fraction
        return None if usual is None else usual * (1 - fraction)

    # ---- the queue ------------------------------------------------------------------------
    def queue_left(
        self, jobs: Iterable[Job], parallel: int, now: float | None = None
    ) -> QueueEstimate | None:
        """When every running and queued job is done, with ``parallel`` jobs at once: running
        jobs keep their places, queued ones take the first place free, in queue order. None
        when nothing is running or queued."""
        now = time.time() if now is None else now
        running: list[float] = []
        queued: list[float] = []
        pending, complete = False, True
        for job in jobs:
            if job.state.is_final:
                continue
            pending = True
            left = self.job_left_s(job, now)
            if left is None:
                complete = False
                left = 0.0
            (running if job.state.is_active else queued).append(left)
        if not pending:
            return None
        slots = sorted(running)[-max(parallel, 1) :]
        slots += [0.0] * (max(parallel, 1) - len(slots))
        heapq.heapify(slots)
        for left in queued:
            heapq.heappush(slots, heapq.heappop(slots) + left)
        return QueueEstimate(max(slots), complete)
