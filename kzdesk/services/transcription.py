"""The pipeline for one job: probe -> convert/split -> engine -> transcript in SQLite.

Qt-free: progress leaves through a plain callback and cancellation arrives as a flag, so the
CLI (threads) and the window (QThreadPool) run exactly the same code. One job's state moves,
progress bar and endings are its :class:`~kzdesk.services.job_run.JobRun`.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kzdesk import audio
from kzdesk.audio.pcm import original_piece
from kzdesk.core.engine import (
    LOCAL_OPERATION,
    AudioPiece,
    EngineError,
    RecognitionOptions,
    SpeechEngine,
    Utterance,
    maybe_sent_error,
)
from kzdesk.core.glossary import merge_terms
from kzdesk.core.job import STAGE_SPEAKERS, Job, JobState, SpeakersMode
from kzdesk.core.transcript import Transcript
from kzdesk.core.voices import SpeakerVoice
from kzdesk.diarization.profiles import VoiceProfileStore
from kzdesk.services import disk_space, piece_pool, service_times, speakers, wording
from kzdesk.services.assemble import build_transcript, utterances_from_json, utterances_to_json
from kzdesk.services.exporting import ExportError, JobExporter
from kzdesk.services.job_run import (
    NO_SPEECH,
    UNEXPECTED,
    JobRun,
    PieceContext,
    ProgressListener,
)
from kzdesk.services.service_times import ServiceTimes
from kzdesk.storage.job_pieces import PieceRecord
from kzdesk.storage.job_queue import JobQueue
from kzdesk.storage.transcripts import TranscriptStore

log = logging.getLogger(__name__)

EngineFactory = Callable[[Job], SpeechEngine]


@dataclass
class PipelineConfig:
    work_dir: Path
    max_attempts: int = 5
    retry_base_s: float = 30.0
    max_piece_ms: int = 4 * 3600 * 1000 - 60_000
    model: str = "general"


class TranscriptionService:
    def __init__(
        self,
        queue: JobQueue,
        store: TranscriptStore,
        engine_for: EngineFactory,
        config: PipelineConfig,
        *,
        voices: VoiceProfileStore | None = None,
        diarize: speakers.Diarize = speakers.diarize_in_subprocess,
        exporter: JobExporter | None = None,
        times: ServiceTimes | None = None,
        names_language: Callable[[], str] = lambda: wording.SOURCE_LANGUAGE,
    ) -> None:
        self.queue = queue
        self.store = store
        self.engine_for = engine_for
        self.config = config
        self.voices = voices  # known voices that name the speakers found on this computer
        self.diarize = diarize
        self.exporter = exporter  # writes each job's export the moment it is done
        self.times = times  # how long conversions, SpeechKit waits, speakers took here
        self.names_language = names_language  # "Speaker 1" in the interface language
        self._cancel_events: dict[int, threading.Event] = {}
        self._lock = threading.Lock()
        self._interrupt = threading.Event()

    # ---- control --------------------------------------------------------------------------
    def cancel(self, job_id: int) -> None:
        """Cancel a queued job at once, or ask a running one to stop (it cancels remotely)."""
        job = self.queue.get(job_id)
        if job.state is JobState.QUEUED:
            self.queue.move(job_id, JobState.CANCELLED)
            return
        with self._lock:
            event = self._cancel_events.get(job_id)
        if event is not None:
            event.set()

    def interrupt(self) -> None:
        """Stop every running job soon (within the engines' short waits) without cancelling:
        each raises :class:`Interrupted` and stays resumable. For a closing app or Ctrl-C."""
        self._interrupt.set()

    # ---- running --------------------------------------------------------------------------
    def run(self, job: Job, listener: ProgressListener | None = None) -> Job:
        """Process one claimed job (state CONVERTING) to its end or back to the queue.

        Raises :class:`Interrupted` after :meth:`interrupt` (the job stays as it is)."""
        event = threading.Event()
        with self._lock:
            self._cancel_events[job.id] = event
        run = JobRun(
            job=job,
            queue=self.queue,
            listener=listener or (lambda _j: None),
            cancel_event=event,
            interrupt_event=self._interrupt,
            times=self.times,
        )
        try:  # a full disk pauses the job where it is; it goes on once space is freed
            folders = [self.queue.db.path.parent, self.config.work_dir]
            disk_space.pausing(
                lambda: self._process(run), folders, paused=run.paused, stopped=event.is_set
            )
        except audio.Cancelled:
            run.finish(JobState.CANCELLED)
        except audio.AudioError as exc:
            run.finish(JobState.FAILED, exc.message)
        except EngineError as exc:
            run.engine_failed(
                exc, max_attempts=self.config.max_attempts, retry_base_s=self.config.retry_base_s
            )
        except Exception:
            log.exception("job %s failed unexpectedly", job.id)
            run.finish(JobState.FAILED, UNEXPECTED)
        finally:
            with self._lock:
                self._cancel_events.pop(job.id, None)
        return run.job

    def _process(self, run: JobRun) -> None:
        job = run.job
        info = audio.probe(job.source_path)
        self.queue.set_media(job.id, duration_ms=info.duration_ms, size=info.size_bytes)
        records = {r.piece.index: r for r in self.queue.pieces.records(job.id)}
        engine = self.engine_for(job)  # before converting: its pieces may be cut its own way
        # an engine on this computer reads the original: no upload copy is made for it
        local = bool(getattr(engine, "runs_locally", False))
        pieces = self._known_pieces(records, info.duration_ms)
        if local:
            pieces = [
                original_piece(job.source_path, info.duration_ms, info.channels, info.sample_rate)
            ]
        elif pieces is None:
            work = self.config.work_dir / str(job.id)
            work.mkdir(parents=True, exist_ok=True, mode=0o700)
            began = time.monotonic()
            pieces = audio.prepare(
                job.source_path,
                info,
                work,
                progress=run.convert_progress,
                cancelled=run.cancelled,
                **piece_pool.prepare_options(
                    engine,
                    info.duration_ms,
                    channels_as_speakers=job.speakers is SpeakersMode.CHANNELS
                    and info.channels > 1,
                    max_piece_ms=self.config.max_piece_ms,
                ),
            )
            self._took(service_times.CONVERT, info.duration_ms, time.monotonic() - began)
        run.convert_progress(1.0)
        run.piece_count = len(pieces)
        options = RecognitionOptions(
            language=job.language,
            # SpeechKit's own labels (mono, up to two people) unless speakers are found here
            speaker_labeling=job.speakers is SpeakersMode.AUTO and not job.diarizes_locally,
            channels_as_speakers=job.speakers is SpeakersMode.CHANNELS and info.channels > 1,
            model=str(job.options.get("model", self.config.model)),
            # only the job's own list: hot words absent from a recording cost Whisper accuracy
            # (bench/proofreading.py); the Settings glossary works after recognition
            glossary=tuple(merge_terms(job.options.get("glossary") or ())),
        )
        run.wait_kind = service_times.recognition_kind(job, options.model)
        if piece_pool.concurrency(engine):  # an engine that takes several pieces at once
            context = functools.partial(PieceContext, run)
            records = piece_pool.recognize_pending(run, engine, options, pieces, records, context)
        results: list[tuple[AudioPiece, list[Utterance]]] = []
        for piece in pieces:
            if run.cancelled():
                raise audio.Cancelled()
            record = records.get(piece.index)
            if record is not None and record.result is not None:
                run.enter(JobState.RECOGNIZING)  # fetched before: nothing to send or wait for
                results.append((piece, utterances_from_json(record.result)))
                continue
            if record is not None and record.operation_id is None and record.sending_since:
                # sent before in this run (then the disk ran full, say) and no id was kept:
                # it may have been accepted, so it is never sent again without the user
                raise maybe_sent_error(record.sending_since)
            operation = record.operation_id if record is not None else None
            if local or (operation or "").startswith(LOCAL_OPERATION):
                run.enter(JobState.RECOGNIZING)  # on this computer: nothing is uploaded
            elif operation is None:
                run.enter(JobState.UPLOADING)
            else:  # accepted before (a restart): the wait goes on
                run.enter(JobState.RECOGNIZING, wait=run.wait_for(piece))
            ctx = PieceContext(run, piece, record)
            began = time.monotonic()
            try:
                utterances = engine.transcribe(piece, options, ctx)
            except EngineError as exc:
                raise ctx.send_failed(exc) from exc
            if ctx.operation_id is None:  # engines without remote operations (offline)
                ctx.remember_operation(f"{LOCAL_OPERATION}{job.id}-{piece.index}")
            if self.times is not None:  # never a resumed wait, nor a continued recognition
                resumed = record is not None and record.operation_id is not None
                self.times.record_piece(
                    job, piece.duration_ms, ctx.accepted_at, time.monotonic() - began,
                    local=not resumed and not ctx.kept, model=self.config.model,
                )  # fmt: skip
            self.queue.pieces.store_result(job.id, piece.index, utterances_to_json(utterances))
            results.append((piece, utterances))
            run.piece_progress(piece.index, 1.0)
        transcript = build_transcript(job, info.duration_ms, results)
        if not transcript.segments:
            run.finish(JobState.FAILED, NO_SPEECH)
            return
        channels = job.speakers is SpeakersMode.CHANNELS and info.channels > 1
        voices: list[SpeakerVoice] = []
        if job.diarizes_locally or (
            channels and not speakers.engine_split_channels(job, [p.channels for p, _ in results])
        ):
            transcript, voices = self._find_speakers(run, transcript, channels=channels)
        transcript = wording.say_default_names(transcript, self.names_language())
        self.store.save(transcript, job_id=job.id, voices=voices)
        run.finish(JobState.DONE, notify=self.exporter is None)
        if self.exporter is not None:
            self._export(run)
        # Converted audio stays: the editor plays it when the original moved or was deleted.
        with contextlib.suppress(OSError):
            (self.config.work_dir / str(job.id)).rmdir()  # only when empty (sent as it was)

    def _find_speakers(
        self, run: JobRun, transcript: Transcript, *, channels: bool
    ) -> tuple[Transcript, list[SpeakerVoice]]:
        """The speakers found on this computer; the engine's speakers (and a line in the log)
        when that fails. Raises Cancelled."""
        run.enter_stage(STAGE_SPEAKERS)
        began = time.monotonic()
        try:
            found = speakers.find_speakers(
                transcript,
                run.job.source_path,
                run.job,
                channels=channels,
                profiles=self.voices,
                progress=run.speakers_progress,
                cancelled=run.cancelled,
                diarize=self.diarize,
            )
        except audio.Cancelled:
            raise
        except Exception:
            if run.cancel_event.is_set():
                raise audio.Cancelled() from None
            log.warning(
                "job %s: speakers could not be found on this computer; the transcript keeps "
                "the engine's speakers",
                run.job.id,
                exc_info=True,
            )
            return transcript, []
        self._took(service_times.SPEAKERS, transcript.duration_ms, time.monotonic() - began)
        return found.transcript, found.voices

    # ---- measurements (what the queue's estimates are made of) ----------------------------
    def _took(self, kind: str, audio_ms: int, seconds: float) -> None:
        if self.times is not None:
            self.times.record(kind, audio_ms, seconds)

    def write_owed_exports(self, listener: ProgressListener | None = None) -> list[Job]:
        """The exports that done jobs still owe (a process stopped between "done" and writing
        them), written now; each job is reported once written."""
        if self.exporter is None:
            return []
        written = []
        for job_id in self.exporter.owed():
            job = self.queue.get(job_id)
            try:
                self.exporter.export_owed(job)
            except ExportError as exc:
                log.warning("job %s (%s): export failed: %s", job.id, job.file_name, exc)
            job = self.queue.get(job_id)
            written.append(job)
            if listener is not None:
                listener(job)
        return written

    def release_engines(self) -> None:
        """The queue is idle: let engines free what they keep between jobs (the offline
        engine's warm process and its model). Cheap, never blocks; the next job starts it
        again."""
        release = getattr(self.engine_for, "release", None)
        if callable(release):
            release()

    def converted_audio(self, job_id: int) -> list[Path]:
        """The converted pieces kept for a job (empty when the original was sent as it is)."""
        folder = self.config.work_dir / str(job_id)
        return sorted([*folder.glob("*.ogg"), *folder.glob("*.flac")])

    def remove(self, job_id: int) -> None:
        """Forget a job, its transcript and its converted audio (cancel it first if running)."""
        self.cancel(job_id)
        self.queue.remove(job_id)
        shutil.rmtree(self.config.work_dir / str(job_id), ignore_errors=True)

    def release_connection(self) -> None:
        """The calling pool thread is done with the database: its connection closes."""
        self.queue.db.release_connection()

    @staticmethod
    def _known_pieces(records: dict[int, PieceRecord], duration_ms: int) -> list[AudioPiece] | None:
        """Pieces already sent cover the whole recording: no need to convert again."""
        if not records or any(r.operation_id is None for r in records.values()):
            return None
        if any(
            r.result is None and (r.operation_id or "").startswith(LOCAL_OPERATION)
            for r in records.values()
        ):
            return None  # a local engine reads the audio again: prepare it again
        if sorted(records) != list(range(len(records))):
            return None
        pieces = [records[i].piece for i in sorted(records)]
        if pieces[-1].offset_ms + pieces[-1].duration_ms < duration_ms - 1000:
            return None
        return pieces

    # ---- endings --------------------------------------------------------------------------
    def _export(self, run: JobRun) -> None:
        """The export the job owes, written now (CLI and window alike); a failure stays in the
        job's export note and the log, the transcript is safe in the database."""
        assert self.exporter is not None
        try:
            self.exporter.export_owed(run.job)
        except ExportError as exc:
            log.warning("job %s (%s): export failed: %s", run.job.id, run.job.file_name, exc)
        run.job = self.queue.get(run.job.id)
        run.listener(run.job)
