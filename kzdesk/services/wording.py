"""The words kzdesk writes into exported files and new transcripts, in a chosen language,
without Qt: DOCX labels ("Source file", "Date", …) and default speaker names ("Speaker 2").

They are marked ``QT_TRANSLATE_NOOP("Exports", …)`` and translated in the ``.ts`` files like
every string; ``tools/update_translations.py`` writes the finished translations of that
context to ``resources/translations/export_words.json``, read here. The CLI, the pipeline and
the window all use this one path.

Languages: the export language setting, else the interface language (its setting, else the
system's: ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``, then the OS locale).
"""

from __future__ import annotations

import json
import locale
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from kzdesk.core import speaker_names
from kzdesk.core.i18n import EXPORT_CONTEXT
from kzdesk.core.transcript import Transcript
from kzdesk.export.options import ExportLabels
from kzdesk.resources import resource_path
from kzdesk.services.settings import Settings

log = logging.getLogger(__name__)

WORDS_FILE = "export_words.json"
SOURCE_LANGUAGE = "en"
LANGUAGES = ("kk", "ru", "en")


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, str]]:
    """language -> {English text: translation} of the Exports context."""
    path = resource_path("translations", WORDS_FILE)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("context") != EXPORT_CONTEXT:
            raise ValueError(f"not the {EXPORT_CONTEXT} context")
        return {str(k): dict(v) for k, v in data.get("languages", {}).items()}
    except (OSError, ValueError, AttributeError, TypeError):
        log.warning("no export words in %s: exports are written in English", path)
        return {}


def translate(text: str, language: str) -> str:
    return catalogue().get(language, {}).get(text, text)


# Windows names its locales in English words ("Russian_Russia", "Kazakh_Kazakhstan")
_LANGUAGE_NAMES = {"kazakh": "kk", "russian": "ru", "english": "en"}


def language_code(tag: str | None) -> str | None:
    """``kk_KZ.UTF-8`` or ``Kazakh_Kazakhstan.1251`` -> ``kk``; None for a language kzdesk
    does not speak."""
    code = (tag or "").replace("_", "-").split(".")[0].split("-")[0].strip().lower()
    code = _LANGUAGE_NAMES.get(code, code)
    return code if code in LANGUAGES else None


def system_language(env: Mapping[str, str] | None = None) -> str:
    env = os.environ if env is None else env
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        for tag in (env.get(variable) or "").split(":"):
            code = language_code(tag)
            if code is not None:
                return code
    try:
        code = language_code(locale.getlocale()[0])
    except ValueError:
        code = None
    return code or SOURCE_LANGUAGE


def resolve(setting: str | None, env: Mapping[str, str] | None = None) -> str:
    """The language a setting means: itself when kzdesk speaks it, else the system's."""
    return language_code(setting) or system_language(env)


def export_language(export_setting: str, interface: str) -> str:
    """The export language: its own setting, else the interface's (already resolved)."""
    return language_code(export_setting) or interface


@dataclass
class Languages:
    """The languages of one running kzdesk: the interface's (resolved once at start; the
    window resolves it with Qt's locale) and the exports' (the setting, read when needed)."""

    interface: str
    settings: Settings

    @classmethod
    def of(cls, settings: Settings) -> Languages:
        return cls(resolve(settings.interface_language), settings)

    @property
    def export(self) -> str:
        return export_language(self.settings.export_language, self.interface)


def labels(language: str) -> ExportLabels:
    """The DOCX metadata labels in ``language`` (ExportLabels holds the English ones)."""
    english = ExportLabels()
    return ExportLabels(
        source=translate(english.source, language),
        date=translate(english.date, language),
        duration=translate(english.duration, language),
        speakers=translate(english.speakers, language),
    )


def _variants() -> dict[str, list[str]]:
    words = catalogue()
    return {
        kind: [kind, *(words[lang][kind] for lang in words if kind in words[lang])]
        for kind in speaker_names.KINDS
    }


def is_default_name(name: str) -> bool:
    """ "Speaker 2", "Сөйлеуші 2", "Канал 1": a name by number in any language kzdesk speaks."""
    return speaker_names.parse(name, _variants()) is not None


def say_default_names(transcript: Transcript, language: str) -> Transcript:
    """The transcript with its default speaker names ("Speaker 2", "Арна 1") in
    ``language``; names someone typed stay as they are."""
    return speaker_names.renamed_defaults(
        transcript, lambda kind: translate(kind, language), _variants()
    )
