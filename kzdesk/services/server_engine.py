"""The organisation server engine built from the settings and the stored server key, and the
"Test connection" check of what a Settings form holds (not yet saved)."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from kzdesk.core.engine import EngineError, FailureKind
from kzdesk.core.job import Job
from kzdesk.services.secrets import SERVER, SecretStore
from kzdesk.services.settings import Settings

if TYPE_CHECKING:
    from kzdesk.engines.openai_server import ServerEngine
    from kzdesk.engines.server_parts import ConnectionReport

MB = 1_000_000
CacheKey = tuple[str, str, str | None, int, int]


class ServerEngines:
    """The engine factory's server engines: one per address, model, key and limits, shared
    by all jobs, so its semaphore bounds the requests in flight together."""

    def __init__(self, settings: Settings, secrets: SecretStore) -> None:
        self.settings = settings
        self.secrets = secrets
        self._lock = threading.Lock()
        self._cache: dict[CacheKey, ServerEngine] = {}

    def for_job(self, job: Job) -> ServerEngine:
        """Raises EngineError when no usable address is set."""
        model = job.options.get("server_model")  # kzdesk transcribe --model
        settings = self.settings
        cache_key = (
            settings.server_url.strip(),
            str(model or settings.server_model).strip(),
            self.secrets.of(SERVER).api_key(),
            settings.server_concurrency,
            settings.server_max_upload_mb,
        )
        with self._lock:
            engine = self._cache.get(cache_key)
            if engine is None:
                engine = build(*cache_key)
                if len(self._cache) >= 4:  # settings changed: running jobs keep their engine
                    self._cache.pop(next(iter(self._cache)))
                self._cache[cache_key] = engine
            return engine


def build(
    url: str,
    model: str,
    key: str | None,
    concurrency: int,
    max_upload_mb: int,
    **options: object,
) -> ServerEngine:
    from kzdesk.engines import server_errors
    from kzdesk.engines.openai_server import ServerEngine
    from kzdesk.engines.server_http import valid_base

    if not url:
        raise EngineError(FailureKind.ADDRESS, server_errors.NO_ADDRESS)
    if not valid_base(url):
        raise EngineError(FailureKind.ADDRESS, server_errors.BAD_ADDRESS.format(url=url))
    return ServerEngine(
        url,
        api_key=key,
        model=model or "whisper-1",
        concurrency=concurrency,
        max_upload_bytes=max_upload_mb * MB,
        **options,  # type: ignore[arg-type]
    )


def check_server(url: str, key: str | None, model: str) -> ConnectionReport:
    """One second of silence to the server in a Settings form; raises EngineError with a
    sentence when it fails. Runs off the GUI thread (it waits for the server)."""
    engine = build(url.strip(), model.strip(), key or None, 1, 25)
    try:
        return engine.check_connection()
    finally:
        engine.close()
