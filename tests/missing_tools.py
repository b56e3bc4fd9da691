"""Tests that need a program the machine may lack skip with a reason naming it; at the end of
the run (``make test``) they are listed in a block of their own with what to install, so a
green run that skipped the DOCX check in LibreOffice or the espeak-ng speech says so plainly."""

from __future__ import annotations

from collections import defaultdict

import pytest

# the words of a skip reason -> (the program, the Debian/Ubuntu package that has it)
TOOLS = {
    "LibreOffice": ("LibreOffice", "libreoffice-writer-nogui"),
    "espeak-ng": ("espeak-ng", "espeak-ng"),
    "appstreamcli": ("appstreamcli", "appstream"),
}


def missing_tool(reason: str) -> tuple[str, str] | None:
    for word, tool in TOOLS.items():
        if word in reason:
            return tool
    return None


def summary(reports: list[pytest.TestReport]) -> list[str]:
    """Lines for the skips caused by a missing program, grouped by program."""
    skipped: dict[tuple[str, str], list[str]] = defaultdict(list)
    for report in reports:
        reason = str(report.longrepr[-1]) if isinstance(report.longrepr, tuple) else ""
        tool = missing_tool(reason)
        if tool is not None:
            skipped[tool].append(report.nodeid)
    lines = []
    for (program, package), tests in sorted(skipped.items()):
        lines.append(
            f"{len(tests)} test(s) skipped: {program} is not installed "
            f"(Debian/Ubuntu: sudo apt-get install {package})"
        )
        lines += [f"    {nodeid}" for nodeid in sorted(tests)]
    return lines
