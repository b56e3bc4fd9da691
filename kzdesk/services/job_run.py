"""One job as it runs through the pipeline: its moves between states, its progress bar, the
EngineContext of each piece, and how it ends (done, failed, cancelled, or back to the queue).

``TranscriptionService`` (``services.transcription``) drives a :class:`JobRun` per job; the
queue's estimates and the window read the progress bar's shares from here.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from kzdesk.core.engine import (
    LOCAL_OPERATION,
    AudioPiece,
    EngineError,
    FailureKind,
    Utterance,
    maybe_sent_error,
)
from kzdesk.core.i18n import QT_TRANSLATE_NOOP
from kzdesk.core.job import (
    STAGE_ENGINE_BUSY,
    STAGE_LOCAL,
    STAGE_MODEL_DOWNLOAD,
    Job,
    JobState,
)
from kzdesk.services.assemble import utterances_from_json, utterances_to_json
from kzdesk.services.service_times import ServiceTimes
from kzdesk.storage.job_pieces import PieceRecord
from kzdesk.storage.job_queue import JobQueue

log = logging.getLogger(__name__)

ProgressListener = Callable[[Job], None]

# Share of the progress bar converting gets (the UI shows each stage's own bar from it).
CONVERT_SHARE = 0.15
# Share at the end that finding speakers gets, for jobs that find them on this computer.
SPEAKERS_SHARE = 0.2
SPEAKERS_START = 1 - SPEAKERS_SHARE


def recognition_end(job: Job) -> float:
    """Where recognition's part of the progress bar ends for this job."""
    return SPEAKERS_START if job.diarizes_locally else 1.0


UNEXPECTED = QT_TRANSLATE_NOOP(
    "Messages",
    "Something unexpected went wrong while processing this file. Try again; if it happens "
    "again, send the log file (Help → Open log folder) to support.",
)
NO_SPEECH = QT_TRANSLATE_NOOP(
    "Messages",
    "No speech was found in this recording. Check that it is the right file and not silent.",
)
GAVE_UP_UNREACHABLE = QT_TRANSLATE_NOOP(
    "Messages",
    "kzdesk could not reach SpeechKit after {attempts} attempts and stopped trying. Check the "
    "internet connection, then press Retry (or run “kzdesk resume”): what SpeechKit already "
    "accepted is fetched, not sent again.",
)


class Interrupted(BaseException):
    """Stops a running job without cancelling it (the app is closing, Ctrl-C in a terminal).

    A BaseException, so that no ``except Exception`` turns it into a failure: the job stays in
    its active state in the database, its remote operations untouched, and
    ``JobQueue.recover`` resumes it by its operation ids on the next start."""


# Stages an engine reports through ctx.progress that the job shows (others: the state says it).
# While the waiting ones last, the job's own progress stands still.
_WAITING_STAGES = frozenset({STAGE_MODEL_DOWNLOAD, STAGE_ENGINE_BUSY})
_SHOWN_STAGES = _WAITING_STAGES | {STAGE_LOCAL}


class PieceContext:
    """The EngineContext for one piece of one job."""

    def __init__(self, runner: JobRun, piece: AudioPiece, record: PieceRecord | None) -> None:
        self._run = runner
        self._piece = piece
        self.operation_id = record.operation_id if record else None
        self.sending_since: float | None = None  # set by will_send() until an id comes back
        self.accepted_at: float | None = None  # when the service accepted it (this run only)
        self.kept: list[Utterance] = []
        if self.operation_id is not None:
            self.kept = utterances_from_json(
                runner.queue.pieces.kept_segments(runner.job.id, piece.index)
            )

    def will_send(self) -> None:
        self.sending_since = time.time()
        self._run.queue.pieces.mark_sending(self._run.job.id, self._piece, at=self.sending_since)

    def remember_operation(self, operation_id: str) -> None:
        self.operation_id = operation_id
        self.sending_since = None
        self._run.queue.pieces.remember_operation(self._run.job.id, self._piece, operation_id)
        if operation_id.startswith(LOCAL_OPERATION):
            self._run.enter(JobState.RECOGNIZING)
            return
        self.accepted_at = time.time()  # the service recognises now, without progress
        self._run.enter(JobState.RECOGNIZING, wait=self._run.wait_for(self._piece))

    def send_failed(self, exc: EngineError) -> EngineError:
        """What a failure of the engine means for a piece that was being sent: a lost reply
        may have been accepted (the marker stays, the user decides); any other failure was
        an answer (or no connection at all), so the piece was not accepted."""
        if self.sending_since is None or self.operation_id is not None:
            return exc
        if exc.kind is FailureKind.MAYBE_SENT:
            return maybe_sent_error(self.sending_since)
        self._run.queue.pieces.not_sent(self._run.job.id, self._piece.index)
        self.sending_since = None
        return exc

    def keep(self, utterances: list[Utterance]) -> None:
        if self.operation_id is None:
            self.remember_operation(f"{LOCAL_OPERATION}{self._run.job.id}-{self._piece.index}")
        self._run.queue.pieces.keep_segments(
            self._run.job.id, self._piece.index, utterances_to_json(utterances)
        )

    def progress(self, fraction: float, stage: str) -> None:
        self._run.piece_progress(self._piece.index, fraction, stage)

    def cancelled(self) -> bool:
        return self._run.cancelled()


@dataclass
class JobRun:
    job: Job
    queue: JobQueue
    listener: ProgressListener
    cancel_event: threading.Event
    interrupt_event: threading.Event
    piece_count: int = 1
    times: ServiceTimes | None = None
    wait_kind: str = ""  # what a remote wait is measured as (speechkit:general, ...)
    _last_saved: float = field(default=0.0)

    def cancelled(self) -> bool:
        """The user's Cancel; raises Interrupted when the process is stopping instead."""
        if self.interrupt_event.is_set():
            raise Interrupted()
        return self.cancel_event.is_set()

    def enter(self, state: JobState, *, wait: tuple[float, float | None] | None = None) -> None:
        """Move to ``state``; ``wait``: (since, usual seconds) while a remote engine works."""
        since, expected = wait if wait is not None else (None, None)
        if self.job.state is not state:
            # progress is saved at most once a second; the in-memory value is the newer one
            moved = self.queue.move(self.job.id, state)
            self.job = replace(
                moved, progress=self.job.progress, waiting_since=since, expected_wait_s=expected
            )
            self.listener(self.job)
        elif (self.job.waiting_since, self.job.expected_wait_s) != (since, expected):
            self.job = replace(self.job, waiting_since=since, expected_wait_s=expected)
            self.listener(self.job)

    def wait_for(self, piece: AudioPiece) -> tuple[float, float | None]:
        """A remote wait starting now, and how long one for this piece took here before."""
        usual = self.times.estimate_s(self.wait_kind, piece.duration_ms) if self.times else None
        return time.time(), usual

    def set_progress(self, value: float) -> None:
        value = min(max(value, self.job.progress), 1.0)
        self.job = replace(self.job, progress=value)
        now = time.monotonic()
        if now - self._last_saved > 1.0 or value >= 1.0:
            self._last_saved = now
            self.queue.set_progress(self.job.id, value)
        self.listener(self.job)

    def convert_progress(self, fraction: float) -> None:
        self.set_progress(CONVERT_SHARE * fraction)

    def piece_progress(self, index: int, fraction: float, stage: str = "") -> None:
        fraction = min(max(fraction, 0.0), 1.0)
        if stage in _WAITING_STAGES:
            self.enter_stage(stage, fraction)
            return
        if stage in _SHOWN_STAGES:
            done = (index + fraction) / max(self.piece_count, 1)
            self.job = replace(self.job, stage=stage, stage_progress=done)
        share = (recognition_end(self.job) - CONVERT_SHARE) / max(self.piece_count, 1)
        self.set_progress(CONVERT_SHARE + share * (index + min(fraction, 0.99)))

    def paused(self, note: str | None) -> None:
        """Waiting for disk space (``note`` says so) or going on (None); nothing is written."""
        self.job = replace(self.job, error=note)
        self.listener(self.job)

    def enter_stage(self, stage: str, stage_progress: float = 0.0) -> None:
        self.job = replace(
            self.job,
            stage=stage,
            stage_progress=stage_progress,
            waiting_since=None,
            expected_wait_s=None,
        )
        self.listener(self.job)

    def speakers_progress(self, fraction: float) -> None:
        start = min(SPEAKERS_START, self.job.progress)
        self.set_progress(start + (1 - start) * min(max(fraction, 0.0), 0.99))

    # ---- endings --------------------------------------------------------------------------
    def finish(self, state: JobState, error: str | None = None, *, notify: bool = True) -> None:
        if state is JobState.CANCELLED:
            # the remote operations were cancelled: Retry sends their pieces again
            self.queue.pieces.forget_unfinished_operations(self.job.id)
        self.job = self.queue.move(self.job.id, state, error=error)
        if state is JobState.FAILED:
            self._log_failure()
        if state is JobState.DONE:
            self.queue.set_progress(self.job.id, 1.0)
        if notify:
            self.listener(self.job)

    def requeue(self, *, delay_s: float = 0, note: str | None = None) -> None:
        """Back to the queue: it runs again (after ``delay_s``); ``note`` says why it waits."""
        self.job = self.queue.requeue(self.job.id, delay_s=delay_s, note=note)
        self.listener(self.job)

    def engine_failed(self, exc: EngineError, *, max_attempts: int, retry_base_s: float) -> None:
        """What the engine's failure means for the job: cancelled, failed with its sentence, or
        queued again (sent again, or retried later while attempts are left)."""
        if self.cancel_event.is_set():
            self.finish(JobState.CANCELLED)
            return
        if exc.kind is FailureKind.CANCELLED:
            # cancelled remotely, not by this run's user (a Cancel before a restart): the
            # operation gives no result, so the piece is sent again
            log.info("job %s: a remote operation was cancelled earlier; sending again", self.job.id)
            self.queue.pieces.forget_unfinished_operations(self.job.id)
            self.requeue()
            return
        if exc.kind is FailureKind.MAYBE_SENT:
            self.finish(JobState.FAILED, exc.message)  # the user decides: Retry
            return
        if exc.kind is FailureKind.NO_SPEECH:
            self.finish(JobState.FAILED, NO_SPEECH)
            return
        if exc.kind is FailureKind.EXPIRED:
            # The service forgot the result (kept 3 days): the audio must be sent again.
            self.queue.pieces.forget(self.job.id)
            self.requeue(note=exc.message)
            return
        if exc.retryable and self.job.attempts < max_attempts:
            delay = max(exc.retry_after_s, retry_base_s * 2 ** (self.job.attempts - 1))
            self.requeue(delay_s=min(delay, 3600), note=exc.message)
            return
        if exc.kind is FailureKind.UNREACHABLE or exc.gave_up:
            self.finish(
                JobState.FAILED,
                exc.gave_up or GAVE_UP_UNREACHABLE.format(attempts=self.job.attempts),
            )
            return
        self.finish(JobState.FAILED, exc.message)

    def _log_failure(self) -> None:
        """What support needs: the file, the engine, SpeechKit's operation ids, the sentence."""
        job = self.job
        remote = [
            r.operation_id
            for r in self.queue.pieces.records(job.id)
            if r.operation_id and not r.operation_id.startswith(LOCAL_OPERATION)
        ]
        log.warning(
            "job %s failed: file %s, engine %s, operation %s: %s",
            job.id,
            job.source_path,
            job.engine,
            ", ".join(remote) or "none",
            job.error,
        )
