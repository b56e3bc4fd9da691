"""Windows fit the screen they open on and come back where they were left."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSettings, QSize
from PySide6.QtWidgets import QMainWindow

from kzdesk.services.transcripts import TranscriptService
from kzdesk.ui import window_geometry
from kzdesk.ui.window_geometry import fit_rect


def test_fit_rect_shrinks_and_moves_inside() -> None:
    area = QRect(0, 30, 1366, 738)  # a laptop with a top panel
    assert fit_rect(QRect(100, 100, 800, 600), area) == QRect(100, 100, 800, 600)
    assert fit_rect(QRect(0, 0, 1920, 1080), area) == area
    assert fit_rect(QRect(1200, 700, 800, 600), area) == QRect(566, 168, 800, 600)
    assert fit_rect(QRect(-50, -50, 400, 300), area) == QRect(0, 30, 400, 300)


def test_first_start_fits_the_screen(qtbot, tmp_path: Path) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    state = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    assert not window_geometry.restore(window, state, "w/geometry", QSize(5000, 4000))
    area = window_geometry.available_area(window)
    assert area is not None
    assert window.width() <= area.width() and window.height() <= area.height()
    assert window.width() == int(area.width() * window_geometry.FILL)


def test_last_geometry_comes_back(qtbot, tmp_path: Path) -> None:
    state = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    first = QMainWindow()
    qtbot.addWidget(first)
    window_geometry.restore(first, state, "w/geometry", QSize(700, 500))
    first.setGeometry(40, 60, 520, 380)
    window_geometry.save(first, state, "w/geometry")
    again = QMainWindow()
    qtbot.addWidget(again)
    assert window_geometry.restore(again, state, "w/geometry", QSize(700, 500))
    assert again.size() == QSize(520, 380)


def test_the_editor_opens_within_the_screen(qtbot, tmp_path: Path) -> None:
    from kzdesk.services.playback_source import choose_source
    from kzdesk.storage.db import Database
    from kzdesk.storage.transcripts import TranscriptStore
    from kzdesk.ui.editor.editor_window import EditorInputs, EditorWindow
    from tests.ui.editor.sample import sample

    store = TranscriptStore(Database.in_dir(tmp_path / "data"))
    t = sample(segments=3)
    inputs = EditorInputs(store.save(t), "x", choose_source(None, [], t.duration_ms))
    state = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = EditorWindow(TranscriptService(store), inputs, ui_state=state)
    qtbot.addWidget(window)
    area = window_geometry.available_area(window)
    assert area is not None
    assert window.width() <= area.width() and window.height() <= area.height()


def test_restored_columns_still_show_whole_language_names(qtbot) -> None:
    """Widths saved earlier (another interface language, a column dragged narrow) never cut
    "Kazakh + Russian" once the queue opens again."""
    from kzdesk.ui.models.job_columns import Column
    from kzdesk.ui.models.job_table_model import JobTableModel
    from kzdesk.ui.queue_view import QueueView

    model = JobTableModel([])
    first = QueueView(model)
    qtbot.addWidget(first)
    language = int(Column.LANGUAGE)
    whole = first.horizontalHeader().sectionSize(language)
    widest = max(map(first.fontMetrics().horizontalAdvance, model.language_names()))
    assert whole >= widest
    first.horizontalHeader().resizeSection(language, 50)
    saved = first.header_state()
    again = QueueView(JobTableModel([]))
    qtbot.addWidget(again)
    again.restore_header_state(saved)
    assert again.horizontalHeader().sectionSize(language) == whole
