"""Import contract: Qt only in ui/ and workers/; core only the standard library."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "kzdesk"
QT_ALLOWED = ("kzdesk/ui/", "kzdesk/workers/")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_only_ui_and_workers_import_qt() -> None:
    offenders = [
        str(p.relative_to(ROOT))
        for p in _modules()
        if not str(p.relative_to(ROOT)).startswith(QT_ALLOWED)
        and any(n.split(".")[0] in {"PySide6", "shiboken6"} for n in _imports(p))
    ]
    assert offenders == []


def test_core_imports_only_the_standard_library() -> None:
    offenders = {}
    for p in (PACKAGE / "core").rglob("*.py"):
        bad = {
            n
            for n in _imports(p)
            if n.split(".")[0] not in sys.stdlib_module_names
            and not n.startswith("kzdesk.core")
            and n != "__future__"
        }
        if bad:
            offenders[str(p.relative_to(ROOT))] = bad
    assert offenders == {}


def test_non_ui_modules_import_with_qt_unavailable() -> None:
    """Catches indirect imports too: every non-UI module imports with PySide6 blocked."""
    names = [
        ".".join(p.relative_to(ROOT).with_suffix("").parts)
        for p in _modules()
        if not str(p.relative_to(ROOT)).startswith(QT_ALLOWED) and p.name != "__main__.py"
    ]
    script = (
        "import sys, importlib\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('PySide6', 'shiboken6'):\n"
        "            raise ImportError('Qt is blocked here')\n"
        "sys.meta_path.insert(0, Block())\n"
        f"for n in {names!r}:\n"
        "    importlib.import_module(n)\n"
        "print('ok')\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
