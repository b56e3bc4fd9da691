"""Voices in the editor's speakers panel: suggested names, Confirm, Save voice as…, Known
voices."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from kzdesk.core.transcript import Segment, Speaker, Transcript
from kzdesk.diarization.models import EMBEDDING_MODEL
from kzdesk.diarization.profiles import VoiceProfileStore
from kzdesk.services.transcripts import TranscriptService
from kzdesk.storage.db import Database
from kzdesk.storage.transcripts import SpeakerVoice, TranscriptStore
from kzdesk.ui.dialogs.voices_dialog import VoicesDialog
from kzdesk.ui.editor.edit_session import EditSession
from kzdesk.ui.editor.speaker_model import SuggestedRole
from kzdesk.ui.editor.speakers_panel import SpeakersPanel

VECTOR = tuple(float(x) for x in np.eye(8, dtype=np.float32)[2])


def _transcript() -> Transcript:
    speakers = [
        Speaker(1, "0", "Айгүл", "#E69F00"),  # suggested from a known voice
        Speaker(2, "1", "Speaker 2", "#56B4E9"),  # found here, no match
        Speaker(3, "2", "Channel 3", "#F0E442"),  # no voice (engine labels)
    ]
    segments = [
        Segment(1, 1, 0, 2000, "Сәлеметсіз бе."),
        Segment(2, 2, 2500, 5000, "Здравствуйте."),
        Segment(3, 3, 5500, 7000, "Да."),
    ]
    return Transcript(speakers=speakers, segments=segments, title="t", duration_ms=7000)


@pytest.fixture
def panel(tmp_path: Path, qtbot) -> SpeakersPanel:
    store = TranscriptStore(Database.in_dir(tmp_path / "data"))
    tid = store.save(
        _transcript(),
        voices=[
            SpeakerVoice(1, "ge2e", VECTOR, "Айгүл", 0.93),
            SpeakerVoice(2, "ge2e", tuple(reversed(VECTOR))),
        ],
    )
    widget = SpeakersPanel(EditSession(TranscriptService(store), tid))
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_a_suggested_name_is_italic_until_confirmed(panel: SpeakersPanel) -> None:
    index = panel.model.index(0)
    assert index.data(SuggestedRole) is True
    font = index.data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.italic()
    assert "Suggested" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert panel.model.index(1).data(SuggestedRole) is False

    panel.select_speaker(1)
    assert panel.confirm_action.isEnabled()
    panel.confirm_action.trigger()
    assert index.data(SuggestedRole) is False
    assert index.data(Qt.ItemDataRole.FontRole) is None
    assert not panel.confirm_action.isEnabled()
    session = panel.session
    assert session.transcripts.voices(session.transcript_id)[1].suggested_name is None


def test_renaming_a_suggested_speaker_clears_the_suggestion(panel: SpeakersPanel) -> None:
    index = panel.model.index(0)
    assert panel.model.setData(index, "Асель")
    assert index.data(SuggestedRole) is False
    panel.session.undo()  # the old name comes back, as a confirmed name
    assert index.data(Qt.ItemDataRole.DisplayRole) == "Айгүл"
    assert index.data(SuggestedRole) is False


def test_save_voice_as_keeps_the_voice_under_a_name(panel: SpeakersPanel, tmp_path: Path) -> None:
    panel.select_speaker(2)
    assert panel.save_voice_action.isEnabled()
    panel.ask_voice_name = lambda name: "Director"  # type: ignore[method-assign]
    assert panel.save_current_voice()
    [profile] = VoiceProfileStore(tmp_path / "data" / "voices").list()
    assert profile.name == "Director" and profile.model == "ge2e"
    assert np.allclose(profile.embedding, np.asarray(tuple(reversed(VECTOR))))

    panel.select_speaker(3)  # a speaker without a voice: the action says why it is off
    assert not panel.save_voice_action.isEnabled()
    assert "no voice" in panel.save_voice_action.toolTip()
    assert not panel.save_current_voice()


def test_known_voices_lists_renames_and_deletes(qtbot, tmp_path: Path) -> None:
    store = VoiceProfileStore(tmp_path)
    store.save("Director", np.ones(4), EMBEDDING_MODEL)
    store.save("Айгүл", np.arange(4.0), EMBEDDING_MODEL)
    dialog = VoicesDialog(store, ask_delete=lambda parent, name: name == "Director")
    qtbot.addWidget(dialog)
    model = dialog.model
    assert [model.index(r).data() for r in range(model.rowCount())] == ["Director", "Айгүл"]
    assert model.setData(model.index(1), "Айгүл Б.")
    assert sorted(p.name for p in store.list()) == ["Director", "Айгүл Б."]
    dialog.view.setCurrentIndex(model.index(0))
    assert dialog.delete_current()
    assert [p.name for p in store.list()] == ["Айгүл Б."]
    dialog.view.setCurrentIndex(model.index(0))
    assert not dialog.delete_current()  # the user said no
    assert not dialog.empty.isVisibleTo(dialog)


def test_voices_of_the_old_model_ask_for_a_new_sample(qtbot, tmp_path: Path) -> None:
    store = VoiceProfileStore(tmp_path)
    store.save("Director", np.ones(256), "ge2e")  # saved by kzdesk 0.1
    store.save("Айгүл", np.ones(192), EMBEDDING_MODEL)
    dialog = VoicesDialog(store)
    qtbot.addWidget(dialog)
    model = dialog.model
    assert [model.index(r).data() for r in range(model.rowCount())] == [
        "Director (needs a new sample)",
        "Айгүл",
    ]
    assert "Save voice as" in model.index(0).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0).data(Qt.ItemDataRole.EditRole) == "Director"  # renaming: the name
    # saved again from a transcript: enrolled with the current model, under the same entry
    store.save("Director", np.ones(192), EMBEDDING_MODEL)
    model.reload()
    assert [model.index(r).data() for r in range(model.rowCount())] == ["Director", "Айгүл"]


def test_known_voices_opens_from_the_panel(panel: SpeakersPanel, qtbot) -> None:
    dialog = panel.show_known_voices()
    assert dialog.isVisible() and dialog.model.rowCount() == 0
    assert dialog.empty.isVisibleTo(dialog)
    dialog.close()
