"""Undoable replacements from the find bar: one match, or every match in one step."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from kzdesk.core import search
from kzdesk.core.search import Match, SearchQuery
from kzdesk.core.transcript import Change, Transcript, TranscriptError
from kzdesk.ui.editor.edit_session import EditCommand, EditSession, quoted, segment_time


class ReplaceMatchCommand(EditCommand):
    """Replace one match found by the find bar."""

    def __init__(
        self, session: EditSession, match: Match, query: SearchQuery, replacement: str
    ) -> None:
        when = segment_time(session, match.segment_id)
        try:
            found = session.transcript.segment(match.segment_id).text[match.start : match.end]
        except TranscriptError:
            found = query.text
        text = QCoreApplication.translate(
            "EditCommands", "Replace “{found}” with “{replacement}” in the phrase at {time}"
        ).format(found=quoted(found), replacement=quoted(replacement), time=when)
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
                text=quoted(query.text)
            )
        return EditCommands().replace_matches(count).format(text=quoted(query.text))

    def perform(self, transcript: Transcript) -> Change:
        count = len(search.find_all(transcript, self.query))
        change = search.replace_all(transcript, self.query, self.replacement)
        if count != self.count:
            self.count = count
            self.setText(self._text(count, self.query))
        return change
