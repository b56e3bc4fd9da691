"""The C allocator of a child process that decodes for hours (the offline engine's).

glibc's malloc takes a block of 128 KiB or more straight from the system and gives it back when
freed — until a large block is freed: then it raises that threshold to the freed block's size
(up to 32 MiB), and from then on serves such blocks from its heap, which only shrinks from the
top. The offline engine allocates and frees large blocks all the time (each 30-s window's
encoder activations, each chunk's log-mel features, the speech of every region), among small
long-lived objects, so its heap grew with the number of windows and regions it had seen, not
with what it held. Measured in one process (Whisper base, a sentence every two minutes): the
3-hour file peaked at 547–591 MiB against 391 for the 10-minute one; with the threshold fixed
at 4 MiB (:func:`return_large_blocks`) 440 against 397. Fixed at 256 KiB the peaks were lower
still (397 against 338), but every mid-sized block then came from the system afresh and the
60-s English→German file took 11.2 s instead of 7.9.

Elsewhere (Windows, macOS, musl) these calls do nothing.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
LARGE_BLOCK = 4 * 1024 * 1024  # blocks this large always come from, and go back to, the system
TRIM_THRESHOLD = 4 * 1024 * 1024  # free memory at the heap's top beyond this goes back


def _glibc() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return None
    if not hasattr(libc, "mallopt") or not hasattr(libc, "malloc_trim"):
        return None
    return libc


def return_large_blocks() -> bool:
    """Fix glibc's thresholds for this process (call it early): large blocks are always the
    system's, so freeing one gives its memory back. True when glibc took the settings."""
    libc = _glibc()
    if libc is None:
        return False
    return bool(libc.mallopt(M_MMAP_THRESHOLD, LARGE_BLOCK)) and bool(
        libc.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD)
    )


def give_back_free_memory() -> None:
    """Return the heap's free pages to the system (between requests of a warm child)."""
    libc = _glibc()
    if libc is not None:
        libc.malloc_trim(0)
