"""Editor scale: a 4-hour transcript in SQLite, one edit at a time, and the waveform strip.

Generates a 4-hour transcript (≈ 5,000 segments, 40,000 words, 6 speakers, Kazakh and Russian
words), saves it with TranscriptStore into a temporary database, then prints, next to the
issue's targets:

- load time from SQLite (TranscriptStore.load);
- rename a speaker in memory + persist (TranscriptStore.apply), target ≤ 50 ms;
- one text edit durable in SQLite after commit (replace_text + apply), target ≤ 20 ms, median
  and max of 50 edits; also with PRAGMA synchronous=FULL (an fsync per commit: survives a
  power cut, not only a crash);
- merge with next, split, merge speakers, each persisted;
- waveform peaks of a generated 60-minute recording at 50 bins per second, and a cache hit;
- the Qt models over it (offscreen): every data() call of the segment table, 200 edits heard by
  the speakers list, and find-all (Kazakh/Russian case folding) across all segments — the
  timings that used to sit in unit tests.

    python bench/editor.py [--hours 4] [--segments 5000] [--wave-minutes 60] [--formats wav,mp3]
"""

from __future__ import annotations

import argparse
import copy
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kzdesk.core.transcript import Change, Segment, Transcript, Word  # noqa: E402
from kzdesk.services.transcripts import TranscriptService  # noqa: E402
from kzdesk.services.waveform import compute_peaks, load_or_compute  # noqa: E402
from kzdesk.storage.db import Database  # noqa: E402
from kzdesk.storage.transcripts import TranscriptStore  # noqa: E402
from tests.media import FFMPEG, periodic_speech_file  # noqa: E402


def _words(text: str) -> list[str]:
    return text.split()


KAZAKH = _words(
    "сәлеметсіз бе біз бүгін жиналыста жобаның жоспарын талқылаймыз келесі аптада есеп "
    "дайындау керек бюджет қаржы мәселесі шешілді ме жұмыс тобы мүшелері келісті рахмет "
    "өте жақсы иә жоқ әрине мүмкін қазір кейін ертең түсінікті сұрақ жауап мемлекеттік "
    "бағдарлама аудан әкімдігі құжаттар тапсырылды"
)
RUSSIAN = _words(
    "здравствуйте коллеги давайте начнём совещание по проекту нужно подготовить отчёт к "
    "следующей неделе бюджет согласован договор подписан хорошо понятно конечно возможно "
    "сейчас потом завтра вопрос ответ министерство департамент документы отправлены"
)


def make_transcript(hours: float, segments: int, speakers: int, seed: int = 4) -> Transcript:
    rng = random.Random(seed)
    t = Transcript(
        title="Кеңес / совещание",
        source_path="/meetings/4h.mp3",
        duration_ms=int(hours * 3_600_000),
        language="kk-KZ",
    )
    for i in range(speakers):
        t.add_speaker(str(i))
    slot = t.duration_ms // segments
    for seg_id in range(1, segments + 1):
        start = (seg_id - 1) * slot + rng.randrange(0, 200)
        end = start + slot - 250
        vocabulary = KAZAKH if rng.random() < 0.6 else RUSSIAN
        count = max(2, min(14, round(rng.gauss(8, 2.5))))
        tokens = [rng.choice(vocabulary) for _ in range(count)]
        step = (end - start) // count
        words = [
            Word(tok, start + k * step, start + (k + 1) * step - 40, round(rng.uniform(0.6, 1), 3))
            for k, tok in enumerate(tokens)
        ]
        t.segments.append(
            Segment(
                id=seg_id,
                speaker_id=rng.randrange(1, speakers + 1),
                start_ms=start,
                end_ms=end,
                text=" ".join(tokens),
                language="kk" if vocabulary is KAZAKH else "ru",
                words=words,
            )
        )
    return t


def timed(action: Callable[[], object]) -> tuple[float, object]:
    began = time.perf_counter()
    result = action()
    return (time.perf_counter() - began) * 1000, result


def line(name: str, figure: str, target: str = "") -> None:
    print(f"  {name:<44} {figure:<30} {('target ' + target) if target else ''}")


def spread(samples: list[float]) -> str:
    return f"median {statistics.median(samples):6.1f} ms, max {max(samples):6.1f} ms"


def verdict(value: float, limit: float) -> str:
    return "ok" if value <= limit else "OVER"


def persisted(store: TranscriptStore, tid: int, t: Transcript, edit: Callable[[], Change]) -> float:
    """Milliseconds to apply ``edit`` in memory and commit it to SQLite."""
    began = time.perf_counter()
    change = edit()
    store.apply(tid, change)
    return (time.perf_counter() - began) * 1000


def bench_transcript(args: argparse.Namespace, folder: Path) -> None:
    rng = random.Random(7)
    t = make_transcript(args.hours, args.segments, args.speakers)
    words = sum(len(s.words) for s in t.segments)
    print(
        f"Transcript: {args.hours:g} h, {len(t.segments)} phrases, {words} words, "
        f"{len(t.speakers)} speakers"
    )
    db = Database.in_dir(folder)
    store = TranscriptStore(db)
    ms, tid = timed(lambda: store.save(t))
    assert isinstance(tid, int)
    line("save whole transcript (once, after recognition)", f"{ms:7.1f} ms")
    loads = [timed(lambda: store.load(tid))[0] for _ in range(5)]
    line("load from SQLite (TranscriptStore.load)", spread(loads), "≤ 1 s to first screen")
    t = store.load(tid)

    names = ["Айгүл Серікқызы", "Иван Петров", "Ерлан", "Мария", "Дәурен", "Ольга"]
    renames = [
        persisted(store, tid, t, lambda i=i: t.rename_speaker(1 + i % 6, names[i % 6] + f" {i}"))
        for i in range(20)
    ]
    line("rename speaker + persist (20 runs)", spread(renames), "≤ 50 ms")

    def edit_one() -> Change:
        seg = rng.choice(t.segments)
        tokens = seg.text.split()
        tokens[rng.randrange(len(tokens))] = rng.choice(KAZAKH + RUSSIAN)
        if rng.random() < 0.3:
            tokens.append(rng.choice(KAZAKH + RUSSIAN))  # word count changes: retimed
        return t.replace_text(seg.id, " ".join(tokens))

    edits = [persisted(store, tid, t, edit_one) for _ in range(50)]
    line("text edit durable after commit (50 edits)", spread(edits), "≤ 20 ms")
    conn = db.connection()
    conn.execute("PRAGMA synchronous=FULL")
    full = [persisted(store, tid, t, edit_one) for _ in range(50)]
    conn.execute("PRAGMA synchronous=NORMAL")
    line("  same with synchronous=FULL (power-cut safe)", spread(full), "≤ 20 ms")

    def merge_one() -> Change:
        return t.merge_with_next(t.segments[rng.randrange(len(t.segments) - 1)].id)

    def split_one() -> Change:
        seg = rng.choice([s for s in t.segments if len(s.words) >= 2])
        return t.split_at_word(seg.id, rng.randrange(1, len(seg.words)))

    merges = [persisted(store, tid, t, merge_one) for _ in range(20)]
    line("merge with next + persist (20 runs)", spread(merges), "≤ 20 ms")
    splits = [persisted(store, tid, t, split_one) for _ in range(20)]
    line("split phrase + persist (20 runs)", spread(splits), "≤ 20 ms")
    before = copy.deepcopy(t)
    merge_ms = persisted(store, tid, t, lambda: t.merge_speakers(1, 2))
    moved = sum(1 for s in before.segments if s.speaker_id == 2)
    line(f"merge two speakers ({moved} phrases) + persist", f"{merge_ms:7.1f} ms", "≤ 50 ms")

    reloaded = store.load(tid)
    reloaded.created_at = t.created_at
    same = reloaded == t
    print(f"  reloaded transcript equals the edited one: {same}")
    worst_edit = max(max(edits), max(merges), max(splits))
    print(
        f"  verdicts: rename {verdict(max(renames), 50)}, edit {verdict(worst_edit, 20)}, "
        f"edit with synchronous=FULL {verdict(statistics.median(full), 20)} (median)"
    )
    if not same:
        raise SystemExit("persisted transcript differs from the one in memory")


def bench_waveform(args: argparse.Namespace, folder: Path) -> None:
    seconds = args.wave_minutes * 60
    print(f"\nWaveform: {args.wave_minutes:g}-minute generated recording, 50 bins per second")
    wav = periodic_speech_file(folder / "long.wav", seconds)
    sources = {"wav": wav}
    for fmt in args.formats.split(","):
        fmt = fmt.strip()
        if fmt and fmt not in sources:
            target = folder / f"long.{fmt}"
            cmd = [FFMPEG, "-nostdin", "-v", "error", "-y", "-i", str(wav), "-ac", "1"]
            subprocess.run([*cmd, str(target)], check=True)
            sources[fmt] = target
    for fmt in [f.strip() for f in args.formats.split(",") if f.strip()]:
        source = sources[fmt]
        size_mb = source.stat().st_size / 1e6
        ms, peaks = timed(lambda source=source: compute_peaks(source, bins_per_second=50))
        bins = len(peaks)  # type: ignore[arg-type]
        line(f"compute_peaks {fmt} ({size_mb:.0f} MB, {bins} bins)", f"{ms / 1000:7.2f} s")
        cache = folder / f"cache-{fmt}"
        load_or_compute(source, cache)
        hit, _ = timed(lambda source=source, cache=cache: load_or_compute(source, cache))
        line(f"load_or_compute {fmt}, cache hit", f"{hit:7.2f} ms")
    tracemalloc.start()
    try:
        compute_peaks(wav, bins_per_second=50)
        _, python_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    decoded_mb = seconds * 8000 * 2 / 1e6
    line(
        "peak Python memory while computing (wav)",
        f"{python_peak / 1e6:7.2f} MB",
        f"bounded (whole decode would be {decoded_mb:.0f} MB)",
    )
    self_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    line("peak RSS of this process (whole bench)", f"{self_mb:7.0f} MB")


def bench_models(args: argparse.Namespace, folder: Path) -> None:
    """The editor's models and search on the long transcript, offscreen (no window)."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QModelIndex, Qt
    from PySide6.QtWidgets import QApplication

    from kzdesk.core.search import SearchQuery, find_all
    from kzdesk.ui.editor.edit_session import EditSession
    from kzdesk.ui.editor.segment_commands import ReplaceTextCommand
    from kzdesk.ui.editor.segment_model import IsCurrentRole, SegmentTableModel, SpeakerColorRole
    from kzdesk.ui.editor.speaker_model import SpeakerListModel

    app = QApplication.instance() or QApplication([])
    t = make_transcript(args.hours, args.segments, args.speakers)
    print(f"\nEditor models and search ({len(t.segments)} phrases, offscreen)")
    query = SearchQuery(t.segments[0].words[0].text.upper(), whole_word=False)
    finds = [timed(lambda: find_all(t, query))[0] for _ in range(5)]
    line("find all (case-folded) in every phrase", spread(finds), "≤ 500 ms")

    model = SegmentTableModel(t)
    roles = [Qt.ItemDataRole.DisplayRole, SpeakerColorRole, IsCurrentRole, Qt.ItemDataRole.FontRole]
    indexes = [model.index(r, c) for r in range(model.rowCount()) for c in range(3)]

    def every_cell() -> None:
        for index in indexes:
            for role in roles:
                model.data(index, role)

    ms, _ = timed(every_cell)
    line(f"phrase table: {len(indexes) * len(roles)} data() calls", f"{ms:7.1f} ms", "≤ 1.5 s")

    session = EditSession(TranscriptService.in_database(Database.in_dir(folder / "models")), 0, t)
    session.applied = session.changed.emit  # the models alone, no disk
    speakers = SpeakerListModel(session)

    def two_hundred_edits() -> None:
        for n in range(200):
            session.push(ReplaceTextCommand(session, t.segments[n].id, f"сөз {n}"))

    ms, _ = timed(two_hundred_edits)
    line("200 text edits heard by the speakers list", f"{ms:7.1f} ms", "≤ 2 s")
    assert speakers.rowCount(QModelIndex()) == len(t.speakers)
    del app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hours", type=float, default=4)
    parser.add_argument("--segments", type=int, default=5000)
    parser.add_argument("--speakers", type=int, default=6)
    parser.add_argument("--wave-minutes", type=float, default=60)
    parser.add_argument("--formats", default="wav,mp3", help="comma-separated: wav, mp3, ogg")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kzdesk-bench-") as tmp:
        bench_transcript(args, Path(tmp))
        bench_waveform(args, Path(tmp))
        bench_models(args, Path(tmp))


if __name__ == "__main__":
    main()
