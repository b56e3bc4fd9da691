"""Audio: find out what a file holds, convert it for SpeechKit, split long recordings."""

from __future__ import annotations

from kzdesk.audio.convert import prepare
from kzdesk.audio.errors import AudioError, Cancelled, DiskFull
from kzdesk.audio.ffmpeg import find_ffmpeg
from kzdesk.audio.probe import MEDIA_EXTENSIONS, AudioInfo, is_media_file, probe

__all__ = [
    "MEDIA_EXTENSIONS",
    "AudioError",
    "AudioInfo",
    "Cancelled",
    "DiskFull",
    "find_ffmpeg",
    "is_media_file",
    "prepare",
    "probe",
]
