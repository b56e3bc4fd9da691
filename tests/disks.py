"""Small real disks for tests: a tmpfs mounted where this process may mount one (root with the
right to mount, as on the development machine), else None and the test injects the fault."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def tmpfs(path: Path, *, size_kb: int = 4096, read_only: bool = False) -> Iterator[Path | None]:
    """Mount a tmpfs of ``size_kb`` at ``path`` for the block; None when mounting is refused."""
    path.mkdir(parents=True, exist_ok=True)
    mount = shutil.which("mount")
    if os.name != "posix" or os.geteuid() != 0 or mount is None:
        yield None
        return
    options = f"size={size_kb}k,mode=0755" + (",ro" if read_only else "")
    done = subprocess.run(
        [mount, "-t", "tmpfs", "-o", options, "tmpfs", str(path)],
        capture_output=True,
        check=False,
        timeout=30,
    )
    if done.returncode != 0:
        yield None
        return
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True, check=False, timeout=30)


def fill(folder: Path, name: str = "filler.bin") -> Path:
    """Write ``folder``/``name`` until the disk is full; return it (delete it to free space)."""
    filler = folder / name
    chunk = b"\0" * 65536
    with open(filler, "wb", buffering=0) as handle:
        for size in (65536, 4096, 512, 1):
            try:
                while True:
                    handle.write(chunk[:size])
            except OSError as exc:
                if exc.errno != errno.ENOSPC:
                    raise
    return filler
