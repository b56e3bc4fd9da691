"""How far a job is, for the queue's Status column: the current stage's fraction and the bar."""

from __future__ import annotations

from kzdesk.core.job import (
    STAGE_ENGINE_BUSY,
    STAGE_LOCAL,
    STAGE_MODEL_DOWNLOAD,
    STAGE_SPEAKERS,
    Job,
    JobState,
)
from kzdesk.services.estimates import (
    convert_fraction,
    is_overdue,
    recognition_fraction,
    speakers_fraction,
    wait_fraction,
)

# Stages whose own progress the job carries (the engine reports it), not derived from the job's
_OWN_PROGRESS = frozenset({STAGE_LOCAL, STAGE_MODEL_DOWNLOAD, STAGE_ENGINE_BUSY})


def stage_fraction(job: Job, now: float | None = None) -> float:
    """How far the current stage is, 0..1 (converting, uploading/recognizing, transcribing on
    this computer, downloading the model, finding speakers); a SpeechKit wait: the share of the
    usual wait that has passed."""
    if job.stage in _OWN_PROGRESS and job.state.is_active:
        return min(max(job.stage_progress, 0.0), 1.0)
    if job.waiting_since is not None:
        return wait_fraction(job, now) or 0.0
    if job.state is JobState.CONVERTING:
        return convert_fraction(job)
    if job.stage == STAGE_SPEAKERS:
        return speakers_fraction(job)
    return recognition_fraction(job)


def progress_bar(job: Job, now: float | None = None) -> float | None:
    """The Status column's bar: the stage's fraction while a job runs; none for a SpeechKit
    wait without a usual time, or past it (a bar there would claim a progress nobody knows)."""
    if not job.state.is_active:
        return None
    if job.waiting_since is not None and (job.expected_wait_s is None or is_overdue(job, now)):
        return None
    return stage_fraction(job, now)
