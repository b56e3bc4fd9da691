"""Turn the engine's utterances of every piece into one Transcript on the original timeline."""

from __future__ import annotations

import os
import time
from typing import Any

from kzdesk.core import transcript_ops
from kzdesk.core.engine import AudioPiece, Utterance
from kzdesk.core.job import Job, SpeakersMode
from kzdesk.core.transcript import Segment, Speaker, Transcript, Word, speaker_color


def utterances_to_json(utterances: list[Utterance]) -> list[dict[str, Any]]:
    return [
        {
            "channel": u.channel,
            "start_ms": u.start_ms,
            "end_ms": u.end_ms,
            "text": u.text,
            "language": u.language,
            "words": [[w.text, w.start_ms, w.end_ms, w.confidence] for w in u.words],
        }
        for u in utterances
    ]


def utterances_from_json(data: list[dict[str, Any]]) -> list[Utterance]:
    return [
        Utterance(
            channel=d["channel"],
            start_ms=d["start_ms"],
            end_ms=d["end_ms"],
            text=d["text"],
            language=d.get("language"),
            words=[Word(w[0], w[1], w[2], w[3]) for w in d["words"]],
        )
        for d in data
    ]


def _speaker_name(mode: SpeakersMode, index: int) -> str:
    return f"Channel {index + 1}" if mode is SpeakersMode.CHANNELS else f"Speaker {index + 1}"


def _channel_order(tag: str) -> tuple[int, str]:
    return (int(tag), "") if tag.isdigit() else (1 << 30, tag)


def _channel_name(tag: str, index: int) -> str:
    """The channel's own number (engines tag channels "0", "1", ...), not the order in which
    the channels first speak."""
    return f"Channel {int(tag) + 1}" if tag.isdigit() else f"Channel {index + 1}"


def build_transcript(
    job: Job, duration_ms: int, results: list[tuple[AudioPiece, list[Utterance]]]
) -> Transcript:
    """One timeline sorted by time; speakers are entities keyed by the engine's channel tag.

    Tags from separately recognised pieces of one file are the engine's own numbering per
    piece; they are kept as they are (local diarization will reconcile them)."""
    placed: list[tuple[int, int, int, Utterance]] = []
    for piece, utterances in results:
        offset = piece.offset_ms
        placed += [
            (u.start_ms + offset, u.end_ms + offset, offset, u)
            for u in utterances
            if u.text.strip()
        ]
    placed.sort(key=lambda p: (p[0], p[1], p[3].channel))

    speakers: dict[str, Speaker] = {}
    if job.speakers is SpeakersMode.CHANNELS:  # Channel 1 is the left (first) channel, always
        for index, tag in enumerate(sorted({p[3].channel for p in placed}, key=_channel_order)):
            speakers[tag] = Speaker(index + 1, tag, _channel_name(tag, index), speaker_color(index))
    segments: list[Segment] = []
    for start, end, offset, u in placed:
        speaker_id = None
        if job.speakers is not SpeakersMode.OFF:
            sp = speakers.get(u.channel)
            if sp is None:
                index = len(speakers)
                sp = Speaker(
                    id=index + 1,
                    label=u.channel,
                    name=_speaker_name(job.speakers, index),
                    color=speaker_color(index),
                )
                speakers[u.channel] = sp
            speaker_id = sp.id
        words = [
            Word(w.text, w.start_ms + offset, w.end_ms + offset, w.confidence) for w in u.words
        ]
        segments.append(
            Segment(
                id=len(segments) + 1,
                speaker_id=speaker_id,
                start_ms=start,
                end_ms=max(end, start),
                text=u.text.strip(),
                language=u.language,
                words=words,
            )
        )
    title = os.path.splitext(os.path.basename(job.source_path))[0]
    transcript = Transcript(
        speakers=list(speakers.values()),
        segments=segments,
        title=title,
        source_path=job.source_path,
        duration_ms=duration_ms,
        created_at=time.time(),
        language=job.language.value,
    )
    # what was heard ("ru+kk"), not what was asked for ("kk-ru"); the request when unknown
    transcript.language = transcript_ops.heard_language(transcript)
    return transcript
