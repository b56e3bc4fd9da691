"""The offline engine's child process, seen from the parent: started once, kept warm.

Recognition runs in a child process (multiprocessing *spawn*), so an out-of-memory kill or a
native crash takes only the child down, and a cancel can end it at once. Starting a child and
loading a model costs seconds (importing CTranslate2, reading the weights) — more than
recognising a short recording — so the child serves one request after another with its model
loaded, for as long as jobs keep coming: the queue's runner calls :meth:`release` when the
queue is idle. A child that died (a cancel, a crash, out of memory) is replaced by a fresh one
for the next request.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

from kzdesk.audio.ffmpeg import lower_priority
from kzdesk.core.engine import EngineError, FailureKind
from kzdesk.core.i18n import QT_TRANSLATE_NOOP
from kzdesk.engines import whisper_worker
from kzdesk.engines.whisper_messages import Done, Failed, Message, WhisperRequest

log = logging.getLogger(__name__)

POLL_S = 0.2  # how often the parent looks at the cancel flag while the child works
STOP_GRACE_S = 0.5  # after terminate(), before kill()

CRASHED = QT_TRANSLATE_NOOP(
    "Messages",
    "The offline engine stopped unexpectedly (the computer may have run out of memory). "
    "The part transcribed so far is kept; try a smaller model or close other programs, "
    "then Retry.",
)
CANCELLED = QT_TRANSLATE_NOOP("Messages", "The offline transcription was cancelled.")


class WhisperProcess:
    """One child process serving recognition requests one at a time.

    ``keep_warm=False``: the child ends after each request (an engine used on its own)."""

    def __init__(self, *, keep_warm: bool = True) -> None:
        self.keep_warm = keep_warm
        self.starts = 0  # children started so far (a warm batch starts one)
        self._mp = multiprocessing.get_context("spawn")
        self._lock = threading.Lock()
        self._process: Any = None
        self._conn: Any = None

    @property
    def warm(self) -> bool:
        """A child is running (idle between requests, or working)."""
        process = self._process
        return process is not None and process.is_alive()

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def spawn(self) -> tuple[Any, Any]:
        """Start a child; (process, the parent's end of its pipe)."""
        parent_end, child_end = self._mp.Pipe(duplex=True)
        process = self._mp.Process(
            target=whisper_worker.serve, args=(child_end,), name="kzdesk-whisper", daemon=True
        )
        process.start()
        child_end.close()  # the child holds the only other end: EOF when it dies
        lower_priority(process.pid)
        self.starts += 1
        return process, parent_end

    # ---- requests -------------------------------------------------------------------------
    @contextlib.contextmanager
    def claimed(self, cancelled: Callable[[], bool]) -> Iterator[WhisperProcess]:
        """Hold the child for one request (waiting while another uses it)."""
        while not self._lock.acquire(timeout=POLL_S):
            if cancelled():
                raise EngineError(FailureKind.CANCELLED, CANCELLED)
        try:
            yield self
        finally:
            if not self.keep_warm:
                self._stop_now()
            self._lock.release()

    def run(
        self,
        request: WhisperRequest,
        on_message: Callable[[Message], None],
        cancelled: Callable[[], bool],
    ) -> Done:
        """Send one request and hand its messages over until Done (returned). Raises
        EngineError: the child's Failed, CRASHED when it died, CANCELLED (the child is ended at
        once). Call it inside :meth:`claimed`."""
        process, conn = self._started(request)
        while True:
            if cancelled():
                self._stop_now()
                raise EngineError(FailureKind.CANCELLED, CANCELLED)
            if not conn.poll(POLL_S):
                if process.is_alive() or conn.poll(0):
                    continue
                raise self._crashed()
            try:
                message = conn.recv()
            except (EOFError, OSError):
                raise self._crashed() from None
            if isinstance(message, Done):
                return message
            if isinstance(message, Failed):
                raise EngineError(_kind(message.kind), message.message)
            on_message(message)

    def _started(self, request: WhisperRequest) -> tuple[Any, Any]:
        """The warm child with the request sent to it (a fresh child if it is gone)."""
        for _attempt in range(2):
            if self._process is None or not self._process.is_alive():
                self._forget()
                self._process, self._conn = self.spawn()
            try:
                self._conn.send(request)
                return self._process, self._conn
            except (OSError, ValueError):
                self._forget()  # it died while idle: start another
        raise EngineError(FailureKind.CRASHED, CRASHED)

    # ---- ending ---------------------------------------------------------------------------
    def release(self, *, wait: bool = False) -> bool:
        """End an idle child; False when it is busy (or none runs). It exits by itself after
        reading the stop request: ``wait`` waits for that (a few seconds at most), else a
        background thread reaps it."""
        if not self._lock.acquire(blocking=False):
            return False
        try:
            process, conn = self._process, self._conn
            self._process = self._conn = None
            if conn is not None:
                with contextlib.suppress(OSError, ValueError):
                    conn.send(None)  # the child exits after reading it
                conn.close()
            if process is None:
                return False
            if wait:
                _reap(process)
                return True
            threading.Thread(
                target=_reap, args=(process,), name="kzdesk-whisper-reaper", daemon=True
            ).start()
            return True
        finally:
            self._lock.release()

    def _stop_now(self) -> None:
        process, conn = self._process, self._conn
        self._process = self._conn = None
        if conn is not None:
            conn.close()
        if process is not None:
            stop(process)

    def _forget(self) -> None:
        """Drop a dead (or unusable) child."""
        self._stop_now()

    def _crashed(self) -> EngineError:
        process = self._process
        if process is not None:
            process.join(STOP_GRACE_S)
            log.warning(
                "the whisper child ended without finishing (exit code %s)", process.exitcode
            )
        self._forget()
        return EngineError(FailureKind.CRASHED, CRASHED)


def _kind(value: str) -> FailureKind:
    try:
        return FailureKind(value)
    except ValueError:
        return FailureKind.CRASHED


def _reap(process: Any) -> None:
    """Wait for a released child to exit by itself; end it if it does not."""
    process.join(5.0)
    stop(process)


def stop(process: Any) -> None:
    """End the child within a second: wait briefly if it is finishing, else terminate, kill."""
    deadline = time.monotonic() + STOP_GRACE_S
    with contextlib.suppress(ValueError):  # already closed
        process.join(0.05)
        if process.is_alive():
            process.terminate()
            process.join(max(deadline - time.monotonic(), 0.05))
        if process.is_alive():
            process.kill()
            process.join(STOP_GRACE_S)
        process.close()
