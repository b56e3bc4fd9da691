from __future__ import annotations

from kzdesk.core.job import Job, JobState
from kzdesk.ui.launch import PlaceholderWindow


def test_placeholder_window_lists_the_queue(qtbot) -> None:
    jobs = [
        Job(id=1, source_path="/r/Жиналыс 12.11.mp3", duration_ms=6_130_000),
        Job(id=2, source_path="/r/broken.mp3", state=JobState.FAILED, error="Not an audio file."),
    ]
    window = PlaceholderWindow(jobs)
    qtbot.addWidget(window)
    window.show()
    model = window.table.model()
    assert model.rowCount() == 2
    assert model.index(0, 0).data() == "Жиналыс 12.11.mp3"
    assert model.index(0, 1).data() == "1:42:10"
    assert model.index(1, 3).data() == "Not an audio file."
