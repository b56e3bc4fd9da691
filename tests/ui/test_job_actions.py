"""Per-job speakers choice: the submenu, the Speakers column and the Status stage."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from kzdesk.app import AppContext
from kzdesk.core.job import STAGE_SPEAKERS, Job, JobState, Language, SpeakersMode
from kzdesk.services.job_run import SPEAKERS_START
from kzdesk.ui.job_actions import JobActions, engine_names, language_names, speakers_names
from kzdesk.ui.models.job_columns import Column
from kzdesk.ui.models.job_table_model import JobTableModel
from kzdesk.ui.queue_view import QueueView
from kzdesk.workers.dispatcher import Dispatcher
from tests.media import bursts_file


@pytest.fixture
def actions(qtbot, tmp_path: Path):
    ctx = AppContext.open(tmp_path / "data")
    job = ctx.queue.enqueue(bursts_file(tmp_path / "a.wav", [(0.5, 1.0)], 2.0))
    window = QMainWindow()
    qtbot.addWidget(window)
    model = JobTableModel(ctx.queue.all())
    view = QueueView(model)
    window.setCentralWidget(view)
    dispatcher = Dispatcher(ctx.service, ctx.jobs)
    acts = JobActions(
        window,
        view,
        dispatcher,
        ctx.transcripts,
        ctx.settings,
        ctx.exporter,
        ask=lambda t, q: True,
        notify=lambda m: None,
    )
    view.selectRow(0)
    yield acts, ctx, job.id, model
    dispatcher.shutdown()
    ctx.close()


def _choose(acts: JobActions, mode: SpeakersMode) -> None:
    [action] = [a for a in acts.speakers_menu.actions() if a.data() == mode.value]
    action.trigger()


def test_the_speakers_menu_sets_count_range_and_modes(actions) -> None:
    acts, ctx, job_id, model = actions
    speakers = model.index(0, Column.SPEAKERS)
    assert speakers.data() == "auto"

    acts.ask_count = lambda current: 3
    _choose(acts, SpeakersMode.COUNT)
    job = ctx.queue.get(job_id)
    assert job.speakers is SpeakersMode.COUNT and job.options["speakers_count"] == 3
    assert speakers.data() == "3 people"
    count_action = next(a for a in acts.speakers_menu.actions() if a.data() == "count")
    assert count_action.isChecked() and count_action.text() == "Exactly 3 people…"

    _choose(acts, SpeakersMode.RANGE)
    job = ctx.queue.get(job_id)
    assert job.speakers_range == (2, 8) and "speakers_count" not in job.options
    assert speakers.data() == "2–8"
    assert speakers.data(Qt.ItemDataRole.ToolTipRole) == "Between 2 and 8 people"  # tooltip

    acts.ask_count = lambda current: None  # the user cancels: nothing changes
    _choose(acts, SpeakersMode.COUNT)
    assert ctx.queue.get(job_id).speakers is SpeakersMode.RANGE
    assert next(a for a in acts.speakers_menu.actions() if a.data() == "range").isChecked()

    _choose(acts, SpeakersMode.CHANNELS)
    assert speakers.data() == "channels"
    _choose(acts, SpeakersMode.OFF)
    assert speakers.data() == "off" and ctx.queue.get(job_id).options == {}


def test_the_dispatcher_hears_of_every_changed_choice(actions) -> None:
    """Language, engine and glossary changes go through the dispatcher, which tells every
    view of the job (the status bar, the details pane, another window's queue)."""
    acts, ctx, job_id, _model = actions
    heard: list[Job] = []
    acts.dispatcher.job_changed.connect(heard.append)  # emitted in this (the GUI) thread
    [russian] = [a for a in acts.language_menu.actions() if a.data() == Language.RU.value]
    russian.trigger()
    [whisper] = [a for a in acts.engine_menu.actions() if a.data() == "whisper"]
    whisper.trigger()
    acts._set_glossary(job_id, ["Ақтөбе"])  # what the glossary dialog's OK does
    assert [(j.language, j.engine, j.options.get("glossary")) for j in heard] == [
        (Language.RU, "speechkit", None),
        (Language.RU, "whisper", None),
        (Language.RU, "whisper", ["Ақтөбе"]),
    ]
    assert heard[-1] == ctx.queue.get(job_id)


def test_finding_speakers_is_its_own_stage_in_the_status(actions) -> None:
    _acts, ctx, job_id, model = actions
    job = replace(
        ctx.queue.get(job_id),
        speakers=SpeakersMode.COUNT,
        options={"speakers_count": 3},
        state=JobState.RECOGNIZING,
    )
    model.upsert(replace(job, progress=(0.15 + SPEAKERS_START) / 2))
    assert model.index(0, Column.STATUS).data().startswith("Recognizing 50%")
    model.upsert(replace(job, progress=SPEAKERS_START + 0.101, stage=STAGE_SPEAKERS))
    assert model.index(0, Column.STATUS).data().startswith("Finding speakers 50%")


def test_choice_names_are_literal_translations() -> None:
    assert list(speakers_names().values()) == [
        "Automatic",
        "Exactly N people…",
        "Between 2 and 8 people",
        "Each channel is a person",
        "Off",
    ]
    assert "Kazakh" in language_names().values()
    assert "SpeechKit (cloud)" in engine_names().values()
    source = (Path(__file__).parents[2] / "kzdesk/ui/job_actions.py").read_text(encoding="utf-8")
    assert "owner.tr(" not in source
