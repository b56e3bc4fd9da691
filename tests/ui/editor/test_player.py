"""The player against real QtMultimedia (offscreen, no sound device needed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Q_ARG, QCoreApplication, QMetaObject, Qt, QThread, QUrl
from PySide6.QtMultimedia import QMediaPlayer
from pytestqt.qtbot import QtBot

from kzdesk.services.playback_source import PlaybackPiece, PlaybackSource
from kzdesk.ui.editor.player import Player
from tests.media import bursts_file

TOTAL_MS = 3000


@pytest.fixture(scope="module")
def wav(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return bursts_file(tmp_path_factory.mktemp("play") / "tone.wav", [(0.5, 1.0)], TOTAL_MS / 1000)


@pytest.fixture(scope="module")
def halves(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("pieces")
    extra = ["-c:a", "libopus", "-b:a", "24k"]
    return [
        bursts_file(folder / f"audio-part{i:03d}.ogg", [(0.2, 0.5)], 1.0, extra=extra)
        for i in range(2)
    ]


@pytest.fixture
def player(qtbot: QtBot) -> Player:
    p = Player()
    p.set_volume(0.0)
    yield p
    # Qt's FFmpeg backend waits inside stop() and setSource() for its audio thread, and that
    # thread may need Python's interpreter lock as it tears down (its objects call back into
    # the output's Python wrapper). Called from Python, which holds the lock, that deadlocked
    # once in a CI run; queued, the calls run from the event loop, which has let go of it.
    media = p._media
    assert QMetaObject.invokeMethod(media, "stop", Qt.ConnectionType.QueuedConnection)
    assert QMetaObject.invokeMethod(
        media, "setSource", Qt.ConnectionType.QueuedConnection, Q_ARG(QUrl, QUrl())
    )
    # the player is deleted only once it has no media any more (deleting it mid-teardown can
    # crash Qt under load)
    idle = {QMediaPlayer.MediaStatus.NoMedia, QMediaPlayer.MediaStatus.InvalidMedia}
    qtbot.waitUntil(lambda: media.mediaStatus() in idle, timeout=10000)
    p.unload()  # nothing is left for Qt to tear down: only the player's own state
    p.deleteLater()


def _loaded(qtbot: QtBot, player: Player, source: object) -> None:
    with qtbot.waitSignal(player.duration_changed, timeout=3000):
        assert player.load(source)  # type: ignore[arg-type]


def test_load_reports_duration_and_play_advances(qtbot: QtBot, player: Player, wav: Path) -> None:
    _loaded(qtbot, player, wav)
    assert abs(player.duration() - TOTAL_MS) <= 50
    assert player.is_available()
    positions: list[int] = []
    player.position_changed.connect(positions.append)
    with qtbot.waitSignal(player.playing_changed, timeout=1000) as playing:
        player.play()
    assert playing.args == [True]
    qtbot.waitUntil(lambda: player.position() > 400, timeout=2000)
    assert positions == sorted(positions)  # never backwards while playing
    assert len(positions) >= 8  # the ~30 ms ticker, not only QMediaPlayer's coarse reports
    player.pause()
    assert not player.is_playing()
    stopped = player.position()
    # what could still move it: the ticker and QMediaPlayer's own reports
    assert not player._ticker.isActive()
    player._on_tick()
    player._on_media_position(stopped + 500)
    QCoreApplication.processEvents()
    assert player.position() == stopped


def test_stop_and_set_source_run_from_an_event_loop_before_returning(
    qtbot: QtBot, player: Player, wav: Path
) -> None:
    """Qt's FFmpeg backend waits in stop() and setSource() for a thread that may need the
    interpreter lock: the player makes those calls from a local event loop (which has let go
    of it) and goes on once they returned. What QMediaPlayer says inside them (its state and
    status, told at once) is said from inside an event loop, though none runs here."""
    _loaded(qtbot, player, wav)
    player.play()
    qtbot.waitUntil(lambda: player.position() > 200, timeout=2000)
    said: list[tuple[str, int]] = []
    direct = Qt.ConnectionType.DirectConnection
    level = QThread.currentThread().loopLevel
    media = player._media
    media.playbackStateChanged.connect(lambda s: said.append((s.name, level())), direct)
    media.mediaStatusChanged.connect(lambda s: said.append((s.name, level())), direct)
    assert level() == 0
    player.unload()
    assert ("StoppedState", 1) in said and ("NoMedia", 1) in said
    assert all(depth == 1 for _name, depth in said)
    assert media.playbackState() == QMediaPlayer.PlaybackState.StoppedState
    assert media.source() == QUrl()
    assert not player.is_playing() and not player.is_available()


def test_seek_and_skip_clamp(qtbot: QtBot, player: Player, wav: Path) -> None:
    _loaded(qtbot, player, wav)
    player.seek(1500)
    assert player.position() == 1500
    player.skip(-5000)
    assert player.position() == 0
    player.skip(5000)
    assert player.position() == player.duration()
    player.seek(-10)
    assert player.position() == 0


def test_set_rate_clamps_and_speeds_up(qtbot: QtBot, player: Player, wav: Path) -> None:
    _loaded(qtbot, player, wav)
    rates: list[float] = []
    player.rate_changed.connect(rates.append)
    player.set_rate(5)
    player.set_rate(0.1)
    player.set_rate(2.0)
    assert rates == [2.0, 0.5, 2.0]
    assert player.rate() == 2.0
    player.play()
    qtbot.waitUntil(lambda: player.position() >= 1600, timeout=2500)  # about 0.8 s at 2x


def test_play_range_pauses_at_the_end(qtbot: QtBot, player: Player, wav: Path) -> None:
    _loaded(qtbot, player, wav)
    player.play_range(500, 900)
    assert player.is_playing()
    qtbot.waitUntil(lambda: not player.is_playing(), timeout=2000)
    assert player.position() == 900
    assert not player._ticker.isActive()
    player._on_tick()
    player._on_media_position(1200)
    QCoreApplication.processEvents()
    assert player.position() == 900


def test_plays_to_the_end_and_again(qtbot: QtBot, player: Player, wav: Path) -> None:
    _loaded(qtbot, player, wav)
    player.seek(2700)
    player.play()
    qtbot.waitUntil(lambda: not player.is_playing(), timeout=2000)
    assert player.position() == player.duration()
    player.play()  # from the start again
    assert player.position() < 100


def test_missing_file_fails_with_a_sentence(qtbot: QtBot, player: Player, tmp_path: Path) -> None:
    with qtbot.waitSignal(player.failed, timeout=1000) as failed:
        assert not player.load(tmp_path / "gone.mp3")
    sentence = failed.args[0]
    assert "gone.mp3" in sentence and sentence.endswith(".")
    assert not player.is_available()
    assert player.unavailable_message() == sentence
    player.play()  # harmless without a source
    assert not player.is_playing()


def test_damaged_file_fails_with_a_sentence(qtbot: QtBot, player: Player, tmp_path: Path) -> None:
    bad = tmp_path / "broken.mp3"
    bad.write_bytes(b"not audio at all " * 200)
    with qtbot.waitSignal(player.failed, timeout=3000) as failed:
        player.load(bad)
        player.play()
    assert "broken.mp3" in failed.args[0]
    assert "Error" not in failed.args[0]
    assert not player.is_available()


def test_pieces_play_in_the_transcript_time_base(
    qtbot: QtBot, player: Player, halves: list[Path]
) -> None:
    source = PlaybackSource(
        (PlaybackPiece(halves[0], 0, 1000), PlaybackPiece(halves[1], 1000, 1000)), False, 2000
    )
    _loaded(qtbot, player, source)
    assert player.duration() == 2000
    player.seek(1500)  # opens the second piece
    assert player.position() == 1500
    player.seek(700)
    player.play()
    qtbot.waitUntil(lambda: player.position() > 1250, timeout=2500)  # moved on to piece 2
    assert player.is_playing()
    qtbot.waitUntil(lambda: not player.is_playing(), timeout=2500)
    assert player.position() >= 1900
