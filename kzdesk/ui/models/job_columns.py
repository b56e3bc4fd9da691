"""The queue table's columns, its item roles, and the words its cells show for a job's
language and speakers (translated in the ``JobTableModel`` context, where the model reads them)."""

from __future__ import annotations

import enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from kzdesk.core.job import Language, SpeakersMode

JobRole = Qt.ItemDataRole.UserRole + 1
ProgressRole = Qt.ItemDataRole.UserRole + 2
SortRole = Qt.ItemDataRole.UserRole + 3


class Column(enum.IntEnum):
    FILE = 0
    DURATION = 1
    LANGUAGE = 2
    SPEAKERS = 3
    STATUS = 4
    COST = 5
    FINISHED = 6


HEADERS = {
    Column.FILE: QT_TRANSLATE_NOOP("JobTableModel", "File"),
    Column.DURATION: QT_TRANSLATE_NOOP("JobTableModel", "Duration"),
    Column.LANGUAGE: QT_TRANSLATE_NOOP("JobTableModel", "Language"),
    Column.SPEAKERS: QT_TRANSLATE_NOOP("JobTableModel", "Speakers"),
    Column.STATUS: QT_TRANSLATE_NOOP("JobTableModel", "Status"),
    Column.COST: QT_TRANSLATE_NOOP("JobTableModel", "Cost"),
    Column.FINISHED: QT_TRANSLATE_NOOP("JobTableModel", "Finished"),
}
# the Language column says names, not codes ("kk+ru"); the tooltip says a little more
LANGUAGE_NAMES = {
    Language.KK_RU: QT_TRANSLATE_NOOP("JobTableModel", "Kazakh + Russian"),
    Language.KK: QT_TRANSLATE_NOOP("JobTableModel", "Kazakh"),
    Language.RU: QT_TRANSLATE_NOOP("JobTableModel", "Russian"),
    Language.AUTO: QT_TRANSLATE_NOOP("JobTableModel", "Automatic"),
}
LANGUAGE_LONG = {
    Language.KK_RU: QT_TRANSLATE_NOOP("JobTableModel", "Kazakh + Russian"),
    Language.KK: QT_TRANSLATE_NOOP("JobTableModel", "Kazakh"),
    Language.RU: QT_TRANSLATE_NOOP("JobTableModel", "Russian"),
    Language.AUTO: QT_TRANSLATE_NOOP("JobTableModel", "Detect automatically"),
}
SPEAKERS_SHORT = {
    SpeakersMode.AUTO: QT_TRANSLATE_NOOP("JobTableModel", "auto"),
    SpeakersMode.CHANNELS: QT_TRANSLATE_NOOP("JobTableModel", "channels"),
    SpeakersMode.OFF: QT_TRANSLATE_NOOP("JobTableModel", "off"),
}
SPEAKERS_LONG = {
    SpeakersMode.AUTO: QT_TRANSLATE_NOOP("JobTableModel", "Speakers labelled automatically"),
    SpeakersMode.COUNT: QT_TRANSLATE_NOOP("JobTableModel", "Exactly {count} people"),
    SpeakersMode.RANGE: QT_TRANSLATE_NOOP("JobTableModel", "Between {low} and {high} people"),
    SpeakersMode.CHANNELS: QT_TRANSLATE_NOOP("JobTableModel", "Each channel is a person"),
    SpeakersMode.OFF: QT_TRANSLATE_NOOP("JobTableModel", "No speaker labels"),
}
