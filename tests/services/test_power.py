from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from kzdesk.services import power
from kzdesk.services.power import ES_CONTINUOUS, ES_SYSTEM_REQUIRED, SleepInhibitor

posix_only = pytest.mark.skipif(os.name != "posix", reason="uses a fake helper shell script")


def _fake_tool(bin_dir: Path, name: str, record: Path) -> None:
    """A stand-in for systemd-inhibit / caffeinate: records its arguments and its pid, then
    runs the command after the options (systemd-inhibit) or waits on stdin (caffeinate)."""
    script = bin_dir / name
    script.write_text(
        textwrap.dedent(
            f"""\
            #!/bin/sh
            printf '%s\\n' "$$" "$@" > '{record}'
            while [ $# -gt 0 ]; do
              case "$1" in --*|-i|-w) shift ;; [0-9]*) shift ;; *) break ;; esac
            done
            if [ $# -gt 0 ]; then exec "$@"; else exec cat; fi
            """
        ),
        encoding="utf-8",
    )
    script.chmod(0o755)


def _wait_for(predicate, timeout_s: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return predicate()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie still answers kill(0); look at its state where /proc exists.
    stat = Path(f"/proc/{pid}/stat")
    if stat.exists():
        try:
            return stat.read_text().split(") ", 1)[1][0] != "Z"
        except (OSError, IndexError):
            return False
    return True


@pytest.fixture
def fake_bin(tmp_path, monkeypatch) -> Path:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}/usr/bin{os.pathsep}/bin")
    return bin_dir


@posix_only
def test_linux_holds_a_systemd_inhibit_lock_until_released(fake_bin, tmp_path) -> None:
    record = tmp_path / "args.txt"
    _fake_tool(fake_bin, "systemd-inhibit", record)
    inhibitor = SleepInhibitor(platform="linux")
    inhibitor.inhibit("Transcribing  3 recordings")
    assert _wait_for(record.exists)
    assert _wait_for(lambda: len(record.read_text().splitlines()) > 1)
    pid, *args = record.read_text().splitlines()
    assert args[:3] == ["--what=sleep:idle", "--who=kzdesk", "--why=Transcribing 3 recordings"]
    assert inhibitor.active

    inhibitor.inhibit("again")  # idempotent: still the same helper
    assert record.read_text().splitlines()[0] == pid

    inhibitor.release()
    assert not inhibitor.active
    assert _wait_for(lambda: not _alive(int(pid)))
    inhibitor.release()  # idempotent


@posix_only
def test_the_lock_ends_when_the_app_dies_without_releasing(fake_bin, tmp_path) -> None:
    record = tmp_path / "args.txt"
    _fake_tool(fake_bin, "systemd-inhibit", record)
    code = (
        "import os, time\n"
        "from kzdesk.services.power import SleepInhibitor\n"
        "inhibitor = SleepInhibitor(platform='linux')\n"
        "inhibitor.inhibit('crash test')\n"
        "deadline = time.monotonic() + 20\n"
        f"while not os.path.exists({str(record)!r}) and time.monotonic() < deadline:\n"
        "    time.sleep(0.01)\n"
        "time.sleep(0.2)\n"
        "os._exit(3)\n"  # a crash: no release, no finalisers
    )
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", code], cwd=root, timeout=60)
    assert result.returncode == 3
    pid = int(record.read_text().splitlines()[0])
    assert _wait_for(lambda: not _alive(pid)), "the helper outlived the app"


@posix_only
def test_linux_without_systemd_inhibit_does_nothing(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with SleepInhibitor(platform="linux") as inhibitor:
        assert not inhibitor.active
    assert not inhibitor.active


def test_a_helper_that_cannot_start_is_logged_not_raised(monkeypatch, caplog) -> None:
    monkeypatch.setattr(power.shutil, "which", lambda name: "/nonexistent/systemd-inhibit")
    inhibitor = SleepInhibitor(platform="linux")
    inhibitor.inhibit("x")
    assert not inhibitor.active
    assert "could not ask the system to stay awake" in caplog.text
    inhibitor.release()


@posix_only
def test_a_helper_that_exits_at_once_is_reported_on_release(fake_bin, caplog) -> None:
    tool = fake_bin / "systemd-inhibit"
    tool.write_text("#!/bin/sh\necho 'Failed to connect to bus' >&2\nexit 1\n", encoding="utf-8")
    tool.chmod(0o755)
    inhibitor = SleepInhibitor(platform="linux")
    inhibitor.inhibit("x")
    assert _wait_for(lambda: not inhibitor.active)
    caplog.set_level("INFO", logger="kzdesk.services.power")
    inhibitor.release()
    assert "Failed to connect to bus" in caplog.text
    # the next batches do not start it again, nor repeat the line in the log
    record = fake_bin / "started"
    tool.write_text(f"#!/bin/sh\ntouch '{record}'\nexit 1\n", encoding="utf-8")
    for _ in range(3):
        inhibitor.inhibit("x")
        inhibitor.release()
    assert not record.exists()
    assert caplog.text.count("stay-awake helper had ended") == 1


@posix_only
def test_macos_runs_caffeinate_tied_to_our_pid(fake_bin, tmp_path) -> None:
    record = tmp_path / "args.txt"
    _fake_tool(fake_bin, "caffeinate", record)
    with SleepInhibitor(platform="darwin") as inhibitor:
        assert _wait_for(lambda: record.exists() and len(record.read_text().splitlines()) > 1)
        pid, *args = record.read_text().splitlines()
        assert args == ["-i", "-w", str(os.getpid())]
        assert inhibitor.active
    assert _wait_for(lambda: not _alive(int(pid)))


def test_windows_sets_and_clears_the_thread_execution_state(monkeypatch) -> None:
    calls: list[int] = []

    def fake_state(flags: int) -> int:
        calls.append(flags)
        return 0x80000000

    monkeypatch.setattr(power, "_set_thread_execution_state", fake_state)
    inhibitor = SleepInhibitor(platform="win32")
    inhibitor.inhibit("x")
    inhibitor.inhibit("x")
    assert inhibitor.active
    inhibitor.release()
    inhibitor.release()
    assert calls == [ES_CONTINUOUS | ES_SYSTEM_REQUIRED, ES_CONTINUOUS]
    assert not inhibitor.active


def test_windows_failures_never_raise(monkeypatch) -> None:
    monkeypatch.setattr(power, "_set_thread_execution_state", lambda flags: 0)
    inhibitor = SleepInhibitor(platform="win32")
    inhibitor.inhibit("x")
    assert not inhibitor.active

    def broken(flags: int) -> int:
        raise OSError("no kernel32")

    monkeypatch.setattr(power, "_set_thread_execution_state", broken)
    inhibitor.inhibit("x")
    inhibitor.release()
    assert not inhibitor.active


def test_other_platforms_are_a_no_op() -> None:
    with SleepInhibitor(platform="plan9") as inhibitor:
        assert not inhibitor.active
