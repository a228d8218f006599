"""Repository hygiene: notebooks carry no outputs; data stays out of git; lib/ stays in; the code passes ruff."""

import ast
import importlib.metadata
import importlib.util
import json
import re
import subprocess
import sys
import tomllib

import pytest
from conftest import REPO
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_are_committed_without_outputs(path):
    # What git holds (the index), not the file: an analyst's saved outputs stay in the file, stripped by git's filter.
    stored = subprocess.run(
        ["git", "show", f":notebooks/{path.name}"], cwd=REPO, check=True, capture_output=True, text=True, encoding="utf-8"
    )
    notebook = json.loads(stored.stdout)
    code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    assert all(not cell["outputs"] and cell["execution_count"] is None for cell in code)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_each_notebook_has_a_plain_parameters_cell(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    tagged = [c for c in notebook["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1
    source = "".join(tagged[0]["source"])
    assert "import" not in source and "(" not in source  # plain values only


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_each_notebook_offers_every_override_and_runs_on_the_project_kernel(path):
    from readiness.config.params import OVERRIDABLE

    notebook = json.loads(path.read_text(encoding="utf-8"))
    [cell] = [c for c in notebook["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
    names = {line.split("=")[0].strip() for line in "".join(cell["source"]).splitlines() if "=" in line and not line.startswith("#")}
    assert names == {"params_file", "inputs_file", *OVERRIDABLE}
    assert notebook["metadata"]["kernelspec"]["name"] == "readiness"


def test_there_are_notebooks():
    assert len(NOTEBOOKS) >= 3


def ignored(path: str) -> bool:
    return subprocess.run(["git", "check-ignore", "-q", path], cwd=REPO).returncode == 0


@pytest.mark.parametrize("path", ["data/demo/annex_a.xlsx", "outputs/demo/index.html", "somewhere/x.csv", "p/x.xlsx"])
def test_data_and_outputs_are_ignored(path):
    assert ignored(path)


@pytest.mark.parametrize("path", ["lib/readiness/pack/build.py", "tests/fixtures/golden/case_audits.csv"])
def test_code_and_fixtures_are_not_ignored(path):
    assert not ignored(path)


@pytest.mark.skipif(
    importlib.util.find_spec("ruff") is None, reason="ruff is not installed (it comes with the test extra: pip install -e .[test])"
)
@pytest.mark.parametrize("command", [["check"], ["format", "--check"]], ids=["lint", "format"])
def test_the_code_passes_ruff(command):
    # The rules and the line length are pyproject.toml's [tool.ruff]; ruff names each file (and line) it would change.
    result = subprocess.run(
        [sys.executable, "-m", "ruff", *command, "lib", "tests", "benchmarks", "scripts", "tasks.py", "notebooks"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def declared(*extras: str) -> dict[str, Requirement]:
    """pyproject.toml's runtime requirements and those of ``extras``, by canonical name."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lines = [*project["dependencies"], *(line for extra in extras for line in project["optional-dependencies"][extra])]
    return {canonicalize_name(Requirement(line).name): Requirement(line) for line in lines}


def pinned(lock: str) -> dict[str, str]:
    """A lock file's pins (``name==version``, platform markers aside), by canonical name."""
    pins = re.findall(r"^([A-Za-z0-9_.-]+)==([^\s;]+)", (REPO / "requirements" / f"{lock}.txt").read_text(encoding="utf-8"), re.M)
    return {canonicalize_name(name): version for name, version in pins}


@pytest.mark.parametrize(("lock", "extras"), [("test", ("test",)), ("lab", ("test", "lab"))])
def test_each_lock_file_pins_what_pyproject_asks_for(lock, extras):
    # A requirement added to pyproject.toml without `python3 tasks.py lock` fails here.
    pins = pinned(lock)
    for name, requirement in declared(*extras).items():
        assert name in pins, f"{name} is not in requirements/{lock}.txt: run python3 tasks.py lock"
        assert requirement.specifier.contains(pins[name], prereleases=True), f"{name}=={pins[name]} is not {requirement}"


def test_the_lock_files_agree_and_only_the_lab_one_has_jupyterlab():
    test, lab = pinned("test"), pinned("lab")
    assert {name: lab[name] for name in test} == test
    assert "jupyterlab" in lab and "jupyterlab" not in test


LAB_HOOK = REPO / "lib" / "readiness" / "lab.py"
"""JupyterLab's save hook: it runs in Lab's server only, so it may use the ``lab`` extra."""


def distributions_imported(paths) -> set[str]:
    """The import names of ``paths`` (outside the standard library) mapped to the distributions that install them."""
    imported = set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                imported.add(node.module.split(".")[0])
    third_party = imported - set(sys.stdlib_module_names) - {"readiness", "__future__"}
    distributions = importlib.metadata.packages_distributions()
    return {canonicalize_name(distributions[name][0]) for name in third_party}


def test_every_package_lib_imports_is_a_runtime_dependency():
    needed = distributions_imported(p for p in (REPO / "lib").rglob("*.py") if p != LAB_HOOK)
    assert needed <= set(declared()), f"imported but not declared: {sorted(needed - set(declared()))}"
    lab = distributions_imported([LAB_HOOK])
    assert lab <= set(declared("lab")), f"imported by the Lab hook but not declared: {sorted(lab - set(declared('lab')))}"
