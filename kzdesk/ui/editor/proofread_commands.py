"""Undoable proofreading edits: mark words checked, accept or ignore glossary suggestions.

Each is one step on the editor's undo stack and, like every edit, saved to SQLite the moment it
is applied (EditCommand and EditSession do both).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kzdesk.core import glossary
from kzdesk.core.glossary import Suggestion
from kzdesk.core.proofread import mark_checked
from kzdesk.core.transcript import Change, Transcript
from kzdesk.ui.editor.edit_session import EditCommand, EditSession, quoted, segment_time


class MarkCheckedCommand(EditCommand):
    """The words shown by ``tokens`` (all uncertain words of the segment when None) checked."""

    def __init__(self, session: EditSession, segment_id: int, tokens: list[int] | None) -> None:
        super().__init__(
            session,
            QCoreApplication.translate(
                "EditCommands", "Mark words as checked in the phrase at {time}"
            ).format(time=segment_time(session, segment_id)),
        )
        self.segment_id = segment_id
        self.tokens = tokens

    def perform(self, transcript: Transcript) -> Change:
        return transcript.apply(mark_checked(transcript, self.segment_id, self.tokens))


class AcceptSuggestionsCommand(EditCommand):
    """Glossary suggestions accepted (one, or all of them): one step, one transaction."""

    def __init__(self, session: EditSession, suggestions: list[Suggestion]) -> None:
        if len(suggestions) == 1:
            s = suggestions[0]
            text = QCoreApplication.translate(
                "EditCommands", "Replace “{found}” with “{term}” from the glossary"
            ).format(found=quoted(s.found), term=quoted(s.term))
        else:
            text = QCoreApplication.translate(
                "EditCommands", "Accept all glossary suggestions ({count})"
            ).format(count=len(suggestions))
        super().__init__(session, text)
        self.suggestions = suggestions

    def perform(self, transcript: Transcript) -> Change:
        texts = glossary.accepted_texts(transcript, self.suggestions)
        return transcript.replace_texts(texts, description="glossary")


class IgnoreSuggestionCommand(EditCommand):
    """The words of a suggestion confirmed as they are: never suggested (or flagged) again."""

    def __init__(self, session: EditSession, suggestion: Suggestion) -> None:
        super().__init__(
            session,
            QCoreApplication.translate(
                "EditCommands", "Keep “{found}” (ignore the glossary suggestion)"
            ).format(found=quoted(suggestion.found)),
        )
        self.suggestion = suggestion

    def perform(self, transcript: Transcript) -> Change:
        s = self.suggestion
        tokens = list(range(s.token, s.token + s.count))
        return transcript.apply(mark_checked(transcript, s.segment_id, tokens))
