"""What a job shows: one row per status with its label, icon and sort rank.

A status is a job's state, with one more that the state alone does not tell: a queued job that
waits to retry after a transient failure (:attr:`Job.waiting_retry`). The queue table and the
terminal read their words, pictures and order from :data:`LOOKS`; a new state is one enum
member in :mod:`kzdesk.core.job` and one row here.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from kzdesk.core.i18n import QT_TRANSLATE_NOOP
from kzdesk.core.job import Job


class JobStatus(enum.StrEnum):
    QUEUED = "queued"
    WAITING_RETRY = "waiting_retry"
    CONVERTING = "converting"
    UPLOADING = "uploading"
    RECOGNIZING = "recognizing"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class StatusLook:
    # Marked for translation (context "Messages"): the window shows it translated, the
    # terminal in English (lower case).
    label: str
    # The picture's name: one that kzdesk.ui.icons draws, or "done", "failed", "cancelled"
    # which the window takes from its style.
    icon: str
    # The Status column sorted ascending: what needs attention first.
    rank: int


LOOKS: dict[JobStatus, StatusLook] = {
    JobStatus.FAILED: StatusLook(QT_TRANSLATE_NOOP("Messages", "Failed"), "failed", 0),
    JobStatus.RECOGNIZING: StatusLook(QT_TRANSLATE_NOOP("Messages", "Recognizing"), "play", 1),
    JobStatus.UPLOADING: StatusLook(QT_TRANSLATE_NOOP("Messages", "Uploading"), "upload", 2),
    JobStatus.CONVERTING: StatusLook(QT_TRANSLATE_NOOP("Messages", "Converting"), "play", 3),
    JobStatus.WAITING_RETRY: StatusLook(
        QT_TRANSLATE_NOOP("Messages", "Waiting to retry"), "retry", 4
    ),
    JobStatus.QUEUED: StatusLook(QT_TRANSLATE_NOOP("Messages", "Queued"), "queued", 4),
    JobStatus.CANCELLED: StatusLook(QT_TRANSLATE_NOOP("Messages", "Cancelled"), "cancelled", 5),
    JobStatus.DONE: StatusLook(QT_TRANSLATE_NOOP("Messages", "Done"), "done", 6),
}


def status_of(job: Job) -> JobStatus:
    if job.waiting_retry:
        return JobStatus.WAITING_RETRY
    return JobStatus(job.state.value)


def look_of(job: Job) -> StatusLook:
    return LOOKS[status_of(job)]
