"""The one SQLite database: where it lives, how it is opened, how it is migrated.

WAL mode, foreign keys on, migrations by ``PRAGMA user_version``. SQLite connections must not
cross threads, so :class:`Database` hands each thread its own connection.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import platformdirs

from kzdesk.core.i18n import QT_TRANSLATE_NOOP

APP_NAME = "kzdesk"
DB_FILE = "kzdesk.sqlite3"

MIGRATIONS: tuple[str, ...] = (
    # 1: jobs, their remote operations, transcripts
    """
    CREATE TABLE jobs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        source_path TEXT NOT NULL,
        source_size INTEGER NOT NULL DEFAULT 0,
        duration_ms INTEGER,
        language TEXT NOT NULL,
        speakers TEXT NOT NULL,
        engine TEXT NOT NULL,
        options TEXT NOT NULL DEFAULT '{}',
        state TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        operation_id TEXT,
        error TEXT,
        progress REAL NOT NULL DEFAULT 0,
        duplicate_of INTEGER REFERENCES jobs(id) ON DELETE SET NULL,
        not_before REAL NOT NULL DEFAULT 0,
        created_at REAL NOT NULL,
        updated_at REAL NOT NULL,
        started_at REAL,
        finished_at REAL
    );
    CREATE INDEX jobs_state ON jobs(state, id);
    CREATE INDEX jobs_source ON jobs(source_path);
    CREATE TABLE job_pieces (
        job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
        piece INTEGER NOT NULL,
        offset_ms INTEGER NOT NULL,
        duration_ms INTEGER NOT NULL,
        audio_format TEXT NOT NULL DEFAULT '',
        channels INTEGER NOT NULL DEFAULT 1,
        operation_id TEXT,
        result TEXT,
        PRIMARY KEY (job_id, piece)
    );
    CREATE TABLE transcripts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        job_id INTEGER UNIQUE REFERENCES jobs(id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        source_path TEXT NOT NULL,
        duration_ms INTEGER NOT NULL,
        language TEXT NOT NULL DEFAULT '',
        created_at REAL NOT NULL,
        updated_at REAL NOT NULL
    );
    CREATE TABLE speakers (
        transcript_id INTEGER NOT NULL REFERENCES transcripts(id) ON DELETE CASCADE,
        id INTEGER NOT NULL,
        label TEXT NOT NULL,
        name TEXT NOT NULL,
        color TEXT NOT NULL,
        PRIMARY KEY (transcript_id, id)
    );
    CREATE TABLE segments (
        transcript_id INTEGER NOT NULL REFERENCES transcripts(id) ON DELETE CASCADE,
        id INTEGER NOT NULL,
        speaker_id INTEGER,
        start_ms INTEGER NOT NULL,
        end_ms INTEGER NOT NULL,
        text TEXT NOT NULL,
        language TEXT,
        PRIMARY KEY (transcript_id, id)
    );
    CREATE INDEX segments_time ON segments(transcript_id, start_ms);
    CREATE TABLE words (
        transcript_id INTEGER NOT NULL,
        segment_id INTEGER NOT NULL,
        position INTEGER NOT NULL,
        text TEXT NOT NULL,
        start_ms INTEGER NOT NULL,
        end_ms INTEGER NOT NULL,
        confidence REAL,
        PRIMARY KEY (transcript_id, segment_id, position),
        FOREIGN KEY (transcript_id, segment_id)
            REFERENCES segments(transcript_id, id) ON DELETE CASCADE
    );
    """,
    # 2: segments of a piece stored as a local engine (Whisper) produces them, so a crash, a
    # kill or a cancel keeps the part already transcribed and a rerun continues after it
    """
    CREATE TABLE piece_phrases (
        job_id INTEGER NOT NULL,
        piece INTEGER NOT NULL,
        position INTEGER NOT NULL,
        utterance TEXT NOT NULL,
        PRIMARY KEY (job_id, piece, position),
        FOREIGN KEY (job_id, piece) REFERENCES job_pieces(job_id, piece) ON DELETE CASCADE
    );
    """,
    # 3: the voice of each speaker found on this computer (to save it as a known voice), and
    # the known voice's name suggested for it until the user confirms or renames
    """
    CREATE TABLE speaker_voices (
        transcript_id INTEGER NOT NULL REFERENCES transcripts(id) ON DELETE CASCADE,
        speaker_id INTEGER NOT NULL,
        model TEXT NOT NULL,
        vector BLOB NOT NULL,
        suggested_name TEXT,
        similarity REAL,
        PRIMARY KEY (transcript_id, speaker_id)
    );
    """,
    # 4: never bill twice, never overwrite (issue 13)
    # - job_pieces.sending_since: set just before a piece is sent; an operation id clears it.
    #   Found set with no operation id after a crash or a lost reply, the piece may already
    #   have been accepted (and billed): the user decides whether to send it again.
    # - jobs.requested_at: when a job was added or retried; a process holding the queue for a
    #   batch also runs the jobs other processes hand to it after it started.
    # - jobs.export_request: the formats, folder and options the job exports to when it is done
    #   (NULL: the settings' automatic export); jobs.exported_at: when that export was written
    #   (NULL while it is owed); jobs.export_note: a sentence about it (a free name chosen, an
    #   export that failed).
    # - exports: what each job wrote, so only an unchanged file of the job's own earlier
    #   export is ever replaced.
    """
    ALTER TABLE job_pieces ADD COLUMN sending_since REAL;
    ALTER TABLE jobs ADD COLUMN requested_at REAL NOT NULL DEFAULT 0;
    ALTER TABLE jobs ADD COLUMN export_request TEXT;
    ALTER TABLE jobs ADD COLUMN exported_at REAL;
    ALTER TABLE jobs ADD COLUMN export_note TEXT;
    UPDATE jobs SET requested_at = created_at;
    UPDATE jobs SET exported_at = finished_at WHERE state = 'done';
    CREATE TABLE exports (
        job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
        path TEXT NOT NULL,
        format TEXT NOT NULL,
        size INTEGER NOT NULL,
        mtime_ns INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        written_at REAL NOT NULL,
        PRIMARY KEY (job_id, path)
    );
    CREATE INDEX exports_path ON exports(path);
    """,
    # 5: where two or more people speak at once (found with the speakers on this computer)
    """
    CREATE TABLE overlaps (
        transcript_id INTEGER NOT NULL REFERENCES transcripts(id) ON DELETE CASCADE,
        start_ms INTEGER NOT NULL,
        end_ms INTEGER NOT NULL,
        PRIMARY KEY (transcript_id, start_ms)
    );
    """,
    # 6: proofreading (issue 16): a word the user typed or confirmed is never flagged again
    """
    ALTER TABLE words ADD COLUMN checked INTEGER NOT NULL DEFAULT 0;
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)


def default_data_dir() -> Path:
    """``--data-dir`` wins over ``KZDESK_DATA_DIR``, which wins over the platform's folder."""
    env = os.environ.get("KZDESK_DATA_DIR")
    return Path(env) if env else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


class DatabaseTooNew(RuntimeError):
    pass


def _create_private(path: Path) -> None:
    """A new database file readable only by the user; SQLite gives its -wal and -shm files
    the same mode. An existing file is left alone."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    os.close(fd)


class Database:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._lock = threading.Lock()
        self._connections: list[sqlite3.Connection] = []
        _create_private(self.path)
        try:
            self.migrate()
        except BaseException:
            self.close()  # a damaged or too new file stays as it is, and is not held open
            raise

    @classmethod
    def in_dir(cls, data_dir: str | Path) -> Database:
        return cls(Path(data_dir) / DB_FILE)

    # ---- connections ----------------------------------------------------------------------
    def connection(self) -> sqlite3.Connection:
        """This thread's connection (created on first use)."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA foreign_keys=ON")
            # FULL: a committed edit survives a power cut, not only a crash (1.8 ms median
            # per edit measured by bench/editor.py; progress is saved at most once a second).
            conn.execute("PRAGMA synchronous=FULL")
            self._local.conn = conn
            with self._lock:
                self._connections.append(conn)
        return conn

    @contextlib.contextmanager
    def transaction(self, *, immediate: bool = True) -> Iterator[sqlite3.Connection]:
        """One short transaction; IMMEDIATE takes the write lock up front (no upgrade deadlocks)."""
        conn = self.connection()
        conn.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        try:
            conn.execute("COMMIT")
        except sqlite3.Error:
            # A COMMIT that failed (disk full, I/O error) may leave the transaction open: end it,
            # or every later BEGIN on this thread's connection would fail.
            if conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
            raise

    def release_connection(self) -> None:
        """Close the calling thread's connection (worker threads that end, or whose Python
        thread state is replaced per task, as QThreadPool does under PySide)."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            return
        self._local.conn = None
        with self._lock:
            if conn in self._connections:
                self._connections.remove(conn)
        with contextlib.suppress(sqlite3.Error):
            conn.close()

    def close(self) -> None:
        with self._lock:
            for conn in self._connections:
                with contextlib.suppress(sqlite3.ProgrammingError):
                    conn.close()
            self._connections.clear()
        self._local = threading.local()

    # ---- migrations -----------------------------------------------------------------------
    def migrate(self) -> int:
        conn = self.connection()
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise DatabaseTooNew(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "This data folder was written by a newer kzdesk. Update kzdesk to open it.",
                )
            )
        for number in range(version, SCHEMA_VERSION):
            # executescript commits on its own; user_version moves in the same script.
            try:
                conn.executescript(
                    f"BEGIN;\n{MIGRATIONS[number]}\nPRAGMA user_version = {number + 1};\nCOMMIT;"
                )
            except sqlite3.Error:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        return SCHEMA_VERSION
