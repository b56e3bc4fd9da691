from __future__ import annotations

import itertools
from dataclasses import replace

import pytest

from kzdesk.core.job import IllegalTransition, Job, JobState, check_transition

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


Q, C, U, R, D, F, X = (
    JobState.QUEUED,
    JobState.CONVERTING,
    JobState.UPLOADING,
    JobState.RECOGNIZING,
    JobState.DONE,
    JobState.FAILED,
    JobState.CANCELLED,
)
# The whole state machine, written out: every other move is refused.
MACHINE = {
    Q: {Q, C, F, X},  # Q -> Q: a job waiting to retry is queued afresh
    C: {Q, U, R, F, X},  # C -> R: a resumed job already has its remote operation
    U: {Q, R, F, X},
    R: {Q, U, D, F, X},  # R <-> U: a long file goes in pieces
    D: {Q},
    F: {Q},
    X: {Q},
}


@pytest.mark.parametrize(("old", "new"), list(itertools.product(JobState, JobState)))
def test_the_state_machine_allows_exactly_its_moves(old: JobState, new: JobState) -> None:
    job = Job(id=1, source_path="a", state=old)
    if new in MACHINE[old]:
        check_transition(old, new)
        assert job.moved_to(new, now=5.0).state is new
    else:
        with pytest.raises(IllegalTransition) as refused:
            job.moved_to(new)
        assert (refused.value.old, refused.value.new) == (old, new)


def test_waiting_to_retry_is_named() -> None:
    running = Job(id=1, source_path="a").moved_to(JobState.CONVERTING)
    waiting = running.moved_to(JobState.QUEUED, error="SpeechKit cannot be reached.")
    assert waiting.waiting_retry and not waiting.paused
    assert waiting.finished_at is None
    # the user's Retry (or a plain interruption): queued afresh, no reason to wait
    again = waiting.moved_to(JobState.QUEUED, now=7.0)
    assert not again.waiting_retry and again.error is None and again.updated_at == 7.0
    assert not Job(id=1, source_path="a").waiting_retry
    failed = running.moved_to(JobState.FAILED, error="The file is empty.")
    assert not failed.waiting_retry  # failed is its own state, not a wait


def test_a_running_job_waiting_for_disk_space_is_paused() -> None:
    running = Job(id=1, source_path="a").moved_to(JobState.CONVERTING)
    assert not running.paused
    assert replace(running, error="The disk is full.").paused
    assert not replace(running, state=JobState.QUEUED, error="The disk is full.").paused
