"""Files that ship with kzdesk (icons, translations, licence notices), found the same way in a
source checkout and in the frozen one-folder bundle that build.spec makes.

In a checkout the files live in ``<checkout>/resources``. In the bundle PyInstaller unpacks
its data next to the bundled modules, in the folder it names ``sys._MEIPASS`` (``_internal/``
beside the executable; ``Contents/Frameworks`` inside a macOS app, whose ``resources`` link
points into ``Contents/Resources``); build.spec copies ``resources/`` there under the same name.
Pure standard library: the CLI and the audio code use it without Qt.
"""

from __future__ import annotations

import sys
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parents[1]


def is_frozen() -> bool:
    """True when running from a PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False))


def bundle_dir() -> Path:
    """The folder that holds ``resources/`` (and, when frozen, ``licenses/`` and ``ffmpeg/``)."""
    if is_frozen():
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).resolve().parent))
    return _CHECKOUT


def resource_path(*parts: str) -> Path:
    """``resource_path("icons", "kzdesk.svg")``: a file under ``resources/``.

    The path is returned whether or not the file exists (translations, for one, are optional);
    check with ``.exists()`` where that matters."""
    return bundle_dir().joinpath("resources", *parts)


def licenses_dir() -> Path | None:
    """The third-party licence notices gathered at build time; None in a checkout, where the
    installed packages keep their own (``python tools/collect_licenses.py DIR`` gathers them)."""
    folder = bundle_dir() / "licenses"
    return folder if is_frozen() and folder.is_dir() else None
