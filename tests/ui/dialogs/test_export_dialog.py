from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl

from kzdesk.core.transcript import Segment, Speaker, Transcript
from kzdesk.export import ExportOptions
from kzdesk.ui.dialogs.export_dialog import ExportDialog


def _transcript() -> Transcript:
    t = Transcript(
        speakers=[
            Speaker(1, "0", "Speaker 1", "#E69F00"),
            Speaker(2, "1", "Speaker 2", "#56B4E9"),
        ],
        segments=[
            Segment(1, 1, 0, 2500, "Бүгін біз бюджетті талқылаймыз."),
            Segment(2, 2, 3000, 6000, "Хорошо, давайте начнём с первого вопроса."),
            Segment(3, 1, 6500, 8000, "Келісемін."),
        ],
        title="Жиналыс 12.11",
        duration_ms=8000,
    )
    t.rename_speaker(1, "Айгүл")  # as the editor leaves it: names are current
    return t


@pytest.fixture
def dialog(tmp_path: Path, qtbot) -> ExportDialog:
    d = ExportDialog(_transcript(), tmp_path, formats=["docx"])
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def _tick(dialog: ExportDialog, *formats: str) -> None:
    for fmt, check in dialog.format_checks.items():
        check.setChecked(fmt in formats)


def _docx_text(path: Path) -> str:
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as z:
        return z.read("word/document.xml").decode("utf-8")


def test_defaults_come_from_the_transcript_and_previous_choices(tmp_path: Path, qtbot) -> None:
    previous = ExportOptions(timestamps=False, max_line_chars=37, min_cue_ms=1500)
    d = ExportDialog(_transcript(), tmp_path, options=previous, formats=["SRT", "txt"])
    qtbot.addWidget(d)
    assert d.chosen_formats() == ["srt", "txt"]
    assert d.base_name() == "Жиналыс 12.11"
    assert d.output_folder() == tmp_path
    opts = d.options()
    assert (opts.timestamps, opts.max_line_chars, opts.min_cue_ms) == (False, 37, 1500)
    assert d.files_label.text().splitlines() == ["Жиналыс 12.11.srt", "Жиналыс 12.11.txt"]


def test_a_given_base_name_is_made_safe_for_a_file_name(tmp_path: Path, qtbot) -> None:
    d = ExportDialog(_transcript(), tmp_path, base_name="Жиналыс 12/11: бюджет")
    qtbot.addWidget(d)
    assert d.base_name() == "Жиналыс 12_11_бюджет"
    assert d.ok_button.isEnabled()


def test_ticked_formats_decide_which_options_show(dialog: ExportDialog) -> None:
    assert dialog.document_group.isVisible() and not dialog.subtitle_group.isVisible()
    _tick(dialog, "vtt")
    assert not dialog.document_group.isVisible() and dialog.subtitle_group.isVisible()
    assert not dialog.speaker_names_check.isEnabled()  # SRT only: VTT always has voice tags
    _tick(dialog, "srt", "txt")
    assert dialog.document_group.isVisible() and dialog.subtitle_group.isVisible()
    assert dialog.speaker_names_check.isEnabled()
    _tick(dialog, "json")
    assert not dialog.document_group.isVisible() and not dialog.subtitle_group.isVisible()
    assert dialog.ok_button.isEnabled()
    _tick(dialog)
    assert not dialog.ok_button.isEnabled()
    assert "at least one format" in dialog.problems_label.text()


def test_invalid_subtitle_options_are_explained_and_block_ok(dialog: ExportDialog) -> None:
    _tick(dialog, "srt")
    dialog.min_cue_spin.setValue(9.0)
    dialog.max_cue_spin.setValue(5.0)
    assert not dialog.ok_button.isEnabled()
    assert dialog.problems_label.isVisible()
    assert "shortest cue" in dialog.problems_label.text()
    with pytest.raises(ValueError):
        dialog.options()
    dialog.max_cue_spin.setValue(10.0)
    assert dialog.ok_button.isEnabled()
    assert not dialog.problems_label.isVisible()
    # subtitle rules do not matter while no subtitle format is ticked
    dialog.max_cue_spin.setValue(5.0)
    _tick(dialog, "docx")
    assert dialog.ok_button.isEnabled()


def test_bad_file_names_are_refused(dialog: ExportDialog) -> None:
    dialog.name_edit.setText("a/b")
    assert not dialog.ok_button.isEnabled()
    dialog.name_edit.setText("")
    assert "file name" in dialog.problems_label.text()


def test_export_writes_every_format_with_the_current_speaker_names(tmp_path: Path, qtbot) -> None:
    out = tmp_path / "new folder"
    d = ExportDialog(_transcript(), out, formats=["docx", "srt", "vtt", "txt", "json"])
    qtbot.addWidget(d)
    d.show()
    d.speaker_names_check.setChecked(True)
    opened: list[QUrl] = []
    d.open_url = opened.append
    with qtbot.waitSignal(d.exported, timeout=10000) as blocker:
        d.ok_button.click()
    paths = blocker.args[0]
    assert sorted(p.name for p in paths) == sorted(
        f"Жиналыс 12.11.{f}" for f in ("docx", "srt", "vtt", "txt", "json")
    )
    assert all(p.parent == out for p in paths)
    assert "Айгүл" in _docx_text(out / "Жиналыс 12.11.docx")
    assert "Айгүл: " in (out / "Жиналыс 12.11.srt").read_text("utf-8")
    assert "<v Айгүл>" in (out / "Жиналыс 12.11.vtt").read_text("utf-8")
    assert "Speaker 1" not in (out / "Жиналыс 12.11.txt").read_text("utf-8")
    assert "5 file" in d.result_label.text()
    assert d.open_folder_button.isVisible() and not d.ok_button.isVisible()
    d.open_folder_button.click()
    assert opened == [QUrl.fromLocalFile(str(out))]
    d.cancel_button.click()  # "Close": the choices are worth remembering
    assert d.result() == ExportDialog.DialogCode.Accepted


def test_existing_files_get_new_names_unless_the_user_says_replace(
    dialog: ExportDialog, tmp_path: Path, qtbot
) -> None:
    """After auto-export wrote the pre-edit DOCX, Export works at once: the choice is explicit
    (new names by default, or Replace), the Files line shows what will be written, and the
    hint is gone once the export is written."""
    existing = tmp_path / "Жиналыс 12.11.docx"
    existing.write_bytes(b"old")
    _tick(dialog, "docx", "txt")
    assert dialog.exists_label.isVisible()
    assert "Жиналыс 12.11.docx" in dialog.exists_label.text()
    assert "txt" not in dialog.exists_label.text()
    assert dialog.new_names_radio.isVisible() and dialog.new_names_radio.isChecked()
    assert dialog.ok_button.isEnabled()
    assert dialog.files_label.text().splitlines() == ["Жиналыс 12.11 (2).docx", "Жиналыс 12.11.txt"]
    with qtbot.waitSignal(dialog.exported, timeout=10000) as blocker:
        dialog.ok_button.click()
    assert existing.read_bytes() == b"old"  # never replaced without being asked
    assert "Айгүл" in _docx_text(tmp_path / "Жиналыс 12.11 (2).docx")
    assert sorted(p.name for p in blocker.args[0]) == [
        "Жиналыс 12.11 (2).docx",
        "Жиналыс 12.11.txt",
    ]
    assert not dialog.exists_label.isVisible() and not dialog.replace_radio.isVisible()


def test_replace_writes_over_the_existing_files(
    dialog: ExportDialog, tmp_path: Path, qtbot
) -> None:
    existing = tmp_path / "Жиналыс 12.11.docx"
    existing.write_bytes(b"old")
    dialog.replace_radio.setChecked(True)
    assert dialog.files_label.text() == "Жиналыс 12.11.docx"
    with qtbot.waitSignal(dialog.exported, timeout=10000):
        dialog.ok_button.click()
    assert "Айгүл" in _docx_text(existing)
    assert not (tmp_path / "Жиналыс 12.11 (2).docx").exists()


def test_words_of_the_export_are_in_the_export_language(tmp_path: Path, qtbot) -> None:
    t = _transcript()  # speaker 2 is still called "Speaker 2"
    d = ExportDialog(t, tmp_path, formats=["docx", "txt"], language="kk")
    qtbot.addWidget(d)
    with qtbot.waitSignal(d.exported, timeout=10000):
        d.ok_button.click()
    document = _docx_text(tmp_path / "Жиналыс 12.11.docx")
    assert "Бастапқы файл" in document or "Ұзақтығы" in document  # labels in Kazakh
    assert "Сөйлеушілер" in document and "Speakers" not in document
    text = (tmp_path / "Жиналыс 12.11.txt").read_text("utf-8")
    assert "Сөйлеуші 2: " in text and "Speaker 2" not in text
    assert "Айгүл: " in text  # a name someone typed stays as it is
    assert t.speakers[1].name == "Speaker 2"  # the transcript itself is not changed


def test_a_folder_that_cannot_be_made_is_reported_and_the_dialog_stays(
    dialog: ExportDialog, tmp_path: Path, qtbot
) -> None:
    blocker_file = tmp_path / "not a folder"
    blocker_file.write_text("x")
    dialog.folder_edit.setText(str(blocker_file / "sub"))
    assert dialog.ok_button.isEnabled()
    dialog.ok_button.click()
    assert dialog.is_busy() or "Could not write" in dialog.problems_label.text()
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=10000)
    assert dialog.isVisible()
    assert "Could not write" in dialog.problems_label.text()
    assert "Choose another folder" in dialog.problems_label.text()
    assert dialog.ok_button.isEnabled() and dialog.folder_edit.isEnabled()


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root ignores file permissions"
)
def test_an_unwritable_folder_is_reported_in_a_sentence(
    dialog: ExportDialog, tmp_path: Path, qtbot
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        dialog.folder_edit.setText(str(locked))
        dialog.ok_button.click()
        qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=10000)
        text = dialog.problems_label.text()
        assert "Could not write “Жиналыс 12.11.docx”" in text
        assert str(locked) in text
        assert dialog.isVisible()
    finally:
        locked.chmod(0o700)


def test_browse_fills_the_folder(
    dialog: ExportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = tmp_path / "exports"
    chosen.mkdir()
    monkeypatch.setattr(
        "kzdesk.ui.dialogs.export_output.QFileDialog.getExistingDirectory",
        lambda *args, **kwargs: str(chosen),
    )
    dialog.browse_button.click()
    assert dialog.output_folder() == chosen
    assert str(chosen) == dialog.files_label.toolTip()


def test_a_refused_write_gives_the_system_reason(
    dialog: ExportDialog, tmp_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object, **_kwargs: object) -> Path:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("kzdesk.export.export_file", refuse)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=10000)
    text = dialog.problems_label.text()
    assert f"Could not write “Жиналыс 12.11.docx” in “{tmp_path}” (Permission denied)" in text
    assert dialog.isVisible() and dialog.ok_button.isEnabled()


def test_cancel_while_writing_stops_after_the_current_file(
    dialog: ExportDialog, tmp_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from kzdesk import export

    entered, gate = threading.Event(), threading.Event()
    real = export.export_file

    def slow(*args: object, **kwargs: object) -> Path:
        entered.set()
        gate.wait(10)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("kzdesk.export.export_file", slow)
    _tick(dialog, "docx", "srt", "txt")
    dialog.ok_button.click()
    assert dialog.is_busy() and dialog.progress.isVisible()
    assert not dialog.ok_button.isEnabled() and not dialog.folder_edit.isEnabled()
    assert entered.wait(10)  # the first file is being written
    dialog.reject()
    assert dialog.isVisible() and not dialog.cancel_button.isEnabled()
    with qtbot.waitSignal(dialog.exported, timeout=10000) as blocker:
        gate.set()
    assert [p.name for p in blocker.args[0]] == ["Жиналыс 12.11.docx"]
    assert not (tmp_path / "Жиналыс 12.11.srt").exists()
    assert dialog.result() == ExportDialog.DialogCode.Accepted
    assert not dialog.isVisible()
