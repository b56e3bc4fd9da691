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


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _kzdesk_imports(path: Path, name: str, known: set[str]) -> set[str]:
    """The kzdesk modules ``path`` imports anywhere: at the top, in functions, and under
    ``if TYPE_CHECKING`` (a type-only import back is still a knot two modules must be read
    together to undo). ``from package import name`` counts as ``package.name`` when that is a
    module."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                head = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*head, *([node.module] if node.module else [])])
            for alias in node.names:
                full = f"{base}.{alias.name}"
                found.add(full if full in known else base)
    return {m for m in found if m in known and m != name}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_no_import_cycles_within_kzdesk() -> None:
    """Each module can be read (and changed) without the one that uses it: menus and actions
    are handed to the windows, the editor's parts see the window through a protocol, and
    ``transcript_ops`` reads a transcript through its shape."""
    modules = {_module_name(p): p for p in _modules()}
    graph = {name: _kzdesk_imports(path, name, set(modules)) for name, path in modules.items()}
    assert _cycles(graph) == []


def test_the_cycle_check_sees_late_and_type_only_imports(tmp_path: Path) -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert _cycles(graph) == [["a", "b", "c"]]
    probe = tmp_path / "probe.py"
    probe.write_text(
        "from typing import TYPE_CHECKING\n"
        "from kzdesk.ui import chrome\n"
        "if TYPE_CHECKING:\n"
        "    from kzdesk.ui.main_window import MainWindow\n"
        "def late():\n"
        "    from . import actions\n"
        "    from ..core.transcript import Transcript\n",
        encoding="utf-8",
    )
    known = {"kzdesk.ui.chrome", "kzdesk.ui.main_window", "kzdesk.ui.actions", "kzdesk.core"}
    known |= {"kzdesk.core.transcript"}
    assert _kzdesk_imports(probe, "kzdesk.ui.probe", known) == known - {"kzdesk.core"}
