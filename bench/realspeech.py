"""Real recordings, joined recordings and scoring for bench/offline.py (and the offline tests).

Normalisation before scoring (stated in every table): Unicode NFC, lower case, punctuation
(Unicode categories P*) removed, runs of white space made one space. WER counts word edits,
CER character edits of the normalised text (spaces included), both over the reference's length;
pooled figures are total edits over total reference length.
"""

from __future__ import annotations

import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "realspeech"


@dataclass(frozen=True)
class Recording:
    name: str
    file: str  # in tests/data/realspeech
    language: str  # what is spoken ("kk", "ru", "en", "en>de")
    reference: str | None  # file with the publisher's text; None: no reference

    @property
    def path(self) -> Path:
        return DATA / self.file

    def text(self) -> str:
        return (DATA / self.reference).read_text(encoding="utf-8").strip() if self.reference else ""


RECORDINGS = [
    Recording("kk example 1", "kk_ksc_example_1.flac", "kk", "kk_ksc_example_1.txt"),
    Recording("kk example 2", "kk_ksc_example_2.flac", "kk", "kk_ksc_example_2.txt"),
    Recording("ru pisets", "pisets_test_sound_ru.flac", "ru", "pisets_test_sound_ru.txt"),
    Recording("ru festvox 0001", "festvox_ru_0001.flac", "ru", "festvox_ru_0001.txt"),
    Recording("ru festvox 0196", "festvox_ru_0196.flac", "ru", "festvox_ru_0196.txt"),
    Recording("ru asterisk dir-intro", "asterisk_dir-intro.flac", "ru", "asterisk_dir-intro.txt"),
    Recording(
        "ru asterisk vm-options", "asterisk_vm-options.flac", "ru", "asterisk_vm-options.txt"
    ),
    Recording("en jfk (11 s)", "en_jfk.flac", "en", "en_jfk.txt"),
    Recording("en>de (60 s)", "en_de_multilingual.mp3", "en>de", None),
]
BY_NAME = {r.name: r for r in RECORDINGS}

# The English->German recording: English until about 29 s, German from about 30 s.
EN_DE_SWITCH_MS = 29_500

# The code-switching case: real Russian and Kazakh recordings one after another, 2.5 s apart
# (a pause, as between two people's turns); each piece's language is known.
JOIN_PAUSE_S = 2.5
JOINED = ["ru festvox 0196", "kk example 1", "ru pisets", "kk example 2", "ru asterisk dir-intro"]


@dataclass(frozen=True)
class Piece:
    name: str
    language: str
    start_ms: int
    end_ms: int
    text: str


def joined_recording(folder: Path, names: list[str] = JOINED) -> tuple[Path, list[Piece]]:
    """The listed recordings joined (16 kHz mono FLAC) and where each one lies."""
    import imageio_ffmpeg

    ffmpeg = imageio_ffmpeg.get_ffmpeg_exe()
    inputs: list[str] = []
    labels: list[str] = []
    pieces: list[Piece] = []
    position = 0.5
    parts: list[tuple[str, float]] = [("silence", 0.5)]
    for i, name in enumerate(names):
        rec = BY_NAME[name]
        length = duration_s(rec.path)
        parts.append((str(rec.path), length))
        pieces.append(
            Piece(
                name,
                rec.language,
                round(position * 1000),
                round((position + length) * 1000),
                rec.text(),
            )
        )
        position += length
        parts.append(("silence", JOIN_PAUSE_S if i < len(names) - 1 else 0.5))
        position += JOIN_PAUSE_S
    for i, (source, seconds) in enumerate(parts):
        if source == "silence":
            inputs += ["-f", "lavfi", "-t", f"{seconds}", "-i", "anullsrc=r=16000:cl=mono"]
        else:
            inputs += ["-i", source]
        labels.append(f"[{i}:a]aresample=16000,aformat=channel_layouts=mono[a{i}]")
    graph = ";".join(labels) + ";" + "".join(f"[a{i}]" for i in range(len(parts)))
    graph += f"concat=n={len(parts)}:v=0:a=1[out]"
    out = folder / "ru_kk_joined.flac"
    subprocess.run(
        [
            ffmpeg,
            "-nostdin",
            "-v",
            "error",
            "-y",
            *inputs,
            "-filter_complex",
            graph,
            "-map",
            "[out]",
            "-c:a",
            "flac",
            str(out),
        ],
        check=True,
        timeout=120,
    )
    return out, pieces


def split_recording(path: Path, at_ms: int, folder: Path) -> tuple[Path, Path]:
    """The recording cut in two at ``at_ms`` (16 kHz mono FLAC)."""
    import imageio_ffmpeg

    ffmpeg = imageio_ffmpeg.get_ffmpeg_exe()
    first, second = folder / "first.flac", folder / "second.flac"
    common = ["-ar", "16000", "-ac", "1", "-c:a", "flac"]
    for out, span in ((first, ["-t", f"{at_ms / 1000}"]), (second, ["-ss", f"{at_ms / 1000}"])):
        subprocess.run(
            [ffmpeg, "-nostdin", "-v", "error", "-y", "-i", str(path), *span, *common, str(out)],
            check=True,
            timeout=60,
        )
    return first, second


def duration_s(path: Path) -> float:
    import av

    with av.open(str(path)) as container:
        stream = container.streams.audio[0]
        if stream.duration is not None and stream.time_base is not None:
            return float(stream.duration * stream.time_base)
        return float(container.duration or 0) / 1_000_000


# ---- scoring -----------------------------------------------------------------------------------
def normalise(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text).lower()
    text = "".join(" " if unicodedata.category(ch).startswith("P") else ch for ch in text)
    return text.split()


def edit_distance(a: list[str] | str, b: list[str] | str) -> int:
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, start=1):
        current = [i]
        for j, y in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


@dataclass
class Score:
    word_edits: int = 0
    words: int = 0
    char_edits: int = 0
    chars: int = 0

    def add(self, reference: str, hypothesis: str) -> Score:
        ref, hyp = normalise(reference), normalise(hypothesis)
        self.word_edits += edit_distance(ref, hyp)
        self.words += len(ref)
        self.char_edits += edit_distance(" ".join(ref), " ".join(hyp))
        self.chars += len(" ".join(ref))
        return self

    @property
    def wer(self) -> float:
        return self.word_edits / max(self.words, 1)

    @property
    def cer(self) -> float:
        return self.char_edits / max(self.chars, 1)


def score(reference: str, hypothesis: str) -> Score:
    return Score().add(reference, hypothesis)


def languages_by_time(segments: list[tuple[int, int, str, str | None]]) -> dict[str, float]:
    """Each language's share of the segments' time."""
    spoken: dict[str, int] = {}
    for start, end, _text, language in segments:
        key = (language or "?").split("-")[0]
        spoken[key] = spoken.get(key, 0) + max(end - start, 1)
    total = sum(spoken.values()) or 1
    return {k: v / total for k, v in sorted(spoken.items(), key=lambda kv: -kv[1])}


def describe_languages(shares: dict[str, float]) -> str:
    if not shares:
        return "–"
    if len(shares) == 1:
        return next(iter(shares))
    return " ".join(f"{k} {v:.0%}" for k, v in shares.items())


def in_range(
    segments: list[tuple[int, int, str, str | None]], start_ms: int, end_ms: int
) -> list[tuple[int, int, str, str | None]]:
    """The segments that lie mostly inside [start_ms, end_ms)."""
    found = []
    for seg in segments:
        overlap = min(seg[1], end_ms) - max(seg[0], start_ms)
        if overlap > 0 and overlap >= (seg[1] - seg[0]) / 2:
            found.append(seg)
    return found
