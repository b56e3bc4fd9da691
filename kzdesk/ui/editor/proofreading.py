"""Proofreading in the editor: uncertain words one key away, glossary suggestions, spelling.

* F8 / Shift+F8 go to the next / previous uncertain word: it is selected in the opened segment
  editor (type to replace it) and played from a second before it (Settings → Proofreading).
* F9 marks it (or, away from one, every uncertain word of the segment) as checked; editing a
  word does the same. Both are undoable and saved at once.
* Glossary near-misses: Alt+Enter accepts the one at hand, Alt+Shift+Enter keeps the word,
  Ctrl+Alt+Enter accepts all — each one undo step; the context menu offers the same.
* Misspelled words: corrections and "Add to glossary" in the context menu of the list and of
  the segment editor.

The logic lives in kzdesk.core (proofread, glossary, spelling); this controller wires keys,
menus and the status bar to it. Context menus are in :mod:`proofread_menus`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QLabel, QMenu

from kzdesk.core import proofread
from kzdesk.core.glossary import Glossary, Suggestion, SuggestionIndex
from kzdesk.core.proofread import DEFAULT_UNCERTAIN_BELOW, Spot, UncertainIndex
from kzdesk.core.spelling import accepted_words, transcript_languages
from kzdesk.core.transcript import Segment
from kzdesk.ui.actions import Keys, make_action
from kzdesk.ui.editor import proofread_menus
from kzdesk.ui.editor.proofread_commands import (
    AcceptSuggestionsCommand,
    IgnoreSuggestionCommand,
    MarkCheckedCommand,
)
from kzdesk.ui.editor.proofread_marks import MarkSource, SpellingHighlighter
from kzdesk.ui.editor.segment_text_delegate import SegmentTextEditor
from kzdesk.ui.editor.transport import Transport
from kzdesk.workers.spelling_worker import SpellingWorker

if TYPE_CHECKING:
    from kzdesk.ui.editor.host import EditorHost


@dataclass(frozen=True)
class ProofreadingOptions:
    """Settings → Proofreading, and the glossary of this transcript's job."""

    uncertain_below: float = DEFAULT_UNCERTAIN_BELOW
    play_before_ms: int = 1000
    resume_rewind_ms: int = 2000
    spelling: bool = True
    glossary: tuple[str, ...] = ()  # the user's and the job's terms
    # keeps a word in the user's glossary (Settings); None: this window only
    add_to_glossary: Callable[[str], None] | None = field(default=None, compare=False)


class Proofreading(QObject):
    def __init__(
        self,
        window: EditorHost,
        options: ProofreadingOptions,
        spelling: SpellingWorker | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.options = options
        self.session = window.session
        self.view = window.view
        t = self.session.transcript
        self.uncertain = UncertainIndex(options.uncertain_below)
        self.glossary_terms = list(options.glossary)
        self.suggestions = SuggestionIndex(Glossary(self.glossary_terms))
        self.spelling = spelling if options.spelling else None
        self.source = MarkSource(
            self.uncertain,
            self.suggestions,
            self.spelling,
            transcript_languages(t.language),
            accepted_words(self.glossary_terms),
        )
        self.last: Spot | None = None  # the uncertain word F8 went to
        self.editor: SegmentTextEditor | None = None
        self.transport = Transport(
            window.player,
            window.player_bar.play_pause_action,
            self.view.current_segment,
            rewind_ms=options.resume_rewind_ms,
            parent=self,
        )
        window.addAction(self.transport.loop_action)
        self.count_label = QLabel()
        window.statusBar().addPermanentWidget(self.count_label)
        self._build_actions()
        self.view.text_delegate.marks_of = self.source.formats
        self.view.text_delegate.editor_created.connect(self._on_editor_created)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(
            lambda pos: proofread_menus.list_menu(self, pos)
        )
        self.session.changed.connect(self._update_count)
        self._start_spelling()
        self._update_count()
        if any(seg.words for seg in t.segments) and not proofread.has_confidence(t):
            window.show_status(
                QCoreApplication.translate(
                    "Proofreading",
                    "The engine gave no confidence for the words of this transcript (SpeechKit "
                    "gives none), so no word is marked as uncertain.",
                )
            )

    # ---- building ---------------------------------------------------------------------------
    def _action(self, text: str, keys: Keys, slot: Callable[[], object]) -> QAction:
        action = make_action(self.window, text, keys, slot)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.window.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.next_action = self._action(
            QCoreApplication.translate("Proofreading", "Next uncertain word"), "F8", self.go_next
        )
        self.previous_action = self._action(
            QCoreApplication.translate("Proofreading", "Previous uncertain word"),
            "Shift+F8",
            self.go_previous,
        )
        self.checked_action = self._action(
            QCoreApplication.translate("Proofreading", "Mark as checked"), "F9", self.mark_checked
        )
        self.accept_action = self._action(
            QCoreApplication.translate("Proofreading", "Accept glossary suggestion"),
            ["Alt+Return", "Alt+Enter"],
            self.accept_current,
        )
        self.ignore_action = self._action(
            QCoreApplication.translate("Proofreading", "Keep word (ignore suggestion)"),
            ["Alt+Shift+Return", "Alt+Shift+Enter"],
            self.ignore_current,
        )
        self.accept_all_action = self._action(
            QCoreApplication.translate("Proofreading", "Accept all glossary suggestions"),
            ["Ctrl+Alt+Return", "Ctrl+Alt+Enter"],
            self.accept_all,
        )
        menu = QMenu(QCoreApplication.translate("Proofreading", "P&roofread"), self.window)
        for action in (self.next_action, self.previous_action, self.checked_action):
            menu.addAction(action)
        menu.addSeparator()
        for action in (self.accept_action, self.ignore_action, self.accept_all_action):
            menu.addAction(action)
        bar = self.window.menuBar()
        bar.insertMenu(bar.actions()[2] if len(bar.actions()) > 2 else None, menu)
        self.menu = menu
        self.window.menus.playback.addAction(self.transport.loop_action)

    # ---- spelling ---------------------------------------------------------------------------
    def _start_spelling(self) -> None:
        worker = self.spelling
        if worker is None:
            return
        worker.answered.connect(self._repaint)
        worker.loaded.connect(self._repaint)
        worker.unavailable.connect(self.window.show_status)
        if worker.state == "unavailable":
            self.window.show_status(worker.message)
        worker.start()

    def _repaint(self) -> None:
        self.view.viewport().update()
        editor = self.editor
        highlighter = getattr(editor, "spelling_highlighter", None)
        if highlighter is not None:
            highlighter.rehighlight()

    def _on_editor_created(self, editor: SegmentTextEditor, segment_id: int) -> None:
        self.editor = editor
        editor.destroyed.connect(lambda *_: self._forget_editor(editor))
        seg = self.session.transcript.segment(segment_id)
        if self.spelling is not None:
            editor.spelling_highlighter = SpellingHighlighter(  # type: ignore[attr-defined]
                editor.document(), self.source, seg.language, editor.palette()
            )
        editor.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        editor.customContextMenuRequested.connect(
            lambda pos, e=editor, lang=seg.language: proofread_menus.editor_menu(self, e, lang, pos)
        )

    def _forget_editor(self, editor: object) -> None:
        if self.editor is editor:
            self.editor = None

    # ---- uncertain words --------------------------------------------------------------------
    def _update_count(self, *_: object) -> None:
        n = self.uncertain.count(self.session.transcript.segments)
        self.count_label.setText(self.tr("%n uncertain word(s) left", "", n))
        self.count_label.setToolTip(
            QCoreApplication.translate(
                "Proofreading",
                "Words the engine was not sure of: F8 goes to the next one, F9 marks it checked.",
            )
        )

    def go_next(self) -> None:
        self.go(backwards=False)

    def go_previous(self) -> None:
        self.go(backwards=True)

    def _start(self, backwards: bool) -> tuple[int, int]:
        seg = self.view.current_segment()
        if seg is None:
            return -1, -1
        row = self.view.currentIndex().row()
        last = self.last
        if last is not None and last.segment_id == seg.id:
            return row, last.token
        return row, (1 << 30 if backwards else -1)

    def go(self, *, backwards: bool) -> Spot | None:
        row, token = self._start(backwards)
        self.window.edits.commit_open_editor()
        segments = self.session.transcript.segments
        spot = self.uncertain.find(segments, row, token, backwards=backwards)
        if spot is None:
            self.window.show_status(
                QCoreApplication.translate("Proofreading", "No uncertain words left.")
            )
            return None
        self.last = spot
        seg = segments[spot.row]
        self.view.edit_text(spot.row, spot.end)
        editor = self.editor
        if editor is not None and editor.toPlainText() == seg.text:
            cursor = editor.textCursor()
            cursor.setPosition(spot.start)
            cursor.setPosition(spot.end, QTextCursor.MoveMode.KeepAnchor)
            editor.setTextCursor(cursor)
        self._play(seg, spot.token)
        return spot

    def _play(self, seg: Segment, token: int) -> None:
        mapping = proofread.token_of_words(seg.text.split(), seg.words)
        times = [
            (w.start_ms, w.end_ms) for w, t in zip(seg.words, mapping, strict=True) if t == token
        ]
        if times:
            lead = self.options.play_before_ms
            self.transport.play_word(times[0][0], times[-1][1], lead)

    def mark_checked(self) -> None:
        seg = self.view.current_segment()
        if seg is None:
            return
        last = self.last
        self.window.edits.commit_open_editor()
        seg = self.session.transcript.segment(seg.id)
        tokens = None
        if last is not None and last.segment_id == seg.id:
            tokens = [last.token]
        if self.window.edits.push(MarkCheckedCommand(self.session, seg.id, tokens)):
            self.window.show_status(
                QCoreApplication.translate("Proofreading", "Marked as checked.")
            )

    def mark_tokens(self, segment_id: int, tokens: list[int]) -> None:
        self.window.edits.commit_open_editor()
        self.window.edits.push(MarkCheckedCommand(self.session, segment_id, tokens))

    # ---- glossary -----------------------------------------------------------------------------
    def current_suggestion(self) -> Suggestion | None:
        """The suggestion under the text cursor, else the first of the current segment."""
        seg = self.view.current_segment()
        if seg is None:
            return None
        found = self.suggestions.of(seg)
        editor = self.editor
        if editor is not None and editor.toPlainText() == seg.text:
            pos = editor.textCursor().position()
            at = [s for s in found if s.start <= pos <= s.end]
            if at:
                return at[0]
        return found[0] if found else None

    def accept(self, suggestion: Suggestion) -> None:
        self.window.edits.commit_open_editor()
        self.window.edits.push(AcceptSuggestionsCommand(self.session, [suggestion]))

    def ignore(self, suggestion: Suggestion) -> None:
        self.window.edits.commit_open_editor()
        self.window.edits.push(IgnoreSuggestionCommand(self.session, suggestion))

    def accept_current(self) -> None:
        suggestion = self.current_suggestion()
        if suggestion is None:
            self.window.show_status(
                QCoreApplication.translate(
                    "Proofreading", "This phrase has no glossary suggestion."
                )
            )
            return
        self.accept(suggestion)

    def ignore_current(self) -> None:
        suggestion = self.current_suggestion()
        if suggestion is None:
            self.window.show_status(
                QCoreApplication.translate(
                    "Proofreading", "This phrase has no glossary suggestion."
                )
            )
            return
        self.ignore(suggestion)

    def accept_all(self) -> None:
        self.window.edits.commit_open_editor()
        found = self.suggestions.all(self.session.transcript.segments)
        if not found:
            self.window.show_status(
                QCoreApplication.translate("Proofreading", "There are no glossary suggestions.")
            )
            return
        self.window.edits.push(AcceptSuggestionsCommand(self.session, found))

    def add_to_glossary(self, word: str) -> None:
        word = " ".join(word.split())
        if not word or word in self.glossary_terms:
            return
        self.glossary_terms.append(word)
        if self.options.add_to_glossary is not None:
            self.options.add_to_glossary(word)
        self.suggestions.glossary = Glossary(self.glossary_terms)
        self.suggestions.clear()
        self.source.accepted = accepted_words(self.glossary_terms)
        self._repaint()
        self.window.show_status(
            QCoreApplication.translate("Proofreading", "“{word}” is in the glossary now.").format(
                word=word
            )
        )

    def suggestions_count(self) -> int:
        return len(self.suggestions.all(self.session.transcript.segments))
