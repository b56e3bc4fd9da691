"""Words get the speaker whose turn covers them; segments split at speaker changes (pure)."""

from __future__ import annotations

from kzdesk.core.engine import Utterance
from kzdesk.core.transcript import Segment, Speaker, Transcript, Word
from kzdesk.diarization.align import align_transcript, align_utterances
from kzdesk.diarization.turns import SpeakerTurn

TURNS = [SpeakerTurn(0.0, 2.0, 0), SpeakerTurn(2.1, 4.0, 1), SpeakerTurn(3.6, 4.0, 0, True)]


def test_speechkit_shaped_utterance_is_split_at_the_speaker_change() -> None:
    words = [Word("сәлем", 100, 600), Word("қалай", 700, 1900), Word("жақсы", 2200, 2900)]
    u = Utterance("0", 100, 2900, "сәлем қалай жақсы", words, "kk")
    out = align_utterances([u], TURNS[:2])
    assert [(a.utterance.channel, a.utterance.text) for a in out] == [
        ("0", "сәлем қалай"),
        ("1", "жақсы"),
    ]
    assert out[0].utterance.start_ms == 100 and out[0].utterance.end_ms == 1900
    assert out[1].utterance.start_ms == 2200 and out[1].utterance.end_ms == 2900
    assert all(a.source_index == 0 for a in out)


def test_whisper_shaped_words_keep_their_spaces_and_punctuation() -> None:
    words = [Word(" Hello,", 0, 500), Word(" there.", 600, 1500), Word(" Yes!", 2300, 2800)]
    u = Utterance("0", 0, 2800, " Hello, there. Yes!", words)
    out = align_utterances([u], TURNS[:2])
    assert [a.utterance.text for a in out] == ["Hello, there.", "Yes!"]
    assert [a.speaker for a in out] == [0, 1]


def test_overlap_is_kept_with_the_dominant_speaker_and_marked() -> None:
    words = [Word("a", 2200, 2900), Word("b", 3000, 3500), Word("c", 3550, 3950)]
    out = align_utterances([Utterance("0", 2200, 3950, "a b c", words)], TURNS)
    assert len(out) == 1 and out[0].speaker == 1 and out[0].overlap


def test_utterance_without_words_takes_the_dominant_turn() -> None:
    out = align_utterances([Utterance("5", 2500, 3900, "no words")], TURNS[:2])
    assert out[0].speaker == 1 and out[0].utterance.channel == "1"


def test_transcript_gets_diarized_speakers_and_split_segments() -> None:
    words = [Word("one", 0, 900), Word("two", 1000, 1900), Word("three", 2200, 3000)]
    transcript = Transcript(
        speakers=[Speaker(1, "0", "Speaker 1", "#000")],
        segments=[Segment(1, 1, 0, 3000, "one two three", "ru", words)],
        duration_ms=4000,
    )
    result, overlapped = align_transcript(transcript, TURNS[:2])
    assert [s.name for s in result.speakers] == ["Speaker 1", "Speaker 2"]
    assert [(s.speaker_id, s.text) for s in result.segments] == [(1, "one two"), (2, "three")]
    assert overlapped == set()
    assert transcript.segments[0].text == "one two three"  # the input is left alone
