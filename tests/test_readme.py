"""README's set-up stays true: its two commands are Makefile targets, and the system packages it
lists for Qt are the ones CI installs on a fresh Debian machine (.ci/run)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _apt_packages(text: str) -> set[str]:
    """The package names of every `apt-get install` command line (with continuations)."""
    joined = text.replace("\\\n", " ")
    packages: set[str] = set()
    for line in joined.splitlines():
        if "apt-get install" in line:
            words = line.split("apt-get install", 1)[1].split(">")[0].split()
            packages |= {w for w in words if re.fullmatch(r"[a-z0-9][a-z0-9.+-]+", w)}
    return packages


def test_setup_commands_are_make_targets() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = readme.split("## Set up", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"^    (make \w+)$", setup, re.MULTILINE)
    assert commands == ["make run", "make test"]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for command in commands:
        assert re.search(rf"^{command.split()[1]}:", makefile, re.MULTILINE), command


def test_the_qt_packages_of_the_readme_are_what_ci_installs() -> None:
    readme = _apt_packages((ROOT / "README.md").read_text(encoding="utf-8"))
    ci = _apt_packages((ROOT / ".ci" / "run").read_text(encoding="utf-8"))
    assert {"libegl1", "libxcb-cursor0", "libpulse0"} <= readme
    assert readme <= ci, readme - ci


def test_the_engine_choice_is_where_the_readme_says() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "Settings → Offline engine → Engine" not in readme
    assert "Settings → General → Engine" in readme
