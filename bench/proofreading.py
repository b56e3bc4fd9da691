"""Proofreading on real speech: how well Whisper's word probabilities point at the wrong words,
and whether the glossary (given to Whisper as hot words) hurts when its terms are absent.

Real recordings with their publishers' references (bench/data/real: Russian literary prose
read by one man, two short Russian/English clips, the JFK quote) are transcribed with the
Whisper base weights the tests use — base does not understand Kazakh, so Kazakh is not
measured here — with kzdesk's own decoding options (beam 5, word timestamps, VAD). Each
recognised word is aligned to the reference (Levenshtein over normalised words: lower case,
ё = е, no punctuation) and is *right* when it matches, *wrong* otherwise. For each threshold:

- recall: the share of wrong words that are flagged (probability below the threshold);
- right among flagged: the share of flagged words that were right (wasted looks).

One threshold for all files (no per-file tuning). Then the word error rate without a glossary,
with a glossary of 12 Kazakh names and terms that are *absent* from these recordings, and with
one of the 7 names that *are* in them, and how many misrecognised names the editor's glossary
suggestions would offer to fix.

    python bench/proofreading.py [--beam 5]
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kzdesk.core.glossary import Glossary  # noqa: E402
from kzdesk.core.transcript import Segment, Word  # noqa: E402
from kzdesk.engines.whisper_messages import WhisperRequest  # noqa: E402
from kzdesk.engines.whisper_worker import decode_options  # noqa: E402
from tests.whisper_weights import build_whisper_base  # noqa: E402

DATA = ROOT / "bench" / "data" / "real"
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.9)
ABSENT = (
    "Тоқаев",
    "Токаев",
    "Нұрсұлтан",
    "Ақтөбе",
    "Өскемен",
    "Самұрық-Қазына",
    "Қарағанды",
    "Бекнұр",
    "Айгүл",
    "ҚазМұнайГаз",
    "Kaspi",
    "Astana Hub",
)
PRESENT = (
    "Арчибальд",
    "Скайлс",
    "Шрелла",
    "Осборна",
    "Линдауэр-Хютте",
    "Мадленер-Хаус",
    "Висбаден-Хютте",
)
_NOT_WORD = re.compile(r"[^\w-]+")


def normalise(text: str) -> list[str]:
    text = text.lower().replace("ё", "е")
    return [w.strip("-") for w in _NOT_WORD.sub(" ", text).split() if w.strip("-")]


def align(ref: list[str], hyp: list[str]) -> tuple[list[bool], int]:
    """For each hypothesis word whether it matches the reference; and the edit count."""
    n, m = len(ref), len(hyp)
    cost = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        cost[i][0] = i
    for j in range(m + 1):
        cost[0][j] = j
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            cost[i][j] = min(
                cost[i - 1][j] + 1,
                cost[i][j - 1] + 1,
                cost[i - 1][j - 1] + (ref[i - 1] != hyp[j - 1]),
            )
    right = [False] * m
    i, j = n, m
    while i > 0 and j > 0:
        if cost[i][j] == cost[i - 1][j - 1] + (ref[i - 1] != hyp[j - 1]):
            right[j - 1] = ref[i - 1] == hyp[j - 1]
            i, j = i - 1, j - 1
        elif cost[i][j] == cost[i][j - 1] + 1:
            j -= 1
        else:
            i -= 1
    return right, cost[n][m]


@dataclass
class Result:
    name: str
    words: list[tuple[str, float]]  # recognised words and their probabilities
    text: str


def transcribe(model, path: Path, language: str, glossary: tuple[str, ...], beam: int) -> Result:  # type: ignore[no-untyped-def]
    from faster_whisper import decode_audio

    request = WhisperRequest(
        model_path="", audio_path=str(path), language=language, beam_size=beam, glossary=glossary
    )
    segments, _ = model.transcribe(
        decode_audio(str(path)), language=language, **decode_options(request, language)
    )
    words, texts = [], []
    for segment in segments:
        texts.append(segment.text.strip())
        for w in segment.words or ():
            for token in normalise(w.word):
                words.append((token, float(w.probability)))
    return Result(path.stem, words, " ".join(texts))


def files() -> list[tuple[Path, str, str]]:
    out = []
    for audio in sorted(DATA.glob("*.flac")):
        language = "en" if audio.stem.startswith("en_") or audio.stem.endswith("_en") else "ru"
        out.append((audio, language, (DATA / f"{audio.stem}.txt").read_text(encoding="utf-8")))
    return out


def run(model, glossary: tuple[str, ...], beam: int) -> tuple[list[Result], float]:  # type: ignore[no-untyped-def]
    began = time.perf_counter()
    results = [transcribe(model, a, lang, glossary, beam) for a, lang, _ in files()]
    return results, time.perf_counter() - began


def error_rate(results: list[Result]) -> tuple[float, int]:
    edits = total = 0
    for result, (_, _, reference) in zip(results, files(), strict=True):
        ref = normalise(reference)
        _, e = align(ref, [w for w, _ in result.words])
        edits += e
        total += len(ref)
    return edits / max(total, 1), total


def flagging(results: list[Result]) -> None:
    labelled: list[tuple[float, bool]] = []
    for result, (_, _, reference) in zip(results, files(), strict=True):
        right, _ = align(normalise(reference), [w for w, _ in result.words])
        labelled += [(p, ok) for (_, p), ok in zip(result.words, right, strict=True)]
    wrong = sum(1 for _, ok in labelled if not ok)
    print(f"  {len(labelled)} recognised words, {wrong} wrong ({wrong / len(labelled):.0%})")
    print("  threshold  flagged  recall (wrong flagged)  right among flagged")
    for t in THRESHOLDS:
        flagged = [ok for p, ok in labelled if p < t]
        caught = sum(1 for ok in flagged if not ok)
        wasted = sum(1 for ok in flagged if ok)
        print(
            f"  {t:9.2f}  {len(flagged):7d}  {caught / max(wrong, 1):21.0%}  "
            f"{wasted / max(len(flagged), 1):19.0%}"
        )


def suggestions(results: list[Result]) -> None:
    """The editor's glossary suggestions on the transcripts made without a glossary."""
    glossary = Glossary(PRESENT)
    offered = []
    for n, result in enumerate(results):
        seg = Segment(
            n, None, 0, 1, result.text, "ru", [Word(t, 0, 1) for t in result.text.split()]
        )
        offered += [(s.found, s.term) for s in glossary.suggestions(seg)]
    print(f"  glossary suggestions on the plain transcripts ({len(PRESENT)} names): {offered}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--beam", type=int, default=5)
    args = parser.parse_args()
    from faster_whisper import WhisperModel

    cache = Path(tempfile.gettempdir()) / "kzdesk-bench-whisper-base"
    model = WhisperModel(str(build_whisper_base(cache)), device="cpu", compute_type="int8")
    seconds = sum(float(__import__("av").open(str(a)).duration or 0) / 1e6 for a, _, _ in files())
    print(
        f"Whisper base (int8, beam {args.beam}) on {len(files())} real recordings, {seconds:.0f} s"
    )
    plain, took = run(model, (), args.beam)
    wer, words = error_rate(plain)
    print(f"  no glossary:                      WER {wer:6.1%} of {words} words ({took:.0f} s)")
    flagging(plain)
    absent, took = run(model, ABSENT, args.beam)
    print(
        f"  glossary of {len(ABSENT)} absent terms:      WER {error_rate(absent)[0]:6.1%} ({took:.0f} s)"
    )
    present, took = run(model, PRESENT, args.beam)
    print(
        f"  glossary of the {len(PRESENT)} names present: WER {error_rate(present)[0]:6.1%} ({took:.0f} s)"
    )
    for name in PRESENT:
        found = [r.name for r in plain if name.lower() in r.text.lower()]
        found_g = [r.name for r in present if name.lower() in r.text.lower()]
        print(
            f"    {name:16s} spelled right without / with the glossary: {bool(found)} / {bool(found_g)}"
        )
    suggestions(plain)


if __name__ == "__main__":
    main()
