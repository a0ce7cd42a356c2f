"""The folders read as the flow: the command line, then views, queries, the corpus, and beneath them
the renderer and the arithmetic of growth. No import, at module level or inside a function, runs
back up a layer, and no two modules import each other, however indirectly."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGE = ROOT / "src" / "ca_summit"
# Higher imports lower, never the reverse. Modules at the top of the package are the base, except
# growth (pure arithmetic, beneath everything that words it) and __main__.
LAYERS = {"__main__": 7, "cli": 6, "views": 5, "queries": 4, "corpus": 3, "render": 2, "growth": 1}


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every ca_summit module `path` imports, wherever the import stands."""
    module = _module(path)
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    found: set[str] = set()
    modules = {_module(p) for p in PACKAGE.rglob("*.py")}
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("ca_summit")}
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            target = ".".join([*base, *([node.module] if node.module else [])])
            if not target.startswith("ca_summit"):
                continue
            # `from . import x` imports the module x; `from .m import name` imports m.
            submodules = {f"{target}.{alias.name}" for alias in node.names} & modules
            found |= submodules or {target}
    return found - {module}


def _layer(module: str) -> int:
    parts = module.split(".")
    return LAYERS.get(parts[1], 0) if len(parts) > 1 else 0


GRAPH = {_module(path): _imports(path) for path in sorted(PACKAGE.rglob("*.py"))}


def test_the_layers_are_the_folders() -> None:
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert folders == {"cli", "corpus", "queries", "views", "render"}


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_no_import_runs_back_up_a_layer(module: str) -> None:
    upward = sorted(t for t in GRAPH[module] if _layer(t) > _layer(module))
    assert upward == [], f"{module} imports a higher layer"


def test_no_module_imports_itself_through_others() -> None:
    # Packages import their __init__ implicitly; a cycle is between modules proper.
    def reach(start: str) -> set[str]:
        seen: set[str] = set()
        todo = [t for t in GRAPH.get(start, ()) if t in GRAPH]
        while todo:
            current = todo.pop()
            if current not in seen:
                seen.add(current)
                todo += [t for t in GRAPH.get(current, ()) if t in GRAPH]
        return seen

    circles = sorted(m for m in GRAPH if m in reach(m))
    assert circles == []
