"""Opens finished jobs in editor windows: one window per transcript, several at once."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QThreadPool

from kzdesk.app import AppContext
from kzdesk.core.engine import SpeechEngine
from kzdesk.core.glossary import merge_terms
from kzdesk.core.job import Job
from kzdesk.services import phrase_again
from kzdesk.services import settings as settings_module
from kzdesk.services.playback_source import choose_source, pair_pieces
from kzdesk.ui.editor.editor_window import EditorInputs, EditorWindow
from kzdesk.ui.editor.proofreading import ProofreadingOptions
from kzdesk.workers.spelling_worker import SpellingWorker

log = logging.getLogger(__name__)


class EditorOpener(QObject):
    def __init__(
        self, ctx: AppContext, ui_state: QSettings | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui_state = ui_state
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # waveforms, one at a time, off the window's thread
        self.windows: dict[int, EditorWindow] = {}  # transcript id -> its open window
        self.spelling: SpellingWorker | None = None  # one for all windows, made when needed

    def inputs_for(self, job: Job, transcript_id: int) -> EditorInputs:
        spans = self.ctx.jobs.piece_spans(job.id)
        converted = self.ctx.service.converted_audio(job.id)
        offsets = [offset for offset, _ in spans] if len(converted) > 1 else []
        durations = [duration for _, duration in spans] if len(converted) > 1 else []
        choice = choose_source(
            job.source_path, pair_pieces(converted, offsets, durations), job.duration_ms or 0
        )
        source_dir = Path(job.source_path).parent
        return EditorInputs(
            transcript_id=transcript_id,
            title=Path(job.source_path).stem,
            playback=choice,
            waveform_cache=self.ctx.data_dir / "cache" / "waveforms",
            export_folder=source_dir if source_dir.is_dir() else Path.home(),
            export_language=self.ctx.languages.export,
            subtitle_rules=self.ctx.settings.subtitle_rules(),
            proofreading=self._proofreading(job),
            spelling=self._spelling(),
            phrase_engine=self._phrase_engine,
        )

    def _phrase_engine(self) -> SpeechEngine:
        s = self.ctx.settings
        return phrase_again.offline_engine(s.whisper_model, s.whisper_device)

    def _proofreading(self, job: Job) -> ProofreadingOptions:
        s = self.ctx.settings
        return ProofreadingOptions(
            uncertain_below=s.uncertain_below,
            play_before_ms=round(s.play_before_s * 1000),
            resume_rewind_ms=round(s.resume_rewind_s * 1000),
            spelling=s.spelling,
            glossary=tuple(merge_terms(s.glossary, job.options.get("glossary") or ())),
            add_to_glossary=self.add_to_glossary,
        )

    def _spelling(self) -> SpellingWorker | None:
        if not self.ctx.settings.spelling:
            return None
        if self.spelling is None:
            self.spelling = SpellingWorker(parent=self)
        return self.spelling

    def add_to_glossary(self, term: str) -> None:
        """Keep ``term`` in the user's glossary (Settings), saved at once."""
        settings = self.ctx.settings
        if term in settings.glossary:
            return
        settings.glossary = [*settings.glossary, term]  # in place: the pipeline reads it
        try:
            settings_module.save(self.ctx.data_dir, settings)
        except OSError:
            log.warning("could not save the glossary", exc_info=True)

    def open(self, job: Job, transcript_id: int) -> EditorWindow:
        window = self.windows.get(transcript_id)
        if window is None:
            window = EditorWindow(
                self.ctx.transcripts,
                self.inputs_for(job, transcript_id),
                ui_state=self.ui_state,
                pool=self.pool,
            )
            self.windows[transcript_id] = window
            window.closed.connect(self._on_closed)
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def _on_closed(self, transcript_id: int) -> None:
        self.windows.pop(transcript_id, None)

    def close_all(self) -> None:
        for window in list(self.windows.values()):
            window.close()
