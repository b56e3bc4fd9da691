"""`kzdesk diarize`: who spoke when as RTTM, without recognition (real models, real audio)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzdesk.cli import build_parser, main
from kzdesk.diarization.pipeline import DiarizationOptions

REAL = Path(__file__).resolve().parents[1] / "data" / "real"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("auto", DiarizationOptions()),
        ("3", DiarizationOptions(num_speakers=3)),
        ("2-5", DiarizationOptions(min_speakers=2, max_speakers=5)),
        ("channels", DiarizationOptions(channels=True)),
    ],
)
def test_speakers_choices(value: str, expected: DiarizationOptions) -> None:
    args = build_parser().parse_args(["diarize", "a.wav", "--speakers", value])
    assert args.speakers == expected


def test_off_is_refused_with_a_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(["diarize", "a.wav", "--speakers", "off"])
    assert "finds no speakers" in capsys.readouterr().err


def test_rttm_files_for_each_recording(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "rttm"
    code = main(
        [
            "--data-dir",
            str(tmp_path / "data"),
            "diarize",
            str(REAL / "call_stereo.flac"),
            "--speakers",
            "channels",
            "--rttm",
            str(out),
        ]
    )
    assert code == 0
    lines = (out / "call_stereo.rttm").read_text(encoding="utf-8").splitlines()
    assert [line.split()[7] for line in lines] == ["channel1", "channel2", "channel1"]
    assert all(line.startswith("SPEAKER call_stereo 1 ") for line in lines)
    starts = [float(line.split()[3]) for line in lines]
    assert starts == sorted(starts) and abs(starts[0] - 0.3) < 0.1  # the left channel first
    assert "call_stereo.flac: 2 speaker(s)" in capsys.readouterr().err


def test_rttm_to_standard_output_with_a_count(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diarize", str(REAL / "dev00.flac"), "--speakers", "2"]) == 0
    captured = capsys.readouterr()
    labels = {line.split()[7] for line in captured.out.splitlines()}
    assert labels == {"speaker1", "speaker2"}
    assert "dev00.flac: 2 speaker(s)" in captured.err


def test_a_missing_file_is_a_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diarize", str(tmp_path / "nothing.wav")]) == 2
    assert "does not exist" in capsys.readouterr().err
