from __future__ import annotations

import html
import itertools
import random

import pysubs2
import pytest
import webvtt

from kzdesk.core.transcript import Segment, Transcript, Word
from kzdesk.export import ExportOptions, build_cues, render
from tests.export.samples import expected_tokens, interview, random_transcript

DEFAULT = ExportOptions()


def check_rules(cues: list[tuple[int, int, list[str]]], opts: ExportOptions) -> None:
    """(start_ms, end_ms, lines) in file order satisfy every subtitle rule."""
    previous_end = -opts.min_gap_ms
    for start, end, lines in cues:
        assert 1 <= len(lines) <= opts.max_lines, lines
        assert all(0 < len(line) <= opts.max_line_chars for line in lines), lines
        assert all(line == line.strip() for line in lines), lines
        duration = end - start
        assert opts.min_cue_ms <= duration <= opts.max_cue_ms, (start, end, lines)
        chars = len(" ".join(lines))
        assert chars / (duration / 1000) <= opts.max_cps + 1e-9, (start, end, lines)
        assert start >= previous_end + opts.min_gap_ms, "cues overlap or leave no gap"
        previous_end = end


def srt_cues(data: bytes) -> list[tuple[int, int, list[str]]]:
    subs = pysubs2.SSAFile.from_string(data.decode("utf-8"), format_="srt")
    return [(e.start, e.end, e.plaintext.split("\n")) for e in subs]


def vtt_captions(data: bytes) -> list[webvtt.Caption]:
    text = data.decode("utf-8")
    assert text.startswith("WEBVTT\n")
    return list(webvtt.from_string(text))


def vtt_cues(data: bytes) -> list[tuple[int, int, list[str]]]:
    return [
        (
            c.start_time.in_milliseconds(),
            c.end_time.in_milliseconds(),
            html.unescape(c.text).split("\n"),
        )
        for c in vtt_captions(data)
    ]


def joined(cues: list[tuple[int, int, list[str]]]) -> list[str]:
    return [w for _, _, lines in cues for line in lines for w in line.split()]


def test_srt_follows_the_rules_on_an_interview() -> None:
    t = interview()
    data = render(t, "srt")
    cues = srt_cues(data)
    assert len(cues) > 20
    check_rules(cues, DEFAULT)
    assert joined(cues) == expected_tokens(t)
    numbers = [int(block.split("\n", 1)[0]) for block in data.decode().strip().split("\n\n")]
    assert numbers == list(range(1, len(cues) + 1))
    assert data.decode().count(" --> ") == len(cues)


def test_vtt_follows_the_rules_and_tags_voices() -> None:
    t = interview()
    captions = vtt_captions(render(t, "vtt"))
    cues = vtt_cues(render(t, "vtt"))
    check_rules(cues, DEFAULT)
    assert joined(cues) == expected_tokens(t)
    voices = [c.voice for c in captions]
    assert {"Спикер 1", "Спикер 2"} == set(voices) - {None}
    assert voices[-1] is None  # "[музыка]" has no speaker
    assert captions[0].identifier == "1"


def test_fast_speech_is_split_and_kept_readable() -> None:
    t = interview()
    cues = build_cues(t)
    timed = _timed_tokens(t)
    fast = [seg.id for seg in t.segments if len(seg.text) * 1000 > 24 * (seg.end_ms - seg.start_ms)]
    assert len(fast) >= 5  # the sample really has speech faster than 20 cps
    pos, cues_of = 0, dict.fromkeys(fast, 0)
    for cue in cues:
        first_word = timed[pos]
        # subtitles never come before the speech; 6 s at 30 cps (no pause) forces ~3 s of lag
        assert first_word.start_ms <= cue.start_ms <= first_word.start_ms + 4000
        segment_id = int(first_word.confidence or 0)
        if segment_id in cues_of:
            cues_of[segment_id] += 1
        pos += len(cue.text.split())
    long_fast = [sid for sid in fast if len(t.segment(sid).text) > 100]
    assert long_fast and all(cues_of[sid] >= 2 for sid in long_fast)


def _timed_tokens(t: Transcript) -> list[Word]:
    """Every word in order; ``confidence`` holds the id of its segment."""
    out: list[Word] = []
    for seg in sorted(t.segments, key=lambda s: s.start_ms):
        if seg.words:
            out += [Word(w.text, w.start_ms, w.end_ms, seg.id) for w in seg.words]
        else:
            out += [Word(w, seg.start_ms, seg.start_ms, seg.id) for w in seg.text.split()]
    return out


def test_cues_never_mix_speakers_and_lines_are_balanced() -> None:
    t = interview()
    cues = build_cues(t)
    speaker_of = [
        seg.speaker_id
        for seg in sorted(t.segments, key=lambda s: s.start_ms)
        for _ in (seg.words or seg.text.split())
    ]
    pos = 0
    for cue in cues:
        n = len(cue.text.split())
        assert set(speaker_of[pos : pos + n]) == {cue.speaker_id}
        pos += n
        if len(cue.lines) == 2:
            a, b = (len(line) for line in cue.lines)
            assert abs(a - b) <= 20, cue.lines


def test_segment_without_words_is_spread_over_its_time() -> None:
    t = interview()
    seg = t.segments[5]
    assert not seg.words
    cues = [
        c for c in build_cues(t) if c.start_ms >= seg.start_ms and c.end_ms <= seg.end_ms + 8000
    ]
    text = " ".join(c.text.replace("\n", " ") for c in cues)
    assert " ".join(seg.text.split()) in text


def test_srt_speaker_prefix_on_speaker_changes_only() -> None:
    t = interview()
    t.segments[1].speaker_id = 2  # two segments of speaker 2 in a row
    t.segments[2].speaker_id = 2
    opts = ExportOptions(speaker_prefix=True)
    cues = srt_cues(render(t, "srt", opts))
    check_rules(cues, opts)
    prefixed = [lines[0].split(":")[0] for _, _, lines in cues if lines[0].startswith("Спикер")]
    turns = 0
    previous = object()
    for seg in sorted(t.segments, key=lambda s: s.start_ms):
        if seg.speaker_id != previous and seg.speaker_id is not None:
            turns += 1
        previous = seg.speaker_id
    assert len(prefixed) == turns
    without = [w for w in joined(cues) if not w.startswith("Спикер") and w not in ("1:", "2:")]
    assert without == expected_tokens(t)
    assert "Спикер" not in render(t, "srt").decode()


def test_rename_shows_new_name_in_subtitles() -> None:
    t = interview()
    t.rename_speaker(1, "Әсел Нұрланқызы")
    vtt = render(t, "vtt").decode()
    srt = render(t, "srt", ExportOptions(speaker_prefix=True)).decode()
    for text in (vtt, srt):
        assert "Әсел Нұрланқызы" in text
        assert "Спикер 1" not in text
    assert "<v Әсел Нұрланқызы>" in vtt


def test_vtt_escapes_markup() -> None:
    t = Transcript()
    t.add_speaker("0", "A <b> & Co")
    t.segments.append(Segment(1, 1, 0, 2000, "x < y && z > 0 --> ok", None, []))
    data = render(t, "vtt").decode()
    assert "<v A &lt;b&gt; &amp; Co>" in data
    assert "x &lt; y &amp;&amp; z &gt; 0 --&gt; ok" in data
    caption = vtt_captions(data.encode())[0]
    assert html.unescape(caption.text) == "x < y && z > 0 --> ok"
    assert html.unescape(caption.voice) == "A <b> & Co"


def test_overlong_word_is_cut_to_fit_the_line() -> None:
    t = Transcript()
    long_word = "ә" * 100
    t.segments.append(Segment(1, None, 0, 3000, long_word, None, [Word(long_word, 0, 3000)]))
    cues = srt_cues(render(t, "srt"))
    check_rules(cues, DEFAULT)
    assert "".join(joined(cues)) == long_word


def test_empty_transcript_gives_empty_but_valid_files() -> None:
    t = Transcript(segments=[Segment(1, None, 0, 100, "   ")])
    assert render(t, "srt") == b""
    assert render(t, "vtt").decode() == "WEBVTT\n"
    assert list(webvtt.from_string(render(t, "vtt").decode())) == []


@pytest.mark.parametrize("seed", range(150))
def test_random_transcripts_keep_the_invariants(seed: int) -> None:
    rng = random.Random(seed)
    t = random_transcript(rng)
    max_line = rng.randint(16, 50)
    opts = ExportOptions(
        speaker_prefix=rng.random() < 0.5,
        max_line_chars=max_line,
        max_lines=rng.randint(1, 3),
        max_cps=rng.uniform(8, 25),
        min_cue_ms=rng.randint(300, 1500),
        max_cue_ms=rng.randint(2500, 9000),
        min_gap_ms=rng.choice([0, 0, 40, 83, 250]),
    )
    cues = build_cues(t, opts, prefix=opts.speaker_prefix)
    check_rules([(c.start_ms, c.end_ms, list(c.lines)) for c in cues], opts)
    assert [c.index for c in cues] == list(range(1, len(cues) + 1))
    texts = [c.text for c in cues]
    if opts.speaker_prefix:
        prefixes = {f"{s.name}:" for s in t.speakers}
        for n, text in enumerate(texts):
            head = next((p for p in prefixes if text.startswith(p)), "")
            assert head == "" or cues[n].speaker_name == head[:-1]
            texts[n] = text[len(head) :]
    assert [w for text in texts for w in text.split()] == expected_tokens(t)
    # the files parse back to the same cues
    assert srt_cues(render(t, "srt", opts)) == [(c.start_ms, c.end_ms, list(c.lines)) for c in cues]
    vtt = vtt_cues(render(t, "vtt", opts))
    check_rules(vtt, opts)
    assert joined(vtt) == expected_tokens(t)


def test_a_minimum_gap_separates_every_cue() -> None:
    """Two frames between cues (broadcast rules); without it cues may touch."""
    t = interview()
    touching = build_cues(t, DEFAULT)
    assert any(b.start_ms == a.end_ms for a, b in itertools.pairwise(touching))
    opts = ExportOptions(min_gap_ms=83)
    cues = build_cues(t, opts)
    check_rules([(c.start_ms, c.end_ms, list(c.lines)) for c in cues], opts)
    assert all(b.start_ms - a.end_ms >= 83 for a, b in itertools.pairwise(cues))
    assert [w for c in cues for w in c.text.split()] == expected_tokens(t)
    with pytest.raises(ValueError, match="gap"):
        ExportOptions(min_gap_ms=5000)
