"""Undoable edits of one segment: its text, its speaker, splitting, merging, deleting and
moving its bounds (each one step on the session's undo stack)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from kzdesk.core.transcript import Change, Transcript
from kzdesk.ui.editor.edit_session import EditCommand, EditSession, segment_time


class ReassignCommand(EditCommand):
    def __init__(self, session: EditSession, segment_id: int, speaker_id: int | None) -> None:
        when = segment_time(session, segment_id)
        if speaker_id is None:
            text = QCoreApplication.translate(
                "EditCommands", "Remove the speaker of the phrase at {time}"
            ).format(time=when)
        else:
            name = session.transcript.speaker_name(speaker_id)
            text = QCoreApplication.translate(
                "EditCommands", "Give the phrase at {time} to {name}"
            ).format(time=when, name=name)
        super().__init__(session, text)
        self.segment_id = segment_id
        self.speaker_id = speaker_id

    def perform(self, transcript: Transcript) -> Change:
        return transcript.reassign(self.segment_id, self.speaker_id)


class ReplaceTextCommand(EditCommand):
    def __init__(self, session: EditSession, segment_id: int, text: str) -> None:
        when = segment_time(session, segment_id)
        super().__init__(
            session,
            QCoreApplication.translate("EditCommands", "Edit the phrase at {time}").format(
                time=when
            ),
        )
        self.segment_id = segment_id
        self.new_text = text

    def perform(self, transcript: Transcript) -> Change:
        return transcript.replace_text(self.segment_id, self.new_text)


class SplitCommand(EditCommand):
    def __init__(self, session: EditSession, segment_id: int, word_index: int) -> None:
        when = segment_time(session, segment_id)
        super().__init__(
            session,
            QCoreApplication.translate("EditCommands", "Split the phrase at {time}").format(
                time=when
            ),
        )
        self.segment_id = segment_id
        self.word_index = word_index

    def perform(self, transcript: Transcript) -> Change:
        return transcript.split_at_word(self.segment_id, self.word_index)


class MergeWithNextCommand(EditCommand):
    def __init__(self, session: EditSession, segment_id: int) -> None:
        when = segment_time(session, segment_id)
        text = QCoreApplication.translate(
            "EditCommands", "Merge the phrase at {time} with the next"
        ).format(time=when)
        super().__init__(session, text)
        self.segment_id = segment_id

    def perform(self, transcript: Transcript) -> Change:
        return transcript.merge_with_next(self.segment_id)


class DeleteSegmentCommand(EditCommand):
    def __init__(self, session: EditSession, segment_id: int) -> None:
        when = segment_time(session, segment_id)
        super().__init__(
            session,
            QCoreApplication.translate("EditCommands", "Delete the phrase at {time}").format(
                time=when
            ),
        )
        self.segment_id = segment_id

    def perform(self, transcript: Transcript) -> Change:
        return transcript.delete_segment(self.segment_id)


class SplitAtCursorCommand(EditCommand):
    """Split a segment at the text cursor (a character offset into its text)."""

    def __init__(self, session: EditSession, segment_id: int, char_pos: int) -> None:
        when = segment_time(session, segment_id)
        super().__init__(
            session,
            QCoreApplication.translate("EditCommands", "Split the phrase at {time}").format(
                time=when
            ),
        )
        self.segment_id = segment_id
        self.char_pos = char_pos

    def perform(self, transcript: Transcript) -> Change:
        return transcript.split_at_char(self.segment_id, self.char_pos)


class ShiftBoundsCommand(EditCommand):
    """Move a segment's start and/or end. Repeated presses on the same edge of the same segment
    merge into one undo step whose change goes from the first press's "before" to the last
    press's "after"."""

    MERGE_ID = 0x6B7A01  # any constant unique among this app's commands

    def __init__(
        self,
        session: EditSession,
        segment_id: int,
        start_delta_ms: int = 0,
        end_delta_ms: int = 0,
    ) -> None:
        super().__init__(session, "")
        self.segment_id = segment_id
        self.start_delta_ms = start_delta_ms
        self.end_delta_ms = end_delta_ms
        if start_delta_ms and not end_delta_ms:
            self.edge = "start"
        elif end_delta_ms and not start_delta_ms:
            self.edge = "end"
        else:
            self.edge = "both"
        self._time = segment_time(session, segment_id)
        self._describe(start_delta_ms, end_delta_ms)

    def _describe(self, start_delta_ms: int, end_delta_ms: int) -> None:
        def signed(ms: int) -> str:
            return f"+{ms}" if ms > 0 else f"\u2212{-ms}"

        if self.edge == "start":
            text = QCoreApplication.translate(
                "EditCommands", "Move the start of the phrase at {time} by {delta} ms"
            ).format(time=self._time, delta=signed(start_delta_ms))
        elif self.edge == "end":
            text = QCoreApplication.translate(
                "EditCommands", "Move the end of the phrase at {time} by {delta} ms"
            ).format(time=self._time, delta=signed(end_delta_ms))
        else:
            text = QCoreApplication.translate("EditCommands", "Move the phrase at {time}").format(
                time=self._time
            )
        self.setText(text)

    def perform(self, transcript: Transcript) -> Change:
        return transcript.shift_bounds(self.segment_id, self.start_delta_ms, self.end_delta_ms)

    def id(self) -> int:
        return self.MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (
            isinstance(other, ShiftBoundsCommand)
            and other.segment_id == self.segment_id
            and other.edge == self.edge
            and self.change is not None
            and other.change is not None
        ):
            return False
        before = self.change.segments[0][0]
        after = other.change.segments[0][1]
        assert before is not None and after is not None
        self.change = Change(segments=[(before, after)], description=self.change.description)
        self._describe(after.start_ms - before.start_ms, after.end_ms - before.end_ms)
        if (after.start_ms, after.end_ms, after.words) == (
            before.start_ms,
            before.end_ms,
            before.words,
        ):
            self.setObsolete(True)  # back where it started: QUndoStack drops the step
        return True
