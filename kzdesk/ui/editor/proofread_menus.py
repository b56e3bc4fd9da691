"""Proofreading context menus: on a segment of the list, and in the open segment editor.

On a word: its spelling corrections (found on the spelling worker: the menu opens at once and
fills in) and "Add to glossary"; a glossary suggestion's Accept / Keep / Accept all; "Mark as
checked" for an uncertain word. The segment editor's menu adds corrections and "Add to
glossary" above the usual Cut / Copy / Paste.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

import shiboken6
from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit

from kzdesk.core.proofread import token_spans
from kzdesk.core.spelling import Miss
from kzdesk.core.transcript import Segment
from kzdesk.ui.editor.proofread_marks import Kind
from kzdesk.ui.editor.segment_cells import char_at
from kzdesk.ui.editor.segment_commands import ReplaceTextCommand
from kzdesk.ui.editor.segment_model import Column

if TYPE_CHECKING:
    from kzdesk.core.glossary import Suggestion, SuggestionIndex
    from kzdesk.core.proofread import UncertainIndex
    from kzdesk.ui.editor.edit_session import EditSession
    from kzdesk.ui.editor.host import EditorHost
    from kzdesk.ui.editor.proofread_marks import MarkSource
    from kzdesk.ui.editor.segment_view import SegmentView
    from kzdesk.ui.editor.transport import Transport
    from kzdesk.workers.spelling_worker import SpellingWorker


class Proofreading(Protocol):
    """What the menus use of the window's ``proofreading.Proofreading`` (which opens them)."""

    window: EditorHost
    session: EditSession
    view: SegmentView
    source: MarkSource
    spelling: SpellingWorker | None
    suggestions: SuggestionIndex
    uncertain: UncertainIndex
    transport: Transport
    checked_action: QAction
    accept_all_action: QAction

    def accept(self, suggestion: Suggestion) -> None: ...
    def ignore(self, suggestion: Suggestion) -> None: ...
    def mark_tokens(self, segment_id: int, tokens: list[int]) -> None: ...
    def add_to_glossary(self, word: str) -> None: ...


def _corrections(
    p: Proofreading,
    menu: QMenu,
    before: QAction | None,
    miss: Miss,
    replace: Callable[[str], None],
) -> None:
    """Corrections of ``miss`` inserted before ``before`` as they arrive."""
    worker = p.spelling
    if worker is None:
        return
    waiting = QAction(QCoreApplication.translate("Proofreading", "Looking for corrections…"), menu)
    waiting.setEnabled(False)
    menu.insertAction(before, waiting)

    connected = [True]

    def arrived(word: str, found: list[str]) -> None:
        if word != miss.word or not connected[0]:
            return
        connected[0] = False
        worker.suggested.disconnect(arrived)
        if not shiboken6.isValid(menu):
            return  # closed before the corrections came
        if not found:
            waiting.setText(QCoreApplication.translate("Proofreading", "No corrections found"))
            return
        for correction in found:
            action = QAction(correction, menu)
            action.triggered.connect(lambda _=False, c=correction: replace(c))
            menu.insertAction(waiting, action)
        menu.removeAction(waiting)

    def closed(*_: object) -> None:
        if connected[0]:
            connected[0] = False
            with contextlib.suppress(RuntimeError, TypeError):
                worker.suggested.disconnect(arrived)

    worker.suggested.connect(arrived)
    menu.destroyed.connect(closed)
    worker.suggest(miss.languages, miss.word)


def _add_to_glossary(p: Proofreading, menu: QMenu, word: str, before: QAction | None) -> None:
    action = QAction(
        QCoreApplication.translate("Proofreading", "Add “{word}” to the Glossary").format(
            word=word
        ),
        menu,
    )
    action.triggered.connect(lambda: p.add_to_glossary(word))
    menu.insertAction(before, action)


def list_menu(p: Proofreading, pos: QPoint) -> QMenu | None:
    """The context menu of the segment list at ``pos`` (viewport coordinates)."""
    view = p.view
    index = view.indexAt(pos)
    char = -1
    if not index.isValid():
        index = view.currentIndex()
    elif index.column() == int(Column.TEXT):
        rect = view.visualRect(index)
        seg = view.segment_model().segment_at(index.row())
        x, y = pos.x() - rect.left(), pos.y() - rect.top()
        char = char_at(seg.text, view.font(), rect.width(), x, y)
    if not index.isValid():
        return None
    view.setCurrentIndex(view.model().index(index.row(), int(Column.TEXT)))
    seg = view.segment_model().segment_at(index.row())
    menu = QMenu(view)
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _fill_list_menu(p, menu, seg, char)
    menu.popup(view.viewport().mapToGlobal(pos))
    return menu


def _fill_list_menu(p: Proofreading, menu: QMenu, seg: Segment, char: int) -> None:
    marks = p.source.at(seg, char) if char >= 0 else []
    for start, end, kind in marks:
        if kind is Kind.SPELLING:
            miss = next(m for m in p.source.misses(seg.text, seg.language) if m.start == start)

            def replace(correction: str, sid: int = seg.id, a: int = start, b: int = end) -> None:
                text = p.session.transcript.segment(sid).text
                p.window.edits.commit_open_editor()
                p.window.edits.push(
                    ReplaceTextCommand(p.session, sid, text[:a] + correction + text[b:])
                )

            _corrections(p, menu, None, miss, replace)
            _add_to_glossary(p, menu, miss.word, None)
            menu.addSeparator()
    suggestions = p.suggestions.of(seg)
    at = [s for s in suggestions if char >= 0 and s.start <= char <= s.end] or suggestions
    for s in at[:3]:
        accept = menu.addAction(
            QCoreApplication.translate(
                "Proofreading", "Replace “{found}” with “{term}” (Glossary)"
            ).format(found=s.found, term=s.term)
        )
        accept.triggered.connect(lambda _=False, s=s: p.accept(s))
        keep = menu.addAction(
            QCoreApplication.translate("Proofreading", "Keep “{found}”").format(found=s.found)
        )
        keep.triggered.connect(lambda _=False, s=s: p.ignore(s))
    if suggestions:
        menu.addAction(p.accept_all_action)
        menu.addSeparator()
    uncertain = {(a, b) for a, b, kind in marks if kind is Kind.UNCERTAIN}
    if uncertain:
        chosen = [t for t, span in enumerate(token_spans(seg.text)) if span in uncertain]
        a, b = min(uncertain)
        check = menu.addAction(
            QCoreApplication.translate("Proofreading", "Mark “{word}” as Checked").format(
                word=seg.text[a:b]
            )
        )
        check.triggered.connect(lambda _=False, sid=seg.id, c=chosen: p.mark_tokens(sid, c))
    elif p.uncertain.tokens(seg):
        menu.addAction(p.checked_action)
    menu.addAction(p.window.menu_actions.edit_text)
    menu.addAction(p.transport.loop_action)


def editor_menu(
    p: Proofreading, editor: QPlainTextEdit, language: str | None, pos: QPoint
) -> QMenu:
    """The segment editor's own menu with corrections of the misspelled word under ``pos``."""
    menu = editor.createStandardContextMenu(pos)
    char = editor.cursorForPosition(pos).position()
    text = editor.toPlainText()
    first = menu.actions()[0] if menu.actions() else None
    for miss in p.source.misses(text, language):
        if not miss.start <= char <= miss.end:
            continue

        def replace(correction: str, m: Miss = miss) -> None:
            if editor.toPlainText()[m.start : m.end] != m.word:
                return  # the text changed while the menu was open
            cursor = editor.textCursor()
            cursor.setPosition(m.start)
            cursor.setPosition(m.end, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(correction)

        _corrections(p, menu, first, miss, replace)
        _add_to_glossary(p, menu, miss.word, first)
        if first is not None:
            menu.insertSeparator(first)
        break
    menu.popup(editor.viewport().mapToGlobal(pos))
    return menu
