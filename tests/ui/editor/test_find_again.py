"""Speakers ▸ Find speakers again…: a real recording diarized anew from the editor, applied as
one undo step with the user's names kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzdesk.core.transcript import Segment, Speaker, Transcript, Word
from kzdesk.diarization.pipeline import DiarizationOptions
from kzdesk.ui.editor.editor_window import EditorWindow
from kzdesk.ui.editor.find_again import FindSpeakersDialog

REAL = Path(__file__).resolve().parents[2] / "data" / "real"


def _meeting(source: Path) -> Transcript:
    """dev00 as an engine without speakers would give it: one segment per reference turn, all
    one speaker, whom the user named."""
    segments = []
    for i, line in enumerate((REAL / "dev00.rttm").read_text().splitlines(), start=1):
        parts = line.split()
        a = round(float(parts[3]) * 1000)
        b = a + round(float(parts[4]) * 1000)
        step = (b - a) // 4
        words = [Word(f"w{i}.{k}", a + k * step, a + (k + 1) * step) for k in range(4)]
        segments.append(Segment(i, 1, a, b, " ".join(w.text for w in words), words=words))
    return Transcript(
        speakers=[Speaker(1, "0", "Айгүл", "#E69F00")],
        segments=sorted(segments, key=lambda s: s.start_ms),
        title="dev00",
        source_path=str(source),
        duration_ms=30000,
    )


@pytest.fixture
def editor(editor_on):  # type: ignore[no-untyped-def]
    def make(source: Path = REAL / "dev00.flac") -> EditorWindow:
        return editor_on(_meeting(source), source)

    return make


def test_the_dialog_says_how_many_people(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = FindSpeakersDialog(3)
    qtbot.addWidget(dialog)
    assert dialog.options() == DiarizationOptions()
    dialog.count.setValue(4)
    assert dialog.options() == DiarizationOptions(num_speakers=4)
    dialog.high.setValue(6)
    dialog.low.setValue(7)  # the range follows: never low > high
    assert dialog.options() == DiarizationOptions(min_speakers=7, max_speakers=7)
    dialog.auto.setChecked(True)
    assert dialog.options() == DiarizationOptions()


def test_found_again_is_one_undo_step_that_keeps_the_users_name(editor, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = editor()
    session = window.session
    store, tid = session.transcripts, session.transcript_id
    menu_actions = [a for m in window.menuBar().actions() for a in m.menu().actions()]
    assert window.find_again.action in menu_actions
    before = store.load(tid)

    assert window.find_again.start(DiarizationOptions(num_speakers=2))
    assert not window.find_again.action.isEnabled()  # one search at a time
    qtbot.waitUntil(lambda: session.undo_stack.count() == 1, timeout=120_000)
    assert window.find_again.action.isEnabled()

    after = session.transcript
    assert len(after.speakers) == 2
    # Айгүл said most of what was hers before: she keeps her name, id and colour
    named = [s for s in after.speakers if s.name == "Айгүл"]
    assert [(s.id, s.color) for s in named] == [(1, "#E69F00")]
    other = next(s for s in after.speakers if s.id != 1)
    assert other.name == "Speaker 2" and other.id == 2
    # most of MEE012's answer (13.2-16.9 s) went to the other speaker
    answer = [s for s in after.segments if s.start_ms >= 13000 and s.end_ms <= 17000]
    mine = sum(s.end_ms - s.start_ms for s in answer if s.speaker_id == other.id)
    assert mine > 0.5 * sum(s.end_ms - s.start_ms for s in answer)
    # saved at once: segments, voices, overlaps; the panel and the waveform show them
    assert store.load(tid).segments == after.segments
    assert sorted(store.voices(tid)) == [1, 2]
    assert store.load(tid).overlaps == after.overlaps == window.timeline.overlaps()
    assert window.speakers.model.rowCount() == 2
    assert session.undo_stack.undoText() == "Find speakers again"

    window.edits.undo()
    assert session.transcript.speakers == before.speakers
    assert session.transcript.segments == before.segments
    assert store.load(tid) == before
    assert store.voices(tid) == {} and window.timeline.overlaps() == before.overlaps
    assert window.speakers.model.rowCount() == 1

    window.edits.redo()
    assert [s.name for s in session.transcript.speakers] == [s.name for s in after.speakers]
    assert sorted(store.voices(tid)) == [1, 2]


def test_without_the_recording_nothing_starts(editor, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    gone = tmp_path / "moved.flac"
    window = editor(gone)
    assert not window.find_again.start(DiarizationOptions())
    assert "not available" in window.status_label.text()
    assert window.find_again.action.isEnabled() and window.session.undo_stack.count() == 0
