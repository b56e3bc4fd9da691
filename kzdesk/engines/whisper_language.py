"""Which language each stretch of speech is decoded in (the offline engine's child process).

faster-whisper's ``multilingual`` mode asks the model for the language of every 30-second
window it decodes, from the encoder output it computed for that window anyway (no extra pass),
and decodes the window in the most likely language. :class:`LanguageChooser` stands in for the
CTranslate2 model inside faster-whisper's ``WhisperModel`` and restricts that answer to the
languages the job allows ("Kazakh + Russian": the more likely of kk and ru, their probabilities
renormalised to sum to 1), and remembers the choice so each segment can be tagged with the
language it was decoded in. Everything else is passed through to the real model.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

# A region's language comes from (at most) this much of it; when the language is to be found,
# speech without a pause is cut into regions no longer than this.
IDENTIFY_MAX_S = 30
# A region at least this long is identified on its 30-s window, padded as for decoding; when
# its chunk is the region alone, decoding reuses that encoder output (see :func:`identify`).
WINDOW_FROM_S = 15
SAMPLE_RATE = 16000
WINDOW_FRAMES = IDENTIFY_MAX_S * 100  # log-mel frames of a 30-s window
KEPT_AT_MOST = 2  # encoder outputs held for decoding (see LanguageChooser.keep)
# Whisper's language token is unreliable on a few seconds of speech: given a short phrase it
# spreads its belief over many languages, and the top one may be far-fetched. Whisper base on
# clean espeak English: a 1.6-s sentence is Tagalog 0.59 against English 0.14 (4.2 times), a 2-s
# "Good morning everyone" English 0.29 just ahead of Vietnamese and Thai (in room noise it came
# out Thai, 0.35, and decoding fell back through the sampled temperatures, inventing Thai text);
# the 1.9-s real Kazakh example is Pashto 0.32, Kazakh not among the first four; the 5-s one
# Kazakh only 0.60. From 10 s on every vendored recording is found at 0.97 or more, and a real
# switch (the German half after English) is 1.00 against 0.00. So in automatic mode a region
# shorter than SHORT_REGION_S keeps the previous region's language (same channel) unless the
# language found is at least SWITCH_RATIO times likelier than it in the same distribution.
SHORT_REGION_S = 10.0
SWITCH_RATIO = 5.0

LanguageScores = list[tuple[str, float]]  # CTranslate2: ("<|kk|>", probability), best first


def code_of(token: str) -> str:
    """ "<|kk|>" -> "kk"."""
    return token[2:-2] if token.startswith("<|") and token.endswith("|>") else token


def restrict(scores: LanguageScores, allowed: Sequence[str] | None) -> LanguageScores:
    """The scores of the allowed languages only, renormalised, best first (all when None)."""
    if not allowed:
        return list(scores)
    kept = [(token, p) for token, p in scores if code_of(token) in allowed]
    if not kept:
        return list(scores)
    total = sum(p for _, p in kept)
    share = [(token, p / total if total > 0 else 1 / len(kept)) for token, p in kept]
    return sorted(share, key=lambda item: -item[1])


class LanguageChooser:
    """The CTranslate2 Whisper model with language detection limited to ``allowed``."""

    def __init__(self, model: Any) -> None:
        self._model = model
        self.allowed: tuple[str, ...] | None = None  # None: any language (auto)
        self.last: str | None = None  # the language of the window decoded last
        self.last_probability = 0.0
        self.last_scores: LanguageScores = []  # the last distribution (restricted), best first
        self.encodings_reused = 0
        self._kept: list[tuple[Any, Any]] = []  # (features, encoder output), each used once

    def __getattr__(self, name: str) -> Any:
        return getattr(self._model, name)

    def encode(self, features: Any, *args: Any, **kwargs: Any) -> Any:
        """The encoder output; a kept one (see :meth:`keep`) when the features are the same,
        so a window identified before decoding is not encoded twice."""
        if self._kept:
            import numpy as np

            for index, (kept, output) in enumerate(self._kept):
                try:
                    same = np.array_equal(np.asarray(features), kept)
                except (TypeError, ValueError):  # features held elsewhere than in this memory
                    same = False
                if same:
                    del self._kept[index]
                    self.encodings_reused += 1
                    return output
        return self._model.encode(features, *args, **kwargs)

    def keep(self, features: Any, output: Any) -> None:
        """Hold an encoder output until the same features are encoded — the region's chunk is
        decoded once the next region's language is known, so two are held at most (about
        3 MiB each on Whisper base): the region waiting and the one just identified."""
        self._kept = [*self._kept[-(KEPT_AT_MOST - 1) :], (features, output)]

    def forget(self) -> None:
        self._kept = []

    def detect_language(self, *args: Any, **kwargs: Any) -> list[LanguageScores]:
        results = [restrict(r, self.allowed) for r in self._model.detect_language(*args, **kwargs)]
        if results and results[0]:
            token, probability = results[0][0]
            self.last = code_of(token)
            self.last_probability = float(probability)
            self.last_scores = list(results[0])
        return results

    def settle(self, previous: str | None, seconds: float) -> str | None:
        """The language of the region just identified, given the previous region's (same
        channel): see :func:`settled`. Updates :attr:`last` to match."""
        chosen = settled(self.last_scores, previous, seconds, self.allowed)
        if chosen is not None and chosen != self.last:
            self.last = chosen
            self.last_probability = probability_of(self.last_scores, chosen)
        return chosen


def probability_of(scores: LanguageScores, language: str) -> float:
    return next((float(p) for token, p in scores if code_of(token) == language), 0.0)


def settled(
    scores: LanguageScores,
    previous: str | None,
    seconds: float,
    allowed: Sequence[str] | None = None,
) -> str | None:
    """A region's language from its (restricted) scores, best first: the likeliest, except
    that in automatic mode (``allowed`` None) a region shorter than :data:`SHORT_REGION_S`
    keeps ``previous`` unless the likeliest is :data:`SWITCH_RATIO` times likelier than it (a
    previous language Whisper rules out, near 0, never holds a region back). A choice between the job's languages
    ("Kazakh + Russian") is left alone: both are expected, and a two-second reply in the other
    one is common."""
    if not scores:
        return previous
    best, best_p = code_of(scores[0][0]), float(scores[0][1])
    if allowed or previous is None or best == previous or seconds >= SHORT_REGION_S:
        return best
    if best_p >= SWITCH_RATIO * probability_of(scores, previous):
        return best
    return previous


def install(whisper_model: Any) -> LanguageChooser:
    """Put a chooser between faster-whisper's WhisperModel and its CTranslate2 model (once)."""
    current = whisper_model.model
    if isinstance(current, LanguageChooser):
        return current
    chooser = LanguageChooser(current)
    whisper_model.model = chooser
    return chooser


def identify(whisper_model: Any, samples: Any, previous: str | None = None) -> str | None:
    """The language of one region of speech (the chooser's restriction applies); a short one
    may keep ``previous``, the language of the channel's region before it (:func:`settled`).

    A short region's own log-mel frames go to the encoder, not padded to 30 s as for
    decoding: the cost follows the region's length (a 5-s segment costs a sixth of a padded
    window), and nothing but the segment itself — no silence, no neighbouring segment in another
    language — speaks to the language token. On the vendored real recordings (Whisper base)
    the choice is the padded window's wherever Whisper is sure — every Russian, English and
    German file, and the first Kazakh example, more surely so (kk 0.97 against 0.81 of kk+ru) —
    while the 1.9-s second Kazakh example, near even odds padded (kk 0.56), goes to Russian
    (0.76).

    A region of :data:`WINDOW_FROM_S` or more (:func:`padded_for_decoding`) is identified on
    exactly the window decoding would start with (its frames padded to 30 s), and that encoder
    output is kept: when the next region is in another language (or none follows), the region
    is a chunk of its own and its language cost nothing — the 60-s English→German file, two
    such regions, took 8.1 s against 9.9 s identified apart. A region is never decoded alone
    to use the kept output, though: when the next region is in the same language they are
    joined and the output is dropped unused. A region cut out of continuous speech and decoded
    alone leaves a tail of half-words after Whisper's last timestamp, decoded as a window of
    its own, which fell back through every temperature and came out invented (espeak English,
    5 minutes, short pauses: WER 0.214 and 128 s alone against 0.007 and 38 s joined)."""
    import ctranslate2
    import numpy as np

    features = whisper_model.feature_extractor(samples)[:, :-1]  # as faster-whisper: no last
    frames = min(features.shape[-1], WINDOW_FRAMES)
    if frames < 1:
        return None
    chooser = whisper_model.model
    window = features[:, :frames]
    padded = padded_for_decoding(samples)
    if padded:  # as faster-whisper pads a window (pad_or_trim): zeros after the speech
        window = np.pad(window, ((0, 0), (0, WINDOW_FRAMES - frames)))
    window = np.ascontiguousarray(window[None], dtype=np.float32)
    encoded = chooser.encode(ctranslate2.StorageView.from_array(window))
    chooser.detect_language(encoded)
    if padded and isinstance(chooser, LanguageChooser):
        chooser.keep(window, encoded)
    if isinstance(chooser, LanguageChooser):
        return chooser.settle(previous, len(samples) / SAMPLE_RATE)
    return getattr(chooser, "last", None)


def padded_for_decoding(samples: Any) -> bool:
    """A region long enough to be identified on its padded window (which its decoding reuses
    when the region makes a chunk alone): a shorter one costs less identified apart."""
    return len(samples) >= WINDOW_FROM_S * SAMPLE_RATE
