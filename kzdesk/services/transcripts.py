"""Transcripts as the editor and the window see them: load one, save each edit, its voices.

Qt-free. The window and the editor ask this service instead of holding the storage: every
read and write of a transcript goes through here, so the CLI and the window share one path.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

from kzdesk.core.transcript import Change, Transcript
from kzdesk.core.voices import SpeakerVoice
from kzdesk.storage.db import Database
from kzdesk.storage.transcripts import TranscriptStore


class NotSaved(Exception):
    """An edit could not be written (a full disk, a locked or damaged database); the
    transcript on disk is as it was before the edit."""


class TranscriptService:
    def __init__(self, store: TranscriptStore) -> None:
        self._store = store

    @classmethod
    def in_database(cls, db: Database) -> TranscriptService:
        return cls(TranscriptStore(db))

    @property
    def data_dir(self) -> Path:
        """The data folder that holds the transcripts (and the known voices beside them)."""
        return self._store.db.path.parent

    # ---- reading --------------------------------------------------------------------------
    def load(self, transcript_id: int) -> Transcript:
        """The whole transcript (KeyError: there is none with that id)."""
        return self._store.load(transcript_id)

    def id_for_job(self, job_id: int) -> int | None:
        """The transcript of a job; None while the job has none (not done yet)."""
        return self._store.id_for_job(job_id)

    def has_transcript(self, job_id: int) -> bool:
        return self.id_for_job(job_id) is not None

    def voices(self, transcript_id: int) -> dict[int, SpeakerVoice]:
        """Speaker id -> its voice (only speakers found on this computer have one)."""
        return self._store.voices(transcript_id)

    # ---- writing --------------------------------------------------------------------------
    def apply(self, transcript_id: int, change: Change) -> None:
        """Save one edit (or its inverse, for undo) at once; raises :class:`NotSaved`."""
        try:
            self._store.apply(transcript_id, change)
        except sqlite3.Error as exc:
            raise NotSaved(str(exc)) from exc

    def rewrite(self, transcript_id: int, transcript: Transcript) -> None:
        """Make the saved transcript equal ``transcript`` (after a save that failed: the edits
        that did not reach the disk are in it); raises :class:`NotSaved`."""
        try:
            self._store.rewrite(transcript_id, transcript)
        except sqlite3.Error as exc:
            raise NotSaved(str(exc)) from exc

    def confirm_name(self, transcript_id: int, speaker_id: int) -> None:
        """The user accepted (or replaced) the name suggested from a known voice."""
        self._store.confirm_name(transcript_id, speaker_id)

    def replace_speakers_found(
        self,
        transcript_id: int,
        voices: Iterable[SpeakerVoice],
        overlaps: Iterable[tuple[int, int]],
    ) -> None:
        """Speakers were found again (or that was undone): their voices and the stretches
        where people speak at once are now exactly these."""
        self._store.replace_voices(transcript_id, voices)
        self._store.set_overlaps(transcript_id, overlaps)
