"""The edits the editor's menus, keys and cells make on the current segment.

Each one becomes an undoable command on the session; a refusal (say, merging the last
segment) becomes a sentence in the status bar, never an exception. Before any edit, undo or
redo, what is being typed in the open cell editor is saved first, so it never overwrites the
segment that edit changed. The window is seen as an
:class:`~kzdesk.ui.editor.host.EditorHost`; nothing here imports it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QAbstractItemDelegate

from kzdesk.core.transcript import TranscriptError
from kzdesk.ui.editor.edit_session import EditCommand
from kzdesk.ui.editor.segment_commands import (
    DeleteSegmentCommand,
    MergeWithNextCommand,
    ReassignCommand,
    ReplaceTextCommand,
    ShiftBoundsCommand,
    SplitAtCursorCommand,
    SplitCommand,
)
from kzdesk.ui.editor.segment_language import SetLanguageCommand
from kzdesk.ui.editor.segment_model import Column
from kzdesk.ui.editor.segment_text_delegate import SegmentTextEditor

if TYPE_CHECKING:
    from kzdesk.ui.editor.host import EditorHost


class SegmentEdits(QObject):
    """Edits of the window's current segment (the row selected in its view)."""

    def __init__(self, window: EditorHost) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session

    def push(self, command: EditCommand) -> bool:
        """Apply an edit; a refusal becomes a status message, never an exception."""
        try:
            self.session.push(command)
        except TranscriptError as exc:
            self.window.show_status(str(exc))
            return False
        return True

    # ---- the cells' edits -----------------------------------------------------------------
    def edit_text(self, segment_id: int, text: str) -> None:
        self.push(ReplaceTextCommand(self.session, segment_id, text))

    def edit_speaker(self, segment_id: int, speaker_id: int | None) -> None:
        self.push(ReassignCommand(self.session, segment_id, speaker_id))

    def set_language(self, segment_id: int, language: str) -> None:
        self.push(SetLanguageCommand(self.session, segment_id, language))

    # ---- the open cell editor -------------------------------------------------------------
    def current_id(self) -> int | None:
        seg = self.window.view.current_segment()
        return seg.id if seg is not None else None

    def open_editor(self) -> SegmentTextEditor | None:
        widget = self.window.focusWidget()
        return widget if isinstance(widget, SegmentTextEditor) else None

    def commit_open_editor(self) -> None:
        """Save what is being typed before another edit, undo or redo: an editor left open
        would later write its stale text over the segment that edit changed."""
        editor = self.open_editor()
        if editor is not None:
            view = self.window.view
            view.commitData(editor)
            view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def undo(self) -> None:
        self.commit_open_editor()
        self.session.undo()

    def redo(self) -> None:
        self.commit_open_editor()
        self.session.redo()

    # ---- the menus' edits -----------------------------------------------------------------
    def mark_current_language(self, language: str | None) -> None:
        """Mark the current segment's language; None opens the list of languages."""
        self.commit_open_editor()
        view = self.window.view
        index = view.currentIndex()
        sid = self.current_id()
        if sid is None:
            return
        if language is None:
            view.edit(self.window.model.index(index.row(), int(Column.LANGUAGE)))
        else:
            self.set_language(sid, language)

    def edit_current(self) -> None:
        index = self.window.view.currentIndex()
        if index.isValid():
            self.window.view.edit_text(index.row())

    def split_current(self) -> None:
        """Split at the text cursor while editing; else at the word being played in the
        current segment; else ask the user to place the cursor."""
        sid = self.current_id()
        if sid is None:
            return
        view = self.window.view
        editor = self.open_editor()
        if editor is not None:
            text, pos = editor.toPlainText(), editor.textCursor().position()
            view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self.split(sid, text, pos)
            return
        seg = self.session.transcript.segment(sid)
        word = self.window.model.current_word() if view.is_current_row_playing() else -1
        if word > 0:
            self.push(SplitCommand(self.session, sid, word))
            return
        view.edit_text(view.currentIndex().row(), len(seg.text) // 2)
        self.window.show_status(
            QCoreApplication.translate(
                "EditorWindow",
                "Put the cursor where the phrase should be split, then press Ctrl+Enter.",
            )
        )

    def split(self, segment_id: int, text: str, pos: int) -> None:
        """Split at ``pos`` of the text typed in the cell editor (saved first when changed)."""
        seg = self.session.transcript.segment(segment_id)
        normalized = " ".join(text.split())
        stack = self.session.undo_stack
        if normalized and normalized != seg.text:
            # typed text and the split are one step: undo restores the segment as it was
            stack.beginMacro(
                QCoreApplication.translate("EditorWindow", "Edit and split the phrase")
            )
            try:
                ok = self.push(ReplaceTextCommand(self.session, segment_id, normalized))
                # the cursor was in the raw editor text; map it onto the normalised text
                pos = len(" ".join(text[:pos].split())) + (1 if text[:pos][-1:].isspace() else 0)
                ok = ok and self.push(SplitAtCursorCommand(self.session, segment_id, pos))
            finally:
                stack.endMacro()
            if not ok:
                return
        elif not self.push(SplitAtCursorCommand(self.session, segment_id, pos)):
            return
        self.window.view.select_segment(segment_id)

    def merge_current(self) -> None:
        self.commit_open_editor()
        sid = self.current_id()
        if sid is not None and self.push(MergeWithNextCommand(self.session, sid)):
            self.window.view.select_segment(sid)

    def delete_current(self) -> None:
        self.commit_open_editor()
        view, model = self.window.view, self.window.model
        index = view.currentIndex()
        sid = self.current_id()
        if sid is None or not self.push(DeleteSegmentCommand(self.session, sid)):
            return
        rows = model.rowCount()
        if rows:
            view.setCurrentIndex(model.index(min(index.row(), rows - 1), 2))

    def nudge(self, start_delta: int, end_delta: int) -> None:
        self.commit_open_editor()
        sid = self.current_id()
        if sid is not None:
            self.push(ShiftBoundsCommand(self.session, sid, start_delta, end_delta))

    def give_to_speaker(self, n: int) -> None:
        self.commit_open_editor()
        speakers = self.session.transcript.speakers
        sid = self.current_id()
        if sid is None or n > len(speakers):
            return
        speaker = speakers[n - 1]
        if self.session.transcript.segment(sid).speaker_id != speaker.id:
            self.push(ReassignCommand(self.session, sid, speaker.id))

    def play_current(self) -> None:
        seg = self.window.view.current_segment()
        if seg is not None:
            self.window.player.seek(seg.start_ms)
            self.window.player.play()
