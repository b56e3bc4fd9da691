"""Speakers found on this computer, through the whole pipeline: real meeting recordings
(tests/data/real) -> ffmpeg -> SpeechKit emulator over real gRPC (or Whisper) -> diarization in
a child process -> SQLite."""

from __future__ import annotations

import multiprocessing
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from yandex.cloud.ai.stt.v3 import stt_pb2

from kzdesk.core.job import STAGE_SPEAKERS, Job, JobState, Language, SpeakersMode
from kzdesk.core.transcript import Transcript
from kzdesk.services.job_run import SPEAKERS_START
from kzdesk.services.runner import QueueRunner
from kzdesk.services.speakers import profile_store, save_voice
from kzdesk.services.transcription import PipelineConfig, TranscriptionService
from kzdesk.storage.db import Database
from kzdesk.storage.job_queue import JobQueue
from kzdesk.storage.transcripts import TranscriptStore
from tests.diarization.speech import write_wav
from tests.emulator.server import utterance
from tests.media import bursts_file, read_all

REAL = Path(__file__).resolve().parents[1] / "data" / "real"


@pytest.fixture
def pipeline(tmp_path: Path, speechkit_emulator, make_speechkit_engine):
    db = Database.in_dir(tmp_path / "data")
    queue, store = JobQueue(db), TranscriptStore(db)
    service = TranscriptionService(
        queue,
        store,
        lambda job: make_speechkit_engine(),
        PipelineConfig(work_dir=tmp_path / "work", retry_base_s=0.05, max_attempts=3),
        voices=profile_store(tmp_path / "data"),
    )
    yield queue, store, service
    db.close()


def _run(queue: JobQueue, job: Job, service: TranscriptionService, listener=None) -> Job:  # type: ignore[no-untyped-def]
    [ended] = QueueRunner(service).run([job.id], listener)
    return ended


def _transcript(store: TranscriptStore, job: Job) -> tuple[int, Transcript]:
    tid = store.id_for_job(job.id)
    assert tid is not None
    return tid, store.load(tid)


def _speaker_of(transcript: Transcript, rttm: str, person: str) -> int:
    """The transcript speaker holding most of ``person``'s talk time (reference RTTM)."""
    turns = []
    for line in (REAL / rttm).read_text().splitlines():
        parts = line.split()
        if parts[7] == person:
            turns.append((float(parts[3]) * 1000, (float(parts[3]) + float(parts[4])) * 1000))
    votes: Counter[int] = Counter()
    for seg in transcript.segments:
        for a, b in turns:
            votes[seg.speaker_id] += max(0.0, min(b, seg.end_ms) - max(a, seg.start_ms))  # type: ignore[index]
    return votes.most_common(1)[0][0]


def test_a_real_meeting_with_speechkit_gets_its_three_people(
    pipeline, speechkit_emulator, tmp_path: Path
) -> None:
    queue, store, service = pipeline
    source = REAL / "trn06.flac"
    speechkit_emulator.script(None)  # a placeholder segment on every stretch of speech it hears
    job = queue.enqueue(source, speakers=SpeakersMode.COUNT, options={"speakers_count": 3})
    seen: list[Job] = []
    ended = _run(queue, job, service, seen.append)
    assert ended.state is JobState.DONE, ended.error

    request = speechkit_emulator.calls("RecognizeFile")[0].request
    assert (
        request.speaker_labeling.speaker_labeling
        != stt_pb2.SpeakerLabelingOptions.SPEAKER_LABELING_ENABLED
    )  # SpeechKit's labels would be replaced: not asked for
    tid, transcript = _transcript(store, job)
    assert len(transcript.speakers) == 3
    assert [s.name for s in transcript.speakers] == ["Speaker 1", "Speaker 2", "Speaker 3"]
    assert {seg.speaker_id for seg in transcript.segments} == {1, 2, 3}
    # FEE083 talks most of the excerpt: her time goes to one speaker
    assert _speaker_of(transcript, "trn06.rttm", "FEE083") in {1, 2, 3}
    voices = store.voices(tid)
    assert sorted(voices) == [s.id for s in transcript.speakers]
    assert all(v.suggested_name is None and len(v.vector) > 10 for v in voices.values())

    stages = [j for j in seen if j.stage == STAGE_SPEAKERS]
    assert stages and stages[0].state is JobState.RECOGNIZING
    progress = [j.progress for j in stages]
    assert progress == sorted(progress) and progress[-1] >= SPEAKERS_START
    assert max(j.progress for j in seen if j.stage != STAGE_SPEAKERS and not j.state.is_final) < (
        SPEAKERS_START + 0.001
    )


def test_a_saved_voice_names_its_speaker_in_the_next_recording(
    pipeline, speechkit_emulator, tmp_path: Path
) -> None:
    # dev00 and dev01 are two excerpts of one AMI meeting: MEE009 talks in both
    queue, store, service = pipeline
    speechkit_emulator.script(None)
    a = queue.enqueue(
        REAL / "dev00.flac", speakers=SpeakersMode.COUNT, options={"speakers_count": 2}
    )
    assert _run(queue, a, service).state is JobState.DONE
    tid, transcript = _transcript(store, a)
    first = _speaker_of(transcript, "dev00.rttm", "MEE009")
    save_voice(service.voices, store.voices(tid)[first], "Айгүл")

    speechkit_emulator.script(None)
    b = queue.enqueue(
        REAL / "dev01.flac", speakers=SpeakersMode.COUNT, options={"speakers_count": 2}
    )
    assert _run(queue, b, service).state is JobState.DONE
    tid, transcript = _transcript(store, b)
    expected = _speaker_of(transcript, "dev01.rttm", "MEE009")
    names = {s.id: s.name for s in transcript.speakers}
    assert names[expected] == "Айгүл"
    assert all(n.startswith("Speaker ") for sid, n in names.items() if sid != expected)
    voices = store.voices(tid)
    assert voices[expected].suggested_name == "Айгүл"
    assert all(v.suggested_name is None for sid, v in voices.items() if sid != expected)
    store.confirm_name(tid, expected)
    assert store.voices(tid)[expected].suggested_name is None


def test_stereo_channels_give_two_speakers_from_the_engine(
    pipeline, speechkit_emulator, tmp_path: Path
) -> None:
    queue, store, service = pipeline
    left, right = [(0.5, 1.0), (4.0, 1.0)], [(2.0, 1.0), (6.0, 1.0)]
    src = bursts_file(tmp_path / "call.wav", [], 8.0, per_channel=[left, right])
    speechkit_emulator.script(
        [
            utterance("Алло", channel="0"),
            utterance("Да, слушаю", channel="1"),
            utterance("Жиналыс ертең", channel="0"),
            utterance("Хорошо", channel="1"),
        ]
    )
    job = queue.enqueue(src, speakers=SpeakersMode.CHANNELS)
    seen: list[Job] = []
    assert _run(queue, job, service, seen.append).state is JobState.DONE
    tid, t = _transcript(store, job)
    assert [t.speaker_name(s.speaker_id) for s in t.segments] == [
        "Channel 1",
        "Channel 2",
        "Channel 1",
        "Channel 2",
    ]
    assert not any(j.stage == STAGE_SPEAKERS for j in seen)  # the engine split the channels
    assert store.voices(tid) == {}  # channels have no voice to save


def test_stereo_channels_are_found_here_when_the_engine_did_not_split_them(
    tmp_path: Path,
) -> None:
    """A stereo file recognised as one channel (here: a pretend engine that hears one mixed
    segment) gets its speakers from the channels themselves, split at the words."""
    from kzdesk.core.engine import Utterance
    from kzdesk.core.transcript import Word

    class MixedEngine:
        name = "mixed"

        def transcribe(self, piece, options, ctx):  # type: ignore[no-untyped-def]
            words = [Word(f"w{i}", int(s * 1000) + 100, int((s + 1.0) * 1000) - 100) for i, s in
                     enumerate([0.5, 2.0, 4.0, 6.0])]  # fmt: skip
            return [Utterance("0", 0, 8000, " ".join(w.text for w in words), words)]

        def cancel(self, operation_id: str) -> None:
            pass

    db = Database.in_dir(tmp_path / "data")
    queue, store = JobQueue(db), TranscriptStore(db)
    service = TranscriptionService(
        queue, store, lambda job: MixedEngine(), PipelineConfig(work_dir=tmp_path / "work")
    )
    left, right = [(0.5, 1.0), (4.0, 1.0)], [(2.0, 1.0), (6.0, 1.0)]
    src = bursts_file(tmp_path / "call.wav", [], 8.0, per_channel=[left, right])
    job = queue.enqueue(src, speakers=SpeakersMode.CHANNELS, engine="mixed")
    assert _run(queue, job, service).state is JobState.DONE
    _tid, t = _transcript(store, job)
    assert [(t.speaker_name(s.speaker_id), s.text) for s in t.segments] == [
        ("Channel 1", "w0"),
        ("Channel 2", "w1"),
        ("Channel 1", "w2"),
        ("Channel 2", "w3"),
    ]
    db.close()


def test_cancel_while_finding_speakers_ends_the_child(
    pipeline, speechkit_emulator, tmp_path: Path
) -> None:
    queue, store, service = pipeline
    # two minutes of real meetings: long enough that the child is still working when told
    parts = [read_all(REAL / f"{name}.flac") for name in ("trn06", "trn08", "dev00", "trn00")]
    source = write_wav(tmp_path / "meeting.wav", np.concatenate(parts))
    speechkit_emulator.script(None)
    job = queue.enqueue(source, speakers=SpeakersMode.COUNT, options={"speakers_count": 3})

    def listener(j: Job) -> None:
        if j.stage == STAGE_SPEAKERS and j.progress > SPEAKERS_START:
            service.cancel(j.id)  # once the child reports progress

    ended = _run(queue, job, service, listener)
    assert ended.state is JobState.CANCELLED
    assert store.id_for_job(job.id) is None
    assert multiprocessing.active_children() == []
    # Retry keeps the recognised pieces: nothing is sent again, the speakers are found
    queue.retry(job.id)
    assert _run(queue, job, service).state is JobState.DONE
    assert speechkit_emulator.count("RecognizeFile") == 1
    assert len(_transcript(store, job)[1].speakers) == 3


def test_when_finding_speakers_fails_the_engine_transcript_is_kept(
    pipeline, speechkit_emulator, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The original disappears after it was sent: the diarization cannot read it."""
    queue, store, service = pipeline
    src = bursts_file(tmp_path / "voice.wav", [(0.5, 1.0), (3.0, 1.0)], 5.0)
    speechkit_emulator.script(["Сәлем", "Привет"], polls_until_done=1)
    job = queue.enqueue(src, speakers=SpeakersMode.RANGE)

    def listener(j: Job) -> None:
        if j.state is JobState.RECOGNIZING and src.exists():
            src.unlink()  # sent already (as it is): only the diarization needs it again

    with caplog.at_level("WARNING", logger="kzdesk.services.transcription"):
        ended = _run(queue, job, service, listener)
    assert ended.state is JobState.DONE, ended.error
    _tid, t = _transcript(store, job)
    assert [s.text for s in t.segments] == ["Сәлем", "Привет"]
    assert len(t.speakers) == 1
    assert "speakers could not be found" in caplog.text


@pytest.fixture(scope="module")
def whisper_base(request: pytest.FixtureRequest) -> Path:
    """The real Whisper base weights (as tests/engines uses them), joined once per cache."""
    from tests.whisper_weights import build_whisper_base

    return build_whisper_base(request.config.cache.mkdir("whisper-base"))


@pytest.mark.slow
def test_a_real_meeting_with_whisper_gets_its_two_people(
    tmp_path: Path, whisper_base: Path
) -> None:
    from kzdesk.engines.whisper import WhisperEngine

    db = Database.in_dir(tmp_path / "data")
    queue, store = JobQueue(db), TranscriptStore(db)
    engine = WhisperEngine(whisper_base, beam_size=1, device="cpu")
    service = TranscriptionService(
        queue, store, lambda job: engine, PipelineConfig(work_dir=tmp_path / "work")
    )
    job = queue.enqueue(
        REAL / "dev00.flac",
        engine="whisper",
        language=Language.AUTO,  # an English meeting
        speakers=SpeakersMode.COUNT,
        options={"speakers_count": 2},
    )
    ended = _run(queue, job, service)
    assert ended.state is JobState.DONE, ended.error
    tid, transcript = _transcript(store, job)
    assert len(transcript.speakers) == 2
    # Whisper's words carry real times: MEE009's long turn (1.4-13.3 s) is one speaker's, and
    # words of MEE012's answer (13.2-16.9 s) go to the other one
    votes: Counter[int | None] = Counter()
    for seg in transcript.segments:
        votes[seg.speaker_id] += max(0, min(12500, seg.end_ms) - max(2000, seg.start_ms))
    main = votes.most_common(1)[0][0]
    assert all(seg.speaker_id == main for seg in transcript.segments if seg.end_ms <= 12500)
    answer = [seg for seg in transcript.segments if 13200 <= seg.start_ms < 16900]
    assert any(seg.speaker_id != main for seg in answer)
    assert sorted(store.voices(tid)) == [s.id for s in transcript.speakers]
    db.close()
