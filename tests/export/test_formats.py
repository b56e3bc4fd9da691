"""The table of export formats: a format registered once reaches every place that lists, parses
or writes formats — the Export dialog, Settings → Export, the command line and the exports of
finished jobs."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from kzdesk import cli, export
from kzdesk.core import timecode
from kzdesk.core.i18n import QT_TRANSLATE_NOOP
from kzdesk.core.job import JobState
from kzdesk.core.transcript import Segment, Speaker, Transcript
from kzdesk.export import ExportFormat, ExportOptions, formats
from kzdesk.services.exporting import ExportRequest, JobExporter, parse_formats
from kzdesk.storage.db import Database
from kzdesk.storage.export_records import ExportRecords
from kzdesk.storage.job_queue import JobQueue
from kzdesk.storage.transcripts import TranscriptStore


# ---- the toy format: what a new format's module holds ----------------------------------------
def render_csv(transcript: Transcript, options: ExportOptions) -> bytes:
    """One row per segment: (start,) speaker, text."""
    out = io.StringIO()
    rows = csv.writer(out, lineterminator="\n")
    for segment in transcript.segments:
        speaker = transcript.speaker(segment.speaker_id)
        name = speaker.name if speaker else ""
        start = [timecode.clock(segment.start_ms)] if options.timestamps else []
        rows.writerow([*start, name, segment.text])
    return out.getvalue().encode("utf-8")


CSV = ExportFormat(
    "csv", QT_TRANSLATE_NOOP("ExportFormats", "CS&V table"), render_csv, {"timestamps"}
)


@pytest.fixture
def toy() -> Iterator[ExportFormat]:
    formats.register(CSV)  # the registry line
    yield CSV
    formats.unregister(CSV.name)


def _transcript(source: Path | None = None) -> Transcript:
    return Transcript(
        title="Жиналыс",
        source_path=str(source) if source else "",
        duration_ms=4000,
        speakers=[Speaker(1, "0", "Айгүл", "#0072B2")],
        segments=[
            Segment(1, 1, 0, 1500, "Сәлем, әріптестер."),
            Segment(2, 1, 2000, 3900, "Бастайық."),
        ],
    )


EXPECTED = '00:00:00,Айгүл,"Сәлем, әріптестер."\n00:00:02,Айгүл,Бастайық.\n'


# ---- the table itself -------------------------------------------------------------------------
def test_the_built_in_formats_in_the_order_the_dialogs_show_them() -> None:
    assert list(export.FORMATS) == ["docx", "srt", "vtt", "txt", "json", "rttm"]
    assert export.FORMATS[:2] == ("docx", "srt")
    assert "csv" not in export.FORMATS
    assert [f.extension for f in formats.all_formats()] == list(export.FORMATS)
    assert formats.get(".SRT").name == "srt"


def test_a_format_must_name_real_options_and_be_registered_once() -> None:
    with pytest.raises(ValueError, match="no such export options"):
        ExportFormat("odt", "ODT", render_csv, {"page_size"})
    with pytest.raises(ValueError, match="lower case"):
        ExportFormat(".ODT", "ODT", render_csv)
    with pytest.raises(ValueError, match="registered already"):
        formats.register(formats.get("docx"))


def test_an_unknown_format_is_refused_with_the_list_of_formats() -> None:
    with pytest.raises(ValueError, match="Choose one of: docx, srt, vtt, txt, json, rttm"):
        export.render(_transcript(), "csv")


def test_the_extension_may_differ_from_the_name(tmp_path: Path) -> None:
    sheet = ExportFormat("sheet", "Sheet", render_csv, extension="csv")
    formats.register(sheet)
    try:
        assert export.output_name(_transcript(), "sheet") == "Жиналыс.csv"
        assert export.export_file(_transcript(), "sheet", tmp_path).name == "Жиналыс.csv"
    finally:
        formats.unregister("sheet")


# ---- a registered format reaches everything ---------------------------------------------------
def test_render_and_files_write_the_new_format(toy: ExportFormat, tmp_path: Path) -> None:
    assert "csv" in export.FORMATS and export.FORMATS[-1] == "csv"
    assert export.render(_transcript(), "CSV").decode("utf-8") == EXPECTED
    path = export.export_file(_transcript(), "csv", tmp_path, ExportOptions(timestamps=False))
    assert path.name == "Жиналыс.csv"
    assert path.read_text(encoding="utf-8").startswith('Айгүл,"Сәлем, әріптестер."\n')


def test_the_command_line_lists_and_accepts_it(
    toy: ExportFormat, capsys: pytest.CaptureFixture[str]
) -> None:
    for command in ("transcribe", "resume", "export"):
        with pytest.raises(SystemExit):
            cli.build_parser().parse_args([command, "--help"])
        help_text = " ".join(capsys.readouterr().out.split())
        assert "docx: Word (.docx);" in help_text and "; csv: CSV table)" in help_text
    assert parse_formats("docx,.CSV") == ["docx", "csv"]


def test_finished_jobs_are_exported_to_it(toy: ExportFormat, tmp_path: Path) -> None:
    db = Database.in_dir(tmp_path / "data")
    try:
        queue, store = JobQueue(db), TranscriptStore(db)
        source = tmp_path / "rec" / "meeting.wav"
        source.parent.mkdir()
        source.write_bytes(b"RIFF")
        job = queue.enqueue(source)
        store.save(_transcript(source), job_id=job.id)
        for state in (JobState.CONVERTING, JobState.UPLOADING, JobState.RECOGNIZING):
            queue.move(job.id, state)
        job = queue.move(job.id, JobState.DONE)
        exporter = JobExporter(store, ExportRecords(db), lambda: ExportRequest(("txt", "csv")))
        outcome = exporter.export_owed(job)
        assert sorted(p.name for p in outcome.paths) == ["Жиналыс.csv", "Жиналыс.txt"]
        assert (tmp_path / "rec" / "Жиналыс.csv").read_text(encoding="utf-8") == EXPECTED
    finally:
        db.close()


def test_the_export_dialog_offers_it_with_the_options_it_reads(
    toy: ExportFormat, tmp_path: Path, qtbot
) -> None:
    from kzdesk.ui.dialogs.export_dialog import ExportDialog

    dialog = ExportDialog(_transcript(), tmp_path, formats=["csv"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    check = dialog.format_checks["csv"]
    assert check.objectName() == "format_csv" and check.text() == "CS&V table"
    assert dialog.chosen_formats() == ["csv"]
    # the toy reads the timestamps choice (a document option), no subtitle rule
    assert dialog.document_group.isVisible() and not dialog.subtitle_group.isVisible()
    assert not dialog.speaker_names_check.isEnabled()
    assert dialog.files_label.text().count("Жиналыс.csv") == 1
    with qtbot.waitSignal(dialog.exported, timeout=10000) as blocker:
        dialog.accept()
    assert [p.name for p in blocker.args[0]] == ["Жиналыс.csv"]
    assert (tmp_path / "Жиналыс.csv").read_text(encoding="utf-8") == EXPECTED


def test_settings_offer_it_for_automatic_exports(toy: ExportFormat, qtbot) -> None:
    from kzdesk.services.settings import Settings
    from kzdesk.ui.dialogs.export_settings_page import ExportSettingsPage

    page = ExportSettingsPage()
    qtbot.addWidget(page)
    page.load(Settings(auto_export=["csv"]))
    assert list(page.format_checks) == [*formats.FORMATS]
    assert page.format_checks["csv"].objectName() == "export_csv"
    assert page.format_checks["csv"].isChecked() and not page.format_checks["docx"].isChecked()
    assert page.apply(Settings()).auto_export == ["csv"]
