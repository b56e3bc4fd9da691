from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The language kzdesk writes new speakers' names and export words in follows the system
# (LANGUAGE, LC_ALL, LANG): English here, whatever the developer's machine says; tests of
# other languages say so themselves.
os.environ["LANGUAGE"] = "en"

pytest_plugins = ["tests.emulator.fixtures"]


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:  # type: ignore[no-untyped-def]
    """Skips for a program the machine lacks, in a block of their own (see missing_tools)."""
    from tests.missing_tools import summary

    lines = summary(terminalreporter.stats.get("skipped", []))
    if lines:
        terminalreporter.write_sep("=", "tests skipped for missing programs", yellow=True)
        for line in lines:
            terminalreporter.write_line(line, yellow=True)
