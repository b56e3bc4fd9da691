"""The speakers of the open transcript as a list: colour, name, share of talk time.

Rows follow ``transcript.speakers`` (sorted by id). Names are edited through the session, so a
rename is one undoable command and every segment shows the new name at once. Talk time is kept
as running totals that each change adjusts by the segments it touched, so typing in a segment of
a 4-hour meeting costs nothing here.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QKeySequence

from kzdesk.core import timecode
from kzdesk.core.transcript import Change, Segment, Speaker, Transcript, TranscriptError
from kzdesk.core.voices import SpeakerVoice
from kzdesk.ui.editor.edit_session import EditSession
from kzdesk.ui.editor.speaker_commands import RenameSpeakerCommand

SpeakerIdRole = Qt.ItemDataRole.UserRole + 1
ShareRole = Qt.ItemDataRole.UserRole + 2  # float 0..1 of all talk time
ShortcutRole = Qt.ItemDataRole.UserRole + 3  # "Ctrl+1" for the first nine speakers, else ""
TalkTimeRole = Qt.ItemDataRole.UserRole + 4  # milliseconds
SuggestedRole = Qt.ItemDataRole.UserRole + 5  # True: the name comes from a known voice, unconfirmed

_Index = QModelIndex | QPersistentModelIndex

# data() runs on every repaint: compare plain ints.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_EDIT = int(Qt.ItemDataRole.EditRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ID = int(SpeakerIdRole)
_SHARE = int(ShareRole)
_SHORTCUT = int(ShortcutRole)
_TALK = int(TalkTimeRole)
_SUGGESTED = int(SuggestedRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_NAME_ROLES = [_DISPLAY, _EDIT, _DECORATION, _TOOLTIP, _SUGGESTED, _FONT]
_SHARE_ROLES = [_SHARE, _TALK, _TOOLTIP]
_SHORTCUT_ROLES = [_SHORTCUT, _TOOLTIP]

SHORTCUT_COUNT = 9  # Ctrl+1 … Ctrl+9

SAMPLE_LONGEST_MS = 8000
SAMPLE_SHORTEST_MS = 3000
SAMPLE_JOIN_GAP_MS = 1500  # segments of one speaker closer than this count as one stretch


def _duration(seg: Segment) -> int:
    return max(seg.end_ms - seg.start_ms, 0)


def shortcut_for_row(row: int) -> QKeySequence | None:
    """Ctrl+1 … Ctrl+9 for the first nine speakers (the editor binds them to reassign)."""
    if 0 <= row < SHORTCUT_COUNT:
        return QKeySequence(f"Ctrl+{row + 1}")
    return None


def sample_range(
    transcript: Transcript,
    speaker_id: int,
    *,
    longest_ms: int = SAMPLE_LONGEST_MS,
    shortest_ms: int = SAMPLE_SHORTEST_MS,
) -> tuple[int, int] | None:
    """A stretch of audio where only ``speaker_id`` talks, to recognise the voice by.

    The speaker's longest segment, cut to ``longest_ms`` from its start. When that segment is
    shorter than ``shortest_ms``, the longest run of their consecutive segments (no one else in
    between, short pauses only) is used instead if it is longer. ``None``: no segments."""
    ordered = sorted(transcript.segments, key=lambda s: (s.start_ms, s.id))
    best: Segment | None = None
    for seg in ordered:
        if seg.speaker_id == speaker_id and (best is None or _duration(seg) > _duration(best)):
            best = seg
    if best is None:
        return None
    start, end = best.start_ms, best.end_ms
    if end - start < shortest_ms:
        run_start = run_end = -1
        for seg in ordered:
            if seg.speaker_id != speaker_id:
                run_start = run_end = -1
                continue
            if run_start < 0 or seg.start_ms - run_end > SAMPLE_JOIN_GAP_MS:
                run_start, run_end = seg.start_ms, seg.end_ms
            else:
                run_end = max(run_end, seg.end_ms)
            if run_end - run_start > end - start:
                start, end = run_start, run_end
    return start, min(end, start + longest_ms)


class SpeakerListModel(QAbstractListModel):
    """One row per speaker of ``session.transcript``; refreshed row by row on each change."""

    def __init__(self, session: EditSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._ids: list[int] = []
        self._by_id: dict[int, Speaker] = {}
        self._colors: dict[int, QColor] = {}
        self._talk: dict[int | None, int] = {}
        self._total = 0
        self._voices: dict[int, SpeakerVoice] = {}
        self._load()
        session.changed.connect(self.on_changed)

    @property
    def session(self) -> EditSession:
        return self._session

    def _load(self) -> None:
        transcript = self._session.transcript
        self._ids = [sp.id for sp in transcript.speakers]
        self._by_id = {sp.id: sp for sp in transcript.speakers}
        self._colors = {sp.id: QColor(sp.color) for sp in transcript.speakers}
        self._talk = {}
        for seg in transcript.segments:
            self._talk[seg.speaker_id] = self._talk.get(seg.speaker_id, 0) + _duration(seg)
        self._total = sum(self._talk.values())
        self._voices = self._session.transcripts.voices(self._session.transcript_id)

    def reload(self) -> None:
        """Read the whole transcript again (after it was replaced): the one full reset."""
        self.beginResetModel()
        self._load()
        self.endResetModel()

    # ---- after an edit --------------------------------------------------------------------
    def on_changed(self, change: Change) -> None:
        """Announce what ``change`` (already applied to the transcript) did to the rows."""
        old_shares = {sid: self.share(sid) for sid in self._ids}
        if change.segments:
            for before, after in change.segments:
                if before is not None:
                    self._talk[before.speaker_id] = self._talk.get(
                        before.speaker_id, 0
                    ) - _duration(before)
                    self._total -= _duration(before)
                if after is not None:
                    self._talk[after.speaker_id] = self._talk.get(after.speaker_id, 0) + _duration(
                        after
                    )
                    self._total += _duration(after)
        renamed: list[int] = []
        if change.speakers:
            renamed = self._apply_speaker_rows()
        for sid in renamed:
            self._emit_row(sid, _NAME_ROLES)
        if change.segments:
            for sid in self._ids:
                if old_shares.get(sid) != self.share(sid):
                    self._emit_row(sid, _SHARE_ROLES)

    def _apply_speaker_rows(self) -> list[int]:
        """Remove and insert rows to match the transcript; the ids whose fields changed."""
        speakers = self._session.transcript.speakers
        new_by_id = {sp.id: sp for sp in speakers}
        first_moved = len(self._ids)
        for row in reversed(range(len(self._ids))):
            sid = self._ids[row]
            if sid not in new_by_id:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._ids[row]
                del self._by_id[sid]
                self._colors.pop(sid, None)
                self.endRemoveRows()
                first_moved = min(first_moved, row)
        for row, sp in enumerate(speakers):
            if row < len(self._ids) and self._ids[row] == sp.id:
                continue
            if sp.id in self._by_id:  # ids are sorted and never change: no moves happen
                continue
            self.beginInsertRows(QModelIndex(), row, row)
            self._ids.insert(row, sp.id)
            self._by_id[sp.id] = sp
            self._colors[sp.id] = QColor(sp.color)
            self.endInsertRows()
            first_moved = min(first_moved, row)
        renamed = []
        for sid, sp in new_by_id.items():
            old = self._by_id.get(sid)
            if old is not sp:
                if old is not None and (old.name, old.color, old.label) != (
                    sp.name,
                    sp.color,
                    sp.label,
                ):
                    renamed.append(sid)
                self._by_id[sid] = sp
                self._colors[sid] = QColor(sp.color)
        # rows that slid up or down took another Ctrl+N
        last = min(len(self._ids), SHORTCUT_COUNT) - 1
        if first_moved <= last:
            self.dataChanged.emit(self.index(first_moved, 0), self.index(last, 0), _SHORTCUT_ROLES)
        return renamed

    def _emit_row(self, speaker_id: int, roles: list[int]) -> None:
        row = self.row_of(speaker_id)
        if row is not None:
            index = self.index(row, 0)
            self.dataChanged.emit(index, index, roles)

    # ---- look-ups -------------------------------------------------------------------------
    def speaker_at(self, row: int) -> Speaker:
        return self._by_id[self._ids[row]]

    def speaker_ids(self) -> list[int]:
        return list(self._ids)

    def row_of(self, speaker_id: int) -> int | None:
        try:
            return self._ids.index(speaker_id)  # at most a few dozen speakers
        except ValueError:
            return None

    def voice(self, speaker_id: int | None) -> SpeakerVoice | None:
        """The speaker's voice as found on this computer (None: SpeechKit labels, channels)."""
        return self._voices.get(speaker_id) if speaker_id is not None else None

    def is_suggested(self, speaker_id: int | None) -> bool:
        """The name was filled in from a known voice and the user has not confirmed it."""
        voice = self.voice(speaker_id)
        speaker = self._by_id.get(speaker_id) if speaker_id is not None else None
        return bool(
            voice is not None
            and voice.suggested_name
            and speaker is not None
            and speaker.name == voice.suggested_name
        )

    def confirm(self, speaker_id: int) -> None:
        """The suggested name is right: show it as an ordinary name from now on."""
        voice = self._voices.get(speaker_id)
        if voice is None or voice.suggested_name is None:
            return
        self._session.transcripts.confirm_name(self._session.transcript_id, speaker_id)
        self._voices[speaker_id] = SpeakerVoice(
            voice.speaker_id, voice.model, voice.vector, None, voice.similarity
        )
        self._emit_row(speaker_id, _NAME_ROLES)

    def talk_ms(self, speaker_id: int | None) -> int:
        return max(self._talk.get(speaker_id, 0), 0)

    def share(self, speaker_id: int | None) -> float:
        """The speaker's part of all segment time, 0..1 (0 when there is no talk at all)."""
        return self.talk_ms(speaker_id) / self._total if self._total > 0 else 0.0

    # ---- QAbstractListModel ---------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if index.column() != 0 or not 0 <= row < len(self._ids):
            return None
        sid = self._ids[row]
        if role in (_DISPLAY, _EDIT):
            return self._by_id[sid].name
        if role == _DECORATION:
            return self._colors[sid]
        if role == _SHARE:
            return self.share(sid)
        if role == _ID:
            return sid
        if role == _SHORTCUT:
            keys = shortcut_for_row(row)
            return keys.toString(QKeySequence.SequenceFormat.NativeText) if keys else ""
        if role == _TALK:
            return self.talk_ms(sid)
        if role == _TOOLTIP:
            return self._tooltip(row, sid)
        if role == _SUGGESTED:
            return self.is_suggested(sid)
        if role == _FONT and self.is_suggested(sid):
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def _tooltip(self, row: int, sid: int) -> str:
        name = self._by_id[sid].name
        lines = [
            name,
            self.tr("{percent}% of the talk time ({time})").format(
                percent=round(self.share(sid) * 100), time=timecode.duration(self.talk_ms(sid))
            ),
        ]
        if self.is_suggested(sid):
            lines.append(
                self.tr(
                    "Suggested: {name} sounds like a saved voice. Confirm the name or rename "
                    "the speaker."
                ).format(name=name)
            )
        keys = shortcut_for_row(row)
        if keys is not None:
            lines.append(
                self.tr("{keys} gives the selected phrase to {name}").format(
                    keys=keys.toString(QKeySequence.SequenceFormat.NativeText), name=name
                )
            )
        return "\n".join(lines)

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != _EDIT or not isinstance(value, str) or not 0 <= index.row() < len(self._ids):
            return False
        name = value.strip()
        if not name:
            return False
        speaker = self.speaker_at(index.row())
        if name == speaker.name:
            self.confirm(speaker.id)  # typing the suggested name again confirms it
            return True
        try:
            self._session.push(RenameSpeakerCommand(self._session, speaker.id, name))
        except TranscriptError:
            return False
        self.confirm(speaker.id)  # the user chose the name: no longer a suggestion
        return True
