"""Edit ▸ Phrase language ▸ Recognise again in Kazakh / Russian: the current phrase heard anew.

When offline recognition put a short phrase in the wrong language, marking the language fixes
the tag but not the words. These actions have the offline engine listen to that phrase again
in the language the user names (``services.phrase_again``, in the background); the new words
replace the phrase as ONE undoable step, speaker and bounds kept. A phrase the user changed
while it was being recognised keeps the user's text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool
from PySide6.QtGui import QAction, QKeySequence

from kzdesk.core.engine import EngineError, SpeechEngine
from kzdesk.core.errors import AudioError, Cancelled, ModelsMissing
from kzdesk.core.i18n import QT_TRANSLATE_NOOP
from kzdesk.core.job import STAGE_ENGINE_BUSY, STAGE_MODEL_DOWNLOAD
from kzdesk.core.transcript import Change, Transcript, TranscriptError
from kzdesk.services.phrase_again import NOTHING_HEARD, HeardAgain, recognise_phrase
from kzdesk.ui.editor.edit_session import EditCommand, EditSession, segment_time
from kzdesk.ui.editor.find_again import recording_for
from kzdesk.ui.editor.segment_language import language_name
from kzdesk.ui.messages import translate_message
from kzdesk.workers.background import Task, TaskControl, run_task

if TYPE_CHECKING:
    from kzdesk.ui.editor.host import EditorHost

EngineMaker = Callable[[], SpeechEngine]  # the offline engine, made when first asked for
# beside Phrase language's Ctrl+Alt+K / Ctrl+Alt+R, which only mark the language
SHORTCUTS = {"kk": "Ctrl+Alt+Shift+K", "ru": "Ctrl+Alt+Shift+R"}

UNEXPECTED = QT_TRANSLATE_NOOP(
    "Messages",
    "The phrase could not be recognised again. It is unchanged; the log file has the details.",
)


class RecogniseAgainCommand(EditCommand):
    def __init__(self, session: EditSession, heard: HeardAgain) -> None:
        super().__init__(
            session,
            QCoreApplication.translate(
                "EditCommands", "Recognise the phrase at {time} again in {language}"
            ).format(
                time=segment_time(session, heard.segment_id), language=language_name(heard.language)
            ),
        )
        self.heard = heard

    def perform(self, transcript: Transcript) -> Change:
        h = self.heard
        return transcript.recognised_again(h.segment_id, h.text, h.words, h.language)


class PhraseAgainController(QObject):
    """The two actions, one background recognition at a time, and its undo step."""

    def __init__(self, window: EditorHost, engine: EngineMaker | None) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.engine_maker = engine
        self._engine: SpeechEngine | None = None
        self.task: Task[HeardAgain] | None = None
        self._asked: tuple[int, str] | None = None  # (segment id, its text when asked)
        self.actions = tuple(self._action(code, keys) for code, keys in SHORTCUTS.items())

    def _action(self, code: str, keys: str) -> QAction:
        action = QAction(
            self.tr("Recognise again in {language}").format(language=language_name(code)),
            self.window,
        )
        action.setToolTip(
            self.tr(
                "Listen to this phrase again on this computer, in {language}, and replace its "
                "words (Undo brings them back)"
            ).format(language=language_name(code))
        )
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.window.addAction(action)
        action.setEnabled(self.engine_maker is not None)
        action.triggered.connect(lambda _=False, c=code: self.start(c))
        return action

    @property
    def running(self) -> bool:
        return self.task is not None

    def start(self, language: str) -> bool:
        if self.running or self.engine_maker is None:
            return False
        self.window.edits.commit_open_editor()
        sid = self.window.edits.current_id()
        if sid is None:
            return False
        audio = recording_for(self.session.transcript, self.window.inputs.playback.source)
        if audio is None:
            self.window.show_status(
                self.tr(
                    "The recording is not available any more, so the phrase cannot be heard "
                    "again. Put the original file back where it was."
                )
            )
            return False
        if self._engine is None:
            self._engine = self.engine_maker()
        engine, now = self._engine, self.session.transcript
        # the phrases as they are now (edits replace Segment objects, never change them): the
        # background thread reads this list while the user goes on editing
        transcript = Transcript(segments=list(now.segments), duration_ms=now.duration_ms)
        self._asked = (sid, now.segment(sid).text)
        when, name = segment_time(self.session, sid), language_name(language)

        def work(control: TaskControl) -> HeardAgain:
            return recognise_phrase(
                transcript,
                sid,
                audio,
                language,
                engine,
                progress=control.progress,
                cancelled=control.cancelled,
            )

        def progressed(fraction: float, stage: str = "") -> None:
            if stage == STAGE_ENGINE_BUSY:
                text = self.tr(
                    "The phrase at {time} waits: the offline engine is transcribing a file "
                    "of the queue. It is recognised again in {language} right after."
                )
            elif stage == STAGE_MODEL_DOWNLOAD:
                text = self.tr(
                    "Downloading the offline model to recognise the phrase at {time}… {percent}%"
                )
            else:
                text = self.tr("Recognising the phrase at {time} in {language}… {percent}%")
            self.window.show_status(
                text.format(time=when, language=name, percent=round(100 * fraction))
            )

        self.task = run_task(
            work,
            self._heard,
            self._failed,
            on_progress=progressed,
            expected=(AudioError, ModelsMissing, EngineError, Cancelled),
            pool=QThreadPool.globalInstance(),
            parent=self,
            name="recognising a phrase again",
        )
        self._enable(False)
        progressed(0.0)
        return True

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.task = None
        self._enable(True)

    def _enable(self, on: bool) -> None:
        for action in self.actions:
            action.setEnabled(on and self.engine_maker is not None)

    def _heard(self, heard: HeardAgain) -> None:
        self.task = None
        self._enable(True)
        asked, self._asked = self._asked, None
        if not heard.text:
            self.window.show_status(
                translate_message(NOTHING_HEARD).format(language=language_name(heard.language))
            )
            return
        try:
            now = self.session.transcript.segment(heard.segment_id).text
        except TranscriptError:
            now = None
        if asked is None or now != asked[1]:
            self.window.show_status(
                self.tr(
                    "The phrase was changed while it was being recognised again, so your text "
                    "is kept."
                )
            )
            return
        if self.window.edits.push(RecogniseAgainCommand(self.session, heard)):
            self.window.show_status(
                self.tr(
                    "The phrase was recognised again in {language}. Undo brings back "
                    "the words it had."
                ).format(language=language_name(heard.language))
            )

    def _failed(self, exc: Exception) -> None:
        self.task = None
        self._asked = None
        self._enable(True)
        message = getattr(exc, "message", None)
        if isinstance(exc, AudioError | ModelsMissing | EngineError) and message:
            self.window.show_status(translate_message(message))
        else:
            self.window.show_status(translate_message(UNEXPECTED))
