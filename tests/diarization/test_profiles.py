"""Voice profile store and matching (pure)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from kzdesk.diarization.profiles import VoiceProfileStore, match_speakers


def test_save_merge_rename_delete(tmp_path: Path) -> None:
    store = VoiceProfileStore(tmp_path)
    first = store.save("Asel", np.array([1.0, 0.0, 0.0]), "ge2e")
    again = store.save("asel ", np.array([0.0, 1.0, 0.0]), "ge2e")
    assert again.id == first.id and again.samples == 2
    assert np.allclose(again.embedding, np.array([1, 1, 0]) / np.sqrt(2), atol=1e-5)
    store.rename(first.id, "Asel K.")
    assert [p.name for p in VoiceProfileStore(tmp_path).list()] == ["Asel K."]
    with pytest.raises(ValueError):
        store.save(" ", np.ones(3), "ge2e")
    assert store.delete(first.id) and not store.delete(first.id)


def test_matching_is_one_to_one_above_the_threshold_and_per_model(tmp_path: Path) -> None:
    store = VoiceProfileStore(tmp_path)
    a = store.save("A", np.array([1.0, 0.0, 0.0]), "ge2e")
    store.save("B", np.array([0.0, 1.0, 0.0]), "mfcc")
    speakers = {0: np.array([0.95, 0.1, 0.0]), 1: np.array([0.9, 0.2, 0.1]), 2: np.eye(3)[1]}
    matches = match_speakers(speakers, store.list(), model="ge2e", threshold=0.8)
    assert list(matches) == [0] and matches[0].profile.id == a.id


def test_a_damaged_file_means_no_profiles(tmp_path: Path) -> None:
    (tmp_path / "voice_profiles.json").write_text("{not json", encoding="utf-8")
    assert VoiceProfileStore(tmp_path).list() == []


def test_a_voice_of_an_older_model_is_enrolled_again_under_its_name(tmp_path: Path) -> None:
    from kzdesk.diarization.profiles import is_outdated

    store = VoiceProfileStore(tmp_path)
    old = store.save("Айгүл", np.ones(256), "ge2e")  # kzdesk 0.1's voice model
    other = store.save("Дәурен", np.ones(256), "ge2e")
    assert is_outdated(old, "campplus-zh-en") and not is_outdated(old, "ge2e")
    # never compared with voices of the current model
    assert match_speakers({0: np.ones(192)}, store.list(), model="campplus-zh-en") == {}

    again = store.save("айгүл", np.arange(192.0), "campplus-zh-en")
    assert again.id == old.id and again.model == "campplus-zh-en" and again.samples == 1
    assert not is_outdated(again, "campplus-zh-en")
    assert {p.name: p.model for p in store.list()} == {"Айгүл": "campplus-zh-en", "Дәурен": "ge2e"}
    matches = match_speakers({3: np.arange(192.0)}, store.list(), model="campplus-zh-en")
    assert matches[3].profile.id == old.id
    assert other.id in {p.id for p in store.list()}
