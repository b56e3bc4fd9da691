"""The organisation server engine end to end against a REAL OpenAI-compatible server
(faster-whisper-server with the Whisper base weights, on 127.0.0.1): a real Russian recording
cut into pieces, sent two at a time, merged on one timeline, speakers found on this computer,
exported; and Settings' connection test."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzdesk.core.job import JobState, Language, SpeakersMode
from kzdesk.export import render
from kzdesk.services.engines import EngineFactory
from kzdesk.services.secrets import SecretStore
from kzdesk.services.server_engine import check_server
from kzdesk.services.settings import Settings
from kzdesk.services.transcription import PipelineConfig, TranscriptionService
from kzdesk.storage.db import Database
from kzdesk.storage.job_queue import JobQueue
from kzdesk.storage.transcripts import TranscriptStore
from tests.engines.real_server import RealServer
from tests.scoring import word_error_rate
from tests.whisper_weights import concat_wav

REAL = Path(__file__).resolve().parents[1] / "data" / "real" / "festvox_ru"
SENTENCES = ("ru_0001", "ru_0110", "ru_0196")


@pytest.fixture(scope="module")
def server(whisper_base: Path, tmp_path_factory: pytest.TempPathFactory):
    log = tmp_path_factory.mktemp("real-server") / "server.log"
    running = RealServer(whisper_base, log)
    yield running
    running.stop()


@pytest.mark.slow
def test_connection_check_with_the_real_server(server: RealServer) -> None:
    report = check_server(server.url + "/v1/", None, "whisper-1")
    assert report.model == "whisper-1"
    assert report.seconds > 0
    assert report.words is False  # this server gives segment times only
    assert report.models is None  # and has no model list


@pytest.mark.slow
def test_a_real_recording_through_the_real_server(
    server: RealServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # pieces of some 12 s, two at a time (the app's pieces are minutes long)
    monkeypatch.setattr("kzdesk.engines.server_parts.MAX_PIECE_MS", 20_000)
    monkeypatch.setattr("kzdesk.engines.server_parts.MIN_PIECE_MS", 10_000)
    parts: list[Path | float] = [0.5]
    for name in SENTENCES:
        parts += [REAL / f"{name}.flac", 1.0]
    recording = concat_wav(tmp_path / "Оқу — чтение.wav", parts)
    reference = " ".join((REAL / f"{n}.txt").read_text(encoding="utf-8") for n in SENTENCES)

    db = Database.in_dir(tmp_path / "data")
    queue, store = JobQueue(db), TranscriptStore(db)
    settings = Settings(engine="server", server_url=server.url, server_concurrency=2)
    factory = EngineFactory(settings, SecretStore(tmp_path / "config"))
    service = TranscriptionService(
        queue, store, factory, PipelineConfig(work_dir=tmp_path / "work")
    )
    job = queue.enqueue(
        recording, language=Language.RU, speakers=SpeakersMode.AUTO, engine="server"
    )
    claimed = queue.claim_next()
    assert claimed is not None
    done = service.run(claimed)
    assert done.state is JobState.DONE, done.error

    pieces = queue.pieces.records(job.id)
    assert len(pieces) >= 3 and all(r.piece.audio_format == "FLAC" for r in pieces)
    transcript = store.load(store.id_for_job(job.id))
    text = " ".join(s.text for s in transcript.segments)
    assert word_error_rate(reference, text) < 0.5, text
    for expected in (
        "американской газеты",
        "молодую женщину",
        "полез в аппарат",
        "разума человека",
    ):
        assert expected in text.lower().replace("ё", "е"), text
    starts = [s.start_ms for s in transcript.segments]
    assert starts == sorted(starts) and transcript.segments[-1].end_ms <= transcript.duration_ms
    assert {s.language for s in transcript.segments} == {"ru"}
    # speakers were found on this computer, as with the other engines
    assert transcript.speakers and all(s.speaker_id for s in transcript.segments)
    assert all(sp.name.startswith("Speaker ") for sp in transcript.speakers)
    srt = render(transcript, "srt").decode("utf-8")
    assert "-->" in srt and "газеты" in srt
    assert render(transcript, "docx")[:2] == b"PK"
    db.close()
