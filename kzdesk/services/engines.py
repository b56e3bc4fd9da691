"""Which engine a job uses, built from settings and the stored key."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from kzdesk.core.engine import EngineError, FailureKind, SpeechEngine
from kzdesk.core.i18n import QT_TRANSLATE_NOOP
from kzdesk.core.job import Job
from kzdesk.services import models
from kzdesk.services.secrets import ENV_KEY, SecretStore
from kzdesk.services.server_engine import ServerEngines
from kzdesk.services.settings import Settings

NO_KEY = QT_TRANSLATE_NOOP(
    "Messages",
    "No SpeechKit API key is set. Open Settings and paste the key of your Yandex Cloud "
    "service account (or set {variable} for scripts).",
).format(variable=ENV_KEY)


class EngineFactory:
    def __init__(
        self,
        settings: Settings,
        secrets: SecretStore,
        *,
        poll_interval_s: float = 5.0,
        models_dir: Path | None = None,
    ):
        self.settings = settings
        self.secrets = secrets
        self.poll_interval_s = poll_interval_s
        self.models_dir = models_dir
        self._cache: dict[tuple[str, str, str | None], SpeechEngine] = {}
        self._lock = threading.Lock()
        self.servers = ServerEngines(settings, secrets)
        self._whisper_process: Any = None  # the offline engine's child, warm between jobs

    def __call__(self, job: Job) -> SpeechEngine:
        if job.engine == "whisper":
            from kzdesk.engines.whisper import WhisperEngine, WhisperProcess

            # a job may name its own model (kzdesk transcribe --model); else the Settings one
            name = str(job.options.get("whisper_model") or self.settings.whisper_model)
            with self._lock:
                if self._whisper_process is None:
                    self._whisper_process = WhisperProcess(keep_warm=True)
                process = self._whisper_process
            return WhisperEngine(
                models.locator(name, self.models_dir),
                device=self.settings.whisper_device,
                beam_size=int(job.options.get("beam_size", 5)),
                process=process,
            )
        if job.engine == "speechkit":
            from kzdesk.engines.speechkit import SpeechKitEngine, endpoint_from_env

            key = self.secrets.api_key()
            if not key:
                raise EngineError(FailureKind.AUTH, NO_KEY)
            # One SDK client per key and endpoint, shared by the worker threads: the SDK keeps
            # per-thread state for each client, so a client per job would grow without end.
            cache_key = (key, self.settings.folder_id, endpoint_from_env())
            with self._lock:
                engine = self._cache.get(cache_key)
                if engine is None:
                    engine = SpeechKitEngine(
                        api_key=key,
                        folder_id=self.settings.folder_id,
                        endpoint=cache_key[2],
                        poll_interval_s=self.poll_interval_s,
                    )
                    self._cache = {cache_key: engine}  # a changed key drops the old client
                return engine
        if job.engine == "server":  # an organisation's server speaking OpenAI's audio API
            return self.servers.for_job(job)
        raise EngineError(
            FailureKind.REMOTE,
            QT_TRANSLATE_NOOP(
                "Messages",
                "The engine “{engine}” is not available in this version of kzdesk. "
                "Choose SpeechKit or Offline (Whisper) for this job.",
            ).format(engine=job.engine),
        )

    def release(self) -> None:
        """The queue is idle: end the offline engine's warm process (it holds the model in
        memory). Returns at once; the next offline job starts a new one."""
        with self._lock:
            process = self._whisper_process
        if process is not None:
            process.release()
