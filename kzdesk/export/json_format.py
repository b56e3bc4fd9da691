"""JSON: the whole transcript, readable back into an equal :class:`Transcript`."""

from __future__ import annotations

import json
import math
from typing import Any

from kzdesk.core import transcript_ops
from kzdesk.core.i18n import QT_TRANSLATE_NOOP
from kzdesk.core.transcript import Segment, Speaker, Transcript, Word

FORMAT_NAME = "kzdesk-transcript"
FORMAT_VERSION = 1


class TranscriptFormatError(ValueError):
    """The data is not a transcript kzdesk wrote (or is from a newer kzdesk)."""


def transcript_to_dict(transcript: Transcript) -> dict[str, Any]:
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "title": transcript.title,
        "source_path": transcript.source_path,
        "duration_ms": transcript.duration_ms,
        "created_at": transcript.created_at,
        # the languages heard, most spoken first ("ru+kk"); each segment has its own
        "language": transcript_ops.heard_language(transcript),
        "languages": transcript_ops.spoken_languages(transcript),
        "speakers": [
            {"id": s.id, "label": s.label, "name": s.name, "color": s.color}
            for s in transcript.speakers
        ],
        "segments": [
            {
                "id": seg.id,
                "speaker_id": seg.speaker_id,
                "start_ms": seg.start_ms,
                "end_ms": seg.end_ms,
                "text": seg.text,
                "language": seg.language,
                "words": [
                    {
                        "text": w.text,
                        "start_ms": w.start_ms,
                        "end_ms": w.end_ms,
                        "confidence": _finite(w.confidence),
                        "checked": w.checked,
                    }
                    for w in seg.words
                ],
            }
            for seg in transcript.segments
        ],
    }


def _finite(value: float | None) -> float | None:
    return value if value is None or math.isfinite(value) else None


def render_json(transcript: Transcript, options: object = None) -> bytes:
    text = json.dumps(transcript_to_dict(transcript), ensure_ascii=False, indent=1, allow_nan=False)
    return (text + "\n").encode("utf-8")


def transcript_from_json(data: bytes | str) -> Transcript:
    """Read back what :func:`render_json` wrote. Raises :class:`TranscriptFormatError`."""
    try:
        if isinstance(data, bytes):
            data = data.decode("utf-8-sig")
        doc = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise TranscriptFormatError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The file is not readable JSON ({reason}). Choose a file kzdesk exported as JSON.",
            ).format(reason=exc)
        ) from exc
    return transcript_from_dict(doc)


def transcript_from_dict(doc: Any) -> Transcript:
    if not isinstance(doc, dict) or doc.get("format") != FORMAT_NAME:
        raise TranscriptFormatError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The file is JSON but not a kzdesk transcript. Choose a file kzdesk exported as "
                "JSON.",
            )
        )
    version = doc.get("version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise TranscriptFormatError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The transcript was written by a newer kzdesk (format {version}). Update kzdesk "
                "to open it.",
            ).format(version=version)
        )
    try:
        return Transcript(
            speakers=[
                Speaker(
                    id=_int(s["id"]),
                    label=_str(s["label"]),
                    name=_str(s["name"]),
                    color=_str(s["color"]),
                )
                for s in doc["speakers"]
            ],
            segments=[_segment(seg) for seg in doc["segments"]],
            title=_str(doc["title"]),
            source_path=_str(doc["source_path"]),
            duration_ms=_int(doc["duration_ms"]),
            created_at=_float(doc["created_at"]),
            language=_str(doc["language"]),
        )
    except (KeyError, TypeError) as exc:
        raise TranscriptFormatError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The transcript file is damaged: {field} is missing or has the wrong type.",
            ).format(field=str(exc))
        ) from exc


def _segment(seg: dict[str, Any]) -> Segment:
    speaker_id = seg["speaker_id"]
    language = seg.get("language")
    return Segment(
        id=_int(seg["id"]),
        speaker_id=None if speaker_id is None else _int(speaker_id),
        start_ms=_int(seg["start_ms"]),
        end_ms=_int(seg["end_ms"]),
        text=_str(seg["text"]),
        language=None if language is None else _str(language),
        words=[
            Word(
                text=_str(w["text"]),
                start_ms=_int(w["start_ms"]),
                end_ms=_int(w["end_ms"]),
                confidence=None if w.get("confidence") is None else _float(w["confidence"]),
                checked=_bool(w.get("checked", False)),
            )
            for w in seg.get("words", [])
        ],
    )


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(repr(value))
    return value


def _float(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(repr(value))
    return float(value)


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError(repr(value))
    return value


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(repr(value))
    return value
