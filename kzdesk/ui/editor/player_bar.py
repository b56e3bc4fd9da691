"""The editor's player bar: play/pause, time, ±5 s, position slider, speed, follow playback.

Every control is a QAction (the editor window puts the same actions into its menus) shown here
through tool buttons. The slider never fights the user: while it is held the player's position
does not move it and the time label previews the handle; the seek happens on release.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QAction, QFont, QFontMetrics, QIcon, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractSlider,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QStyle,
    QToolButton,
    QWidget,
)

from kzdesk.core import timecode
from kzdesk.ui.editor.player import Player
from kzdesk.ui.icons import themed_icon

SPEEDS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
SKIP_MS = 5000

# Ctrl+Space is Cmd+Space (Spotlight) on macOS: F4 (as in transcription software) and the
# keyboard's media key work everywhere, also while a segment's text is being edited.
PLAY_PAUSE_KEYS = ("Ctrl+Space", "F4", "Media Play")
BACK_KEYS = "Alt+Left"
FORWARD_KEYS = "Alt+Right"
FASTER_KEYS = "Ctrl+Shift+."
SLOWER_KEYS = "Ctrl+Shift+,"
FOLLOW_KEYS = "Ctrl+Shift+F"


def speed_text(rate: float) -> str:
    return QLocale().toString(rate, "g", 3) + "×"


class PlayerBar(QWidget):
    follow_changed = Signal(bool)

    def __init__(self, player: Player, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.player = player
        self._play_icon = self._pause_icon = QIcon()

        self.play_pause_action = self._action(self.tr("Play"), PLAY_PAUSE_KEYS)
        self.back_action = self._action(
            self.tr("Back 5 seconds"), BACK_KEYS, icon_text=self.tr("−5 s")
        )
        self.forward_action = self._action(
            self.tr("Forward 5 seconds"), FORWARD_KEYS, icon_text=self.tr("+5 s")
        )
        self.faster_action = self._action(self.tr("Faster"), FASTER_KEYS)
        self.slower_action = self._action(self.tr("Slower"), SLOWER_KEYS)
        self.follow_action = self._action(self.tr("Follow playback"), FOLLOW_KEYS)
        self.follow_action.setIconText(self.tr("Follow"))
        self.follow_action.setCheckable(True)
        self.follow_action.setChecked(True)
        self._describe(
            self.follow_action,
            self.tr("Keep the phrase being played in view"),
        )

        self.play_pause_action.triggered.connect(self.player.toggle)
        self.back_action.triggered.connect(lambda: self.player.skip(-SKIP_MS))
        self.forward_action.triggered.connect(lambda: self.player.skip(SKIP_MS))
        self.faster_action.triggered.connect(lambda: self._step_speed(+1))
        self.slower_action.triggered.connect(lambda: self._step_speed(-1))
        self.follow_action.toggled.connect(self.follow_changed)

        self._build()
        self._update_icons()

        player.position_changed.connect(self._on_position)
        player.duration_changed.connect(self._on_duration)
        player.playing_changed.connect(self._on_playing)
        player.rate_changed.connect(self._on_rate)
        player.availability_changed.connect(self._on_availability)
        player.sound_device_changed.connect(self._update_sound_notice)
        self._on_duration(player.duration())
        self._on_position(player.position())
        self._on_playing(player.is_playing())
        self._on_rate(player.rate())
        self._on_availability(player.is_available())

    # ---- public -----------------------------------------------------------------------------
    def player_actions(self) -> list[QAction]:
        """The actions in menu order (the editor's Playback menu)."""
        return [
            self.play_pause_action,
            self.back_action,
            self.forward_action,
            self.slower_action,
            self.faster_action,
            self.follow_action,
        ]

    def add_trailing_widget(self, widget: QWidget) -> None:
        """Place ``widget`` at the right end of the bar (the editor's Export button)."""
        self._trailing.addWidget(widget)

    def is_following(self) -> bool:
        return self.follow_action.isChecked()

    def time_text(self) -> str:
        return self.time_label.text()

    # ---- building ---------------------------------------------------------------------------
    def _action(self, text: str, keys: str | tuple[str, ...], icon_text: str = "") -> QAction:
        action = QAction(text, self)
        if isinstance(keys, tuple):
            action.setShortcuts([QKeySequence(k) for k in keys])
        else:
            action.setShortcut(QKeySequence(keys))
        if icon_text:
            action.setIconText(icon_text)
        self._describe(action, text)
        self.addAction(action)  # shortcuts work even before the editor puts it in a menu
        return action

    @staticmethod
    def _describe(action: QAction, tip: str) -> None:
        keys = ", ".join(
            k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()[:2]
        )
        action.setToolTip(f"{tip} ({keys})" if keys else tip)
        action.setStatusTip(tip)

    def _update_icons(self) -> None:
        """Icons in the palette's colours: visible on light and dark themes."""
        palette = self.palette()
        self._play_icon = themed_icon("play", palette)
        self._pause_icon = themed_icon("pause", palette)
        self.play_pause_action.setIcon(
            self._pause_icon if self.player.is_playing() else self._play_icon
        )
        self.back_action.setIcon(themed_icon("back", palette))
        self.forward_action.setIcon(themed_icon("forward", palette))
        self.sound_icon.setPixmap(
            self.style()
            .standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            .pixmap(self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize))
        )

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # light <-> dark
            self._update_icons()

    def _button(self, action: QAction, style: Qt.ToolButtonStyle) -> QToolButton:
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setToolButtonStyle(style)
        button.setAutoRaise(True)
        return button

    def _build(self) -> None:
        self.play_button = self._button(
            self.play_pause_action, Qt.ToolButtonStyle.ToolButtonIconOnly
        )
        self.back_button = self._button(self.back_action, Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.forward_button = self._button(
            self.forward_action, Qt.ToolButtonStyle.ToolButtonTextOnly
        )
        self.follow_button = self._button(self.follow_action, Qt.ToolButtonStyle.ToolButtonTextOnly)

        self.time_label = QLabel(self)
        font = QFont(self.font())
        font.setFeature(QFont.Tag("tnum"), 1)  # tabular figures: the label does not jitter
        self.time_label.setFont(font)
        metrics = QFontMetrics(font)
        widest = max("0123456789", key=metrics.horizontalAdvance)
        sample = "00:00:00 / 00:00:00".replace("0", widest)
        self.time_label.setMinimumWidth(metrics.horizontalAdvance(sample) + 4)
        self.time_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setRange(0, 0)
        self.slider.setSingleStep(SKIP_MS)
        self.slider.setPageStep(30_000)
        self.slider.setToolTip(self.tr("Position in the recording"))
        self.slider.sliderMoved.connect(self._on_slider_moved)
        self.slider.sliderReleased.connect(self._on_slider_released)
        self.slider.actionTriggered.connect(self._on_slider_action)

        self.message_label = QLabel(self)
        self.message_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.message_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.message_label.hide()

        # no speakers or headphones: the recording plays silently, say so
        self.sound_icon = QLabel(self)
        self.sound_label = QLabel(self.tr("No sound device"), self)
        self.sound_label.setObjectName("noSoundDevice")
        notice = self.tr(
            "kzdesk found no speakers or headphones, so playback is silent (the position still "
            "moves). Connect a sound device; playback uses it as soon as it is there."
        )
        for widget in (self.sound_icon, self.sound_label):
            widget.setToolTip(notice)
            widget.hide()

        self.speed_label = QLabel(self.tr("Speed"), self)
        self.speed_combo = QComboBox(self)
        for rate in SPEEDS:
            self.speed_combo.addItem(speed_text(rate), rate)
        self.speed_combo.setToolTip(
            self.tr("Playback speed ({slower} slower, {faster} faster)").format(
                slower=self.slower_action.shortcut().toString(
                    QKeySequence.SequenceFormat.NativeText
                ),
                faster=self.faster_action.shortcut().toString(
                    QKeySequence.SequenceFormat.NativeText
                ),
            )
        )
        self.speed_label.setBuddy(self.speed_combo)
        self.speed_combo.currentIndexChanged.connect(self._on_speed_chosen)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.play_button)
        layout.addWidget(self.time_label)
        layout.addWidget(self.back_button)
        layout.addWidget(self.forward_button)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.message_label, 1)
        layout.addWidget(self.sound_icon)
        layout.addWidget(self.sound_label)
        layout.addWidget(self.speed_label)
        layout.addWidget(self.speed_combo)
        layout.addWidget(self.follow_button)
        self._trailing = QHBoxLayout()
        self._trailing.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._trailing)

    # ---- player -> bar ----------------------------------------------------------------------
    def _show_time(self, position: int) -> None:
        self.time_label.setText(
            f"{timecode.clock(position)} / {timecode.clock(self.player.duration())}"
        )

    def _on_position(self, ms: int) -> None:
        if self.slider.isSliderDown():
            return  # the user holds the handle: the label previews it instead
        self.slider.setValue(ms)
        self._show_time(ms)

    def _on_duration(self, ms: int) -> None:
        self.slider.setRange(0, max(ms, 0))
        self._show_time(self.slider.sliderPosition())

    def _on_playing(self, playing: bool) -> None:
        action = self.play_pause_action
        action.setText(self.tr("Pause") if playing else self.tr("Play"))
        action.setIcon(self._pause_icon if playing else self._play_icon)
        self._describe(action, action.text())

    def _on_rate(self, rate: float) -> None:
        index = min(range(len(SPEEDS)), key=lambda i: abs(SPEEDS[i] - rate))
        self.speed_combo.blockSignals(True)
        self.speed_combo.setCurrentIndex(index)
        self.speed_combo.blockSignals(False)
        self._update_enabled()

    def _on_availability(self, available: bool) -> None:
        message = "" if available else self.player.unavailable_message()
        self.message_label.setText(message)
        self.message_label.setToolTip(message)
        self.message_label.setVisible(not available)
        self.slider.setVisible(available)
        if not available:
            self.time_label.setText("--:--:-- / --:--:--")
        else:
            self._show_time(self.player.position())
        self._update_enabled()
        self._update_sound_notice()

    def _update_sound_notice(self, *_: object) -> None:
        missing = self.player.is_available() and not self.player.has_sound_device()
        self.sound_icon.setVisible(missing)
        self.sound_label.setVisible(missing)

    def has_sound_notice(self) -> bool:
        return not self.sound_label.isHidden()

    def _update_enabled(self) -> None:
        available = self.player.is_available()
        index = self.speed_combo.currentIndex()
        for action in (self.play_pause_action, self.back_action, self.forward_action):
            action.setEnabled(available)
        self.slower_action.setEnabled(available and index > 0)
        self.faster_action.setEnabled(available and index < len(SPEEDS) - 1)
        self.speed_combo.setEnabled(available)
        self.speed_label.setEnabled(available)
        self.time_label.setEnabled(available)

    # ---- user -> player ---------------------------------------------------------------------
    def _on_slider_moved(self, value: int) -> None:
        self._show_time(value)

    def _on_slider_released(self) -> None:
        self.player.seek(self.slider.value())

    def _on_slider_action(self, action: int) -> None:
        if QAbstractSlider.SliderAction(action) is not QAbstractSlider.SliderAction.SliderMove:
            # a click on the groove or a key: the position is already adjusted (not yet set)
            self.player.seek(self.slider.sliderPosition())

    def _on_speed_chosen(self, index: int) -> None:
        if index >= 0:
            self.player.set_rate(SPEEDS[index])
        self._update_enabled()

    def _step_speed(self, step: int) -> None:
        index = min(max(self.speed_combo.currentIndex() + step, 0), len(SPEEDS) - 1)
        self.speed_combo.setCurrentIndex(index)
