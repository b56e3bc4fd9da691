from __future__ import annotations

import ast
from pathlib import Path

import pytest

import kzdesk.core.job_status as job_status
from kzdesk.core.job import Job, JobState
from kzdesk.core.job_status import LOOKS, JobStatus, look_of, status_of


def test_every_state_is_a_status_and_every_status_has_a_look() -> None:
    assert {s.value for s in JobState} <= {s.value for s in JobStatus}
    assert set(LOOKS) == set(JobStatus)
    assert len({look.label for look in LOOKS.values()}) == len(LOOKS)
    assert all(look.icon for look in LOOKS.values())


@pytest.mark.parametrize("state", list(JobState))
def test_a_job_shows_its_state(state: JobState) -> None:
    job = Job(id=1, source_path="a", state=state)
    assert status_of(job) is JobStatus(state.value)
    assert look_of(job) is LOOKS[JobStatus(state.value)]


def test_a_queued_job_with_a_reason_waits_to_retry() -> None:
    job = Job(id=1, source_path="a", error="SpeechKit cannot be reached.")
    assert status_of(job) is JobStatus.WAITING_RETRY
    assert look_of(job).label == "Waiting to retry" and look_of(job).icon == "retry"
    # a running job with a reason is paused for disk space: it shows its state
    paused = Job(id=1, source_path="a", state=JobState.CONVERTING, error="The disk is full.")
    assert status_of(paused) is JobStatus.CONVERTING


def test_sorted_by_rank_what_needs_attention_comes_first() -> None:
    order = sorted(JobStatus, key=lambda s: LOOKS[s].rank)
    assert order[0] is JobStatus.FAILED
    assert order[-1] is JobStatus.DONE
    active = [JobStatus.RECOGNIZING, JobStatus.UPLOADING, JobStatus.CONVERTING]
    assert all(LOOKS[s].rank < LOOKS[JobStatus.QUEUED].rank for s in active)
    assert LOOKS[JobStatus.WAITING_RETRY].rank == LOOKS[JobStatus.QUEUED].rank


def test_labels_are_marked_for_translation() -> None:
    """lupdate finds a label only as the literal argument of the marker."""
    tree = ast.parse(Path(job_status.__file__).read_text(encoding="utf-8"))
    marked = {
        node.args[1].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP"
        and isinstance(node.args[0], ast.Constant)
        and node.args[0].value == "Messages"
        and isinstance(node.args[1], ast.Constant)
    }
    assert {look.label for look in LOOKS.values()} == marked
