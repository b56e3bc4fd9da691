"""Channels are named by their number: Channel 1 is the left (first) channel, always."""

from __future__ import annotations

from pathlib import Path

from kzdesk.core.engine import AudioPiece, Utterance
from kzdesk.core.job import Job, SpeakersMode
from kzdesk.core.transcript import Segment, Transcript, Word
from kzdesk.diarization.align import align_transcript
from kzdesk.diarization.pipeline import DiarizationOptions, diarize_audio
from kzdesk.services.assemble import build_transcript

REAL = Path(__file__).resolve().parents[1] / "data" / "real"


def test_the_right_channel_speaking_first_is_still_channel_2() -> None:
    job = Job(id=1, source_path="/calls/звонок.wav", speakers=SpeakersMode.CHANNELS)
    piece = AudioPiece("/tmp/p.ogg", "OGG_OPUS", 0, 8000, channels=2)
    results = [
        (
            piece,
            [
                Utterance("1", 200, 1500, "Алло"),  # the right channel answers first
                Utterance("0", 1800, 3000, "Да, слушаю"),
                Utterance("1", 3500, 4000, "Хорошо"),
            ],
        )
    ]
    t = build_transcript(job, 8000, results)
    assert [(s.id, s.label, s.name) for s in t.speakers] == [
        (1, "0", "Channel 1"),
        (2, "1", "Channel 2"),
    ]
    assert [t.speaker_name(s.speaker_id) for s in t.segments] == [
        "Channel 2",
        "Channel 1",
        "Channel 2",
    ]


def test_speakers_mode_keeps_first_appearance_names() -> None:
    job = Job(id=1, source_path="/m.wav", speakers=SpeakersMode.AUTO)
    piece = AudioPiece("/tmp/p.ogg", "OGG_OPUS", 0, 8000)
    t = build_transcript(
        job, 8000, [(piece, [Utterance("1", 0, 900, "а"), Utterance("0", 1000, 2000, "б")])]
    )
    assert [s.name for s in t.speakers] == ["Speaker 1", "Speaker 2"]


def test_a_real_stereo_call_names_the_left_channel_channel_1() -> None:
    result = diarize_audio(str(REAL / "call_stereo.flac"), DiarizationOptions(channels=True))
    left = (REAL / "call_stereo.left.txt").read_text(encoding="utf-8").split()
    right = (REAL / "call_stereo.right.txt").read_text(encoding="utf-8").split()

    def words(tokens: list[str], a: int, b: int) -> list[Word]:
        step = (b - a) // len(tokens)
        return [Word(w, a + i * step, a + (i + 1) * step) for i, w in enumerate(tokens)]

    # segments of a mixed recognition: the right channel's woman speaks over the left one's
    # first sentence, then the left one goes on alone
    transcript = Transcript(
        segments=[
            Segment(1, None, 300, 2300, " ".join(left[:8]), words=words(left[:8], 300, 2300)),
            Segment(2, None, 360, 2350, " ".join(right), words=words(right, 360, 2350)),
            Segment(3, None, 2750, 4600, " ".join(left[8:]), words=words(left[8:], 2750, 4600)),
        ],
        duration_ms=5000,
    )
    aligned, overlapped = align_transcript(transcript, result.turns, channels=True)
    assert [(s.id, s.name) for s in aligned.speakers] == [(1, "Channel 1"), (2, "Channel 2")]
    assert [aligned.speaker_name(s.speaker_id) for s in aligned.segments] == [
        "Channel 1",
        "Channel 2",
        "Channel 1",
    ]
    assert overlapped == {1, 2}  # the two segments spoken at once
