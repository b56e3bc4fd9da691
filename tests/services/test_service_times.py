"""Measured service times: the fit, the file, and what the pipeline records (emulator)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kzdesk.core.job import Job, JobState
from kzdesk.services import service_times
from kzdesk.services.runner import QueueRunner
from kzdesk.services.service_times import Rate, Sample, ServiceTimes, fit
from kzdesk.services.transcription import PipelineConfig, TranscriptionService
from kzdesk.storage.db import Database
from kzdesk.storage.job_queue import JobQueue
from kzdesk.storage.transcripts import TranscriptStore
from tests.media import bursts_file


def test_fit_finds_the_fixed_part_and_the_rate() -> None:
    # 6 s to get going, then 9 s per audio minute; one slow day does not move the fit
    samples = [Sample(m * 60, 6 + 9 * m) for m in (1, 2, 5, 10, 30)] + [Sample(120, 400)]
    rate = fit(samples)
    assert rate is not None
    assert rate.fixed_s == pytest.approx(6, abs=0.5)
    assert rate.per_audio_s * 60 == pytest.approx(9, abs=0.2)
    assert rate.seconds(20 * 60_000) == pytest.approx(186, abs=5)


def test_fit_with_one_length_keeps_the_typical_rate() -> None:
    default = Rate(5.0, 10 / 60)
    rate = fit([Sample(60, 20), Sample(61, 22)], default)
    assert rate is not None and rate.per_audio_s == default.per_audio_s
    assert rate.seconds(60_000) == pytest.approx(21, abs=0.6)
    assert fit([], default) is default
    assert fit([], None) is None
    assert fit([Sample(100, 50)], None) == Rate(0.0, 0.5)  # nothing typical: proportional


def test_no_estimate_without_a_length_or_a_rate() -> None:
    times = ServiceTimes(None)
    assert times.estimate_s("speechkit:general", None) is None
    assert times.estimate_s("speechkit:deferred-general", 60_000) is None  # no honest guess
    assert times.estimate_s("whisper:base", 60_000) is None  # not measured here yet
    assert times.estimate_s("speechkit:general", 60_000) == pytest.approx(15)


def test_samples_survive_a_restart_and_a_broken_file(tmp_path: Path) -> None:
    times = ServiceTimes.in_dir(tmp_path)
    for n in range(service_times.MAX_SAMPLES + 5):
        times.record("convert", 60_000, 1.0 + n)
    again = ServiceTimes.in_dir(tmp_path)
    kept = again.samples("convert")
    assert len(kept) == service_times.MAX_SAMPLES
    assert kept[-1] == Sample(60.0, float(service_times.MAX_SAMPLES + 5))  # the newest stay
    (tmp_path / service_times.FILE_NAME).write_text("{not json", encoding="utf-8")
    assert ServiceTimes.in_dir(tmp_path).samples("convert") == []
    assert not list(tmp_path.glob(".times-*"))  # no temporary files left behind


def test_a_speechkit_job_is_measured_and_the_next_wait_is_estimated(
    tmp_path: Path, speechkit_emulator, make_speechkit_engine
) -> None:
    db = Database.in_dir(tmp_path / "data")
    queue, store = JobQueue(db), TranscriptStore(db)
    times = ServiceTimes.in_dir(tmp_path / "data")
    service = TranscriptionService(
        queue,
        store,
        lambda job: make_speechkit_engine(),
        PipelineConfig(work_dir=tmp_path / "work"),
        times=times,
    )
    source = bursts_file(tmp_path / "a.wav", [(0.5, 1.0)], 3.0)
    try:
        speechkit_emulator.script(None, polls_until_done=2)
        [first] = QueueRunner(service).run([queue.enqueue(source).id])
        assert first.state is JobState.DONE, first.error
        [wait] = times.samples("speechkit:general")
        assert wait.audio_s == pytest.approx(3.0, abs=0.1)
        assert times.samples("convert")
        data = json.loads((tmp_path / "data" / service_times.FILE_NAME).read_text())
        assert set(data["samples"]) == {"convert", "speechkit:general"}

        seen: list[Job] = []
        speechkit_emulator.script(None, polls_until_done=3)
        job = queue.enqueue(source)
        [second] = QueueRunner(service).run([job.id], listener=seen.append)
        assert second.state is JobState.DONE, second.error
        waiting = [j for j in seen if j.waiting_since is not None]
        assert waiting and all(j.state is JobState.RECOGNIZING for j in waiting)
        usual = times.rate("speechkit:general")
        assert usual is not None
        assert waiting[0].expected_wait_s == pytest.approx(usual.seconds(3000), rel=0.5)
        assert seen[-1].waiting_since is None  # done: no wait any more
    finally:
        db.close()


def test_each_engine_is_measured_under_its_model() -> None:
    def kind(engine: str, **options: object) -> str:
        return service_times.recognition_kind(
            Job(id=1, source_path="a", engine=engine, options=dict(options)), "general"
        )

    assert kind("speechkit") == "speechkit:general"  # SpeechKit: always per model
    assert kind("speechkit", model="deferred-general") == "speechkit:deferred-general"
    assert kind("whisper") == "whisper"
    assert kind("whisper", whisper_model="small") == "whisper:small"
    assert kind("server", server_model="kazakh-ft") == "server:kazakh-ft"
