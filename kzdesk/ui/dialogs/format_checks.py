"""A check box for each export format of the table (:mod:`kzdesk.export.formats`), labelled in
the user's language: the Export dialog and Settings → Export show the same ones."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox

from kzdesk.core.i18n import FORMAT_CONTEXT
from kzdesk.export import formats


def format_label(fmt: formats.ExportFormat) -> str:
    return QCoreApplication.translate(FORMAT_CONTEXT, fmt.label)


def format_checks(object_prefix: str) -> dict[str, QCheckBox]:
    """Format name -> an unchecked box named ``{object_prefix}{name}``, in the table's order."""
    checks: dict[str, QCheckBox] = {}
    for fmt in formats.all_formats():
        check = QCheckBox(format_label(fmt))
        check.setObjectName(f"{object_prefix}{fmt.name}")
        checks[fmt.name] = check
    return checks


def reads_any(chosen: Iterable[str], options: Iterable[str]) -> bool:
    """Whether a writer of the ``chosen`` formats reads one of the ExportOptions fields
    ``options`` (a group of options is shown only then)."""
    return any(formats.taking(option, list(chosen)) for option in options)
