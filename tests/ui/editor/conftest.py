"""The edit session most editor tests work on (the sample meeting saved in a fresh database; a
test module may define its own ``session``), and garbage collected after every editor test."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from kzdesk.services.transcripts import TranscriptService
from kzdesk.storage.db import Database
from kzdesk.storage.transcripts import TranscriptStore
from kzdesk.ui.editor.edit_session import EditSession
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
