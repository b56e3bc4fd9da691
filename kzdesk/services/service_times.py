"""How long each kind of work takes on this computer and at SpeechKit, measured as jobs run.

SpeechKit reports no progress while it recognises a file, so the queue cannot show a percentage
for that wait. What it can show is the time that has passed and how long such a wait took here
before: every finished piece adds a sample (its audio length, the seconds the work took) under
its kind — ``convert``, ``speechkit:general``, ``speechkit:deferred-general``, ``whisper:base``,
``speakers``. An estimate for a new piece fits ``seconds = fixed + per_audio_second * audio``
to the last samples of that kind (Theil–Sen: the median of the pairwise slopes, robust against a
slow day), falling back to a typical rate until there are samples.

The samples live in ``service_times.json`` in the data folder (plain JSON, written atomically);
a missing or unreadable file only means no measurements yet.
"""

from __future__ import annotations

import json
import logging
import os
import statistics
import tempfile
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kzdesk.core import engine_registry
from kzdesk.core.job import Job

log = logging.getLogger(__name__)

FILE_NAME = "service_times.json"
MAX_SAMPLES = 30  # per kind: recent enough to follow a change of service speed
MIN_SLOPE_SPREAD_S = 30.0  # pairs of samples closer in length than this say nothing of a slope

CONVERT = "convert"
SPEAKERS = "speakers"


@dataclass(frozen=True)
class Rate:
    """``fixed_s + per_audio_s * audio seconds``."""

    fixed_s: float
    per_audio_s: float

    def seconds(self, audio_ms: int) -> float:
        return self.fixed_s + self.per_audio_s * max(audio_ms, 0) / 1000


# Typical rates before anything is measured here (None: no honest guess, e.g. the deferred
# model, which may take up to a day). Converting: ffmpeg at opus complexity 0 takes about 2 s
# per 10 minutes on two cores (FACTS.md); SpeechKit's regular model about 10 s per audio minute.
DEFAULT_RATES: dict[str, Rate | None] = {
    CONVERT: Rate(1.0, 0.004),
    "speechkit:general": Rate(5.0, 10 / 60),
    "speechkit:deferred-general": None,
    SPEAKERS: Rate(3.0, 0.05),
}


@dataclass(frozen=True)
class Sample:
    audio_s: float
    seconds: float


def fit(samples: Iterable[Sample], default: Rate | None = None) -> Rate | None:
    """A line through the samples: the median pairwise slope (pairs of similar length are
    skipped), then the median intercept; both at least 0. One length only: the default slope
    (or a proportional rate) with the intercept that fits the samples."""
    points = [s for s in samples if s.audio_s >= 0 and s.seconds >= 0]
    if not points:
        return default
    slopes = [
        (b.seconds - a.seconds) / (b.audio_s - a.audio_s)
        for i, a in enumerate(points)
        for b in points[i + 1 :]
        if abs(b.audio_s - a.audio_s) >= MIN_SLOPE_SPREAD_S
    ]
    if slopes:
        slope = max(statistics.median(slopes), 0.0)
    elif default is not None:
        slope = default.per_audio_s
    else:  # a single kind of length and no typical rate: scale with the length
        audio = statistics.median(p.audio_s for p in points)
        seconds = statistics.median(p.seconds for p in points)
        return Rate(0.0, seconds / audio) if audio > 0 else Rate(seconds, 0.0)
    fixed = max(statistics.median(p.seconds - slope * p.audio_s for p in points), 0.0)
    return Rate(fixed, slope)


def engine_kind(engine: str, model: str) -> str:
    """The kind a job's recognition is measured under (engine and model)."""
    return f"{engine}:{model}" if model else engine


def recognition_kind(job: Job, default_model: str) -> str:
    """The kind of ``job``'s recognition: an engine with remote operations (SpeechKit) per
    model, the default one when the job names none (the deferred model may take a day);
    others per the model the job names, else under the engine's name."""
    info = engine_registry.info(job.engine)
    model = str(job.options.get(info.model_option) or "")
    if info.remote_operations:
        return engine_kind(job.engine, model or default_model or "general")
    return engine_kind(job.engine, model)


class ServiceTimes:
    """The measurements of one data folder; safe to use from several threads."""

    def __init__(self, path: Path | None) -> None:
        self.path = path  # None: kept in memory only (tests)
        self._lock = threading.Lock()
        self._samples: dict[str, list[Sample]] = self._read()
        self._rates: dict[str, Rate | None] = {}  # fitted once per kind until a new sample

    @classmethod
    def in_dir(cls, data_dir: Path) -> ServiceTimes:
        return cls(Path(data_dir) / FILE_NAME)

    def record(self, kind: str, audio_ms: int, seconds: float) -> None:
        """One finished piece of work; writes the file (a failure is only logged)."""
        if audio_ms <= 0 or seconds < 0:
            return
        with self._lock:
            samples = self._samples.setdefault(kind, [])
            samples.append(Sample(round(audio_ms / 1000, 3), round(seconds, 3)))
            del samples[:-MAX_SAMPLES]
            self._rates.pop(kind, None)
            self._write()

    def record_piece(
        self,
        job: Job,
        audio_ms: int,
        accepted_at: float | None,
        seconds: float,
        *,
        local: bool,
        model: str,
    ) -> None:
        """A recognised piece: SpeechKit's wait from ``accepted_at`` (its acceptance in this
        run) to now, or a whole recognition on this computer (``local``: not continued from
        an earlier run) that took ``seconds``."""
        kind = recognition_kind(job, model)
        if accepted_at is not None:
            self.record(kind, audio_ms, time.time() - accepted_at)
        elif local and not engine_registry.info(job.engine).remote_operations:
            self.record(kind, audio_ms, seconds)

    def samples(self, kind: str) -> list[Sample]:
        with self._lock:
            return list(self._samples.get(kind, ()))

    def rate(self, kind: str) -> Rate | None:
        """The fitted rate of ``kind`` (the window asks on every repaint: fitted once)."""
        with self._lock:
            if kind in self._rates:
                return self._rates[kind]
            samples = list(self._samples.get(kind, ()))
        rate = fit(samples, DEFAULT_RATES.get(kind))
        with self._lock:
            self._rates[kind] = rate
        return rate

    def estimate_s(self, kind: str, audio_ms: int | None) -> float | None:
        """Seconds the work of ``kind`` on ``audio_ms`` of audio usually takes; None when the
        length or the rate is unknown."""
        if audio_ms is None:
            return None
        rate = self.rate(kind)
        return None if rate is None else rate.seconds(audio_ms)

    # ---- the file -------------------------------------------------------------------------
    def _read(self) -> dict[str, list[Sample]]:
        if self.path is None:
            return {}
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            return {
                str(kind): [Sample(float(a), float(s)) for a, s in values][-MAX_SAMPLES:]
                for kind, values in raw.get("samples", {}).items()
            }
        except FileNotFoundError:
            return {}
        except (OSError, ValueError, TypeError, AttributeError):
            log.warning("ignoring unreadable measurements in %s", self.path, exc_info=True)
            return {}

    def _write(self) -> None:
        if self.path is None:
            return
        data = {
            "samples": {
                kind: [[s.audio_s, s.seconds] for s in samples]
                for kind, samples in sorted(self._samples.items())
            }
        }
        tmp = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".times-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh)
            os.replace(tmp, self.path)
        except OSError:
            log.warning("could not write measurements to %s", self.path, exc_info=True)
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)
