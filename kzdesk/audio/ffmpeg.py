"""Find the ffmpeg program and run it without a shell, with progress and cancellation.

Lookup order: the KZDESK_FFMPEG environment variable; in a frozen (PyInstaller) bundle the
binary build.spec puts in its ``ffmpeg/`` folder; the binary shipped by imageio-ffmpeg. imageio-ffmpeg ships no ffprobe, so everything
here uses ffmpeg alone.
"""

from __future__ import annotations

import contextlib
import os
import queue
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kzdesk.audio.errors import AudioError, Cancelled
from kzdesk.core.i18n import QT_TRANSLATE_NOOP
from kzdesk.resources import bundle_dir, is_frozen

ENV_VAR = "KZDESK_FFMPEG"
_EXE_NAME = "ffmpeg.exe" if sys.platform == "win32" else "ffmpeg"
_POLL_S = 0.1  # how often a running ffmpeg is checked for cancellation


def find_ffmpeg() -> str:
    """Return the path of the ffmpeg executable, or raise AudioError."""
    override = os.environ.get(ENV_VAR, "").strip()
    if override:
        if Path(override).is_file():
            return override
        raise AudioError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The {variable} setting points to {override}, but there is no program there. "
                "Correct the path or remove the setting.",
            ).format(variable=ENV_VAR, override=override)
        )
    if is_frozen():
        bundle = bundle_dir()
        for folder in (bundle / "ffmpeg", bundle, Path(sys.executable).parent):
            candidate = folder / _EXE_NAME
            if candidate.is_file():
                return str(candidate)
    try:
        import imageio_ffmpeg

        return str(imageio_ffmpeg.get_ffmpeg_exe())
    except (ImportError, RuntimeError) as exc:
        raise AudioError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "kzdesk cannot find its audio converter (ffmpeg). Reinstall kzdesk, or set "
                "{variable} to the path of an ffmpeg program.",
            ).format(variable=ENV_VAR)
        ) from exc


def ffmpeg_input(path: str | Path) -> str:
    """An input/output argument that ffmpeg never mistakes for an option or a protocol."""
    return "file:" + str(Path(path).absolute())


BACKGROUND_NICENESS = 10


def popen_options() -> dict[str, object]:
    """Keep a console window from flashing up on Windows when the GUI starts ffmpeg, and run
    it below normal priority there (see :func:`lower_priority` for the other systems).

    Elsewhere ffmpeg runs with umask 077: what it writes are kzdesk's working copies in the
    data folder (converted audio, pieces), readable only by the user (kzdesk.services.privacy).
    """
    if sys.platform == "win32":
        flags = subprocess.CREATE_NO_WINDOW | subprocess.BELOW_NORMAL_PRIORITY_CLASS  # type: ignore[attr-defined]
        return {"creationflags": flags}
    return {"umask": 0o077}


def out_of_space(stderr: str) -> bool:
    """ffmpeg's output ran out of disk space (ENOSPC, or a quota: EDQUOT)."""
    return "No space left on device" in stderr or "Disk quota exceeded" in stderr


def start_pcm_decoder(
    file: str | Path, *, rate: int, channels: int, stderr: object
) -> subprocess.Popen[bytes]:
    """An ffmpeg decoding the first audio track of ``file`` to signed 16-bit PCM at ``rate``
    with ``channels`` on its stdout, below normal priority. Raises OSError when ffmpeg cannot
    start (the caller says what it was for)."""
    command = [find_ffmpeg(), "-hide_banner", "-nostdin", "-v", "error"]
    command += ["-i", ffmpeg_input(file), "-map", "0:a:0", "-vn", "-sn", "-dn"]
    command += ["-ac", str(channels), "-ar", str(rate), "-f", "s16le", "-acodec", "pcm_s16le"]
    command += ["pipe:1"]
    proc = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=stderr,
        **popen_options(),  # type: ignore[call-overload]
    )
    lower_priority(proc.pid)
    return proc


def lower_priority(pid: int) -> None:
    """Conversions are background work: five at once must not starve the window (or the rest
    of the user's laptop) of CPU. Best effort, right after the process starts."""
    if hasattr(os, "setpriority"):
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, pid, BACKGROUND_NICENESS)


@dataclass(frozen=True)
class FfmpegRun:
    returncode: int
    stderr: str  # the first and last lines ffmpeg wrote
    out_time_ms: int  # how far the output got (from -progress), -1 if never reported


class _StderrKeeper:
    """Keeps the head (format dump) and the tail (final errors) of ffmpeg's messages."""

    def __init__(self, head: int = 300, tail: int = 200) -> None:
        self._head: list[str] = []
        self._head_max = head
        self._tail: deque[str] = deque(maxlen=tail)

    def add(self, line: str) -> None:
        if len(self._head) < self._head_max:
            self._head.append(line)
        else:
            self._tail.append(line)

    def text(self) -> str:
        return "".join(self._head) + "".join(self._tail)


def _parse_out_time(value: str) -> int | None:
    """'00:01:02.500000' -> 62500; 'N/A' -> None."""
    try:
        hours, minutes, seconds = value.strip().split(":")
        return int((int(hours) * 3600 + int(minutes) * 60 + float(seconds)) * 1000)
    except ValueError:
        return None


def run_ffmpeg(
    args: Sequence[str],
    *,
    on_time_ms: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> FfmpegRun:
    """Run ffmpeg with `args`, report output time through on_time_ms, honour cancelled().

    on_time_ms and cancelled are called in the calling thread. When cancelled() turns true,
    ffmpeg is killed (within about 0.1 s) and Cancelled is raised; the caller removes output.
    """
    command = [find_ffmpeg(), "-hide_banner", "-nostdin", "-nostats", "-progress", "pipe:1"]
    command += list(args)
    try:
        proc = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            **popen_options(),  # type: ignore[call-overload]
        )
    except OSError as exc:
        raise AudioError(
            QT_TRANSLATE_NOOP(
                "Messages", "kzdesk could not start its audio converter (ffmpeg). Reinstall kzdesk."
            )
        ) from exc
    lower_priority(proc.pid)

    times: queue.Queue[int] = queue.Queue()
    keeper = _StderrKeeper()

    def read_progress() -> None:
        assert proc.stdout is not None
        for raw in proc.stdout:
            key, _, value = raw.decode("ascii", "replace").partition("=")
            if key == "out_time":
                ms = _parse_out_time(value)
                if ms is not None:
                    times.put(ms)

    def read_errors() -> None:
        assert proc.stderr is not None
        for raw in proc.stderr:
            keeper.add(raw.decode("utf-8", "replace"))

    readers = [
        threading.Thread(target=read_progress, daemon=True),
        threading.Thread(target=read_errors, daemon=True),
    ]
    for reader in readers:
        reader.start()

    last_ms = -1

    def drain(block: bool) -> None:
        nonlocal last_ms
        try:
            ms = times.get(timeout=_POLL_S) if block else times.get_nowait()
            while True:
                last_ms = max(last_ms, ms)
                if on_time_ms is not None:
                    on_time_ms(ms)
                ms = times.get_nowait()
        except queue.Empty:
            pass

    try:
        while proc.poll() is None:
            drain(block=True)
            if cancelled is not None and cancelled():
                proc.kill()
                proc.wait()
                raise Cancelled()
    except BaseException:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        raise
    finally:
        for reader in readers:
            reader.join(timeout=5)
    drain(block=False)
    return FfmpegRun(proc.returncode, keeper.text(), last_ms)


def last_error_line(stderr: str) -> str:
    """The last non-empty line ffmpeg wrote, for logs."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    return lines[-1] if lines else ""
