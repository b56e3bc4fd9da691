"""A synthetic three-voice dialog through the real pipeline (ffmpeg, Silero VAD, GE2E)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzdesk.core.engine import Utterance
from kzdesk.core.transcript import Word
from kzdesk.diarization.align import align_utterances
from kzdesk.diarization.pipeline import DiarizationOptions, diarize_audio
from kzdesk.diarization.profiles import VoiceProfileStore, match_speakers
from tests.diarization.speech import VOICES, espeak_available, make_dialog, write_wav

pytestmark = pytest.mark.skipif(not espeak_available(), reason="espeak-ng is not installed")
THREE = [VOICES[0], VOICES[3], VOICES[6]]


def _whisper_utterances(dialog, per_phrase: int = 2) -> list[Utterance]:  # type: ignore[no-untyped-def]
    """Phrases that each run over ``per_phrase`` turns, as Whisper writes them."""
    out = []
    for i in range(0, len(dialog.turns), per_phrase):
        words = [
            Word(" " + text, round(a * 1000), round(b * 1000))
            for turn in dialog.turns[i : i + per_phrase]
            for text, a, b in turn.words
        ]
        text = "".join(w.text for w in words)
        out.append(Utterance("0", words[0].start_ms, words[-1].end_ms, text, words))
    return out


def test_three_voices_give_three_speakers_and_phrases_split_at_turn_changes(
    tmp_path: Path,
) -> None:
    # about two minutes: the automatic count needs a few segments of every voice
    dialog = make_dialog(3, 18, seed=13, voices=THREE)
    path = write_wav(tmp_path / "dialog.wav", dialog.audio)
    result = diarize_audio(str(path), DiarizationOptions(min_speakers=1, max_speakers=8))
    assert result.speaker_count == 3
    pieces = align_utterances(_whisper_utterances(dialog), result.turns)
    # one piece per turn, starting within 300 ms of the turn, with a consistent speaker map
    assert len(pieces) == len(dialog.turns)
    mapping: dict[int, int] = {}
    for piece, turn in zip(pieces, dialog.turns, strict=True):
        assert abs(piece.utterance.start_ms / 1000 - turn.start_s) <= 0.3
        assert mapping.setdefault(turn.speaker, piece.speaker) == piece.speaker
    assert len(set(mapping.values())) == 3


def test_a_saved_voice_is_recognised_in_another_recording(tmp_path: Path) -> None:
    first = make_dialog(3, 9, seed=11, voices=THREE)
    second = make_dialog(3, 9, seed=12, voices=[THREE[1], THREE[2], THREE[0]])
    a = diarize_audio(
        str(write_wav(tmp_path / "a.wav", first.audio)), DiarizationOptions(num_speakers=3)
    )
    b = diarize_audio(
        str(write_wav(tmp_path / "b.wav", second.audio)), DiarizationOptions(num_speakers=3)
    )
    # the diarized speaker of the first recording who speaks the first turn is THREE[s]
    s = first.turns[0].speaker
    store = VoiceProfileStore(tmp_path / "profiles")
    saved = store.save("Айгүл", a.speaker_embedding(0), a.method)
    assert [p.name for p in store.list()] == ["Айгүл"]

    matches = match_speakers(
        {i: b.speaker_embedding(i) for i in range(b.speaker_count)}, store.list(), model=b.method
    )
    # in the second recording that voice is the one speaking turns of dialog speaker index
    # [THREE[1], THREE[2], THREE[0]].index(THREE[s])
    target = [THREE[1], THREE[2], THREE[0]].index(THREE[s])
    first_turn = next(t for t in second.turns if t.speaker == target)
    middle = (first_turn.start_s + first_turn.end_s) / 2
    expected = next(t.speaker for t in b.turns if t.start_s <= middle <= t.end_s)
    assert list(matches) == [expected]
    assert matches[expected].profile.id == saved.id

    assert store.delete(saved.id)
    assert store.list() == []
