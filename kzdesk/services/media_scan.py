"""Which of the files and folders a user gave are recordings (by extension, folders recursed).

Only regular files are ever queued: a pipe (FIFO) would block the reader for ever and a
device such as /dev/zero never ends, so both are refused here with a sentence, as is a link
that points nowhere."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kzdesk.audio import MEDIA_EXTENSIONS as MEDIA_EXTENSIONS  # the open-file dialog's filter
from kzdesk.audio import is_media_file
from kzdesk.audio.probe import special_file_problem
from kzdesk.core.i18n import QT_TRANSLATE_NOOP

MISSING = QT_TRANSLATE_NOOP("Messages", "“{path}” does not exist.")
DANGLING_LINK = QT_TRANSLATE_NOOP(
    "Messages",
    "“{path}” is a link to “{target}”, which does not exist. Connect the disk it points to, or "
    "add the recording itself.",
)


@dataclass
class MediaScan:
    files: list[Path] = field(default_factory=list)
    skipped: int = 0  # files that are not audio or video
    missing: list[str] = field(default_factory=list)  # paths that do not exist
    refused: list[str] = field(default_factory=list)  # sentences: pipes, devices, broken links

    def problems(self) -> list[str]:
        """A sentence for every path that was given but cannot be used."""
        return [MISSING.format(path=p) for p in self.missing] + self.refused


def find_recordings(paths: Iterable[str | Path], *, keep_named_files: bool = False) -> MediaScan:
    """Audio and video files among ``paths``, folders searched recursively in name order.

    ``keep_named_files``: a file named explicitly is queued whatever its extension (the job
    then says in a sentence what is wrong with it); otherwise it counts as skipped."""
    scan = MediaScan()
    for raw in paths:
        path = Path(raw)
        try:
            mode = path.stat().st_mode
        except OSError:
            if path.is_symlink():
                scan.refused.append(_dangling(path, str(raw)))
            else:
                scan.missing.append(str(raw))
            continue
        if path.is_dir():
            _walk(path, scan)
        elif (problem := special_file_problem(str(raw), mode)) is not None:
            scan.refused.append(problem)
        elif keep_named_files or is_media_file(path):
            scan.files.append(path)
        else:
            scan.skipped += 1
    return scan


def _walk(folder: Path, scan: MediaScan) -> None:
    for root, dirs, names in os.walk(folder):
        dirs.sort()
        for name in sorted(names):
            candidate = Path(root) / name
            if not is_media_file(candidate):
                scan.skipped += 1
                continue
            try:
                mode = candidate.stat().st_mode
            except OSError:
                scan.refused.append(_dangling(candidate, str(candidate)))
                continue
            problem = special_file_problem(str(candidate), mode)
            if problem is not None:
                scan.refused.append(problem)
            else:
                scan.files.append(candidate)


def _dangling(path: Path, shown: str) -> str:
    try:
        target = os.readlink(path)
    except OSError:
        return MISSING.format(path=shown)
    return DANGLING_LINK.format(path=shown, target=target)
