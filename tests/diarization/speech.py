"""Synthetic meetings from espeak-ng voices, with every turn's time known exactly.

Shared by tests/diarization and bench/diarization.py. Each voice is an espeak-ng variant
(``+m1`` .. ``+m7``, ``+f1`` .. ``+f5``) with its own pitch (``-p``) and speed (``-s``); a
dialog strings turns of randomly chosen speakers together with short pauses (and, if asked,
short overlaps), and the reference turns are where each clip's sound really starts and ends.
Word times inside a turn are spread in proportion to word length, which is exact at the turn's
edges (what alignment tests need) and approximate inside.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import wave
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy.signal import resample_poly

RATE = 16000
_ESPEAK_RATE = 22050


@dataclass(frozen=True)
class Voice:
    variant: str  # espeak-ng variant: "m3", "f2"
    pitch: int  # -p, 0..99
    speed: int  # -s, words per minute

    @property
    def name(self) -> str:
        return f"{self.variant}/p{self.pitch}/s{self.speed}"


# Twelve voices: every variant once, pitches and speeds spread so that no two are twins.
VOICES = (
    Voice("m1", 30, 150),
    Voice("f1", 60, 165),
    Voice("m2", 45, 175),
    Voice("f2", 75, 145),
    Voice("m3", 20, 160),
    Voice("f3", 50, 180),
    Voice("m4", 60, 140),
    Voice("f4", 85, 170),
    Voice("m5", 35, 185),
    Voice("f5", 40, 155),
    Voice("m6", 70, 165),
    Voice("m7", 25, 135),
)

SENTENCES = {
    "ru": (
        "Добрый день, коллеги, давайте начнём совещание.",
        "Сегодня мы обсудим план работы на следующий квартал.",
        "Я подготовил отчёт о продажах за прошлый месяц.",
        "Цифры выросли почти на пятнадцать процентов.",
        "Нужно ещё раз проверить договор с поставщиком.",
        "Предлагаю перенести встречу на четверг.",
        "У меня есть вопрос по бюджету проекта.",
        "Хорошо, тогда я отправлю письмо сегодня вечером.",
        "Давайте вернёмся к этому вопросу после обеда.",
        "Согласен, но сроки выглядят слишком жёсткими.",
        "Клиент просил прислать презентацию до пятницы.",
        "Мы можем нанять ещё двух разработчиков.",
        "Отдел кадров уже объявил конкурс на эту должность.",
        "Спасибо всем, на сегодня это всё.",
    ),
    "kk": (
        "Қайырлы күн, әріптестер, жиналысты бастайық.",
        "Бүгін келесі тоқсанның жұмыс жоспарын талқылаймыз.",
        "Мен өткен айдағы сату туралы есеп дайындадым.",
        "Көрсеткіштер он бес пайызға өсті.",
        "Жеткізушімен келісімшартты тағы бір рет тексеру керек.",
        "Кездесуді бейсенбіге ауыстыруды ұсынамын.",
        "Жоба бюджеті бойынша сұрағым бар.",
        "Жарайды, онда хатты бүгін кешке жіберемін.",
        "Бұл сұраққа түстен кейін қайта оралайық.",
        "Келісемін, бірақ мерзімдер тым қысқа сияқты.",
    ),
}


@dataclass(frozen=True)
class Turn:
    speaker: int  # index into Dialog.voices
    start_s: float
    end_s: float
    text: str
    words: tuple[tuple[str, float, float], ...]  # (text, start_s, end_s)


@dataclass
class Dialog:
    audio: np.ndarray  # float32 mono at RATE
    turns: list[Turn]
    voices: list[Voice]
    overlaps: list[tuple[float, float]] = field(default_factory=list)  # both talk here

    @property
    def duration_s(self) -> float:
        return len(self.audio) / RATE


def espeak_available() -> bool:
    return shutil.which("espeak-ng") is not None


def synthesize(voice: Voice, text: str, language: str = "ru") -> np.ndarray:
    """One clip at RATE, float32, with the silence espeak puts around it trimmed away."""
    cmd = ["espeak-ng", "-v", f"{language}+{voice.variant}", "-p", str(voice.pitch)]
    cmd += ["-s", str(voice.speed), "--stdout", text]
    raw = subprocess.run(cmd, check=True, capture_output=True, timeout=60).stdout
    pcm = np.frombuffer(raw[44 : 44 + (len(raw) - 44) // 2 * 2], dtype="<i2")
    audio = resample_poly(pcm.astype(np.float32) / 32768.0, 320, 441).astype(np.float32)
    loud = np.flatnonzero(np.abs(audio) > 0.01)
    if loud.size == 0:
        return np.zeros(0, dtype=np.float32)
    return audio[loud[0] : loud[-1] + 1] * 0.8


def _spread_words(text: str, start_s: float, end_s: float) -> tuple[tuple[str, float, float], ...]:
    tokens = text.split()
    weights = [len(t) + 1 for t in tokens]
    total = sum(weights)
    words, pos = [], 0
    for token, weight in zip(tokens, weights, strict=True):
        w_start = start_s + (end_s - start_s) * pos / total
        pos += weight
        w_end = start_s + (end_s - start_s) * pos / total - 0.02
        words.append((token, w_start, max(w_end, w_start + 0.01)))
    return tuple(words)


def make_dialog(
    n_speakers: int,
    n_turns: int,
    *,
    seed: int = 0,
    voices: list[Voice] | None = None,
    overlap_every: int = 0,
    pause_s: tuple[float, float] = (0.25, 0.9),
    sentences_per_turn: tuple[int, int] = (1, 3),
) -> Dialog:
    """A dialog of ``n_turns`` turns among ``n_speakers`` voices (each speaks at least once).

    ``overlap_every`` = k > 0 starts every k-th turn 0.3–0.6 s before the previous one ends."""
    rng = random.Random(seed)
    chosen = list(voices) if voices else rng.sample(list(VOICES), n_speakers)
    order = list(range(n_speakers))
    rng.shuffle(order)
    while len(order) < n_turns:
        order.append(rng.choice([s for s in range(n_speakers) if s != order[-1]]))
    pieces: list[tuple[int, np.ndarray]] = []
    turns: list[Turn] = []
    overlaps: list[tuple[float, float]] = []
    cursor = 0.3
    previous_end = 0.0
    for index, speaker in enumerate(order[:n_turns]):
        language = "kk" if rng.random() < 0.3 else "ru"
        count = rng.randint(*sentences_per_turn)
        text = " ".join(rng.sample(list(SENTENCES[language]), count))
        clip = synthesize(chosen[speaker], text, language)
        start = cursor
        if overlap_every and index and index % overlap_every == 0:
            start = max(previous_end - rng.uniform(0.3, 0.6), turns[-1].start_s + 0.5)
            overlaps.append((start, previous_end))
        start_sample = round(start * RATE)
        start = start_sample / RATE
        end = (start_sample + len(clip)) / RATE
        pieces.append((start_sample, clip))
        turns.append(Turn(speaker, start, end, text, _spread_words(text, start, end)))
        previous_end = end
        cursor = end + rng.uniform(*pause_s)
    total = max(s + len(c) for s, c in pieces) + RATE // 2
    audio = np.zeros(total, dtype=np.float32)
    for start_sample, clip in pieces:
        audio[start_sample : start_sample + len(clip)] += clip
    np.clip(audio, -1.0, 1.0, out=audio)
    return Dialog(audio, turns, chosen, overlaps)


def write_wav(path: Path | str, audio: np.ndarray, rate: int = RATE) -> Path:
    """16-bit WAV; ``audio`` is (samples,) or (samples, channels)."""
    data = np.asarray(audio, dtype=np.float32)
    channels = 1 if data.ndim == 1 else data.shape[1]
    pcm = (np.clip(data, -1.0, 1.0) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(pcm.tobytes())
    return Path(path)
