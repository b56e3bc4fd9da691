"""The whole pipeline over real gRPC: file -> ffmpeg -> SDK -> emulator -> SQLite -> export."""

from __future__ import annotations

from pathlib import Path

import grpc
import pysubs2
import pytest

from kzdesk import export
from kzdesk.core.job import JobState, Language, SpeakersMode
from kzdesk.services.exporting import ExportRequest, JobExporter
from kzdesk.services.runner import QueueRunner
from kzdesk.services.transcription import PipelineConfig, TranscriptionService
from kzdesk.storage.db import Database
from kzdesk.storage.export_records import ExportRecords
from kzdesk.storage.job_queue import JobQueue
from kzdesk.storage.transcripts import TranscriptStore
from tests.emulator.server import utterance
from tests.media import bursts_file

BURSTS = [(1.0, 1.6), (4.0, 1.2), (11.5, 2.0), (16.0, 1.5), (23.0, 2.0)]


@pytest.fixture
def pipeline(tmp_path: Path, speechkit_emulator, make_speechkit_engine):
    db = Database.in_dir(tmp_path / "data")
    queue, store = JobQueue(db), TranscriptStore(db)
    service = TranscriptionService(
        queue,
        store,
        lambda job: make_speechkit_engine(),
        PipelineConfig(work_dir=tmp_path / "work", retry_base_s=0.05, max_attempts=3),
    )
    yield queue, store, service
    db.close()


def test_timestamps_match_real_speech_after_split(pipeline, speechkit_emulator, tmp_path: Path):
    queue, store, service = pipeline
    source = bursts_file(tmp_path / "Жиналыс ұзақ 'ә'.m4a", BURSTS, 28.0, channels=2, rate=44100)
    service.config.max_piece_ms = 10_000  # forces pieces on a short file
    speechkit_emulator.script(None)  # one segment on each speech region it hears
    job = queue.enqueue(source, language=Language.KK_RU)
    [ended] = QueueRunner(service).run([job.id])
    assert ended.state is JobState.DONE, ended.error
    assert speechkit_emulator.count("RecognizeFile") >= 3  # really split
    for call in speechkit_emulator.calls("RecognizeFile"):
        assert call.audio_channels == 1  # stereo source sent as mono
        langs = list(call.request.recognition_model.language_restriction.language_code)
        assert langs == ["kk-KZ", "ru-RU"]
    transcript = store.load(store.id_for_job(job.id))
    srt = pysubs2.SSAFile.from_string(export.render(transcript, "srt").decode("utf-8"))
    starts = sorted({e.start for e in srt.events} & {e.start for e in srt.events})
    firsts = [s.start_ms for s in transcript.segments]
    assert len(firsts) == len(BURSTS)
    for (start_s, _), seg_start, cue in zip(BURSTS, firsts, starts, strict=True):
        assert abs(seg_start - start_s * 1000) <= 150
        assert abs(cue - start_s * 1000) <= 150


def test_channels_mode_merges_channels_by_time(pipeline, speechkit_emulator, tmp_path: Path):
    queue, store, service = pipeline
    # each person has a channel: left speaks at 0.5 s and 4 s, right at 2 s
    src = bursts_file(
        tmp_path / "call.wav", [], 6.0, per_channel=[[(0.5, 1.0), (4.0, 1.0)], [(2.0, 1.0)]]
    )
    speechkit_emulator.script(
        [
            utterance("Алло, сәлеметсіз бе", channel="0"),
            utterance("Да, слушаю вас", channel="1"),
            utterance("Жиналыс ертең", channel="0"),
        ]
    )
    job = queue.enqueue(src, speakers=SpeakersMode.CHANNELS)
    [ended] = QueueRunner(service).run([job.id])
    assert ended.state is JobState.DONE, ended.error
    t = store.load(store.id_for_job(job.id))
    assert [t.speaker_name(s.speaker_id) for s in t.segments] == [
        "Channel 1",
        "Channel 2",
        "Channel 1",
    ]
    assert [s.text for s in t.segments] == [
        "Алло, сәлеметсіз бе",
        "Да, слушаю вас",
        "Жиналыс ертең",
    ]
    assert speechkit_emulator.calls("RecognizeFile")[0].audio_channels == 2


def test_mp3_is_sent_as_it_is(pipeline, speechkit_emulator, tmp_path: Path):
    queue, store, service = pipeline
    src = bursts_file(tmp_path / "voice.mp3", [(0.5, 1.0)], 3.0)
    job = queue.enqueue(src)
    [ended] = QueueRunner(service).run([job.id])
    assert ended.state is JobState.DONE, ended.error
    sent = speechkit_emulator.calls("RecognizeFile")[0].request
    assert sent.content == src.read_bytes()
    assert not (tmp_path / "work" / str(job.id)).exists()


def test_dropped_connection_while_polling_does_not_resubmit(pipeline, speechkit_emulator, tmp_path):
    queue, store, service = pipeline
    src = bursts_file(tmp_path / "a.ogg", [(0.5, 1.0)], 3.0, extra=["-c:a", "libopus"])
    speechkit_emulator.script(None, polls_until_done=2)
    speechkit_emulator.fault("Get", grpc.StatusCode.UNAVAILABLE, times=8)
    job = queue.enqueue(src)
    [ended] = QueueRunner(service).run([job.id])
    assert ended.state is JobState.DONE, ended.error
    assert speechkit_emulator.count("RecognizeFile") == 1


def test_wrong_key_fails_with_a_sentence_and_other_jobs_continue(
    pipeline, speechkit_emulator, make_speechkit_engine, tmp_path
):
    queue, store, service = pipeline
    src = bursts_file(tmp_path / "a.wav", [(0.5, 1.0)], 3.0)
    good = queue.enqueue(src)
    bad = queue.enqueue(src)
    service.engine_for = lambda job: make_speechkit_engine(
        api_key="wrong" if job.id == bad.id else speechkit_emulator.api_key
    )
    ended = QueueRunner(service, workers=2).run([good.id, bad.id])
    assert ended[0].state is JobState.DONE
    assert ended[1].state is JobState.FAILED
    assert "key" in ended[1].error.lower()
    assert speechkit_emulator.api_key not in ended[1].error


def test_export_after_rename_uses_new_name(pipeline, speechkit_emulator, tmp_path):
    queue, store, service = pipeline
    src = bursts_file(tmp_path / "a.wav", [(0.5, 1.0), (2.5, 1.0)], 4.0)
    job = queue.enqueue(src)
    [ended] = QueueRunner(service).run([job.id])
    tid = store.id_for_job(job.id)
    t = store.load(tid)
    store.apply(tid, t.rename_speaker(t.speakers[0].id, "Айгүл"))
    exporter = JobExporter(store, ExportRecords(store.db), ExportRequest)
    paths = exporter.export(
        ended, export.FORMATS, tmp_path / "out", export.ExportOptions(speaker_prefix=True)
    ).paths
    assert sorted(p.suffix for p in paths) == sorted(f".{f}" for f in export.FORMATS)
    for p in paths:
        if p.suffix in {".srt", ".vtt", ".txt", ".json"}:
            text = p.read_text(encoding="utf-8")
            assert "Айгүл" in text and "Speaker 1" not in text, p
