"""Opens finished jobs in editor windows: one window per transcript, several at once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QThreadPool

from kzdesk.app import AppContext
from kzdesk.core.job import Job
from kzdesk.services.playback_source import choose_source, pair_pieces
from kzdesk.ui.editor.editor_window import EditorInputs, EditorWindow


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

    def inputs_for(self, job: Job, transcript_id: int) -> EditorInputs:
        records = self.ctx.queue.pieces(job.id)
        converted = self.ctx.service.converted_audio(job.id)
        offsets = [r.piece.offset_ms for r in records] if len(converted) > 1 else []
        durations = [r.piece.duration_ms for r in records] if len(converted) > 1 else []
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
        )

    def open(self, job: Job, transcript_id: int) -> EditorWindow:
        window = self.windows.get(transcript_id)
        if window is None:
            window = EditorWindow(
                self.ctx.store,
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
