"""Status-bar summary ("2 running · 1 queued · 1 failed · today 4.6 h of audio · est. cost …")
and the details pane that shows a failed job's full sentence with Retry one click away."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QStyle, QWidget

from kzdesk.core import cost
from kzdesk.core.job import Job, JobState
from kzdesk.ui.messages import translate_message
from kzdesk.ui.text import fill


def _today_start(now: float | None = None) -> float:
    today = dt.datetime.fromtimestamp(now) if now is not None else dt.datetime.now()
    return today.replace(hour=0, minute=0, second=0, microsecond=0).timestamp()


class StatusSummary(QLabel):
    """Counts by state, today's transcribed audio and its estimated cost."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusSummary")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

    def update_from(
        self,
        jobs: Iterable[Job],
        *,
        price_per_minute: float,
        currency: str,
        paused: bool = False,
        now: float | None = None,
    ) -> None:
        running = queued = failed = 0
        today_ms = 0
        today_cost = 0.0
        start = _today_start(now)
        for job in jobs:
            if job.state.is_active:
                running += 1
            elif job.state is JobState.QUEUED:
                queued += 1
            elif job.state is JobState.FAILED:
                failed += 1
            elif (
                job.state is JobState.DONE
                and job.finished_at is not None
                and job.finished_at >= start
                and job.duration_ms
            ):
                today_ms += job.duration_ms
                if price_per_minute > 0:
                    today_cost += cost.estimate(job.duration_ms, 1, price_per_minute)
        parts = [self.tr("%n running", "", running), self.tr("%n queued", "", queued)]
        if failed:
            parts.append(self.tr("%n failed", "", failed))
        locale = QLocale()
        hours = today_ms / 3_600_000
        if today_ms and hours < 0.1:
            minutes = max(1, round(today_ms / 60_000))
            parts.append(self.tr("today %n min of audio", "", minutes))
        elif today_ms:
            parts.append(fill(self.tr("today %1 h of audio"), locale.toString(hours, "f", 1)))
        if price_per_minute > 0 and today_cost > 0:
            amount = locale.toString(today_cost, "f", 2)
            parts.append(fill(self.tr("est. cost %1 %2"), amount, currency))
        if paused:
            parts.append(self.tr("queue paused"))
        self.setText(" · ".join(parts))


class FailureDetails(QFrame):
    """Under the table: the selected failed job's full sentence and a Retry button."""

    retry_requested = Signal(int)  # job id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("failureDetails")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._job_id: int | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout.addWidget(icon)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label, 1)
        self.retry_button = QPushButton(self.tr("Retry"))
        self.retry_button.clicked.connect(self._on_retry_clicked)
        layout.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    @property
    def job_id(self) -> int | None:
        return self._job_id

    def show_job(self, job: Job | None) -> None:
        """Shown for a failed job or one waiting to retry after a transient failure."""
        if job is None or not job.error or job.state not in (JobState.FAILED, JobState.QUEUED):
            self._job_id = None
            self.hide()
            return
        self._job_id = job.id
        if job.state is JobState.FAILED:
            text = self.tr("“%1” failed: %2")
        else:
            text = self.tr("“%1” is waiting to retry: %2")
        self.label.setText(fill(text, job.file_name, translate_message(job.error)))
        self.retry_button.setVisible(job.state is JobState.FAILED)
        self.show()

    def _on_retry_clicked(self) -> None:
        if self._job_id is not None:
            self.retry_requested.emit(self._job_id)
