from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QDir

from kzdesk.ui.single_instance import SingleInstance, paths_from_argv, server_name

ROOT = Path(__file__).resolve().parents[2]

SECOND_LAUNCH = """
import sys
from PySide6.QtCore import QCoreApplication
from kzdesk.ui.single_instance import SingleInstance
app = QCoreApplication([])
instance = SingleInstance(sys.argv[1])
primary = instance.is_primary()
print(f"primary={primary} answered={instance.primary_answered}", flush=True)
"""

CRASHING_FIRST = """
import os, sys
from PySide6.QtCore import QCoreApplication
from kzdesk.ui.single_instance import SingleInstance
app = QCoreApplication([])
instance = SingleInstance(sys.argv[1])
assert instance.is_primary([])
os._exit(0)
"""


@pytest.fixture
def key() -> str:
    return f"kzdesk-test-{uuid.uuid4().hex[:8]}"


def _launch(code: str, *args: str, cwd: Path = ROOT) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_second_launch_is_detected_and_its_files_forwarded(qtbot, key, tmp_path) -> None:
    first = SingleInstance(key)
    assert first.is_primary([])
    recordings = tmp_path / "recordings"
    recordings.mkdir()
    (recordings / "Жиналыс 12.11.mp3").write_bytes(b"x")
    (recordings / "interview.m4a").write_bytes(b"x")

    # Relative paths from the second launch's own folder arrive absolute; unknown ones are dropped.
    with qtbot.waitSignal(first.activation_requested, timeout=30_000) as blocker:
        second = _launch(
            SECOND_LAUNCH,
            key,
            "recordings/Жиналыс 12.11.mp3",
            "--verbose",
            str(recordings / "interview.m4a"),
            "missing.mp3",
            cwd=tmp_path,
        )
    out, err = second.communicate(timeout=30)
    assert second.returncode == 0, err
    assert blocker.args == [
        [str((recordings / "Жиналыс 12.11.mp3").resolve()), str(recordings / "interview.m4a")]
    ]
    assert "primary=False answered=True" in out
    first.close()


def test_second_instance_in_process_is_not_primary(qtbot, key) -> None:
    first = SingleInstance(key)
    assert first.is_primary([])
    assert first.is_primary([])  # idempotent
    with qtbot.waitSignal(first.activation_requested, timeout=10_000) as blocker:
        # Same thread: the first cannot answer until the event loop runs, so no acknowledgement.
        second = SingleInstance(key)
        assert not second.is_primary(["/a/b.mp3"])
    assert blocker.args == [["/a/b.mp3"]]
    first.close()


def test_after_the_first_quits_the_next_launch_is_primary(qtbot, key) -> None:
    first = SingleInstance(key)
    assert first.is_primary([])
    first.close()
    again = SingleInstance(key)
    assert again.is_primary([])
    again.close()


def test_a_socket_left_by_a_crash_does_not_block_the_next_start(qtbot, key) -> None:
    crashed = _launch(CRASHING_FIRST, key)
    _, err = crashed.communicate(timeout=30)
    assert crashed.returncode == 0, err
    if os.name == "posix":
        assert (Path(QDir.tempPath()) / server_name(key)).exists()
    survivor = SingleInstance(key)
    assert survivor.is_primary([])
    survivor.close()


def test_different_keys_do_not_meet(qtbot, key) -> None:
    a = SingleInstance(key)
    b = SingleInstance(key + "-other")
    assert a.is_primary([])
    assert b.is_primary([])
    a.close()
    b.close()


def test_server_names_are_per_key_and_safe() -> None:
    assert server_name("kzdesk") != server_name("kzdesk2")
    assert server_name("kzdesk") == server_name("kzdesk")
    assert "/" not in server_name("a/b c")


def test_paths_from_argv_keeps_existing_paths_only(tmp_path) -> None:
    (tmp_path / "a.mp3").write_bytes(b"x")
    assert paths_from_argv([str(tmp_path / "a.mp3"), "-v", str(tmp_path / "nope.mp3")]) == [
        str((tmp_path / "a.mp3").resolve())
    ]
