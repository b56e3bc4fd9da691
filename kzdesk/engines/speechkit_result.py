"""SpeechKit's words and kzdesk's: the language codes and audio formats a request names, and
a recognition result read back as utterances (one timeline, duplicates dropped).
"""

from __future__ import annotations

from typing import Any

from kzdesk.core.engine import AudioPiece, EngineError, FailureKind, Utterance
from kzdesk.core.i18n import QT_TRANSLATE_NOOP
from kzdesk.core.job import Language
from kzdesk.core.transcript import Word

LANGUAGE_CODES = {
    Language.KK_RU: ["kk-KZ", "ru-RU"],
    Language.KK: ["kk-KZ"],
    Language.RU: ["ru-RU"],
    Language.AUTO: ["auto"],
}
FORMATS = {"OGG_OPUS": "OGG_OPUS", "MP3": "MP3", "WAV": "WAV"}


def audio_format(piece: AudioPiece) -> str:
    """The SDK's name for the piece's format; EngineError (BAD_AUDIO) when it takes none."""
    fmt = piece.audio_format.upper()
    if fmt in FORMATS:
        return FORMATS[fmt]
    if fmt in ("LPCM", "PCM16"):
        if piece.sample_rate not in (8000, 16000, 48000):
            raise EngineError(
                FailureKind.BAD_AUDIO,
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "Raw PCM audio at {sample_rate} Hz cannot be sent; SpeechKit accepts 8000, 16000 "
                    "or 48000 Hz.",
                ).format(sample_rate=piece.sample_rate),
            )
        return f"PCM16({piece.sample_rate}, {max(piece.channels, 1)})"
    raise EngineError(
        FailureKind.BAD_AUDIO,
        QT_TRANSLATE_NOOP(
            "Messages",
            "The audio format {audio_format} is not one SpeechKit accepts (OGG Opus, MP3, "
            "WAV or raw PCM).",
        ).format(audio_format=f"{piece.audio_format!r}"),
    )


def convert_result(result: Any) -> list[Utterance]:
    """All channels of an SDK result as one timeline, duplicates dropped, sorted by start."""
    seen: set[tuple[str, int, int, str]] = set()
    utterances: list[Utterance] = []
    for tag, channel in result.channels.items():
        for item in channel.utterances:
            start = int(item.timespan.start_time_ms)
            end = int(item.timespan.end_time_ms)
            text = (item.text or "").strip()
            key = (str(tag), start, end, text)
            if not text or key in seen:
                continue
            seen.add(key)
            words = [
                Word(
                    w.text,
                    int(w.timespan.start_time_ms),
                    int(w.timespan.end_time_ms),
                    _confidence(final),
                )
                for final in item.finals
                for w in final.words
            ]
            utterances.append(Utterance(str(tag), start, end, text, words, _language(item.finals)))
    utterances.sort(key=lambda u: (u.start_ms, u.end_ms, u.channel))
    return utterances


def _confidence(final: Any) -> float | None:
    """The utterance's confidence for each of its words: SpeechKit v3 gives words none, and
    documents the hypothesis confidence as "currently not used" (0). Never invented: 0 or
    nothing is None, which the editor reports instead of flagging words."""
    try:
        value = float(final.confidence)
    except (AttributeError, IndexError, TypeError, ValueError):
        return None
    return value if 0.0 < value <= 1.0 else None


def _language(finals: Any) -> str | None:
    for final in finals:
        languages = getattr(final, "languages", None)
        if languages:
            return max(languages.items(), key=lambda kv: kv[1])[0]
    return None
