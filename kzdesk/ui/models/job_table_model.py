"""The queue as a table: one row per job, updated row by row (never reset while jobs run)."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDateTime,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from kzdesk.core import engine_registry, timecode
from kzdesk.core.job import (
    STAGE_ENGINE_BUSY,
    STAGE_LOCAL,
    STAGE_MODEL_DOWNLOAD,
    STAGE_SPEAKERS,
    Job,
    JobState,
    SpeakersMode,
)
from kzdesk.core.job_status import look_of
from kzdesk.services.estimates import Estimator, is_overdue
from kzdesk.ui.icons import themed_icon
from kzdesk.ui.messages import translate_message
from kzdesk.ui.models.job_columns import (
    HEADERS,
    LANGUAGE_LONG,
    LANGUAGE_NAMES,
    SPEAKERS_LONG,
    SPEAKERS_SHORT,
    Column,
    JobRole,
    ProgressRole,
    SortRole,
)
from kzdesk.ui.models.job_progress import progress_bar, stage_fraction

_Index = QModelIndex | QPersistentModelIndex

# Drawn icons (ui.icons, in the text colour) for most statuses; coloured standard icons where
# they read on any palette
_STANDARD_ICONS = {
    "done": QStyle.StandardPixmap.SP_DialogApplyButton,
    "failed": QStyle.StandardPixmap.SP_MessageBoxCritical,
    "cancelled": QStyle.StandardPixmap.SP_DialogCancelButton,
}


class JobTableModel(QAbstractTableModel):
    Column = Column
    JobRole = JobRole
    ProgressRole = ProgressRole
    SortRole = SortRole

    def __init__(
        self,
        jobs: list[Job],
        *,
        price_per_minute: float = 0.0,
        currency: str = "₸",
        estimator: Estimator | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.estimator = estimator  # remaining time per job (None: none shown)
        self._jobs: list[Job] = list(jobs)
        self._rows: dict[int, int] = {job.id: row for row, job in enumerate(self._jobs)}
        self._price = price_per_minute
        self._currency = currency
        self._icons: dict[str, QIcon] = {}

    # ---- updates --------------------------------------------------------------------------
    def upsert(self, job: Job) -> None:
        """A changed job repaints its own row; a new job is appended."""
        row = self._rows.get(job.id)
        if row is None:
            row = len(self._jobs)
            self.beginInsertRows(QModelIndex(), row, row)
            self._jobs.append(job)
            self._rows[job.id] = row
            self.endInsertRows()
            return
        if self._jobs[row] == job:
            return
        self._jobs[row] = job
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))

    def remove(self, job_id: int) -> None:
        row = self._rows.get(job_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._jobs[row]
        del self._rows[job_id]
        for later in self._jobs[row:]:
            self._rows[later.id] -= 1
        self.endRemoveRows()

    def set_price(self, price_per_minute: float, currency: str) -> None:
        self._price = price_per_minute
        self._currency = currency
        if self._jobs:
            last = len(self._jobs) - 1
            self.dataChanged.emit(self.index(0, Column.COST), self.index(last, Column.COST))

    # ---- lookups --------------------------------------------------------------------------
    def job_at(self, row: int) -> Job:
        return self._jobs[row]

    def row_of(self, job_id: int) -> int | None:
        return self._rows.get(job_id)

    def jobs(self) -> list[Job]:
        return list(self._jobs)

    def language_names(self) -> list[str]:
        """What the Language column can say (its width is made for the longest)."""
        return [self.tr(name) for name in LANGUAGE_NAMES.values()]

    # ---- QAbstractTableModel --------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._jobs)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr(HEADERS[Column(section)])
        if role == Qt.ItemDataRole.TextAlignmentRole and section in (
            Column.DURATION,
            Column.COST,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._jobs):
            return None
        job = self._jobs[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(job, column)
        if role == JobRole:
            return job
        if role == ProgressRole:
            return progress_bar(job)
        if role == SortRole:
            return self._sort_key(job, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(job, column)
        if role == Qt.ItemDataRole.DecorationRole and column is Column.STATUS:
            return self._icon(job)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            Column.DURATION,
            Column.COST,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    # ---- texts ----------------------------------------------------------------------------
    def status_text(self, job: Job, now: float | None = None) -> str:
        state = job.state
        label = translate_message(look_of(job).label)
        if job.waiting_retry:
            return self.tr("Waiting to retry: {reason}").format(reason=translate_message(job.error))
        if state is JobState.DONE and job.finished_at is not None:
            return self.tr("Done {time}").format(time=self._time(job.finished_at))
        if state is JobState.FAILED:
            return translate_message(job.error) or label
        if job.paused:
            return self.tr("Paused: {reason}").format(reason=translate_message(job.error))
        if state is JobState.QUEUED or state.is_final:
            return label
        percent = int(stage_fraction(job) * 100)
        if state is JobState.CONVERTING:
            text = self.tr("Converting {percent}%").format(percent=percent)
            return text + self._time_tail(job, time.time() if now is None else now)
        if state is JobState.UPLOADING:
            return label
        if job.stage == STAGE_MODEL_DOWNLOAD:
            return self.tr("Downloading model {percent}%").format(percent=percent)
        if job.stage == STAGE_ENGINE_BUSY:
            return self.tr("Waiting for the offline engine (another file is being transcribed)")
        if job.stage == STAGE_SPEAKERS:
            text = self.tr("Finding speakers {percent}%").format(percent=percent)
        elif job.stage == STAGE_LOCAL:
            text = self.tr("Transcribing on this computer {percent}%").format(percent=percent)
            if job.duration_ms:
                text += " · " + self.tr("{done} of {total}").format(
                    done=timecode.duration(int(job.duration_ms * stage_fraction(job))),
                    total=timecode.duration(job.duration_ms),
                )
        elif job.waiting_since is not None:  # SpeechKit tells no percentage
            text = label
        else:
            text = self.tr("Recognizing {percent}%").format(percent=percent)
        return text + self._time_tail(job, time.time() if now is None else now)

    def _time_tail(self, job: Job, now: float) -> str:
        """ " · 0:41 elapsed · about 0:20 left" (or "· taking longer than usual")."""
        if job.started_at is None:
            return ""
        elapsed = max(now - job.started_at, 0.0)
        tail = " · " + self.tr("{elapsed} elapsed").format(
            elapsed=timecode.duration(int(elapsed * 1000))
        )
        if is_overdue(job, now):
            return tail + " · " + self.tr("taking longer than usual")
        left = self.estimator.job_left_s(job, now) if self.estimator is not None else None
        if left is not None:
            tail += " · " + self.tr("about {left} left").format(
                left=timecode.duration(max(int(left * 1000), 1000))
            )
        return tail

    def tick(self) -> None:
        """Repaint the Status column of running jobs (their elapsed time moves on)."""
        rows = [row for row, job in enumerate(self._jobs) if job.state.is_active]
        if rows:
            status = Column.STATUS
            self.dataChanged.emit(self.index(rows[0], status), self.index(rows[-1], status))

    def speakers_text(self, job: Job) -> str:
        """ "auto", "3 people", "2–8", "channels", "off"."""
        count = job.speakers_count
        if count == 1:
            return self.tr("1 person")
        if count is not None:
            return self.tr("%n people", "", count)
        if job.speakers is SpeakersMode.RANGE:
            low, high = job.speakers_range
            return f"{low}–{high}"
        return self.tr(SPEAKERS_SHORT[job.speakers])

    def _display(self, job: Job, column: Column) -> str:
        if column is Column.FILE:
            return job.file_name
        if column is Column.DURATION:
            return timecode.duration(job.duration_ms) if job.duration_ms is not None else "–"
        if column is Column.LANGUAGE:
            return self.tr(LANGUAGE_NAMES[job.language])
        if column is Column.SPEAKERS:
            return self.speakers_text(job)
        if column is Column.STATUS:
            return self.status_text(job)
        if column is Column.COST:
            value = self._cost(job)
            if value is None:
                return ""
            return f"{QLocale().toString(value, 'f', 2)} {self._currency}"
        if column is Column.FINISHED:
            return self._time(job.finished_at) if job.finished_at is not None else ""
        return ""

    def _tooltip(self, job: Job, column: Column) -> str | None:
        if column is Column.FILE:
            return job.source_path
        if column is Column.LANGUAGE:
            return self.tr(LANGUAGE_LONG[job.language])
        if column is Column.SPEAKERS:
            low, high = job.speakers_range
            return self.tr(SPEAKERS_LONG[job.speakers]).format(
                count=job.speakers_count, low=low, high=high
            )
        if column is Column.STATUS:
            return self.status_text(job)
        if column is Column.COST and self._cost(job) is not None:
            return self.tr("Estimated cost at {price} {currency} per minute").format(
                price=QLocale().toString(self._price, "f", 2), currency=self._currency
            )
        return None

    def _sort_key(self, job: Job, column: Column) -> Any:
        if column is Column.FILE:
            return job.file_name.casefold()
        if column is Column.DURATION:
            return job.duration_ms if job.duration_ms is not None else -1
        if column is Column.LANGUAGE:
            return job.language.value
        if column is Column.SPEAKERS:
            return self.speakers_text(job)
        if column is Column.STATUS:
            return look_of(job).rank + (1 - job.progress) * 0.5
        if column is Column.COST:
            value = self._cost(job)
            return -1.0 if value is None else value
        if column is Column.FINISHED:
            return job.finished_at if job.finished_at is not None else 0.0
        return None

    def _cost(self, job: Job) -> float | None:
        """None for an engine that does not charge per minute, no price or no length yet."""
        if job.duration_ms is None:
            return None
        return engine_registry.info(job.engine).cost(job.duration_ms, self._price)

    @staticmethod
    def _time(epoch_s: float) -> str:
        moment = QDateTime.fromMSecsSinceEpoch(int(epoch_s * 1000))
        if moment.date() == QDateTime.currentDateTime().date():
            return QLocale().toString(moment.time(), QLocale.FormatType.ShortFormat)
        return QLocale().toString(moment, QLocale.FormatType.ShortFormat)

    def forget_icons(self) -> None:
        """The palette changed (light <-> dark): draw the icons again in its colours."""
        self._icons.clear()
        if self._jobs:
            last = len(self._jobs) - 1
            self.dataChanged.emit(self.index(0, Column.STATUS), self.index(last, Column.STATUS))

    def _icon(self, job: Job) -> QIcon | None:
        name = look_of(job).icon
        icon = self._icons.get(name)
        if icon is None:
            app = QApplication.instance()
            if not isinstance(app, QApplication):
                return None  # no widgets (a QGuiApplication): no style to take icons from
            standard = _STANDARD_ICONS.get(name)
            if standard is None:
                icon = themed_icon(name, QApplication.palette())
            else:
                icon = app.style().standardIcon(standard)
            self._icons[name] = icon
        return icon
