"""The editor's find and replace bar.

``Find [....] Replace [....] [Aa][ab|][.*] 3 of 12 [↑][↓] [Replace] [Replace all] [×]``

The bar searches (:func:`kzdesk.core.search.find_all` over the segments' text) 150 ms after the
user stops typing and at once after every applied edit; the matches and the one the user is on
are kept in a :class:`~kzdesk.ui.editor.find_matches.MatchList`. The editor window wires it up:

* Ctrl+F -> :meth:`FindBar.show_find`, Ctrl+H -> :meth:`FindBar.show_replace`, F3 / Shift+F3
  -> :meth:`FindBar.find_next` / :meth:`FindBar.find_previous` (the bar also handles these
  keys, Enter / Shift+Enter and Escape while it has focus);
* the segment selection -> :meth:`FindBar.set_anchor`, so "next" starts from that segment;
* :attr:`FindBar.current_match_changed` -> select that segment and scroll to it;
* :attr:`FindBar.matches_changed` -> repaint; the segment delegate highlights
  :meth:`FindBar.matches_in` and, stronger, :meth:`FindBar.current_match`.

Replacing pushes commands on the session, so it is undoable and saved like any edit.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

from kzdesk.core.search import Match, SearchError, SearchQuery, find_all
from kzdesk.core.transcript import Change, TranscriptError
from kzdesk.ui.color_scheme import warning_text_color
from kzdesk.ui.editor.edit_session import EditSession
from kzdesk.ui.editor.find_matches import MatchList
from kzdesk.ui.editor.replace_commands import ReplaceAllCommand, ReplaceMatchCommand
from kzdesk.ui.messages import translate_message


class FindBar(QWidget):
    # Match: select and scroll to it. None: no current match any more (the bar closed, or
    # the last match was replaced); clear its highlight and move nothing.
    current_match_changed = Signal(object)
    matches_changed = Signal()  # repaint the highlights
    closed = Signal()

    DEBOUNCE_MS = 150

    def __init__(self, session: EditSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._results = MatchList()
        self._error = ""
        self._active = False
        self._pushing = False

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.DEBOUNCE_MS)
        self._timer.timeout.connect(self._on_query_settled)
        self._build()
        session.changed.connect(self._on_session_changed)

    # ---- building ------------------------------------------------------------------------
    def _build(self) -> None:
        self.find_label = QLabel(self.tr("Find"), self)
        self.find_edit = QLineEdit(self)
        self.find_edit.setClearButtonEnabled(True)
        self.find_label.setBuddy(self.find_edit)
        self.replace_label = QLabel(self.tr("Replace"), self)
        self.replace_edit = QLineEdit(self)
        self.replace_label.setBuddy(self.replace_edit)

        self.case_button = self._toggle("Aa", self.tr("Match case"))
        self.word_button = self._toggle("ab|", self.tr("Whole words only"))
        self.regex_button = self._toggle(
            ".*",
            self.tr(
                "Use a regular expression; the replacement may refer to its groups as \\1 or "
                "\\g<name>"
            ),
        )
        self.count_label = QLabel(self)
        self.count_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("9999 of 9999"))
        self.count_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.previous_button = self._tool("↑", self.tr("Previous match (Shift+F3)"))
        self.next_button = self._tool("↓", self.tr("Next match (F3)"))
        self.replace_button = QPushButton(self.tr("Replace"), self)
        self.replace_button.setToolTip(self.tr("Replace this match and go to the next"))
        self.replace_all_button = QPushButton(self.tr("Replace all"), self)
        self.replace_all_button.setToolTip(self.tr("Replace every match; one step to undo"))
        self.close_button = self._tool("×", self.tr("Close (Esc)"))

        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        for widget in (
            self.find_label,
            self.find_edit,
            self.replace_label,
            self.replace_edit,
            self.case_button,
            self.word_button,
            self.regex_button,
            self.count_label,
            self.previous_button,
            self.next_button,
            self.replace_button,
            self.replace_all_button,
            self.close_button,
        ):
            layout.addWidget(widget)
        layout.setStretch(layout.indexOf(self.find_edit), 2)
        layout.setStretch(layout.indexOf(self.replace_edit), 2)

        self.find_edit.textChanged.connect(self._on_query_edited)
        for button in (self.case_button, self.word_button, self.regex_button):
            button.toggled.connect(self._on_option_toggled)
        self.previous_button.clicked.connect(self.find_previous)
        self.next_button.clicked.connect(self.find_next)
        self.replace_button.clicked.connect(self.replace_current)
        self.replace_all_button.clicked.connect(self.replace_all)
        self.close_button.clicked.connect(self.close_bar)
        self.find_edit.installEventFilter(self)
        self.replace_edit.installEventFilter(self)
        self._set_replace_visible(False)
        self._update_controls()

    def _tool(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setAutoRaise(True)
        return button

    def _toggle(self, text: str, tip: str) -> QToolButton:
        button = self._tool(text, tip)
        button.setCheckable(True)
        return button

    def _set_replace_visible(self, visible: bool) -> None:
        for widget in (
            self.replace_label,
            self.replace_edit,
            self.replace_button,
            self.replace_all_button,
        ):
            widget.setVisible(visible)

    # ---- public API -------------------------------------------------------------------------
    def query(self) -> SearchQuery:
        return SearchQuery(
            self.find_edit.text(),
            case_sensitive=self.case_button.isChecked(),
            whole_word=self.word_button.isChecked(),
            regex=self.regex_button.isChecked(),
        )

    def show_find(self, text: str | None = None) -> None:
        """Ctrl+F: the bar without the replace field; focus and select the search text.
        ``text`` (e.g. the selected words) replaces the search text when given."""
        self._open(replace=False, text=text if isinstance(text, str) else None)
        self.find_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_edit.selectAll()

    def show_replace(self, text: str | None = None) -> None:
        """Ctrl+H: the bar with the replace field; focus goes to the search text when it is
        empty, to the replacement otherwise."""
        self._open(replace=True, text=text if isinstance(text, str) else None)
        edit = self.replace_edit if self.find_edit.text() else self.find_edit
        edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        edit.selectAll()

    def close_bar(self) -> None:
        """Escape: hide the bar and drop the highlights."""
        self._timer.stop()
        was_active, self._active = self._active, False
        self.hide()
        if was_active:
            self._recompute(navigate=False)
            self.closed.emit()

    def is_open(self) -> bool:
        return self._active

    def set_anchor(self, segment_id: int | None) -> None:
        """The segment the user is on: the next search starts from it (not from the last
        match). The segment of the current match is ignored, so the editor may echo back the
        selection that :attr:`current_match_changed` caused."""
        self._results.set_anchor(segment_id)

    def matches(self) -> list[Match]:
        return list(self._results.matches)

    def matches_in(self, segment_id: int) -> list[tuple[int, int]]:
        """(start, end) character ranges of the matches in one segment's text (do not modify:
        this runs for every painted segment)."""
        return self._results.matches_in(segment_id)

    def current_match(self) -> Match | None:
        return self._results.current_match()

    def error(self) -> str:
        """The sentence shown for a bad regular expression, or ''."""
        return self._error

    def refresh(self) -> None:
        """Search now instead of after the typing pause."""
        if self._timer.isActive():
            self._on_query_settled()

    def find_next(self) -> Match | None:
        if self._flush():
            return self.current_match()
        if not self._results.matches:
            return None
        self._set_current(self._results.next_index(self.session.transcript), emit=True)
        return self.current_match()

    def find_previous(self) -> Match | None:
        if self._flush():
            return self.current_match()
        if not self._results.matches:
            return None
        self._set_current(self._results.previous_index(self.session.transcript), emit=True)
        return self.current_match()

    def replace_current(self) -> None:
        """Replace the current match and go to the next one; with no current match, go to
        the first match instead (so a second press replaces it)."""
        self._flush()
        match = self.current_match()
        if match is None:
            self.find_next()
            return
        old_length = len(self.session.transcript.segment(match.segment_id).text)
        change = self._push(
            ReplaceMatchCommand(self.session, match, self.query(), self.replace_edit.text())
        )
        if change is None:
            return
        after = change.segments_after[0]
        self._results.resume_after(match.end + len(after.text) - old_length)
        self._recompute(navigate=True)

    def replace_all(self) -> None:
        """Replace every match: one undo step."""
        self._flush()
        if not self._results.matches:
            return
        if self._push(ReplaceAllCommand(self.session, self.query(), self.replace_edit.text())):
            self._recompute(navigate=False)

    # ---- events ----------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and self._handle_key(event, in_replace=watched is self.replace_edit)
        ):
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._handle_key(event, in_replace=False):
            super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._update_label()
        super().changeEvent(event)

    def _handle_key(self, event: QKeyEvent, *, in_replace: bool) -> bool:
        key = event.key()
        backwards = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key == Qt.Key.Key_Escape:
            self.close_bar()
        elif key == Qt.Key.Key_F3 and backwards:
            self.find_previous()
        elif key == Qt.Key.Key_F3:
            self.find_next()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if in_replace:
                self.replace_current()
            elif backwards:
                self.find_previous()
            else:
                self.find_next()
        else:
            return False
        return True

    def _on_query_edited(self) -> None:
        self._timer.start()

    def _on_query_settled(self) -> None:
        self._timer.stop()
        self._recompute(navigate=True)

    def _on_option_toggled(self) -> None:
        self._timer.stop()
        self._recompute(navigate=True)

    def _on_session_changed(self, _change: Change) -> None:
        if not self._pushing and (self._active or self._results.matches):
            self._recompute(navigate=False)

    # ---- internals -------------------------------------------------------------------------
    def _open(self, *, replace: bool, text: str | None) -> None:
        self._set_replace_visible(replace)
        was_active, self._active = self._active, True
        self.show()
        if text is not None and text != self.find_edit.text():
            self.find_edit.setText(text)  # starts the typing pause
            self._on_query_settled()
        elif not was_active:
            self._recompute(navigate=True)

    def _flush(self) -> bool:
        """Run a pending search now; True if it did (it already went to the first match)."""
        if self._timer.isActive():
            self._on_query_settled()
            return True
        return False

    def _push(self, command: ReplaceMatchCommand | ReplaceAllCommand) -> Change | None:
        self._pushing = True
        try:
            return self.session.push(command)
        except TranscriptError as exc:
            self._error = translate_message(str(exc))
            self._update_label()
            return None
        finally:
            self._pushing = False

    def _recompute(self, *, navigate: bool) -> None:
        """Search again; pick the current match at or after the reference position (the
        resume point after a replacement, the anchored segment, or the previous current)."""
        error = ""
        matches: list[Match] = []
        query = self.query()
        if self._active and not query.is_empty:
            try:
                matches = find_all(self.session.transcript, query)
            except SearchError as exc:
                error = translate_message(str(exc))
        changed = matches != self._results.matches or error != self._error
        self._error = error
        had_current = self._results.current >= 0
        index = self._results.update(matches, self.session.transcript, navigate=navigate)
        # without navigation, only "no current match any more" is told (it moves nothing)
        self._set_current(index, emit=navigate or (had_current and index < 0))
        if changed:
            self.matches_changed.emit()

    def _set_current(self, index: int, *, emit: bool) -> None:
        self._results.select(index)
        self._update_controls()
        if emit:
            self.current_match_changed.emit(self.current_match())

    def _update_controls(self) -> None:
        has_matches = bool(self._results.matches)
        for widget in (
            self.previous_button,
            self.next_button,
            self.replace_button,
            self.replace_all_button,
        ):
            widget.setEnabled(has_matches)
        self._update_label()

    def _update_label(self) -> None:
        if self._error:
            text = self._error
        elif not self._active or self.query().is_empty:
            text = ""
        elif not self._results.matches:
            text = self.tr("No results")
        elif self._results.current < 0:
            text = self.tr("%n match(es)", "", len(self._results.matches))
        else:
            text = self.tr("{current} of {total}").format(
                current=self._results.current + 1, total=len(self._results.matches)
            )
        self.count_label.setText(text)
        self.count_label.setToolTip(text if self._error else "")
        self.count_label.setWordWrap(bool(self._error))
        palette = QPalette()  # nothing set: the label follows the bar's palette
        if self._error:
            palette.setColor(QPalette.ColorRole.WindowText, self.warning_color())
        self.count_label.setPalette(palette)

    def warning_color(self) -> QColor:
        return warning_text_color(self.palette())
