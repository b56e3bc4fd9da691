from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QRunnable, QThreadPool
from pytestqt.qtbot import QtBot

from kzdesk.workers.waveform_task import compute_peaks
from tests.media import bursts_file


@pytest.fixture
def pool() -> QThreadPool:
    pool = QThreadPool()
    yield pool
    pool.waitForDone(5000)


def test_peaks_arrive_and_are_cached(qtbot: QtBot, pool: QThreadPool, tmp_path: Path) -> None:
    wav = bursts_file(tmp_path / "tone.wav", [(0.5, 1.0)], 2.0)
    done: list[object] = []
    compute_peaks(wav, tmp_path / "cache", done.append, done.append, bins_per_second=20, pool=pool)
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    peaks = done[0]
    assert len(peaks) == 40
    assert peaks.values[15:25].min() > 0.3
    assert list((tmp_path / "cache").glob("*.peaks"))


def test_a_missing_file_fails_with_a_sentence(
    qtbot: QtBot, pool: QThreadPool, tmp_path: Path
) -> None:
    failed: list[str] = []
    compute_peaks(
        tmp_path / "gone.mp3", tmp_path / "cache", failed.append, failed.append, pool=pool
    )
    qtbot.waitUntil(lambda: bool(failed), timeout=5000)
    assert isinstance(failed[0], str) and "gone.mp3" in failed[0]


class _Gate(QRunnable):
    """Holds the pool's only thread until opened, so a task can be cancelled before it runs."""

    def __init__(self) -> None:
        super().__init__()
        self.open = threading.Event()

    def run(self) -> None:
        self.open.wait(10)


def test_a_cancelled_task_reports_nothing(qtbot: QtBot, pool: QThreadPool, tmp_path: Path) -> None:
    wav = bursts_file(tmp_path / "tone.wav", [(0.5, 1.0)], 2.0)
    pool.setMaxThreadCount(1)
    gate = _Gate()
    pool.start(gate)
    reports: list[object] = []
    task = compute_peaks(wav, tmp_path / "cache", reports.append, reports.append, pool=pool)
    task.cancel()
    gate.open.set()  # the decode starts cancelled and stops at its first chunk
    qtbot.waitUntil(lambda: not task.running, timeout=5000)
    assert reports == []
    assert task.is_cancelled()
    assert not list((tmp_path / "cache").glob("*.peaks"))
