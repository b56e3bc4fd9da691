"""Give every recognised word the speaker whose turn covers it, and split segments there.

Works on engine utterances (SpeechKit: words without spaces, text = words joined by spaces;
Whisper: words carrying their leading space and punctuation) and on a whole Transcript. A word
covered by two speakers' turns goes to the one covering more of it and is marked as
overlapping; a lone word flipping to another speaker inside a run of one speaker is put back
(embeddings are too coarse to trust one short word).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, replace

from kzdesk.core.engine import Utterance
from kzdesk.core.transcript import Segment, Speaker, Transcript, Word, speaker_color
from kzdesk.diarization.turns import SpeakerTurn

NEAREST_S = 1.0  # a word outside every turn takes the nearest turn within this distance
OVERLAP_SHARE = 0.3  # the second speaker must cover this much of a word to mark overlap
LONE_WORD_S = 0.5


@dataclass
class AlignedUtterance:
    utterance: Utterance  # channel = speaker tag "0", "1", ...; may be a piece of the source
    speaker: int | None
    overlap: bool
    source_index: int  # which input utterance it came from


def speaker_for_span(
    turns: list[SpeakerTurn], start_s: float, end_s: float, prefer: int | None = None
) -> tuple[int | None, bool]:
    """(dominant speaker, overlapped?) for a span of time. Where two people speak, the
    segment's own speaker ``prefer`` keeps the word if their turn covers enough of it."""
    if end_s - start_s < 0.05:
        middle = (start_s + end_s) / 2
        start_s, end_s = middle - 0.025, middle + 0.025
    cover: dict[int, float] = {}
    flagged = False
    for t in turns:
        if t.end_s <= start_s:
            continue
        if t.start_s >= end_s:
            break
        share = min(end_s, t.end_s) - max(start_s, t.start_s)
        cover[t.speaker] = cover.get(t.speaker, 0.0) + share
        flagged = flagged or t.overlap
    if not cover:
        nearest = min(
            turns,
            key=lambda t: max(t.start_s - end_s, start_s - t.end_s),
            default=None,
        )
        if nearest is None or max(nearest.start_s - end_s, start_s - nearest.end_s) > NEAREST_S:
            return None, False
        return nearest.speaker, False
    ranked = sorted(cover.items(), key=lambda kv: -kv[1])
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    overlap = second >= OVERLAP_SHARE * (end_s - start_s) or (flagged and len(ranked) > 1)
    if (
        overlap
        and prefer is not None
        and cover.get(prefer, 0.0) >= OVERLAP_SHARE * (end_s - start_s)
    ):
        return prefer, True
    return ranked[0][0], overlap


def word_speakers(
    words: list[Word], turns: list[SpeakerTurn], prefer: int | None = None
) -> list[tuple[int | None, bool]]:
    turns = sorted(turns, key=lambda t: t.start_s)
    labels = [speaker_for_span(turns, w.start_ms / 1000, w.end_ms / 1000, prefer) for w in words]
    for i in range(1, len(labels) - 1):  # a lone short word between two of one speaker
        before, here, after = labels[i - 1][0], labels[i][0], labels[i + 1][0]
        short = words[i].end_ms - words[i].start_ms < LONE_WORD_S * 1000
        if before is not None and before == after != here and short:
            labels[i] = (before, labels[i][1])
    # words nobody covers take the previous (or next) word's speaker
    known = [s for s, _ in labels if s is not None]
    last = known[0] if known else None
    for i, (s, o) in enumerate(labels):
        if s is None:
            labels[i] = (last, o)
        else:
            last = s
    return labels


def _own_speaker(
    u: Utterance, turns: list[SpeakerTurn], owners: list[tuple[int, int, int]]
) -> int | None:
    """Whose segment this is: the speaker of most of its words heard without overlap; for a
    segment spoken wholly over another, a covering speaker who does not already own a segment
    running at the same time."""
    plain: dict[int, float] = {}
    covering: dict[int, float] = {}
    for w in u.words:
        speaker, overlap = speaker_for_span(turns, w.start_ms / 1000, w.end_ms / 1000)
        if speaker is None:
            continue
        length = max(w.end_ms - w.start_ms, 1)
        if not overlap:
            plain[speaker] = plain.get(speaker, 0.0) + length
    if plain:
        return max(plain, key=lambda s: plain[s])
    start, end = u.start_ms / 1000, u.end_ms / 1000
    for t in turns:
        shared = min(end, t.end_s) - max(start, t.start_s)
        if shared > 0:
            covering[t.speaker] = covering.get(t.speaker, 0.0) + shared
    busy = {s for a, b, s in owners if a < u.end_ms and u.start_ms < b}
    free = {s: v for s, v in covering.items() if s not in busy} or covering
    return max(free, key=lambda s: free[s]) if free else None


def _join(words: list[Word]) -> str:
    if any(w.text[:1].isspace() for w in words):  # Whisper: words carry their spaces
        return "".join(w.text for w in words).strip()
    return " ".join(w.text.strip() for w in words if w.text.strip())


def _split(
    start_ms: int, end_ms: int, words: list[Word], labels: list[tuple[int | None, bool]]
) -> list[tuple[int, int, list[Word], int | None, bool]]:
    """(start, end, words, speaker, overlap) pieces of one segment, one per speaker run."""
    pieces: list[tuple[int, int, list[Word], int | None, bool]] = []
    run_start = 0
    for i in range(1, len(words) + 1):
        if i == len(words) or labels[i][0] != labels[run_start][0]:
            chunk = words[run_start:i]
            speaker = labels[run_start][0]
            overlap = any(o for _, o in labels[run_start:i])
            first, last = run_start == 0, i == len(words)
            pieces.append(
                (
                    start_ms if first else chunk[0].start_ms,
                    end_ms if last else chunk[-1].end_ms,
                    chunk,
                    speaker,
                    overlap,
                )
            )
            run_start = i
    return pieces


def align_utterances(
    utterances: list[Utterance], turns: list[SpeakerTurn]
) -> list[AlignedUtterance]:
    """Utterances (times on the recording's timeline) split at speaker changes; the channel
    tag of each piece is its speaker's number, as the engines' own speaker tags are."""
    turns = sorted(turns, key=lambda t: t.start_s)
    out: list[AlignedUtterance] = []
    owners: list[tuple[int, int, int]] = []  # (start_ms, end_ms, own speaker) so far
    for index, u in enumerate(utterances):
        if not u.words:
            speaker, overlap = speaker_for_span(turns, u.start_ms / 1000, u.end_ms / 1000)
            tag = u.channel if speaker is None else str(speaker)
            out.append(AlignedUtterance(replace(u, channel=tag), speaker, overlap, index))
            continue
        own = _own_speaker(u, turns, owners)
        if own is not None:
            owners.append((u.start_ms, u.end_ms, own))
        labels = word_speakers(u.words, turns, prefer=own)
        pieces = _split(u.start_ms, u.end_ms, u.words, labels)
        for start, end, words, speaker, overlap in pieces:
            text = u.text.strip() if len(pieces) == 1 else _join(words)
            piece = Utterance(
                channel=u.channel if speaker is None else str(speaker),
                start_ms=start,
                end_ms=max(end, start),
                text=text,
                words=copy.deepcopy(words),
                language=u.language,
            )
            out.append(AlignedUtterance(piece, speaker, overlap, index))
    return out


def align_transcript(
    transcript: Transcript, turns: list[SpeakerTurn], *, channels: bool = False
) -> tuple[Transcript, set[int]]:
    """A new Transcript whose speakers are the diarized ones (named "Speaker N" or "Channel
    N") and whose segments are split where the speaker changes; also the ids of segments marked
    as overlapping speech."""
    utterances = [
        Utterance(str(s.speaker_id), s.start_ms, s.end_ms, s.text, s.words, s.language)
        for s in transcript.segments
    ]
    aligned = align_utterances(utterances, turns)
    speakers: dict[int, Speaker] = {}
    segments: list[Segment] = []
    overlapped: set[int] = set()
    word = "Channel" if channels else "Speaker"
    if channels:  # Channel 1 is the first (left) channel, whoever speaks first
        for index, channel in enumerate(sorted({a.speaker for a in aligned} - {None})):
            speakers[channel] = Speaker(
                index + 1, str(channel), f"Channel {channel + 1}", speaker_color(index)
            )
    for piece in sorted(aligned, key=lambda a: (a.utterance.start_ms, a.source_index)):
        speaker_id = None
        if piece.speaker is not None:
            sp = speakers.get(piece.speaker)
            if sp is None:
                index = len(speakers)
                label = str(piece.speaker)
                number = piece.speaker + 1 if channels else index + 1
                sp = Speaker(index + 1, label, f"{word} {number}", speaker_color(index))
                speakers[piece.speaker] = sp
            speaker_id = sp.id
        u = piece.utterance
        segment = Segment(
            id=len(segments) + 1,
            speaker_id=speaker_id,
            start_ms=u.start_ms,
            end_ms=u.end_ms,
            text=u.text,
            language=u.language,
            words=u.words,
        )
        segments.append(segment)
        if piece.overlap:
            overlapped.add(segment.id)
    result = copy.copy(transcript)
    result.speakers = list(speakers.values())
    result.segments = segments
    return result, overlapped
