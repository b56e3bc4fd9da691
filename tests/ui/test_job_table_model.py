from __future__ import annotations

import time
from dataclasses import replace

import pytest
from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QIcon
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QTableView

from kzdesk.core.job import (
    STAGE_ENGINE_BUSY,
    STAGE_LOCAL,
    STAGE_MODEL_DOWNLOAD,
    Job,
    JobState,
    Language,
    SpeakersMode,
)
from kzdesk.services.estimates import Estimator
from kzdesk.services.job_run import CONVERT_SHARE
from kzdesk.services.service_times import ServiceTimes
from kzdesk.ui.delegates.progress_delegate import ProgressDelegate
from kzdesk.ui.models.job_columns import Column, JobRole, ProgressRole, SortRole
from kzdesk.ui.models.job_progress import progress_bar
from kzdesk.ui.models.job_table_model import JobTableModel

DISPLAY = Qt.ItemDataRole.DisplayRole


def _jobs() -> list[Job]:
    return [
        Job(id=1, source_path="/r/Жиналыс 12.11.mp3", duration_ms=6_130_000),
        Job(
            id=2,
            source_path="/r/interview_aigul.m4a",
            duration_ms=2_285_000,
            language=Language.KK,
            speakers=SpeakersMode.CHANNELS,
            state=JobState.DONE,
            progress=1.0,
            finished_at=time.time(),
        ),
        Job(
            id=3,
            source_path="/r/broken.mp3",
            state=JobState.FAILED,
            error="This file is not audio or video. Check that it is a recording.",
        ),
    ]


@pytest.fixture
def model(qtbot) -> JobTableModel:
    model = JobTableModel(_jobs(), price_per_minute=10.0)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    return model


class Spy:
    def __init__(self, model: JobTableModel) -> None:
        self.changed: list[tuple[int, int, int, int]] = []
        self.resets = 0
        self.inserted: list[tuple[int, int]] = []
        model.dataChanged.connect(self._changed)
        model.modelReset.connect(self._reset)
        model.rowsInserted.connect(lambda _p, a, b: self.inserted.append((a, b)))

    def _changed(self, top: QModelIndex, bottom: QModelIndex, _roles: object = None) -> None:
        self.changed.append((top.row(), bottom.row(), top.column(), bottom.column()))

    def _reset(self) -> None:
        self.resets += 1


def test_texts_in_columns(model: JobTableModel) -> None:
    assert model.rowCount() == 3
    assert model.columnCount() == len(Column) == 7
    assert model.index(0, Column.FILE).data() == "Жиналыс 12.11.mp3"
    assert model.index(0, Column.DURATION).data() == "1:42:10"
    assert model.index(1, Column.DURATION).data() == "38:05"
    assert model.index(2, Column.DURATION).data() == "–"
    assert model.index(0, Column.LANGUAGE).data() == "Kazakh + Russian"  # a name, not kk+ru
    assert model.index(1, Column.SPEAKERS).data() == "channels"
    assert model.index(0, Column.STATUS).data() == "Queued"
    assert model.index(1, Column.STATUS).data().startswith("Done ")
    assert model.index(1, Column.FINISHED).data() != ""
    assert model.index(0, Column.FINISHED).data() == ""
    failed = model.index(2, Column.STATUS)
    assert failed.data() == _jobs()[2].error
    assert failed.data(Qt.ItemDataRole.ToolTipRole) == _jobs()[2].error
    assert model.index(0, Column.FILE).data(Qt.ItemDataRole.ToolTipRole) == "/r/Жиналыс 12.11.mp3"
    assert model.headerData(Column.STATUS, Qt.Orientation.Horizontal, DISPLAY) == "Status"


def test_cost_only_with_a_price(model: JobTableModel) -> None:
    # 2 285 s at 10 per minute = 380.83
    assert model.index(1, Column.COST).data() in ("380.83 ₸", "380,83 ₸")
    assert model.index(2, Column.COST).data() == ""  # no duration yet
    spy = Spy(model)
    model.set_price(0.0, "₸")
    assert model.index(1, Column.COST).data() == ""
    assert spy.changed == [(0, 2, Column.COST, Column.COST)]
    assert spy.resets == 0


def test_roles(model: JobTableModel) -> None:
    assert model.index(1, Column.FILE).data(JobRole).id == 2
    assert model.index(0, Column.STATUS).data(ProgressRole) is None  # queued: no bar
    assert model.index(1, Column.STATUS).data(ProgressRole) is None  # done: no bar
    assert isinstance(model.index(1, Column.STATUS).data(Qt.ItemDataRole.DecorationRole), QIcon)
    assert model.index(0, Column.DURATION).data(SortRole) == 6_130_000
    assert model.index(2, Column.DURATION).data(SortRole) == -1


def test_running_states_show_a_bar_and_a_sentence(model: JobTableModel) -> None:
    started = time.time() - 80
    job = replace(model.job_at(0), engine="whisper", speakers=SpeakersMode.OFF)  # real progress
    model.upsert(replace(job, state=JobState.CONVERTING, progress=CONVERT_SHARE * 0.18))
    index = model.index(0, Column.STATUS)
    assert index.data() == "Converting 18%"
    assert index.data(ProgressRole) == pytest.approx(0.18)
    progress = CONVERT_SHARE + (1 - CONVERT_SHARE) * 0.62
    model.upsert(replace(job, state=JobState.RECOGNIZING, progress=progress, started_at=started))
    text = index.data()
    assert text.startswith("Recognizing 62% · 1:2")
    assert text.endswith("elapsed")  # nothing measured for Whisper here: no time left shown
    assert index.data(ProgressRole) == pytest.approx(0.62)
    model.upsert(replace(job, state=JobState.UPLOADING, progress=CONVERT_SHARE))
    assert index.data() == "Uploading"


def _measured(kind: str, seconds_per_minute: float) -> Estimator:
    times = ServiceTimes(None)
    for minutes in (1, 3, 10):
        times.record(kind, minutes * 60_000, 4 + seconds_per_minute * minutes)
    return Estimator(times)


def test_speechkit_wait_shows_time_and_the_usual_wait_not_a_percentage(qtbot) -> None:
    """SpeechKit reports no progress: elapsed time, what such a wait took here before, and
    "taking longer than usual" once that has passed — never a frozen 95 %."""
    now = time.time()
    job = Job(
        id=1,
        source_path="/r/a.mp3",
        duration_ms=120_000,
        state=JobState.RECOGNIZING,
        progress=CONVERT_SHARE,
        started_at=now - 11,
        waiting_since=now - 8,
        expected_wait_s=30.0,
    )
    model = JobTableModel([job], estimator=_measured("speechkit:general", 10))
    index = model.index(0, Column.STATUS)
    text = model.status_text(job, now)
    assert text.startswith("Recognizing · 0:11 elapsed · about 0:2")  # 22 s of 30 left
    assert "%" not in text
    assert progress_bar(job, now) == pytest.approx(8 / 30)
    late = now + 30
    assert model.status_text(job, late) == "Recognizing · 0:41 elapsed · taking longer than usual"
    assert progress_bar(job, late) is None  # no bar claims a progress nobody knows
    unknown = replace(job, expected_wait_s=None)  # the deferred model: no usual time yet
    model.upsert(unknown)
    assert model.status_text(unknown, now) == "Recognizing · 0:11 elapsed"
    assert index.data(ProgressRole) is None


def test_tick_repaints_only_the_status_of_running_jobs(model: JobTableModel) -> None:
    spy = Spy(model)
    model.tick()
    assert spy.changed == []  # nothing runs
    model.upsert(replace(model.job_at(0), state=JobState.CONVERTING))
    spy.changed.clear()
    model.tick()
    assert spy.changed == [(0, 0, Column.STATUS, Column.STATUS)]


def test_waiting_to_retry_and_cancelled(model: JobTableModel) -> None:
    job = model.job_at(0)
    model.upsert(replace(job, error="SpeechKit cannot be reached. Check the connection."))
    assert model.index(0, Column.STATUS).data() == (
        "Waiting to retry: SpeechKit cannot be reached. Check the connection."
    )
    model.upsert(replace(job, state=JobState.CANCELLED))
    assert model.index(0, Column.STATUS).data() == "Cancelled"


def test_a_running_job_paused_by_a_full_disk(model: JobTableModel, qtbot) -> None:
    job = model.job_at(0)
    note = "The disk that holds /data is full (0.0 MB free). The jobs are paused and continue"
    model.upsert(replace(job, state=JobState.CONVERTING, progress=0.05, error=note))
    assert model.index(0, Column.STATUS).data() == f"Paused: {note}"
    model.upsert(replace(job, state=JobState.CONVERTING, progress=0.05, error=None))
    assert model.index(0, Column.STATUS).data().startswith("Converting")

    from PySide6.QtWidgets import QWidget

    from kzdesk.ui.problem_notice import ProblemNotice

    parent = QWidget()
    qtbot.addWidget(parent)
    notice = ProblemNotice(parent)
    notice.show(note)
    assert notice.box is not None and notice.box.isVisible() and notice.box.text() == note
    first = notice.box
    notice.show(note.replace("0.0", "0.5"))  # told again: the same box, its text updated
    assert notice.box is first and "0.5 MB free" in first.text()
    first.close()


def test_upsert_changes_exactly_one_row_without_reset(model: JobTableModel) -> None:
    spy = Spy(model)
    job = model.job_at(1)
    model.upsert(replace(job, state=JobState.QUEUED, progress=0.0, finished_at=None))
    assert spy.changed == [(1, 1, 0, len(Column) - 1)]
    model.upsert(model.job_at(1))  # nothing new: nothing to repaint
    assert len(spy.changed) == 1
    model.upsert(Job(id=9, source_path="/r/voice_017.ogg"))
    assert spy.inserted == [(3, 3)]
    assert model.row_of(9) == 3
    assert spy.resets == 0
    assert len(spy.changed) == 1


def test_remove_keeps_rows_consistent(model: JobTableModel) -> None:
    model.remove(2)
    assert model.rowCount() == 2
    assert model.row_of(2) is None
    assert model.row_of(3) == 1
    assert model.job_at(1).id == 3
    model.upsert(replace(model.job_at(1), state=JobState.QUEUED, error=None))
    assert model.index(1, Column.STATUS).data() == "Queued"
    model.remove(42)  # unknown: nothing happens
    assert model.rowCount() == 2


def test_sorting_through_a_proxy(model: JobTableModel) -> None:
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SortRole)
    proxy.sort(Column.DURATION, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(r, Column.FILE).data() for r in range(3)] == [
        "Жиналыс 12.11.mp3",
        "interview_aigul.m4a",
        "broken.mp3",
    ]
    proxy.sort(Column.STATUS, Qt.SortOrder.AscendingOrder)
    assert proxy.index(0, Column.FILE).data() == "broken.mp3"  # failed first


def test_delegate_paints_bars_in_a_view(qtbot, model: JobTableModel) -> None:
    job = model.job_at(0)
    model.upsert(replace(job, state=JobState.RECOGNIZING, progress=0.5, started_at=time.time()))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setItemDelegate(ProgressDelegate(view))
    view.resize(900, 300)
    view.show()
    view.selectRow(0)
    image = view.grab()  # paints every cell, bars included
    assert not image.isNull()


def test_offline_stages_say_what_happens(model: JobTableModel) -> None:
    """Downloading the model, waiting for the engine, transcribing on this computer with the
    audio done over the recording's length; never "Uploading"."""
    job = replace(model.job_at(0), state=JobState.RECOGNIZING, engine="whisper")
    index = model.index(0, Column.STATUS)
    model.upsert(replace(job, stage=STAGE_MODEL_DOWNLOAD, stage_progress=0.42))
    assert index.data() == "Downloading model 42%"
    assert index.data(ProgressRole) == pytest.approx(0.42)
    model.upsert(replace(job, stage=STAGE_ENGINE_BUSY, stage_progress=0.0))
    assert index.data().startswith("Waiting for the offline engine")
    model.upsert(replace(job, stage=STAGE_LOCAL, stage_progress=0.5, progress=0.6))
    # job 1 lasts 1:42:10
    assert index.data() == "Transcribing on this computer 50% · 51:05 of 1:42:10"
    assert index.data(ProgressRole) == pytest.approx(0.5)


def test_every_status_shows_its_icon_and_sorts_by_its_rank(model: JobTableModel) -> None:
    from PySide6.QtWidgets import QApplication, QStyle

    from kzdesk.core.job_status import LOOKS, JobStatus
    from kzdesk.ui.icons import themed_icon

    standard = {
        "done": QStyle.StandardPixmap.SP_DialogApplyButton,
        "failed": QStyle.StandardPixmap.SP_MessageBoxCritical,
        "cancelled": QStyle.StandardPixmap.SP_DialogCancelButton,
    }
    job = model.job_at(0)
    shown = {}
    for status in JobStatus:
        if status is JobStatus.WAITING_RETRY:
            changed = replace(job, error="SpeechKit cannot be reached. Check the connection.")
        else:
            changed = replace(job, state=JobState(status.value), progress=0.25)
        model.upsert(changed)
        look = LOOKS[status]
        icon = model.index(0, Column.STATUS).data(Qt.ItemDataRole.DecorationRole)
        if look.icon in standard:
            expected = QApplication.style().standardIcon(standard[look.icon])
        else:
            expected = themed_icon(look.icon, QApplication.palette())
        assert icon.pixmap(16, 16).toImage() == expected.pixmap(16, 16).toImage(), status
        shown[status] = icon.pixmap(16, 16).toImage()
        rank = model.index(0, Column.STATUS).data(SortRole)
        assert rank == look.rank + (1 - changed.progress) * 0.5
    assert shown[JobStatus.WAITING_RETRY] != shown[JobStatus.QUEUED]


def test_an_engine_that_does_not_charge_shows_no_cost(qtbot) -> None:
    jobs = [
        Job(id=1, source_path="/r/a.mp3", duration_ms=60_000),
        Job(id=2, source_path="/r/b.mp3", duration_ms=60_000, engine="whisper"),
        Job(id=3, source_path="/r/c.mp3", duration_ms=60_000, engine="server"),
    ]
    model = JobTableModel(jobs, price_per_minute=10.0, currency="₸")
    costs = [model.index(row, int(Column.COST)).data() for row in range(3)]
    assert costs[0].startswith("10") and costs[0].endswith("₸")
    assert costs[1:] == ["", ""]
