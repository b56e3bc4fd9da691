from __future__ import annotations

import pytest

from kzdesk.cli import build_parser
from kzdesk.core.job import SpeakersMode


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("auto", (SpeakersMode.AUTO, {})),
        ("channels", (SpeakersMode.CHANNELS, {})),
        ("off", (SpeakersMode.OFF, {})),
        ("3", (SpeakersMode.COUNT, {"speakers_count": 3})),
        ("2-5", (SpeakersMode.RANGE, {"speakers_min": 2, "speakers_max": 5})),
    ],
)
def test_speakers_option(value: str, expected) -> None:  # type: ignore[no-untyped-def]
    args = build_parser().parse_args(["transcribe", "a.wav", "--speakers", value])
    assert args.speakers == expected


def test_a_wrong_speakers_value_is_a_sentence(capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit):
        build_parser().parse_args(["transcribe", "a.wav", "--speakers", "9-2"])
    assert "the smallest number of people must come first" in capsys.readouterr().err
