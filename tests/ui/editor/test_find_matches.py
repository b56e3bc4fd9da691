"""The find bar's place among its matches, without a widget: next/previous wrap around, the
segment the user moved to comes first, a replacement resumes after itself."""

from __future__ import annotations

from kzdesk.core.search import Match
from kzdesk.core.transcript import Transcript
from kzdesk.ui.editor.find_matches import MatchList
from tests.ui.editor.sample import sample


def _matches(t: Transcript) -> list[Match]:
    """Two matches in the 2nd segment, one in the 4th and one in the 6th."""
    seg = t.segments
    return [
        Match(seg[1].id, 0, 2),
        Match(seg[1].id, 4, 6),
        Match(seg[3].id, 1, 3),
        Match(seg[5].id, 0, 1),
    ]


def test_next_and_previous_wrap_around() -> None:
    t = sample()
    found = MatchList()
    found.select(found.update(_matches(t), t, navigate=True))
    assert found.current == 0
    steps = []
    for _ in range(5):
        found.select(found.next_index(t))
        steps.append(found.current)
    assert steps == [1, 2, 3, 0, 1]
    found.select(found.previous_index(t))
    found.select(found.previous_index(t))
    assert found.current == 3


def test_the_segment_the_user_moved_to_comes_first_once() -> None:
    t = sample()
    found = MatchList()
    found.select(found.update(_matches(t), t, navigate=False))
    found.set_anchor(t.segments[2].id)  # no match there: the next is in the 4th segment
    found.select(found.next_index(t))
    assert found.current_match() == Match(t.segments[3].id, 1, 3)
    found.select(found.next_index(t))  # the anchor is used once
    assert found.current == 3
    found.set_anchor(t.segments[5].id)  # the current match's own segment: no anchor
    found.select(found.previous_index(t))
    assert found.current == 2
    found.set_anchor(t.segments[3].id)
    found.select(found.previous_index(t))  # the match before that segment
    assert found.current == 1


def test_matches_by_segment_and_a_search_keeps_the_current_match() -> None:
    t = sample()
    found = MatchList()
    found.select(found.update(_matches(t), t, navigate=True))
    assert found.matches_in(t.segments[1].id) == [(0, 2), (4, 6)]
    assert found.matches_in(t.segments[0].id) == []
    found.select(2)
    found.select(found.update(_matches(t), t, navigate=False))
    assert found.current == 2
    assert found.update([], t, navigate=True) == -1


def test_after_a_replacement_the_search_goes_on_from_its_end() -> None:
    t = sample()
    found = MatchList()
    found.select(found.update(_matches(t), t, navigate=True))
    found.select(1)  # replaced (4, 6) by a longer text that ends at 9 and holds a match at 5
    found.resume_after(9)
    again = [Match(t.segments[1].id, 0, 2), Match(t.segments[1].id, 5, 7), *_matches(t)[2:]]
    found.set_anchor(t.segments[0].id)  # a resume point wins over an anchor
    found.select(found.update(again, t, navigate=True))
    assert found.current_match() == Match(t.segments[3].id, 1, 3)
