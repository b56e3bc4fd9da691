"""Whisper's temperature fallback, one sample at a time (the offline engine's child process).

When a window decodes badly, faster-whisper samples it again at a higher temperature and keeps
the best of ``best_of`` samples, asked of CTranslate2 in one call (``num_hypotheses``). That
call holds the window's cross-attention state once per sample: measured on Whisper base, int8,
two threads, a 30-s window costs 182 MiB above the model for five samples at once against 43
for a beam search of five — so the peak memory of a recording was decided by whether one of its
windows fell back, which a long recording is likelier to do. :class:`OneSampleAtATime` stands
in for the CTranslate2 model and draws the samples one after another (about 36 MiB each, freed
before the next), returning the best by the same score CTranslate2 ranks its hypotheses by
(cumulative log probability, length-penalised). Everything else is passed through.
"""

from __future__ import annotations

from typing import Any


class OneSampleAtATime:
    """The CTranslate2 Whisper model with sampled ``generate`` calls split per sample."""

    def __init__(self, model: Any) -> None:
        self._model = model
        self.split_calls = 0  # generate calls answered sample by sample

    def __getattr__(self, name: str) -> Any:
        return getattr(self._model, name)

    def generate(self, features: Any, prompts: Any, *args: Any, **kwargs: Any) -> Any:
        samples = int(kwargs.get("num_hypotheses", 1))
        sampling = kwargs.get("beam_size", 1) == 1 and kwargs.get("sampling_temperature", 1.0) > 0
        if samples <= 1 or not sampling or len(prompts) != 1:
            return self._model.generate(features, prompts, *args, **kwargs)
        self.split_calls += 1
        single = {**kwargs, "num_hypotheses": 1}
        best: Any = None
        for _ in range(samples):
            result = self._model.generate(features, prompts, *args, **single)[0]
            if best is None or _score(result) > _score(best):
                best = result
        return [best]


def _score(result: Any) -> float:
    scores = getattr(result, "scores", None)
    return float(scores[0]) if scores else float("-inf")


def install(whisper_model: Any) -> OneSampleAtATime:
    """Put the sampler between faster-whisper's WhisperModel and its CTranslate2 model (once;
    before :func:`kzdesk.engines.whisper_language.install`, which wraps whatever is there)."""
    current = whisper_model.model
    if isinstance(current, OneSampleAtATime):
        return current
    sampler = OneSampleAtATime(current)
    whisper_model.model = sampler
    return sampler
