"""Errors raised by the audio package (defined in core: the window catches them too)."""

from __future__ import annotations

from kzdesk.core.errors import AudioError, Cancelled, DiskFull

__all__ = ["AudioError", "Cancelled", "DiskFull"]
