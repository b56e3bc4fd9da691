"""The offline engine on real speech: accuracy, language, time and memory, beside bare
faster-whisper with the same model and settings on the original file.

    python bench/offline.py [--model FOLDER] [--kzdesk CHECKOUT] [--skip-long] [--only-long]

Sections (one run, same machine, same model, int8 on CPU, beam 5, word timestamps, VAD, the
engine's temperatures and thresholds for both):

1. real recordings (tests/data/realspeech, with their publishers' text): WER and CER after
   normalisation (NFC, lower case, punctuation removed), the language chosen, wall time per
   file with the engine warm, and the peak memory of a cold run of that file — for kzdesk
   (the whole pipeline: probe, queue, engine, transcript in SQLite; speakers off) and for bare
   faster-whisper (decode_audio + transcribe in one process, model already loaded);
2. code switching: the real Russian and Kazakh recordings joined with 2.5-s pauses, each
   piece's expected language known, in "Kazakh + Russian";
3. the English->German recording in automatic mode, half by half;
4. long recordings: peak memory of a 10-minute and a 3-hour file (synthetic: an espeak-ng
   sentence every two minutes, so hours stay affordable) and an espeak-ng 5-minute recording.

``--kzdesk`` measures another checkout's kzdesk (e.g. main, for a before/after) with this
checkout's data and scoring. Peak memory = the largest resident size of the process that
recognises: kzdesk's child (the biggest child of a fresh driver process), bare's own process.
"""

from __future__ import annotations

import argparse
import inspect
import multiprocessing
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import realspeech as rs  # noqa: E402

MODES = {"kk": ["kk-ru", "kk"], "ru": ["kk-ru", "ru"], "en": ["auto"], "en>de": ["auto"]}
BARE_LANGUAGE = {"kk": "kk", "ru": "ru", "auto": None, "kk-ru": None}  # faster-whisper's own
BARE_OPTIONS: dict[str, Any] = {
    "beam_size": 5,
    "best_of": 5,
    "word_timestamps": True,
    "vad_filter": True,
    "temperature": [0.0, 0.2, 0.4, 0.6, 0.8, 1.0],
    "compression_ratio_threshold": 2.4,
    "log_prob_threshold": -1.0,
    "no_speech_threshold": 0.6,
    "hallucination_silence_threshold": 2.0,
}
Segments = list[tuple[int, int, str, str | None]]


def _kib_to_mib(kib: int) -> float:
    return kib / 1024 if sys.platform != "darwin" else kib / 1024 / 1024


# ---- drivers (each runs in a spawned process) -----------------------------------------------
def kzdesk_driver(checkout: str, model: str, items: list[tuple[str, str]], warmup: str) -> dict:
    """Run each (file, language mode) through kzdesk's pipeline, the engine kept warm when the
    checkout can; times per file, and the peak of the children (the engine's process)."""
    if checkout:
        sys.path.insert(0, checkout)
    from kzdesk.core.job import JobState, Language, SpeakersMode
    from kzdesk.engines import whisper
    from kzdesk.services.transcription import PipelineConfig, TranscriptionService
    from kzdesk.storage.db import Database
    from kzdesk.storage.job_queue import JobQueue
    from kzdesk.storage.transcripts import TranscriptStore

    kwargs: dict[str, Any] = {"beam_size": 5, "device": "cpu"}
    warm = "process" in inspect.signature(whisper.WhisperEngine).parameters
    if warm:
        kwargs["process"] = whisper.WhisperProcess(keep_warm=True)
    engine = whisper.WhisperEngine(model, **kwargs)
    out: dict[str, Any] = {"warm": warm, "files": []}
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.in_dir(Path(tmp) / "data")
        queue, store = JobQueue(db), TranscriptStore(db)
        config = PipelineConfig(work_dir=Path(tmp) / "work")
        service = TranscriptionService(queue, store, lambda job: engine, config)
        for index, (path, mode) in enumerate(([(warmup, "kk-ru")] if warmup else []) + items):
            job = queue.enqueue(
                path, language=Language(mode), speakers=SpeakersMode.OFF, engine="whisper"
            )
            claimed = queue.claim_next()
            started = time.perf_counter()
            done = service.run(claimed)
            wall = time.perf_counter() - started
            segments: Segments = []
            if done.state is JobState.DONE:
                t = store.load(store.id_for_job(job.id))
                segments = [(s.start_ms, s.end_ms, s.text, s.language) for s in t.segments]
            if warmup and index == 0:
                continue
            out["files"].append({"wall": wall, "segments": segments, "error": done.error})
        db.close()
    if warm:
        engine.process.release(wait=True)
    out["peak_mib"] = _kib_to_mib(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return out


def bare_driver(model: str, items: list[tuple[str, str | None]], threads: int) -> dict:
    """faster-whisper alone: model loaded once, then decode_audio + transcribe per file."""
    from faster_whisper import WhisperModel, decode_audio

    whisper = WhisperModel(model, device="cpu", compute_type="int8", cpu_threads=threads)
    out: dict[str, Any] = {"files": []}
    for path, language in items:
        started = time.perf_counter()
        audio = decode_audio(path)
        segments, info = whisper.transcribe(audio, language=language, **BARE_OPTIONS)
        found: Segments = [
            (round(s.start * 1000), round(s.end * 1000), s.text.strip(), info.language)
            for s in segments
        ]
        out["files"].append(
            {"wall": time.perf_counter() - started, "segments": found, "error": None}
        )
    out["peak_mib"] = _kib_to_mib(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    return out


def _call(conn: Any, function: Any, args: tuple[Any, ...]) -> None:
    try:
        conn.send(function(*args))
    finally:
        conn.close()


def in_child(function: Any, *args: Any) -> dict:
    """``function(*args)`` in a fresh spawned (non-daemonic: it starts the engine's child)
    process; its result."""
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_call, args=(sender, function, args))
    process.start()
    sender.close()
    try:
        result = receiver.recv()
    except EOFError:
        raise RuntimeError(f"{function.__name__} failed (exit code {process.exitcode})") from None
    process.join()
    return result


# ---- runs ------------------------------------------------------------------------------------
class Runner:
    def __init__(self, model: str, checkout: str, threads: int) -> None:
        self.model, self.checkout, self.threads = model, checkout, threads

    def kzdesk(self, items: list[tuple[str, str]], *, warm: bool) -> dict:
        warmup = str(rs.BY_NAME["kk example 2"].path) if warm else ""
        return in_child(kzdesk_driver, self.checkout, self.model, items, warmup)

    def bare(self, items: list[tuple[str, str]]) -> dict:
        bare_items = [(path, BARE_LANGUAGE[mode]) for path, mode in items]
        return in_child(bare_driver, self.model, bare_items, self.threads)

    def peaks(self, items: list[tuple[str, str]]) -> list[tuple[float, float]]:
        """(kzdesk, bare) peak MiB of a cold run of each item alone."""
        return [
            (self.kzdesk([item], warm=False)["peak_mib"], self.bare([item])["peak_mib"])
            for item in items
        ]


def real_recordings(run: Runner) -> dict[tuple[str, str], dict]:
    rows = [(rec, mode) for rec in rs.RECORDINGS for mode in MODES[rec.language]]
    items = [(str(rec.path), mode) for rec, mode in rows]
    print(
        "1. Real recordings (tests/data/realspeech), one run each; time = wall per file with "
        "the engine warm; peak = a cold run of that file alone",
        flush=True,
    )
    k, b = run.kzdesk(items, warm=True), run.bare(items)
    peaks = run.peaks(items)
    print(f"   kzdesk engine kept warm: {k['warm']}")
    head = (
        f"   {'recording':<24}{'mode':<7}{'system':<8}{'WER':>6}{'CER':>7}  {'language':<16}"
        f"{'time s':>7}{'peak MiB':>9}"
    )
    print(head)
    pooled = {"same": [rs.Score(), rs.Score()], "kk-ru": [rs.Score(), rs.Score()]}
    results: dict[tuple[str, str], dict] = {}
    for (rec, mode), kf, bf, (kp, bp) in zip(rows, k["files"], b["files"], peaks, strict=True):
        results[(rec.name, mode)] = {"kzdesk": kf, "bare": bf}
        for system, f, peak in (("kzdesk", kf, kp), ("bare", bf, bp)):
            text = " ".join(s[2] for s in f["segments"])
            wer = cer = "–"
            if rec.reference:
                sc = rs.score(rec.text(), text)
                wer, cer = f"{sc.wer:.3f}", f"{sc.cer:.3f}"
                group = "kk-ru" if mode == "kk-ru" else "same"
                pooled[group][system == "bare"].add(rec.text(), text)
            language = rs.describe_languages(rs.languages_by_time(f["segments"]))
            if system == "bare" and BARE_LANGUAGE[mode] is None:
                language += " (detected)"
            print(
                f"   {rec.name:<24}{mode:<7}{system:<8}{wer:>6}{cer:>7}  {language:<16}"
                f"{f['wall']:>7.2f}{peak:>9.0f}" + (f"  ✖ {f['error']}" if f["error"] else "")
            )
    for group, label in (
        ("same", "kk, ru and auto rows (same language settings)"),
        ("kk-ru", "kk-ru rows (bare: its own language detection)"),
    ):
        ks, bs = pooled[group]
        print(
            f"   pooled over {label}: kzdesk WER {ks.wer:.3f} CER {ks.cer:.3f}; "
            f"bare WER {bs.wer:.3f} CER {bs.cer:.3f}"
        )
    for name in ("en jfk (11 s)", "en>de (60 s)"):
        kw, bw = results[(name, "auto")]["kzdesk"]["wall"], results[(name, "auto")]["bare"]["wall"]
        print(f"   {name}: kzdesk {kw:.2f} s, bare {bw:.2f} s: {kw / bw:.2f}× (+{kw - bw:.2f} s)")
    cold = run.kzdesk([(str(rs.BY_NAME["en jfk (11 s)"].path), "auto")], warm=False)
    print(
        f"   en jfk (11 s) with a cold engine (start + model load): {cold['files'][0]['wall']:.2f} s"
    )
    print()
    return results


def code_switching(run: Runner, folder: Path) -> None:
    path, pieces = rs.joined_recording(folder)
    print("2. Code switching: real recordings joined, 2.5-s pauses, mode kk-ru (bare: auto)")
    k, b = run.kzdesk([(str(path), "kk-ru")], warm=False), run.bare([(str(path), "kk-ru")])
    ks, bs = k["files"][0]["segments"], b["files"][0]["segments"]
    right = 0
    print(f"   {'piece':<24}{'expected':>9}{'kzdesk':>14}{'CER':>7}{'bare':>14}{'CER':>7}")
    for p in pieces:
        mine, theirs = rs.in_range(ks, p.start_ms, p.end_ms), rs.in_range(bs, p.start_ms, p.end_ms)
        chosen = rs.describe_languages(rs.languages_by_time(mine))
        right += chosen == p.language
        kc = rs.score(p.text, " ".join(s[2] for s in mine)).cer
        bc = rs.score(p.text, " ".join(s[2] for s in theirs)).cer
        bl = rs.describe_languages(rs.languages_by_time(theirs))
        print(f"   {p.name:<24}{p.language:>9}{chosen:>14}{kc:>7.3f}{bl:>14}{bc:>7.3f}")
    print(f"   kzdesk: {right} of {len(pieces)} pieces in the expected language")
    print()


def english_german(results: dict[tuple[str, str], dict]) -> None:
    print(f"3. English -> German (auto): phrases before / after {rs.EN_DE_SWITCH_MS / 1000:.1f} s")
    for system in ("kzdesk", "bare"):
        segs = results[("en>de (60 s)", "auto")][system]["segments"]
        for half, (a, z) in (
            ("English half", (0, rs.EN_DE_SWITCH_MS)),
            ("German half", (rs.EN_DE_SWITCH_MS, 61_000)),
        ):
            inside = rs.in_range(segs, a, z)
            words = sum(len(s[2].split()) for s in inside)
            langs = rs.describe_languages(rs.languages_by_time(inside))
            sample = inside[0][2][:60] if inside else ""
            print(
                f"   {system:<7}{half:<13} {len(inside):>2} phrases {words:>3} words, language {langs:<8} «{sample}»"
            )
    print()


def long_recordings(run: Runner, folder: Path) -> None:
    from bench.offline_long import espeak_recording, sparse_recording

    print("4. Long recordings (synthetic espeak-ng speech)")
    ten = sparse_recording(folder / "ten.flac", 10 * 60)
    three = sparse_recording(folder / "three.flac", 3 * 3600)
    for label, path in (
        ("10 minutes, a sentence every 2 min", ten),
        ("3 hours, same density", three),
    ):
        k = run.kzdesk([(str(path), "auto")], warm=False)
        b = run.bare([(str(path), "auto")])
        print(
            f"   {label:<36} kzdesk {k['files'][0]['wall']:>7.1f} s peak {k['peak_mib']:>5.0f} MiB;"
            f" bare {b['files'][0]['wall']:>7.1f} s peak {b['peak_mib']:>5.0f} MiB",
            flush=True,
        )
    five, text = espeak_recording(folder, 5 * 60)
    k, b = run.kzdesk([(str(five), "auto")], warm=True), run.bare([(str(five), "auto")])
    for system, r in (("kzdesk", k), ("bare", b)):
        said = " ".join(s[2] for s in r["files"][0]["segments"])
        sc = rs.score(text, said)
        print(
            f"   espeak 5 min English  {system:<7} WER {sc.wer:.3f} CER {sc.cer:.3f} "
            f"{r['files'][0]['wall']:>6.1f} s ({300 / r['files'][0]['wall']:.1f}× real time)"
        )
    print()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", help="a CTranslate2 Whisper model folder (default: base)")
    parser.add_argument("--kzdesk", default="", help="measure the kzdesk of this checkout")
    parser.add_argument("--skip-long", action="store_true", help="leave out section 4")
    parser.add_argument("--only-long", action="store_true", help="section 4 alone")
    args = parser.parse_args()
    from kzdesk.engines.whisper_worker import physical_cores
    from tests.whisper_weights import build_whisper_base

    model = args.model or str(build_whisper_base(ROOT / ".pytest_cache" / "d" / "whisper-base"))
    threads = physical_cores()
    run = Runner(model, str(Path(args.kzdesk).resolve()) if args.kzdesk else "", threads)
    import ctranslate2
    import faster_whisper

    print(
        f"machine: {platform.machine()} {platform.system()}, {threads} threads; faster-whisper "
        f"{faster_whisper.__version__}, ctranslate2 {ctranslate2.__version__}; model {model}"
    )
    print(f"kzdesk measured: {args.kzdesk or ROOT}")
    print("scoring: NFC, lower case, punctuation removed; WER over words, CER over characters\n")
    with tempfile.TemporaryDirectory() as tmp:
        if not args.only_long:
            results = real_recordings(run)
            code_switching(run, Path(tmp))
            english_german(results)
        if not args.skip_long:
            long_recordings(run, Path(tmp))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
