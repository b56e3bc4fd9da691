"""The About box text: what kzdesk is and the versions it runs with."""

from __future__ import annotations

import html
import platform

import PySide6
from PySide6.QtCore import QObject, qVersion

from kzdesk import __version__
from kzdesk.ui.text import fill


def versions() -> dict[str, str]:
    return {
        "kzdesk": __version__,
        "Qt": qVersion(),
        "PySide6": PySide6.__version__,
        "Python": platform.python_version(),
    }


def about_html(owner: QObject) -> str:
    rows = "".join(
        f"<tr><td>{html.escape(name)}</td><td>&nbsp;{html.escape(value)}</td></tr>"
        for name, value in versions().items()
    )
    intro = owner.tr(
        "Transcripts of Kazakh and Russian recordings, with speakers, editing and export."
    )
    title = fill(owner.tr("kzdesk %1"), __version__)
    return f"<h3>{html.escape(title)}</h3><p>{html.escape(intro)}</p><table>{rows}</table>"
