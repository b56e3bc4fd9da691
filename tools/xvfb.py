"""Runs a screenshot script under Xvfb once per scale factor (shared by the tools/ scripts).

A script calls :func:`main` with its own ``shoot(out_dir, scale)`` and calls
:func:`install_language` once its QApplication exists: ``--lang kk`` (or ``ru``) shoots the
interface in that language, with ``_kk`` in the file names; ``--dark`` shoots it with the
palette a dark system colour scheme gives (``_dark`` in the names); under a real display (and
not offscreen) it uses that display, otherwise it starts ``Xvfb`` on ``display``. Each scale
runs in a child process of the same script with ``KZDESK_SHOT_SCALE`` and ``QT_SCALE_FACTOR``
set, because Qt reads the scale factor once at start-up.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

Shoot = Callable[[Path, str], list[Path]]


def install_language(app: object) -> str:
    """Installs the translators for ``KZDESK_SHOT_LANG`` (and the dark palette for
    ``KZDESK_SHOT_DARK``); returns the file-name suffix."""
    suffix = ""
    if os.environ.get("KZDESK_SHOT_DARK"):
        from PySide6.QtCore import Qt

        from kzdesk.ui import color_scheme

        color_scheme.follow(app, Qt.ColorScheme.Dark)  # type: ignore[arg-type]
        suffix = "_dark"
    code = os.environ.get("KZDESK_SHOT_LANG", "")
    from kzdesk.ui import languages

    languages.install(code or "en", app)  # type: ignore[arg-type]  # English: plural forms
    if code:  # as for someone who chose this interface language in Settings
        languages.use_locale(code, code)
    return suffix if not code or code == "en" else f"_{code}{suffix}"


def language() -> str:
    """The language being shot ("en" unless --lang says otherwise)."""
    return os.environ.get("KZDESK_SHOT_LANG") or "en"


def main(script: str, argv: list[str], shoot: Shoot, display: str) -> int:
    args = list(argv)
    if "--lang" in args:
        at = args.index("--lang")
        os.environ["KZDESK_SHOT_LANG"] = args[at + 1]
        del args[at : at + 2]
    if "--dark" in args:
        os.environ["KZDESK_SHOT_DARK"] = "1"
        args.remove("--dark")
    argv = args
    out_dir = Path(argv[1] if len(argv) > 1 else "/tmp/kzdesk-shots")
    out_dir.mkdir(parents=True, exist_ok=True)
    if os.environ.get("KZDESK_SHOT_SCALE"):
        for path in shoot(out_dir, os.environ["KZDESK_SHOT_SCALE"]):
            print(path)
        return 0
    xvfb = None
    env = dict(os.environ)
    if not env.get("DISPLAY") or env.get("QT_QPA_PLATFORM") == "offscreen":
        if shutil.which("Xvfb") is None:
            print("Xvfb is missing: apt-get install -y xvfb libxcb-cursor0", file=sys.stderr)
            return 2
        xvfb = subprocess.Popen(
            ["Xvfb", display, "-screen", "0", "3000x2000x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(1.0)
        env["DISPLAY"] = display
        env["QT_QPA_PLATFORM"] = "xcb"
    try:
        for scale in ("1", "2"):
            run_env = dict(env, KZDESK_SHOT_SCALE=scale, QT_SCALE_FACTOR=scale)
            subprocess.run([sys.executable, script, str(out_dir)], env=run_env, check=True)
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait(5)
    return 0
