"""The package reads as its pipeline: stage folders, imports one way along them, no cycle, no long module."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from readiness.pack.cache import code_files
from readiness.paths import PACKAGE

STAGES = ("config", "inputs", "indicators", "disclosure", "present", "pack")
"""The pipeline's stages in order: a module may import from its own stage and earlier ones, never a later one."""
TOOLS = ("demo", "mock")
BASE = ("errors", "paths", "safetext", "files", "progress", "parallel")
"""Modules at the top that every stage may use and that use no stage."""
ENTRY = ("cli", "__main__", "lab")
"""The command line and JupyterLab's save hook: they may use anything, and nothing uses them."""
MOST_LINES = 400


def module_name(path: Path) -> str:
    """``lib/readiness/inputs/read.py`` → ``readiness.inputs.read``; a package's ``__init__`` is the package."""
    parts = ("readiness", *path.relative_to(PACKAGE).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path, known: set[str]) -> set[str]:
    """The package's modules that ``path`` imports anywhere in it (at the top or inside a function)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.update(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names)
    return {module for module in found if module in known and module != name}


def import_graph() -> dict[str, set[str]]:
    paths = sorted(PACKAGE.rglob("*.py"))
    known = {module_name(path) for path in paths}
    return {module_name(path): imported_modules(path, known) for path in paths}


def rank(module: str) -> int:
    """Where a module stands: the base 0, the stages 1 to 6 in order, the tools 7, the entry points 8."""
    parts = module.split(".")
    if len(parts) == 1:
        return 0
    head = parts[1]
    if head in BASE:
        return 0
    if head in STAGES:
        return 1 + STAGES.index(head)
    if head in TOOLS:
        return 1 + len(STAGES)
    if head in ENTRY:
        return 2 + len(STAGES)
    raise AssertionError(f"{module} belongs to no stage: put it in a stage folder or name it in this test")


def a_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle of ``graph`` (first module repeated at the end), or [] when there is none."""
    state: dict[str, str] = {}
    trail: list[str] = []

    def visit(module: str) -> list[str]:
        state[module] = "open"
        trail.append(module)
        for target in sorted(graph[module]):
            if state.get(target) == "open":
                return [*trail[trail.index(target) :], target]
            if target not in state and (cycle := visit(target)):
                return cycle
        state[module] = "done"
        trail.pop()
        return []

    for module in sorted(graph):
        if module not in state and (cycle := visit(module)):
            return cycle
    return []


def test_a_cycle_is_found_and_an_acyclic_graph_has_none():
    assert a_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
    assert a_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) == []


def test_the_package_has_no_import_cycle():
    assert a_cycle(import_graph()) == []


def test_imports_run_one_way_along_the_pipeline():
    graph = import_graph()
    backwards = sorted(
        f"{module} imports {target}" for module, targets in graph.items() for target in targets if rank(target) > rank(module)
    )
    assert backwards == []


@pytest.mark.parametrize(
    ("module", "expected"),
    [
        ("readiness.errors", 0),
        ("readiness.config.params", 1),
        ("readiness.inputs.read", 2),
        ("readiness.pack.build", 6),
        ("readiness.demo.council", 7),
        ("readiness.cli", 8),
    ],
)
def test_rank_follows_the_stage_folders(module, expected):
    assert rank(module) == expected


def test_every_stage_and_tool_folder_says_what_it_takes_and_gives():
    for folder in (*STAGES, *TOOLS):
        tree = ast.parse((PACKAGE / folder / "__init__.py").read_text(encoding="utf-8"))
        assert ast.get_docstring(tree), f"{folder}/__init__.py has no docstring"
        assert len(tree.body) == 1, f"{folder}/__init__.py should hold its docstring only"


def test_no_module_is_over_400_lines():
    long = {
        path.relative_to(PACKAGE).as_posix(): n
        for path in PACKAGE.rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MOST_LINES
    }
    assert long == {}


def test_a_builds_cache_key_covers_every_stage_and_the_page_template():
    files = {path.relative_to(PACKAGE).as_posix() for path in code_files()}
    assert {
        "config/params.py",
        "inputs/read.py",
        "indicators/care.py",
        "disclosure/control.py",
        "present/charts.py",
        "pack/build.py",
        "pack/templates/pack.html.j2",
        "pack/templates/pack.css",
        "paths.py",
    } <= files
    assert not any("__pycache__" in name for name in files)
