"""The segment list as a table: one row per segment, refreshed row by row after each edit.

Rows follow ``transcript.segments`` (sorted by start). The model keeps its own list of segment
ids, so after an edit it can tell the view exactly which rows went, came, moved or changed;
it resets only when a transcript is loaded.
"""

from __future__ import annotations

import bisect
import enum
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from kzdesk.core import timecode
from kzdesk.core.transcript import Change, Segment, Transcript
from kzdesk.core.transcript_ops import language_code

SegmentRole = Qt.ItemDataRole.UserRole + 1
SpeakerColorRole = Qt.ItemDataRole.UserRole + 2
IsCurrentRole = Qt.ItemDataRole.UserRole + 3  # True on the segment being played
CurrentWordRole = Qt.ItemDataRole.UserRole + 4  # index of the word being spoken, or -1
SpeakerIdRole = Qt.ItemDataRole.UserRole + 5

_Index = QModelIndex | QPersistentModelIndex
# A segment's new text -> the editor pushes an undoable command (never edits directly).
TextEditor = Callable[[int, str], object]
# A segment's new speaker id -> the editor pushes an undoable command.
SpeakerEditor = Callable[[int, int | None], object]
# A segment's new language ("kk", "ru", ...) -> the editor pushes an undoable command.
LanguageEditor = Callable[[int, str], object]

# data() runs for every visible cell on every repaint: compare plain ints.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_EDIT = int(Qt.ItemDataRole.EditRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_SEGMENT = int(SegmentRole)
_COLOR = int(SpeakerColorRole)
_CURRENT = int(IsCurrentRole)
_WORD = int(CurrentWordRole)
_SPEAKER_ID = int(SpeakerIdRole)
# A rename touching more scattered rows than this is announced as one span.
_MAX_RANGES = 64


class Column(enum.IntEnum):
    TIME = 0
    SPEAKER = 1
    TEXT = 2
    LANGUAGE = 3  # the language the segment was recognised in: "kk", "ru", ...


_TIME, _SPEAKER, _TEXT = int(Column.TIME), int(Column.SPEAKER), int(Column.TEXT)
_LANGUAGE = int(Column.LANGUAGE)
_HEADERS = {
    Column.TIME: QT_TRANSLATE_NOOP("SegmentTableModel", "Time"),
    Column.SPEAKER: QT_TRANSLATE_NOOP("SegmentTableModel", "Speaker"),
    Column.TEXT: QT_TRANSLATE_NOOP("SegmentTableModel", "Text"),
    Column.LANGUAGE: QT_TRANSLATE_NOOP("SegmentTableModel", "Language"),
}
_SPEAKER_ROLES = [_DISPLAY, _DECORATION, _COLOR]


class SegmentTableModel(QAbstractTableModel):
    def __init__(
        self,
        transcript: Transcript | None = None,
        edit_text: TextEditor | None = None,
        parent: QObject | None = None,
        *,
        edit_speaker: SpeakerEditor | None = None,
        edit_language: LanguageEditor | None = None,
        language_name: Callable[[str], str] = str,
    ) -> None:
        super().__init__(parent)
        self._edit_text = edit_text
        self._edit_speaker = edit_speaker
        self._edit_language = edit_language
        self._language_name = language_name  # "kk" -> "Kazakh" (tooltips)
        self._transcript = Transcript()
        self._ids: list[int] = []
        self._rows: dict[int, int] = {}
        self._by_id: dict[int, Segment] = {}
        self._starts: list[int] = []
        self._names: dict[int | None, str] = {}
        self._colors: dict[int | None, QColor] = {}
        self._position = -1
        self._current_id: int | None = None
        self._current_word = -1
        if transcript is not None:
            self.set_transcript(transcript)

    # ---- loading --------------------------------------------------------------------------
    def set_transcript(self, transcript: Transcript) -> None:
        """Show another transcript: the one full reset this model does."""
        self.beginResetModel()
        self._transcript = transcript
        self._ids = [s.id for s in transcript.segments]
        self._by_id = {s.id: s for s in transcript.segments}
        self._reindex()
        self._cache_speakers()
        self._current_id = None
        self.endResetModel()
        if self._position >= 0:
            self.set_current_position(self._position)

    def transcript(self) -> Transcript:
        return self._transcript

    def speaker_names(self) -> list[str]:
        return [name for name in self._names.values() if name]

    # ---- after an edit --------------------------------------------------------------------
    def refresh_rows(self, change: Change) -> None:
        """Announce what ``change`` (already applied to the transcript) did to the rows."""
        segments = self._transcript.segments
        new_ids = [s.id for s in segments]
        new_by_id = {s.id: s for s in segments}
        # rows on their way out stay readable until they are gone
        self._by_id.update(new_by_id)
        if change.speakers:
            self._cache_speakers()
        structural = self._remove_rows(new_by_id) | self._insert_and_move_rows(new_ids)
        self._by_id = new_by_id
        if structural or any(b and a and b.start_ms != a.start_ms for b, a in change.segments):
            self._reindex()
        touched = [a.id for b, a in change.segments if b is not None and a is not None]
        self._emit_rows(touched, 0, len(Column) - 1, None)
        if change.speakers:
            speaker_ids = {sp.id for pair in change.speakers for sp in pair if sp is not None}
            done = set(touched)
            rows = [
                i
                for i, sid in enumerate(self._ids)
                if sid not in done and self._by_id[sid].speaker_id in speaker_ids
            ]
            self._emit_runs(rows, _SPEAKER, _SPEAKER, _SPEAKER_ROLES)
        if self._position >= 0:
            self.set_current_position(self._position)
        elif self._current_id is not None and self._current_id not in self._rows:
            self._current_id = None

    def _remove_rows(self, keep: dict[int, Segment]) -> bool:
        gone = [row for row, sid in enumerate(self._ids) if sid not in keep]
        for row in reversed(gone):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._ids[row]
            self.endRemoveRows()
        return bool(gone)

    def _insert_and_move_rows(self, new_ids: list[int]) -> bool:
        ids = self._ids
        present = set(ids)
        changed = False
        for i, sid in enumerate(new_ids):
            if i < len(ids) and ids[i] == sid:
                continue
            changed = True
            if sid in present:
                j = ids.index(sid, i)  # rows before i already match, so j > i
                self.beginMoveRows(QModelIndex(), j, j, QModelIndex(), i)
                ids.insert(i, ids.pop(j))
                self.endMoveRows()
            else:
                self.beginInsertRows(QModelIndex(), i, i)
                ids.insert(i, sid)
                present.add(sid)
                self.endInsertRows()
        return changed

    def _emit_rows(
        self, ids: Iterable[int], first: int, last: int, roles: list[int] | None
    ) -> None:
        rows = sorted(self._rows[sid] for sid in ids if sid in self._rows)
        self._emit_runs(rows, first, last, roles)

    def _emit_runs(self, rows: list[int], first: int, last: int, roles: list[int] | None) -> None:
        if not rows:
            return
        runs: list[list[int]] = []
        for row in rows:
            if runs and row == runs[-1][1] + 1:
                runs[-1][1] = row
            else:
                runs.append([row, row])
        if len(runs) > _MAX_RANGES:
            runs = [[rows[0], rows[-1]]]
        for top, bottom in runs:
            args = (self.index(top, first), self.index(bottom, last))
            if roles is None:
                self.dataChanged.emit(*args)
            else:
                self.dataChanged.emit(*args, roles)

    def _reindex(self) -> None:
        self._rows = {sid: i for i, sid in enumerate(self._ids)}
        self._starts = [self._by_id[sid].start_ms for sid in self._ids]

    def _cache_speakers(self) -> None:
        speakers = self._transcript.speakers
        self._names = {sp.id: sp.name for sp in speakers}
        self._colors = {sp.id: QColor(sp.color) for sp in speakers}

    # ---- playback -------------------------------------------------------------------------
    def row_for_time(self, ms: int) -> int:
        """The last segment that starts at or before ``ms``; -1 before the first one."""
        return bisect.bisect_right(self._starts, ms) - 1

    def set_current_position(self, ms: int) -> None:
        """Mark the segment being played at ``ms`` (none in a pause between segments) and the
        word being spoken in it. Runs about 30 times a second while playing: a bisect, and a
        signal only when the segment or the word changes."""
        self._position = ms
        row = self.row_for_time(ms)
        new_id = None
        word = -1
        if row >= 0:
            seg = self._by_id[self._ids[row]]
            if ms < seg.end_ms:
                new_id = seg.id
                word = _word_at(seg, ms)
        old_id = self._current_id
        if new_id == old_id:
            if word != self._current_word and new_id is not None:
                self._current_word = word
                self._emit_rows([new_id], _TEXT, _TEXT, [_WORD])
            return
        self._current_id = new_id
        self._current_word = word
        changed = [sid for sid in (old_id, new_id) if sid is not None]
        self._emit_rows(changed, 0, len(Column) - 1, [_CURRENT, _WORD])

    def current_row(self) -> int:
        return -1 if self._current_id is None else self._rows.get(self._current_id, -1)

    def current_word(self) -> int:
        """Index (into the current segment's words) of the word being spoken, or -1."""
        return self._current_word if self._current_id is not None else -1

    def position(self) -> int:
        return self._position

    # ---- lookups --------------------------------------------------------------------------
    def segment_at(self, row: int) -> Segment:
        return self._by_id[self._ids[row]]

    def row_of(self, segment_id: int) -> int | None:
        return self._rows.get(segment_id)

    # ---- QAbstractTableModel --------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == _DISPLAY
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(Column)
        ):
            return self.tr(_HEADERS[Column(section)])
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = index.column()
        if (
            (column == _TEXT and self._edit_text is not None)
            or (column == _SPEAKER and self._edit_speaker is not None)
            or (column == _LANGUAGE and self._edit_language is not None)
        ):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if not 0 <= row < len(self._ids):
            return None
        seg = self._by_id[self._ids[row]]
        column = index.column()
        if role == _DISPLAY:
            if column == _TEXT:
                return seg.text
            if column == _TIME:
                return timecode.clock(seg.start_ms)
            if column == _SPEAKER:
                return self._names.get(seg.speaker_id, "")
            if column == _LANGUAGE:
                return language_code(seg.language)
            return None
        if role == _CURRENT:
            return seg.id == self._current_id
        if role == _WORD:
            return self._current_word if seg.id == self._current_id else -1
        if role == _COLOR or (role == _DECORATION and column == _SPEAKER):
            return self._colors.get(seg.speaker_id)
        if role == Qt.ItemDataRole.ToolTipRole and column == _SPEAKER:
            return self._names.get(seg.speaker_id) or None  # the whole name, however narrow
        if role == _EDIT:
            if column == _TEXT:
                return seg.text
            if column == _LANGUAGE:
                return language_code(seg.language)
            return seg.speaker_id if column == _SPEAKER else None
        if role == _TOOLTIP and column == _LANGUAGE:
            code = language_code(seg.language)
            return self._language_name(code) if code else None
        if role == _SEGMENT:
            return seg
        if role == _SPEAKER_ID:
            return seg.speaker_id
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != _EDIT or not 0 <= index.row() < len(self._ids):
            return False
        seg = self.segment_at(index.row())
        column = index.column()
        if column == _TEXT and self._edit_text is not None and isinstance(value, str):
            if value != seg.text:
                self._edit_text(seg.id, value)
            return True
        if column == _SPEAKER and self._edit_speaker is not None:
            if value is not None and not isinstance(value, int):
                return False
            if value != seg.speaker_id:
                self._edit_speaker(seg.id, value)
            return True
        if column == _LANGUAGE and self._edit_language is not None and isinstance(value, str):
            if value and value != language_code(seg.language):
                self._edit_language(seg.id, value)
            return True
        return False


def _word_at(seg: Segment, ms: int) -> int:
    """The word being spoken at ``ms``: the last one started; -1 before the first."""
    words = seg.words
    if not words or ms < words[0].start_ms:
        return -1
    lo, hi = 0, len(words)
    while lo < hi:  # bisect on start times without building a list each call
        mid = (lo + hi) // 2
        if words[mid].start_ms <= ms:
            lo = mid + 1
        else:
            hi = mid
    return lo - 1
