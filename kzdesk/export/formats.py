"""The export formats kzdesk writes: one table read by the Export dialog, Settings → Export,
the command line's help and parsing, and :func:`kzdesk.export.render`.

A new format is one module with a writer ``(Transcript, ExportOptions) -> bytes`` and one line
in :data:`BUILT_IN` (or a :func:`register` call). Each entry says which fields of
:class:`ExportOptions` its writer reads, so the dialog shows only the choices that matter for
the formats ticked. Labels are marked for translation in the ``ExportFormats`` context; the
window translates them, the command line prints them in English without the ``&`` of the
keyboard shortcut.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import overload

from kzdesk.core.i18n import QT_TRANSLATE_NOOP
from kzdesk.core.transcript import Transcript
from kzdesk.export.docx import render_docx
from kzdesk.export.json_format import render_json
from kzdesk.export.options import DOCUMENT_OPTIONS, SUBTITLE_RULES, ExportOptions
from kzdesk.export.rttm import render_rttm
from kzdesk.export.subtitles import render_srt, render_vtt
from kzdesk.export.text import render_txt

Writer = Callable[[Transcript, ExportOptions], bytes]
_OPTION_FIELDS = frozenset(f.name for f in dataclasses.fields(ExportOptions))


@dataclass(frozen=True)
class ExportFormat:
    name: str  # what settings store and the command line takes: "docx"
    label: str  # marked with QT_TRANSLATE_NOOP("ExportFormats", ...); "&" before the shortcut
    writer: Writer
    options: frozenset[str] = frozenset()  # the ExportOptions fields the writer reads
    extension: str = ""  # of the file, without the dot; the name when left empty

    def __post_init__(self) -> None:
        if not self.name or self.name != self.name.strip().lower().lstrip("."):
            raise ValueError(f"an export format's name is lower case, no dot: {self.name!r}")
        unknown = set(self.options) - _OPTION_FIELDS
        if unknown:
            raise ValueError(f"{self.name}: no such export options: {sorted(unknown)}")
        object.__setattr__(self, "options", frozenset(self.options))
        object.__setattr__(self, "extension", self.extension or self.name)

    def plain_label(self) -> str:
        """The English label without the shortcut marker (for the command line)."""
        return self.label.replace("&&", "\0").replace("&", "").replace("\0", "&")


BUILT_IN = (
    ExportFormat(
        "docx",
        QT_TRANSLATE_NOOP("ExportFormats", "&Word (.docx)"),
        render_docx,
        DOCUMENT_OPTIONS | {"labels"},
    ),
    ExportFormat(
        "srt",
        QT_TRANSLATE_NOOP("ExportFormats", "S&RT subtitles"),
        render_srt,
        SUBTITLE_RULES | {"speaker_prefix"},
    ),
    ExportFormat(
        "vtt", QT_TRANSLATE_NOOP("ExportFormats", "&VTT subtitles"), render_vtt, SUBTITLE_RULES
    ),
    ExportFormat(
        "txt", QT_TRANSLATE_NOOP("ExportFormats", "Plain te&xt"), render_txt, DOCUMENT_OPTIONS
    ),
    ExportFormat("json", QT_TRANSLATE_NOOP("ExportFormats", "JSO&N"), render_json),
    ExportFormat("rttm", QT_TRANSLATE_NOOP("ExportFormats", "RTT&M speaker turns"), render_rttm),
)

_registry: dict[str, ExportFormat] = {}


def register(fmt: ExportFormat) -> ExportFormat:
    """Add a format (after those already there, in the order of the dialogs)."""
    if fmt.name in _registry:
        raise ValueError(f"export format {fmt.name!r} is registered already")
    _registry[fmt.name] = fmt
    return fmt


def unregister(name: str) -> None:
    _registry.pop(name, None)


for _fmt in BUILT_IN:
    register(_fmt)


def all_formats() -> tuple[ExportFormat, ...]:
    return tuple(_registry.values())


def find(fmt: str) -> ExportFormat | None:
    """The format named ``fmt`` (case and a leading dot ignored), or None."""
    return _registry.get(fmt.strip().lower().lstrip("."))


def get(fmt: str) -> ExportFormat:
    """The format named ``fmt``; ValueError (a sentence) for one kzdesk cannot write."""
    found = find(fmt)
    if found is None:
        raise ValueError(
            QT_TRANSLATE_NOOP(
                "Messages", "kzdesk cannot export to {format}. Choose one of: {formats}."
            ).format(format=repr(fmt), formats=", ".join(_registry))
        )
    return found


def normalize_format(fmt: str) -> str:
    """ "SRT", ".srt" -> "srt"; raises ValueError for a format kzdesk cannot write."""
    return get(fmt).name


def taking(option: str, names: Sequence[str]) -> list[str]:
    """Those of ``names`` whose writer reads the ExportOptions field ``option``."""
    return [n for n in names if (f := find(n)) is not None and option in f.options]


class FormatNames(Sequence[str]):
    """The registered formats' names in table order, always current (a registered format
    appears in every ``FORMATS`` at once)."""

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[str, ...]: ...
    def __getitem__(self, index: int | slice) -> str | tuple[str, ...]:
        return tuple(_registry)[index]

    def __len__(self) -> int:
        return len(_registry)

    def __iter__(self) -> Iterator[str]:
        return iter(tuple(_registry))

    def __contains__(self, name: object) -> bool:
        return name in _registry

    def __repr__(self) -> str:
        return f"FORMATS{tuple(_registry)!r}"


FORMATS = FormatNames()
