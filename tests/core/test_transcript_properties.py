"""Property: any sequence of edits, with undos in between, undoes to the very same transcript,
and after every edit the word timings are consistent."""

from __future__ import annotations

import copy

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kzdesk.core import search
from kzdesk.core.transcript import (
    Change,
    Segment,
    Speaker,
    Transcript,
    TranscriptError,
    Word,
    speaker_color,
)
from tests.core.test_transcript_ops import check_timings

VOCABULARY = ["Бүгін", "біз", "бюджетті", "Бюджет", "қазір", "Ә", "ёж", "Ёлка", "и", "начнём"]
OPS = [
    "rename",
    "reassign",
    "replace_text",
    "merge_with_next",
    "split_at_word",
    "split_at_char",
    "delete_segment",
    "shift_bounds",
    "merge_speakers",
    "add_speaker",
    "replace_all",
    "undo",
]


@st.composite
def transcripts(draw: st.DrawFn) -> Transcript:
    speakers = [
        Speaker(i + 1, str(i), f"Speaker {i + 1}", speaker_color(i))
        for i in range(draw(st.integers(1, 4)))
    ]
    segments, t = [], 0
    for n in range(1, draw(st.integers(1, 7)) + 1):
        t += draw(st.integers(0, 800))
        words = []
        for _ in range(draw(st.integers(0, 5))):
            length = draw(st.integers(0, 600))
            words.append(Word(draw(st.sampled_from(VOCABULARY)), t, t + length, 0.9))
            t += length + draw(st.integers(0, 100))
        start, end = (words[0].start_ms, words[-1].end_ms) if words else (t, t + 300)
        t = max(t, end)
        segments.append(
            Segment(
                n,
                draw(st.sampled_from([None, *(sp.id for sp in speakers)])),
                start,
                end,
                " ".join(w.text for w in words),
                "kk-KZ",
                words,
            )
        )
    segments.sort(key=lambda s: (s.start_ms, s.id))
    duration = draw(st.sampled_from([0, t + 500]))
    return Transcript(speakers=speakers, segments=segments, duration_ms=duration)


def _op(data: st.DataObject, t: Transcript, op: str) -> Change:
    segment = data.draw(st.sampled_from(t.segments)) if t.segments else None
    seg_id = segment.id if segment else 1
    speaker_ids = [sp.id for sp in t.speakers] or [1]
    if op == "rename":
        return t.rename_speaker(data.draw(st.sampled_from(speaker_ids)), "Айгүл Ёлкина")
    if op == "reassign":
        return t.reassign(seg_id, data.draw(st.sampled_from([None, *speaker_ids])))
    if op == "replace_text":
        words = data.draw(st.lists(st.sampled_from(VOCABULARY), max_size=6))
        return t.replace_text(seg_id, data.draw(st.sampled_from([" ", "  ", "\n"])).join(words))
    if op == "merge_with_next":
        return t.merge_with_next(seg_id)
    if op == "split_at_word":
        count = len(segment.words) if segment else 0
        return t.split_at_word(seg_id, data.draw(st.integers(0, count + 1)))
    if op == "split_at_char":
        length = len(segment.text) if segment else 0
        return t.split_at_char(seg_id, data.draw(st.integers(-1, length + 1)))
    if op == "delete_segment":
        return t.delete_segment(seg_id)
    if op == "shift_bounds":
        step = st.sampled_from([-1000, -100, 0, 100, 1000])
        return t.shift_bounds(seg_id, data.draw(step), data.draw(step))
    if op == "merge_speakers":
        return t.merge_speakers(
            data.draw(st.sampled_from(speaker_ids)), data.draw(st.sampled_from(speaker_ids))
        )
    if op == "add_speaker":
        return t.add_speaker("x", data.draw(st.sampled_from([None, "Директор"])))
    query = search.SearchQuery(
        data.draw(st.sampled_from(["бюджет", "Ё", "біз", "\\w+", "(и|ёж)", "("])),
        case_sensitive=data.draw(st.booleans()),
        whole_word=data.draw(st.booleans()),
        regex=data.draw(st.booleans()),
    )
    replacement = data.draw(st.sampled_from(["", "жаңа сөз", "X", "\\1"]))
    return search.replace_all(t, query, replacement)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(original=transcripts(), data=st.data())
def test_any_edits_with_undos_undo_to_the_original(original: Transcript, data) -> None:
    t = copy.deepcopy(original)
    check_timings(t)
    done: list[tuple[Change, Transcript]] = []  # each change and the state before it
    for op in data.draw(st.lists(st.sampled_from(OPS), min_size=1, max_size=15)):
        if op == "undo":
            if done:
                change, before = done.pop()
                t.apply(change.inverse())
                assert t == before
            continue
        before = copy.deepcopy(t)
        try:
            change = _op(data, t, op)
        except TranscriptError:
            assert t == before  # a refused edit changes nothing
            continue
        done.append((change, before))
        check_timings(t)
    for change, _ in reversed(done):
        t.apply(change.inverse())
    assert t == original
