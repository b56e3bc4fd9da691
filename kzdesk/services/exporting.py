"""Export a finished job's transcript (with its current, edited speakers and text)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from kzdesk import export
from kzdesk.core.job import Job
from kzdesk.storage.transcripts import TranscriptStore


class ExportError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def parse_formats(text: str) -> list[str]:
    formats = [f.strip().lower().lstrip(".") for f in text.split(",") if f.strip()]
    unknown = [f for f in formats if f not in export.FORMATS]
    if unknown:
        raise ExportError(
            f"Unknown export format “{', '.join(unknown)}”. Choose from: {', '.join(export.FORMATS)}."
        )
    return formats


def export_job(
    store: TranscriptStore,
    job: Job,
    formats: Iterable[str],
    out_dir: str | Path | None = None,
    options: export.ExportOptions | None = None,
) -> list[Path]:
    tid = store.id_for_job(job.id)
    if tid is None:
        raise ExportError(
            f"“{job.file_name}” has no transcript yet, so there is nothing to export."
        )
    transcript = store.load(tid)
    target = Path(out_dir) if out_dir else Path(job.source_path).parent
    try:
        target.mkdir(parents=True, exist_ok=True)
        return [
            export.export_file(
                transcript,
                fmt,
                target / export.output_name(transcript, fmt),
                options or export.ExportOptions(),
            )
            for fmt in formats
        ]
    except OSError as exc:
        raise ExportError(
            f"Could not write the export to “{target}” ({exc.strerror or exc}). "
            "Choose another output folder."
        ) from exc
