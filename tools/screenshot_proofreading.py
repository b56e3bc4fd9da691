"""Proofreading screenshots for tools/screenshot_editor.py, in a light and a dark palette.

The espeak meeting gets what real recognition gives: word confidences (a few words doubtful),
one Russian and one Kazakh misspelling, and a glossary whose terms appear lower-case or with
Russian letters. F8 goes to the first uncertain word (selected in the open segment editor), and a
second shot shows the context menu of a misspelled word with its corrections.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from pathlib import Path

SIZE = (1280, 800)
# (segment number, word index) -> confidence; every other word 0.95
DOUBTFUL = {(2, 1): 0.41, (4, 4): 0.52, (5, 6): 0.38, (8, 5): 0.63, (10, 3): 0.45}
MISSPELLED = {5: ("согласовать", "сагласовать"), 4: ("дайындайды", "дайындайдды")}
GLOSSARY = ("Департамент", "Министрлік", "Жұма", "Ерлан")


def proofreading_transcript(transcript):  # type: ignore[no-untyped-def]
    t = copy.deepcopy(transcript)
    for seg in t.segments:
        if seg.id in MISSPELLED:
            right, wrong = MISSPELLED[seg.id]
            seg.text = seg.text.replace(right, wrong)
            for w in seg.words:
                w.text = w.text.replace(right, wrong)
        for i, w in enumerate(seg.words):
            w.confidence = DOUBTFUL.get((seg.id, i), 0.95)
            w.checked = False  # as the engine gave them (words made from text count as typed)
    return t


def dark_palette():  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QColor, QPalette

    p = QPalette()
    role = QPalette.ColorRole
    for r, color in (
        (role.Window, "#2b2b2b"),
        (role.WindowText, "#e6e6e6"),
        (role.Base, "#1e1e1e"),
        (role.AlternateBase, "#262626"),
        (role.Text, "#e6e6e6"),
        (role.Button, "#353535"),
        (role.ButtonText, "#e6e6e6"),
        (role.Highlight, "#2f6db5"),
        (role.HighlightedText, "#ffffff"),
        (role.PlaceholderText, "#9a9a9a"),
        (role.ToolTipBase, "#353535"),
        (role.ToolTipText, "#e6e6e6"),
    ):
        p.setColor(r, QColor(color))
    return p


def shoot(
    app, store, inputs, transcript, out_dir: Path, suffix: str, settle: Callable
) -> list[Path]:  # type: ignore[no-untyped-def]
    """Light and dark shots of F8 on an uncertain word, and of a spelling context menu."""
    from dataclasses import replace

    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QApplication, QStyleFactory

    from kzdesk.services.transcripts import TranscriptService
    from kzdesk.ui.editor import proofread_menus
    from kzdesk.ui.editor.editor_window import EditorWindow
    from kzdesk.ui.editor.proofreading import ProofreadingOptions
    from kzdesk.ui.editor.segment_cells import PAD_X, PAD_Y
    from kzdesk.workers.spelling_worker import SpellingWorker

    t = proofreading_transcript(transcript)
    tid = store.save(t)
    worker = SpellingWorker()
    worker.start()
    deadline = time.monotonic() + 60
    while worker.state == "loading" and time.monotonic() < deadline:
        settle(0.1)
    light = app.palette()
    saved: list[Path] = []
    for name, palette in (("", light), ("_dark", dark_palette())):
        if name:
            app.setStyle(QStyleFactory.create("Fusion"))
        app.setPalette(palette)
        options = ProofreadingOptions(uncertain_below=0.7, glossary=GLOSSARY)
        window = EditorWindow(
            TranscriptService(store),
            replace(inputs, transcript_id=tid, proofreading=options, spelling=worker),
            ui_state=None,
        )
        window.resize(*SIZE)
        window.show()
        settle(1.5)
        window.view.viewport().update()
        settle(0.5)
        window.view.setCurrentIndex(window.model.index(0, 2))
        window.proofreading.next_action.trigger()
        window.player.pause()
        settle(0.6)
        path = out_dir / f"editor_proofreading{name}{suffix}.png"
        window.grab().save(str(path))
        saved.append(path)
        # the context menu of a misspelled word, with its corrections
        window.edits.commit_open_editor()
        row = window.model.row_of(5)
        rect = window.view.visualRect(window.model.index(row, 2))
        text = window.model.segment_at(row).text
        x = window.view.fontMetrics().horizontalAdvance(text[: text.index("сагласовать") + 3])
        pos = rect.topLeft() + QPoint(PAD_X + x, PAD_Y + 4)
        menu = proofread_menus.list_menu(window.proofreading, pos)
        deadline = time.monotonic() + 20
        while menu is not None and time.monotonic() < deadline:
            settle(0.2)
            if "согласовать" in [a.text() for a in menu.actions()]:
                break
        settle(0.4)
        screen = QApplication.primaryScreen().grabWindow(0)
        frame = window.frameGeometry()
        path = out_dir / f"editor_spelling_menu{name}{suffix}.png"
        screen.copy(frame).save(str(path))
        saved.append(path)
        if menu is not None:
            menu.close()
        window.close()
        settle(0.2)
    app.setPalette(light)
    return saved
