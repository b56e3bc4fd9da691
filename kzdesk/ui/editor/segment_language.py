"""The language of each segment in the editor: shown as a small tag, changed as an undoable edit.

Offline recognition decides Kazakh or Russian segment by segment (and any language in automatic
mode); the tag shows the language a segment was recognised in, so a Kazakh segment recognised
as Russian stands out, and the user can correct the mark (exports and the transcript's
language follow it).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QStyleOptionViewItem,
    QWidget,
)

from kzdesk.core.transcript import Change, Transcript
from kzdesk.core.transcript_ops import spoken_languages
from kzdesk.ui.editor.edit_session import EditCommand, EditSession, segment_time
from kzdesk.ui.editor.segment_cells import PAD_X, PAD_Y, Highlights, paint_background, text_color
from kzdesk.ui.editor.segment_delegates import ComboCellDelegate

# offered first in the list, in this order; languages heard in the transcript follow
COMMON_LANGUAGES = ("kk", "ru", "en")


def language_name(code: str) -> str:
    """A language code as a name the user reads ("kk" -> "Kazakh" in the interface language)."""
    names = {
        "kk": QCoreApplication.translate("SegmentLanguage", "Kazakh"),
        "ru": QCoreApplication.translate("SegmentLanguage", "Russian"),
        "en": QCoreApplication.translate("SegmentLanguage", "English"),
    }
    if code in names:
        return names[code]
    locale = QLocale(code)
    if locale.language() in (QLocale.Language.C, QLocale.Language.AnyLanguage):
        return code
    name = locale.nativeLanguageName()
    return name[:1].upper() + name[1:] if name else code


def language_choices(transcript: Transcript) -> list[str]:
    heard = [c for c in spoken_languages(transcript) if c not in COMMON_LANGUAGES]
    return [*COMMON_LANGUAGES, *sorted(heard)]


class SetLanguageCommand(EditCommand):
    def __init__(self, session: EditSession, segment_id: int, language: str) -> None:
        super().__init__(
            session,
            QCoreApplication.translate(
                "EditCommands", "Mark the phrase at {time} as {language}"
            ).format(time=segment_time(session, segment_id), language=language_name(language)),
        )
        self.segment_id = segment_id
        self.language = language

    def perform(self, transcript: Transcript) -> Change:
        return transcript.set_language(self.segment_id, self.language)


class LanguageDelegate(ComboCellDelegate):
    """The language code in a small outlined tag; edited with a list of languages."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        colors = Highlights.for_palette(option.palette)
        painter.save()
        paint_background(painter, option, index, colors)
        code = str(index.data() or "")
        if code:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            font = option.font
            font.setPointSizeF(max(font.pointSizeF() * 0.85, 6.0))
            painter.setFont(font)
            fm = QFontMetrics(font)
            text = code.upper()
            width = fm.horizontalAdvance(text) + 8
            tag = QRectF(option.rect.left() + PAD_X, option.rect.top() + PAD_Y, width, fm.height())
            painter.setPen(QPen(text_color(option, muted=True), 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(tag, 3, 3)
            painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        fm = QFontMetrics(option.font)
        return QSize(fm.horizontalAdvance("WWW") + 2 * PAD_X + 8, fm.height() + 2 * PAD_Y)

    def fill(self, combo: QComboBox, index: QModelIndex) -> None:
        model = index.model()
        transcript = model.transcript() if hasattr(model, "transcript") else Transcript()
        for code in language_choices(transcript):
            combo.addItem(f"{language_name(code)} ({code})", code)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: QModelIndex
    ) -> None:
        rect = option.rect
        editor.setGeometry(rect.left(), rect.top(), max(rect.width(), 160), rect.height())
