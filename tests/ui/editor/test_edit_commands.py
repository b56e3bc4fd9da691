"""The editor's undoable commands: each edit and its undo, in memory and on disk."""

from __future__ import annotations

import copy
import io
import random
import zipfile
from pathlib import Path

import pytest
from PySide6.QtTest import QAbstractItemModelTester

from kzdesk.core import timecode
from kzdesk.core.search import SearchError, SearchQuery, find_all
from kzdesk.core.transcript import Transcript, TranscriptError
from kzdesk.export import FORMATS, ExportOptions, render
from kzdesk.ui.editor.edit_session import EditSession
from kzdesk.ui.editor.replace_commands import ReplaceAllCommand, ReplaceMatchCommand
from kzdesk.ui.editor.segment_commands import (
    DeleteSegmentCommand,
    MergeWithNextCommand,
    ReassignCommand,
    ReplaceTextCommand,
    ShiftBoundsCommand,
    SplitAtCursorCommand,
    SplitCommand,
)
from kzdesk.ui.editor.segment_model import SegmentTableModel
from kzdesk.ui.editor.speaker_commands import (
    AddSpeakerCommand,
    MergeSpeakersCommand,
    RenameSpeakerCommand,
)

ROOT = Path(__file__).resolve().parents[3]


def _saved(session: EditSession) -> Transcript:
    return session.transcripts.load(session.transcript_id)


def test_every_command_and_its_undo_round_trip_in_memory_and_on_disk(
    session: EditSession,
) -> None:
    t = session.transcript
    original = copy.deepcopy(t)
    commands = [
        RenameSpeakerCommand(session, 1, "Айгүл"),
        ReassignCommand(session, 2, 1),
        ReassignCommand(session, 3, None),
        ReplaceTextCommand(session, 4, "Сәлем, қалайсыз? Всё хорошо"),
        SplitCommand(session, next(s.id for s in t.segments if len(s.words) > 2), 1),
        MergeWithNextCommand(session, t.segments[0].id),
        MergeSpeakersCommand(session, 1, 2),
        AddSpeakerCommand(session, "Директор"),
    ]
    states = [copy.deepcopy(t)]
    for command in commands:
        session.push(command)
        states.append(copy.deepcopy(t))
        assert t != states[-2]
        assert _saved(session) == t
    for state in reversed(states[:-1]):
        session.undo()
        assert t == state
        assert _saved(session) == t
    assert t == original
    for state in states[1:]:
        session.redo()
        assert t == state
        assert _saved(session) == t


def test_menu_texts_say_what_will_be_undone(session: EditSession) -> None:
    stack = session.undo_stack
    session.push(RenameSpeakerCommand(session, 1, "  Айгүл "))
    assert stack.undoText() == "Rename speaker to Айгүл"
    session.push(MergeSpeakersCommand(session, 1, 2))
    assert stack.undoText() == "Merge Speaker 2 into Айгүл"
    session.push(AddSpeakerCommand(session))
    assert stack.undoText() == "Add a speaker"
    session.push(ReassignCommand(session, 1, 1))
    assert stack.undoText() == "Give the phrase at 00:00:00 to Айгүл"
    session.undo()
    assert stack.redoText() == "Give the phrase at 00:00:00 to Айгүл"


def _random_command(rng: random.Random, session: EditSession):
    t = session.transcript
    seg = rng.choice(t.segments)
    speakers = [sp.id for sp in t.speakers]
    kind = rng.randrange(7)
    if kind == 0:
        return RenameSpeakerCommand(session, rng.choice(speakers), rng.choice(["Айгүл", "Ерлан"]))
    if kind == 1:
        return ReassignCommand(session, seg.id, rng.choice([*speakers, None]))
    if kind == 2:
        words = rng.sample(["Сәлем", "әлем", "привет", "мир", "қалайсыз"], rng.randrange(0, 4))
        return ReplaceTextCommand(session, seg.id, " ".join(words))
    if kind == 3:  # sometimes invalid: a one-word segment cannot be split
        return SplitCommand(session, seg.id, rng.randrange(0, max(len(seg.words), 1) + 1))
    if kind == 4:
        return MergeWithNextCommand(session, seg.id)
    if kind == 5:
        return MergeSpeakersCommand(session, rng.choice(speakers), rng.choice(speakers))
    return AddSpeakerCommand(session, rng.choice([None, "Директор"]))


@pytest.mark.parametrize("seed", [7, 2024])
def test_random_edits_undos_and_redos_stay_identical_and_durable(
    session: EditSession, seed: int
) -> None:
    rng = random.Random(seed)
    t = session.transcript
    model = SegmentTableModel(t)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    session.changed.connect(model.refresh_rows)
    stack = session.undo_stack
    states = {0: copy.deepcopy(t)}  # transcript at each undo-stack index
    for _ in range(200):
        roll = rng.random()
        if roll < 0.2 and stack.canUndo():
            session.undo()
        elif roll < 0.35 and stack.canRedo():
            session.redo()
        else:
            index = stack.index()
            try:
                session.push(_random_command(rng, session))
            except TranscriptError:
                assert stack.index() == index
            else:
                states = {i: s for i, s in states.items() if i <= index}
                states[stack.index()] = copy.deepcopy(t)
        assert t == states[stack.index()]
        assert _saved(session) == t
        assert [model.segment_at(r) for r in range(model.rowCount())] == t.segments
    while stack.canUndo():
        session.undo()
    assert t == states[0] == _saved(session)


def _export_text(data: bytes, fmt: str) -> str:
    if fmt == "docx":
        with zipfile.ZipFile(io.BytesIO(data)) as doc:
            return doc.read("word/document.xml").decode("utf-8")
    text = data.decode("utf-8")
    if fmt == "rttm":  # RTTM fields hold no spaces: names are written with "_"
        text = text.replace("_", " ")
    return text


def test_rename_once_and_every_export_shows_the_new_name(session: EditSession) -> None:
    session.push(RenameSpeakerCommand(session, 1, "Айгүл Сейітова"))
    options = ExportOptions(speaker_prefix=True)
    for fmt in FORMATS:
        for t in (session.transcript, _saved(session)):
            text = _export_text(render(t, fmt, options), fmt)
            assert "Айгүл Сейітова" in text, fmt
            assert "Speaker 1" not in text, fmt


def _check_timings(t: Transcript) -> None:
    for seg in t.segments:
        assert seg.text == " ".join(w.text for w in seg.words)
        assert seg.start_ms == seg.words[0].start_ms
        assert seg.end_ms >= seg.words[-1].end_ms
        starts = [w.start_ms for w in seg.words]
        assert starts == sorted(starts)


def test_split_and_merge_keep_word_timings(session: EditSession) -> None:
    t = session.transcript
    _check_timings(t)
    seg = next(s for s in t.segments if len(s.words) >= 3)
    words = copy.deepcopy(seg.words)
    session.push(SplitCommand(session, seg.id, 2))
    first = t.segment(seg.id)
    second = t.segments[t.index_of(seg.id) + 1]
    assert first.words + second.words == words
    assert first.end_ms == words[1].end_ms and second.start_ms == words[2].start_ms
    assert second.end_ms == seg.end_ms and second.speaker_id == seg.speaker_id
    _check_timings(t)
    assert _saved(session) == t
    session.push(MergeWithNextCommand(session, seg.id))
    merged = t.segment(seg.id)
    assert merged.words == words and (merged.start_ms, merged.end_ms) == (
        seg.start_ms,
        seg.end_ms,
    )
    _check_timings(t)
    assert _saved(session) == t


def _long_segment(session: EditSession, words: int = 3) -> int:
    return next(s.id for s in session.transcript.segments if len(s.words) >= words)


def test_new_commands_and_their_undo_round_trip_in_memory_and_on_disk(
    session: EditSession,
) -> None:
    t = session.transcript
    original = copy.deepcopy(t)
    long_id = _long_segment(session)
    cursor = len(t.segment(long_id).words[0].text) + 1  # just before the second word
    query = SearchQuery("БЮДЖЕТТІ")
    commands = [
        lambda: DeleteSegmentCommand(session, t.segments[1].id),
        lambda: ShiftBoundsCommand(session, t.segments[0].id, start_delta_ms=-100),
        lambda: ShiftBoundsCommand(session, t.segments[2].id, end_delta_ms=100),
        lambda: SplitAtCursorCommand(session, long_id, cursor),
        lambda: ReplaceMatchCommand(session, find_all(t, query)[0], query, "қаржыны"),
        lambda: ReplaceAllCommand(session, SearchQuery("хорошо"), "жақсы"),
    ]
    states = [copy.deepcopy(t)]
    for make_command in commands:
        session.push(make_command())
        states.append(copy.deepcopy(t))
        assert t != states[-2]
        assert _saved(session) == t
        _check_timings(t)
    for state in reversed(states[:-1]):
        session.undo()
        assert t == state
        assert _saved(session) == t
    assert t == original
    for state in states[1:]:
        session.redo()
        assert t == state
        assert _saved(session) == t


def test_new_commands_say_what_will_be_undone(session: EditSession) -> None:
    stack = session.undo_stack
    t = session.transcript
    first = t.segments[0]
    session.push(DeleteSegmentCommand(session, t.segments[1].id))
    assert stack.undoText() == "Delete the phrase at 00:00:04"
    long_id = _long_segment(session)
    when = timecode.clock(t.segment(long_id).start_ms)
    session.push(SplitAtCursorCommand(session, long_id, len(t.segment(long_id).words[0].text)))
    assert stack.undoText() == f"Split the phrase at {when}"
    session.push(ShiftBoundsCommand(session, first.id, end_delta_ms=-100))
    assert stack.undoText() == "Move the end of the phrase at 00:00:00 by \u2212100 ms"
    query = SearchQuery("бюджетті")
    count = len(find_all(t, query))
    assert count > 1
    session.push(ReplaceAllCommand(session, query, "қаржыны"))
    assert stack.undoText() == f"Replace {count} matches of “бюджетті”"
    query = SearchQuery("қаржыны")
    match = find_all(t, query)[0]
    when = timecode.clock(t.segment(match.segment_id).start_ms)
    session.push(ReplaceMatchCommand(session, match, query, "бюджетті"))
    assert stack.undoText() == (f"Replace “қаржыны” with “бюджетті” in the phrase at {when}")
    session.push(ReplaceAllCommand(session, SearchQuery("қаржыны"), "бюджетті"))
    assert stack.undoText() == f"Replace {count - 1} matches of “қаржыны”"
    session.push(ReplaceAllCommand(session, SearchQuery("бюджетті"), "қаржыны"))
    session.push(ReplaceMatchCommand(session, find_all(t, query)[0], query, "x"))
    session.push(ReplaceAllCommand(session, query, "қаржыны"))
    assert stack.undoText() == f"Replace {count - 1} matches of “қаржыны”"
    one = SearchQuery("x", whole_word=True)
    session.push(ReplaceAllCommand(session, one, "бюджетті"))
    assert stack.undoText() == "Replace 1 match of “x”"


def test_repeated_moves_of_one_edge_are_one_undo_step(session: EditSession) -> None:
    stack = session.undo_stack
    t = session.transcript
    original = copy.deepcopy(t)
    seg_id = t.segments[3].id
    when = timecode.clock(t.segment(seg_id).start_ms)
    for _ in range(3):
        session.push(ShiftBoundsCommand(session, seg_id, start_delta_ms=-100))
        assert _saved(session) == t
    assert stack.count() == 1
    assert stack.undoText() == f"Move the start of the phrase at {when} by \u2212300 ms"
    assert t.segment(seg_id).start_ms == original.segment(seg_id).start_ms - 300
    session.push(ShiftBoundsCommand(session, seg_id, start_delta_ms=100))
    assert stack.count() == 1
    assert stack.undoText() == f"Move the start of the phrase at {when} by \u2212200 ms"
    after = copy.deepcopy(t)
    session.undo()  # one step back to the very start
    assert t == original == _saved(session)
    session.redo()
    assert t == after == _saved(session)

    session.push(ShiftBoundsCommand(session, seg_id, end_delta_ms=100))  # the other edge
    session.push(ShiftBoundsCommand(session, t.segments[0].id, end_delta_ms=-100))  # another
    session.push(ShiftBoundsCommand(session, t.segments[0].id, end_delta_ms=-100))
    assert stack.count() == 3
    while stack.canUndo():
        session.undo()
    assert t == original == _saved(session)


def test_moves_that_come_back_to_the_start_leave_no_undo_step(session: EditSession) -> None:
    session.push(RenameSpeakerCommand(session, 1, "Айгүл"))
    before = copy.deepcopy(session.transcript)
    seg_id = session.transcript.segments[2].id
    session.push(ShiftBoundsCommand(session, seg_id, end_delta_ms=100))
    session.push(ShiftBoundsCommand(session, seg_id, end_delta_ms=-100))
    assert session.undo_stack.count() == 1
    assert session.undo_stack.undoText() == "Rename speaker to Айгүл"
    assert session.transcript == before == _saved(session)


def test_replace_all_is_one_undo_step(session: EditSession) -> None:
    t = session.transcript
    original = copy.deepcopy(t)
    query = SearchQuery("бюджетті", whole_word=True)
    touched = {m.segment_id for m in find_all(t, query)}
    assert len(touched) > 1
    change = session.push(ReplaceAllCommand(session, query, "жаңа бюджетті"))
    assert {before.id for before, _ in change.segments} == touched
    assert session.undo_stack.count() == 1
    assert find_all(t, SearchQuery("жаңа бюджетті")) and _saved(session) == t
    _check_timings(t)
    session.undo()
    assert t == original == _saved(session)


def test_rejected_new_commands_leave_stack_and_disk_alone(session: EditSession) -> None:
    t = session.transcript
    query = SearchQuery("бюджетті")
    stale = find_all(t, query)[0]
    session.push(ReplaceTextCommand(session, stale.segment_id, "басқа мәтін"))
    undo_text = session.undo_stack.undoText()
    before = copy.deepcopy(t)
    long_id = _long_segment(session)
    for command in (
        DeleteSegmentCommand(session, 999),
        SplitAtCursorCommand(session, long_id, 0),
        SplitAtCursorCommand(session, long_id, len(t.segment(long_id).text)),
        ShiftBoundsCommand(session, t.segments[0].id, end_delta_ms=-100_000),
        ReplaceAllCommand(session, SearchQuery("жоқ сөз"), "x"),
        ReplaceAllCommand(session, SearchQuery("(", regex=True), "x"),
        ReplaceMatchCommand(session, stale, query, "x"),  # its segment has changed
    ):
        with pytest.raises(TranscriptError) as info:
            session.push(command)
        assert str(info.value)
    assert session.undo_stack.count() == 1 and session.undo_stack.undoText() == undo_text
    assert t == before == _saved(session)
    with pytest.raises(SearchError):
        session.push(ReplaceAllCommand(session, SearchQuery("(", regex=True), "x"))
