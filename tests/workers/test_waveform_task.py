from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QThreadPool
from pytestqt.qtbot import QtBot

from kzdesk.workers.waveform_task import WaveformTask
from tests.media import bursts_file


@pytest.fixture
def pool() -> QThreadPool:
    pool = QThreadPool()
    yield pool
    pool.waitForDone(5000)


def test_peaks_arrive_and_are_cached(qtbot: QtBot, pool: QThreadPool, tmp_path: Path) -> None:
    wav = bursts_file(tmp_path / "tone.wav", [(0.5, 1.0)], 2.0)
    task = WaveformTask(wav, tmp_path / "cache", bins_per_second=20)
    with qtbot.waitSignal(task.signals.finished, timeout=5000) as done:
        pool.start(task)
    peaks = done.args[0]
    assert len(peaks) == 40
    assert peaks.values[15:25].min() > 0.3
    assert list((tmp_path / "cache").glob("*.peaks"))


def test_a_missing_file_fails_with_a_sentence(
    qtbot: QtBot, pool: QThreadPool, tmp_path: Path
) -> None:
    task = WaveformTask(tmp_path / "gone.mp3", tmp_path / "cache")
    with qtbot.waitSignal(task.signals.failed, timeout=5000) as failed:
        pool.start(task)
    assert "gone.mp3" in failed.args[0]


def test_a_cancelled_task_reports_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    wav = bursts_file(tmp_path / "tone.wav", [(0.5, 1.0)], 2.0)
    task = WaveformTask(wav, tmp_path / "cache")
    task.setAutoDelete(False)
    reports: list[object] = []
    task.signals.finished.connect(reports.append)
    task.signals.failed.connect(reports.append)
    task.cancel()
    task.run()  # in this thread: the decode stops at its first chunk
    QCoreApplication.sendPostedEvents()
    QCoreApplication.processEvents()  # anything it emitted has been delivered now
    assert reports == []
    assert task.is_cancelled()
    assert not list((tmp_path / "cache").glob("*.peaks"))
