"""SRT and WebVTT: cues built from word timings under subtitle rules.

Rules (all from :class:`ExportOptions`): at most ``max_lines`` lines of ``max_line_chars``,
broken at word boundaries into balanced lines; a cue never holds two speakers or two segments;
reading speed at most ``max_cps``; duration between ``min_cue_ms`` and ``max_cue_ms``; each cue
ends at least ``min_gap_ms`` before the next one starts.

Cue text is split where speech pauses or a sentence ends (a small dynamic programme per
segment). Timing then runs forward: a cue starts with its first word (or when the previous cue
ends, if that is later) and lasts long enough to be read, stretching into the following silence.
When speech is faster than anyone can read, no choice of cues fits the speech itself, so the
following cues are pushed later until a pause lets them catch up.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass

from kzdesk.core import timecode
from kzdesk.core.transcript import Segment, Transcript, retime_words
from kzdesk.export.options import ExportOptions
from kzdesk.export.turns import ordered_segments

_SENTENCE_END = (".", "!", "?", "…")
_CLAUSE_END = (",", ";", ":", "—", "–")
_PREFIX_BREAK_PENALTY = 50.0  # a cue holding nothing but "Name:" is a last resort
_DEBT_PER_SECOND = 1.5  # cost of each second a cue pushes the following cues late


@dataclass(frozen=True)
class _Token:
    text: str
    start_ms: int
    end_ms: int
    is_prefix: bool = False


@dataclass(frozen=True)
class Cue:
    index: int  # from 1
    start_ms: int
    end_ms: int
    lines: tuple[str, ...]  # as displayed; the SRT speaker prefix is part of the first line
    speaker_id: int | None
    speaker_name: str

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def _cue_char_limit(opts: ExportOptions) -> int:
    by_lines = opts.max_lines * opts.max_line_chars + opts.max_lines - 1
    by_speed = math.floor(opts.max_cps * opts.max_cue_ms / 1000)
    return min(by_lines, by_speed)


def _segment_tokens(seg: Segment, longest: int) -> list[_Token]:
    """Word tokens with timings; segments without words get timings spread over the segment."""
    words = seg.words or retime_words(seg.text, [], seg.start_ms, seg.end_ms)
    tokens: list[_Token] = []
    for word in words:
        start = max(int(word.start_ms), 0)
        end = max(int(word.end_ms), start)
        parts = [p for part in word.text.split() for p in _chop(part, longest)]
        span, total, pos = end - start, sum(len(p) for p in parts), 0
        for part in parts:  # a "word" holding spaces or longer than a line becomes several
            t0 = start + span * pos // total
            pos += len(part)
            tokens.append(_Token(part, t0, start + span * pos // total))
    if not tokens and seg.words:  # words without text: use the segment's text instead
        return _segment_tokens(
            Segment(seg.id, seg.speaker_id, seg.start_ms, seg.end_ms, seg.text), longest
        )
    return tokens


def _chop(text: str, size: int) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)]


def _prefix_token(name: str, opts: ExportOptions, first: _Token) -> _Token:
    room = min(opts.max_line_chars, _cue_char_limit(opts)) - 1
    if len(name) > room:
        name = name[: room - 1].rstrip() + "…"
    return _Token(f"{name}:", first.start_ms, first.start_ms, is_prefix=True)


def _break_penalty(tokens: list[_Token], j: int) -> float:
    """Cost of ending a cue after tokens[j - 1] when more text follows."""
    last = tokens[j - 1]
    if last.is_prefix:
        return _PREFIX_BREAK_PENALTY
    text = last.text.rstrip("\"'»)]")
    base = 0.0 if text.endswith(_SENTENCE_END) else 0.4 if text.endswith(_CLAUSE_END) else 1.2
    pause = tokens[j].start_ms - last.end_ms
    return max(base - min(max(pause, 0) / 500, 1.0) * 0.8, 0.0)


def _pack(tokens: list[_Token], opts: ExportOptions, next_start: float) -> list[list[_Token]]:
    """Split one segment's tokens into cues: few breaks, at pauses and sentence ends, balanced
    sizes, and no cue that needs more reading time than the speech leaves it (``next_start``:
    when the next segment starts)."""
    n, limit = len(tokens), _cue_char_limit(opts)
    breaks = [0.0] + [_break_penalty(tokens, j) for j in range(1, n)] + [0.0]
    best = [0.0] + [math.inf] * n
    back = [0] * (n + 1)
    for i in range(n):
        if best[i] == math.inf:
            continue
        chars = lines = line_len = 0
        last_end = tokens[i].end_ms
        pauses = 0.0
        for j in range(i + 1, n + 1):
            tok = tokens[j - 1]
            add = len(tok.text)
            chars += add + (1 if j > i + 1 else 0)
            if lines == 0 or line_len + 1 + add > opts.max_line_chars:
                lines, line_len = lines + 1, add
            else:
                line_len += 1 + add
            if j > i + 1:
                pauses += max(tok.start_ms - last_end - 400, 0) / 400
            last_end = max(last_end, tok.end_ms)
            span = last_end - tokens[i].start_ms
            if j > i + 1 and (lines > opts.max_lines or chars > limit or span > opts.max_cue_ms):
                break
            need = max(opts.min_cue_ms, chars * 1000 / opts.max_cps)
            room = (tokens[j].start_ms if j < n else next_start) - tokens[i].start_ms
            debt = max(need - room, 0) / 1000 * _DEBT_PER_SECOND
            cost = best[i] + 1.0 + 2.0 * (chars / limit) ** 2 + pauses + debt + breaks[j]
            if cost < best[j]:
                best[j], back[j] = cost, i
    cues: list[list[_Token]] = []
    j = n
    while j > 0:
        cues.append(tokens[back[j] : j])
        j = back[j]
    return cues[::-1]


def _balance_lines(words: list[str], width: int) -> tuple[str, ...]:
    """Fewest lines that fit ``width``, breaking where lines come out most even."""
    count = 0
    line = -1
    for w in words:  # greedy wrapping gives the fewest lines
        if line < 0 or line + 1 + len(w) > width:
            count, line = count + 1, len(w)
        else:
            line += 1 + len(w)
    n = len(words)
    inf = (math.inf, 0)
    # best[k][j]: cost of words[:j] in k lines; cost = (sum of squared lengths, breaks not at
    # punctuation) so lines come out even and prefer to end where a clause ends
    best = [[inf] * (n + 1) for _ in range(count + 1)]
    back = [[0] * (n + 1) for _ in range(count + 1)]
    best[0][0] = (0, 0)
    for k in range(1, count + 1):
        for j in range(1, n + 1):
            length = -1
            for i in range(j - 1, -1, -1):
                length += len(words[i]) + 1
                if length > width:
                    break
                prev = best[k - 1][i]
                if prev[0] == math.inf:
                    continue
                odd = 0 if j == n or words[j - 1].endswith(_SENTENCE_END + _CLAUSE_END) else 1
                cand = (prev[0] + length * length, prev[1] + odd)
                if cand < best[k][j]:
                    best[k][j], back[k][j] = cand, i
    lines: list[str] = []
    j = n
    for k in range(count, 0, -1):
        i = back[k][j]
        lines.append(" ".join(words[i:j]))
        j = i
    return tuple(lines[::-1])


def build_cues(
    transcript: Transcript, options: ExportOptions | None = None, *, prefix: bool = False
) -> list[Cue]:
    """Cues for the whole transcript, numbered from 1, in display order."""
    opts = options or ExportOptions()
    longest = min(opts.max_line_chars, _cue_char_limit(opts))
    segments = [(seg, _segment_tokens(seg, longest)) for seg in ordered_segments(transcript)]
    segments = [(seg, tokens) for seg, tokens in segments if tokens]
    groups: list[tuple[Segment, list[_Token]]] = []
    previous_speaker: object = object()
    for n, (seg, tokens) in enumerate(segments):
        name = " ".join(transcript.speaker_name(seg.speaker_id).split())
        if prefix and name and seg.speaker_id != previous_speaker:
            tokens.insert(0, _prefix_token(name, opts, tokens[0]))
        previous_speaker = seg.speaker_id
        next_start = segments[n + 1][1][0].start_ms if n + 1 < len(segments) else math.inf
        groups.extend((seg, chunk) for chunk in _pack(tokens, opts, next_start))
    return _time_cues(transcript, groups, opts)


def _time_cues(
    transcript: Transcript, groups: list[tuple[Segment, list[_Token]]], opts: ExportOptions
) -> list[Cue]:
    cues: list[Cue] = []
    prev_end = -opts.min_gap_ms
    for n, (seg, tokens) in enumerate(groups):
        lines = _balance_lines([t.text for t in tokens], opts.max_line_chars)
        chars = len(" ".join(lines))
        need = max(opts.min_cue_ms, math.ceil(chars * 1000 / opts.max_cps))
        spoken_end = max(t.end_ms for t in tokens)
        start = max(tokens[0].start_ms, prev_end + opts.min_gap_ms)
        # the next cue may start no sooner than its first word: leave the gap before it
        next_start = (
            groups[n + 1][1][0].start_ms - opts.min_gap_ms if n + 1 < len(groups) else math.inf
        )
        end = max(start + need, spoken_end)
        if end > next_start:  # leave the screen when the next cue is due, if it can be read
            end = max(start + need, int(next_start))
        end = min(end, start + opts.max_cue_ms)
        name = transcript.speaker_name(seg.speaker_id)
        cues.append(Cue(len(cues) + 1, start, end, lines, seg.speaker_id, name))
        prev_end = end
    return cues


def render_srt(transcript: Transcript, options: ExportOptions | None = None) -> bytes:
    opts = options or ExportOptions()
    blocks = [
        f"{cue.index}\n{timecode.srt(cue.start_ms)} --> {timecode.srt(cue.end_ms)}\n{cue.text}\n"
        for cue in build_cues(transcript, opts, prefix=opts.speaker_prefix)
    ]
    return "\n".join(blocks).encode("utf-8")


def _vtt_escape(text: str) -> str:
    return html.escape(text, quote=False)  # & < > only


def render_vtt(transcript: Transcript, options: ExportOptions | None = None) -> bytes:
    opts = options or ExportOptions()
    blocks = ["WEBVTT\n"]
    for cue in build_cues(transcript, opts):
        text = _vtt_escape(cue.text)
        if cue.speaker_name:
            # a voice annotation ends at the first ">", and may not hold line breaks
            voice = _vtt_escape(" ".join(cue.speaker_name.split()))
            text = f"<v {voice}>{text}</v>"
        timing = f"{timecode.vtt(cue.start_ms)} --> {timecode.vtt(cue.end_ms)}"
        blocks.append(f"{cue.index}\n{timing}\n{text}\n")
    return "\n".join(blocks).encode("utf-8")
