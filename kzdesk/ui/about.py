"""The About box text: what kzdesk is and the versions it runs with."""

from __future__ import annotations

import html
import platform

import PySide6
from PySide6.QtCore import QCoreApplication, QObject, QUrl, qVersion

from kzdesk import __version__
from kzdesk.resources import licenses_dir


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
    intro = QCoreApplication.translate(
        "About", "Transcripts of Kazakh and Russian recordings, with speakers, editing and export."
    )
    title = QCoreApplication.translate("About", "kzdesk {version}").format(version=__version__)
    notice = QCoreApplication.translate(
        "About",
        "kzdesk uses Qt (LGPL-3.0), FFmpeg (LGPL/GPL), Whisper models (MIT), the speaker "
        "models pyannote segmentation-3.0 (MIT, © CNRS) and CAM++ of 3D-Speaker (Apache-2.0), "
        "and other open-source software under their own licences.",
    )
    text = f"<h3>{html.escape(title)}</h3><p>{html.escape(intro)}</p><table>{rows}</table>"
    text += f"<p>{html.escape(notice)}"
    folder = licenses_dir()
    if folder is not None:  # the bundle ships the notices; a checkout has them in site-packages
        link = QUrl.fromLocalFile(str(folder)).toString()
        label = QCoreApplication.translate("About", "Third-party licences")
        text += f' <a href="{html.escape(link)}">{html.escape(label)}</a>'
    return text + "</p>"
