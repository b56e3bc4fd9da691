"""Text that must fit: sentences cut at a word with "…" where space is short.

Translated templates are filled with ``str.format`` and named ``{placeholders}`` everywhere
(``self.tr("“{name}” failed").format(name=name)``); ``%n`` stays only in Qt's plural messages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics


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
