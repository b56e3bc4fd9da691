"""The session of one open transcript, and the base of its undoable edits.

Each command calls a core operation on its first ``redo`` and keeps the returned
:class:`Change`; ``undo`` applies ``change.inverse()`` and a later ``redo`` applies the change
again. Every applied change (edit, undo, redo) goes to SQLite in one short transaction before
the view hears of it, so a crash loses nothing that was on screen. The commands themselves are
in ``segment_commands``, ``speaker_commands``, ``replace_commands``, ``segment_language`` and
``proofread_commands``.
"""

from __future__ import annotations

import logging
import weakref

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from kzdesk.core import timecode
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
        # The session owns its undo stack and the stack its commands: a command refers back
        # to it weakly, so a session without a parent is freed at once, never in a garbage
        # collection that may meet its Qt objects in any order (which crashes PySide).
        self._session = weakref.ref(session)
        self.change: Change | None = None
        self.fresh = False  # True: the transcript has the change, it is not yet saved

    @property
    def session(self) -> EditSession:
        session = self._session()
        assert session is not None, "a command outlived its session"
        return session

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


def segment_time(session: EditSession, segment_id: int) -> str:
    """The clock time a segment starts at, for an undo text ("?" if it is gone)."""
    try:
        return timecode.clock(session.transcript.segment(segment_id).start_ms)
    except TranscriptError:
        return "?"


def quoted(text: str, limit: int = 30) -> str:
    """A search or replacement text short enough for an Edit menu entry."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
