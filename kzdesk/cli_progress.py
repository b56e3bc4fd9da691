"""Per-file progress lines for the terminal (redrawn on a TTY, state changes otherwise)."""

from __future__ import annotations

import sys
import threading
import time
from typing import TextIO

from kzdesk.core import timecode
from kzdesk.core.job import (
    STAGE_ENGINE_BUSY,
    STAGE_LOCAL,
    STAGE_MODEL_DOWNLOAD,
    STAGE_SPEAKERS,
    Job,
    JobState,
)
from kzdesk.services.estimates import wait_state

_LABELS = {
    JobState.QUEUED: "waiting",
    JobState.CONVERTING: "converting",
    JobState.UPLOADING: "uploading",
    JobState.RECOGNIZING: "recognizing",
    JobState.DONE: "done",
    JobState.FAILED: "failed",
    JobState.CANCELLED: "cancelled",
}


def wait_note(job: Job, now: float | None = None) -> str:
    """SpeechKit tells no percentage while it recognises: the time it has been at it, and how
    long such a wait took here before (" 0:11 of usually 0:40", " 0:45, longer than usual")."""
    if job.state is not JobState.RECOGNIZING or job.waiting_since is None:
        return ""
    elapsed, usual = wait_state(job, now)
    text = f" {timecode.duration(int(elapsed * 1000))}"
    if usual is None:
        return text
    if elapsed >= usual:
        return f"{text}, longer than usual"
    return f"{text} of usually {timecode.duration(int(usual * 1000))}"


def stage_label(job: Job) -> str:
    """What a running job does, in words: the stage where it has one, else its state."""
    if job.state is JobState.RECOGNIZING:
        if job.stage == STAGE_MODEL_DOWNLOAD:
            return f"downloading model {job.stage_progress * 100:.0f}%"
        if job.stage == STAGE_ENGINE_BUSY:
            return "waiting for the offline engine"
        if job.stage == STAGE_LOCAL:
            text = "transcribing on this computer"
            if job.duration_ms:
                done = int(job.duration_ms * min(max(job.stage_progress, 0.0), 1.0))
                text += f" {timecode.duration(done)} of {timecode.duration(job.duration_ms)}"
            return text
        if job.stage == STAGE_SPEAKERS:
            return "finding speakers"
    return _LABELS[job.state]


def _bar(fraction: float, width: int = 24) -> str:
    filled = round(fraction * width)
    return "█" * filled + "░" * (width - filled)


class ProgressPrinter:
    def __init__(self, jobs: list[Job], stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.order = [j.id for j in jobs]
        self.jobs = {j.id: j for j in jobs}
        self.width = max((len(j.file_name) for j in jobs), default=10)
        self.width = min(self.width, 40)
        self._lock = threading.Lock()
        self._drawn = 0
        self._last_draw = 0.0

    def __call__(self, job: Job) -> None:
        with self._lock:
            old = self.jobs.get(job.id)
            if old is None:  # handed over by another kzdesk while this one runs
                self.order.append(job.id)
            self.jobs[job.id] = job
            changed = (
                old is None
                or old.state is not job.state
                or old.stage != job.stage
                or old.error != job.error
            )
            if self.tty:
                now = time.monotonic()
                if changed or now - self._last_draw > 0.2:
                    self._last_draw = now
                    self._redraw()
            elif changed:
                self.stream.write(self._line(job) + "\n")
                self.stream.flush()

    def note(self, text: str, *, stream: TextIO | None = None) -> None:
        """A line above the progress lines (an export written, a sentence about it)."""
        with self._lock:
            out = stream or self.stream
            if self.tty and self._drawn:
                self.stream.write(f"\x1b[{self._drawn}F\x1b[J")
                self.stream.flush()
                self._drawn = 0
            out.write(text + "\n")
            out.flush()
            if self.tty:
                self._redraw()

    def finish(self) -> None:
        with self._lock:
            if self.tty:
                self._redraw()

    def _line(self, job: Job) -> str:
        name = job.file_name
        if len(name) > self.width:
            name = name[: self.width - 1] + "…"
        label = stage_label(job)
        if job.state is JobState.QUEUED and job.error:
            label = f"waiting to retry: {job.error}"
        elif job.state is JobState.FAILED:
            label = f"failed: {job.error or ''}"
        elif job.state.is_active and job.error:  # waiting for disk space
            label = f"paused: {job.error}"
        label += wait_note(job)
        return f"{name:<{self.width}}  {_bar(job.progress)} {job.progress * 100:3.0f}%  {label}"

    def _redraw(self) -> None:
        if self._drawn:
            self.stream.write(f"\x1b[{self._drawn}F")
        for job_id in self.order:
            self.stream.write("\x1b[2K" + self._line(self.jobs[job_id]) + "\n")
        self._drawn = len(self.order)
        self.stream.flush()
