"""Speakers found on this computer, through the whole pipeline: espeak voices -> ffmpeg ->
SpeechKit emulator over real gRPC -> diarization in a child process -> SQLite."""

from __future__ import annotations

import multiprocessing
from collections import Counter
from pathlib import Path

import pytest
from yandex.cloud.ai.stt.v3 import stt_pb2

from kzdesk.core.job import STAGE_SPEAKERS, Job, JobState, SpeakersMode
from kzdesk.core.transcript import Transcript
from kzdesk.services.runner import QueueRunner
from kzdesk.services.speakers import profile_store, save_voice
from kzdesk.services.transcription import SPEAKERS_START, PipelineConfig, TranscriptionService
from kzdesk.storage.db import Database
from kzdesk.storage.job_queue import JobQueue
from kzdesk.storage.transcripts import TranscriptStore
from tests.diarization.speech import VOICES, Dialog, espeak_available, make_dialog, write_wav
from tests.emulator.server import utterance
from tests.media import bursts_file

THREE = [VOICES[0], VOICES[3], VOICES[6]]
needs_espeak = pytest.mark.skipif(not espeak_available(), reason="espeak-ng is not installed")


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
    [ended] = QueueRunner(service, queue).run([job.id], listener)
    return ended


def _transcript(store: TranscriptStore, job: Job) -> tuple[int, Transcript]:
    tid = store.id_for_job(job.id)
    assert tid is not None
    return tid, store.load(tid)


def _check_turns(transcript: Transcript, dialog: Dialog) -> dict[int, int]:
    """Every phrase lies in one turn and has that turn's person; every turn starts a phrase
    (within 300 ms). Returns dialog speaker -> transcript speaker id."""
    mapping: dict[int, int] = {}
    for seg in transcript.segments:
        middle = (seg.start_ms + seg.end_ms) / 2000
        turn = min(dialog.turns, key=lambda t: max(t.start_s - middle, middle - t.end_s, 0))
        assert turn.start_s - 0.3 <= seg.start_ms / 1000 and seg.end_ms / 1000 <= turn.end_s + 0.3
        assert seg.speaker_id is not None
        assert mapping.setdefault(turn.speaker, seg.speaker_id) == seg.speaker_id, seg
    for turn in dialog.turns:
        starts = [abs(s.start_ms / 1000 - turn.start_s) for s in transcript.segments]
        assert min(starts) <= 0.3, turn
    assert len(set(mapping.values())) == len(mapping)
    return mapping


def _speaker_of(transcript: Transcript, dialog: Dialog, person: int) -> int:
    """The transcript speaker that most of ``person``'s phrases went to."""
    votes: Counter[int] = Counter()
    for seg in transcript.segments:
        middle = (seg.start_ms + seg.end_ms) / 2000
        if any(t.speaker == person and t.start_s <= middle <= t.end_s for t in dialog.turns):
            votes[seg.speaker_id] += seg.end_ms - seg.start_ms  # type: ignore[index]
    return votes.most_common(1)[0][0]


@needs_espeak
def test_three_voices_with_speechkit_give_three_speakers(
    pipeline, speechkit_emulator, tmp_path: Path
) -> None:
    queue, store, service = pipeline
    dialog = make_dialog(3, 9, seed=11, voices=THREE)
    source = write_wav(tmp_path / "meeting.wav", dialog.audio)
    speechkit_emulator.script(None)  # a placeholder phrase on every stretch of speech it hears
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
    assert len(_check_turns(transcript, dialog)) == 3
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


@needs_espeak
def test_a_saved_voice_names_its_speaker_in_the_next_recording(
    pipeline, speechkit_emulator, tmp_path: Path
) -> None:
    queue, store, service = pipeline
    first = make_dialog(3, 9, seed=11, voices=THREE)
    second = make_dialog(3, 9, seed=12, voices=[THREE[1], THREE[2], THREE[0]])
    speechkit_emulator.script(None)
    a = queue.enqueue(
        write_wav(tmp_path / "a.wav", first.audio),
        speakers=SpeakersMode.COUNT,
        options={"speakers_count": 3},
    )
    assert _run(queue, a, service).state is JobState.DONE
    tid, transcript = _transcript(store, a)
    mapping = _check_turns(transcript, first)
    aigul = mapping[first.turns[0].speaker]  # the voice THREE[first.turns[0].speaker]
    save_voice(service.voices, store.voices(tid)[aigul], "Айгүл")

    speechkit_emulator.script(None)
    b = queue.enqueue(
        write_wav(tmp_path / "b.wav", second.audio),
        speakers=SpeakersMode.COUNT,
        options={"speakers_count": 3},
    )
    assert _run(queue, b, service).state is JobState.DONE
    tid, transcript = _transcript(store, b)
    # the emulator joins turns a short pause apart into one phrase and spreads its placeholder
    # words evenly, so a split there is only as good as those words: check who is who
    voice = THREE[first.turns[0].speaker]
    expected = _speaker_of(transcript, second, [THREE[1], THREE[2], THREE[0]].index(voice))
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
    phrase) gets its speakers from the channels themselves, split at the words."""
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


@needs_espeak
def test_cancel_while_finding_speakers_ends_the_child(
    pipeline, speechkit_emulator, tmp_path: Path
) -> None:
    queue, store, service = pipeline
    dialog = make_dialog(3, 9, seed=11, voices=THREE)
    source = write_wav(tmp_path / "meeting.wav", dialog.audio)
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
@needs_espeak
def test_three_voices_with_whisper_give_three_speakers(tmp_path: Path, whisper_base: Path) -> None:
    from kzdesk.engines.whisper import WhisperEngine

    db = Database.in_dir(tmp_path / "data")
    queue, store = JobQueue(db), TranscriptStore(db)
    engine = WhisperEngine(whisper_base, beam_size=1, device="cpu")
    service = TranscriptionService(
        queue, store, lambda job: engine, PipelineConfig(work_dir=tmp_path / "work")
    )
    dialog = make_dialog(3, 6, seed=11, voices=THREE)
    source = write_wav(tmp_path / "meeting.wav", dialog.audio)
    job = queue.enqueue(
        source, engine="whisper", speakers=SpeakersMode.COUNT, options={"speakers_count": 3}
    )
    ended = _run(queue, job, service)
    assert ended.state is JobState.DONE, ended.error
    tid, transcript = _transcript(store, job)
    assert len(transcript.speakers) == 3
    # Whisper's words carry real times: each person's phrases go to one speaker of their own
    people = {_speaker_of(transcript, dialog, p) for p in range(3)}
    assert len(people) == 3
    assert sorted(store.voices(tid)) == [s.id for s in transcript.speakers]
    db.close()
