"""Offline jobs on real speech and the real Whisper base weights: the original recording is what
Whisper hears (no upload copy), the stages say what happens, the language is chosen segment by
segment, and the transcript's language is the set heard."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import ctranslate2
import pytest
from faster_whisper import WhisperModel, decode_audio

from kzdesk.audio.pcm import original_piece
from kzdesk.core.engine import RecognitionOptions
from kzdesk.core.job import (
    STAGE_LOCAL,
    STAGE_MODEL_DOWNLOAD,
    Job,
    JobState,
    Language,
    SpeakersMode,
)
from kzdesk.engines.whisper import WhisperEngine, WhisperProcess
from kzdesk.engines.whisper_messages import WhisperRequest
from kzdesk.engines.whisper_worker import RANDOM_SEED, decode_options, physical_cores
from kzdesk.export import render
from kzdesk.services.transcription import PipelineConfig, TranscriptionService
from kzdesk.storage.db import Database
from kzdesk.storage.job_queue import JobQueue
from kzdesk.storage.transcripts import TranscriptStore
from tests.engines.test_whisper import Ctx
from tests.realspeech import real
from tests.whisper_weights import concat_wav

pytestmark = pytest.mark.slow


class SpyEngine(WhisperEngine):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.requests: list[WhisperRequest] = []

    def _run(self, request, ctx):  # type: ignore[no-untyped-def]
        self.requests.append(request)
        return super()._run(request, ctx)


@pytest.fixture(scope="module")
def warm(whisper_base: Path):  # type: ignore[no-untyped-def]
    """One child for the whole module, as a batch of jobs would have."""
    process = WhisperProcess(keep_warm=True)
    yield process
    process.release(wait=True)


@pytest.fixture
def env(tmp_path: Path, whisper_base: Path, warm: WhisperProcess):  # type: ignore[no-untyped-def]
    db = Database.in_dir(tmp_path / "data")
    queue, store = JobQueue(db), TranscriptStore(db)
    engine = SpyEngine(whisper_base, beam_size=1, device="cpu", process=warm)
    config = PipelineConfig(work_dir=tmp_path / "work")
    service = TranscriptionService(queue, store, lambda job: engine, config)
    yield queue, store, engine, service, config
    db.close()


def run(queue: JobQueue, service: TranscriptionService, seen: list[Job] | None = None) -> Job:
    job = queue.claim_next()
    assert job is not None
    return service.run(job, (seen.append if seen is not None else None))


def test_a_local_job_reads_the_original_and_makes_no_upload_copy(env) -> None:
    queue, store, engine, service, config = env
    source = real("en_jfk.flac")  # 44.1 kHz stereo FLAC: SpeechKit would get an Opus copy
    job = queue.enqueue(source, language=Language.AUTO, speakers=SpeakersMode.OFF, engine="whisper")
    seen: list[Job] = []
    done = run(queue, service, seen)
    assert done.state is JobState.DONE, done.error
    assert engine.requests[0].audio_path == str(source)
    assert engine.requests[0].duration_ms == pytest.approx(11_000, abs=50)
    assert service.converted_audio(job.id) == []
    assert not (config.work_dir / str(job.id)).exists()
    assert JobState.UPLOADING not in {j.state for j in seen}
    local = [j.stage_progress for j in seen if j.stage == STAGE_LOCAL]
    assert local and local == sorted(local) and local[-1] == pytest.approx(1.0)
    text = " ".join(s.text for s in store.load(store.id_for_job(job.id)).segments).lower()
    assert "ask not what your country can do for you" in text


@pytest.mark.parametrize(
    ("name", "language"), [("kk_ksc_example_1.flac", "kk"), ("pisets_test_sound_ru.flac", "ru")]
)
def test_kzdesk_hears_what_faster_whisper_hears(
    whisper_base: Path, warm: WhisperProcess, name: str, language: str
) -> None:
    """Same model and settings on the original file: the same text, word for word."""
    path = real(name)
    engine = WhisperEngine(whisper_base, beam_size=1, device="cpu", process=warm)
    piece = original_piece(path, round(len(decode_audio(str(path))) / 16), 1, 16000)
    segments = engine.transcribe(piece, RecognitionOptions(language=Language(language)), Ctx())
    options = decode_options(WhisperRequest(str(whisper_base), str(path), language, beam_size=1))
    bare = WhisperModel(
        str(whisper_base), device="cpu", compute_type="int8", cpu_threads=physical_cores()
    )
    ctranslate2.set_random_seed(RANDOM_SEED)  # as the engine does for each request
    bare_segments, _info = bare.transcribe(
        decode_audio(str(path)), language=language, vad_filter=True, **options
    )
    assert [p.text for p in segments] == [s.text.strip() for s in bare_segments]
    assert {p.language for p in segments} == {language}


def test_a_model_download_is_its_own_stage(env, whisper_base: Path, warm: WhisperProcess) -> None:
    queue, store, _engine, _service, config = env

    def locate(progress, cancelled):  # type: ignore[no-untyped-def]
        for done in (0, 40, 100):  # what huggingface_hub reports while it downloads
            progress(done, 100)
        return whisper_base

    engine = WhisperEngine(locate, beam_size=1, device="cpu", process=warm)
    service = TranscriptionService(queue, store, lambda j: engine, config)
    queue.enqueue(real("pisets_test_sound_ru.flac"), language=Language.RU, engine="whisper")
    seen: list[Job] = []
    assert run(queue, service, seen).state is JobState.DONE
    stages = [(j.stage, round(j.stage_progress, 2)) for j in seen if j.stage]
    download = [s for s in stages if s[0] == STAGE_MODEL_DOWNLOAD]
    assert [fraction for _stage, fraction in download] == [0.0, 0.4, 1.0]
    last_download = max(i for i, s in enumerate(stages) if s[0] == STAGE_MODEL_DOWNLOAD)
    assert stages[last_download + 1][0] == STAGE_LOCAL
    during = [j.progress for j in seen if j.stage == STAGE_MODEL_DOWNLOAD]
    assert len(set(during)) == 1  # the job does not advance while the model downloads


@pytest.fixture(scope="module")
def ru_kk(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[tuple[str, int, int]]]:
    """Real Russian, Kazakh, Russian, 2.5 s apart; where each piece lies (ms)."""
    pieces = [("ru", "pisets_test_sound_ru.flac"), ("kk", "kk_ksc_example_1.flac")]
    pieces.append(("ru", "festvox_ru_0196.flac"))
    parts: list[Path | float] = [0.5]
    spans = []
    position = 0.5
    for language, name in pieces:
        length = len(decode_audio(str(real(name)))) / 16000
        spans.append((language, round(position * 1000), round((position + length) * 1000)))
        parts += [real(name), 2.5]
        position += length + 2.5
    return concat_wav(tmp_path_factory.mktemp("ru_kk") / "ru_kk.wav", parts), spans


def test_kazakh_and_russian_are_told_apart_segment_by_segment(env, ru_kk) -> None:
    queue, store, _engine, service, _config = env
    path, spans = ru_kk
    job = queue.enqueue(path, language=Language.KK_RU, speakers=SpeakersMode.OFF, engine="whisper")
    assert run(queue, service).state is JobState.DONE
    transcript = store.load(store.id_for_job(job.id))
    for language, start, end in spans:
        inside = [s for s in transcript.segments if start - 500 <= s.start_ms < end]
        assert inside, (language, start, end)
        assert {s.language for s in inside} == {language}, [(s.language, s.text) for s in inside]
    assert transcript.language == "ru+kk"  # what was heard, the most spoken first
    doc = json.loads(render(transcript, "json"))
    assert doc["language"] == "ru+kk" and doc["languages"] == ["ru", "kk"]
    assert {s["language"] for s in doc["segments"]} == {"ru", "kk"}


def test_automatic_language_follows_english_then_german(whisper_base: Path, warm) -> None:
    """faster-whisper alone writes only the English half (it drops the German, conditioned on
    the English before it); kzdesk decodes the German half in German."""
    engine = WhisperEngine(whisper_base, beam_size=1, device="cpu", process=warm)
    piece = original_piece(real("en_de_multilingual.mp3"), 59_900, 1, 24000)
    segments = engine.transcribe(piece, RecognitionOptions(language=Language.AUTO), Ctx())
    english = [u for u in segments if u.end_ms <= 24_000]
    german = [u for u in segments if u.start_ms >= 29_500]
    assert english and {u.language for u in english} == {"en"}
    assert german and {u.language for u in german} == {"de"}
    words = {w.strip(".,").lower() for u in german for w in u.text.split()}
    assert len(words & {"der", "die", "und", "zu", "diese", "das", "recht", "software"}) >= 4
