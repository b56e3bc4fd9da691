"""Pieces at once: a job's unfinished pieces sent concurrently, for engines that take several
requests at a time (the organisation server engine declares ``concurrency``).

The job's thread calls :func:`recognize_pending` before the pipeline's usual piece loop: up to
``concurrency`` helper threads each take the next unfinished piece, hand it to the engine and
store its result the moment it comes back. A crash, a Cancel or a failed piece leaves the
finished pieces stored, so only the unfinished ones are sent again. Everything that touches
the job (its state, its progress, the database) happens under one lock, so the pipeline's own
objects need not be thread-safe; each helper thread closes its database connection when it
ends. The usual loop then finds every piece's result stored and builds the transcript.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable
from typing import Any

from kzdesk import audio
from kzdesk.core.engine import (
    LOCAL_OPERATION,
    AudioPiece,
    EngineError,
    FailureKind,
    PiecePlan,
    RecognitionOptions,
    SpeechEngine,
    Utterance,
    maybe_sent_error,
)
from kzdesk.core.job import JobState
from kzdesk.services.assemble import utterances_to_json
from kzdesk.services.job_run import JobRun, PieceContext
from kzdesk.storage.job_pieces import PieceRecord

log = logging.getLogger(__name__)


ContextFactory = Callable[[AudioPiece, PieceRecord | None], PieceContext]


def concurrency(engine: SpeechEngine) -> int | None:
    """How many pieces the engine takes at once; None for engines that take one at a time."""
    value = getattr(engine, "concurrency", None)
    return max(int(value), 1) if value else None


def prepare_options(
    engine: SpeechEngine, duration_ms: int, *, channels_as_speakers: bool, max_piece_ms: int
) -> dict[str, Any]:
    """The keyword arguments of ``audio.prepare`` for this engine's pieces."""
    plan_for: Callable[[int], PiecePlan] | None = getattr(engine, "piece_plan", None)
    if plan_for is None:
        return {"channels_as_speakers": channels_as_speakers, "max_piece_ms": max_piece_ms}
    plan = plan_for(duration_ms)
    return {
        "channels_as_speakers": channels_as_speakers and not plan.mono,
        "max_piece_ms": min(max_piece_ms, plan.max_piece_ms),
        "inline_limit_bytes": plan.max_bytes,
        "encoding": plan.encoding,
    }


def recognize_pending(
    run: JobRun,
    engine: SpeechEngine,
    options: RecognitionOptions,
    pieces: list[AudioPiece],
    records: dict[int, PieceRecord],
    context_for: ContextFactory,
) -> dict[int, PieceRecord]:
    """Send the pieces that have no stored result, up to the engine's ``concurrency``
    together; each result is stored as it arrives. Returns the job's piece records, every one
    with its result. Raises the first failure (EngineError, Cancelled, Interrupted …) once
    every helper has stopped; pieces finished by then stay stored."""
    at_once = concurrency(engine) or 1
    if _stale(pieces, records):
        # cut differently than before (the server's limits changed): nothing stored fits
        log.info("job %s: the pieces were cut anew; their earlier results are dropped", run.job.id)
        run.queue.pieces.forget(run.job.id)
        records = {}
    pending = [p for p in pieces if records.get(p.index) is None or records[p.index].result is None]
    if pending:
        if run.cancelled():
            raise audio.Cancelled()
        pool = _Pool(run, engine, options, records, context_for, pending, len(pieces))
        pool.work(min(at_once, len(pending)))
    return {r.piece.index: r for r in run.queue.pieces.records(run.job.id)}


def _stale(pieces: list[AudioPiece], records: dict[int, PieceRecord]) -> bool:
    for index, record in records.items():
        if record.result is None:
            continue
        if index >= len(pieces):
            return True
        piece = pieces[index]
        if (record.piece.offset_ms, record.piece.duration_ms) != (
            piece.offset_ms,
            piece.duration_ms,
        ):
            return True
    return False


class _Pool:
    def __init__(
        self,
        run: JobRun,
        engine: SpeechEngine,
        options: RecognitionOptions,
        records: dict[int, PieceRecord],
        context_for: ContextFactory,
        pending: list[AudioPiece],
        piece_count: int,
    ) -> None:
        self.run = run
        self.engine = engine
        self.options = options
        self.records = records
        self.context_for = context_for
        self.lock = threading.Lock()  # the job, its progress and the database
        self.todo: deque[AudioPiece] = deque(pending)
        self.running: dict[int, float] = {}  # piece index -> fraction done
        self.finished = piece_count - len(pending)
        self.failure: BaseException | None = None
        self.no_more = threading.Event()  # a piece failed: start no other piece
        self.stop_all = threading.Event()  # cancelled or interrupted: stop the running ones too

    def work(self, threads: int) -> None:
        helpers = [
            threading.Thread(
                target=self._helper, name=f"kzdesk-job{self.run.job.id}-piece{n}", daemon=True
            )
            for n in range(threads)
        ]
        for helper in helpers:
            helper.start()
        for helper in helpers:
            helper.join()
        if self.failure is not None:
            raise self.failure

    # ---- one helper thread ------------------------------------------------------------------
    def _helper(self) -> None:
        try:
            while not self.no_more.is_set():
                with self.lock:
                    if not self.todo:
                        return
                    piece = self.todo.popleft()
                try:
                    self._one(piece)
                except BaseException as exc:
                    self._failed(exc)
                    return
        finally:
            self.run.queue.db.release_connection()

    def _one(self, piece: AudioPiece) -> None:
        record = self.records.get(piece.index)
        run = self.run
        with self.lock:
            if run.cancelled():
                raise audio.Cancelled()
            if record is not None and record.operation_id is None and record.sending_since:
                raise maybe_sent_error(record.sending_since)  # never sent again by itself
            if run.job.state is JobState.CONVERTING:
                run.enter(JobState.UPLOADING)
            ctx = self.context_for(piece, record)
            self.running[piece.index] = 0.0
        try:
            utterances = self.engine.transcribe(piece, self.options, _Shared(self, ctx, piece))
        except EngineError as exc:
            with self.lock:
                self.running.pop(piece.index, None)
                raise ctx.send_failed(exc) from exc
        with self.lock:
            if ctx.operation_id is None:
                ctx.remember_operation(f"{LOCAL_OPERATION}{run.job.id}-{piece.index}")
            run.queue.pieces.store_result(run.job.id, piece.index, utterances_to_json(utterances))
            self.running.pop(piece.index, None)
            self.finished += 1
            self.report()

    def _failed(self, exc: BaseException) -> None:
        cancelled = isinstance(exc, EngineError) and exc.kind is FailureKind.CANCELLED
        with self.lock:
            if self.failure is None or (
                isinstance(self.failure, EngineError)
                and self.failure.kind is FailureKind.CANCELLED
                and not cancelled
            ):
                self.failure = exc
        self.no_more.set()  # the pieces already sent may still finish and be stored
        if cancelled or not isinstance(exc, EngineError):  # Cancel, Interrupted, a full disk
            self.stop_all.set()

    def report(self) -> None:
        """The job's progress from the finished pieces and the running ones' fractions
        (called under the lock)."""
        done = self.finished + sum(self.running.values())
        whole = int(done)
        self.run.piece_progress(whole, done - whole)


class _Shared:
    """The EngineContext a helper thread gives the engine: every call reaches the pipeline's
    own context under the pool's lock; progress counts towards the whole job."""

    def __init__(self, pool: _Pool, ctx: PieceContext, piece: AudioPiece) -> None:
        self._pool = pool
        self._ctx = ctx
        self._index = piece.index

    @property
    def operation_id(self) -> str | None:
        return self._ctx.operation_id

    @property
    def kept(self) -> list[Utterance]:
        return self._ctx.kept

    def will_send(self) -> None:
        with self._pool.lock:
            self._ctx.will_send()

    def remember_operation(self, operation_id: str) -> None:
        with self._pool.lock:
            self._ctx.remember_operation(operation_id)

    def keep(self, utterances: list[Utterance]) -> None:
        with self._pool.lock:
            self._ctx.keep(utterances)

    def progress(self, fraction: float, stage: str) -> None:
        with self._pool.lock:
            if self._index in self._pool.running:
                self._pool.running[self._index] = min(max(fraction, 0.0), 0.99)
                self._pool.report()

    def cancelled(self) -> bool:
        if self._pool.stop_all.is_set():
            return True
        return self._pool.run.cancelled()  # raises Interrupted when the process stops
