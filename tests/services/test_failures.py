"""Which failures a retry cannot fix: the sentences probe gives for files that are not usable
recordings, against the sentences of failures that may go well the next time."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from kzdesk.audio import AudioError, probe
from kzdesk.engines.speechkit_errors import unreachable_error
from kzdesk.services.failures import is_bad_file, retry_can_help
from kzdesk.services.job_run import UNEXPECTED
from tests.audio.conftest import run_ffmpeg_cli


def _error(path: Path) -> str:
    with pytest.raises(AudioError) as caught:
        probe(path)
    return caught.value.message


def _bad_files(folder: Path) -> dict[str, Path]:
    noise = folder / "noise.mp3"
    noise.write_bytes(random.Random(1).randbytes(100_000))
    text = folder / "notes.wav"
    text.write_text("not a recording", encoding="utf-8")
    empty = folder / "empty.m4a"
    empty.write_bytes(b"")
    silent = folder / "silent.mp4"
    run_ffmpeg_cli(["-f", "lavfi", "-i", "testsrc=d=1:s=64x48", "-c:v", "mpeg4", str(silent)])
    whole = folder / "whole.m4a"
    run_ffmpeg_cli(["-f", "lavfi", "-i", "sine=d=2", "-c:a", "aac", str(whole)])
    cut = folder / "cut.m4a"
    cut.write_bytes(whole.read_bytes()[:2000])
    return {"noise": noise, "text": text, "empty": empty, "silent": silent, "cut": cut}


def test_bad_files_are_not_retried(tmp_path: Path) -> None:
    for kind, path in _bad_files(tmp_path).items():
        sentence = _error(path)
        assert is_bad_file(sentence), kind
        assert not retry_can_help(sentence), kind


def test_other_failures_may_go_well_next_time(tmp_path: Path) -> None:
    missing = _error(tmp_path / "moved away.mp3")
    for sentence in (missing, unreachable_error().message, UNEXPECTED, None, ""):
        assert retry_can_help(sentence), sentence
        assert not is_bad_file(sentence)


def test_each_failed_job_is_logged_for_support(
    tmp_path: Path, caplog, speechkit_emulator, make_speechkit_engine
) -> None:
    """File, engine, SpeechKit's operation id and the sentence the user saw, in one line."""
    from kzdesk.core.job import JobState
    from kzdesk.services.runner import QueueRunner
    from kzdesk.services.transcription import PipelineConfig, TranscriptionService
    from kzdesk.storage.db import Database
    from kzdesk.storage.job_queue import JobQueue
    from kzdesk.storage.transcripts import TranscriptStore
    from tests.media import bursts_file

    db = Database.in_dir(tmp_path / "data")
    queue = JobQueue(db)
    service = TranscriptionService(
        queue,
        TranscriptStore(db),
        lambda job: make_speechkit_engine(),
        PipelineConfig(work_dir=tmp_path / "work", max_attempts=1),
    )
    caplog.set_level("WARNING", logger="kzdesk.services.job_run")
    try:
        noise = _bad_files(tmp_path)["noise"]
        speechkit_emulator.script(None, operation_error=(3, "audio is not valid"))
        good = bursts_file(tmp_path / "refused.wav", [(0.5, 1.0)], 2.0)
        ids = [queue.enqueue(noise).id, queue.enqueue(good).id]
        ended = QueueRunner(service).run(ids)
        assert [j.state for j in ended] == [JobState.FAILED, JobState.FAILED]
        [operation] = speechkit_emulator.operation_ids()
        lines = [r.getMessage() for r in caplog.records if " failed: file " in r.getMessage()]
        assert len(lines) == 2
        bad_line = next(line for line in lines if "noise.mp3" in line)
        assert "engine speechkit, operation none" in bad_line
        assert ended[0].error in bad_line
        refused = next(line for line in lines if "refused.wav" in line)
        assert f"operation {operation}" in refused and ended[1].error in refused
    finally:
        db.close()
