from __future__ import annotations

import os
import subprocess
import tracemalloc
from pathlib import Path

import numpy as np
import pytest

from kzdesk.audio import AudioError, Cancelled
from kzdesk.services import waveform
from kzdesk.services.waveform import Peaks, compute_peaks, load_or_compute
from tests.media import FFMPEG, bursts_file, periodic_speech_file

BURSTS = [(1.0, 0.5), (3.0, 1.0)]  # (start_s, duration_s)
TOTAL_S = 5.0


@pytest.fixture(scope="module")
def bursts_wav(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return bursts_file(tmp_path_factory.mktemp("wave") / "bursts.wav", BURSTS, TOTAL_S)


def _inside(bursts: list[tuple[float, float]], bps: int, margin: int = 2) -> list[int]:
    bins: list[int] = []
    for start, duration in bursts:
        bins += range(int(start * bps) + margin, int((start + duration) * bps) - margin)
    return bins


def _silent(bursts: list[tuple[float, float]], total_s: float, bps: int) -> list[int]:
    loud = {b for s, d in bursts for b in range(int(s * bps) - 2, int((s + d) * bps) + 2)}
    return [b for b in range(int(total_s * bps)) if b not in loud]


def _count_popen(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Record every waveform decode (ffmpeg writing PCM to a pipe) started from now on."""
    calls: list[list[str]] = []
    real = subprocess.Popen

    def counting(args: list[str], *rest: object, **kwargs: object) -> subprocess.Popen[bytes]:
        if "pipe:1" in args:
            calls.append(list(args))
        return real(args, *rest, **kwargs)  # type: ignore[call-overload,no-any-return]

    monkeypatch.setattr(waveform.subprocess, "Popen", counting)
    return calls


def test_peaks_are_high_in_bursts_and_zero_in_silence(bursts_wav: Path) -> None:
    peaks = compute_peaks(bursts_wav, bins_per_second=50)
    assert peaks.values.dtype == np.float32
    assert len(peaks) == int(TOTAL_S * 50)
    assert abs(peaks.duration_ms - TOTAL_S * 1000) <= 20
    assert float(peaks.values.max()) <= 1.0
    assert float(peaks.values.min()) >= 0.0
    assert peaks.values[_inside(BURSTS, 50)].min() > 0.3
    assert peaks.values[_silent(BURSTS, TOTAL_S, 50)].max() < 0.01
    # the loud bins start where the first burst starts (1.0 s = bin 50), within a bin
    loud = np.flatnonzero(peaks.values > 0.1)
    assert 49 <= loud[0] <= 51


def test_other_bin_rates_and_compressed_sources(tmp_path: Path) -> None:
    source = bursts_file(tmp_path / "bursts.ogg", BURSTS, TOTAL_S, channels=2, rate=44100)
    peaks = compute_peaks(source, bins_per_second=60)  # 8000 is not a multiple of 60
    assert peaks.bins_per_second == 60
    assert abs(len(peaks) - TOTAL_S * 60) <= 2
    assert peaks.values[_inside(BURSTS, 60, margin=3)].min() > 0.3
    assert peaks.values[_silent(BURSTS, TOTAL_S, 60)[:-3]].max() < 0.05


def test_bin_at_and_columns(bursts_wav: Path) -> None:
    peaks = compute_peaks(bursts_wav, bins_per_second=50)
    assert peaks.bin_at(1200) == 60
    assert peaks.bin_at(-5) == 0
    assert peaks.bin_at(10**9) == len(peaks) - 1
    cols = peaks.columns(50)  # 100 ms per pixel
    assert cols.shape == (50,)
    assert cols[11] > 0.3 and cols[5] < 0.01 and cols[35] > 0.3 and cols[45] < 0.01
    zoomed = peaks.columns(400, 900, 1100)  # many pixels per bin: each repeats its bin
    assert zoomed[:150].max() < 0.01 and zoomed[260:].min() > 0.3
    assert not peaks.columns(0).size
    assert peaks.columns(10, 2000, 1000).max() == 0


def test_cache_hit_does_not_run_ffmpeg_again(
    bursts_wav: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _count_popen(monkeypatch)
    first = load_or_compute(bursts_wav, tmp_path / "cache")
    assert len(calls) == 1
    second = load_or_compute(bursts_wav, tmp_path / "cache")
    assert len(calls) == 1
    assert isinstance(second, Peaks)
    assert np.array_equal(first.values, second.values)
    assert (second.duration_ms, second.bins_per_second) == (first.duration_ms, 50)
    assert len(list((tmp_path / "cache").iterdir())) == 1  # no partial files left behind
    load_or_compute(bursts_wav, tmp_path / "cache", bins_per_second=25)
    assert len(calls) == 2  # another resolution is another entry


def test_changed_recording_or_damaged_cache_is_decoded_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = bursts_file(tmp_path / "a.wav", BURSTS, TOTAL_S)
    calls = _count_popen(monkeypatch)
    cache = tmp_path / "cache"
    load_or_compute(source, cache)
    bursts_file(source, [(0.0, 4.0)], 4.0)  # replaced: other size and mtime
    stat = source.stat()
    os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    replaced = load_or_compute(source, cache)
    assert len(calls) == 2
    assert len(replaced) == 200 and replaced.values[10:190].min() > 0.3
    for entry in cache.iterdir():
        entry.write_bytes(entry.read_bytes()[:-7])  # truncated by a crash or a full disk
    assert np.array_equal(load_or_compute(source, cache).values, replaced.values)
    assert len(calls) == 3


def test_unwritable_cache_still_returns_peaks(bursts_wav: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    peaks = load_or_compute(bursts_wav, blocker / "cache")
    assert len(peaks) == int(TOTAL_S * 50)


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("notes.mp3", "Бұл мәтін, аудио емес.\n".encode() * 20, "damaged or is not an audio"),
        ("empty.wav", b"", "damaged or is not an audio"),
    ],
)
def test_unreadable_files_raise_sentences(
    tmp_path: Path, name: str, content: bytes, words: str
) -> None:
    target = tmp_path / name
    target.write_bytes(content)
    with pytest.raises(AudioError) as caught:
        compute_peaks(target)
    assert words in caught.value.message
    assert caught.value.message.endswith(".")


def test_missing_file_and_folder_raise_sentences(tmp_path: Path) -> None:
    with pytest.raises(AudioError, match="not there any more"):
        load_or_compute(tmp_path / "gone.mp3", tmp_path / "cache")
    with pytest.raises(AudioError, match="is a folder"):
        compute_peaks(tmp_path)


def test_video_without_sound_says_so(tmp_path: Path) -> None:
    video = tmp_path / "silent.mp4"
    cmd = [FFMPEG, "-nostdin", "-v", "error", "-y", "-f", "lavfi"]
    cmd += ["-i", "testsrc=d=1:s=64x48:r=10", "-c:v", "mpeg4", str(video)]
    subprocess.run(cmd, check=True)
    with pytest.raises(AudioError, match="holds no sound"):
        compute_peaks(video)


def test_cancel_stops_ffmpeg(bursts_wav: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[subprocess.Popen[bytes]] = []
    real = subprocess.Popen

    def keep(*args: object, **kwargs: object) -> subprocess.Popen[bytes]:
        proc = real(*args, **kwargs)  # type: ignore[call-overload]
        started.append(proc)
        return proc  # type: ignore[no-any-return]

    monkeypatch.setattr(waveform.subprocess, "Popen", keep)
    with pytest.raises(Cancelled):
        compute_peaks(bursts_wav, cancelled=lambda: True)
    assert started and started[0].poll() is not None


def test_bins_per_second_is_checked(bursts_wav: Path) -> None:
    with pytest.raises(ValueError):
        compute_peaks(bursts_wav, bins_per_second=0)


def test_long_recording_streams_in_bounded_memory(tmp_path: Path) -> None:
    minutes = 20
    source = periodic_speech_file(tmp_path / "long.wav", minutes * 60, rate=8000)
    decoded_bytes = minutes * 60 * 8000 * 2  # what reading the whole decode at once would take
    tracemalloc.start()
    try:
        peaks = compute_peaks(source, bins_per_second=50)
        _, peak_bytes = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(peaks) == minutes * 60 * 50
    assert abs(peaks.duration_ms - minutes * 60_000) <= 20
    assert peak_bytes < 4 * 1024 * 1024 < decoded_bytes // 4  # (speed: bench/editor.py)
    # the 2.5 s on / 1.5 s off pattern is there at the end as at the start
    for period_start in (0, (minutes * 60 - 4) * 50):
        on = peaks.values[period_start + 5 : period_start + 120]
        off = peaks.values[period_start + 130 : period_start + 195]
        assert on.min() > 0.1 and off.max() < 0.01  # lavfi sine: amplitude 1/8
