"""What the editor remembers between sessions (QSettings: UI state only, never text)."""

from __future__ import annotations

import dataclasses
import json
import logging
from dataclasses import dataclass, field

from PySide6.QtCore import QByteArray, QSettings, QSize
from PySide6.QtWidgets import QMainWindow, QSplitter

from kzdesk.export.options import ExportOptions
from kzdesk.ui import window_geometry

log = logging.getLogger(__name__)

_GROUP = "editor"
_EXPORT_FIELDS = (
    "timestamps",
    "merge_turns",
    "speaker_prefix",
    "max_line_chars",
    "max_lines",
    "max_cps",
    "min_cue_ms",
    "max_cue_ms",
    "min_gap_ms",
)


@dataclass
class ExportState:
    formats: list[str] = field(default_factory=list)
    options: ExportOptions = field(default_factory=ExportOptions)
    folder: str = ""


def restore_window(settings: QSettings, window: QMainWindow, splitter: QSplitter) -> None:
    """Where the editor was last, or 1100×720 for a first start; always within the screen."""
    window_geometry.restore(window, settings, f"{_GROUP}/geometry", QSize(1100, 720))
    sizes = settings.value(f"{_GROUP}/splitter")
    if isinstance(sizes, QByteArray):
        splitter.restoreState(sizes)


def save_window(settings: QSettings, window: QMainWindow, splitter: QSplitter) -> None:
    window_geometry.save(window, settings, f"{_GROUP}/geometry")
    settings.setValue(f"{_GROUP}/splitter", splitter.saveState())


def load_export(settings: QSettings) -> ExportState:
    raw = settings.value(f"{_GROUP}/export")
    if not isinstance(raw, str) or not raw:
        return ExportState()
    try:
        data = json.loads(raw)
        values = {k: data["options"][k] for k in _EXPORT_FIELDS if k in data.get("options", {})}
        return ExportState(
            formats=[str(f) for f in data.get("formats", [])],
            options=ExportOptions(**values),
            folder=str(data.get("folder", "")),
        )
    except (ValueError, TypeError, KeyError, AttributeError):
        log.warning("ignoring unreadable export settings", exc_info=True)
        return ExportState()


def save_export(
    settings: QSettings, formats: list[str], options: ExportOptions, folder: str
) -> None:
    values = {k: getattr(options, k) for k in _EXPORT_FIELDS}
    assert set(values) <= {f.name for f in dataclasses.fields(ExportOptions)}
    settings.setValue(
        f"{_GROUP}/export", json.dumps({"formats": formats, "options": values, "folder": folder})
    )
