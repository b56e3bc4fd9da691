"""The end of `make test` lists the tests skipped for a missing program, with what to install."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.missing_tools import missing_tool

ROOT = Path(__file__).resolve().parents[1]


def test_skip_reasons_name_the_program() -> None:
    assert missing_tool("LibreOffice is not installed") == (
        "LibreOffice",
        "libreoffice-writer-nogui",
    )
    assert missing_tool("espeak-ng is not installed: it speaks …") == ("espeak-ng", "espeak-ng")
    assert missing_tool("SIGKILL is POSIX") is None


def test_the_run_ends_with_the_skipped_tests_and_what_to_install(tmp_path: Path) -> None:
    case = tmp_path / "test_case.py"
    case.write_text(
        "import pytest\n"
        "@pytest.mark.skipif(True, reason='LibreOffice is not installed')\n"
        "def test_docx_opens():\n    pass\n"
        "def test_other():\n    pytest.skip('espeak-ng is not installed')\n",
        encoding="utf-8",
    )
    (tmp_path / "conftest.py").write_text(
        (ROOT / "tests" / "conftest.py")
        .read_text(encoding="utf-8")
        .replace('pytest_plugins = ["tests.emulator.fixtures"]', ""),
        encoding="utf-8",
    )
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(case)],
        cwd=tmp_path,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    out = run.stdout
    assert "tests skipped for missing programs" in out
    assert "1 test(s) skipped: LibreOffice is not installed" in out
    assert "sudo apt-get install libreoffice-writer-nogui" in out
    assert "sudo apt-get install espeak-ng" in out
    assert "test_case.py::test_docx_opens" in out
