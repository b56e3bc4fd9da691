"""Typing while listening: the editor's play/pause, loop and speed keys, in one place.

* Play/pause, ±5 s and the speed keys are window shortcuts: they work while the segment editor
  has the focus (it claims only plain typing keys), so one can type and listen at once.
* Resuming after a pause rewinds a little (Settings → Proofreading, 2 s by default), so the
  words cut off by the pause are heard again; not after the user moved the playhead.
* Ctrl+L loops the current segment until pressed again (or the playhead is moved away).
* :meth:`Transport.play_word` plays around one word (F8 goes there).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from kzdesk.core.transcript import Segment
from kzdesk.ui.editor.player import Player

LOOP_KEYS = "Ctrl+L"
_LOOP_SLACK_MS = 400  # a report this far outside the looped segment means the user moved away


class Transport(QObject):
    def __init__(
        self,
        player: Player,
        play_pause: QAction,
        current_segment: Callable[[], Segment | None],
        *,
        rewind_ms: int = 2000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.player = player
        self.rewind_ms = rewind_ms
        self._current_segment = current_segment
        self._paused_at: int | None = None  # where a pause left the playhead
        self._loop: tuple[int, int] | None = None
        play_pause.triggered.disconnect()  # the bar toggled the player directly
        play_pause.triggered.connect(self.toggle)
        self.loop_action = QAction(self.tr("Loop current phrase"), self)
        self.loop_action.setShortcut(QKeySequence(LOOP_KEYS))
        self.loop_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.loop_action.setCheckable(True)
        self.loop_action.setToolTip(
            self.tr("Play the current phrase again and again ({keys})").format(
                keys=self.loop_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        self.loop_action.toggled.connect(self._on_loop_toggled)
        player.position_changed.connect(self._on_position)
        player.availability_changed.connect(self.loop_action.setEnabled)
        self.loop_action.setEnabled(player.is_available())

    # ---- play / pause -----------------------------------------------------------------------
    def toggle(self) -> None:
        player = self.player
        if player.is_playing():
            player.pause()
            self._paused_at = player.position()
            return
        if self._paused_at is not None and player.position() == self._paused_at:
            player.seek(max(self._paused_at - self.rewind_ms, 0))
        self._paused_at = None
        player.play()

    def play_word(self, start_ms: int, end_ms: int, lead_ms: int) -> None:
        """Play from ``lead_ms`` before a word to as long after it, then pause."""
        self.loop_action.setChecked(False)
        self._paused_at = None
        self.player.play_range(max(start_ms - lead_ms, 0), end_ms + lead_ms)

    # ---- loop ---------------------------------------------------------------------------------
    def _on_loop_toggled(self, on: bool) -> None:
        if not on:
            self._loop = None
            return
        seg = self._current_segment()
        if seg is None or seg.end_ms <= seg.start_ms:
            self.loop_action.setChecked(False)
            return
        self._loop = (seg.start_ms, seg.end_ms)
        position = self.player.position()
        if not seg.start_ms <= position < seg.end_ms:
            self.player.seek(seg.start_ms)
        self._paused_at = None
        self.player.play()

    def _on_position(self, ms: int) -> None:
        if self._loop is None:
            return
        start, end = self._loop
        if ms < start - _LOOP_SLACK_MS or ms > end + _LOOP_SLACK_MS:
            self.loop_action.setChecked(False)  # the user went elsewhere
        elif ms >= end:
            self.player.seek(start)
            if not self.player.is_playing():
                self.player.play()
