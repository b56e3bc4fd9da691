"""The Settings pages of the engines, keyed by the engine's name in ``kzdesk.core.
engine_registry`` (services stay free of Qt, so the pages are listed here). An engine without
settings of its own has no line; SpeechKit's key and folder sit on the General page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, SignalInstance
from PySide6.QtWidgets import QWidget

from kzdesk.core import engine_registry
from kzdesk.services.secrets import SERVER, SecretStore
from kzdesk.services.settings import Settings
from kzdesk.ui.dialogs.offline_settings_page import OfflineSettingsPage
from kzdesk.ui.dialogs.server_settings_page import CheckServer, ServerSettingsPage


class EngineSettingsPage(Protocol):
    """What the Settings dialog asks of an engine's page (a QWidget shown as a tab)."""

    changed: SignalInstance  # a field changed: the dialog checks the form again

    def load(self, settings: Settings) -> None: ...

    def apply(self, settings: Settings) -> Settings: ...

    def problems(self, engine: str) -> list[str]:
        """Translated sentences; ``engine``: the one new files use in the form."""
        ...

    def save_key(self) -> str | None:
        """Keeps the page's key, if it has one; a sentence when that failed."""
        ...


@dataclass(frozen=True)
class PageNeeds:
    """What pages are made with (the dialog's arguments)."""

    secrets: SecretStore
    models_dir: Path | None
    check_server: CheckServer


@dataclass(frozen=True)
class EnginePage:
    title: str  # the tab's title, marked in the context "SettingsDialog"
    make: Callable[[PageNeeds], QWidget]


PAGES: dict[str, EnginePage] = {
    "whisper": EnginePage(
        QT_TRANSLATE_NOOP("SettingsDialog", "&Offline engine"),
        lambda needs: OfflineSettingsPage(needs.models_dir),
    ),
    "server": EnginePage(
        QT_TRANSLATE_NOOP("SettingsDialog", "Se&rver"),
        lambda needs: ServerSettingsPage(needs.secrets.of(SERVER), check=needs.check_server),
    ),
}


def make_pages(needs: PageNeeds) -> dict[str, QWidget]:
    """The pages of the registered engines that have one, in the registry's order."""
    return {name: PAGES[name].make(needs) for name in engine_registry.names() if name in PAGES}


def title(name: str) -> str:
    return QCoreApplication.translate("SettingsDialog", PAGES[name].title)
