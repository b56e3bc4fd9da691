"""The named voices kept on this computer (``<data dir>/voices``), as the window shows them.

The editor saves a speaker's voice under a name (:func:`kzdesk.services.speakers.save_voice`);
the Known voices dialog lists, renames and deletes them. The window reaches them here, never
in the diarization package.
"""

from __future__ import annotations

from kzdesk.diarization.models import EMBEDDING_MODEL
from kzdesk.diarization.profiles import VoiceProfile, VoiceProfileStore, is_outdated

__all__ = ["KnownVoices", "VoiceProfile", "needs_new_sample"]

KnownVoices = VoiceProfileStore  # list(), rename(id, name), delete(id) of the saved voices


def needs_new_sample(profile: VoiceProfile) -> bool:
    """Saved with another voice model than this kzdesk's: never matched until saved again."""
    return is_outdated(profile, EMBEDDING_MODEL)
