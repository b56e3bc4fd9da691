"""Default speaker names — "Speaker 2", "Channel 1" — in any language kzdesk speaks.

A new transcript's speakers are named by number until someone renames them. Those names are
written in the interface language when the transcript is made, and in the export language in
exported files; a name the user typed is never touched. A default name is recognised in every
language (``Сөйлеуші 2`` is the same default as ``Speaker 2``), so it can be said again in
another.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache

from kzdesk.core.i18n import QT_TRANSLATE_NOOP
from kzdesk.core.transcript import Speaker, Transcript

SPEAKER = QT_TRANSLATE_NOOP("Exports", "Speaker {number}")
CHANNEL = QT_TRANSLATE_NOOP("Exports", "Channel {number}")
KINDS = (SPEAKER, CHANNEL)

Translate = Callable[[str], str]  # an English template -> the same in one language


@lru_cache(maxsize=64)
def _pattern(template: str) -> re.Pattern[str]:
    head, _, tail = template.partition("{number}")
    return re.compile(rf"\s*{re.escape(head.strip())}\s*(\d+)\s*{re.escape(tail.strip())}\s*")


def parse(name: str, variants: Mapping[str, Iterable[str]]) -> tuple[str, int] | None:
    """(kind, number) when ``name`` is a default name; ``variants``: kind -> its templates in
    every language (the English one included)."""
    for kind, templates in variants.items():
        for template in templates:
            found = _pattern(template).fullmatch(name)
            if found is not None:
                return kind, int(found.group(1))
    return None


def renamed_defaults(
    transcript: Transcript, translate: Translate, variants: Mapping[str, Iterable[str]]
) -> Transcript:
    """A copy whose default speaker names are said with ``translate``; the same object when
    nothing changes."""
    speakers: list[Speaker] = []
    changed = False
    for speaker in transcript.speakers:
        found = parse(speaker.name, variants)
        if found is not None:
            kind, number = found
            name = translate(kind).format(number=number)
            if name != speaker.name:
                speaker = Speaker(speaker.id, speaker.label, name, speaker.color)
                changed = True
        speakers.append(speaker)
    if not changed:
        return transcript
    result = copy.copy(transcript)
    result.speakers = speakers
    return result
