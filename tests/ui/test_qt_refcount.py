"""Guards against a PySide6 bug that crashes the app (seen in 6.12.0 on Python 3.11): every
None a Python model's data() returns to Qt drops one reference to None, and Python aborts with
"none_dealloc" once the count reaches zero — minutes into a busy queue window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QTableView

from kzdesk.core.job import Job, JobState
from kzdesk.ui.delegates.progress_delegate import ProgressDelegate
from kzdesk.ui.models.job_columns import ProgressRole
from kzdesk.ui.models.job_table_model import JobTableModel


def test_returning_none_from_models_keeps_none_alive(qtbot) -> None:
    jobs = [
        Job(id=i, source_path=f"/r/Жиналыс {i}.mp3", state=state, progress=0.4, duration_ms=9000)
        for i, state in enumerate(JobState, start=1)
    ]
    model = JobTableModel(jobs, price_per_minute=1.0)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setItemDelegate(ProgressDelegate(view))
    view.resize(1000, 400)
    view.show()
    before = sys.getrefcount(None)
    for _ in range(50):
        view.viewport().repaint()
        for row in range(model.rowCount(QModelIndex())):
            model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
            model.index(row, 4).data(ProgressRole)
    assert sys.getrefcount(None) >= before - 100
