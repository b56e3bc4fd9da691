"""Filling translated templates: ``fill(self.tr("“%1” failed: %2"), name, sentence)``.

PySide has no ``QString.arg``; this replaces ``%1`` … ``%9`` in one pass, so a value that
itself contains ``%2`` is never substituted again."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

_MARK = re.compile(r"%([1-9])")


def fill(template: str, *values: object) -> str:
    def put(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return str(values[index]) if index < len(values) else match.group(0)

    return _MARK.sub(put, template)


def elide_words(text: str, metrics: QFontMetrics, width: int) -> str:
    """``text`` cut after the last whole word that fits ``width`` pixels, with "…"; a sentence
    is never cut in the middle of a word (a single word longer than the width is, at its end)."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    ellipsis = "…"
    words = text.split(" ")
    kept = ""
    for word in words:
        candidate = f"{kept} {word}" if kept else word
        if metrics.horizontalAdvance(candidate.rstrip(",;:—–") + ellipsis) > width:
            break
        kept = candidate
    if not kept:
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
    return kept.rstrip(" ,;:—–") + ellipsis
