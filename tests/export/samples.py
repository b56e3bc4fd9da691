"""Transcripts for the export tests: a realistic interview and a seeded random generator."""

from __future__ import annotations

import random

from kzdesk.core.transcript import Segment, Transcript, Word

KK_SEGMENTS = [
    "Сәлеметсіз бе, құрметті тыңдармандар!",
    "Бүгін біз Қазақстандағы цифрлық трансформация туралы әңгімелесеміз.",
    "Өңірлердегі мектептерге жоғары жылдамдықты интернет жеткізу жобасы үш жыл бұрын басталды,"
    " бірақ әлі де шешілмеген мәселелер көп: жабдықтың қымбаттығы, мамандардың жетіспеушілігі"
    " және ауылдық жерлердегі инфрақұрылымның әлсіздігі.",
    "Иә.",
    "Һәм бұл өте маңызды сұрақ, өйткені ұлттық бағдарлама осыған тікелей байланысты.",
    "Үкімет келесі жылы қосымша қаржы бөлуді жоспарлап отыр.",
]
RU_SEGMENTS = [
    "Здравствуйте, спасибо, что пригласили.",
    "Да, совершенно верно, проблема существует, и мы над ней работаем каждый день,"
    " но быстро это не решается, потому что нужно согласовывать бюджет с акиматами,"
    " подрядчиками и министерством.",
    "Согласен.",
    "Давайте я приведу конкретный пример из Карагандинской области.",
    "Там подключили сто двадцать школ за полгода.",
]
VOCABULARY = [
    "және",
    "бірақ",
    "өйткені",
    "қазақ",
    "тілі",
    "мектеп",
    "ұстаз",
    "білім",
    "ғылым",
    "өңір",
    "Қостанай",
    "Шымкент",
    "ақпарат",
    "жұмыс",
    "нәтиже",
    "үлкен",
    "кішкентай",
    "Һәм",
    "іс-шара",
    "ауыл",
    "құжат",
    "бағдарлама",
    "жоба",
    "қаржы",
    "и",
    "но",
    "потому",
    "что",
    "школа",
    "учитель",
    "область",
    "проект",
    "бюджет",
    "интернет",
    "работа",
    "человек",
    "подключение",
    "министерство",
    "сегодня",
    "завтра",
    "быстро",
    "медленно",
    "конечно",
    "да",
    "нет",
]


def words_at(
    text: str,
    start_ms: int,
    cps: float,
    rng: random.Random,
    pauses: tuple[int, ...] = (0, 0, 20, 60, 400),
) -> list[Word]:
    """Word timings for ``text`` spoken at ``cps`` characters per second from ``start_ms``."""
    words, t = [], start_ms
    for token in text.split():
        length = int((len(token) + 1) * 1000 / cps)
        words.append(Word(token, t, t + length, round(rng.uniform(0.6, 1.0), 3)))
        t += length + rng.choice(pauses)
    return words


def interview() -> Transcript:
    """Two speakers alternating, long segments, fast speech, a segment without word timings."""
    rng = random.Random(7)
    t = Transcript(
        title="Цифрлық Қазақстан: сұхбат / интервью",
        source_path="/home/user/Жазбалар/сұхбат_2024.m4a",
        created_at=1_714_550_400.5,
        language="kk",
    )
    t.add_speaker("0", "Спикер 1")
    t.add_speaker("1", "Спикер 2")
    clock = 500
    for i in range(14):
        speaker = 1 + i % 2
        segments = KK_SEGMENTS if speaker == 1 else RU_SEGMENTS
        text = segments[i % len(segments)]
        cps = (13.0, 17.0, 26.0, 32.0)[i % 4]  # every other segment of a speaker is fast
        words = words_at(text, clock, cps, rng, (0, 10, 30) if cps > 20 else (0, 20, 60, 400))
        end = words[-1].end_ms
        if i == 5:  # an edited segment the engine gave no word timings for
            words = []
        t.segments.append(Segment(i + 1, speaker, clock, end, text, "kk", words))
        clock = end + (150 if i % 3 else 1200)
    t.segments.append(Segment(15, None, clock, clock + 900, "[музыка]", None, []))
    t.duration_ms = clock + 2000
    return t


def expected_tokens(t: Transcript) -> list[str]:
    out: list[str] = []
    for seg in sorted(t.segments, key=lambda s: s.start_ms):
        out += [w.text for w in seg.words] if seg.words else seg.text.split()
    return out


def random_transcript(rng: random.Random) -> Transcript:
    t = Transcript(title="".join(rng.choices("әғқңөұүһі абв", k=8)), duration_ms=0)
    for n in range(rng.randint(1, 4)):
        t.add_speaker(str(n), rng.choice(["Айгүл", "Дмитрий Петров", "Ерлан", "Жанна <&>"]))
    clock = rng.randint(0, 3000)
    for sid in range(1, rng.randint(1, 30)):
        speaker = rng.choice([*[s.id for s in t.speakers], None])
        text = " ".join(rng.choices(VOCABULARY, k=rng.randint(1, 60)))
        cps = rng.uniform(4, 45)
        words = words_at(text, clock, cps, rng)
        end = words[-1].end_ms
        if rng.random() < 0.15:
            words = []
            end = clock + rng.choice((0, 300, 5000))
        t.segments.append(Segment(sid, speaker, clock, end, text, None, words))
        clock = max(end + rng.choice((-800, 0, 0, 50, 200, 700, 3000)), 0)
    t.duration_ms = clock
    return t
