"""The edit session most editor tests work on (the sample meeting saved in a fresh database; a
test module may define its own ``session``), and garbage collected after every editor test."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QSettings

from kzdesk.core.transcript import Transcript
from kzdesk.services.playback_source import choose_source
from kzdesk.services.transcripts import TranscriptService
from kzdesk.storage.db import Database
from kzdesk.storage.transcripts import TranscriptStore
from kzdesk.ui.editor.edit_session import EditSession
from kzdesk.ui.editor.editor_window import EditorInputs, EditorWindow
from tests.ui.editor.sample import sample


@pytest.fixture(autouse=True)
def _collect_garbage_after_each_test() -> Iterator[None]:
    """Windows, sessions and commands hold each other (a part keeps its window, a command its
    session): collect them as each test ends, a few at a time and outside any Qt call, rather
    than in whichever later test Python's collector happens to run."""
    yield
    gc.collect()


@pytest.fixture
def session(tmp_path: Path, qapp) -> Iterator[EditSession]:
    store = TranscriptStore(Database.in_dir(tmp_path))
    tid = store.save(sample())
    edit_session = EditSession(TranscriptService(store), tid)
    yield edit_session
    # The commands hold the session and its undo stack holds them: delete them here, not in
    # a garbage collection that may meet the Qt objects in any order.
    edit_session.undo_stack.clear()


@pytest.fixture
def editor_on(tmp_path: Path, qtbot) -> Iterator[Callable[..., EditorWindow]]:  # type: ignore[no-untyped-def]
    """``editor_on(transcript, recording, **inputs)``: an editor window, shown, on the
    transcript saved in a fresh database, playing ``recording``; closed after the test."""
    store = TranscriptStore(Database.in_dir(tmp_path / "data"))
    windows: list[EditorWindow] = []

    def make(transcript: Transcript, recording: Path, **options: Any) -> EditorWindow:
        inputs = EditorInputs(
            transcript_id=store.save(transcript),
            title=transcript.title or recording.stem,
            playback=choose_source(recording, [], transcript.duration_ms),
            waveform_cache=None,
            export_folder=tmp_path,
            **options,
        )
        window = EditorWindow(
            TranscriptService(store),
            inputs,
            ui_state=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat),
        )
        windows.append(window)
        window.show()
        return window

    yield make
    for window in windows:
        if shiboken6.isValid(window):
            window.close()
