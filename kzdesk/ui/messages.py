"""Sentences of the non-Qt layers in the user's language.

Services, engines, audio and export code write English sentences marked with
``kzdesk.core.i18n.QT_TRANSLATE_NOOP("Messages", ...)``; the queue stores them in English. Here a
stored sentence is matched against the marked templates (``message_templates.json``, written by
``tools/update_translations.py``), the template is translated with the installed translators and
the captured values are put back (a value that is itself a marked sentence is translated too).
A sentence no template produced is shown as it is.
"""

from __future__ import annotations

import json
import logging
from functools import lru_cache

from PySide6.QtCore import QCoreApplication

from kzdesk.core.i18n import CONTEXT, match_template, placeholders
from kzdesk.resources import resource_path

log = logging.getLogger(__name__)

TEMPLATES_FILE = "message_templates.json"
_MAX_DEPTH = 3


@lru_cache(maxsize=1)
def templates() -> tuple[str, ...]:
    """The marked templates that have placeholders (plain sentences need no matching)."""
    path = resource_path("translations", TEMPLATES_FILE)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        log.warning("no message templates in %s: job errors stay in English", path)
        return ()
    return tuple(t for t in data.get("templates", []) if placeholders(t))


@lru_cache(maxsize=512)
def _match(text: str) -> tuple[str, tuple[tuple[str, str], ...]] | None:
    found = match_template(list(templates()), text)
    if found is None:
        return None
    template, values = found
    return template, tuple(values.items())


def translate_message(text: str | None, _depth: int = 0) -> str:
    """``text`` (an English sentence from the non-Qt layers) in the interface language."""
    if not text:
        return text or ""
    translated = QCoreApplication.translate(CONTEXT, text)
    if translated != text or _depth >= _MAX_DEPTH:
        return translated
    found = _match(text)
    if found is None:
        return text
    template, values = found
    filled = {name: translate_message(value, _depth + 1) for name, value in values}
    try:
        return QCoreApplication.translate(CONTEXT, template).format(**filled)
    except (KeyError, IndexError, ValueError):  # a broken translation: keep the English
        log.warning("the translation of %r does not fit its placeholders", template)
        return text
