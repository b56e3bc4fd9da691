from __future__ import annotations

from pathlib import Path

import pytest

from tests.whisper_weights import build_whisper_base


@pytest.fixture(scope="session")
def whisper_base(request: pytest.FixtureRequest) -> Path:
    """The real multilingual Whisper base model folder, joined once into pytest's cache."""
    return build_whisper_base(request.config.cache.mkdir("whisper-base"))
