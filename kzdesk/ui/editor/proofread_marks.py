"""What proofreading underlines in a segment, and how it looks.

Three kinds, told apart by the line's *style* as well as its colour (never colour alone):
uncertain words a dotted line, glossary near-misses a dashed line, misspelled words the
platform's spell-check wave. Colours come from the palette's lightness, so each reads on light
and dark backgrounds. Only what is painted is computed — the rows on screen — from caches: the
uncertain-word and glossary indexes (per segment object) and the shared spelling cache, whose
unknown words go to the spelling worker and come back as a repaint.
"""

from __future__ import annotations

import enum
from collections.abc import Collection

from PySide6.QtGui import QColor, QPalette, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from kzdesk.core.glossary import SuggestionIndex
from kzdesk.core.proofread import UncertainIndex, token_spans
from kzdesk.core.spelling import Miss
from kzdesk.core.transcript import Segment
from kzdesk.workers.spelling_worker import SpellingWorker


class Kind(enum.Enum):
    UNCERTAIN = "uncertain"
    GLOSSARY = "glossary"
    SPELLING = "spelling"


_Style = QTextCharFormat.UnderlineStyle
_STYLES = {
    Kind.UNCERTAIN: _Style.DotLine,
    Kind.GLOSSARY: _Style.DashUnderline,
    Kind.SPELLING: _Style.SpellCheckUnderline,
}
# Okabe–Ito hues: (on a light background, on a dark one)
_COLORS = {
    Kind.UNCERTAIN: ("#B86E00", "#F0B040"),
    Kind.GLOSSARY: ("#0072B2", "#56B4E9"),
    Kind.SPELLING: ("#C83C00", "#FF7A45"),
}
_FORMATS: dict[tuple[int, Kind], QTextCharFormat] = {}


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5


def underline(kind: Kind, palette: QPalette) -> QTextCharFormat:
    key = (palette.cacheKey(), kind)
    fmt = _FORMATS.get(key)
    if fmt is None:
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(_STYLES[kind])
        fmt.setUnderlineColor(QColor(_COLORS[kind][1 if is_dark(palette) else 0]))
        _FORMATS[key] = fmt
    return fmt


Mark = tuple[int, int, Kind]


class MarkSource:
    """The underlines of a segment, from the three caches; spelling may be off."""

    def __init__(
        self,
        uncertain: UncertainIndex,
        suggestions: SuggestionIndex,
        spelling: SpellingWorker | None,
        transcript_languages: tuple[str, ...],
        accepted: Collection[str] = (),
    ) -> None:
        self.uncertain = uncertain
        self.suggestions = suggestions
        self.spelling = spelling
        self.languages = transcript_languages
        self.accepted = accepted

    def misses(self, text: str, language: str | None) -> list[Miss]:
        worker = self.spelling
        if worker is None or worker.state != "ready":
            return []
        missed, ask = worker.cache.misses(text, language, self.languages, self.accepted)
        if ask:
            worker.ask(ask)
        return missed

    def marks(self, seg: Segment) -> list[Mark]:
        out: list[Mark] = []
        tokens = self.uncertain.tokens(seg)
        if tokens:
            spans = token_spans(seg.text)
            out += [(*spans[t], Kind.UNCERTAIN) for t in tokens if t < len(spans)]
        out += [(s.start, s.end, Kind.GLOSSARY) for s in self.suggestions.of(seg)]
        out += [(m.start, m.end, Kind.SPELLING) for m in self.misses(seg.text, seg.language)]
        return out

    def formats(self, seg: Segment, palette: QPalette) -> list[tuple[int, int, QTextCharFormat]]:
        """For TextDelegate.marks_of."""
        return [(a, b, underline(kind, palette)) for a, b, kind in self.marks(seg)]

    def at(self, seg: Segment, pos: int) -> list[Mark]:
        """The marks covering the character offset ``pos`` (a click, the text cursor)."""
        return [m for m in self.marks(seg) if m[0] <= pos <= m[1]]


class SpellingHighlighter(QSyntaxHighlighter):
    """Misspelled words underlined in the open segment editor as the user types."""

    def __init__(
        self, document: QTextDocument, source: MarkSource, language: str | None, palette: QPalette
    ) -> None:
        super().__init__(document)
        self.source = source
        self.language = language
        self._format = underline(Kind.SPELLING, palette)

    def highlightBlock(self, text: str) -> None:
        for miss in self.source.misses(text, self.language):
            self.setFormat(miss.start, miss.end - miss.start, self._format)
