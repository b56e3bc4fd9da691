"""Edit ▸ Phrase language ▸ Recognise again in Kazakh: the current phrase heard anew in the
background (a stand-in engine here; tests/services/test_phrase_again.py runs real Whisper),
applied as one undo step, never over text the user changed meanwhile."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from kzdesk.core.engine import AudioPiece, RecognitionOptions, Utterance
from kzdesk.core.job import STAGE_ENGINE_BUSY, STAGE_MODEL_DOWNLOAD, Language
from kzdesk.core.transcript import Segment, Speaker, Transcript, Word
from kzdesk.ui.editor.editor_window import EditorWindow
from tests.realspeech import real

SOURCE = real("kk_ksc_example_1.flac")


class StandIn:
    """Hears "жаңа сөз" in whatever piece it is given; waits for ``go`` when one is set."""

    name = "stand-in"
    runs_locally = True

    def __init__(self, go: threading.Event | None = None) -> None:
        self.go = go
        self.asked: list[tuple[AudioPiece, RecognitionOptions]] = []

    def transcribe(self, piece: AudioPiece, options: RecognitionOptions, ctx) -> list[Utterance]:  # type: ignore[no-untyped-def]
        self.asked.append((piece, options))
        if self.go is not None:
            ctx.progress(0.0, STAGE_ENGINE_BUSY)  # as while the queue's file is transcribed
            self.go.wait(30)
        ctx.progress(0.4, STAGE_MODEL_DOWNLOAD)
        ctx.progress(0.5, "local")
        words = [Word("жаңа", 400, 700, 0.9), Word("сөз", 750, 1100, 0.8)]
        return [Utterance("0", 400, 1100, "жаңа сөз", words, "kk")]

    def cancel(self, operation_id: str) -> None:
        pass


@pytest.fixture
def editor(editor_on):  # type: ignore[no-untyped-def]
    def make(engine: StandIn | None, source: Path = SOURCE) -> EditorWindow:
        t = Transcript(
            speakers=[Speaker(1, "0", "Айгүл", "#E69F00")],
            segments=[
                Segment(1, 1, 200, 2500, "алғағра ебес", language="kk"),
                Segment(2, 1, 3000, 4800, "Джарх Тагус", language="ru"),
            ],
            title="kk",
            source_path=str(source),
            duration_ms=5400,
        )
        maker = (lambda: engine) if engine is not None else None
        window = editor_on(t, source, phrase_engine=maker)
        window.view.setCurrentIndex(window.model.index(1, 2))
        return window

    return make


def _menu_actions(window: EditorWindow) -> list:  # type: ignore[type-arg]
    found = []
    for top in window.menuBar().actions():
        for action in top.menu().actions():
            found.append(action)
            if action.menu() is not None:
                found += action.menu().actions()
    return found


def test_the_phrase_heard_again_is_one_undo_step(editor, qtbot) -> None:  # type: ignore[no-untyped-def]
    engine = StandIn()
    window = editor(engine)
    session = window.session
    kazakh, russian = window.phrase_again.actions
    assert {kazakh, russian} <= set(_menu_actions(window))
    assert "Kazakh" in kazakh.text() and kazakh.isEnabled()

    said: list[str] = []
    show = window.show_status
    window.show_status = lambda text: (said.append(text), show(text))  # type: ignore[method-assign]
    kazakh.trigger()
    qtbot.waitUntil(lambda: session.undo_stack.count() == 1, timeout=10_000)
    assert "Downloading the offline model to recognise the phrase at 00:00:03… 40%" in said
    assert "Recognising the phrase at 00:00:03 in Kazakh… 50%" in said
    piece, options = engine.asked[0]
    assert options.language is Language.KK
    # the phrase (3.0-4.8 s) and a margin of the pause around it, not the phrase before
    assert 2500 <= piece.offset_ms <= 3000
    assert 1800 <= piece.duration_ms <= 2500
    seg = session.transcript.segment(2)
    assert (seg.text, seg.language, seg.speaker_id) == ("жаңа сөз", "kk", 1)
    assert (seg.start_ms, seg.end_ms) == (3000, 4800)
    assert [w.start_ms for w in seg.words] == [piece.offset_ms + 400, piece.offset_ms + 750]
    assert session.transcripts.load(session.transcript_id).segment(2).text == "жаңа сөз"
    assert "again in Kazakh" in session.undo_stack.undoText()
    assert "recognised again" in window.status_label.text()

    window.edits.undo()
    seg = session.transcript.segment(2)
    assert (seg.text, seg.language) == ("Джарх Тагус", "ru")
    assert session.transcript.segment(1).text == "алғағра ебес"


def test_text_changed_while_the_phrase_waits_and_is_heard_again_is_kept(editor, qtbot) -> None:  # type: ignore[no-untyped-def]
    go = threading.Event()
    window = editor(StandIn(go))
    session = window.session
    assert window.phrase_again.start("kk")
    assert not any(a.isEnabled() for a in window.phrase_again.actions)  # one at a time
    assert not window.phrase_again.start("ru")
    qtbot.waitUntil(lambda: "waits" in window.status_label.text(), timeout=10_000)
    window.edits.edit_text(2, "Жарықты қос жазбаны оқы")
    go.set()
    qtbot.waitUntil(lambda: all(a.isEnabled() for a in window.phrase_again.actions), timeout=10_000)
    assert session.transcript.segment(2).text == "Жарықты қос жазбаны оқы"
    assert session.undo_stack.count() == 1  # the user's edit only
    assert "your text is kept" in window.status_label.text()


def test_without_an_offline_engine_or_the_recording_nothing_starts(editor, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = editor(None)
    assert not any(a.isEnabled() for a in window.phrase_again.actions)
    assert not window.phrase_again.start("kk")

    gone = editor(StandIn(), tmp_path / "moved.flac")
    assert not gone.phrase_again.start("kk")
    assert "not available" in gone.status_label.text()
    assert gone.session.undo_stack.count() == 0
