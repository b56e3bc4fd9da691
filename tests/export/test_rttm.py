"""RTTM export: one SPEAKER line per segment with a speaker, names without spaces."""

from __future__ import annotations

from kzdesk.core.transcript import Segment, Speaker, Transcript
from kzdesk.export import FORMATS, output_name, render
from kzdesk.export.rttm import rttm_lines


def _transcript() -> Transcript:
    return Transcript(
        speakers=[
            Speaker(1, "0", "Айгүл Сейітова", "#E69F00"),
            Speaker(2, "1", "Speaker 2", "#56B4E9"),
        ],
        segments=[
            Segment(1, 1, 500, 2750, "Сәлеметсіз бе"),
            Segment(2, 2, 2600, 4000, "Здравствуйте"),
            Segment(3, None, 5000, 6000, "(шум)"),
            Segment(4, 1, 6100, 6100, "?"),
        ],
        title="Жиналыс",
        source_path="/records/Жиналыс 12.11.mp3",
        duration_ms=7000,
    )


def test_rttm_lists_speaker_turns_in_seconds() -> None:
    assert "rttm" in FORMATS
    text = render(_transcript(), "rttm").decode("utf-8")
    assert text.splitlines() == [
        "SPEAKER Жиналыс_12.11 1 0.500 2.250 <NA> <NA> Айгүл_Сейітова <NA> <NA>",
        "SPEAKER Жиналыс_12.11 1 2.600 1.400 <NA> <NA> Speaker_2 <NA> <NA>",
    ]  # the segment without a speaker and the empty one are left out
    assert output_name(_transcript(), "rttm").endswith(".rttm")


def test_rttm_lines_are_sorted_and_every_field_is_one_word() -> None:
    lines = rttm_lines("  ", [(3.0, 4.0, "b b"), (1.0, 2.5, ""), (2.0, 2.0, "empty")])
    assert lines == [
        "SPEAKER recording 1 1.000 1.500 <NA> <NA> speaker <NA> <NA>",
        "SPEAKER recording 1 3.000 1.000 <NA> <NA> b_b <NA> <NA>",
    ]
    assert all(len(line.split()) == 10 for line in lines)
