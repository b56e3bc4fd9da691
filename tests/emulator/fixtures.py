"""pytest fixtures for the SpeechKit emulator (loaded by ``tests/conftest.py``).

``speechkit_emulator``: a started :class:`SpeechKitEmulator` on 127.0.0.1 (stopped after the
test). ``make_speechkit_engine(**overrides)``: a ``SpeechKitEngine`` bound to it with fast
polling. ``engine_ctx``: a :class:`RecordingContext` that records what the engine calls.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.emulator.server import SpeechKitEmulator


class RecordingContext:
    """An ``EngineContext`` that records calls in order: ("remember", id), ("progress", f, s).

    ``cancel_after_progress=n`` makes ``cancelled()`` true once n progress reports were made.
    """

    def __init__(self, operation_id: str | None = None, cancel_after_progress: int | None = None):
        self.operation_id = operation_id
        self.events: list[tuple[Any, ...]] = []
        self.cancel_after_progress = cancel_after_progress
        self.cancel_requested = False

    def will_send(self) -> None:
        self.events.append(("will_send",))

    def remember_operation(self, operation_id: str) -> None:
        self.operation_id = operation_id
        self.events.append(("remember", operation_id))

    def progress(self, fraction: float, stage: str) -> None:
        self.events.append(("progress", fraction, stage))

    def cancelled(self) -> bool:
        if self.cancel_after_progress is not None:
            reports = sum(1 for e in self.events if e[0] == "progress")
            if reports >= self.cancel_after_progress:
                return True
        return self.cancel_requested

    @property
    def remembered(self) -> list[str]:
        return [e[1] for e in self.events if e[0] == "remember"]


@pytest.fixture
def speechkit_emulator() -> Iterator[SpeechKitEmulator]:
    emulator = SpeechKitEmulator(api_key="test-api-key").start()
    try:
        yield emulator
    finally:
        emulator.stop()


@pytest.fixture
def make_speechkit_engine(speechkit_emulator: SpeechKitEmulator) -> Callable[..., Any]:
    def make(**overrides: Any) -> Any:
        from kzdesk.engines.speechkit import SpeechKitEngine

        kwargs: dict[str, Any] = {
            "api_key": speechkit_emulator.api_key,
            "endpoint": speechkit_emulator.endpoint,
            "poll_interval_s": 0.05,
            "connect_timeout_s": 3.0,
        }
        kwargs.update(overrides)
        return SpeechKitEngine(**kwargs)

    return make


@pytest.fixture
def engine_ctx() -> RecordingContext:
    return RecordingContext()
