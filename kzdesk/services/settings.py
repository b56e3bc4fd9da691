"""Typed application settings, kept as JSON in the data folder (never the API key)."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from kzdesk.core import engine_registry
from kzdesk.core.i18n import QT_TRANSLATE_NOOP
from kzdesk.core.job import Language, SpeakersMode
from kzdesk.core.proofread import DEFAULT_UNCERTAIN_BELOW
from kzdesk.export.options import ExportOptions

SETTINGS_FILE = "settings.json"
WHISPER_DEVICES = ("auto", "cpu", "cuda")
SPEECHKIT_MODELS = engine_registry.info(engine_registry.SPEECHKIT).models
EXPORT_LANGUAGES = ("", "kk", "ru", "en")  # "": the interface language


@dataclass
class Settings:
    folder_id: str = ""
    language: str = Language.KK_RU.value
    speakers: str = SpeakersMode.AUTO.value
    model: str = "general"  # or "deferred-general": cheaper, finishes within 24 h
    engine: str = (
        engine_registry.DEFAULT_ENGINE
    )  # what new files use; each job can change it while queued
    whisper_model: str = "base"  # a size (tiny … large-v3-turbo), a model folder or a hub id
    whisper_device: str = "auto"  # "auto": CUDA (float16) when a GPU is there, else CPU int8
    parallel_jobs: int = 5
    output_dir: str = ""
    auto_export: list[str] = field(default_factory=lambda: ["docx"])
    price_per_minute: float = 0.0  # the user's SpeechKit price; 0 = no estimate shown
    currency: str = "₸"
    interface_language: str = ""  # "" = follow the system
    export_language: str = ""  # words kzdesk writes into exports; "" = the interface language
    # subtitle rules of every SRT/VTT export (automatic ones too; the editor's dialog starts
    # from them): characters per line, lines per cue, reading speed, cue length, gap
    subtitle_line_chars: int = 42
    subtitle_lines: int = 2
    subtitle_cps: float = 20.0
    subtitle_min_cue_ms: int = 1000
    subtitle_max_cue_ms: int = 7000
    subtitle_gap_ms: int = 0

    def subtitle_rules(self) -> dict[str, int | float]:
        """The subtitle rules as ExportOptions arguments."""
        return {
            "max_line_chars": self.subtitle_line_chars,
            "max_lines": self.subtitle_lines,
            "max_cps": self.subtitle_cps,
            "min_cue_ms": self.subtitle_min_cue_ms,
            "max_cue_ms": self.subtitle_max_cue_ms,
            "min_gap_ms": self.subtitle_gap_ms,
        }

    # Proofreading (the editor): words below this confidence are underlined; F8 plays from
    # this long before a word; resuming playback rewinds; spelling on or off; the user's
    # glossary of names and terms (also given to the offline engine).
    uncertain_below: float = DEFAULT_UNCERTAIN_BELOW
    play_before_s: float = 1.0
    resume_rewind_s: float = 2.0
    spelling: bool = True
    glossary: list[str] = field(default_factory=list)
    # The organisation's transcription server (engine "server"); its key is in the keyring.
    server_url: str = ""  # e.g. http://asr.example.org:8000 (a trailing /v1 is fine)
    server_model: str = "whisper-1"  # the model name the server knows
    server_concurrency: int = 2  # pieces sent at once (all jobs together)
    server_max_upload_mb: int = 25  # the server's upload limit, MB (OpenAI's is 25)

    def validate(self) -> list[str]:
        """Sentences describing what is wrong; empty when all is well."""
        problems = []
        if self.language not in {x.value for x in Language}:
            problems.append(QT_TRANSLATE_NOOP("Messages", "Choose a language from the list."))
        if self.speakers not in {x.value for x in SpeakersMode}:
            problems.append(
                QT_TRANSLATE_NOOP("Messages", "Choose how speakers are labelled from the list.")
            )
        if self.model not in SPEECHKIT_MODELS:
            problems.append(
                QT_TRANSLATE_NOOP("Messages", "The model must be “general” or “deferred-general”.")
            )
        if not engine_registry.is_known(self.engine):
            problems.append(
                QT_TRANSLATE_NOOP(
                    "Messages", "Choose SpeechKit, the offline engine or a transcription server."
                )
            )
        if not self.whisper_model.strip():
            problems.append(
                QT_TRANSLATE_NOOP("Messages", "Choose a Whisper model for the offline engine.")
            )
        if self.whisper_device not in WHISPER_DEVICES:
            problems.append(
                QT_TRANSLATE_NOOP("Messages", "Choose where the offline engine runs from the list.")
            )
        if not 1 <= self.parallel_jobs <= 16:
            problems.append(
                QT_TRANSLATE_NOOP("Messages", "Parallel jobs must be between 1 and 16.")
            )
        if self.export_language not in EXPORT_LANGUAGES:
            problems.append(
                QT_TRANSLATE_NOOP("Messages", "Choose the language of exports from the list.")
            )
        try:
            ExportOptions(**self.subtitle_rules())  # type: ignore[arg-type]
        except (ValueError, TypeError) as exc:
            problems.append(str(exc))
        if not 0 <= self.uncertain_below <= 1:
            problems.append(
                QT_TRANSLATE_NOOP("Messages", "The uncertainty threshold must be 0–100 %.")
            )
        if not 0 <= self.play_before_s <= 10 or not 0 <= self.resume_rewind_s <= 10:
            problems.append(
                QT_TRANSLATE_NOOP(
                    "Messages", "Playback lead-in and rewind must be between 0 and 10 seconds."
                )
            )
        problems += self._server_problems()
        if self.price_per_minute < 0:
            problems.append(QT_TRANSLATE_NOOP("Messages", "The price cannot be negative."))
        if self.folder_id and not self.folder_id.replace("-", "").isalnum():
            problems.append(
                QT_TRANSLATE_NOOP(
                    "Messages", "A folder ID has only Latin letters and digits, like b1g2abc3def4."
                )
            )
        return problems

    def _server_problems(self) -> list[str]:
        problems = []
        address = urlsplit(self.server_url.strip())
        if self.server_url.strip() and (
            address.scheme not in ("http", "https") or not address.hostname
        ):
            problems.append(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "The server address must start with http:// or https://, such as "
                    "http://asr.example.org:8000.",
                )
            )
        if not self.server_model.strip():
            problems.append(
                QT_TRANSLATE_NOOP(
                    "Messages", "Enter the name of the model the server uses, such as whisper-1."
                )
            )
        if not 1 <= self.server_concurrency <= 16:
            problems.append(
                QT_TRANSLATE_NOOP("Messages", "Requests at once must be between 1 and 16.")
            )
        if not 1 <= self.server_max_upload_mb <= 2000:
            problems.append(
                QT_TRANSLATE_NOOP("Messages", "The largest upload must be between 1 and 2000 MB.")
            )
        return problems


def load(data_dir: str | Path) -> Settings:
    path = Path(data_dir) / SETTINGS_FILE
    try:
        raw: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    known = {f.name for f in fields(Settings)}
    settings = Settings(**{k: v for k, v in raw.items() if k in known})
    return settings if not settings.validate() else Settings()


def save(data_dir: str | Path, settings: Settings) -> None:
    path = Path(data_dir) / SETTINGS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".settings-", suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(asdict(settings), f, ensure_ascii=False, indent=2)
    os.replace(tmp, path)
