"""Run diarization in a child process: the encoder's memory goes back to the system when it
ends, a crash there cannot take the window down, and cancelling is immediate.

Progress and the result come back over a queue; ``cancelled()`` is polled here and passed on
through an event (the child also stops by itself if this process disappears).
"""

from __future__ import annotations

import multiprocessing
import queue
from collections.abc import Callable

from kzdesk.audio.errors import Cancelled
from kzdesk.diarization.pipeline import DiarizationOptions, DiarizationResult, diarize_audio

_POLL_S = 0.1


def _peak_rss_kb() -> int:
    try:
        import resource  # not on Windows
    except ImportError:
        return 0
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def _child(path: str, options: DiarizationOptions, duration_s: float, out, stop) -> None:
    try:
        result = diarize_audio(
            path,
            options,
            duration_s=duration_s,
            progress=lambda f, stage: out.put(("progress", f, stage)),
            cancelled=stop.is_set,
        )
        result.peak_rss_kb = _peak_rss_kb()
        out.put(("done", result, None))
    except Cancelled:
        out.put(("cancelled", None, None))
    except Exception as exc:  # handed to the parent, which raises it there
        out.put(("error", exc, None))


def diarize_in_subprocess(
    path: str,
    options: DiarizationOptions | None = None,
    *,
    duration_s: float = 0.0,
    progress: Callable[[float, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> DiarizationResult:
    """:func:`diarize_audio` in a fresh (spawned) process. Raises what the child raised,
    Cancelled when ``cancelled()`` turns true, RuntimeError if the child died."""
    options = options or DiarizationOptions()
    context = multiprocessing.get_context("spawn")
    out = context.Queue()
    stop = context.Event()
    child = context.Process(
        target=_child, args=(str(path), options, duration_s, out, stop), daemon=True
    )
    child.start()
    try:
        while True:
            if cancelled is not None and cancelled():
                stop.set()
            try:
                kind, value, stage = out.get(timeout=_POLL_S)
            except queue.Empty:
                if not child.is_alive():
                    raise RuntimeError(
                        f"speaker detection stopped unexpectedly (exit code {child.exitcode})"
                    ) from None
                continue
            if kind == "progress":
                if progress is not None:
                    progress(value, stage)
            elif kind == "done":
                return value
            elif kind == "cancelled":
                raise Cancelled()
            else:
                raise value
    finally:
        child.join(timeout=5)
        if child.is_alive():
            child.kill()
            child.join()
