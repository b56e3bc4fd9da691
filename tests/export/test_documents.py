from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from kzdesk.core.transcript import Segment, Transcript
from kzdesk.export import ExportLabels, ExportOptions, render
from kzdesk.export.turns import turns
from tests.export.samples import interview

STAMP = re.compile(r"^\[\d\d:\d\d:\d\d\] ")


def open_docx(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def body(document: docx.document.Document) -> list[docx.text.paragraph.Paragraph]:
    """Paragraphs after the metadata block (which ends with an empty paragraph)."""
    paras = document.paragraphs
    blank = next(i for i, p in enumerate(paras) if not p.text)
    return paras[blank + 1 :]


def runs_of_one_speaker(t: Transcript) -> int:
    ids = [s.speaker_id for s in sorted(t.segments, key=lambda s: s.start_ms)]
    return sum(1 for i, sid in enumerate(ids) if i == 0 or sid != ids[i - 1])


def test_docx_has_title_metadata_and_bold_speakers() -> None:
    t = interview()
    document = open_docx(render(t, "docx"))
    assert document.core_properties.title == t.title
    assert document.paragraphs[0].text == t.title
    assert document.paragraphs[0].style.name == "Heading 1"
    meta = "\n".join(p.text for p in document.paragraphs[1:6])
    assert "сұхбат_2024.m4a" in meta and "/home/user" not in meta
    assert "01.05.2024" in meta or "02.05.2024" in meta  # local date of 2024-05-01 12:00 UTC
    assert "Спикер 1, Спикер 2" in meta
    paras = body(document)
    assert len(paras) == len(turns(t))
    for para, turn in zip(paras, turns(t), strict=True):
        assert STAMP.match(para.text)
        bold = [r.text for r in para.runs if r.bold]
        assert bold == ([turn.speaker_name] if turn.speaker_name else [])
        assert para.text.endswith(turn.text)
    assert any("қ" in p.text for p in paras)


def test_docx_font_covers_kazakh_in_every_script_slot() -> None:
    document = open_docx(render(interview(), "docx"))
    fonts = document.styles["Normal"].element.rPr.rFonts
    for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
        assert fonts.get(f"{{{fonts.nsmap['w']}}}{attr}") == "Arial"
    heading = document.styles["Heading 1"].element.rPr.rFonts
    assert not any("Theme" in key for key in heading.attrib)


def test_docx_timestamps_and_merge_options() -> None:
    t = interview()
    t.segments[1].speaker_id = 1  # speaker 1 now holds segments 1-3 in a row
    merged = body(open_docx(render(t, "docx")))
    separate = body(open_docx(render(t, "docx", ExportOptions(merge_turns=False))))
    assert len(separate) == len(t.segments)
    assert len(merged) == runs_of_one_speaker(t) == len(t.segments) - 2
    plain = body(open_docx(render(t, "docx", ExportOptions(timestamps=False))))
    assert not any(STAMP.match(p.text) for p in plain)
    assert all(STAMP.match(p.text) for p in merged)


def test_docx_labels_can_be_translated() -> None:
    labels = ExportLabels(source="Файл", date="Күні", duration="Ұзақтығы", speakers="Спикерлер")
    document = open_docx(render(interview(), "docx", ExportOptions(labels=labels)))
    meta = [p.text for p in document.paragraphs[1:5]]
    assert meta[0].startswith("Файл: ") and meta[-1].startswith("Спикерлер: ")


def test_docx_survives_characters_xml_cannot_hold() -> None:
    t = Transcript(title="A\x00B\x0b")
    t.segments.append(Segment(1, None, 0, 1000, "бір\x01екі"))
    document = open_docx(render(t, "docx"))
    assert document.core_properties.title == "AB"
    assert body(document)[0].text == "[00:00:00] бірекі"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_docx_converts_with_libreoffice(tmp_path: Path) -> None:
    src = tmp_path / "сұхбат.docx"
    src.write_bytes(render(interview(), "docx"))
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(src)],
        check=True,
        timeout=120,
        capture_output=True,
    )
    assert (tmp_path / "сұхбат.pdf").stat().st_size > 1000


def test_txt_paragraphs_with_and_without_timestamps() -> None:
    t = interview()
    text = render(t, "txt").decode("utf-8")
    paras = text.rstrip("\n").split("\n\n")
    assert len(paras) == len(turns(t))
    assert paras[0] == "[00:00:00] Спикер 1: Сәлеметсіз бе, құрметті тыңдармандар!"
    assert paras[-1].endswith("] [музыка]")  # a segment without a speaker has no name
    bare = render(t, "txt", ExportOptions(timestamps=False)).decode("utf-8")
    assert bare.startswith("Спикер 1: Сәлеметсіз бе")
    assert not re.search(r"^\[\d", bare, re.MULTILINE)


def test_txt_merge_turns() -> None:
    t = interview()
    t.segments[1].speaker_id = 1
    merged = render(t, "txt").decode().strip().split("\n\n")
    separate = render(t, "txt", ExportOptions(merge_turns=False)).decode().strip().split("\n\n")
    assert len(separate) == len(t.segments)
    assert len(merged) == runs_of_one_speaker(t) == len(t.segments) - 2
    assert merged[0].count("Спикер 1:") == 1
