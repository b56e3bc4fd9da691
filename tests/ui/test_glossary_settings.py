"""The glossary and the proofreading settings: Settings → Proofreading, a job's own glossary
(its menu), and what the editor opener makes of them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow

from kzdesk.app import AppContext
from kzdesk.services import settings as settings_service
from kzdesk.services.settings import Settings
from kzdesk.storage.job_glossary import set_job_glossary
from kzdesk.ui.dialogs.glossary_dialog import GlossaryDialog
from kzdesk.ui.dialogs.proofreading_settings_page import ProofreadingSettingsPage
from kzdesk.ui.editor.opener import EditorOpener
from kzdesk.ui.job_actions import JobActions
from kzdesk.ui.models.job_table_model import JobTableModel
from kzdesk.ui.queue_view import QueueView
from kzdesk.workers.dispatcher import Dispatcher
from tests.media import bursts_file


def test_proofreading_page_loads_and_applies(qtbot) -> None:
    page = ProofreadingSettingsPage()
    qtbot.addWidget(page)
    settings = Settings(
        uncertain_below=0.35, play_before_s=1.5, resume_rewind_s=3.0, glossary=["Тоқаев"]
    )
    page.load(settings)
    assert page.threshold_spin.value() == 35
    assert page.glossary_edit.toPlainText() == "Тоқаев"
    page.threshold_spin.setValue(60)
    page.rewind_spin.setValue(0.0)  # no rewind
    page.spelling_check.setChecked(False)
    page.glossary_edit.setPlainText("Тоқаев\nТокаев\n\n Астана   Хаб \nТоқаев")
    new = page.apply(settings)
    assert new.uncertain_below == pytest.approx(0.6)
    assert (new.play_before_s, new.resume_rewind_s, new.spelling) == (1.5, 0.0, False)
    assert new.glossary == ["Тоқаев", "Токаев", "Астана Хаб"]
    assert not new.validate()


def test_proofreading_settings_are_validated_and_saved(tmp_path: Path) -> None:
    assert Settings(uncertain_below=1.5).validate()
    assert Settings(play_before_s=-1).validate()
    settings = Settings(glossary=["Нұрсұлтан", "Самұрық-Қазына"], uncertain_below=0.4)
    settings_service.save(tmp_path, settings)
    loaded = settings_service.load(tmp_path)
    assert loaded.glossary == ["Нұрсұлтан", "Самұрық-Қазына"] and loaded.uncertain_below == 0.4


@pytest.fixture
def app_ctx(tmp_path: Path):
    ctx = AppContext.open(tmp_path / "data")
    yield ctx
    ctx.close()


def test_a_jobs_glossary_changes_in_any_state(app_ctx: AppContext, tmp_path: Path) -> None:
    job = app_ctx.queue.enqueue(bursts_file(tmp_path / "a.wav", [(0.5, 1.0)], 2.0))
    set_job_glossary(app_ctx.db, job.id, ["Тоқаев", "Токаев"])
    assert app_ctx.queue.get(job.id).options["glossary"] == ["Тоқаев", "Токаев"]
    set_job_glossary(app_ctx.db, job.id, [])
    assert "glossary" not in app_ctx.queue.get(job.id).options


def test_the_job_menu_edits_the_jobs_glossary(qtbot, app_ctx: AppContext, tmp_path: Path) -> None:
    job = app_ctx.queue.enqueue(bursts_file(tmp_path / "a.wav", [(0.5, 1.0)], 2.0))
    window = QMainWindow()
    qtbot.addWidget(window)
    model = JobTableModel(app_ctx.queue.all())
    view = QueueView(model)
    window.setCentralWidget(view)
    dispatcher = Dispatcher(app_ctx.service, app_ctx.jobs)
    acts = JobActions(
        window,
        view,
        dispatcher,
        app_ctx.transcripts,
        app_ctx.settings,
        app_ctx.exporter,
        ask=lambda t, q: True,
        notify=lambda m: None,
    )
    view.selectRow(0)
    try:
        assert acts.glossary.isEnabled() and acts.glossary.shortcut().toString() == "Ctrl+G"
        dialog = acts.on_glossary()
        assert isinstance(dialog, GlossaryDialog) and dialog.terms() == []
        dialog.edit.setPlainText("Ақтөбе\nАктобе")
        dialog.accept()
        assert app_ctx.queue.get(job.id).options["glossary"] == ["Ақтөбе", "Актобе"]
        again = acts.on_glossary()  # the row's job was refreshed: the dialog shows the terms
        assert again.terms() == ["Ақтөбе", "Актобе"]
        again.reject()
    finally:
        dispatcher.shutdown()


def test_the_editor_gets_the_users_and_the_jobs_glossary(qtbot, app_ctx, tmp_path) -> None:
    app_ctx.settings.glossary = ["Тоқаев"]
    app_ctx.settings.uncertain_below = 0.3
    job = app_ctx.queue.enqueue(
        bursts_file(tmp_path / "a.wav", [(0.5, 1.0)], 2.0), options={"glossary": ["Ақтөбе"]}
    )
    opener = EditorOpener(app_ctx)
    inputs = opener.inputs_for(app_ctx.queue.get(job.id), 1)
    options = inputs.proofreading
    assert options.glossary == ("Тоқаев", "Ақтөбе") and options.uncertain_below == 0.3
    assert inputs.spelling is opener.spelling is not None  # one worker for every window
    options.add_to_glossary("Өскемен")
    assert settings_service.load(app_ctx.data_dir).glossary == ["Тоқаев", "Өскемен"]
    app_ctx.settings.spelling = False
    assert opener.inputs_for(app_ctx.queue.get(job.id), 1).spelling is None
