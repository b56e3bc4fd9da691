"""The providers of the built-in engines (``kzdesk.core.engine_registry`` names them): each gives the
engine for a job from the settings and the stored key, sharing what may be shared."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from kzdesk.core.engine import EngineError, FailureKind, SpeechEngine
from kzdesk.core.i18n import QT_TRANSLATE_NOOP
from kzdesk.core.job import Job
from kzdesk.services import models
from kzdesk.services.secrets import ENV_KEY, SecretStore
from kzdesk.services.server_engine import ServerEngines
from kzdesk.services.settings import Settings


class EngineFactory(Protocol):
    """What a provider reads of the factory that makes it (kzdesk.services.engines)."""

    settings: Settings
    secrets: SecretStore
    poll_interval_s: float
    models_dir: Path | None


NO_KEY = QT_TRANSLATE_NOOP(
    "Messages",
    "No SpeechKit API key is set. Open Settings and paste the key of your Yandex Cloud "
    "service account (or set {variable} for scripts).",
).format(variable=ENV_KEY)


class SpeechKitProvider:
    """One SDK client per key and endpoint, shared by the worker threads: the SDK keeps
    per-thread state for each client, so a client per job would grow without end."""

    def __init__(self, factory: EngineFactory) -> None:
        self.factory = factory
        self._lock = threading.Lock()
        self._cache: dict[tuple[str, str, str | None], SpeechEngine] = {}

    def __call__(self, job: Job) -> SpeechEngine:
        from kzdesk.engines.speechkit import SpeechKitEngine
        from kzdesk.engines.speechkit_connection import endpoint_from_env

        settings = self.factory.settings
        key = self.factory.secrets.api_key()
        if not key:
            raise EngineError(FailureKind.AUTH, NO_KEY)
        cache_key = (key, settings.folder_id, endpoint_from_env())
        with self._lock:
            engine = self._cache.get(cache_key)
            if engine is None:
                engine = SpeechKitEngine(
                    api_key=key,
                    folder_id=settings.folder_id,
                    endpoint=cache_key[2],
                    poll_interval_s=self.factory.poll_interval_s,
                )
                self._cache = {cache_key: engine}  # a changed key drops the old client
            return engine


class WhisperProvider:
    """The offline engine; its child process stays warm between jobs until ``release``."""

    def __init__(self, factory: EngineFactory) -> None:
        self.factory = factory
        self._lock = threading.Lock()
        self.process: Any = None  # the warm child (None until the first offline job)

    def __call__(self, job: Job) -> SpeechEngine:
        from kzdesk.engines.whisper import WhisperEngine, WhisperProcess

        settings = self.factory.settings
        # a job may name its own model (kzdesk transcribe --model); else the Settings one
        name = str(job.options.get("whisper_model") or settings.whisper_model)
        with self._lock:
            if self.process is None:
                self.process = WhisperProcess(keep_warm=True)
            process = self.process
        return WhisperEngine(
            models.locator(name, self.factory.models_dir),
            device=settings.whisper_device,
            beam_size=int(job.options.get("beam_size", 5)),
            process=process,
        )

    def release(self) -> None:
        """End the warm process (it holds the model in memory); returns at once."""
        with self._lock:
            process = self.process
        if process is not None:
            process.release()


def server_provider(factory: EngineFactory) -> Callable[[Job], SpeechEngine]:
    """An organisation's server speaking OpenAI's audio API."""
    return ServerEngines(factory.settings, factory.secrets).for_job
