"""Stereo where each channel is a person: speakers follow the channels exactly."""

from __future__ import annotations

from pathlib import Path

from kzdesk.core.engine import Utterance
from kzdesk.core.transcript import Word
from kzdesk.diarization.align import align_utterances
from kzdesk.diarization.pipeline import DiarizationOptions, diarize_audio
from tests.media import bursts_file

LEFT = [(0.5, 1.5), (4.0, 1.0)]
RIGHT = [(2.3, 1.2), (5.5, 1.0)]


def test_two_channels_give_two_speakers_matching_the_channels(tmp_path: Path) -> None:
    path = bursts_file(tmp_path / "call.wav", [], 7.0, channels=2, per_channel=[LEFT, RIGHT])
    result = diarize_audio(str(path), DiarizationOptions(channels=True))
    assert result.speaker_count == 2 and result.method == "channels"
    got = [(t.speaker, round(t.start_s, 1), round(t.end_s, 1)) for t in result.turns]
    want = sorted(
        [(0, s, s + d) for s, d in LEFT] + [(1, s, s + d) for s, d in RIGHT],
        key=lambda t: t[1],
    )
    assert len(got) == len(want)
    for (sp, a, b), (wsp, wa, wb) in zip(got, want, strict=True):
        assert sp == wsp and abs(a - wa) <= 0.05 and abs(b - wb) <= 0.05

    words = [
        Word(f"w{i}", int(s * 1000) + 100, int((s + d) * 1000) - 100)
        for i, (s, d) in enumerate(sorted(LEFT + RIGHT))
    ]
    u = Utterance("0", 0, 7000, " ".join(w.text for w in words), words)
    pieces = align_utterances([u], result.turns)
    assert [p.speaker for p in pieces] == [0, 1, 0, 1]


def test_runs_in_a_child_process_with_progress_and_cancellation(tmp_path: Path) -> None:
    import pytest

    from kzdesk.audio.errors import Cancelled
    from kzdesk.diarization.process import diarize_in_subprocess

    path = bursts_file(tmp_path / "call.wav", [], 7.0, channels=2, per_channel=[LEFT, RIGHT])
    seen: list[float] = []
    result = diarize_in_subprocess(
        str(path),
        DiarizationOptions(channels=True),
        duration_s=7.0,
        progress=lambda f, _stage: seen.append(f),
    )
    assert result.speaker_count == 2 and seen[-1] == 1.0
    with pytest.raises(Cancelled):
        diarize_in_subprocess(str(path), DiarizationOptions(), cancelled=lambda: True)
