"""Transcripts in normalised tables (speakers, segments, words).

``apply`` persists one edit (a core ``Change``) in one short transaction: the editor calls it
after every committed keystroke, so it must touch only the rows the edit touched.
"""

from __future__ import annotations

import array
import json
import sqlite3
import time
from collections.abc import Iterable

from kzdesk.core.transcript import Change, Segment, Speaker, Transcript, Word
from kzdesk.core.voices import SpeakerVoice
from kzdesk.storage.db import Database


class TranscriptStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def save(
        self,
        transcript: Transcript,
        *,
        job_id: int | None = None,
        voices: Iterable[SpeakerVoice] = (),
    ) -> int:
        """Store a whole new transcript (replacing the job's previous one) and return its id."""
        now = time.time()
        with self.db.transaction() as conn:
            if job_id is not None:
                conn.execute("DELETE FROM transcripts WHERE job_id = ?", (job_id,))
            cur = conn.execute(
                "INSERT INTO transcripts (job_id, title, source_path, duration_ms, language,"
                " created_at, updated_at) VALUES (?,?,?,?,?,?,?)",
                (
                    job_id,
                    transcript.title,
                    transcript.source_path,
                    transcript.duration_ms,
                    transcript.language,
                    transcript.created_at or now,
                    now,
                ),
            )
            tid = cur.lastrowid
            assert tid is not None
            self._put_speakers(conn, tid, transcript.speakers)
            self._put_segments(conn, tid, transcript.segments)
            self._put_overlaps(conn, tid, transcript.overlaps)
            conn.executemany(
                "INSERT INTO speaker_voices (transcript_id, speaker_id, model, vector,"
                " suggested_name, similarity) VALUES (?,?,?,?,?,?)",
                [
                    (
                        tid,
                        v.speaker_id,
                        v.model,
                        array.array("f", v.vector).tobytes(),
                        v.suggested_name,
                        v.similarity,
                    )
                    for v in voices
                ],
            )
        return tid

    # ---- voices ---------------------------------------------------------------------------
    def voices(self, transcript_id: int) -> dict[int, SpeakerVoice]:
        """Speaker id -> its voice (only speakers found on this computer have one)."""
        rows = self.db.connection().execute(
            "SELECT speaker_id, model, vector, suggested_name, similarity FROM speaker_voices"
            " WHERE transcript_id = ?",
            (transcript_id,),
        )
        out = {}
        for r in rows:
            vector = array.array("f")
            vector.frombytes(r["vector"])
            out[r["speaker_id"]] = SpeakerVoice(
                r["speaker_id"], r["model"], tuple(vector), r["suggested_name"], r["similarity"]
            )
        return out

    def replace_voices(self, transcript_id: int, voices: Iterable[SpeakerVoice]) -> None:
        """The transcript's voices are now exactly ``voices`` (speakers found again)."""
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM speaker_voices WHERE transcript_id = ?", (transcript_id,))
            conn.executemany(
                "INSERT INTO speaker_voices (transcript_id, speaker_id, model, vector,"
                " suggested_name, similarity) VALUES (?,?,?,?,?,?)",
                [
                    (
                        transcript_id,
                        v.speaker_id,
                        v.model,
                        array.array("f", v.vector).tobytes(),
                        v.suggested_name,
                        v.similarity,
                    )
                    for v in voices
                ],
            )

    def set_overlaps(self, transcript_id: int, overlaps: Iterable[tuple[int, int]]) -> None:
        """Where two or more people speak at once, replacing what was stored."""
        with self.db.transaction() as conn:
            self._put_overlaps(conn, transcript_id, overlaps)

    def confirm_name(self, transcript_id: int, speaker_id: int) -> None:
        """The user accepted (or replaced) the suggested name: it is no longer a suggestion."""
        with self.db.transaction() as conn:
            conn.execute(
                "UPDATE speaker_voices SET suggested_name = NULL"
                " WHERE transcript_id = ? AND speaker_id = ?",
                (transcript_id, speaker_id),
            )

    def id_for_job(self, job_id: int) -> int | None:
        row = (
            self.db.connection()
            .execute("SELECT id FROM transcripts WHERE job_id = ?", (job_id,))
            .fetchone()
        )
        return row["id"] if row else None

    def load(self, transcript_id: int) -> Transcript:
        conn = self.db.connection()
        head = conn.execute("SELECT * FROM transcripts WHERE id = ?", (transcript_id,)).fetchone()
        if head is None:
            raise KeyError(f"no transcript {transcript_id}")
        speakers = [
            Speaker(id=r["id"], label=r["label"], name=r["name"], color=r["color"])
            for r in conn.execute(
                "SELECT * FROM speakers WHERE transcript_id = ? ORDER BY id", (transcript_id,)
            )
        ]
        words: dict[int, list[Word]] = {}
        for r in conn.execute(
            "SELECT segment_id, text, start_ms, end_ms, confidence, checked FROM words"
            " WHERE transcript_id = ? ORDER BY segment_id, position",
            (transcript_id,),
        ):
            words.setdefault(r[0], []).append(Word(r[1], r[2], r[3], r[4], bool(r[5])))
        segments = [
            Segment(
                id=r["id"],
                speaker_id=r["speaker_id"],
                start_ms=r["start_ms"],
                end_ms=r["end_ms"],
                text=r["text"],
                language=r["language"],
                words=words.get(r["id"], []),
            )
            for r in conn.execute(
                "SELECT * FROM segments WHERE transcript_id = ? ORDER BY start_ms, id",
                (transcript_id,),
            )
        ]
        overlaps = [
            (r[0], r[1])
            for r in conn.execute(
                "SELECT start_ms, end_ms FROM overlaps WHERE transcript_id = ? ORDER BY start_ms",
                (transcript_id,),
            )
        ]
        return Transcript(
            speakers=speakers,
            segments=segments,
            title=head["title"],
            source_path=head["source_path"],
            duration_ms=head["duration_ms"],
            created_at=head["created_at"],
            language=head["language"],
            overlaps=overlaps,
        )

    def apply(self, transcript_id: int, change: Change) -> None:
        """Persist one edit (or its inverse, for undo) in one transaction."""
        with self.db.transaction() as conn:
            for before, after in change.speakers:
                if after is None and before is not None:
                    conn.execute(
                        "DELETE FROM speakers WHERE transcript_id = ? AND id = ?",
                        (transcript_id, before.id),
                    )
            self._put_speakers(conn, transcript_id, change.speakers_after)
            for old, new in change.segments:
                if old is not None and (new is None or new.id != old.id):
                    conn.execute(
                        "DELETE FROM segments WHERE transcript_id = ? AND id = ?",
                        (transcript_id, old.id),
                    )
            self._put_segments(conn, transcript_id, change.segments_after)
            conn.execute(
                "UPDATE transcripts SET updated_at = ? WHERE id = ?", (time.time(), transcript_id)
            )

    def rewrite(self, transcript_id: int, transcript: Transcript) -> None:
        """Make the stored rows equal ``transcript`` in one transaction (after a failed save:
        the edits that did not reach the disk are in it). Speakers that stay keep their saved
        voices."""
        with self.db.transaction() as conn:
            keep_speakers = [s.id for s in transcript.speakers]
            keep_segments = [s.id for s in transcript.segments]
            conn.execute(
                "DELETE FROM segments WHERE transcript_id = ? AND id NOT IN "
                "(SELECT value FROM json_each(?))",
                (transcript_id, json.dumps(keep_segments)),
            )
            conn.execute(
                "DELETE FROM speakers WHERE transcript_id = ? AND id NOT IN "
                "(SELECT value FROM json_each(?))",
                (transcript_id, json.dumps(keep_speakers)),
            )
            self._put_speakers(conn, transcript_id, transcript.speakers)
            self._put_segments(conn, transcript_id, transcript.segments)
            conn.execute(
                "UPDATE transcripts SET updated_at = ? WHERE id = ?", (time.time(), transcript_id)
            )

    # ---- internals ------------------------------------------------------------------------
    @staticmethod
    def _put_overlaps(
        conn: sqlite3.Connection, tid: int, overlaps: Iterable[tuple[int, int]]
    ) -> None:
        conn.execute("DELETE FROM overlaps WHERE transcript_id = ?", (tid,))
        conn.executemany(
            "INSERT OR REPLACE INTO overlaps (transcript_id, start_ms, end_ms) VALUES (?,?,?)",
            [(tid, int(a), int(b)) for a, b in overlaps if b > a],
        )

    @staticmethod
    def _put_speakers(conn: sqlite3.Connection, tid: int, speakers: Iterable[Speaker]) -> None:
        conn.executemany(
            "INSERT INTO speakers (transcript_id, id, label, name, color) VALUES (?,?,?,?,?)"
            " ON CONFLICT (transcript_id, id) DO UPDATE SET label = excluded.label,"
            " name = excluded.name, color = excluded.color",
            [(tid, s.id, s.label, s.name, s.color) for s in speakers],
        )

    @staticmethod
    def _put_segments(conn: sqlite3.Connection, tid: int, segments: Iterable[Segment]) -> None:
        segments = list(segments)
        conn.executemany(
            "INSERT INTO segments (transcript_id, id, speaker_id, start_ms, end_ms, text, language)"
            " VALUES (?,?,?,?,?,?,?) ON CONFLICT (transcript_id, id) DO UPDATE SET"
            " speaker_id = excluded.speaker_id, start_ms = excluded.start_ms,"
            " end_ms = excluded.end_ms, text = excluded.text, language = excluded.language",
            [(tid, s.id, s.speaker_id, s.start_ms, s.end_ms, s.text, s.language) for s in segments],
        )
        conn.executemany(
            "DELETE FROM words WHERE transcript_id = ? AND segment_id = ?",
            [(tid, s.id) for s in segments],
        )
        conn.executemany(
            "INSERT INTO words (transcript_id, segment_id, position, text, start_ms, end_ms,"
            " confidence, checked) VALUES (?,?,?,?,?,?,?,?)",
            [
                (tid, s.id, i, w.text, w.start_ms, w.end_ms, w.confidence, int(w.checked))
                for s in segments
                for i, w in enumerate(s.words)
            ],
        )
