"""Repository hygiene: notebooks carry no outputs; data stays out of git; lib/ stays in."""
import json
import subprocess

import pytest

from conftest import REPO

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_are_committed_without_outputs(path):
    # What git holds (the index), not the file: an analyst's saved outputs stay in the file, stripped by git's filter.
    stored = subprocess.run(["git", "show", f":notebooks/{path.name}"], cwd=REPO, check=True, capture_output=True, text=True, encoding="utf-8")
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
    from readiness.params import OVERRIDABLE

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


@pytest.mark.parametrize("path", ["lib/readiness/build.py", "tests/fixtures/golden/case_audits.csv"])
def test_code_and_fixtures_are_not_ignored(path):
    assert not ignored(path)
