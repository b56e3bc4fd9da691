"""Undoable edits of a transcript, and the session that saves each one at once.

Each command calls a core operation on its first ``redo`` and keeps the returned
:class:`Change`; ``undo`` applies ``change.inverse()`` and a later ``redo`` applies the change
again. Every applied change (edit, undo, redo) goes to SQLite in one short transaction before
the view hears of it, so a crash loses nothing that was on screen.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from kzdesk.core import search, timecode
from kzdesk.core.search import Match, SearchQuery
from kzdesk.core.transcript import Change, Transcript, TranscriptError
from kzdesk.services.transcripts import NotSaved, TranscriptService

log = logging.getLogger(__name__)


class EditSession(QObject):
    """One open transcript: its undo stack, and autosave of every applied change."""

    changed = Signal(object)  # the Change just applied to the transcript (and saved)
    saved = Signal()
    save_failed = Signal(str)  # a sentence for the user

    def __init__(
        self,
        transcripts: TranscriptService,
        transcript_id: int,
        transcript: Transcript | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.transcripts = transcripts
        self.transcript_id = transcript_id
        self.transcript = transcript if transcript is not None else transcripts.load(transcript_id)
        self.undo_stack = QUndoStack(self)
        self._rejected: TranscriptError | None = None
        self._unsaved = False  # a change could not be written: the next save writes everything

    def push(self, command: EditCommand) -> Change:
        """Apply ``command`` and put it on the undo stack. Raises :class:`TranscriptError`
        (and leaves the stack as it was) when the edit cannot be applied.

        The edit runs before the stack sees the command: ``QUndoStack.push`` drops the redo
        history even for a command that then turns out obsolete."""
        self._rejected = None
        if command.change is None:
            command.change = command.perform(self.transcript)  # raises: nothing changed
            command.fresh = True
        self.undo_stack.push(command)  # runs redo(), which saves the fresh change
        if self._rejected is not None:
            error, self._rejected = self._rejected, None
            raise error
        change = command.change
        assert change is not None
        return change

    def reject(self, error: TranscriptError) -> None:
        """Called by a command whose first redo failed: ``push`` raises ``error``."""
        self._rejected = error

    def undo(self) -> None:
        self.undo_stack.undo()

    def redo(self) -> None:
        self.undo_stack.redo()

    @property
    def is_saved(self) -> bool:
        """False after a change could not be written, until a later save wrote everything."""
        return not self._unsaved

    def save_now(self) -> bool:
        """Write the whole transcript if a change is still unsaved; returns whether the disk
        now has everything."""
        if not self._unsaved:
            return True
        try:
            self.transcripts.rewrite(self.transcript_id, self.transcript)
        except NotSaved:
            log.exception("could not save transcript %s", self.transcript_id)
            return False
        self._unsaved = False
        self.saved.emit()
        return True

    def applied(self, change: Change) -> None:
        """Called by commands after the transcript took ``change``: persist, then announce.

        After a failed write the next save rewrites the whole transcript, so the change that
        did not reach the disk is saved with it."""
        try:
            if self._unsaved:
                self.transcripts.rewrite(self.transcript_id, self.transcript)
                self._unsaved = False
            else:
                self.transcripts.apply(self.transcript_id, change)
        except NotSaved:
            log.exception("could not save an edit of transcript %s", self.transcript_id)
            self._unsaved = True
            self.changed.emit(change)
            self.save_failed.emit(
                QCoreApplication.translate(
                    "EditCommands",
                    "The last change could not be saved to disk. Check that the disk has free "
                    "space, then make any edit again to save the transcript.",
                )
            )
            return
        self.changed.emit(change)
        self.saved.emit()


class EditCommand(QUndoCommand):
    """Base: ``perform`` runs the core operation once; undo/redo replay its Change."""

    def __init__(self, session: EditSession, text: str) -> None:
        super().__init__(text)
        self.session = session
        self.change: Change | None = None
        self.fresh = False  # True: the transcript has the change, it is not yet saved

    def perform(self, transcript: Transcript) -> Change:
        raise NotImplementedError

    def redo(self) -> None:
        transcript = self.session.transcript
        if self.change is None:  # pushed on the stack directly, not through session.push
            try:
                self.change = self.perform(transcript)
            except TranscriptError as exc:
                self.session.reject(exc)
                self.setObsolete(True)  # QUndoStack.push drops it
                return
        elif self.fresh:
            self.fresh = False
        else:
            transcript.apply(self.change)
        self.session.applied(self.change)

    def undo(self) -> None:
        if self.change is None:
            return
        inverse = self.change.inverse()
        self.session.transcript.apply(inverse)
        self.session.applied(inverse)


def _segment_time(session: EditSession, segment_id: int) -> str:
    try:
        return timecode.clock(session.transcript.segment(segment_id).start_ms)
    except TranscriptError:
        return "?"


class RenameSpeakerCommand(EditCommand):
    def __init__(self, session: EditSession, speaker_id: int, name: str) -> None:
        super().__init__(
            session,
            QCoreApplication.translate("EditCommands", "Rename speaker to {name}").format(
                name=name.strip()
            ),
        )
        self.speaker_id = speaker_id
        self.name = name

    def perform(self, transcript: Transcript) -> Change:
        return transcript.rename_speaker(self.speaker_id, self.name)


class ReassignCommand(EditCommand):
    def __init__(self, session: EditSession, segment_id: int, speaker_id: int | None) -> None:
        when = _segment_time(session, segment_id)
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
        when = _segment_time(session, segment_id)
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
        when = _segment_time(session, segment_id)
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
        when = _segment_time(session, segment_id)
        text = QCoreApplication.translate(
            "EditCommands", "Merge the phrase at {time} with the next"
        ).format(time=when)
        super().__init__(session, text)
        self.segment_id = segment_id

    def perform(self, transcript: Transcript) -> Change:
        return transcript.merge_with_next(self.segment_id)


class MergeSpeakersCommand(EditCommand):
    def __init__(self, session: EditSession, keep_id: int, remove_id: int) -> None:
        names = session.transcript.speaker_name
        text = QCoreApplication.translate("EditCommands", "Merge {removed} into {kept}").format(
            removed=names(remove_id), kept=names(keep_id)
        )
        super().__init__(session, text)
        self.keep_id = keep_id
        self.remove_id = remove_id

    def perform(self, transcript: Transcript) -> Change:
        return transcript.merge_speakers(self.keep_id, self.remove_id)


class AddSpeakerCommand(EditCommand):
    def __init__(self, session: EditSession, name: str | None = None, label: str = "") -> None:
        if name and name.strip():
            text = QCoreApplication.translate("EditCommands", "Add speaker {name}").format(
                name=name.strip()
            )
        else:
            text = QCoreApplication.translate("EditCommands", "Add a speaker")
        super().__init__(session, text)
        self.name = name.strip() if name else None
        self.label = label

    def perform(self, transcript: Transcript) -> Change:
        return transcript.add_speaker(self.label, self.name)


def _quoted(text: str, limit: int = 30) -> str:
    """A search or replacement text short enough for an Edit menu entry."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class DeleteSegmentCommand(EditCommand):
    def __init__(self, session: EditSession, segment_id: int) -> None:
        when = _segment_time(session, segment_id)
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
        when = _segment_time(session, segment_id)
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
        self._time = _segment_time(session, segment_id)
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


class ReplaceMatchCommand(EditCommand):
    """Replace one match found by the find bar."""

    def __init__(
        self, session: EditSession, match: Match, query: SearchQuery, replacement: str
    ) -> None:
        when = _segment_time(session, match.segment_id)
        try:
            found = session.transcript.segment(match.segment_id).text[match.start : match.end]
        except TranscriptError:
            found = query.text
        text = QCoreApplication.translate(
            "EditCommands", "Replace “{found}” with “{replacement}” in the phrase at {time}"
        ).format(found=_quoted(found), replacement=_quoted(replacement), time=when)
        super().__init__(session, text)
        self.match = match
        self.query = query
        self.replacement = replacement

    def perform(self, transcript: Transcript) -> Change:
        return search.replace_match(transcript, self.match, self.query, self.replacement)


class EditCommands(QObject):
    """The context of the undo texts with a count: lupdate gives translators the plural forms
    of their language (Russian has three) only for ``tr()`` with ``%n``."""

    def replace_matches(self, count: int) -> str:
        return self.tr("Replace %n matches of “{text}”", "", count)


class ReplaceAllCommand(EditCommand):
    """Replace every match of ``query``: one undo step, one saved transaction."""

    def __init__(self, session: EditSession, query: SearchQuery, replacement: str) -> None:
        try:
            count = len(search.find_all(session.transcript, query))
        except TranscriptError:
            count = 0  # a bad regex: perform() raises and the command is dropped
        super().__init__(session, self._text(count, query))
        self.query = query
        self.replacement = replacement
        self.count = count

    @staticmethod
    def _text(count: int, query: SearchQuery) -> str:
        if count == 1:
            return QCoreApplication.translate("EditCommands", "Replace 1 match of “{text}”").format(
                text=_quoted(query.text)
            )
        return EditCommands().replace_matches(count).format(text=_quoted(query.text))

    def perform(self, transcript: Transcript) -> Change:
        count = len(search.find_all(transcript, self.query))
        change = search.replace_all(transcript, self.query, self.replacement)
        if count != self.count:
            self.count = count
            self.setText(self._text(count, self.query))
        return change
