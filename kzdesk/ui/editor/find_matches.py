"""The find bar's matches: in transcript order, the one the user is on, where the next search
starts (the segment the user moved to, or just after a replacement). Qt-free; the bar
(:mod:`kzdesk.ui.editor.find_bar`) searches and shows, this list keeps the place."""

from __future__ import annotations

import bisect

from kzdesk.core.search import Match
from kzdesk.core.transcript import Transcript, TranscriptError

_Key = tuple[int, int]  # (segment position in the transcript, character offset)


class MatchList:
    def __init__(self) -> None:
        self.matches: list[Match] = []
        self.current = -1  # index into ``matches``; -1: no current match
        self._keys: list[_Key] = []
        self._by_segment: dict[int, list[tuple[int, int]]] = {}
        self._current_key: _Key | None = None
        self._anchor: int | None = None
        self._resume: _Key | None = None

    def current_match(self) -> Match | None:
        return self.matches[self.current] if self.current >= 0 else None

    def matches_in(self, segment_id: int) -> list[tuple[int, int]]:
        """(start, end) character ranges of the matches in one segment's text (do not modify:
        this runs for every painted segment)."""
        return self._by_segment.get(segment_id, [])

    def set_anchor(self, segment_id: int | None) -> None:
        """The segment the user is on: the next search starts from it. The segment of the
        current match is ignored (the editor echoes back the selection a match caused)."""
        current = self.current_match()
        if current is not None and current.segment_id == segment_id:
            self._anchor = None
        else:
            self._anchor = segment_id

    def select(self, index: int) -> None:
        self.current = index
        self._current_key = self._keys[index] if index >= 0 else None

    def next_index(self, transcript: Transcript) -> int:
        """The match "next" goes to (there is at least one): the first at or after the
        anchored segment, else the one after the current."""
        anchor = self._take_anchor(transcript)
        if anchor is not None:
            return bisect.bisect_left(self._keys, (anchor, 0)) % len(self.matches)
        if self.current < 0:
            return 0
        return (self.current + 1) % len(self.matches)

    def previous_index(self, transcript: Transcript) -> int:
        """The match "previous" goes to (there is at least one)."""
        anchor = self._take_anchor(transcript)
        if anchor is not None:
            index = bisect.bisect_left(self._keys, (anchor, 0)) - 1
        elif self.current < 0:
            index = -1
        else:
            index = self.current - 1
        return index % len(self.matches)

    def resume_after(self, end: int) -> None:
        """The current match was replaced and its replacement ends at ``end``: the next
        search goes on from there, so a replacement holding the search text is not found
        (and replaced) again."""
        self._resume = (self._keys[self.current][0], end)

    def update(self, matches: list[Match], transcript: Transcript, *, navigate: bool) -> int:
        """Take a new search's matches; the index of the match at or after the reference
        position (the resume point after a replacement, the anchored segment when
        ``navigate``, or the previous current match), -1 without matches. Call
        :meth:`select` with it."""
        order = {seg.id: i for i, seg in enumerate(transcript.segments)}
        self.matches = matches
        self._keys = [(order[m.segment_id], m.start) for m in matches]
        by_segment: dict[int, list[tuple[int, int]]] = {}
        for m in matches:
            by_segment.setdefault(m.segment_id, []).append((m.start, m.end))
        self._by_segment = by_segment

        anchor = self._take_anchor(transcript) if navigate and self._resume is None else None
        if self._resume is not None:
            reference = self._resume
        elif anchor is not None:
            reference = (anchor, 0)
        else:
            reference = self._current_key or (0, 0)
        self._resume = None
        if not matches:
            return -1
        return bisect.bisect_left(self._keys, reference) % len(matches)

    def _take_anchor(self, transcript: Transcript) -> int | None:
        """The anchored segment's position in the transcript, once; None without an anchor."""
        anchor, self._anchor = self._anchor, None
        if anchor is None:
            return None
        try:
            return transcript.index_of(anchor)
        except TranscriptError:
            return None
