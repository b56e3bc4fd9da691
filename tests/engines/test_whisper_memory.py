"""The offline engine's memory stays what one window needs: sampled fallbacks two samples at a
time, and freed large blocks given back to the system (bench/offline.py measures the peaks of
a 10-minute and a 3-hour recording)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from kzdesk.engines import whisper_worker
from kzdesk.engines.whisper_language import LanguageChooser
from kzdesk.engines.whisper_messages import Segment, WhisperRequest
from kzdesk.engines.whisper_sampling import FewSamplesAtATime
from kzdesk.engines.whisper_worker import ModelCache, run
from tests.realspeech import real


class Result:
    def __init__(self, scores: list[float]) -> None:
        self.scores = sorted(scores, reverse=True)  # as CTranslate2: best first
        self.sequences_ids = [[int(score * -10)] for score in self.scores]


class Sampling:
    """A stand-in CTranslate2 model: every generate call recorded, its samples' scores drawn
    from a list."""

    def __init__(self, scores: list[float]) -> None:
        self.scores = list(scores)
        self.calls: list[dict[str, Any]] = []

    def generate(self, features: Any, prompts: Any, **kwargs: Any) -> list[Result]:
        self.calls.append(kwargs)
        count = kwargs.get("num_hypotheses", 1)
        return [Result([self.scores.pop(0) for _ in range(count)])]


def test_samples_are_drawn_two_at_a_time_and_the_best_is_kept() -> None:
    model = Sampling([-0.9, -0.4, -1.5, -0.2, -0.7])
    sampler = FewSamplesAtATime(model)
    sampled = {"beam_size": 1, "num_hypotheses": 5, "sampling_temperature": 0.6}
    (best,) = sampler.generate("encoded", [[1, 2]], **sampled, sampling_topk=0)
    assert best.scores[0] == -0.2 and best.sequences_ids[0] == [2]
    assert [c["num_hypotheses"] for c in model.calls] == [2, 2, 1]
    assert all(c["sampling_temperature"] == 0.6 and c["sampling_topk"] == 0 for c in model.calls)
    assert sampler.split_calls == 1


def test_beam_search_and_few_samples_pass_through() -> None:
    model = Sampling([-0.3, -0.5, -0.6])
    sampler = FewSamplesAtATime(model)
    sampler.generate("encoded", [[1]], beam_size=5, patience=1)
    sampler.generate("encoded", [[1]], beam_size=1, num_hypotheses=2, sampling_temperature=0.4)
    assert model.calls == [
        {"beam_size": 5, "patience": 1},
        {"beam_size": 1, "num_hypotheses": 2, "sampling_temperature": 0.4},
    ]
    assert sampler.split_calls == 0
    assert sampler.calls is model.calls  # anything else is the model's own


class Recording:
    """The real CTranslate2 model with every generate call's results recorded."""

    def __init__(self, model: Any) -> None:
        self._model = model
        self.results: list[Any] = []

    def generate(self, *args: Any, **kwargs: Any) -> Any:
        assert kwargs["num_hypotheses"] <= 2
        found = self._model.generate(*args, **kwargs)
        self.results += found
        return found


@pytest.mark.slow
def test_real_samples_one_at_a_time_keep_the_best_as_ctranslate2_ranks(whisper_base: Path) -> None:
    """On Whisper base: CTranslate2 returns samples drawn together best score first (what
    faster-whisper keeps), and the sampler keeps the best score of the calls it made."""
    import ctranslate2
    from faster_whisper import WhisperModel, decode_audio

    model = WhisperModel(str(whisper_base), device="cpu", compute_type="int8", cpu_threads=2)
    features = model.feature_extractor(decode_audio(str(real("en_jfk.flac"))))[:, :3000]
    window = np.pad(features, ((0, 0), (0, 3000 - features.shape[1])))[None]
    encoded = model.model.encode(ctranslate2.StorageView.from_array(window.astype(np.float32)))
    prompt = [model.hf_tokenizer.token_to_id(t) for t in ("<|startoftranscript|>", "<|en|>")]
    prompt.append(model.hf_tokenizer.token_to_id("<|transcribe|>"))
    options = {"beam_size": 1, "sampling_topk": 0, "sampling_temperature": 1.0}
    options |= {"return_scores": True, "max_length": 448}
    together = model.model.generate(encoded, [prompt], num_hypotheses=4, **options)[0]
    assert len(together.scores) == 4 and together.scores == sorted(together.scores, reverse=True)
    recording = Recording(model.model)
    (found,) = FewSamplesAtATime(recording).generate(encoded, [prompt], num_hypotheses=4, **options)
    assert [len(r.sequences_ids) for r in recording.results] == [2, 2]
    assert found.scores[0] == max(max(r.scores) for r in recording.results)
    drawn = {tuple(ids) for r in recording.results for ids in r.sequences_ids}
    assert len(drawn) > 1  # the samples differed


@pytest.mark.slow
def test_a_window_that_falls_back_samples_two_at_a_time(
    whisper_base: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """faster-whisper's own fallback goes through the sampler: a window held to an average
    log probability it cannot reach is sampled again, two samples at a time, and still
    transcribed."""
    monkeypatch.setattr(whisper_worker, "TEMPERATURES", (0.0, 0.6))
    monkeypatch.setattr(whisper_worker, "LOG_PROB_THRESHOLD", 0.0)  # every window falls back
    monkeypatch.setattr(whisper_worker, "NO_SPEECH_THRESHOLD", None)
    request = WhisperRequest(
        str(whisper_base), str(real("en_jfk.flac")), "en", duration_ms=11_000, device="cpu"
    )
    models = ModelCache()
    sent: list[Any] = []
    models.get(request, sent.append)
    chooser = models.model.model
    assert isinstance(chooser, LanguageChooser)  # the chooser wraps the sampler
    sampler = chooser._model
    assert isinstance(sampler, FewSamplesAtATime)
    run(request, sent.append, models)
    assert sampler.split_calls >= 1
    text = " ".join(m.text for m in sent if isinstance(m, Segment)).lower()
    assert "country" in text


_SCENARIO = """
import ctypes, json, sys
from kzdesk.engines.native_memory import give_back_free_memory, return_large_blocks

def resident_mib():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096 / 2**20

libc = ctypes.CDLL("libc.so.6")
libc.malloc.restype = ctypes.c_void_p
libc.free.argtypes = [ctypes.c_void_p]
mode = sys.argv[1]
if mode == "fixed":
    assert return_large_blocks()
first = libc.malloc(16 << 20)  # freeing a large block raises glibc's threshold to its size
ctypes.memset(first, 1, 16 << 20)
libc.free(first)
before = resident_mib()
blocks = []
for _ in range(16):  # 8-MiB blocks; every other one is freed, the rest stay between
    block = libc.malloc(8 << 20)
    ctypes.memset(block, 1, 8 << 20)
    blocks.append(block)
for block in blocks[::2]:
    libc.free(block)
if mode == "trimmed":
    give_back_free_memory()
print(json.dumps(resident_mib() - before - 64))  # beyond the 64 MiB still in use
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's allocator")
def test_freed_large_blocks_go_back_to_the_system() -> None:
    def kept(mode: str) -> float:
        out = subprocess.run(
            [sys.executable, "-c", _SCENARIO, mode],
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
            cwd=Path(__file__).resolve().parents[2],
        )
        return float(json.loads(out.stdout))

    assert kept("default") > 48  # glibc's own way: 64 MiB freed, still the process's
    assert kept("fixed") < 8  # each large block was the system's and went back
    assert kept("trimmed") < 8  # between requests: the free pages handed back


def test_the_engine_child_sets_the_allocator_up_and_trims_between_requests(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from kzdesk.engines import native_memory

    calls: list[str] = []
    monkeypatch.setattr(native_memory, "return_large_blocks", lambda: calls.append("set") or True)
    monkeypatch.setattr(native_memory, "give_back_free_memory", lambda: calls.append("trim"))
    monkeypatch.setattr(whisper_worker, "_handle", lambda request, conn, models: True)

    class Pipe:
        def __init__(self) -> None:
            self.requests: list[Any] = ["first", "second", None]

        def recv(self) -> Any:
            return self.requests.pop(0)

        def close(self) -> None:
            calls.append("closed")

    whisper_worker.serve(Pipe())
    assert calls == ["set", "trim", "trim", "closed"]
