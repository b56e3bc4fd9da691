"""Runs a connection test off the GUI thread; the result comes back on the GUI thread."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from kzdesk.core.engine import EngineError
from kzdesk.ui.messages import translate_message
from kzdesk.workers.background import Task, run_task


def check_connection(
    check: Callable[[str, str], None],
    key: str,
    folder_id: str,
    on_finished: Callable[[bool, str], object],  # succeeded, a sentence ("" = unexpected error)
    *,
    parent: QObject | None = None,
) -> Task[None]:
    """``check(api_key, folder_id)`` raises EngineError with a sentence when it fails."""

    def failed(exc: Exception) -> None:
        on_finished(False, translate_message(exc.message) if isinstance(exc, EngineError) else "")

    return run_task(
        lambda _control: check(key, folder_id),
        lambda _none: on_finished(True, ""),
        failed,
        expected=(EngineError,),
        parent=parent,
        name="the connection test",
    )
