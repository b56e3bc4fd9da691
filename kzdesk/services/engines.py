"""Which engine a job uses: the provider its entry in ``kzdesk.core.engine_registry`` names,
made once per factory, gives it from the settings and the stored key."""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kzdesk.core import engine_registry as engines
from kzdesk.core.engine import EngineError, FailureKind, SpeechEngine
from kzdesk.core.i18n import QT_TRANSLATE_NOOP
from kzdesk.core.job import Job
from kzdesk.services.engine_providers import NO_KEY
from kzdesk.services.secrets import SecretStore
from kzdesk.services.settings import Settings

__all__ = ["NO_KEY", "EngineFactory"]

Provider = Callable[[Job], SpeechEngine]


def provider_class(info: engines.EngineInfo) -> Callable[[Any], Provider]:
    """What ``info.provider`` names ("module:attribute"), or the provider it is."""
    if not isinstance(info.provider, str):
        return info.provider
    module, _, attribute = info.provider.partition(":")
    made: Callable[[Any], Provider] = getattr(importlib.import_module(module), attribute)
    return made


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
        self._lock = threading.Lock()
        self._providers: dict[str, Provider] = {}

    def __call__(self, job: Job) -> SpeechEngine:
        return self.provider(job.engine)(job)

    def provider(self, name: str) -> Provider:
        """The provider of the engine ``name``, made on first use and kept."""
        with self._lock:
            provider = self._providers.get(name)
            if provider is None:
                if not engines.is_known(name):
                    raise EngineError(
                        FailureKind.REMOTE,
                        QT_TRANSLATE_NOOP(
                            "Messages",
                            "The engine “{engine}” is not available in this version of kzdesk. "
                            "Choose SpeechKit or Offline (Whisper) for this job.",
                        ).format(engine=name),
                    )
                provider = provider_class(engines.info(name))(self)
                self._providers[name] = provider
            return provider

    def release(self) -> None:
        """The queue is idle: each engine lets go of what it keeps warm (the offline engine's
        process holds the model in memory). Returns at once; the next job starts anew."""
        with self._lock:
            providers = list(self._providers.values())
        for provider in providers:
            release = getattr(provider, "release", None)
            if release is not None:
                release()


def check_speechkit(api_key: str, folder_id: str) -> None:
    """One cheap authenticated SpeechKit call (raises EngineError with a sentence)."""
    from kzdesk.engines.speechkit import SpeechKitEngine
    from kzdesk.engines.speechkit_connection import endpoint_from_env

    SpeechKitEngine(
        api_key=api_key, folder_id=folder_id, endpoint=endpoint_from_env()
    ).check_connection()
