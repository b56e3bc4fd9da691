"""Ask the operating system not to sleep while jobs run (Qt-free, standard library only).

- Linux: a ``systemd-inhibit --what=sleep:idle`` child process holds the lock while it lives
  (nothing happens where systemd-inhibit is missing).
- Windows: ``SetThreadExecutionState(ES_CONTINUOUS | ES_SYSTEM_REQUIRED)``. The state belongs to
  the calling thread, so call ``inhibit`` and ``release`` from the same long-lived thread (the
  GUI thread).
- macOS: ``caffeinate -i -w <our pid>``.

Failures are logged, never raised: not sleeping is a courtesy, not a requirement.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from types import TracebackType
from typing import Any

log = logging.getLogger(__name__)

ES_CONTINUOUS = 0x80000000
ES_SYSTEM_REQUIRED = 0x00000001

DEFAULT_REASON = "Transcribing recordings"
_STOP_TIMEOUT_S = 2.0


def _set_thread_execution_state(flags: int) -> int:
    """Windows only; a separate function so tests can replace it."""
    import ctypes

    kernel32: Any = ctypes.windll.kernel32  # type: ignore[attr-defined]
    return int(kernel32.SetThreadExecutionState(flags))


class SleepInhibitor:
    """``inhibit(reason)`` / ``release()``, both idempotent; also a context manager."""

    def __init__(self, *, platform: str | None = None) -> None:
        self.platform = platform or sys.platform
        self._process: subprocess.Popen[bytes] | None = None
        self._windows_active = False
        # the helper ended by itself once (no system bus, no permission): it would again, so
        # it is not started again in this session and the log says so once, not every batch
        self._helper_failed = False

    # ---- public -------------------------------------------------------------------------------
    @property
    def active(self) -> bool:
        """True while the system is being kept awake (as far as we can tell)."""
        if self._windows_active:
            return True
        return self._process is not None and self._process.poll() is None

    def inhibit(self, reason: str = DEFAULT_REASON) -> None:
        if self._process is not None or self._windows_active or self._helper_failed:
            return
        try:
            if self.platform.startswith("win"):
                self._inhibit_windows()
            elif self.platform == "darwin":
                self._spawn(self._macos_command())
            elif self.platform.startswith("linux"):
                self._spawn(self._linux_command(reason))
        except Exception:
            log.warning("could not ask the system to stay awake", exc_info=True)

    def release(self) -> None:
        try:
            if self._windows_active:
                self._windows_active = False
                _set_thread_execution_state(ES_CONTINUOUS)
            self._stop_process()
        except Exception:
            log.warning("could not release the stay-awake request", exc_info=True)

    def __enter__(self) -> SleepInhibitor:
        self.inhibit()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()

    def __del__(self) -> None:
        # Best effort only; the child also ends by itself when this process goes away.
        if self._process is not None:
            self.release()

    # ---- platforms ----------------------------------------------------------------------------
    def _inhibit_windows(self) -> None:
        if _set_thread_execution_state(ES_CONTINUOUS | ES_SYSTEM_REQUIRED) == 0:
            log.warning("SetThreadExecutionState failed; the system may sleep during jobs")
            return
        self._windows_active = True

    @staticmethod
    def _linux_command(reason: str) -> list[str] | None:
        tool = shutil.which("systemd-inhibit")
        if tool is None:
            log.info("systemd-inhibit is not available; the system may sleep during jobs")
            return None
        why = " ".join(reason.split()) or DEFAULT_REASON
        # `cat` reading our pipe instead of `sleep infinity`: when kzdesk exits or crashes, the
        # pipe closes, cat ends and the lock goes with it; nothing is left keeping the PC awake.
        return [
            tool,
            "--what=sleep:idle",
            "--who=kzdesk",
            f"--why={why}",
            "--mode=block",
            "cat",
        ]

    @staticmethod
    def _macos_command() -> list[str] | None:
        tool = shutil.which("caffeinate")
        if tool is None:
            log.info("caffeinate is not available; the system may sleep during jobs")
            return None
        # -w: caffeinate ends by itself when this process does.
        return [tool, "-i", "-w", str(os.getpid())]

    def _spawn(self, command: list[str] | None) -> None:
        if command is None:
            return
        self._process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            close_fds=True,
        )
        log.debug("keeping the system awake with %s (pid %d)", command[0], self._process.pid)

    def _stop_process(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is not None:
            # It ended on its own, e.g. systemd-inhibit without a system bus.
            err = process.stderr.read() if process.stderr else b""
            self._helper_failed = True
            log.info(
                "the stay-awake helper had ended (exit %s): %s; the system may sleep during "
                "jobs (not tried again until kzdesk restarts)",
                process.returncode,
                err.decode("utf-8", "replace").strip(),
            )
        else:
            if process.stdin:
                process.stdin.close()
            process.terminate()
            try:
                process.wait(timeout=_STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=_STOP_TIMEOUT_S)
        for stream in (process.stdin, process.stderr):
            if stream and not stream.closed:
                stream.close()
