"""One phrase heard again in the language the user names: real Whisper base on real Russian and
Kazakh speech joined into one recording, the Kazakh phrase first recognised as Russian."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from faster_whisper import decode_audio

from kzdesk.core.transcript import Segment, Speaker, Transcript, Word
from kzdesk.engines.whisper import WhisperEngine
from kzdesk.services.phrase_again import MARGIN_MS, phrase_span, recognise_phrase
from tests.realspeech import real, reference
from tests.scoring import words
from tests.whisper_weights import concat_wav

KAZAKH_LETTERS = set("әғқңөұүһі")
PAUSE_S = 2.0


def likeness(text: str) -> float:
    """How alike ``text`` and what was said in the Kazakh phrase are (0..1, by letters)."""
    said = " ".join(words(reference("kk_ksc_example_2.flac")))
    return difflib.SequenceMatcher(None, said, " ".join(words(text))).ratio()


def _ms(path: Path) -> int:
    return len(decode_audio(str(path))) * 1000 // 16000


@pytest.fixture(scope="module")
def joined(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Transcript]:
    """Russian, Kazakh, Russian with pauses; the transcript as kk-ru recognition gave it, the
    1.9-s Kazakh phrase taken for Russian (bench/offline.py's code-switching case)."""
    parts = ["pisets_test_sound_ru.flac", "kk_ksc_example_2.flac", "festvox_ru_0196.flac"]
    layout: list[Path | float] = [1.0]
    for name in parts:
        layout += [real(name), PAUSE_S]
    path = concat_wav(tmp_path_factory.mktemp("phrase") / "joined.wav", layout)
    segments, at = [], 1000
    texts = ["нейронные сети. Это хорошо.", "Джарх Тагус, Джаз Вануока", "Первородное зло"]
    for i, (name, text) in enumerate(zip(parts, texts, strict=True), start=1):
        length = _ms(real(name))
        # recognition's bounds sit inside the speech, a little short of the file's edges
        segments.append(Segment(i, 1, at + 100, at + length - 100, text, language="ru"))
        at += length + round(PAUSE_S * 1000)
    transcript = Transcript(
        speakers=[Speaker(1, "0", "Speaker 1", "#E69F00")],
        segments=segments,
        source_path=str(path),
        duration_ms=at,
    )
    return path, transcript


def test_the_span_takes_a_margin_of_the_pause_but_never_a_neighbours_speech() -> None:
    t = Transcript(
        segments=[
            Segment(1, None, 100, 2000, "a"),
            Segment(2, None, 2100, 5000, "b"),
            Segment(3, None, 9000, 9500, "c"),
        ],
        duration_ms=9600,
    )
    assert phrase_span(t, 1) == (0, 2100)  # the recording's start; the next phrase's start
    assert phrase_span(t, 2) == (2000, 5000 + MARGIN_MS)
    assert phrase_span(t, 3) == (9000 - MARGIN_MS, 9600)  # the recording's end


def test_a_kazakh_phrase_taken_for_russian_is_heard_again_in_kazakh(
    joined: tuple[Path, Transcript], whisper_base: Path
) -> None:
    path, transcript = joined
    engine = WhisperEngine(whisper_base, device="cpu")
    seen: list[tuple[float, str]] = []
    heard = recognise_phrase(
        transcript, 2, str(path), "kk", engine, progress=lambda *p: seen.append(p)
    )

    assert heard.segment_id == 2 and heard.language == "kk"
    assert KAZAKH_LETTERS & set(heard.text.lower())  # written as Kazakh, not as Russian
    assert likeness(heard.text) > likeness(transcript.segment(2).text)  # nearer what was said
    # only this phrase was heard: nothing of the Russian phrases around it
    for word in ("нейрон", "хорошо", "первород", "зло"):
        assert word not in heard.text.lower()
    seg = transcript.segment(2)
    start, end = phrase_span(transcript, 2)
    assert heard.words and all(start <= w.start_ms <= w.end_ms <= end for w in heard.words)
    assert seen and seen[-1][0] == 1.0

    # applied to the transcript: text, words and language, speaker and bounds kept
    after = Transcript(
        speakers=list(transcript.speakers),
        segments=[
            Segment(s.id, s.speaker_id, s.start_ms, s.end_ms, s.text, s.language)
            for s in transcript.segments
        ],
    )
    change = after.recognised_again(2, heard.text, heard.words, heard.language)
    new = after.segment(2)
    assert (new.text, new.language) == (heard.text.strip(), "kk")
    assert (new.speaker_id, new.start_ms, new.end_ms) == (seg.speaker_id, seg.start_ms, seg.end_ms)
    assert all(seg.start_ms <= w.start_ms <= w.end_ms <= seg.end_ms for w in new.words)
    after.apply(change.inverse())
    assert after.segment(2).text == seg.text and after.segment(2).language == "ru"


def test_only_kazakh_and_russian_can_be_asked_for(joined: tuple[Path, Transcript]) -> None:
    path, transcript = joined
    with pytest.raises(ValueError):
        recognise_phrase(transcript, 2, str(path), "de", engine=None)  # type: ignore[arg-type]


def test_words_that_do_not_spell_the_text_are_spread_over_the_phrase() -> None:
    t = Transcript(segments=[Segment(1, None, 1000, 3000, "old", language="ru")])
    t.recognised_again(1, "жаңа сөз", [Word("other", 900, 3100)], "kk")
    words = t.segment(1).words
    assert [w.text for w in words] == ["жаңа", "сөз"]
    assert words[0].start_ms == 1000 and words[-1].end_ms == 3000
