"""Reading a server's verbose_json: segments with their words, words alone, language names,
times beyond the piece, and replies that are no transcription."""

from __future__ import annotations

import pytest

from kzdesk.engines.server_reply import ReplyError, has_words, language_code, utterances_from_reply


def test_words_go_to_the_segment_they_fall_in() -> None:
    data = {
        "language": "russian",
        "segments": [
            {"start": 0.0, "end": 2.0, "text": " Добрый день."},
            {"start": 2.5, "end": 4.0, "text": " Начнём."},
        ],
        "words": [
            {"word": " Добрый", "start": 0.1, "end": 0.6, "probability": 0.8},
            {"word": " день.", "start": 0.7, "end": 1.9, "probability": True},
            {"word": " Начнём.", "start": 2.6, "end": 3.5},
        ],
    }
    segments = utterances_from_reply(data, 4000)
    assert [(p.text, p.language, [w.text for w in p.words]) for p in segments] == [
        ("Добрый день.", "ru", ["Добрый", "день."]),
        ("Начнём.", "ru", ["Начнём."]),
    ]
    assert [w.confidence for w in segments[0].words] == [0.8, None]  # a bool is no probability


def test_words_alone_make_segments_at_sentence_ends_and_pauses() -> None:
    data = {
        "language": "kk",
        "words": [
            {"word": "Сәлем", "start": 0.0, "end": 0.4},
            {"word": "бәрі.", "start": 0.5, "end": 0.9},
            {"word": "Бүгін", "start": 1.0, "end": 1.3},
            {"word": "жиналыс", "start": 4.0, "end": 4.5},
        ],
    }
    segments = utterances_from_reply(data, 10_000)
    assert [(p.text, p.start_ms, p.end_ms) for p in segments] == [
        ("Сәлем бәрі.", 0, 900),
        ("Бүгін", 1000, 1300),
        ("жиналыс", 4000, 4500),
    ]


def test_times_beyond_the_piece_are_clipped_and_empty_segments_dropped() -> None:
    data = {
        "segments": [
            {"start": 9.5, "end": 12.0, "text": " соңы"},
            {"start": 3.0, "end": 4.0, "text": "   "},
        ]
    }
    segments = utterances_from_reply(data, 10_000)
    assert [(p.text, p.start_ms, p.end_ms) for p in segments] == [("соңы", 9500, 10_000)]
    assert not has_words(data) and has_words({"words": []})


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("kazakh", "kk"),
        ("Russian", "ru"),
        ("kk", "kk"),
        ("klingon", None),
        (None, None),
        ("", None),
    ],
)
def test_language_names_and_codes(value, code) -> None:
    assert language_code(value) == code


@pytest.mark.parametrize(
    "data",
    [
        {"text": "no times"},
        {"segments": [{"start": "zero", "end": 1.0, "text": "x"}]},
        {"segments": [{"start": 0.0, "end": 1.0}]},
        {"segments": ["text"]},
        {"words": [{"word": "x", "start": float("nan"), "end": 1.0}]},
        ["not", "an", "object"],
    ],
)
def test_replies_that_are_no_transcription(data) -> None:
    with pytest.raises(ReplyError):
        utterances_from_reply(data, 5000)
