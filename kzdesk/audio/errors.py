"""Errors raised by the audio package."""

from __future__ import annotations


class AudioError(Exception):
    """A problem with a recording, told as a sentence a non-programmer can act on."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class DiskFull(AudioError):
    """The disk ran out of space while a working copy was written (the caller may wait for
    space and try again: nothing is wrong with the recording)."""


class Cancelled(Exception):
    """The caller's cancel flag turned true while audio was being prepared."""
