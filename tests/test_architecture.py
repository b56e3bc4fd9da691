"""Import contract: Qt only in ui/ and workers/; core only the standard library; the window
reaches storage, engines, diarization and audio only through services; the command line
reaches storage only through services."""

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


def _kzdesk_imports(path: Path) -> set[str]:
    """The kzdesk modules ``path`` imports (``from kzdesk import export`` -> kzdesk.export)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names if a.name.split(".")[0] == "kzdesk")
        elif isinstance(node, ast.ImportFrom) and node.level > 0:
            names.add("<relative import>")  # kzdesk imports absolutely: a relative one is news
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "kzdesk":
                names.update(
                    f"kzdesk.{a.name}" if _is_module("kzdesk", a.name) else "kzdesk"
                    for a in node.names
                )
            elif node.module.split(".")[0] == "kzdesk":
                names.add(node.module)
    return names


def _is_module(package: str, name: str) -> bool:
    folder = ROOT.joinpath(*package.split("."))
    return (folder / name).is_dir() or (folder / f"{name}.py").is_file()


# What each upper layer may import of kzdesk (first part after "kzdesk."; "" is the package
# itself, for its version). The window asks services; workers run services on threads.
MAY_IMPORT = {
    # app: the composition root (AppContext); resources: paths inside the bundle
    "ui": {"", "core", "services", "workers", "export", "ui", "app", "resources"},
    "workers": {"core", "services", "workers"},
}


def _layer_offenders(paths: list[Path], layer: str) -> dict[str, set[str]]:
    allowed = MAY_IMPORT[layer]
    offenders = {}
    for p in paths:
        bad = {
            n
            for n in _kzdesk_imports(p)
            if n == "<relative import>" or [*n.split("."), ""][1] not in allowed
        }
        if bad:
            offenders[p.name] = bad
    return offenders


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


def test_ui_reaches_storage_engines_diarization_and_audio_only_through_services() -> None:
    assert _layer_offenders(sorted((PACKAGE / "ui").rglob("*.py")), "ui") == {}


def _storage_reached_through_the_context(path: Path) -> set[str]:
    """``ctx.queue``, ``self.ctx.store``, ``ctx.db``: the storage the composition root holds."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and node.attr in {"queue", "store", "db"}:
            owner = node.value
            name = owner.id if isinstance(owner, ast.Name) else getattr(owner, "attr", "")
            if name in {"ctx", "app_ctx", "context"}:
                found.add(f"{name}.{node.attr}")
    return found


def test_the_window_takes_services_not_storage_from_the_app_context() -> None:
    offenders = {
        p.name: bad
        for p in sorted((PACKAGE / "ui").rglob("*.py"))
        if (bad := _storage_reached_through_the_context(p))
    }
    assert offenders == {}


def _storage_imports(path: Path) -> set[str]:
    return {n for n in _kzdesk_imports(path) if n.split(".")[1:2] == ["storage"]}


def test_the_command_line_reaches_the_queue_and_transcripts_only_through_services() -> None:
    """``kzdesk transcribe``, ``resume``, ``jobs`` … and the window share one code path: the
    command line neither imports storage nor takes it from the app context."""
    commands = sorted(PACKAGE.glob("cli*.py"))
    assert {p.name for p in commands} >= {"cli.py", "cli_run.py"}
    offenders = {
        p.name: bad
        for p in commands
        if (bad := _storage_imports(p) | _storage_reached_through_the_context(p))
    }
    assert offenders == {}


def test_workers_import_only_core_and_services() -> None:
    assert _layer_offenders(sorted((PACKAGE / "workers").rglob("*.py")), "workers") == {}


def test_the_layer_contract_catches_each_way_in(tmp_path: Path) -> None:
    """The checks above can fail: plain, aliased, package-level and in-function imports."""
    module = tmp_path / "window.py"
    module.write_text(
        "from kzdesk.storage.transcripts import TranscriptStore\n"
        "import kzdesk.engines.speechkit as sk\n"
        "from kzdesk import diarization, export, __version__\n"
        "def f():\n"
        "    from kzdesk.audio import probe\n"
        "from kzdesk.services.transcripts import TranscriptService\n"
        "jobs = self.ctx.queue.all(), ctx.jobs.all(), ctx.store, self.queue\n",
        encoding="utf-8",
    )
    assert _storage_reached_through_the_context(module) == {"ctx.queue", "ctx.store"}
    assert _storage_imports(module) == {"kzdesk.storage.transcripts"}
    assert _layer_offenders([module], "ui") == {
        "window.py": {
            "kzdesk.storage.transcripts",
            "kzdesk.engines.speechkit",
            "kzdesk.diarization",
            "kzdesk.audio",
        }
    }
    assert _layer_offenders([module], "workers")["window.py"] == {
        "kzdesk",
        "kzdesk.storage.transcripts",
        "kzdesk.engines.speechkit",
        "kzdesk.diarization",
        "kzdesk.export",
        "kzdesk.audio",
    }


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _module_imports(path: Path, name: str, known: set[str]) -> set[str]:
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
    graph = {name: _module_imports(path, name, set(modules)) for name, path in modules.items()}
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
    assert _module_imports(probe, "kzdesk.ui.probe", known) == known - {"kzdesk.core"}
