"""The pipeline with the organisation server engine against a local stub server: pieces cut
at pauses as FLAC, sent at once up to the setting, merged on one timeline, each stored as it
comes back — so a failure, a Cancel or a crash sends only the unfinished pieces again."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from kzdesk.core.job import Job, JobState, Language, SpeakersMode
from kzdesk.engines import server_errors
from kzdesk.services.engines import EngineFactory
from kzdesk.services.job_run import Interrupted
from kzdesk.services.secrets import SERVER, SecretStore
from kzdesk.services.settings import Settings
from kzdesk.services.transcription import PipelineConfig, TranscriptionService
from kzdesk.storage.db import Database
from kzdesk.storage.job_queue import JobQueue
from kzdesk.storage.transcripts import TranscriptStore
from tests.engines.openai_stub import Answer, Stub, verbose
from tests.media import bursts_file, periodic_speech_file

MINUTES = 4  # cut into four pieces of about a minute when four go at once


@pytest.fixture
def stub():
    server = Stub()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def recording(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("server-pipeline")
    return periodic_speech_file(folder / "meeting.wav", MINUTES * 60.0)


class Env:
    def __init__(self, tmp_path: Path, stub: Stub, concurrency: int) -> None:
        self.db = Database.in_dir(tmp_path / "data")
        self.queue, self.store = JobQueue(self.db), TranscriptStore(self.db)
        self.settings = Settings(
            engine="server", server_url=stub.url + "/v1", server_concurrency=concurrency
        )
        self.factory = EngineFactory(self.settings, SecretStore(tmp_path / "config"))
        config = PipelineConfig(work_dir=tmp_path / "work", retry_base_s=0.0)
        self.service = TranscriptionService(self.queue, self.store, self.factory, config)

    def enqueue(self, path: Path, **options: object) -> Job:
        return self.queue.enqueue(
            path, language=Language.RU, speakers=SpeakersMode.OFF, engine="server", **options
        )  # type: ignore[arg-type]

    def run(self) -> Job:
        job = self.queue.claim_next()
        assert job is not None
        return self.service.run(job)

    def start(self) -> tuple[threading.Thread, list[BaseException | Job]]:
        ended: list[BaseException | Job] = []

        def work() -> None:
            try:
                ended.append(self.run())
            except BaseException as exc:
                ended.append(exc)

        thread = threading.Thread(target=work, daemon=True)
        thread.start()
        return thread, ended


@pytest.fixture
def env(tmp_path: Path, stub: Stub):
    made: list[Env] = []

    def make(concurrency: int = 4) -> Env:
        made.append(Env(tmp_path, stub, concurrency))
        return made[-1]

    yield make
    for e in made:
        e.db.close()


@pytest.fixture
def minute_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pieces of about a minute whatever the concurrency (the recording is four minutes)."""
    monkeypatch.setattr("kzdesk.engines.server_parts.MAX_PIECE_MS", 60_000)


def numbered(stub: Stub) -> None:
    """Each piece answers with its own number (in the order the requests arrive)."""
    count = iter(range(1000))
    stub.default = lambda r: Answer(body=verbose(f"piece {next(count)}", start=0.2, end=1.2))


def wait_until(condition, timeout: float = 60) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.01)
    raise AssertionError("the condition did not come true in time")


def test_pieces_go_at_once_and_land_on_one_timeline(env, stub: Stub, recording: Path) -> None:
    e = env(concurrency=4)
    release = threading.Event()
    stub.default = lambda r: Answer(body=verbose("phrase", start=0.2, end=1.2), hold=release)
    job = e.enqueue(recording)
    thread, ended = e.start()
    wait_until(lambda: stub.in_flight == 4)  # four pieces at the server together
    release.set()
    thread.join(60)
    done = ended[0]
    assert isinstance(done, Job) and done.state is JobState.DONE, done
    pieces = e.queue.pieces.records(job.id)
    assert len(pieces) >= 4 and stub.most_in_flight == 4
    assert {r.file_type for r in stub.transcriptions()} == {"audio/flac"}
    transcript = e.store.load(e.store.id_for_job(job.id))
    starts = [s.start_ms for s in transcript.segments]
    assert starts == [r.piece.offset_ms + 200 for r in pieces]  # each at its piece's offset
    assert all(r.piece.audio_format == "FLAC" for r in pieces)
    assert pieces[-1].piece.offset_ms + pieces[-1].piece.duration_ms == pytest.approx(
        MINUTES * 60_000, abs=100
    )
    assert e.service.converted_audio(job.id)  # the FLAC pieces stay for the editor


def test_a_failed_piece_keeps_the_others_and_retry_sends_only_the_rest(
    env, stub: Stub, recording: Path, minute_pieces: None
) -> None:
    e = env(concurrency=1)
    numbered(stub)
    stub.then(Answer(body=verbose("first")), Answer(body=verbose("second")))
    stub.then(Answer(401, {"error": {"message": "bad key"}}))
    job = e.enqueue(recording)
    failed = e.run()
    assert failed.state is JobState.FAILED
    assert failed.error == server_errors.NEEDS_KEY.format(url=stub.url)
    stored = [r for r in e.queue.pieces.records(job.id) if r.result is not None]
    assert len(stored) == 2
    total = len(stub.transcriptions())

    e.queue.retry(job.id)
    done = e.run()
    assert done.state is JobState.DONE, done.error
    pieces = e.queue.pieces.records(job.id)
    assert len(stub.transcriptions()) - total == len(pieces) - 2  # only the unfinished ones
    texts = [s.text for s in e.store.load(e.store.id_for_job(job.id)).segments]
    assert texts[:2] == ["first", "second"] and len(texts) == len(pieces)


def test_cancel_stops_every_piece_and_retry_resends_only_unfinished(
    env, stub: Stub, recording: Path, minute_pieces: None
) -> None:
    e = env(concurrency=2)
    hold = threading.Event()
    stub.default = lambda r: Answer(body=verbose("late"), hold=hold)
    stub.then(Answer(body=verbose("quick")))
    job = e.enqueue(recording)
    thread, ended = e.start()
    wait_until(lambda: len(stub.transcriptions()) == 3 and stub.in_flight == 2)
    e.service.cancel(job.id)
    thread.join(30)  # the pieces still at the server are not waited for
    hold.set()
    assert isinstance(ended[0], Job) and ended[0].state is JobState.CANCELLED
    assert [r.result is not None for r in e.queue.pieces.records(job.id)].count(True) == 1

    sent_before = len(stub.transcriptions())
    numbered(stub)
    e.queue.retry(job.id)
    done = e.run()
    assert done.state is JobState.DONE, done.error
    pieces = e.queue.pieces.records(job.id)
    assert len(stub.transcriptions()) - sent_before == len(pieces) - 1
    texts = [s.text for s in e.store.load(e.store.id_for_job(job.id)).segments]
    assert texts.count("quick") == 1 and "late" not in texts


def test_a_crash_resumes_with_the_stored_pieces(
    env, stub: Stub, recording: Path, minute_pieces: None
) -> None:
    e = env(concurrency=2)
    hold = threading.Event()
    stub.default = lambda r: Answer(body=verbose("late"), hold=hold)
    stub.then(Answer(body=verbose("kept")))
    job = e.enqueue(recording)
    thread, ended = e.start()
    wait_until(lambda: len(stub.transcriptions()) == 3 and stub.in_flight == 2)
    wait_until(
        lambda: [r.result is not None for r in e.queue.pieces.records(job.id)].count(True) == 1
    )
    e.service.interrupt()  # the app closes (or dies) while pieces are at the server
    thread.join(30)
    hold.set()
    assert isinstance(ended[0], Interrupted)
    assert e.queue.get(job.id).state.is_active

    sent_before = len(stub.transcriptions())
    numbered(stub)
    e.queue.recover()  # the next start
    e.service = TranscriptionService(e.queue, e.store, e.factory, e.service.config)
    done = e.run()
    assert done.state is JobState.DONE, done.error
    pieces = e.queue.pieces.records(job.id)
    assert len(stub.transcriptions()) - sent_before == len(pieces) - 1
    texts = [s.text for s in e.store.load(e.store.id_for_job(job.id)).segments]
    assert texts.count("kept") == 1 and "late" not in texts


def test_an_unreachable_server_is_retried_then_gives_up_with_its_sentence(
    env, stub: Stub, tmp_path: Path
) -> None:
    e = env(concurrency=1)
    short = periodic_speech_file(tmp_path / "short.wav", 6.0)
    url = stub.url
    stub.stop()  # nothing listens there any more
    e.service.config.max_attempts = 2
    job = e.enqueue(short)
    first = e.run()
    assert first.state is JobState.QUEUED
    assert first.error == server_errors.UNREACHABLE.format(url=url)
    e.queue.requeue(job.id)  # its retry time has come
    last = e.run()
    assert last.state is JobState.FAILED
    assert last.error == server_errors.GAVE_UP.format(url=url)


def test_no_address_set_fails_with_the_sentence(tmp_path: Path, stub: Stub) -> None:
    e = Env(tmp_path, stub, 1)
    e.settings.server_url = ""
    job = e.enqueue(periodic_speech_file(tmp_path / "a.wav", 3.0))
    failed = e.run()
    assert failed.state is JobState.FAILED and failed.error == server_errors.NO_ADDRESS
    assert e.queue.pieces.records(job.id) == []
    e.db.close()


def test_the_server_key_comes_from_its_own_keyring_entry(
    tmp_path: Path, stub: Stub, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KZDESK_SERVER_API_KEY", raising=False)
    e = Env(tmp_path, stub, 1)
    secrets = e.factory.secrets
    secrets.set_api_key("speechkit-key", where="file")
    secrets.of(SERVER).set_api_key("server-key", where="file")
    e.enqueue(periodic_speech_file(tmp_path / "a.wav", 3.0))
    assert e.run().state is JobState.DONE
    assert stub.transcriptions()[0].headers["Authorization"] == "Bearer server-key"
    text = (tmp_path / "data" / "kzdesk.sqlite3").read_bytes()
    assert b"server-key" not in text
    e.db.close()


def test_job_retry_waits_the_servers_retry_after(env, stub: Stub, tmp_path: Path) -> None:
    e = env(concurrency=1)
    stub.then(Answer(429, {}, {"Retry-After": "900"}))
    e.enqueue(periodic_speech_file(tmp_path / "a.wav", 3.0))
    job = e.run()
    assert job.state is JobState.QUEUED and "HTTP 429" in (job.error or "")
    assert e.queue.claim_next() is None  # the queue holds it for the 900 s asked


def test_pieces_cut_anew_with_other_settings_drop_their_old_results(
    env, stub: Stub, recording: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("kzdesk.engines.server_parts.MAX_PIECE_MS", 60_000)
    e = env(concurrency=1)
    numbered(stub)
    stub.then(Answer(body=verbose("old one")), Answer(401, {"error": {"message": "key"}}))
    job = e.enqueue(recording)
    assert e.run().state is JobState.FAILED
    assert [r.result is not None for r in e.queue.pieces.records(job.id)].count(True) == 1

    monkeypatch.setattr("kzdesk.engines.server_parts.MAX_PIECE_MS", 120_000)  # larger pieces
    e.queue.retry(job.id)
    done = e.run()
    assert done.state is JobState.DONE, done.error
    pieces = e.queue.pieces.records(job.id)
    assert len(pieces) == 2
    texts = [s.text for s in e.store.load(e.store.id_for_job(job.id)).segments]
    assert "old one" not in texts and len(texts) == 2  # every new piece sent, nothing twice


def test_each_channel_is_a_person_is_told_apart_on_this_computer(
    env, stub: Stub, tmp_path: Path
) -> None:
    e = env(concurrency=2)
    call = bursts_file(
        tmp_path / "call.wav",
        [],
        5.0,
        channels=2,
        per_channel=[[(0.5, 1.2)], [(2.8, 1.2)]],
    )
    stub.then(
        Answer(
            body={
                "text": "Сәлеметсіз бе. Здравствуйте.",
                "segments": [
                    {"start": 0.5, "end": 1.7, "text": " Сәлеметсіз бе."},
                    {"start": 2.8, "end": 4.0, "text": " Здравствуйте."},
                ],
            }
        )
    )
    job = e.queue.enqueue(
        call, language=Language.KK_RU, speakers=SpeakersMode.CHANNELS, engine="server"
    )
    done = e.run()
    assert done.state is JobState.DONE, done.error
    assert stub.transcriptions()[0].file_type == "audio/flac"  # one mono piece for the server
    transcript = e.store.load(e.store.id_for_job(job.id))
    names = {sp.id: sp.name for sp in transcript.speakers}
    assert [(s.text, names[s.speaker_id]) for s in transcript.segments] == [
        ("Сәлеметсіз бе.", "Channel 1"),
        ("Здравствуйте.", "Channel 2"),
    ]
