"""The organisation server engine against the offline engine, side by side in one run.

    python bench/server.py [--minutes 30] [--concurrency 1,2,4] [--threads N] [--no-formats]

A recording of real Russian speech (the festvox-ru sentences vendored in
tests/data/real/festvox_ru, repeated with pauses to --minutes) goes through kzdesk's whole
pipeline (probe, cut, recognise, store; speakers off, so only recognition differs) with:

- engine "server" against a local faster-whisper-server (the tests' real server) with the
  Whisper base weights, once per concurrency setting (a fresh server each time: 4 worker
  processes, each --threads CPU threads, beam 5 and the VAD filter, as the offline engine);
- the offline engine (Whisper base, int8, beam 5, --threads threads) as the app runs it.

Each kzdesk run is its own spawned process: its peak resident memory is kzdesk's own (the
server's, and the offline engine's child process, are given apart). Real-time factor = audio
seconds per wall second (higher is faster). WER against the prompts read (NFC, lowercase,
ё→е, punctuation removed) shows that cutting and merging lose nothing.

A second table compares piece formats through the same server, one sentence per request:
the original files, kzdesk's 16 kHz FLAC pieces and the 24 kbit/s Opus copy made for SpeechKit.

Measured on the shared 2-core development VM (load average 5-13 from other work during the
run, so times are approximate; ratios within the run are the signal), 29.9 minutes:

    engine                       pieces   wall s  RTF x kzdesk MiB engine MiB    WER
    server, 1 at once                 3    612.5   2.93         82       1436  0.162
    server, 2 at once                 4    526.9   3.41         78       2071  0.159
    server, 4 at once                 4    495.4   3.62         78       2036  0.159
    offline engine (in-process)       1    595.3   3.02         55       2080  0.174

    format                                WER  kbit/s
    original file                       0.157     145
    16 kHz FLAC (server pieces)         0.157     145
    24 kbit/s Opus (SpeechKit copy)     0.148      23

Here the server shares the same two cores, so more requests at once only overlap uploads,
cutting and waiting (+16 %, +24 %); on a GPU server the pieces run truly in parallel. kzdesk
itself stays under 100 MB whatever the engine does. FLAC pieces give exactly the original's
result (Whisper resamples to 16 kHz mono anyway); the Opus copy was no worse on these read
Russian sentences (two words of 210), but only FLAC is the same input by construction.
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

from tests.scoring import word_errors  # noqa: E402  (the checkout's tests, found by the line above)

REAL = ROOT / "tests" / "data" / "real" / "festvox_ru"


# ---- the recording --------------------------------------------------------------------------------
def make_recording(folder: Path, minutes: float) -> tuple[Path, str, float]:
    """(a 16 kHz mono FLAC of the real sentences repeated with pauses, its reference, s)."""
    from tests.whisper_weights import FFMPEG

    sentences = sorted(REAL.glob("*.flac"))
    parts: list[Path | float] = []
    texts: list[str] = []
    total = 0.0
    n = 0
    while total < minutes * 60:
        path = sentences[n % len(sentences)]
        length = _seconds(path)
        if total + length > minutes * 60 and texts:
            break
        pause = 0.6 + (n % 4) * 0.3
        parts += [path, pause]
        texts.append(path.with_suffix(".txt").read_text(encoding="utf-8"))
        total += length + pause
        n += 1
    listing = folder / "parts.txt"
    lines = []
    for i, part in enumerate(parts):
        if isinstance(part, float):
            silence = folder / f"pause{i}.flac"
            subprocess.run(
                [FFMPEG, "-v", "error", "-y", "-f", "lavfi", "-t", str(part), "-i",
                 "anullsrc=r=16000:cl=mono", str(silence)],
                check=True,
            )  # fmt: skip
            part = silence
        lines.append(f"file '{part}'")
    listing.write_text("\n".join(lines), encoding="utf-8")
    out = folder / "meeting.flac"
    subprocess.run(
        [FFMPEG, "-v", "error", "-y", "-f", "concat", "-safe", "0", "-i", str(listing),
         "-ar", "16000", "-ac", "1", "-c:a", "flac", str(out)],
        check=True,
    )  # fmt: skip
    return out, " ".join(texts), _seconds(out)


def _seconds(path: Path) -> float:
    from kzdesk.audio import probe

    return probe(path).duration_ms / 1000


# ---- one kzdesk run, in its own process ------------------------------------------------------------
def run_kzdesk(engine: str, target: str, concurrency: int, threads: int, audio: str) -> dict:
    from kzdesk.core.job import Language, SpeakersMode
    from kzdesk.services.engines import EngineFactory
    from kzdesk.services.secrets import SecretStore
    from kzdesk.services.settings import Settings
    from kzdesk.services.transcription import PipelineConfig, TranscriptionService
    from kzdesk.storage.db import Database
    from kzdesk.storage.job_queue import JobQueue
    from kzdesk.storage.transcripts import TranscriptStore

    with tempfile.TemporaryDirectory(prefix="kzdesk-bench-") as tmp:
        db = Database.in_dir(Path(tmp) / "data")
        queue, store = JobQueue(db), TranscriptStore(db)
        if engine == "server":
            settings = Settings(engine="server", server_url=target, server_concurrency=concurrency)
            factory = EngineFactory(settings, SecretStore(Path(tmp) / "config"))
        else:
            from kzdesk.engines.whisper import WhisperEngine

            offline = WhisperEngine(target, device="cpu", beam_size=5, cpu_threads=threads)
            factory = lambda job: offline  # noqa: E731
        service = TranscriptionService(
            queue, store, factory, PipelineConfig(work_dir=Path(tmp) / "work")
        )
        job = queue.enqueue(audio, language=Language.RU, speakers=SpeakersMode.OFF, engine=engine)
        claimed = queue.claim_next()
        assert claimed is not None
        started = time.perf_counter()
        done = service.run(claimed)
        wall = time.perf_counter() - started
        if done.error:
            raise RuntimeError(done.error)
        transcript = store.load(store.id_for_job(job.id))
        pieces = len(queue.pieces.records(job.id))
        db.close()
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "wall_s": wall,
        "text": " ".join(s.text for s in transcript.segments),
        "pieces": pieces,
        "peak_mib": own,
        "children_mib": children,
    }


def _child(sender: object, args: tuple) -> None:
    try:
        result = run_kzdesk(*args)
    except BaseException as exc:  # reported, not raised: the parent prints it
        result = {"error": f"{type(exc).__name__}: {exc}"}
    sender.send(result)  # type: ignore[attr-defined]


def in_child(*args: object) -> dict:
    """One kzdesk run in a fresh (non-daemonic: the offline engine starts its own child)
    process, so its peak memory is its own."""
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(sender, args), name="kzdesk-bench")
    process.start()
    sender.close()
    try:
        result = receiver.recv()
    except EOFError:
        result = {"error": f"the run ended without a result (exit code {process.exitcode})"}
    process.join()
    if "error" in result:
        raise SystemExit(f"{args[0]} run failed: {result['error']}")
    return result


# ---- piece formats -----------------------------------------------------------------------------------
def format_table(url: str, folder: Path) -> list[tuple[str, float, float]]:
    """(format, WER, kbit/s) for each sentence sent as one request to the server."""
    from kzdesk.audio.convert import FLAC_SETTINGS, MONO_BITRATE, OPUS_SETTINGS
    from kzdesk.core.engine import AudioPiece, RecognitionOptions
    from kzdesk.core.job import Language
    from kzdesk.engines.openai_server import ServerEngine
    from kzdesk.engines.server_models import _QuietContext
    from tests.whisper_weights import FFMPEG

    opus = ["-c:a", "libopus", "-b:a", MONO_BITRATE, "-vbr", "on", *OPUS_SETTINGS, "-f", "ogg"]
    formats = {
        "original file": (None, ""),
        "16 kHz FLAC (server pieces)": ([*FLAC_SETTINGS, "-f", "flac"], "FLAC"),
        "24 kbit/s Opus (SpeechKit copy)": (opus, "OGG_OPUS"),
    }
    engine = ServerEngine(url, concurrency=1)
    rows = []
    for name, (args, kind) in formats.items():
        edits = total = size = 0
        seconds = 0.0
        for source in sorted(REAL.glob("*.flac")):
            path, audio_format = source, kind or "FLAC"
            if args is not None:
                path = folder / f"{source.stem}.{'ogg' if kind == 'OGG_OPUS' else 'flac'}"
                subprocess.run(
                    [FFMPEG, "-v", "error", "-y", "-i", str(source), "-ar", "16000", "-ac", "1",
                     *args, str(path)],
                    check=True,
                )  # fmt: skip
            length = _seconds(path)
            piece = AudioPiece(str(path), audio_format, 0, round(length * 1000), 1, 16000)
            segments = engine.transcribe(
                piece, RecognitionOptions(language=Language.RU), _QuietContext()
            )
            e, n = word_errors(
                source.with_suffix(".txt").read_text(encoding="utf-8"),
                " ".join(p.text for p in segments),
            )
            edits, total = edits + e, total + n
            size += path.stat().st_size
            seconds += length
        rows.append((name, edits / total, size * 8 / seconds / 1000))
    engine.close()
    return rows


# ---- main --------------------------------------------------------------------------------------------
def main() -> int:
    from kzdesk.engines.whisper_worker import physical_cores
    from tests.engines.real_server import RealServer
    from tests.whisper_weights import build_whisper_base

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--concurrency", default="1,2,4")
    parser.add_argument("--threads", type=int, default=0, help="default: physical cores")
    parser.add_argument("--workers", type=int, default=4, help="server worker processes")
    parser.add_argument("--no-offline", action="store_true")
    parser.add_argument("--no-formats", action="store_true")
    args = parser.parse_args()
    threads = args.threads or physical_cores()
    levels = [int(c) for c in args.concurrency.split(",") if c]
    model = build_whisper_base(ROOT / ".pytest_cache" / "d" / "whisper-base")
    options = {"beam_size": 5, "vad_filter": True}

    print(f"machine: {platform.machine()} {platform.system()}, {threads} threads (physical cores)")
    with tempfile.TemporaryDirectory(prefix="kzdesk-bench-server-") as tmp:
        folder = Path(tmp)
        audio, reference, seconds = make_recording(folder, args.minutes)
        print(
            f"audio: {seconds / 60:.1f} min of real Russian read speech (festvox-ru, repeated "
            f"with pauses), Whisper base int8, beam 5, VAD filter, language ru, speakers off"
        )
        print(
            f"server: faster-whisper-server on 127.0.0.1, {args.workers} worker processes x "
            f"{threads} CPU threads, started afresh for each run (on this same machine)"
        )
        print()
        header = (
            f"{'engine':<28} {'pieces':>6} {'wall s':>8} {'RTF x':>6} {'kzdesk MiB':>10} "
            f"{'engine MiB':>10} {'WER':>6}"
        )
        print(header)
        print("-" * len(header), flush=True)
        for level in levels:
            server = RealServer(
                model,
                folder / f"server{level}.log",
                workers=args.workers,
                cpu_threads=threads,
                transcribe_options=options,
            )
            try:
                r = in_child("server", server.url, level, threads, str(audio))
                server_mib = server.peak_memory_mib()
            finally:
                server.stop()
            _row(f"server, {level} at once", r, seconds, server_mib, reference)
        if not args.no_offline:
            r = in_child("whisper", str(model), 1, threads, str(audio))
            _row("offline engine (in-process)", r, seconds, r["children_mib"], reference)
        print()
        print("engine MiB: the server's processes together (peak), or the offline engine's child.")
        if not args.no_formats:
            server = RealServer(
                model, folder / "formats.log", cpu_threads=threads, transcribe_options=options
            )
            try:
                rows = format_table(server.url, folder)
            finally:
                server.stop()
            print()
            print("piece format through the server (11 real sentences, one request each):")
            print(f"{'format':<34} {'WER':>6} {'kbit/s':>7}")
            for name, wer, rate in rows:
                print(f"{name:<34} {wer:>6.3f} {rate:>7.0f}")
    return 0


def _row(name: str, r: dict, seconds: float, engine_mib: float, reference: str) -> None:
    e, n = word_errors(reference, r["text"])
    print(
        f"{name:<28} {r['pieces']:>6} {r['wall_s']:>8.1f} {seconds / r['wall_s']:>6.2f} "
        f"{r['peak_mib']:>10.0f} {engine_mib:>10.0f} {e / n:>6.3f}",
        flush=True,
    )


if __name__ == "__main__":
    raise SystemExit(main())
