"""Command line: `kzdesk` opens the window; sub-commands drive the same queue headless."""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import os
import sqlite3
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from kzdesk import __version__, cli_diarize, cli_folder, cli_run, export
from kzdesk.app import AppContext, setup_logging
from kzdesk.core import engine_registry, timecode
from kzdesk.core.glossary import parse_terms
from kzdesk.core.job import Language, SpeakersMode, speakers_choice
from kzdesk.services import settings as settings_module
from kzdesk.services.data_folder import DataFolderError
from kzdesk.services.exporting import ExportError, parse_formats
from kzdesk.services.secrets import SERVER


def _add_export_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", help="folder for exported files (default: next to each recording)")
    p.add_argument("--no-timestamps", action="store_true", help="DOCX/TXT without timestamps")
    p.add_argument("--no-merge", action="store_true", help="one paragraph per phrase")
    p.add_argument("--speaker-prefix", action="store_true", help="speaker names in SRT cues")


def _formats_help() -> str:
    """The formats of the export table with their labels (argparse's help, so "%" doubled)."""
    named = (f"{f.name}: {f.plain_label()}" for f in export.formats.all_formats())
    return f"comma-separated formats ({'; '.join(named)})".replace("%", "%%")


def _speakers_arg(text: str) -> tuple[SpeakersMode, dict[str, int]]:
    try:
        return speakers_choice(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _engines_help(engines: list[engine_registry.EngineInfo]) -> str:
    """The registered engines' words, as in "a, b or c; default from settings"."""
    *first, last = [e.cli_help for e in engines]
    listed = f"{', '.join(first)} or {last}" if first else last
    return f"{listed}; default from settings"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kzdesk", description="Transcribe Kazakh and Russian recordings with speakers."
    )
    parser.add_argument("--version", action="version", version=f"kzdesk {__version__}")
    parser.add_argument("--data-dir", help="where the queue and transcripts live")
    parser.add_argument("--verbose", action="store_true", help="more detail in the log file")
    sub = parser.add_subparsers(dest="command")

    t = sub.add_parser("transcribe", help="transcribe files or folders")
    t.add_argument("paths", nargs="+", metavar="FILE|DIR")
    t.add_argument("--language", choices=[x.value for x in Language])
    t.add_argument(
        "--speakers",
        type=_speakers_arg,
        metavar="auto|channels|off|N|MIN-MAX",
        help="auto (default from settings), channels (each channel is a person), off, "
        "N (exactly N people) or MIN-MAX (between MIN and MAX people, e.g. 2-8)",
    )
    engines = list(engine_registry.all_engines())
    t.add_argument("--engine", choices=[e.name for e in engines], help=_engines_help(engines))
    t.add_argument("--model", help="; ".join(filter(None, (e.model_help for e in engines))))
    t.add_argument("--export", default=None, help=_formats_help())
    t.add_argument(
        "--glossary",
        metavar="FILE",
        help="names and terms of these recordings, one a line (UTF-8 text): Whisper hears "
        "them, and near-misses are suggested in the editor",
    )
    t.add_argument("--jobs", type=int, default=None, help="files processed at once")
    t.add_argument(
        "--again",
        action="store_true",
        help="transcribe files anew even when the queue has them with the same choices",
    )
    t.add_argument(
        "--wait",
        action="store_true",
        help="when another kzdesk runs the queue, follow these files here until they are done",
    )
    _add_export_options(t)

    r = sub.add_parser(
        "resume",
        help="finish interrupted and pending jobs, fetch what SpeechKit already accepted, "
        "write exports that are still owed",
    )
    r.add_argument(
        "--export",
        default=None,
        help=f"formats for these jobs instead of their own choice; {_formats_help()}",
    )
    r.add_argument("--jobs", type=int, default=None, help="files processed at once")
    _add_export_options(r)

    rt = sub.add_parser("retry", help="run failed or cancelled jobs again")
    rt.add_argument("job_ids", nargs="*", type=int, metavar="ID")
    rt.add_argument("--failed", action="store_true", help="every failed job")
    rt.add_argument("--jobs", type=int, default=None, help="files processed at once")
    rt.add_argument("--wait", action="store_true", help="follow them when another kzdesk runs")

    sub.add_parser("jobs", help="list the queue")

    e = sub.add_parser("export", help="export a finished job again")
    e.add_argument("job_id", type=int)
    e.add_argument("--format", default="docx", help=_formats_help())
    _add_export_options(e)

    c = sub.add_parser(
        "config",
        help="show or change a setting (folder_id, price_per_minute, export_language, "
        "subtitle_line_chars, subtitle_lines, subtitle_cps, subtitle_min_cue_ms, "
        "subtitle_max_cue_ms, subtitle_gap_ms, ...)",
    )
    c.add_argument("name", nargs="?", help="setting to change; none lists all")
    c.add_argument("value", nargs="?")

    cli_diarize.add_parser(sub)

    k = sub.add_parser("key", help="store, check or delete the SpeechKit (or server) API key")
    k.add_argument("action", choices=["set", "status", "delete"])
    k.add_argument("--file", action="store_true", help="keep it in a user-only file (no keyring)")
    k.add_argument(
        "--server", action="store_true", help="the key of your organisation's transcription server"
    )
    cli_folder.add_commands(sub)
    return parser


def command_names(parser: argparse.ArgumentParser) -> frozenset[str]:
    """The sub-commands ``parser`` knows: what tells a command from a file to open."""
    return frozenset(
        name
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
        for name in action.choices
    )


def opened_paths(
    argv: Sequence[str], commands: Iterable[str]
) -> tuple[list[str], list[str]] | None:
    """`kzdesk [--data-dir DIR] [--verbose] FILE...` (a file manager's "Open with", a second
    launch): (the options, the paths for the window); None when one of ``commands`` (the
    parser's, :func:`command_names`) is given."""
    commands = frozenset(commands)
    options, rest = [], list(argv)
    while rest:
        if rest[0] == "--data-dir" and len(rest) > 1:
            options, rest = [*options, *rest[:2]], rest[2:]
        elif rest[0].startswith("--data-dir=") or rest[0] == "--verbose":
            options, rest = [*options, rest[0]], rest[1:]
        else:
            break
    if rest and rest[0] not in commands and all(Path(a).exists() for a in rest):
        return options, rest
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    window = opened_paths(argv, command_names(parser))
    opened = window[1] if window else None
    args = parser.parse_args(window[0] if window else argv)
    if args.command == "retry" and not (args.job_ids or args.failed):
        parser.error("name the jobs to retry (their numbers, see “kzdesk jobs”) or say --failed")
    if args.command is None:
        from kzdesk.ui.launch import run_gui  # Qt only when the window is wanted

        return run_gui(args.data_dir, files=opened)
    if args.command == "diarize":  # no queue, no data folder: speaker turns only
        return cli_diarize.run(args)
    if args.command == cli_folder.RESET_COMMAND:
        return cli_folder.reset_queue(args.data_dir)
    try:
        ctx = AppContext.open(args.data_dir)
    except DataFolderError as exc:  # a sentence naming the path and what to do
        return cli_folder.report(exc)
    setup_logging(ctx.log_dir, verbose=args.verbose)
    try:
        handler = {
            "transcribe": cli_run.transcribe,
            "resume": cli_run.resume,
            "retry": cli_run.retry,
            "jobs": _jobs,
            "export": _export,
            "key": _key,
            "config": _config,
        }[args.command]
        return handler(ctx, args)
    except ExportError as exc:
        print(exc.message, file=sys.stderr)
        return 2
    except (KeyboardInterrupt, cli_run.Interrupted):
        print(
            "\nStopped. Finished files are exported. Run “kzdesk resume” to continue: files "
            "SpeechKit already accepted will not be sent again.",
            file=sys.stderr,
        )
        sys.stderr.flush()
        sys.stdout.flush()
        os._exit(130)  # worker threads may sit in network calls; the queue resumes them
    except (sqlite3.Error, OSError) as exc:  # a full disk, a database damaged meanwhile
        return cli_folder.report_failure(exc, ctx.data_dir)
    finally:
        ctx.close()


def _export_options(ctx: AppContext, args: argparse.Namespace) -> export.ExportOptions:
    """The command line's choices over the settings' subtitle rules and export language."""
    return dataclasses.replace(
        ctx.exporter.default_request().options(),
        timestamps=not args.no_timestamps,
        merge_turns=not args.no_merge,
        speaker_prefix=args.speaker_prefix,
    )


def _jobs(ctx: AppContext, args: argparse.Namespace) -> int:
    jobs = ctx.jobs.all()
    if not jobs:
        print("The queue is empty.")
        return 0
    price = ctx.settings.price_per_minute
    for j in jobs:
        length = timecode.duration(j.duration_ms) if j.duration_ms is not None else "–"
        note = f"  {j.error}" if j.error else ""
        dup = f" (same file as #{j.duplicate_of})" if j.duplicate_of else ""
        money = ""
        charged = (
            None
            if j.duration_ms is None
            else engine_registry.info(j.engine).cost(j.duration_ms, price)
        )  # only engines that charge per minute (SpeechKit) cost anything
        if charged is not None:
            money = f"  ≈{charged:.2f} {ctx.settings.currency}"
        print(
            f"{j.id:>5}  {j.state.value:<11} {j.progress * 100:3.0f}%  {length:>8}  "
            f"{j.language.value:<5} {j.file_name}{dup}{money}{note}"
        )
    return 0


def _config(ctx: AppContext, args: argparse.Namespace) -> int:
    current = dataclasses.asdict(ctx.settings)
    if args.name is None:
        for name, value in current.items():
            shown = ",".join(value) if isinstance(value, list) else value
            print(f"{name} = {shown}")
        return 0
    if args.name not in current:
        print(f"There is no setting “{args.name}”. “kzdesk config” lists them.", file=sys.stderr)
        return 2
    if args.value is None:
        print(current[args.name])
        return 0
    old = current[args.name]
    try:
        if args.name == "glossary":
            new: object = parse_terms(args.value)
        elif isinstance(old, list):
            new = parse_formats(args.value)
        elif isinstance(old, bool):
            new = args.value.lower() in {"1", "yes", "true", "on"}
        else:
            new = type(old)(args.value)
    except ValueError:
        print(f"“{args.value}” is not a valid value for {args.name}.", file=sys.stderr)
        return 2
    changed = dataclasses.replace(ctx.settings, **{args.name: new})
    problems = changed.validate()
    if problems:
        print(" ".join(problems), file=sys.stderr)
        return 2
    settings_module.save(ctx.data_dir, changed)
    print(f"{args.name} = {args.value}")
    return 0


def _export(ctx: AppContext, args: argparse.Namespace) -> int:
    try:
        job = ctx.jobs.get(args.job_id)
    except KeyError:
        print(f"There is no job number {args.job_id}. “kzdesk jobs” lists them.", file=sys.stderr)
        return 2
    outcome = ctx.exporter.export(
        job,
        parse_formats(args.format),
        args.out,
        _export_options(ctx, args),
        language=ctx.languages.export,
    )
    for path in outcome.paths:
        print(path)
    for note in outcome.notes:
        print(note, file=sys.stderr)
    return 0


def _key(ctx: AppContext, args: argparse.Namespace) -> int:
    secrets = ctx.secrets.of(SERVER) if args.server else ctx.secrets
    which = "server" if args.server else "SpeechKit"
    if args.action == "status":
        print(f"A {which} key is set." if secrets.api_key() else f"No {which} key is set.")
        return 0
    if args.action == "delete":
        secrets.delete_api_key()
        print(f"The {which} key was deleted.")
        return 0
    key = getpass.getpass(f"{which} API key: ") if sys.stdin.isatty() else sys.stdin.readline()
    if not key.strip():
        print("No key was given.", file=sys.stderr)
        return 2
    from keyring.errors import KeyringError

    try:
        where = secrets.set_api_key(key, where="file" if args.file else "keyring")
    except KeyringError:
        server = " --server" if args.server else ""
        print(
            "This system has no keyring to keep the key safely. Run “kzdesk key set --file"
            f"{server}” to keep it in a file only your user can read (it is not encrypted).",
            file=sys.stderr,
        )
        return 2
    print(
        "The key is in the system keyring."
        if where == "keyring"
        else f"The key is in {secrets.fallback_path} (readable only by you, not encrypted)."
    )
    return 0
