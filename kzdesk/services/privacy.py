"""Other people on this computer cannot read what kzdesk keeps (POSIX).

The data folder is 0700 and what kzdesk writes inside it (the database with its WAL and SHM
files, converted audio, logs, settings, known voices, caches) is 0600; folders kzdesk makes
there are 0700. Exports next to a recording are the user's documents and follow their umask.

Only kzdesk's own entries are ever changed: a data folder the user pointed at that also holds
their other files keeps its mode (the kzdesk entries inside it are still made private), and a
folder that is not the user's or is shared (sticky, like /tmp) is never touched.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600

# What kzdesk keeps in its data folder (besides files named kzdesk*): made private when found.
OWN_FOLDERS = ("audio", "logs", "voices", "cache")
OWN_FILES = ("settings.json",)
OWN_PREFIXES = ("kzdesk", ".kzdesk", "damaged-", ".settings-")


def applies() -> bool:
    return os.name == "posix"


def make_dir(path: Path) -> bool:
    """Create ``path`` and its missing parents as private folders; True when it was created."""
    missing = []
    for level in (path, *path.parents):
        if level.is_dir() or level.is_symlink() or level.exists():
            break
        missing.append(level)
    for level in reversed(missing):
        level.mkdir(mode=PRIVATE_DIR, exist_ok=True)
    path.mkdir(exist_ok=True, mode=PRIVATE_DIR)  # raises for a file or a link to nowhere
    return bool(missing)


def is_own_entry(name: str) -> bool:
    return name in OWN_FOLDERS or name in OWN_FILES or name.startswith(OWN_PREFIXES)


def tighten(root: Path, *, created: bool = False) -> None:
    """Make the data folder and kzdesk's entries in it private (best effort, never raises)."""
    if not applies():
        return
    try:
        names = os.listdir(root)
    except OSError:
        return
    if created or all(is_own_entry(n) for n in names):
        _restrict(root, PRIVATE_DIR, folder=True)
    for name in names:
        if is_own_entry(name):
            _tighten_tree(root / name)


def _tighten_tree(path: Path) -> None:
    try:
        info = path.lstat()
    except OSError:
        return
    if stat.S_ISLNK(info.st_mode):
        return  # never follow a link out of the data folder
    if stat.S_ISDIR(info.st_mode):
        _restrict(path, PRIVATE_DIR, folder=True, info=info)
        with contextlib.suppress(OSError):
            for child in os.listdir(path):
                _tighten_tree(path / child)
    elif stat.S_ISREG(info.st_mode):
        _restrict(path, PRIVATE_FILE, folder=False, info=info)


def _restrict(path: Path, mode: int, *, folder: bool, info: os.stat_result | None = None) -> None:
    try:
        info = info or path.stat()
        if info.st_uid != os.geteuid():
            return  # not ours to change
        if folder and info.st_mode & stat.S_ISVTX:
            return  # a shared folder such as /tmp
        if stat.S_IMODE(info.st_mode) & 0o077:
            os.chmod(path, stat.S_IMODE(info.st_mode) & ~0o077 | (mode & 0o700))
    except OSError:
        pass  # a folder we may not change stays as it is; the files inside are still private
