"""Errors that cross layers: raised below the services, caught by workers and the window.

Each carries a sentence a non-programmer can act on (``message``); they live here so that the
code that catches them needs no import of the package that raises them.
"""

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


class ModelsMissing(RuntimeError):
    """The model files are not where kzdesk keeps them (a damaged installation)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
