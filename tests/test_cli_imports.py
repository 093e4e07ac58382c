"""The modules of ``nazif.cli`` import each other without a circle.

Every relative import is counted, at module level or inside a function (a lazy
import still makes a circle: the two modules then depend on each other's
import order), so the test fails if, say, a command module imports
:mod:`nazif.cli.app` again.
"""

from __future__ import annotations

import ast
from pathlib import Path

import nazif.cli

CLI = Path(nazif.cli.__file__).parent


def _imports(path: Path) -> set[str]:
    """The ``nazif.cli`` modules that ``path`` imports (``from .x import ...``, ``from . import x``)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found.update(alias.name for alias in node.names)
    return found


def _graph() -> dict[str, set[str]]:
    modules = {p.stem: p for p in CLI.glob("*.py") if p.stem not in ("__init__", "__main__")}
    return {name: _imports(path) & modules.keys() for name, path in modules.items()}


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import circle (a list of modules, first == last), or ``[]``."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        path.pop()
        state[node] = 2
        return []

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return []


def test_the_cycle_finder_finds_one():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set(), "c": {"a", "b"}}) == []


def test_the_graph_sees_lazy_imports():
    graph = _graph()
    assert {"clean", "explain", "tools"} <= graph["app"]  # imported inside _command()
    assert "options" in graph["clean"]


def test_cli_modules_import_each_other_without_a_circle():
    assert _cycle(_graph()) == []
