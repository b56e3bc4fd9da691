"""The engine factory reads the registry: each built-in engine's provider is found, made once
per factory and let go of when the queue is idle; an engine kzdesk does not know is refused
with a sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzdesk.core import engine_registry
from kzdesk.core.engine import EngineError, FailureKind
from kzdesk.core.engine_registry import EngineInfo
from kzdesk.core.job import Job
from kzdesk.services.engines import EngineFactory, provider_class
from kzdesk.services.secrets import SecretStore
from kzdesk.services.settings import Settings


def test_every_built_in_provider_is_found() -> None:
    assert engine_registry.names()[:3] == ("speechkit", "whisper", "server")
    for info in engine_registry.all_engines():
        assert callable(provider_class(info)), info.name


def test_an_unknown_engine_is_refused_with_a_sentence(tmp_path: Path) -> None:
    factory = EngineFactory(Settings(), SecretStore(tmp_path))
    with pytest.raises(EngineError) as caught:
        factory(Job(id=1, source_path="a.wav", engine="from-a-newer-kzdesk"))
    assert caught.value.kind is FailureKind.REMOTE
    assert "from-a-newer-kzdesk" in str(caught.value)


def test_a_provider_is_made_once_and_released_when_idle(tmp_path: Path) -> None:
    made: list[object] = []

    class Provider:
        def __init__(self, factory: EngineFactory) -> None:
            self.factory, self.released = factory, 0
            made.append(self)

        def __call__(self, job: Job) -> object:
            return ("engine for", job.id)

        def release(self) -> None:
            self.released += 1

    engine_registry.register(EngineInfo("counted", "C", "C", "c", Provider))
    try:
        factory = EngineFactory(Settings(), SecretStore(tmp_path))
        assert factory(Job(id=1, source_path="a", engine="counted")) == ("engine for", 1)
        assert factory(Job(id=2, source_path="b", engine="counted")) == ("engine for", 2)
        assert len(made) == 1 and made[0].factory is factory  # type: ignore[attr-defined]
        factory.release()
        assert made[0].released == 1  # type: ignore[attr-defined]
    finally:
        engine_registry.unregister("counted")
