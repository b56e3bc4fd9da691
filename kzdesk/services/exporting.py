"""Export a finished job's transcript (with its current, edited speakers and text)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from kzdesk import export
from kzdesk.core.i18n import QT_TRANSLATE_NOOP
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
            QT_TRANSLATE_NOOP(
                "Messages", "Unknown export format “{unknown}”. Choose from: {formats}."
            ).format(unknown=", ".join(unknown), formats=", ".join(export.FORMATS))
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
            QT_TRANSLATE_NOOP(
                "Messages", "“{name}” has no transcript yet, so there is nothing to export."
            ).format(name=job.file_name)
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
            QT_TRANSLATE_NOOP(
                "Messages",
                "Could not write the export to “{target}” ({reason}). Choose another output "
                "folder.",
            ).format(target=target, reason=exc.strerror or exc)
        ) from exc
