"""Exports: pure functions from a :class:`Transcript` to the bytes of a file.

``render`` gives the bytes, ``export_file`` writes them atomically, ``output_name`` proposes a
safe file name, ``transcript_from_json`` reads a JSON export back. The formats are the table of
:mod:`kzdesk.export.formats`.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from kzdesk.core.transcript import Transcript
from kzdesk.export import formats
from kzdesk.export.formats import FORMATS, ExportFormat, normalize_format
from kzdesk.export.json_format import TranscriptFormatError, transcript_from_json
from kzdesk.export.options import ExportLabels, ExportOptions
from kzdesk.export.subtitles import Cue, build_cues
from kzdesk.export.turns import GENERIC_TITLE, source_stem

__all__ = [
    "FORMATS",
    "Cue",
    "ExportFormat",
    "ExportLabels",
    "ExportOptions",
    "TranscriptFormatError",
    "build_cues",
    "export_file",
    "formats",
    "free_name",
    "name_candidates",
    "normalize_format",
    "output_name",
    "render",
    "transcript_from_json",
    "write_bytes",
]


def render(transcript: Transcript, fmt: str, options: ExportOptions | None = None) -> bytes:
    """The file's bytes. ``fmt`` is one of :data:`FORMATS` (case and a leading dot ignored)."""
    return formats.get(fmt).writer(transcript, options or ExportOptions())


def export_file(
    transcript: Transcript,
    fmt: str,
    path: str | Path,
    options: ExportOptions | None = None,
    *,
    replace: bool = True,
) -> Path:
    """Write the export to ``path`` (into ``output_name`` when ``path`` is a folder).

    ``replace=False`` never touches an existing file: FileExistsError instead.
    """
    target = Path(path)
    if target.is_dir():
        target = target / output_name(transcript, fmt)
    write_bytes(render(transcript, fmt, options), target, replace=replace)
    return target


def write_bytes(data: bytes, target: Path, *, replace: bool = True) -> None:
    """Write ``data`` to ``target`` atomically.

    The bytes go to a temporary file next to the target, which then takes the target's name
    in one step: a crash or a full disk never leaves a half-written file under that name.
    With ``replace=False`` the name is taken only if it is free (a hard link, which fails when
    the name exists); where the file system has no hard links, an empty placeholder is
    created exclusively first. Raises FileExistsError when the name is taken.
    """
    existing = target.exists()
    if existing and not replace:
        raise FileExistsError(target)
    mode = target.stat().st_mode & 0o777 if existing else 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        if replace:
            os.replace(tmp, target)
        else:
            _take_free_name(Path(tmp), target)
    finally:
        Path(tmp).unlink(missing_ok=True)


def _umask() -> int:
    """The process's umask (new exports follow it, as any file the user saves would)."""
    try:  # Linux: read it without changing it (os.umask would, for every thread, briefly)
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    current = os.umask(0o022)
    os.umask(current)
    return current


def _take_free_name(tmp: Path, target: Path) -> None:
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise
    except OSError:  # no hard links here (FAT, some network shares)
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
        os.replace(tmp, target)


MAX_FREE_NAME_TRIES = 999


def name_candidates(wanted: Path) -> Iterator[Path]:
    """``wanted``, then ``name (2).ext``, ``name (3).ext`` … in the same folder."""
    yield wanted
    for n in range(2, MAX_FREE_NAME_TRIES + 1):
        yield wanted.with_name(f"{wanted.stem} ({n}){wanted.suffix}")


def free_name(wanted: Path, taken: set[Path] | None = None) -> Path:
    """The first candidate name (see :func:`name_candidates`) that no file has and that is
    not in ``taken`` (names chosen for other files of the same export)."""
    for candidate in name_candidates(wanted):
        if not candidate.exists() and candidate not in (taken or set()):
            return candidate
    raise FileExistsError(wanted)


_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')
_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d|conin\$|conout\$)(\..*)?$", re.IGNORECASE)
_MAX_NAME_BYTES = 200  # most file systems allow 255 bytes; Cyrillic takes 2 bytes a letter


def output_name(transcript: Transcript, fmt: str) -> str:
    """A file name from the title (or the source file's stem) plus the format's extension.

    Keeps every letter (Cyrillic, Kazakh, Latin); replaces path separators and the characters
    Windows forbids with "_"; avoids names Windows reserves (CON, NUL, COM1, ...).
    """
    ext = formats.get(fmt).extension
    candidates = (transcript.title, source_stem(transcript), GENERIC_TITLE)
    stem = next(s for s in map(_safe_stem, candidates) if s)
    if _RESERVED.match(stem):
        stem = f"_{stem}"
    return f"{stem}.{ext}"


def _safe_stem(text: str) -> str:
    stem = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text))
    stem = "".join(ch for ch in stem if unicodedata.category(ch) not in ("Cc", "Cf", "Cs"))
    stem = _FORBIDDEN.sub("_", stem)
    stem = re.sub(r"\s*_[\s_]*", "_", stem).strip(" ._")
    while len(stem.encode("utf-8")) > _MAX_NAME_BYTES:
        stem = stem[:-1].rstrip(" ._")
    return stem
