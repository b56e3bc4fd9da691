"""The CLI commands that run jobs: ``transcribe``, ``resume`` and ``retry``.

Only the process that holds the queue's lock runs jobs. Another kzdesk holding it (the window,
a second terminal) gets the files and does them; ``--wait`` follows their progress here and
takes over if that kzdesk ends first. Each job's export is written the moment the job ends,
by whichever process ran it, and never over a file kzdesk did not write for that job.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from kzdesk.app import AppContext
from kzdesk.cli_progress import ProgressPrinter
from kzdesk.core import engine_registry
from kzdesk.core.glossary import parse_terms
from kzdesk.core.job import Job, JobState, Language, SpeakersMode
from kzdesk.services import models
from kzdesk.services.exporting import ExportError, ExportOutcome, ExportRequest, parse_formats
from kzdesk.services.media_scan import find_recordings
from kzdesk.services.queue_lock import TERMINAL, QueueLock
from kzdesk.services.runner import QueueRunner

FOLLOW_INTERVAL_S = 0.5


class Interrupted(Exception):
    """Ctrl-C: the caller prints how to continue and exits with 130."""


def export_request(ctx: AppContext, args: argparse.Namespace) -> ExportRequest | None:
    """What the command line asks the exports to be (formats or folder left out come from
    the settings); None when it asks nothing, leaving them to the settings when the job ends."""
    explicit = (
        args.export is not None
        or args.out
        or args.no_timestamps
        or args.no_merge
        or args.speaker_prefix
    )
    if not explicit:
        return None
    automatic = ctx.exporter.default_request()  # subtitle rules, language: the settings'
    return dataclasses.replace(
        automatic,
        # `--export ""` asks for no export at all
        formats=tuple(parse_formats(args.export)) if args.export is not None else automatic.formats,
        out_dir=args.out or automatic.out_dir,
        timestamps=not args.no_timestamps,
        merge_turns=not args.no_merge,
        speaker_prefix=args.speaker_prefix,
    )


# ---- transcribe -----------------------------------------------------------------------------
def scan_paths(paths: Sequence[str]) -> tuple[list[Path], list[str], bool]:
    """Files, sentences, and whether a path given could not be used (missing, a broken link,
    a pipe or a device: the command then ends with 1 even when the other files went well)."""
    scan = find_recordings(paths, keep_named_files=True)
    notes = scan.problems()
    unusable = bool(notes)
    if scan.skipped:
        notes.append(f"Skipped {scan.skipped} file(s) that are not audio or video.")
    return scan.files, notes, unusable


def read_glossary(path: str) -> list[str] | None:
    """The terms of a glossary file (one a line), or None after saying why it cannot be read."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        print(f"The glossary “{path}” cannot be read ({exc.strerror or exc}).", file=sys.stderr)
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1251")  # a list saved by Windows Notepad in the Cyrillic code page
    return parse_terms(text)


def model_problem(engine: str, model: str) -> str | None:
    """Why ``--model`` cannot name ``model`` for ``engine``; None when it can."""
    info = engine_registry.info(engine)
    if info.local_models:
        return models.describe_missing(model)
    if info.models and model not in info.models:
        choices = " or ".join(f"“{m}”" for m in info.models)
        return f"The {info.cli_name} model must be {choices}."
    return None


def transcribe(ctx: AppContext, args: argparse.Namespace) -> int:
    files, notes, unusable = scan_paths(args.paths)
    for note in notes:
        print(note, file=sys.stderr)
    if not files:
        print("Nothing to transcribe.", file=sys.stderr)
        return 1
    s = ctx.settings
    engine = args.engine or s.engine
    options: dict[str, object] = {}
    speakers, speaker_options = args.speakers or (SpeakersMode(s.speakers), {})
    options.update(speaker_options)
    if args.model:
        problem = model_problem(engine, args.model)
        if problem:
            print(problem, file=sys.stderr)
            return 2
        options[engine_registry.info(engine).model_option] = args.model
    if args.glossary:
        terms = read_glossary(args.glossary)
        if terms is None:
            return 2
        options["glossary"] = terms
    language = Language(args.language or s.language)
    request = export_request(ctx, args)
    request_json = request.to_json() if request is not None else None
    jobs: list[Job] = []
    reused_done: list[Job] = []
    for path in files:
        existing = None
        if not args.again:
            existing = ctx.jobs.find_same(
                path, language=language, speakers=speakers, engine=engine, options=options
            )
        if existing is None:
            jobs.append(
                ctx.jobs.enqueue(
                    path,
                    language=language,
                    speakers=speakers,
                    engine=engine,
                    options=options,
                    export_request=request_json,
                )
            )
            continue
        print(
            f"“{existing.file_name}” is already in the queue as #{existing.id} "
            f"({existing.state.value}) with the same choices: kzdesk uses that job "
            "(add --again to transcribe it anew).",
            file=sys.stderr,
        )
        if request_json is not None:
            existing = ctx.jobs.set_export_request(existing.id, request_json)
        if existing.state is JobState.DONE:
            reused_done.append(existing)
        elif existing.state.is_final:
            if ctx.jobs.maybe_sent_since(existing.id) is not None:
                jobs.append(existing)  # reported below, never sent again without retry
                continue
            jobs.append(ctx.jobs.retry(existing.id))
        else:
            jobs.append(existing)
    status = int(unusable)  # a path that could not be used is an error too
    for job in reused_done:
        status = max(status, _export_again(ctx, job))
    if not jobs:
        return status
    return max(status, run_or_hand_over(ctx, jobs, args))


def _export_again(ctx: AppContext, job: Job) -> int:
    request = ctx.exporter.request_for(job)
    try:
        outcome = ctx.exporter.export(job, request.formats, request.out_dir, request.options())
    except ExportError as exc:
        print(f"{job.file_name}: {exc.message}", file=sys.stderr)
        return 1
    _print_outcome(outcome)
    return 0


# ---- resume and retry -----------------------------------------------------------------------
def resume(ctx: AppContext, args: argparse.Namespace) -> int:
    lock = ctx.queue_lock(TERMINAL)
    if not lock.acquire():
        print(f"{lock.describe_holder()} It continues the unfinished jobs; nothing to do here.")
        return 0
    try:
        recovered = ctx.jobs.recover()
        for job in recovered:
            if job.state is JobState.FAILED:
                _say_failed(ctx, job)
        for job in ctx.jobs.resumable_failures():
            ctx.jobs.retry(job.id)
        request = export_request(ctx, args)
        if request is not None:  # these jobs export as asked now, not as first asked
            for job_id in [j.id for j in ctx.jobs.all([JobState.QUEUED])] + owed(ctx):
                ctx.jobs.set_export_request(job_id, request.to_json())
        status = _write_owed_exports(ctx)
        jobs = ctx.jobs.all([JobState.QUEUED])
        if not jobs:
            if status == 0 and not recovered:
                print("Nothing to resume: the queue is empty.")
            return max(status, 1 if any(j.state is JobState.FAILED for j in recovered) else 0)
        return max(status, _run_held(ctx, lock, jobs, args))
    finally:
        lock.release()


def retry(ctx: AppContext, args: argparse.Namespace) -> int:
    if args.failed:
        wanted = ctx.jobs.all([JobState.FAILED])
    else:
        wanted = []
        for job_id in args.job_ids:
            try:
                wanted.append(ctx.jobs.get(job_id))
            except KeyError:
                print(
                    f"There is no job number {job_id}. “kzdesk jobs” lists them.", file=sys.stderr
                )
                return 2
    if not wanted:
        print("No failed jobs to retry.")
        return 0
    jobs = []
    for job in wanted:
        if job.state not in (JobState.FAILED, JobState.CANCELLED):
            print(
                f"#{job.id} {job.file_name} is {job.state.value}: only failed or cancelled jobs "
                "are retried (“kzdesk transcribe --again FILE” transcribes a file anew).",
                file=sys.stderr,
            )
            continue
        if ctx.jobs.maybe_sent_since(job.id) is not None:
            print(f"#{job.id} {job.file_name}: sending it to SpeechKit again.", file=sys.stderr)
        jobs.append(ctx.jobs.retry(job.id))
    if not jobs:
        return 2
    return run_or_hand_over(ctx, jobs, args)


# ---- running ---------------------------------------------------------------------------------
def run_or_hand_over(ctx: AppContext, jobs: list[Job], args: argparse.Namespace) -> int:
    """Run the jobs here when this process can hold the queue; else hand them over."""
    lock = ctx.queue_lock(TERMINAL)
    if lock.acquire():
        try:
            ctx.jobs.recover()  # what a dead process left running
            return _run_held(ctx, lock, [ctx.jobs.get(j.id) for j in jobs], args)
        finally:
            lock.release()
    holder = lock.describe_holder()
    if not getattr(args, "wait", False):
        print(
            f"{holder} It will do these {len(jobs)} file(s); “kzdesk jobs” shows how far it "
            "is (or add --wait to follow them here).",
            file=sys.stderr,
        )
        return 0
    print(f"{holder} Following its progress here.", file=sys.stderr)
    return _follow(ctx, lock, jobs, args)


def _run_held(ctx: AppContext, lock: QueueLock, jobs: list[Job], args: argparse.Namespace) -> int:
    """Run the jobs (and those other processes hand over meanwhile) while holding the queue."""
    since = time.time()
    printer = ProgressPrinter(jobs)
    runner = QueueRunner(ctx.service, workers=args.jobs or ctx.settings.parallel_jobs)
    ids = [j.id for j in jobs if j.state is JobState.QUEUED]
    ended: dict[int, Job] = {j.id: j for j in jobs if j.state.is_final}

    def on_ended(job: Job) -> None:
        ended[job.id] = job
        _print_exports(ctx, job, printer)

    try:
        while True:
            runner.run(ids, printer, requested_since=since, on_ended=on_ended)
            # Another kzdesk may have handed over files just before this one let go.
            lock.release()
            if not ctx.jobs.claimable(ids, requested_since=since) or not lock.acquire():
                break
    except KeyboardInterrupt:
        printer.finish()
        raise Interrupted() from None
    printer.finish()
    for job_id in list(ended) + [i for i in ids if i not in ended]:
        ended[job_id] = ctx.jobs.get(job_id)
    return _report(ctx, ended.values())


def _follow(ctx: AppContext, lock: QueueLock, jobs: list[Job], args: argparse.Namespace) -> int:
    """Show the progress of jobs another kzdesk runs; take over if it ends before them."""
    printer = ProgressPrinter(jobs)
    ids = [j.id for j in jobs]
    reported: set[int] = set()
    try:
        while True:
            current = [ctx.jobs.get(i) for i in ids]
            for job in current:
                printer(job)
                if _ended(job) and job.id not in reported:
                    reported.add(job.id)
                    _print_exports(ctx, job, printer)
            if all(_ended(j) for j in current):
                break
            if lock.acquire():  # the other kzdesk ended: do the rest here
                try:
                    ctx.jobs.recover()
                    rest = [ctx.jobs.get(i) for i in ids if i not in reported]
                    printer.finish()
                    status = _run_held(ctx, lock, rest, args)
                finally:
                    lock.release()
                done = [ctx.jobs.get(i) for i in reported]
                return max(status, 1 if any(j.state is not JobState.DONE for j in done) else 0)
            time.sleep(FOLLOW_INTERVAL_S)
    except KeyboardInterrupt:
        printer.finish()
        print("\nStopped following. The other kzdesk goes on with these files.", file=sys.stderr)
        raise SystemExit(130) from None
    printer.finish()
    return _report(ctx, [ctx.jobs.get(i) for i in ids])


def _ended(job: Job) -> bool:
    """Final, and its export written (a done job owes its export until then)."""
    return job.state.is_final and (job.state is not JobState.DONE or job.exported_at is not None)


def owed(ctx: AppContext) -> list[int]:
    return ctx.exporter.owed()


def _write_owed_exports(ctx: AppContext) -> int:
    status = 0
    for job_id in owed(ctx):
        job = ctx.jobs.get(job_id)
        try:
            _print_outcome(ctx.exporter.export_owed(job))
        except ExportError as exc:
            print(f"{job.file_name}: {exc.message}", file=sys.stderr)
            status = 1
    return status


def _print_exports(ctx: AppContext, job: Job, printer: ProgressPrinter) -> None:
    if job.state is not JobState.DONE:
        return
    for path in ctx.exporter.paths_of(job.id, since=job.finished_at or 0.0):
        printer.note(str(path), stream=sys.stdout)
    if job.export_note:
        printer.note(f"{job.file_name}: {job.export_note}", stream=sys.stderr)


def _print_outcome(outcome: ExportOutcome) -> None:
    for path in outcome.paths:
        print(path)
    for note in outcome.notes:
        print(note, file=sys.stderr)


def _report(ctx: AppContext, jobs: Iterable[Job]) -> int:
    bad = [j for j in jobs if j.state is not JobState.DONE]
    for job in bad:
        _say_failed(ctx, job)
    return 1 if bad else 0


def _say_failed(ctx: AppContext, job: Job) -> None:
    reason = job.error or f"stopped while {job.state.value}"
    print(f"✖ {job.file_name}: {reason}", file=sys.stderr)
    if job.state is JobState.FAILED and ctx.jobs.maybe_sent_since(job.id) is not None:
        print(f"  Run “kzdesk retry {job.id}” to send it again.", file=sys.stderr)
