from __future__ import annotations

import io
import json
import os
import random
from pathlib import Path

import docx
import pytest

from kzdesk.core.transcript import Segment, Transcript, Word
from kzdesk.export import (
    FORMATS,
    ExportOptions,
    TranscriptFormatError,
    export_file,
    output_name,
    render,
    transcript_from_json,
)
from tests.export.samples import interview, random_transcript


def test_json_round_trip_is_identical() -> None:
    t = interview()
    t.segments[0].words[0].confidence = None
    t.segments[2].language = None
    data = render(t, "json")
    assert transcript_from_json(data) == t
    assert transcript_from_json(data.decode("utf-8")) == t
    assert "Сәлеметсіз".encode() in data  # ensure_ascii=False
    doc = json.loads(data)
    assert doc["version"] == 1
    assert doc["speakers"][0] == {"id": 1, "label": "0", "name": "Спикер 1", "color": "#E69F00"}
    words = doc["segments"][0]["words"]
    assert set(words[1]) == {"text", "start_ms", "end_ms", "confidence", "checked"}


def test_json_language_is_what_was_heard() -> None:
    """The transcript's language is the set of languages its segments were heard in, the most
    spoken first — not the setting the job asked for; each segment keeps its own."""
    t = interview()  # every segment marked "kk"
    t.language = "kk-ru"  # what the job asked for
    for seg in t.segments[1::2]:
        seg.language = "ru-RU"
    doc = json.loads(render(t, "json"))
    spoken = {"kk": 0, "ru": 0}
    for seg in t.segments:
        if seg.language:
            spoken[seg.language[:2]] += seg.end_ms - seg.start_ms
    first, second = sorted(spoken, key=lambda code: -spoken[code])
    assert doc["language"] == f"{first}+{second}"
    assert doc["languages"] == [first, second]
    assert [s["language"] for s in doc["segments"]][:2] == ["kk", "ru-RU"]
    assert transcript_from_json(render(t, "json")).language == f"{first}+{second}"


@pytest.mark.parametrize("seed", range(20))
def test_json_round_trip_random(seed: int) -> None:
    t = random_transcript(random.Random(seed))
    assert transcript_from_json(render(t, "json")) == t


def test_json_import_rejects_other_files_with_a_sentence() -> None:
    with pytest.raises(TranscriptFormatError, match="not readable JSON"):
        transcript_from_json(b"\xff\xfe not json")
    with pytest.raises(TranscriptFormatError, match="not a kzdesk transcript"):
        transcript_from_json('{"segments": []}')
    newer = json.loads(render(interview(), "json"))
    newer["version"] = 99
    with pytest.raises(TranscriptFormatError, match="newer kzdesk"):
        transcript_from_json(json.dumps(newer))
    broken = json.loads(render(interview(), "json"))
    broken["segments"][0]["start_ms"] = "soon"
    with pytest.raises(TranscriptFormatError, match="damaged"):
        transcript_from_json(json.dumps(broken))


def test_rename_reaches_every_format() -> None:
    t = interview()
    t.rename_speaker(2, "Дәурен Қасымұлы")
    opts = ExportOptions(speaker_prefix=True)
    for fmt in FORMATS:
        data = render(t, fmt, opts)
        if fmt == "docx":
            document = docx.Document(io.BytesIO(data))
            text = "\n".join(p.text for p in document.paragraphs)
            bold = {r.text for p in document.paragraphs for r in p.runs if r.bold}
            assert "Дәурен Қасымұлы" in bold
        else:
            text = data.decode("utf-8")
        if fmt == "rttm":  # RTTM fields hold no spaces: names are written with "_"
            text = text.replace("_", " ")
        assert "Дәурен Қасымұлы" in text, fmt
        assert "Спикер 2" not in text, fmt


def test_names_come_from_speakers_not_text() -> None:
    t = Transcript()
    t.add_speaker("0", "Айгүл")
    t.segments.append(
        Segment(
            1, 1, 0, 1500, "Ерлан: сәлем", None, [Word("Ерлан:", 0, 500), Word("сәлем", 500, 1500)]
        )
    )
    t.segments.append(Segment(2, None, 2000, 3000, "жауап жоқ"))
    txt = render(t, "txt").decode()
    assert "Айгүл: Ерлан: сәлем" in txt
    assert "\n\n[00:00:02] жауап жоқ\n" in txt


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Сұхбат: Қостанай / 2024", "Сұхбат_Қостанай_2024.docx"),
        ('a<b>c:"d"|e?f*g\\h/i', "a_b_c_d_e_f_g_h_i.docx"),
        ("../../etc/passwd", "etc_passwd.docx"),
        ("  ..  ", "жазба.docx"),
        ("CON", "_CON.docx"),
        ("nul.txt", "_nul.txt.docx"),
        ("Әңгіме\tжәне\nүнсіз  ұзақ", "Әңгіме және үнсіз ұзақ.docx"),
        ("ғ" * 300, "ғ" * 100 + ".docx"),
    ],
)
def test_output_name_is_safe(title: str, expected: str) -> None:
    t = Transcript(title=title, source_path="C:\\Users\\Ақбота\\жазба.mp3")
    assert output_name(t, "docx") == expected


def test_output_name_falls_back_to_source_stem_then_generic() -> None:
    assert output_name(Transcript(source_path="/x/y/Қазақ радиосы.v2.m4a"), "SRT") == (
        "Қазақ радиосы.v2.srt"
    )
    assert output_name(Transcript(), ".vtt") == "Transcript.vtt"
    with pytest.raises(ValueError, match="Choose one of"):
        output_name(Transcript(), "pdf")
    with pytest.raises(ValueError, match="Choose one of"):
        render(Transcript(), "doc")


def test_export_file_writes_atomically(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    t = interview()
    target = tmp_path / "шығыс.txt"
    assert export_file(t, "txt", target) == target
    assert target.read_bytes() == render(t, "txt")

    # a failing replace leaves the old file whole and no temporary file behind
    def fail(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    t.rename_speaker(1, "Жаңа")
    with pytest.raises(OSError, match="disk full"):
        export_file(t, "txt", target)
    monkeypatch.undo()
    assert target.read_bytes() == render(interview(), "txt")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["шығыс.txt"]


def test_export_file_into_a_folder_uses_output_name(tmp_path: Path) -> None:
    t = interview()
    for fmt in FORMATS:
        path = export_file(t, fmt, tmp_path)
        assert path.parent == tmp_path and path.name == output_name(t, fmt)
        assert path.read_bytes() == render(t, fmt) or fmt == "docx"
    assert len(list(tmp_path.iterdir())) == len(FORMATS)


def test_exports_carry_confidence_and_checked_in_json_and_no_underline_anywhere() -> None:
    t = interview()
    words = t.segments[0].words
    words[0].confidence, words[0].checked = 0.21, False  # uncertain: underlined in the editor
    words[1].confidence, words[1].checked = 0.35, True  # confirmed by the user
    doc = json.loads(render(t, "json"))
    first = doc["segments"][0]["words"]
    assert (first[0]["confidence"], first[0]["checked"]) == (0.21, False)
    assert (first[1]["confidence"], first[1]["checked"]) == (0.35, True)
    assert transcript_from_json(render(t, "json")) == t
    document = docx.Document(io.BytesIO(render(t, "docx")))
    assert not any(run.underline for p in document.paragraphs for run in p.runs)
    for fmt in ("srt", "vtt", "txt"):
        assert "0.21" not in render(t, fmt).decode("utf-8")
