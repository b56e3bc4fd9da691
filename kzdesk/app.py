"""Composition root: builds the database, repositories and services from one data folder."""

from __future__ import annotations

import logging
import logging.handlers
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from kzdesk.diarization.profiles import VoiceProfileStore
from kzdesk.services import data_folder, log_file, wording
from kzdesk.services import settings as settings_module
from kzdesk.services.engines import EngineFactory
from kzdesk.services.exporting import ExportRequest, JobExporter
from kzdesk.services.jobs import JobService
from kzdesk.services.queue_lock import QueueLock
from kzdesk.services.secrets import SecretStore
from kzdesk.services.service_times import ServiceTimes
from kzdesk.services.settings import Settings
from kzdesk.services.speakers import profile_store
from kzdesk.services.transcription import PipelineConfig, TranscriptionService
from kzdesk.services.transcripts import TranscriptService
from kzdesk.storage.db import Database, default_data_dir
from kzdesk.storage.export_records import ExportRecords
from kzdesk.storage.job_queue import JobQueue
from kzdesk.storage.transcripts import TranscriptStore


@dataclass
class AppContext:
    data_dir: Path
    db: Database
    queue: JobQueue
    store: TranscriptStore
    settings: Settings
    secrets: SecretStore
    service: TranscriptionService
    portable: bool  # data folder given explicitly: the logs live in it
    voices: VoiceProfileStore  # known voices (<data dir>/voices), named speakers are matched to
    exporter: JobExporter  # writes each done job's export, never over a user's file
    times: ServiceTimes  # how long conversions and SpeechKit waits took here (the estimates)
    languages: wording.Languages  # of the interface (new speakers' names) and of exports
    jobs: JobService  # the queue as the window sees it (through its dispatcher)
    transcripts: TranscriptService  # transcripts as the window and the editor see them

    @classmethod
    def open(cls, data_dir: str | Path | None = None) -> AppContext:
        root = Path(data_dir) if data_dir else default_data_dir()
        portable = _explicit_data_dir(data_dir)
        # a sentence (DataFolderError) for a folder or database that cannot be used
        db = data_folder.open_database(root)
        queue = JobQueue(db)
        store = TranscriptStore(db)
        settings = settings_module.load(root)
        # The key file is the user's, never the data folder's (which may be shared or copied).
        secrets = SecretStore()
        secrets.adopt_key_file(root)
        voices = profile_store(root)
        languages = wording.Languages.of(settings)
        exporter = JobExporter(
            store, ExportRecords(db), lambda: _automatic_export(settings, languages)
        )
        poll = float(os.environ.get("KZDESK_POLL_INTERVAL_S", "5"))
        times = ServiceTimes.in_dir(root)
        service = TranscriptionService(
            queue,
            store,
            EngineFactory(settings, secrets, poll_interval_s=poll),
            PipelineConfig(
                work_dir=root / "audio",
                model=settings.model,
                # first wait after a dropped connection; doubles on each further attempt
                retry_base_s=float(os.environ.get("KZDESK_RETRY_DELAY_S", "30")),
            ),
            voices=voices,
            exporter=exporter,
            times=times,
            names_language=lambda: languages.interface,
        )
        return cls(
            root,
            db,
            queue,
            store,
            settings,
            secrets,
            service,
            portable,
            voices,
            exporter,
            times,
            languages,
            JobService(queue),
            TranscriptService(store),
        )

    def queue_lock(self, program: str) -> QueueLock:
        """The lock that makes this process the one that runs the queue's jobs."""
        return QueueLock(self.data_dir, program)

    @property
    def log_dir(self) -> Path:
        if self.portable:
            return self.data_dir / "logs"
        return Path(platformdirs.user_log_dir("kzdesk", appauthor=False))

    def close(self) -> None:
        self.db.close()


def _automatic_export(settings: Settings, languages: wording.Languages) -> ExportRequest:
    """Settings → Export when done, with the subtitle rules and the export language (read
    when a job ends: the window changes the settings in place)."""
    return ExportRequest(
        tuple(settings.auto_export),
        settings.output_dir or None,
        **settings.subtitle_rules(),  # type: ignore[arg-type]
        language=languages.export,
    )


def _explicit_data_dir(data_dir: str | Path | None) -> bool:
    return data_dir is not None or bool(os.environ.get("KZDESK_DATA_DIR"))


def setup_logging(directory: Path, *, verbose: bool = False) -> Path:
    """Log to ``directory``/kzdesk.log (user-only; a log that cannot be written is skipped)."""
    path = directory / "kzdesk.log"
    handler = log_file.open_log(directory)
    root = logging.getLogger()
    root.handlers = [
        h for h in root.handlers if not isinstance(h, logging.handlers.RotatingFileHandler)
    ]
    if handler is not None:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    elif not root.handlers:
        root.addHandler(logging.NullHandler())  # no log file: nothing on the terminal either
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    # Third-party clients may log request metadata (which carries the key): keep them quiet.
    for noisy in ("yandex_ai_studio_sdk", "grpc", "urllib3"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return path
