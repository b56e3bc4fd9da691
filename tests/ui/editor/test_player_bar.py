from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from kzdesk.ui.editor.player import Player
from kzdesk.ui.editor.player_bar import SPEEDS, PlayerBar
from tests.media import bursts_file


@pytest.fixture(scope="module")
def wav(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return bursts_file(tmp_path_factory.mktemp("bar") / "tone.wav", [(0.5, 1.0)], 12.0)


@pytest.fixture
def bar(qtbot: QtBot, wav: Path) -> PlayerBar:
    player = Player()
    player.set_volume(0.0)
    widget = PlayerBar(player)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(player.duration_changed, timeout=3000):
        player.load(wav)
    return widget


def test_label_shows_position_and_duration(bar: PlayerBar) -> None:
    assert bar.time_text() == "00:00:00 / 00:00:12"
    bar.player.seek(5_400)
    assert bar.time_text() == "00:00:05 / 00:00:12"
    assert bar.slider.value() == 5_400


def test_buttons_drive_the_player(qtbot: QtBot, bar: PlayerBar) -> None:
    player = bar.player
    bar.forward_button.click()
    assert player.position() == 5000
    bar.forward_button.click()
    bar.forward_button.click()
    assert player.position() == player.duration()
    bar.back_button.click()
    assert player.position() == player.duration() - 5000
    player.seek(1000)
    bar.back_button.click()
    assert player.position() == 0
    bar.play_button.click()
    assert player.is_playing()
    assert bar.play_pause_action.text() == "Pause"
    bar.play_button.click()
    assert not player.is_playing()
    assert bar.play_pause_action.text() == "Play"


def test_speed_combo_and_actions(bar: PlayerBar) -> None:
    assert bar.speed_combo.currentData() == 1.0
    bar.faster_action.trigger()
    assert bar.player.rate() == 1.25
    bar.speed_combo.setCurrentIndex(0)
    assert bar.player.rate() == SPEEDS[0]
    assert not bar.slower_action.isEnabled()  # already the slowest
    bar.player.set_rate(2.0)  # from elsewhere: the combo follows
    assert bar.speed_combo.currentData() == 2.0
    assert not bar.faster_action.isEnabled()


def test_dragging_the_slider_seeks_only_on_release(bar: PlayerBar) -> None:
    slider, player = bar.slider, bar.player
    slider.setSliderDown(True)
    slider.setSliderPosition(7_000)  # the user drags
    assert player.position() == 0
    assert bar.time_text() == "00:00:07 / 00:00:12"  # the label previews
    player.seek(2_000)  # playback goes on meanwhile: the handle stays with the user
    assert slider.sliderPosition() == 7_000
    assert bar.time_text() == "00:00:07 / 00:00:12"
    slider.setSliderDown(False)  # release
    assert player.position() == 7_000


def test_shortcuts_and_tooltips(bar: PlayerBar) -> None:
    expected = {
        bar.play_pause_action: "Ctrl+Space",
        bar.back_action: "Alt+Left",
        bar.forward_action: "Alt+Right",
        bar.faster_action: "Ctrl+Shift+.",
        bar.slower_action: "Ctrl+Shift+,",
    }
    for action, keys in expected.items():
        assert action.shortcut() == QKeySequence(keys)
        assert action.shortcut().toString(QKeySequence.SequenceFormat.NativeText) in (
            action.toolTip()
        )
    shortcuts = [a.shortcut() for a in bar.player_actions()]
    assert len(set(s.toString() for s in shortcuts)) == len(shortcuts)
    assert all(not s.isEmpty() for s in shortcuts)


def test_shortcut_works_in_the_window(qtbot: QtBot, bar: PlayerBar) -> None:
    with qtbot.waitActive(bar):
        bar.show()
        bar.activateWindow()
    qtbot.keyClick(bar, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert bar.player.position() == 5000


def test_follow_playback_toggles(qtbot: QtBot, bar: PlayerBar) -> None:
    assert bar.is_following()
    with qtbot.waitSignal(bar.follow_changed) as changed:
        bar.follow_button.click()
    assert changed.args == [False]
    assert not bar.is_following()
    assert bar.follow_button.text() == "Follow"


def test_trailing_widget_sits_at_the_right(bar: PlayerBar) -> None:
    export = QPushButton("Export")
    bar.add_trailing_widget(export)
    bar.resize(900, 40)
    bar.show()
    assert export.parent() is bar
    assert export.geometry().left() > bar.follow_button.geometry().right()


def test_disabled_with_a_message_without_source(qtbot: QtBot, bar: PlayerBar) -> None:
    bar.show()
    bar.player.unload("The recording was moved or deleted and no copy is left.")
    assert not bar.play_pause_action.isEnabled()
    assert not bar.forward_action.isEnabled()
    assert not bar.speed_combo.isEnabled()
    assert bar.message_label.isVisible()
    assert "moved or deleted" in bar.message_label.text()
    assert not bar.slider.isVisible()
    bar.play_pause_action.trigger()
    assert not bar.player.is_playing()


def test_no_sound_device_is_said_not_played_silently(qtbot: QtBot, wav: Path) -> None:
    devices: list[object] = []
    player = Player(outputs=lambda: devices)  # type: ignore[arg-type, return-value]
    bar = PlayerBar(player)
    qtbot.addWidget(bar)
    assert not bar.has_sound_notice()  # nothing loaded: nothing to hear anyway
    with qtbot.waitSignal(player.duration_changed, timeout=3000):
        player.load(wav)
    assert bar.has_sound_notice()
    assert "No sound device" in bar.sound_label.text()
    assert "speakers or headphones" in bar.sound_label.toolTip()
    devices.append(object())  # headphones plugged in
    with qtbot.waitSignal(player.sound_device_changed):
        player.check_sound_devices()
    assert not bar.has_sound_notice()


def test_icons_stay_visible_on_a_dark_palette(qtbot: QtBot, bar: PlayerBar) -> None:
    from kzdesk.ui.color_scheme import dark_palette

    def contrast(widget: PlayerBar) -> float:
        background = widget.palette().color(widget.backgroundRole()).lightnessF()
        image = widget.play_pause_action.icon().pixmap(24, 24).toImage()
        inked = [
            image.pixelColor(x, y)
            for x in range(image.width())
            for y in range(image.height())
            if image.pixelColor(x, y).alpha() > 200
        ]
        assert inked, "the icon draws something"
        return abs(sum(c.lightnessF() for c in inked) / len(inked) - background)

    assert contrast(bar) > 0.4
    bar.setPalette(dark_palette())  # what a dark system scheme gives (Qt's style hints)
    assert contrast(bar) > 0.4
