"""The options export writers read (each format says which in :mod:`kzdesk.export.formats`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from kzdesk.core.i18n import QT_TRANSLATE_NOOP

MAX_GAP_MS = 2000


@dataclass(frozen=True)
class ExportLabels:
    """Words the DOCX metadata block prints before each value: English here; the services pass
    them in the export's language (:func:`kzdesk.services.wording.labels`)."""

    source: str = QT_TRANSLATE_NOOP("Exports", "Source file")
    date: str = QT_TRANSLATE_NOOP("Exports", "Date")
    duration: str = QT_TRANSLATE_NOOP("Exports", "Duration")
    speakers: str = QT_TRANSLATE_NOOP("Exports", "Speakers")


@dataclass(frozen=True)
class ExportOptions:
    timestamps: bool = True  # docx/txt: [HH:MM:SS] before each paragraph
    merge_turns: bool = True  # docx/txt: consecutive segments of one speaker -> one paragraph
    speaker_prefix: bool = False  # srt: "Name: " on cues where the speaker changes
    max_line_chars: int = 42
    max_lines: int = 2
    max_cps: float = 20.0  # characters per second, spaces and line breaks counted as one
    min_cue_ms: int = 1000
    max_cue_ms: int = 7000
    min_gap_ms: int = 0  # between one cue's end and the next one's start (0: they may touch)
    labels: ExportLabels = field(default_factory=ExportLabels)

    def __post_init__(self) -> None:
        if self.max_line_chars < 4:
            raise ValueError(
                QT_TRANSLATE_NOOP("Messages", "Subtitle lines need room for at least 4 characters.")
            )
        if self.max_lines < 1:
            raise ValueError(
                QT_TRANSLATE_NOOP("Messages", "Subtitles need at least one line per cue.")
            )
        if not self.max_cps > 0:
            raise ValueError(
                QT_TRANSLATE_NOOP(
                    "Messages", "The reading speed (characters per second) must be above zero."
                )
            )
        if not 0 < self.min_cue_ms <= self.max_cue_ms:
            raise ValueError(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "The shortest cue must last more than 0 ms and no longer than the longest cue.",
                )
            )
        if not 0 <= self.min_gap_ms <= MAX_GAP_MS:
            raise ValueError(
                QT_TRANSLATE_NOOP("Messages", "The gap between cues must be between 0 and 2000 ms.")
            )
        if self.max_cps * self.max_cue_ms / 1000 < 4:
            raise ValueError(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "The longest cue at this reading speed fits fewer than 4 characters.",
                )
            )


# groups of ExportOptions fields, for the formats' table and the dialogs that show them
DOCUMENT_OPTIONS = frozenset({"timestamps", "merge_turns"})
SUBTITLE_RULES = frozenset(
    {"max_line_chars", "max_lines", "max_cps", "min_cue_ms", "max_cue_ms", "min_gap_ms"}
)
