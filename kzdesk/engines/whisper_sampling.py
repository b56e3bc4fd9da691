"""Whisper's temperature fallback, two samples at a time (the offline engine's child process).

When a window decodes badly, faster-whisper samples it again at a higher temperature and keeps
the best of ``best_of`` samples, asked of CTranslate2 in one call (``num_hypotheses``). That
call holds the window's cross-attention state once per sample: measured on Whisper base, int8,
two threads, a 30-s window costs 182 MiB above the model for five samples at once against 43
for a beam search of five — so the peak memory of a recording was decided by whether one of its
windows fell back, which a long recording is likelier to do. :class:`FewSamplesAtATime` stands
in for the CTranslate2 model and asks for :data:`SAMPLES_PER_CALL` samples at a time, returning
the best by the score CTranslate2 ranks its hypotheses by (cumulative log probability,
length-penalised). Two at a time cost 75 MiB, less than the encoder's own pass over a window
(about 95), so a fallback no longer sets the peak; measured on a 30-s window at temperature 0.6
under load: five at once 3.2 s and +187 MiB, two-two-one 4.6 s and +75, one by one 5.4 s and
+41. Everything else is passed through.
"""

from __future__ import annotations

from typing import Any

SAMPLES_PER_CALL = 2


class FewSamplesAtATime:
    """The CTranslate2 Whisper model with sampled ``generate`` calls split into calls of at
    most :data:`SAMPLES_PER_CALL` samples."""

    def __init__(self, model: Any) -> None:
        self._model = model
        self.split_calls = 0  # generate calls answered in parts

    def __getattr__(self, name: str) -> Any:
        return getattr(self._model, name)

    def generate(self, features: Any, prompts: Any, *args: Any, **kwargs: Any) -> Any:
        samples = int(kwargs.get("num_hypotheses", 1))
        sampling = kwargs.get("beam_size", 1) == 1 and kwargs.get("sampling_temperature", 1.0) > 0
        if samples <= SAMPLES_PER_CALL or not sampling or len(prompts) != 1:
            return self._model.generate(features, prompts, *args, **kwargs)
        self.split_calls += 1
        best: Any = None
        while samples > 0:
            part = {**kwargs, "num_hypotheses": min(samples, SAMPLES_PER_CALL)}
            samples -= part["num_hypotheses"]
            result = self._model.generate(features, prompts, *args, **part)[0]  # best first
            if best is None or _score(result) > _score(best):
                best = result
        return [best]


def _score(result: Any) -> float:
    scores = getattr(result, "scores", None)
    return float(scores[0]) if scores else float("-inf")


def install(whisper_model: Any) -> FewSamplesAtATime:
    """Put the sampler between faster-whisper's WhisperModel and its CTranslate2 model (once;
    before :func:`kzdesk.engines.whisper_language.install`, which wraps whatever is there)."""
    current = whisper_model.model
    if isinstance(current, FewSamplesAtATime):
        return current
    sampler = FewSamplesAtATime(current)
    whisper_model.model = sampler
    return sampler
