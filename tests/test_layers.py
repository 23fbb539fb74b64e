"""The layers only point down: no import circles, and the core knows nothing of the screen.

Imports are read from the source with `ast`, those inside functions included (a lazy
import is still a dependency); only `if TYPE_CHECKING:` blocks are left out, since they
never run.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "pkus_cli"

# The core: content, queries, progress, the quiz's logic and the exports.
CORE = ("pack.", "views.", "progress.", "quiz.questions", "quiz.plan", "quiz.session",
        "quiz.grading", "export", "errors")  # fmt: skip


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports_of(path: Path) -> set[str]:
    """Every module `path` imports at run time (pkus modules fully qualified)."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            # `from pkus_cli.views import find` imports the module pkus_cli.views.find
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                if candidate.startswith("pkus_cli.") and _exists(candidate):
                    found.add(candidate)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return found


def _exists(module: str) -> bool:
    rel = Path(*module.split("."))
    return (SRC / rel).with_suffix(".py").is_file() or (SRC / rel / "__init__.py").is_file()


def graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    edges: dict[str, set[str]] = {}
    for name, path in modules.items():
        # A package's __init__ is imported along with each of its modules, but ours are
        # docstrings only, so the edge to a parent package is not a dependency.
        edges[name] = {m for m in imports_of(path) if m in modules and m != name}
        edges[name] -= {m for m in edges[name] if name.startswith(m + ".")}
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    found: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def walk(node: str) -> None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                found.append([*path[path.index(nxt) :], nxt])
            elif nxt not in state:
                walk(nxt)
        path.pop()
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            walk(node)
    return found


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_module_imports_itself_back() -> None:
    assert cycles(graph()) == []


def _core(name: str) -> bool:
    short = name.removeprefix("pkus_cli.")
    return any(short == c.rstrip(".") or short.startswith(c) for c in CORE)


@pytest.mark.parametrize("forbidden", ["typer", "rich", "click"])
def test_the_core_never_imports_the_screen(forbidden: str) -> None:
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    offenders = [
        name
        for name, path in sorted(modules.items())
        if _core(name) and any(m.split(".")[0] == forbidden for m in imports_of(path))
    ]
    assert offenders == []


def test_stats_do_not_import_the_quiz_and_the_loop_is_handed_its_screen() -> None:
    edges = graph()
    assert not any(m.startswith("pkus_cli.quiz") for m in edges["pkus_cli.progress.stats"])
    assert not any(m.startswith("pkus_cli.render") for m in edges["pkus_cli.quiz.loop"])
    assert not any(m.startswith("pkus_cli.progress.srs") for m in edges["pkus_cli.progress.store"])
