"""The engines kzdesk knows, in one table: what the queue, the settings, the command line and
the window need to know of each, and where the code that builds it lives.

A new engine is one module (the engine and its provider) and one ``register`` line below. The
Job, the settings' check, ``kzdesk transcribe --engine``, the engine menus and combo boxes and
the engine factory all read this table; nothing else compares engine names.

Labels are English, marked like every sentence of the non-Qt layers (context "Messages"); the
window shows them through ``kzdesk.ui.messages.translate_message``: the short one in the
queue's menus, the longer one in the Settings dialog.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from kzdesk.core import cost
from kzdesk.core.i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class EngineInfo:
    name: str  # stored in the queue (jobs.engine), the settings and given to --engine
    label: str  # the queue's menus
    settings_label: str  # the Settings dialog's engine box
    cli_help: str  # the words of ``--engine``'s help (the command line speaks English)
    # Where the provider is: "module:attribute" imported when a job first needs the engine (so
    # this table stays free of services), or the provider itself. A provider is called with the
    # engine factory (settings, secrets, models folder) and returns a callable that gives the
    # engine for a job; it may have ``release()`` (the queue went idle).
    provider: str | Callable[[Any], Callable[[Any], Any]]
    needs_key: bool = False  # cannot work without the SpeechKit key (the window asks for it)
    # How many people the engine tells apart itself in a mono recording (0: none, speakers are
    # found on this computer after recognition when they are to be found automatically)
    labels_speakers: int = 0
    splits_channels: bool = False  # gives each channel of a stereo piece its own speaker tag
    # Pieces are accepted as remote operations that are asked for later (waits timed from the
    # acceptance, per model); otherwise the whole call is the recognition.
    remote_operations: bool = False
    model_option: str = "model"  # the job option that names its model (``--model``)
    model_help: str = ""  # ``--model``'s words for it
    models: tuple[str, ...] = ()  # the models it takes, when it takes only these
    local_models: bool = False  # Whisper models kzdesk downloads (services.models checks them)
    title: str = ""  # its name in the command line's sentences (empty: ``name``)
    # How its provider bills a recording: (length in ms, channels) -> the seconds charged at
    # the user's price per minute (Settings.price_per_minute). None: it costs the user nothing
    # per minute (it runs on this computer, or on the organisation's own server).
    billed_seconds: Callable[[int, int], int] | None = None

    @property
    def cli_name(self) -> str:
        return self.title or self.name

    def cost(self, duration_ms: int, price_per_minute: float, channels: int = 1) -> float | None:
        """What a recording of this length costs the user with this engine at their price per
        minute; None when the engine does not charge per minute or no price is set."""
        if self.billed_seconds is None or price_per_minute <= 0:
            return None
        return round(self.billed_seconds(duration_ms, channels) / 60 * price_per_minute, 2)


_ENGINES: dict[str, EngineInfo] = {}


def register(info: EngineInfo) -> EngineInfo:
    """Add (or replace) an engine; the order of registration is the order of the menus."""
    _ENGINES[info.name] = info
    return info


def unregister(name: str) -> None:
    _ENGINES.pop(name, None)


def names() -> tuple[str, ...]:
    return tuple(_ENGINES)


def all_engines() -> Iterator[EngineInfo]:
    return iter(tuple(_ENGINES.values()))


def is_known(name: str) -> bool:
    return name in _ENGINES


def info(name: str) -> EngineInfo:
    """The engine called ``name``; an unknown one (a queue written by a newer kzdesk) gets an
    entry that cannot be built and labels nobody itself."""
    found = _ENGINES.get(name)
    if found is not None:
        return found
    return EngineInfo(name=name, label=name, settings_label=name, cli_help=name, provider="")


SPEECHKIT = "speechkit"
DEFAULT_ENGINE = SPEECHKIT

# SpeechKit in the cloud, Whisper on this computer, an organisation's server (OpenAI's API)
register(
    EngineInfo(
        SPEECHKIT,
        QT_TRANSLATE_NOOP("Messages", "SpeechKit (cloud)"),
        QT_TRANSLATE_NOOP("Messages", "SpeechKit (Yandex Cloud)"),
        "speechkit (cloud)",
        "kzdesk.services.engine_providers:SpeechKitProvider",
        needs_key=True,
        labels_speakers=2,
        splits_channels=True,
        remote_operations=True,
        models=("general", "deferred-general"),
        model_help="SpeechKit: general or deferred-general",
        title="SpeechKit",
        billed_seconds=cost.billed_seconds,
    )
)
register(
    EngineInfo(
        "whisper",
        QT_TRANSLATE_NOOP("Messages", "Offline (Whisper on this computer)"),
        QT_TRANSLATE_NOOP("Messages", "Offline — Whisper on this computer"),
        "whisper (offline, on this computer)",
        "kzdesk.services.engine_providers:WhisperProvider",
        splits_channels=True,
        model_option="whisper_model",
        model_help="Whisper: tiny, base, small, medium, large-v3-turbo, a model folder or a "
        "Hugging Face id",
        local_models=True,
    )
)
register(
    EngineInfo(
        "server",
        QT_TRANSLATE_NOOP("Messages", "Your organisation's transcription server"),
        QT_TRANSLATE_NOOP("Messages", "Your organisation's transcription server"),
        "server (your organisation's OpenAI-compatible server, see “kzdesk config server_url”)",
        "kzdesk.services.engine_providers:server_provider",
        model_option="server_model",
        model_help="server: a model it serves",
    )
)
