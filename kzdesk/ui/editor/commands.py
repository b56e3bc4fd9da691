"""Undoable edits of a transcript, and the session that saves each one at once.

Each command calls a core operation on its first ``redo`` and keeps the returned
:class:`Change`; ``undo`` applies ``change.inverse()`` and a later ``redo`` applies the change
again. Every applied change (edit, undo, redo) goes to SQLite in one short transaction before
the view hears of it, so a crash loses nothing that was on screen.
"""

from __future__ import annotations

import logging
import sqlite3

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from kzdesk.core import timecode
from kzdesk.core.transcript import Change, Transcript, TranscriptError
from kzdesk.storage.transcripts import TranscriptStore

log = logging.getLogger(__name__)

_CONTEXT = "EditCommands"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


class EditSession(QObject):
    """One open transcript: its undo stack, and autosave of every applied change."""

    changed = Signal(object)  # the Change just applied to the transcript (and saved)
    saved = Signal()
    save_failed = Signal(str)  # a sentence for the user

    def __init__(
        self,
        store: TranscriptStore,
        transcript_id: int,
        transcript: Transcript | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.transcript_id = transcript_id
        self.transcript = transcript if transcript is not None else store.load(transcript_id)
        self.undo_stack = QUndoStack(self)
        self._rejected: TranscriptError | None = None

    def push(self, command: EditCommand) -> Change:
        """Apply ``command`` and put it on the undo stack. Raises :class:`TranscriptError`
        (and leaves the stack as it was) when the edit cannot be applied."""
        self._rejected = None
        self.undo_stack.push(command)  # runs redo(); an obsolete command is deleted by Qt
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

    def applied(self, change: Change) -> None:
        """Called by commands after the transcript took ``change``: persist, then announce."""
        try:
            self.store.apply(self.transcript_id, change)
        except sqlite3.Error:
            log.exception("could not save an edit of transcript %s", self.transcript_id)
            self.changed.emit(change)
            self.save_failed.emit(
                _tr(
                    "The last change could not be saved to disk. Check that the disk has free "
                    "space, then make any edit again to save the transcript."
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

    def perform(self, transcript: Transcript) -> Change:
        raise NotImplementedError

    def redo(self) -> None:
        transcript = self.session.transcript
        if self.change is None:
            try:
                self.change = self.perform(transcript)
            except TranscriptError as exc:
                self.session.reject(exc)
                self.setObsolete(True)  # QUndoStack.push drops it
                return
        else:
            transcript.apply(self.change)
        self.session.applied(self.change)

    def undo(self) -> None:
        if self.change is None:
            return
        inverse = self.change.inverse()
        self.session.transcript.apply(inverse)
        self.session.applied(inverse)


def _phrase_time(session: EditSession, segment_id: int) -> str:
    try:
        return timecode.clock(session.transcript.segment(segment_id).start_ms)
    except TranscriptError:
        return "?"


class RenameSpeakerCommand(EditCommand):
    def __init__(self, session: EditSession, speaker_id: int, name: str) -> None:
        super().__init__(session, _tr("Rename speaker to {name}").format(name=name.strip()))
        self.speaker_id = speaker_id
        self.name = name

    def perform(self, transcript: Transcript) -> Change:
        return transcript.rename_speaker(self.speaker_id, self.name)


class ReassignCommand(EditCommand):
    def __init__(self, session: EditSession, segment_id: int, speaker_id: int | None) -> None:
        when = _phrase_time(session, segment_id)
        if speaker_id is None:
            text = _tr("Remove the speaker of the phrase at {time}").format(time=when)
        else:
            name = session.transcript.speaker_name(speaker_id)
            text = _tr("Give the phrase at {time} to {name}").format(time=when, name=name)
        super().__init__(session, text)
        self.segment_id = segment_id
        self.speaker_id = speaker_id

    def perform(self, transcript: Transcript) -> Change:
        return transcript.reassign(self.segment_id, self.speaker_id)


class ReplaceTextCommand(EditCommand):
    def __init__(self, session: EditSession, segment_id: int, text: str) -> None:
        when = _phrase_time(session, segment_id)
        super().__init__(session, _tr("Edit the phrase at {time}").format(time=when))
        self.segment_id = segment_id
        self.new_text = text

    def perform(self, transcript: Transcript) -> Change:
        return transcript.replace_text(self.segment_id, self.new_text)


class SplitCommand(EditCommand):
    def __init__(self, session: EditSession, segment_id: int, word_index: int) -> None:
        when = _phrase_time(session, segment_id)
        super().__init__(session, _tr("Split the phrase at {time}").format(time=when))
        self.segment_id = segment_id
        self.word_index = word_index

    def perform(self, transcript: Transcript) -> Change:
        return transcript.split_at_word(self.segment_id, self.word_index)


class MergeWithNextCommand(EditCommand):
    def __init__(self, session: EditSession, segment_id: int) -> None:
        when = _phrase_time(session, segment_id)
        text = _tr("Merge the phrase at {time} with the next").format(time=when)
        super().__init__(session, text)
        self.segment_id = segment_id

    def perform(self, transcript: Transcript) -> Change:
        return transcript.merge_with_next(self.segment_id)


class MergeSpeakersCommand(EditCommand):
    def __init__(self, session: EditSession, keep_id: int, remove_id: int) -> None:
        names = session.transcript.speaker_name
        text = _tr("Merge {removed} into {kept}").format(
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
            text = _tr("Add speaker {name}").format(name=name.strip())
        else:
            text = _tr("Add a speaker")
        super().__init__(session, text)
        self.name = name.strip() if name else None
        self.label = label

    def perform(self, transcript: Transcript) -> Change:
        return transcript.add_speaker(self.label, self.name)
