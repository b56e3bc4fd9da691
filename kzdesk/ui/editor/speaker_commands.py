"""Undoable edits of the speakers themselves: rename, merge one into another, add one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kzdesk.core.transcript import Change, Transcript
from kzdesk.ui.editor.edit_session import EditCommand, EditSession


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
