"""Find speakers again: new speakers, names the user gave kept where the voices match."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from kzdesk.core.transcript import Segment, Speaker, Transcript, Word
from kzdesk.core.voices import SpeakerVoice
from kzdesk.diarization.pipeline import DiarizationOptions, DiarizationResult
from kzdesk.diarization.profiles import VoiceProfileStore
from kzdesk.diarization.turns import SpeakerTurn
from kzdesk.services.speakers_again import find_speakers_again, user_named

MODEL = "campplus-zh-en"
E = np.eye(4, dtype=np.float32)


def _transcript() -> Transcript:
    def seg(i: int, speaker: int, a: int, b: int, text: str) -> Segment:
        tokens = text.split()
        step = (b - a) // len(tokens)
        words = [Word(w, a + k * step, a + (k + 1) * step) for k, w in enumerate(tokens)]
        return Segment(i, speaker, a, b, text, words=words)

    return Transcript(
        speakers=[
            Speaker(1, "0", "Айгүл", "#E69F00"),  # named by the user
            Speaker(2, "1", "Speaker 2", "#56B4E9"),
        ],
        segments=[
            seg(1, 1, 0, 4000, "бір екі үш төрт"),
            seg(2, 1, 4000, 8000, "бес алты жеті сегіз"),  # really a third person
            seg(3, 2, 8000, 12000, "тоғыз он бір екі"),
        ],
        duration_ms=12000,
    )


def _diarize(turns: list[SpeakerTurn], centroids: np.ndarray, seen: list):  # type: ignore[no-untyped-def,type-arg]
    def diarize(path, options, *, duration_s, progress, cancelled):  # type: ignore[no-untyped-def]
        seen.append((path, options, duration_s))
        progress(0.5, "voices")
        return DiarizationResult(turns, len(centroids), duration_s, MODEL, centroids=centroids)

    return diarize


def test_names_stay_with_matching_voices_and_new_people_are_added(tmp_path: Path) -> None:
    before = _transcript()
    turns = [SpeakerTurn(0, 4, 0), SpeakerTurn(4, 8, 1), SpeakerTurn(8, 12, 2)]
    seen: list = []  # type: ignore[type-arg]
    old_voices = {1: SpeakerVoice(1, MODEL, tuple(E[0])), 2: SpeakerVoice(2, MODEL, tuple(E[3]))}
    found = find_speakers_again(
        before,
        "/rec.wav",
        DiarizationOptions(num_speakers=3),
        old_voices=old_voices,
        diarize=_diarize(turns, E[[0, 1, 2]], seen),
    )
    assert seen == [("/rec.wav", DiarizationOptions(num_speakers=3), 12.0)]
    after = found.transcript
    # Айгүл's voice matches the first new speaker: same id, name and colour
    assert (after.speakers[0].id, after.speakers[0].name, after.speakers[0].color) == (
        1,
        "Айгүл",
        "#E69F00",
    )
    # the others are new people, with ids after every old one (undo never mixes them up)
    assert [(s.id, s.name) for s in after.speakers[1:]] == [(3, "Speaker 2"), (4, "Speaker 3")]
    assert [after.speaker_name(s.speaker_id) for s in after.segments] == [
        "Айгүл",
        "Speaker 2",
        "Speaker 3",
    ]
    assert found.kept_names == {1: "Айгүл"}
    assert sorted(v.speaker_id for v in found.voices) == [1, 3, 4]

    # one change, undone in one step
    original = _transcript()
    change = original.replace_with(after)
    assert original.speakers == after.speakers and original.segments == after.segments
    original.apply(change.inverse())
    assert original.speakers == before.speakers and original.segments == before.segments


def test_without_saved_voices_the_person_who_said_most_keeps_the_name() -> None:
    before = _transcript()
    turns = [SpeakerTurn(0, 8, 0), SpeakerTurn(8, 12, 1)]
    found = find_speakers_again(
        before, "/rec.wav", DiarizationOptions(), diarize=_diarize(turns, E[[1, 2]], [])
    )
    assert [(s.id, s.name) for s in found.transcript.speakers] == [(1, "Айгүл"), (3, "Speaker 2")]


def test_a_voice_that_matches_nobody_gives_up_the_name(tmp_path: Path) -> None:
    before = _transcript()
    turns = [SpeakerTurn(0, 12, 0)]
    old_voices = {1: SpeakerVoice(1, MODEL, tuple(E[0]))}
    store = VoiceProfileStore(tmp_path)
    store.save("Дәурен", E[3], MODEL)
    found = find_speakers_again(
        before,
        "/rec.wav",
        DiarizationOptions(num_speakers=1),
        old_voices=old_voices,
        profiles=store,
        diarize=_diarize(turns, E[[3]], []),
    )
    # the voice is not Айгүл's (cosine 0): not kept; a known voice suggests its name instead
    assert [(s.id, s.name) for s in found.transcript.speakers] == [(3, "Дәурен")]
    assert found.voices[0].suggested_name == "Дәурен"
    assert found.kept_names == {}


def test_default_names_are_not_the_users() -> None:
    assert not user_named(Speaker(1, "0", "Speaker 12", ""))
    assert not user_named(Speaker(1, "0", "Channel 2", ""))
    assert user_named(Speaker(1, "0", "Speaker of the house", ""))
