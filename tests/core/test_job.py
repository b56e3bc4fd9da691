from __future__ import annotations

import itertools

import pytest

from kzdesk.core.job import IllegalTransition, Job, JobState

HAPPY = [JobState.CONVERTING, JobState.UPLOADING, JobState.RECOGNIZING, JobState.DONE]


def test_happy_path_counts_attempt_and_finishes() -> None:
    job = Job(id=1, source_path="/x/Жиналыс.mp3")
    for state in HAPPY:
        job = job.moved_to(state, now=100.0)
    assert job.state is JobState.DONE
    assert job.attempts == 1
    assert job.progress == 1.0
    assert job.finished_at == 100.0
    assert job.file_name == "Жиналыс.mp3"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (JobState.QUEUED, JobState.DONE),
        (JobState.QUEUED, JobState.RECOGNIZING),
        (JobState.DONE, JobState.CONVERTING),
        (JobState.FAILED, JobState.DONE),
        (JobState.CANCELLED, JobState.RECOGNIZING),
        (JobState.UPLOADING, JobState.CONVERTING),
    ],
)
def test_illegal_transitions_raise(old: JobState, new: JobState) -> None:
    with pytest.raises(IllegalTransition):
        Job(id=1, source_path="a", state=old).moved_to(new)


def test_every_final_state_can_only_go_back_to_the_queue() -> None:
    for final, target in itertools.product(
        [JobState.DONE, JobState.FAILED, JobState.CANCELLED], list(JobState)
    ):
        job = Job(id=1, source_path="a", state=final)
        if target is JobState.QUEUED:
            assert job.moved_to(target).state is JobState.QUEUED
        else:
            with pytest.raises(IllegalTransition):
                job.moved_to(target)


def test_failure_keeps_sentence_and_requeue_clears_it() -> None:
    job = Job(id=1, source_path="a").moved_to(JobState.CONVERTING)
    job = job.moved_to(JobState.FAILED, error="The file is empty.")
    assert job.error == "The file is empty."
    again = job.moved_to(JobState.QUEUED)
    assert again.error is None and again.finished_at is None
    assert again.moved_to(JobState.CONVERTING).attempts == 2
