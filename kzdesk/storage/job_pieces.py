"""The pieces a job's recording was sent as: operation ids, results, and the segments kept
while a piece is recognised.

What makes a resumed job poll the operation the service accepted instead of uploading (and
paying for) the same audio twice. Reached through :attr:`JobQueue.pieces
<kzdesk.storage.job_queue.JobQueue.pieces>`.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any

from kzdesk.core.engine import LOCAL_OPERATION, AudioPiece
from kzdesk.storage.db import Database


@dataclass(frozen=True)
class PieceRecord:
    job_id: int
    piece: AudioPiece  # as sent (its path may be gone: a resumed piece is not read again)
    operation_id: str | None
    result: Any | None  # JSON-decoded utterances once fetched
    sending_since: float | None = None  # sent then, and no operation id came back (yet)


class JobPieces:
    def __init__(self, db: Database) -> None:
        self.db = db

    def records(self, job_id: int) -> list[PieceRecord]:
        """What each piece of the job was sent as, its operation and its result, by index."""
        rows = self.db.connection().execute(
            "SELECT * FROM job_pieces WHERE job_id = ? ORDER BY piece", (job_id,)
        )
        return [
            PieceRecord(
                job_id=r["job_id"],
                piece=AudioPiece(
                    path="",
                    audio_format=r["audio_format"],
                    offset_ms=r["offset_ms"],
                    duration_ms=r["duration_ms"],
                    channels=r["channels"],
                    index=r["piece"],
                ),
                operation_id=r["operation_id"],
                result=json.loads(r["result"]) if r["result"] is not None else None,
                sending_since=r["sending_since"],
            )
            for r in rows
        ]

    def mark_sending(self, job_id: int, piece: AudioPiece, *, at: float | None = None) -> None:
        """Written just before the piece leaves: if no operation id is stored after this, the
        service may have accepted it anyway (a kill, a lost reply)."""
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT INTO job_pieces (job_id, piece, offset_ms, duration_ms, audio_format,"
                " channels, operation_id, sending_since) VALUES (?,?,?,?,?,?,NULL,?)"
                " ON CONFLICT (job_id, piece) DO UPDATE SET offset_ms = excluded.offset_ms,"
                " duration_ms = excluded.duration_ms, audio_format = excluded.audio_format,"
                " channels = excluded.channels, operation_id = NULL, result = NULL,"
                " sending_since = excluded.sending_since",
                (*_columns(job_id, piece), time.time() if at is None else at),
            )

    def not_sent(self, job_id: int, piece: int) -> None:
        """The service answered the send with an error (or it never connected): the piece
        was not accepted, so sending it again bills nothing twice."""
        with self.db.transaction() as conn:
            conn.execute(
                "DELETE FROM job_pieces WHERE job_id = ? AND piece = ? AND operation_id IS NULL",
                (job_id, piece),
            )

    def forget_unfinished_operations(self, job_id: int) -> None:
        """Remote operations without a result are dropped (they were cancelled): a retried
        job sends those pieces again instead of reattaching to a cancelled operation. Pieces
        of local engines keep their segments, so Retry continues where they stopped."""
        with self.db.transaction() as conn:
            conn.execute(
                "DELETE FROM job_pieces WHERE job_id = ? AND result IS NULL"
                " AND (operation_id IS NULL OR operation_id NOT LIKE ?)",
                (job_id, f"{LOCAL_OPERATION}%"),
            )
            conn.execute(
                "UPDATE jobs SET operation_id = NULL WHERE id = ? AND NOT EXISTS ("
                "SELECT 1 FROM job_pieces WHERE job_id = ? AND operation_id = jobs.operation_id)",
                (job_id, job_id),
            )

    def remember_operation(self, job_id: int, piece: AudioPiece, operation_id: str) -> None:
        """Stored before waiting: after a crash the job polls this id instead of resubmitting."""
        with self.db.transaction() as conn:
            # a new operation starts the piece afresh: segments kept for another one go
            conn.execute(
                "DELETE FROM piece_phrases WHERE job_id = ? AND piece = ? AND NOT EXISTS ("
                "SELECT 1 FROM job_pieces WHERE job_id = ? AND piece = ? AND operation_id = ?)",
                (job_id, piece.index, job_id, piece.index, operation_id),
            )
            conn.execute(
                "INSERT INTO job_pieces (job_id, piece, offset_ms, duration_ms, audio_format,"
                " channels, operation_id) VALUES (?,?,?,?,?,?,?) ON CONFLICT (job_id, piece)"
                " DO UPDATE SET offset_ms = excluded.offset_ms,"
                " duration_ms = excluded.duration_ms, audio_format = excluded.audio_format,"
                " channels = excluded.channels, operation_id = excluded.operation_id,"
                " result = NULL, sending_since = NULL",
                (*_columns(job_id, piece), operation_id),
            )
            conn.execute(
                "UPDATE jobs SET operation_id = ?, updated_at = ? WHERE id = ?",
                (operation_id, time.time(), job_id),
            )

    def store_result(self, job_id: int, piece: int, result: Any) -> None:
        """The piece's whole result; the segments kept while it ran are no longer needed."""
        with self.db.transaction() as conn:
            conn.execute(
                "UPDATE job_pieces SET result = ? WHERE job_id = ? AND piece = ?",
                (json.dumps(result, ensure_ascii=False), job_id, piece),
            )
            conn.execute(
                "DELETE FROM piece_phrases WHERE job_id = ? AND piece = ?", (job_id, piece)
            )

    def keep_segments(self, job_id: int, piece: int, segments: list[Any]) -> None:
        """Append segments (JSON-ready) of a piece still running; one short transaction."""
        if not segments:
            return
        with self.db.transaction() as conn:
            row = conn.execute(
                "SELECT COALESCE(MAX(position) + 1, 0) FROM piece_phrases"
                " WHERE job_id = ? AND piece = ?",
                (job_id, piece),
            ).fetchone()
            conn.executemany(
                "INSERT INTO piece_phrases (job_id, piece, position, utterance) VALUES (?,?,?,?)",
                [
                    (job_id, piece, row[0] + i, json.dumps(p, ensure_ascii=False))
                    for i, p in enumerate(segments)
                ],
            )

    def kept_segments(self, job_id: int, piece: int) -> list[Any]:
        """The segments kept for a piece that has no result yet, in the order they came."""
        rows = self.db.connection().execute(
            "SELECT utterance FROM piece_phrases WHERE job_id = ? AND piece = ? ORDER BY position",
            (job_id, piece),
        )
        return [json.loads(r["utterance"]) for r in rows]

    def forget(self, job_id: int) -> None:
        """Drop remote operations (they expired): the next run submits the audio again."""
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM job_pieces WHERE job_id = ?", (job_id,))
            conn.execute("UPDATE jobs SET operation_id = NULL WHERE id = ?", (job_id,))

    def maybe_sent_since(self, job_id: int) -> float | None:
        """When a piece of the job left with no operation id coming back (None: never)."""
        row = (
            self.db.connection()
            .execute(
                "SELECT MIN(sending_since) FROM job_pieces WHERE job_id = ?"
                " AND operation_id IS NULL AND sending_since IS NOT NULL",
                (job_id,),
            )
            .fetchone()
        )
        return row[0]


def _columns(job_id: int, piece: AudioPiece) -> tuple[int, int, int, int, str, int]:
    """The piece's own columns, in the order the INSERTs above name them."""
    return (
        job_id,
        piece.index,
        piece.offset_ms,
        piece.duration_ms,
        piece.audio_format,
        piece.channels,
    )
