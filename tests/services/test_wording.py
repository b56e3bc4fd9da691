"""Export words and default speaker names in the interface or export language, without Qt."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from kzdesk.app import _automatic_export
from kzdesk.core.job import JobState, SpeakersMode
from kzdesk.core.transcript import Segment, Speaker, Transcript
from kzdesk.services import wording
from kzdesk.services.exporting import ExportRequest, JobExporter
from kzdesk.services.runner import QueueRunner
from kzdesk.services.settings import Settings
from kzdesk.services.transcription import PipelineConfig, TranscriptionService
from kzdesk.storage.db import Database
from kzdesk.storage.export_records import ExportRecords
from kzdesk.storage.job_queue import JobQueue
from kzdesk.storage.transcripts import TranscriptStore
from tests.emulator.server import utterance
from tests.media import bursts_file


def _transcript(*names: str) -> Transcript:
    speakers = [Speaker(n + 1, str(n), name, "#0072B2") for n, name in enumerate(names)]
    segments = [Segment(n + 1, n + 1, n * 1000, n * 1000 + 800, "Сәлем") for n in range(len(names))]
    return Transcript(speakers=speakers, segments=segments, source_path="/r/a.wav")


def test_labels_and_names_in_each_language() -> None:
    assert wording.labels("kk").speakers == "Сөйлеушілер"
    assert wording.labels("ru").source == "Исходный файл"
    assert wording.labels("en").date == "Date"


def test_default_names_are_said_again_in_another_language_and_typed_names_stay() -> None:
    t = _transcript("Speaker 1", "Әсел Нұрланқызы", "Channel 2")
    kk = wording.say_default_names(t, "kk")
    assert [s.name for s in kk.speakers] == ["Сөйлеуші 1", "Әсел Нұрланқызы", "Арна 2"]
    ru = wording.say_default_names(kk, "ru")
    assert [s.name for s in ru.speakers] == ["Спикер 1", "Әсел Нұрланқызы", "Канал 2"]
    assert [s.name for s in t.speakers] == ["Speaker 1", "Әсел Нұрланқызы", "Channel 2"]
    same = wording.say_default_names(t, "en")
    assert same is t  # nothing to change: the same object


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANGUAGE": "kk_KZ:ru"}, "kk"),
        ({"LANGUAGE": "fr", "LC_ALL": "ru_RU.UTF-8"}, "ru"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "Kazakh_Kazakhstan.1251"}, "kk"),  # as Windows names it
    ],
)
def test_the_system_language_from_the_environment(env: dict[str, str], expected: str) -> None:
    assert wording.system_language(env) == expected
    assert wording.resolve("", env) == expected
    assert wording.resolve("ru", env) == "ru"  # a setting wins


def test_the_export_language_follows_the_interface_unless_set() -> None:
    settings = Settings(interface_language="kk")
    languages = wording.Languages.of(settings)
    assert (languages.interface, languages.export) == ("kk", "kk")
    settings.export_language = "ru"  # the window changes settings in place
    assert languages.export == "ru"


def test_automatic_export_uses_the_subtitle_rules_and_the_export_language(
    tmp_path: Path,
) -> None:
    settings = Settings(
        auto_export=["docx", "srt"], export_language="kk", subtitle_lines=1, subtitle_gap_ms=200
    )
    request = _automatic_export(settings, wording.Languages.of(settings))
    assert request.language == "kk"
    options = request.options()
    assert (options.max_lines, options.min_gap_ms) == (1, 200)
    assert options.labels.speakers == "Сөйлеушілер"
    assert ExportRequest.from_json(request.to_json()) == request  # stored with a CLI job

    db = Database.in_dir(tmp_path / "data")
    queue, store = JobQueue(db), TranscriptStore(db)
    source = tmp_path / "rec" / "Жиналыс.wav"
    source.parent.mkdir()
    source.write_bytes(b"RIFF")
    job = queue.enqueue(source)
    t = _transcript("Speaker 1", "Speaker 2")
    t.source_path, t.duration_ms = str(source), 3000
    store.save(t, job_id=job.id)
    for state in (JobState.CONVERTING, JobState.UPLOADING, JobState.RECOGNIZING, JobState.DONE):
        job = queue.move(job.id, state)
    try:
        JobExporter(store, ExportRecords(db), lambda: request).export_owed(job)
        doc = Document(str(source.with_suffix(".docx")))
        text = "\n".join(p.text for p in doc.paragraphs)
        assert "Сөйлеушілер: Сөйлеуші 1, Сөйлеуші 2" in text
        srt = source.with_suffix(".srt").read_text(encoding="utf-8")
        assert all(len(block.splitlines()) == 3 for block in srt.strip().split("\n\n"))
    finally:
        db.close()


def test_a_new_transcript_names_its_speakers_in_the_interface_language(
    tmp_path: Path, speechkit_emulator, make_speechkit_engine
) -> None:
    db = Database.in_dir(tmp_path / "data")
    queue, store = JobQueue(db), TranscriptStore(db)
    service = TranscriptionService(
        queue,
        store,
        lambda job: make_speechkit_engine(),
        PipelineConfig(work_dir=tmp_path / "work"),
        names_language=lambda: "kk",
    )
    call = bursts_file(tmp_path / "call.wav", [], 5.0, per_channel=[[(0.5, 1.0)], [(2.5, 1.0)]])
    speechkit_emulator.script(
        [utterance("Алло", channel="0"), utterance("Да, слушаю", channel="1")]
    )
    try:
        job = queue.enqueue(call, speakers=SpeakersMode.CHANNELS)
        [ended] = QueueRunner(service).run([job.id])
        assert ended.state is JobState.DONE, ended.error
        names = [s.name for s in store.load(store.id_for_job(job.id)).speakers]
        assert names == ["Арна 1", "Арна 2"]
    finally:
        db.close()
