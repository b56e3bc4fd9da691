"""Which of the files and folders a user gave are recordings (by extension, folders recursed)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kzdesk.audio import is_media_file


@dataclass
class MediaScan:
    files: list[Path] = field(default_factory=list)
    skipped: int = 0  # files that are not audio or video
    missing: list[str] = field(default_factory=list)  # paths that do not exist


def find_recordings(paths: Iterable[str | Path], *, keep_named_files: bool = False) -> MediaScan:
    """Audio and video files among ``paths``, folders searched recursively in name order.

    ``keep_named_files``: a file named explicitly is queued whatever its extension (the job
    then says in a sentence what is wrong with it); otherwise it counts as skipped."""
    scan = MediaScan()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, names in os.walk(path):
                dirs.sort()
                for name in sorted(names):
                    candidate = Path(root) / name
                    if is_media_file(candidate):
                        scan.files.append(candidate)
                    else:
                        scan.skipped += 1
        elif not path.exists():
            scan.missing.append(str(raw))
        elif keep_named_files or is_media_file(path):
            scan.files.append(path)
        else:
            scan.skipped += 1
    return scan
