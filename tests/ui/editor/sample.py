"""Transcripts for the editor tests: Kazakh and Russian segments with word timings."""

from __future__ import annotations

import random

from kzdesk.core.transcript import Segment, Speaker, Transcript, Word, speaker_color

WORDS = [
    "Бүгін",
    "біз",
    "бюджетті",
    "талқылаймыз",
    "келісемін",
    "жақсы",
    "өте",
    "қазір",
    "Хорошо",
    "давайте",
    "начнём",
    "с",
    "первого",
    "вопроса",
    "согласен",
    "спасибо",
]


def sample(segments: int = 12, speakers: int = 3, seed: int = 1) -> Transcript:
    rng = random.Random(seed)
    people = [Speaker(i + 1, str(i), f"Speaker {i + 1}", speaker_color(i)) for i in range(speakers)]
    made, t = [], 0
    for n in range(1, segments + 1):
        t += rng.randrange(200, 1500)  # a pause before each segment
        words = []
        for _ in range(rng.randrange(1, 7)):
            length = rng.randrange(200, 700)
            words.append(Word(rng.choice(WORDS), t, t + length, 0.9))
            t += length + rng.randrange(20, 120)
        made.append(
            Segment(
                id=n,
                speaker_id=people[rng.randrange(speakers)].id,
                start_ms=words[0].start_ms,
                end_ms=words[-1].end_ms,
                text=" ".join(w.text for w in words),
                language=rng.choice(("kk-KZ", "ru-RU")),
                words=words,
            )
        )
    return Transcript(speakers=people, segments=made, title="Жиналыс 12.11", duration_ms=t + 500)
