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
if str(ROOT) not in sys.path:  # (a spawned child has it already, after a --kzdesk checkout)
    sys.path.insert(0, str(ROOT))

from bench import realspeech as rs  # noqa: E402

MODES = {"kk": ["kk-ru", "kk"], "ru": ["kk-ru", "ru"], "en": ["auto"], "en>de": ["auto"]}
# faster-whisper's language for a kzdesk mode (None: its own detection); en/de: told outright
BARE_LANGUAGE = {"kk": "kk", "ru": "ru", "auto": None, "kk-ru": None, "en": "en", "de": "de"}
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


# ---- sessions (each lives in its own spawned process) ---------------------------------------
class KzdeskSession:
    """kzdesk's pipeline (probe, queue, engine, transcript in SQLite; speakers off), the engine
    kept warm between files when the measured checkout can."""

    def __init__(self, checkout: str, model: str) -> None:
        if checkout:
            sys.path.insert(0, checkout)
        from kzdesk.engines import whisper
        from kzdesk.services.transcription import PipelineConfig, TranscriptionService
        from kzdesk.storage.db import Database
        from kzdesk.storage.job_queue import JobQueue
        from kzdesk.storage.transcripts import TranscriptStore

        kwargs: dict[str, Any] = {"beam_size": 5, "device": "cpu"}
        self.warm = "process" in inspect.signature(whisper.WhisperEngine).parameters
        if self.warm:
            kwargs["process"] = whisper.WhisperProcess(keep_warm=True)
        self.engine = whisper.WhisperEngine(model, **kwargs)
        self._tmp = tempfile.TemporaryDirectory()
        self.db = Database.in_dir(Path(self._tmp.name) / "data")
        self.queue, self.store = JobQueue(self.db), TranscriptStore(self.db)
        config = PipelineConfig(work_dir=Path(self._tmp.name) / "work")
        self.service = TranscriptionService(self.queue, self.store, lambda j: self.engine, config)

    def run(self, path: str, mode: str) -> dict:
        from kzdesk.core.job import JobState, Language, SpeakersMode

        job = self.queue.enqueue(
            path, language=Language(mode), speakers=SpeakersMode.OFF, engine="whisper"
        )
        claimed = self.queue.claim_next()
        started = time.perf_counter()
        done = self.service.run(claimed)
        wall = time.perf_counter() - started
        segments: Segments = []
        if done.state is JobState.DONE:
            t = self.store.load(self.store.id_for_job(job.id))
            segments = [(s.start_ms, s.end_ms, s.text, s.language) for s in t.segments]
        return {"wall": wall, "segments": segments, "error": done.error}

    def close(self) -> dict:
        self.db.close()
        if self.warm:
            self.engine.process.release(wait=True)
        self._tmp.cleanup()
        # the largest child: the engine's process (the others are short ffmpeg runs)
        peak = _kib_to_mib(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
        return {"peak_mib": peak, "warm": self.warm}


class BareSession:
    """faster-whisper alone: the model loaded once, then decode_audio + transcribe per file."""

    def __init__(self, model: str, threads: int) -> None:
        from faster_whisper import WhisperModel

        self.whisper = WhisperModel(model, device="cpu", compute_type="int8", cpu_threads=threads)

    def run(self, path: str, mode: str) -> dict:
        import ctranslate2
        from faster_whisper import decode_audio

        ctranslate2.set_random_seed(20240501)  # as kzdesk's engine: reproducible fallbacks
        started = time.perf_counter()
        audio = decode_audio(path)
        segments, info = self.whisper.transcribe(
            audio, language=BARE_LANGUAGE[mode], **BARE_OPTIONS
        )
        found: Segments = [
            (round(s.start * 1000), round(s.end * 1000), s.text.strip(), info.language)
            for s in segments
        ]
        return {"wall": time.perf_counter() - started, "segments": found, "error": None}

    def close(self) -> dict:
        return {"peak_mib": _kib_to_mib(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)}


def _serve(conn: Any, kind: str, args: tuple[Any, ...]) -> None:
    session = (KzdeskSession if kind == "kzdesk" else BareSession)(*args)
    conn.send("ready")
    while (item := conn.recv()) is not None:
        conn.send(session.run(*item))
    conn.send(session.close())
    conn.close()


class Server:
    """A session in its own spawned process (not a daemon: kzdesk starts its engine's child)."""

    def __init__(self, kind: str, *args: Any) -> None:
        context = multiprocessing.get_context("spawn")
        self._conn, child = context.Pipe()
        self._process = context.Process(target=_serve, args=(child, kind, args))
        self._process.start()
        child.close()
        self._expect()

    def _expect(self) -> Any:
        try:
            return self._conn.recv()
        except EOFError:
            raise RuntimeError(f"the bench session died ({self._process.exitcode})") from None

    def run(self, path: str, mode: str) -> dict:
        self._conn.send((path, mode))
        return self._expect()

    def close(self) -> dict:
        self._conn.send(None)
        result = self._expect()
        self._process.join()
        return result


class Runner:
    def __init__(self, model: str, checkout: str, threads: int) -> None:
        self.model, self.checkout, self.threads = model, checkout, threads

    def servers(self) -> tuple[Server, Server]:
        return Server("kzdesk", self.checkout, self.model), Server("bare", self.model, self.threads)

    def side_by_side(self, items: list[tuple[str, str]], *, warm: bool) -> tuple[list, list, dict]:
        """Each item through kzdesk and bare faster-whisper in turn (so load on a shared
        machine hits both alike); (kzdesk results, bare results, kzdesk's close info)."""
        kzdesk, bare = self.servers()
        if warm:  # start the engine and load the models before the timed files
            warmup = str(rs.BY_NAME["kk example 2"].path)
            kzdesk.run(warmup, "kk-ru")
            bare.run(warmup, "kk-ru")
        mine, theirs = [], []
        for path, mode in items:
            mine.append(kzdesk.run(path, mode))
            theirs.append(bare.run(path, mode))
        info = kzdesk.close()
        bare.close()
        return mine, theirs, info

    def cold(self, path: str, mode: str) -> tuple[dict, dict]:
        """One file in fresh processes: (kzdesk, bare) results with their peak memory."""
        kzdesk = Server("kzdesk", self.checkout, self.model)
        mine = kzdesk.run(path, mode) | kzdesk.close()
        bare = Server("bare", self.model, self.threads)
        theirs = bare.run(path, mode) | bare.close()
        return mine, theirs

    def best_of(self, path: str, mode: str, times: int) -> tuple[float, float]:
        """The shortest of ``times`` alternating warm runs: (kzdesk s, bare s)."""
        kzdesk, bare = self.servers()
        warmup = str(rs.BY_NAME["kk example 2"].path)
        kzdesk.run(warmup, "kk-ru")
        bare.run(warmup, "kk-ru")
        mine, theirs = [], []
        for _ in range(times):
            mine.append(kzdesk.run(path, mode)["wall"])
            theirs.append(bare.run(path, mode)["wall"])
        kzdesk.close()
        bare.close()
        return min(mine), min(theirs)


def real_recordings(run: Runner) -> dict[tuple[str, str], dict]:
    rows = [(rec, mode) for rec in rs.RECORDINGS for mode in MODES[rec.language]]
    items = [(str(rec.path), mode) for rec, mode in rows]
    print(
        "1. Real recordings (tests/data/realspeech): time = wall per file, engine and model "
        "warm, kzdesk and bare in turn; peak = a cold run of that file alone",
        flush=True,
    )
    k, b, info = run.side_by_side(items, warm=True)
    peaks = [run.cold(path, mode) for path, mode in items]
    print(f"   kzdesk engine kept warm between files: {info['warm']}")
    print(
        f"   {'recording':<24}{'mode':<7}{'system':<8}{'WER':>6}{'CER':>7}  {'language':<16}"
        f"{'time s':>7}{'peak MiB':>9}"
    )
    pooled = {"same": [rs.Score(), rs.Score()], "kk-ru": [rs.Score(), rs.Score()]}
    results: dict[tuple[str, str], dict] = {}
    for (rec, mode), kf, bf, (kc, bc) in zip(rows, k, b, peaks, strict=True):
        results[(rec.name, mode)] = {"kzdesk": kf, "bare": bf}
        for system, f, cold in (("kzdesk", kf, kc), ("bare", bf, bc)):
            text = " ".join(s[2] for s in f["segments"])
            wer = cer = "–"
            if rec.reference:
                sc = rs.score(rec.text(), text)
                wer, cer = f"{sc.wer:.3f}", f"{sc.cer:.3f}"
                group = "kk-ru" if mode == "kk-ru" else "same"
                pooled[group][system == "bare"].add(rec.text(), text)
            language = rs.describe_languages(rs.languages_by_time(f["segments"]))
            if system == "bare" and BARE_LANGUAGE[mode] is None:
                language += " (det.)"
            error = f"  ✖ {f['error']}" if f["error"] else ""
            print(
                f"   {rec.name:<24}{mode:<7}{system:<8}{wer:>6}{cer:>7}  {language:<16}"
                f"{f['wall']:>7.2f}{cold['peak_mib']:>9.0f}{error}"
            )
    groups = (
        ("same", "the kk, ru and auto rows (same language settings)"),
        ("kk-ru", "the kk-ru rows (bare: its own language detection)"),
    )
    for group, label in groups:
        ks, bs = pooled[group]
        print(
            f"   pooled over {label}: kzdesk WER {ks.wer:.3f} CER {ks.cer:.3f}; "
            f"bare WER {bs.wer:.3f} CER {bs.cer:.3f}"
        )
    for name in ("en jfk (11 s)", "en>de (60 s)"):
        kw, bw = run.best_of(str(rs.BY_NAME[name].path), "auto", 3)
        print(
            f"   {name}, best of 3 warm runs in turn: kzdesk {kw:.2f} s, bare {bw:.2f} s: "
            f"{kw / bw:.2f}× ({kw - bw:+.2f} s)"
        )
    cold_k, cold_b = run.cold(str(rs.BY_NAME["en jfk (11 s)"].path), "auto")
    print(
        f"   en jfk (11 s) cold (process start and model load included): kzdesk "
        f"{cold_k['wall']:.2f} s, bare {cold_b['wall']:.2f} s (+ its model load)"
    )
    print()
    return results


def code_switching(run: Runner, folder: Path) -> None:
    path, pieces = rs.joined_recording(folder)
    print("2. Code switching: real recordings joined, 2.5-s pauses, mode kk-ru (bare: auto)")
    k, b = run.cold(str(path), "kk-ru")
    ks, bs = k["segments"], b["segments"]
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
    heard_again(run, str(path), pieces, ks)
    print()


def heard_again(run: Runner, path: str, pieces: list, segments: Segments) -> None:  # type: ignore[type-arg]
    """What the editor's "Recognise again in …" gives where a piece came out in the wrong
    language: its phrases heard again in the expected one (this checkout's service)."""
    from kzdesk.core.transcript import Segment, Transcript
    from kzdesk.engines.whisper import WhisperEngine
    from kzdesk.services.phrase_again import recognise_phrase

    transcript = Transcript(
        segments=[
            Segment(i, None, a, b, text, language)
            for i, (a, b, text, language) in enumerate(segments, start=1)
        ],
        source_path=path,
        duration_ms=max((b for _a, b, _t, _l in segments), default=0) + 500,
    )
    engine = WhisperEngine(run.model, device="cpu", cpu_threads=run.threads)
    for p in pieces:
        mine = rs.in_range(segments, p.start_ms, p.end_ms)
        inside = [
            s for s in transcript.segments if (s.start_ms, s.end_ms, s.text, s.language) in mine
        ]
        if not inside or all((s.language or "").startswith(p.language) for s in inside):
            continue
        started = time.perf_counter()
        texts = [recognise_phrase(transcript, s.id, path, p.language, engine).text for s in inside]
        wall = time.perf_counter() - started
        before = rs.score(p.text, " ".join(s.text for s in inside)).cer
        after = rs.score(p.text, " ".join(texts)).cer
        print(
            f"   {p.name}: marked {p.language} in the editor and recognised again "
            f"({wall:.1f} s, the engine started for it): CER {before:.3f} -> {after:.3f} "
            f"«{' '.join(texts)[:60]}»"
        )


def english_german(run: Runner, results: dict[tuple[str, str], dict], folder: Path) -> None:
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
                f"   {system:<7}{half:<13} {len(inside):>2} phrases {words:>3} words, "
                f"language {langs:<8} «{sample}»"
            )
    # what transcribing both halves costs bare faster-whisper when told where German starts,
    # beside kzdesk on the whole file (warm, in turn, best of 3)
    whole = rs.BY_NAME["en>de (60 s)"].path
    halves = rs.split_recording(whole, rs.EN_DE_SWITCH_MS, folder)
    kzdesk, bare = run.servers()
    warmup = str(rs.BY_NAME["kk example 2"].path)
    kzdesk.run(warmup, "kk-ru")
    bare.run(warmup, "kk")
    mine, theirs, words = [], [], 0
    for _ in range(3):
        mine.append(kzdesk.run(str(whole), "auto")["wall"])
        parts = [bare.run(str(halves[0]), "en"), bare.run(str(halves[1]), "de")]
        theirs.append(sum(p["wall"] for p in parts))
        words = sum(len(seg[2].split()) for p in parts for seg in p["segments"])
    kzdesk.close()
    bare.close()
    print(
        f"   the same work for bare faster-whisper — told both languages and where German "
        f"starts, the halves as two files: {min(theirs):.2f} s, {words} words; kzdesk on the "
        f"whole file in auto: {min(mine):.2f} s ({min(mine) / min(theirs):.2f}×; best of 3)"
    )
    print()


def long_recordings(run: Runner, folder: Path) -> None:
    from bench.offline_long import espeak_recording, sparse_recording

    print("4. Long recordings (synthetic espeak-ng speech), each in fresh processes", flush=True)
    ten = sparse_recording(folder / "ten.flac", 10 * 60)
    three = sparse_recording(folder / "three.flac", 3 * 3600)
    peaks = []
    for label, path in (
        ("10 minutes, a sentence every 2 min", ten),
        ("3 hours, same density", three),
    ):
        k, b = run.cold(str(path), "auto")
        peaks.append(k["peak_mib"])
        print(
            f"   {label:<36} kzdesk {k['wall']:>7.1f} s peak {k['peak_mib']:>5.0f} MiB;"
            f" bare {b['wall']:>7.1f} s peak {b['peak_mib']:>5.0f} MiB",
            flush=True,
        )
    print(f"   kzdesk peak, 3 hours / 10 minutes: {peaks[1] / peaks[0]:.2f}×")
    five, text = espeak_recording(folder, 5 * 60)
    k, b, _info = run.side_by_side([(str(five), "auto")], warm=True)
    for system, r in (("kzdesk", k[0]), ("bare", b[0])):
        sc = rs.score(text, " ".join(s[2] for s in r["segments"]))
        print(
            f"   espeak 5 min English, warm, {system:<7} WER {sc.wer:.3f} CER {sc.cer:.3f} "
            f"{r['wall']:>6.1f} s ({300 / r['wall']:.1f}× real time)"
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
            english_german(run, results, Path(tmp))
        if not args.skip_long:
            long_recordings(run, Path(tmp))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
