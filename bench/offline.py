"""Offline engine speed and memory: Whisper base on a 5-minute recording, int8 vs float32.

    python bench/offline.py [--model FOLDER] [--minutes 5] [--threads N]

Each configuration runs in its own spawned process (as the app runs it), so its peak resident
memory is its own. Word timestamps and the VAD filter are on, as in the app; the decode
options are the engine's own (kzdesk.engines.whisper_worker.decode_options). Real-time factor
= audio seconds per wall second of recognition (higher is faster); model loading is reported
separately. Test speech: espeak-ng English sentences in several voices with pauses.
Without --model, the Whisper base weights of the dev dependencies are joined into
.pytest_cache (as the tests do).
"""

from __future__ import annotations

import argparse
import multiprocessing
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

VOICES = [("en+m3", 150), ("en+f3", 165), ("en-us+m1", 140), ("en+f2", 175), ("en+m7", 155)]
CONFIGS = [("int8", 1), ("int8", 5), ("float32", 1), ("float32", 5)]


def make_recording(folder: Path, seconds: float) -> Path:
    from tests.whisper_weights import FFMPEG, SENTENCES, concat_wav, espeak_wav

    parts: list[Path | float] = []
    total = 0.0
    n = 0
    while total < seconds:
        voice, speed = VOICES[(n // len(SENTENCES)) % len(VOICES)]
        text = SENTENCES[n % len(SENTENCES)]
        line = espeak_wav(folder / f"{n}.wav", text, voice=voice, speed=speed)
        parts += [line, 0.8 + (n % 3) * 0.4]
        total += _duration(line) + 0.8 + (n % 3) * 0.4
        n += 1
    joined = concat_wav(folder / "joined.wav", parts)
    out = folder / "recording.wav"
    subprocess.run(
        [FFMPEG, "-v", "error", "-y", "-i", str(joined), "-t", str(seconds), str(out)],
        check=True,
    )
    return out


def _duration(path: Path) -> float:
    import wave

    with wave.open(str(path)) as w:
        return w.getnframes() / w.getframerate()


def run_config(model: str, audio: str, compute_type: str, beam: int, threads: int) -> dict:
    """In a spawned child: load, recognise, report timings and this process's peak memory."""
    from faster_whisper import WhisperModel, decode_audio

    from kzdesk.engines.whisper_messages import WhisperRequest
    from kzdesk.engines.whisper_worker import decode_options, transcribe_channel

    started = time.perf_counter()
    whisper = WhisperModel(model, device="cpu", compute_type=compute_type, cpu_threads=threads)
    samples = decode_audio(audio)
    loaded = time.perf_counter()
    request = WhisperRequest(model, audio, "en", beam_size=beam, cpu_threads=threads)
    phrases: list = []
    loops = transcribe_channel(
        whisper,
        samples,
        channel="0",
        start_ms=0,
        language="en",
        options=decode_options(request),
        emit=phrases.append,
        progress=lambda ms: None,
    )
    finished = time.perf_counter()
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    if sys.platform == "darwin":
        peak_kib //= 1024
    return {
        "load_s": loaded - started,
        "recognise_s": finished - loaded,
        "audio_s": len(samples) / 16000,
        "peak_mib": peak_kib / 1024,
        "phrases": len(phrases),
        "words": sum(len(p.words) for p in phrases),
        "loops": loops,
    }


def main() -> int:
    from kzdesk.engines.whisper_worker import physical_cores

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", help="a CTranslate2 Whisper model folder (default: base)")
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--threads", type=int, default=0, help="default: physical cores")
    parser.add_argument(
        "--configs", default=",".join(f"{c}:{b}" for c, b in CONFIGS), help="e.g. int8:1,int8:5"
    )
    args = parser.parse_args()
    threads = args.threads or physical_cores()
    if args.model:
        model = args.model
    else:
        from tests.whisper_weights import build_whisper_base

        model = str(build_whisper_base(ROOT / ".pytest_cache" / "d" / "whisper-base"))
    configs = [(c.split(":")[0], int(c.split(":")[1])) for c in args.configs.split(",")]

    import ctranslate2

    gpus = ctranslate2.get_cuda_device_count()
    print(f"machine: {platform.machine()} {platform.system()}, {threads} threads (physical cores)")
    print(
        f"GPU: {gpus or 'none found (CPU only: CUDA float16 not measured)'}; "
        f"ctranslate2 {ctranslate2.__version__}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        audio = make_recording(Path(tmp), args.minutes * 60)
        print(f"audio: {_duration(audio):.0f} s of espeak-ng English with pauses; model {model}")
        print("word timestamps on, VAD filter on, temperature fallback and loop guard as in app")
        print()
        print(
            f"{'compute':<8} {'beam':>4} {'load s':>7} {'recog s':>8} {'RTF x':>7} {'peak MiB':>9}"
            f" {'phrases':>8} {'words':>6} {'loops':>5}"
        )
        spawn = multiprocessing.get_context("spawn")
        for compute_type, beam in configs:
            with spawn.Pool(1) as pool:
                r = pool.apply(run_config, (model, str(audio), compute_type, beam, threads))
            rtf = r["audio_s"] / r["recognise_s"]
            print(
                f"{compute_type:<8} {beam:>4} {r['load_s']:>7.1f} {r['recognise_s']:>8.1f} "
                f"{rtf:>7.1f} {r['peak_mib']:>9.0f} {r['phrases']:>8} {r['words']:>6} "
                f"{r['loops']:>5}",
                flush=True,
            )
    print()
    print("RTF x = audio seconds per wall second of recognition (model loading excluded).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
