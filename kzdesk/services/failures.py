"""What a failed job's sentence means for the user's next step.

A job's failure is stored as its English sentence (``jobs.error``). Some failures are about
the file itself — it is not a recording, it is damaged, it is a video with no sound, it is
empty: running the job again cannot end differently, so the window offers Remove and Show in
folder instead of Retry. Everything else (a network failure, a refused key, a file that was
moved) may go well the next time.
"""

from __future__ import annotations

from kzdesk.audio.probe import BAD_FILE_TEMPLATES
from kzdesk.core.i18n import match_template


def is_bad_file(error: str | None) -> bool:
    """The sentence says the file is not a usable recording (a retry cannot fix that)."""
    return bool(error) and match_template(list(BAD_FILE_TEMPLATES), error or "") is not None


def retry_can_help(error: str | None) -> bool:
    return not is_bad_file(error)
