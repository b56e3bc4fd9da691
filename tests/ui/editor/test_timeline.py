from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPalette
from pytestqt.qtbot import QtBot

from kzdesk.services.waveform import Peaks
from kzdesk.ui.editor.timeline import BAND_HEIGHT, TimelineWidget
from tests.ui.editor.sample import sample

DURATION = 10_000


def _peaks(duration_ms: int = DURATION) -> Peaks:
    values = np.abs(np.sin(np.linspace(0, 20, duration_ms // 20))).astype(np.float32)
    return Peaks(values, 50, duration_ms)


@pytest.fixture
def timeline(qtbot: QtBot) -> TimelineWidget:
    widget = TimelineWidget()
    qtbot.addWidget(widget)
    widget.resize(501, 60)
    widget.set_duration(DURATION)
    return widget


def test_click_seeks_to_the_proportional_time(qtbot: QtBot, timeline: TimelineWidget) -> None:
    with qtbot.waitSignal(timeline.seek_requested) as sought:
        qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=QPoint(250, 30))
    assert sought.args == [5000]
    with qtbot.waitSignal(timeline.seek_requested) as sought:
        qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=QPoint(0, 30))
    assert sought.args == [0]
    assert timeline.ms_at(500) == DURATION
    assert timeline.ms_at(9999) == DURATION


def test_drag_seeks_along(qtbot: QtBot, timeline: TimelineWidget) -> None:
    sought: list[int] = []
    timeline.seek_requested.connect(sought.append)
    qtbot.mousePress(timeline, Qt.MouseButton.LeftButton, pos=QPoint(100, 30))
    qtbot.mouseMove(timeline, QPoint(200, 30))
    qtbot.mouseRelease(timeline, Qt.MouseButton.LeftButton, pos=QPoint(200, 30))
    assert sought[0] == 2000
    assert sought[-1] == 4000


def test_nothing_to_seek_without_a_duration(qtbot: QtBot) -> None:
    widget = TimelineWidget()
    qtbot.addWidget(widget)
    sought: list[int] = []
    widget.seek_requested.connect(sought.append)
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    assert sought == []


def test_paints_with_and_without_peaks(timeline: TimelineWidget) -> None:
    timeline.set_transcript(sample())
    before = timeline.grab().toImage()
    assert not before.isNull()
    timeline.set_peaks(_peaks())
    after = timeline.grab().toImage()
    assert after != before  # the waveform appeared
    timeline.set_waveform_unavailable("The recording is damaged.")
    assert not timeline.grab().toImage().isNull()
    timeline.set_peaks(Peaks(np.zeros(0, dtype=np.float32), 50, 0))
    assert not timeline.grab().toImage().isNull()


def test_turns_are_drawn_in_the_speaker_colour(timeline: TimelineWidget) -> None:
    timeline.set_turns([(2000, 4000, "#E69F00"), (6000, 8000, QColor("#0072B2"))])
    timeline.set_peaks(_peaks())
    image = timeline.grab().toImage()
    y = timeline.height() - BAND_HEIGHT // 2 - 1
    assert image.pixelColor(150, y) == QColor("#E69F00")
    assert image.pixelColor(350, y) == QColor("#0072B2")
    base = timeline.palette().color(QPalette.ColorRole.Base)
    assert image.pixelColor(250, y) == base  # nobody speaks at 5 s


def test_playhead_moves_and_repaints_only_its_strips(
    qtbot: QtBot, timeline: TimelineWidget
) -> None:
    timeline.set_peaks(_peaks())
    timeline.show()
    qtbot.waitExposed(timeline)
    timeline.set_position(5000)
    assert timeline.position() == 5000
    image = timeline.grab().toImage()
    highlight = timeline.palette().color(QPalette.ColorRole.Highlight)
    assert image.pixelColor(250, 2) == highlight
    rects: list[object] = []
    real_update = timeline.update

    def record(*args: object) -> None:
        rects.append(args)
        real_update(*args)

    timeline.update = record  # type: ignore[method-assign]
    timeline.set_position(7500)
    assert len(rects) == 2
    assert all(r[0].width() < 10 for r in rects)  # type: ignore[index,attr-defined]
    rects.clear()
    timeline.set_position(7501)  # the same pixel: nothing to repaint
    assert rects == []


def test_dark_palette(timeline: TimelineWidget) -> None:
    palette = timeline.palette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#f0f0f0"))
    timeline.setPalette(palette)
    timeline.set_peaks(_peaks())
    image = timeline.grab().toImage()
    assert image.pixelColor(5, 1) == QColor("#1e1e1e")
    column = [image.pixelColor(x, 25).lightness() for x in range(500)]
    assert max(column) > 150  # waveform lines are light on the dark base


def test_overlapped_speech_is_hatched_across_the_waveform(timeline: TimelineWidget) -> None:
    t = sample(segments=4)
    t.overlaps = [(6000, 8000)]
    timeline.set_transcript(t)
    timeline.set_duration(DURATION)
    assert timeline.overlaps() == [(6000, 8000)]
    assert timeline.overlap_at(7000) and not timeline.overlap_at(5000)
    image = timeline.grab().toImage()
    base = timeline.palette().color(QPalette.ColorRole.Base)

    def hatched(x0: int, x1: int) -> int:
        return sum(
            image.pixelColor(x, y) != base
            for x in range(x0, x1)
            for y in range(2, timeline.height() - BAND_HEIGHT - 4)
        )

    # no waveform yet: only the hatching is drawn in the overlap, nothing outside it
    timeline.set_turns([])
    image = timeline.grab().toImage()
    inside, outside = hatched(310, 390), hatched(20, 90)  # (the note is in the middle)
    assert inside > 200 and outside < inside // 10
    timeline.set_overlaps([])
    image = timeline.grab().toImage()
    assert hatched(310, 390) < inside // 10
