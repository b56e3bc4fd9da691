"""Export a finished job's transcript (with its current, edited speakers and text).

Exports never replace a file kzdesk did not write: each written file is recorded (path, size,
modification time, hash) for its job, and an export replaces only an unchanged file of the
same job's earlier export. Any other file under the name stays, and the export takes the next
free name (``meeting (2).docx``) with a sentence saying so.

A job owes its export from the moment it is done until the files are written; whoever runs
the job writes it at once (``export_owed``), and ``kzdesk resume`` or the window's next start
writes what a stopped process still owed.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from kzdesk import export
from kzdesk.core.i18n import QT_TRANSLATE_NOOP
from kzdesk.core.job import Job
from kzdesk.core.transcript import Transcript
from kzdesk.export import ExportOptions
from kzdesk.services import wording
from kzdesk.storage.export_records import ExportRecords
from kzdesk.storage.transcripts import TranscriptStore

log = logging.getLogger(__name__)

FREE_NAME_NOTE = QT_TRANSLATE_NOOP(
    "Messages",
    "“{taken}” already exists and kzdesk did not write it for this recording, so the "
    "transcript was saved as “{chosen}”.",
)
UNEXPECTED_EXPORT = QT_TRANSLATE_NOOP(
    "Messages", "The export failed unexpectedly. Try again; the log file has the details."
)


class ExportError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def parse_formats(text: str) -> list[str]:
    formats = [f.strip().lower().lstrip(".") for f in text.split(",") if f.strip()]
    unknown = [f for f in formats if f not in export.FORMATS]
    if unknown:
        raise ExportError(
            QT_TRANSLATE_NOOP(
                "Messages", "Unknown export format “{unknown}”. Choose from: {formats}."
            ).format(unknown=", ".join(unknown), formats=", ".join(export.FORMATS))
        )
    return formats


def write_file(
    transcript: Transcript,
    fmt: str,
    path: Path,
    options: ExportOptions,
    *,
    replace: bool = True,
) -> Path:
    """The editor's export of one format to ``path`` (``replace=False``: FileExistsError
    rather than replacing a file that appeared meanwhile)."""
    return export.export_file(transcript, fmt, path, options, replace=replace)


@dataclass(frozen=True)
class ExportRequest:
    """Where a job's transcript goes when it is done, and how it is written (the subtitle
    rules and the language of the words kzdesk adds come from the settings)."""

    formats: tuple[str, ...] = ()
    out_dir: str | None = None  # None: next to the recording
    timestamps: bool = True
    merge_turns: bool = True
    speaker_prefix: bool = False
    max_line_chars: int = 42
    max_lines: int = 2
    max_cps: float = 20.0
    min_cue_ms: int = 1000
    max_cue_ms: int = 7000
    min_gap_ms: int = 0
    language: str = wording.SOURCE_LANGUAGE  # labels and default speaker names

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["formats"] = list(self.formats)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ExportRequest:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        known["formats"] = tuple(known.get("formats") or ())
        return cls(**known)

    def options(self) -> export.ExportOptions:
        return export.ExportOptions(
            timestamps=self.timestamps,
            merge_turns=self.merge_turns,
            speaker_prefix=self.speaker_prefix,
            max_line_chars=self.max_line_chars,
            max_lines=self.max_lines,
            max_cps=self.max_cps,
            min_cue_ms=self.min_cue_ms,
            max_cue_ms=self.max_cue_ms,
            min_gap_ms=self.min_gap_ms,
            labels=wording.labels(self.language),
        )


@dataclass
class ExportOutcome:
    paths: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # sentences: a free name was chosen

    @property
    def note(self) -> str | None:
        return " ".join(self.notes) or None


class JobExporter:
    """Writes jobs' exports; ``default_request`` gives the settings' automatic export."""

    def __init__(
        self,
        store: TranscriptStore,
        records: ExportRecords,
        default_request: Callable[[], ExportRequest],
    ) -> None:
        self.store = store
        self.records = records
        self.default_request = default_request

    def request_for(self, job: Job) -> ExportRequest:
        if job.export_request is not None:
            return ExportRequest.from_json(job.export_request)
        return self.default_request()

    def export(
        self,
        job: Job,
        formats: Iterable[str],
        out_dir: str | Path | None = None,
        options: export.ExportOptions | None = None,
        *,
        language: str | None = None,
    ) -> ExportOutcome:
        """Write the job's transcript in ``formats``; raises ExportError with a sentence.
        ``language``: default speaker names are said in it (None: as they are stored)."""
        formats = list(formats)
        if not formats:
            return ExportOutcome()
        tid = self.store.id_for_job(job.id)
        if tid is None:
            raise ExportError(
                QT_TRANSLATE_NOOP(
                    "Messages", "“{name}” has no transcript yet, so there is nothing to export."
                ).format(name=job.file_name)
            )
        transcript = self.store.load(tid)
        if language is not None:
            transcript = wording.say_default_names(transcript, language)
        target = Path(out_dir) if out_dir else Path(job.source_path).parent
        outcome = ExportOutcome()
        try:
            target.mkdir(parents=True, exist_ok=True)
            for fmt in formats:
                data = export.render(transcript, fmt, options or export.ExportOptions())
                wanted = target / export.output_name(transcript, fmt)
                path = self._write(job.id, wanted, data, fmt)
                outcome.paths.append(path)
                if path != wanted:
                    outcome.notes.append(FREE_NAME_NOTE.format(taken=wanted.name, chosen=path.name))
        except OSError as exc:
            raise ExportError(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "Could not write the export to “{target}” ({reason}). Choose another output "
                    "folder.",
                ).format(target=target, reason=exc.strerror or exc)
            ) from exc
        return outcome

    def export_owed(self, job: Job) -> ExportOutcome:
        """Write what a done job owes (its request) and record that it is written. A failure
        is recorded as the job's export note and raised as ExportError."""
        request = self.request_for(job)
        try:
            outcome = self.export(
                job,
                request.formats,
                request.out_dir,
                request.options(),
                language=request.language,
            )
        except ExportError as exc:
            self.records.finished(job.id, exc.message)
            raise
        except Exception:
            log.exception("export of job %s failed", job.id)
            self.records.finished(job.id, UNEXPECTED_EXPORT)
            raise ExportError(UNEXPECTED_EXPORT) from None
        self.records.finished(job.id, outcome.note)
        return outcome

    def owed(self) -> list[int]:
        """The done jobs whose export is not written yet (a process stopped in between)."""
        return self.records.owed()

    def paths_of(self, job_id: int, *, since: float = 0.0) -> list[Path]:
        """The files written for the job (those written at ``since`` or later)."""
        return [r.path for r in self.records.of_job(job_id) if r.written_at >= since]

    # ---- writing without overwriting ------------------------------------------------------
    def _write(self, job_id: int, wanted: Path, data: bytes, fmt: str) -> Path:
        digest = hashlib.sha256(data).hexdigest()
        for candidate in export.name_candidates(wanted):
            own = self._is_own_unchanged(job_id, candidate)
            # recorded before writing: a kill right after the write still leaves the file
            # known as this job's (same hash), so the next export replaces it
            previous = self.records.find(job_id, candidate)
            self.records.record(job_id, candidate, fmt, size=len(data), mtime_ns=0, sha256=digest)
            try:
                export.write_bytes(data, candidate, replace=own)
            except BaseException as exc:
                self.records.restore(job_id, candidate, previous)
                if isinstance(exc, FileExistsError):
                    continue
                raise
            stat = candidate.stat()
            self.records.record(
                job_id, candidate, fmt, size=stat.st_size, mtime_ns=stat.st_mtime_ns, sha256=digest
            )
            return candidate
        raise FileExistsError(wanted)

    def _is_own_unchanged(self, job_id: int, path: Path) -> bool:
        record = self.records.find(job_id, path)
        if record is None:
            return False
        try:
            if path.stat().st_size != record.size:
                return False
            return _sha256(path) == record.sha256
        except OSError:
            return False  # gone (then the name is free) or unreadable (then it is not ours)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
