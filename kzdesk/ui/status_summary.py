"""Status-bar summary ("2 running · 1 queued · about 12 min left · today 4.6 h of audio · est.
cost …"), the sentence said when a batch ends, and the details pane that shows a failed job's
full sentence with what can be done about it (Retry, or Remove / Show in folder for a file that
is not a usable recording)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QStyle, QWidget

from kzdesk.core import engine_registry
from kzdesk.core.job import Job, JobState
from kzdesk.services.estimates import QueueEstimate
from kzdesk.services.failures import retry_can_help
from kzdesk.ui.messages import translate_message


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
        estimate: QueueEstimate | None = None,
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
                # only engines that charge per minute (SpeechKit) cost anything
                price = engine_registry.info(job.engine).cost(job.duration_ms, price_per_minute)
                today_cost += price or 0.0
        parts = [self.tr("%n running", "", running), self.tr("%n queued", "", queued)]
        if failed:
            parts.append(self.tr("%n failed", "", failed))
        left = self.time_left(estimate) if estimate is not None and not paused else None
        if left and (running or queued):
            parts.append(left)
        locale = QLocale()
        hours = today_ms / 3_600_000
        if today_ms and hours < 0.1:
            minutes = max(1, round(today_ms / 60_000))
            parts.append(self.tr("today %n min of audio", "", minutes))
        elif today_ms:
            parts.append(
                self.tr("today {hours} h of audio").format(hours=locale.toString(hours, "f", 1))
            )
        if price_per_minute > 0 and today_cost > 0:
            amount = locale.toString(today_cost, "f", 2)
            parts.append(
                self.tr("est. cost {amount} {currency}").format(amount=amount, currency=currency)
            )
        if paused:
            parts.append(self.tr("queue paused"))
        self.setText(" · ".join(parts))

    def batch_message(self, done: int, failed: int, cancelled: int) -> tuple[str, str, bool]:
        """(title, sentence, is a warning) for the end of a batch: what happened, never "0
        recordings transcribed" after a Cancel."""
        parts = []
        if done:
            parts.append(self.tr("%n recording(s) transcribed", "", done))
        if failed:
            parts.append(self.tr("%n failed", "", failed))
        if cancelled:
            parts.append(self.tr("%n cancelled", "", cancelled))
        if done:
            return self.tr("kzdesk: the queue is finished"), " · ".join(parts) + ".", bool(failed)
        title = self.tr("kzdesk: the queue stopped")
        if failed and not cancelled:
            sentence = self.tr("Nothing was transcribed: %n recording(s) failed.", "", failed)
        elif cancelled and not failed:
            sentence = self.tr("Nothing was transcribed: %n recording(s) cancelled.", "", cancelled)
        else:
            sentence = self.tr("Nothing was transcribed: {what}.").format(what=" · ".join(parts))
        return title, sentence, bool(failed)

    def time_left(self, estimate: QueueEstimate) -> str | None:
        """ "about 12 min left", "at least 1 h 05 min left" (some files not measured yet);
        None when nothing useful can be said (only files that are not measured remain)."""
        if estimate.seconds < 45:
            return self.tr("less than a minute left") if estimate.complete else None
        minutes = max(1, round(estimate.seconds / 60))
        if minutes < 60:
            if estimate.complete:
                return self.tr("about %n min left", "", minutes)
            return self.tr("at least %n min left", "", minutes)
        hours, rest = divmod(minutes, 60)
        if estimate.complete:
            return self.tr("about {hours} h {minutes} min left").format(
                hours=hours, minutes=f"{rest:02d}"
            )
        return self.tr("at least {hours} h {minutes} min left").format(
            hours=hours, minutes=f"{rest:02d}"
        )


class FailureDetails(QFrame):
    """Under the table: the selected failed job's whole sentence, and Retry where running it
    again may help, or Remove and Show in folder where the file itself is the problem."""

    retry_requested = Signal(int)  # job id
    remove_requested = Signal(int)
    show_file_requested = Signal(int)

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
        self.label.setObjectName("failureSentence")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # a file name is never markup
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label, 1)
        self.retry_button = QPushButton(self.tr("Retry"))
        self.retry_button.clicked.connect(lambda: self._emit(self.retry_requested))
        self.show_file_button = QPushButton(self.tr("Show in folder"))
        self.show_file_button.clicked.connect(lambda: self._emit(self.show_file_requested))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(lambda: self._emit(self.remove_requested))
        for button in (self.retry_button, self.show_file_button, self.remove_button):
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    @property
    def job_id(self) -> int | None:
        return self._job_id

    def show_job(self, job: Job | None) -> None:
        """Shown for a failed job or one waiting to retry after a transient failure."""
        if job is None or not (job.waiting_retry or (job.state is JobState.FAILED and job.error)):
            self._job_id = None
            self.hide()
            return
        self._job_id = job.id
        sentence = translate_message(job.error)
        if job.file_name not in sentence:  # most sentences name the file themselves
            sentence = self.tr("“{name}”: {sentence}").format(name=job.file_name, sentence=sentence)
        if job.waiting_retry:
            sentence = self.tr("Waiting to retry. {sentence}").format(sentence=sentence)
        self.label.setText(sentence)
        failed = job.state is JobState.FAILED
        fixable = retry_can_help(job.error)
        self.retry_button.setVisible(failed and fixable)
        self.show_file_button.setVisible(failed and not fixable)
        self.remove_button.setVisible(failed and not fixable)
        self.show()

    def _emit(self, signal: Signal) -> None:
        if self._job_id is not None:
            signal.emit(self._job_id)  # type: ignore[attr-defined]
