"""Marking the sentences the non-Qt layers show to people, so the window can translate them.

Services, engines, audio and export code are Qt-free and keep producing English sentences: that
English text is what the queue stores (``jobs.error``), what the CLI prints and what the log
reads. Each sentence is written through the marker::

    from kzdesk.core.i18n import QT_TRANSLATE_NOOP

    raise AudioError(
        QT_TRANSLATE_NOOP("Messages", "The file “{name}” is empty (0 bytes).").format(name=name)
    )

The marker returns its text unchanged. Its name and the literal context ``"Messages"`` are what
Qt's ``lupdate`` recognises, so the template lands in ``resources/translations/kzdesk_*.ts``
like every string of the window (``python tools/update_translations.py``). Rules for templates:

- the context is the literal ``"Messages"`` (:data:`CONTEXT`), or ``"Exports"``
  (:data:`EXPORT_CONTEXT`) for the words of exported files and default speaker names, or
  ``"ExportFormats"`` (:data:`FORMAT_CONTEXT`) for the labels of the export formats;
- values go in as named ``{placeholders}`` filled with ``str.format`` after the marker, never
  through an f-string (the template must be one literal, possibly split over adjacent literals);
- a value that is itself a marked sentence (an error reason) is translated too.

The window turns a stored English sentence back into the user's language with
``kzdesk.ui.messages.translate_message``: it matches the sentence against the templates,
translates the template and puts the captured values back in.
"""

from __future__ import annotations

import re
from functools import lru_cache

CONTEXT = "Messages"
# Words written into exported files and new transcripts (labels, default speaker names): they
# follow the export language, which may differ from the interface (kzdesk.services.wording).
EXPORT_CONTEXT = "Exports"
# The labels of the export formats (kzdesk.export.formats), shown by the dialogs.
FORMAT_CONTEXT = "ExportFormats"

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def QT_TRANSLATE_NOOP(context: str, source_text: str) -> str:  # the name lupdate looks for
    """Mark ``source_text`` for translation (context ``"Messages"``) and return it unchanged."""
    return source_text


def placeholders(template: str) -> list[str]:
    """The ``{name}`` placeholders of a template, in order of appearance."""
    return _PLACEHOLDER.findall(template)


@lru_cache(maxsize=1024)
def template_pattern(template: str) -> re.Pattern[str]:
    """A regular expression that matches what ``template.format(...)`` produces.

    Each placeholder captures lazily (a repeated name must repeat the same value)."""
    parts: list[str] = []
    seen: set[str] = set()
    position = 0
    for match in _PLACEHOLDER.finditer(template):
        parts.append(re.escape(template[position : match.start()]))
        name = match.group(1)
        parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>.+?)")
        seen.add(name)
        position = match.end()
    parts.append(re.escape(template[position:]))
    return re.compile("".join(parts), re.DOTALL)


def match_template(templates: list[str], text: str) -> tuple[str, dict[str, str]] | None:
    """The first template (most literal text first) that produced ``text``, and its values."""
    for template in sorted(templates, key=_specificity, reverse=True):
        if not placeholders(template):
            if template == text:
                return template, {}
            continue
        found = template_pattern(template).fullmatch(text)
        if found is not None:
            return template, found.groupdict()
    return None


def _specificity(template: str) -> int:
    return len(_PLACEHOLDER.sub("", template))
