from __future__ import annotations

import pytest

from kzdesk.core.job import Job, SpeakersMode, speakers_choice


@pytest.mark.parametrize(
    ("text", "mode", "options"),
    [
        ("auto", SpeakersMode.AUTO, {}),
        ("channels", SpeakersMode.CHANNELS, {}),
        ("off", SpeakersMode.OFF, {}),
        ("3", SpeakersMode.COUNT, {"speakers_count": 3}),
        ("2-8", SpeakersMode.RANGE, {"speakers_min": 2, "speakers_max": 8}),
        ("range", SpeakersMode.RANGE, {"speakers_min": 2, "speakers_max": 8}),
    ],
)
def test_speakers_choice(text: str, mode: SpeakersMode, options: dict[str, int]) -> None:
    assert speakers_choice(text) == (mode, options)


@pytest.mark.parametrize("text", ["0", "21", "8-2", "two", "count", "2-", ""])
def test_speakers_choice_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        speakers_choice(text)


def test_which_jobs_find_speakers_here() -> None:
    def job(mode: SpeakersMode, engine: str = "speechkit", **options: int) -> Job:
        return Job(1, "a.wav", speakers=mode, engine=engine, options=dict(options))

    assert not job(SpeakersMode.AUTO).diarizes_locally  # SpeechKit labels its own
    assert job(SpeakersMode.AUTO, "whisper").diarizes_locally
    assert job(SpeakersMode.COUNT, speakers_count=3).diarizes_locally
    assert job(SpeakersMode.COUNT, speakers_count=3).speakers_count == 3
    assert job(SpeakersMode.RANGE, speakers_min=5, speakers_max=3).speakers_range == (3, 5)
    assert job(SpeakersMode.AUTO, "whisper").speakers_range == (1, 8)  # one voice is an answer
    assert not job(SpeakersMode.CHANNELS, "whisper").diarizes_locally
    assert not job(SpeakersMode.OFF, "whisper").diarizes_locally
