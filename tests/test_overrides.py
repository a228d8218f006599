"""Overrides from a notebook's parameters cell and from papermill -p: known keys applied, unknown names an error."""
import subprocess
import sys

import nbformat
import pytest
from conftest import REPO

from readiness.config.overrides import names_just_assigned, notebook_overrides, overrides_in, plain_assignments
from readiness.errors import ParametersError

PARAMETERS_CELL = 'params_file = "../parameters/demo.yaml"\ninputs_file = ""\n# a comment\nperiod_start = None\naudience = None'
OPEN_CELL = "pack = open_pack(params_file, inputs_file)"


def test_plain_assignments_name_what_a_parameters_cell_sets():
    assert plain_assignments(PARAMETERS_CELL) == ["params_file", "inputs_file", "period_start", "audience"]
    assert plain_assignments("# Parameters\nx = -1.5\ny = 'a'\n") == ["x", "y"]  # papermill's injected cell
    assert plain_assignments("") == []


@pytest.mark.parametrize("source", [OPEN_CELL, "import os", "x = y", "x.a = 1", "x = 1\nprint(x)", "x = ("])
def test_any_other_cell_is_not_plain_assignments(source):
    assert plain_assignments(source) is None


def test_names_just_assigned_are_those_of_the_cells_run_just_before_the_current_one():
    # Lab: an earlier Run All ended with a chart cell; then the parameters cell, papermill's cell, and the current cell.
    history = ["", "x = 1", "show_chart(fig)", PARAMETERS_CELL, "# Parameters\naudience = 'internal'\n", OPEN_CELL]
    assert names_just_assigned(history) == ["params_file", "inputs_file", "period_start", "audience", "audience"]
    assert names_just_assigned([OPEN_CELL]) == []
    assert names_just_assigned([]) == []


def namespace(*history: str, **values) -> dict:
    return {"_ih": ["", *history], "params_file": "p.yaml", **values}


def test_overrides_are_the_known_keys_not_none():
    ns = namespace(PARAMETERS_CELL, OPEN_CELL, period_start="2025-07-01", audience=None, period_end=None, pack=object())
    assert overrides_in(ns) == {"period_start": "2025-07-01"}


def test_an_unknown_name_in_the_parameters_cells_is_an_error_naming_it():
    ns = namespace(PARAMETERS_CELL, "# Parameters\nperod_start = '2025-07-01'\n", OPEN_CELL, perod_start="2025-07-01")
    with pytest.raises(ParametersError, match=r"^p\.yaml: parameter perod_start: unknown \(a notebook's parameters are params_file"):
        overrides_in(ns)


def test_names_of_an_analysts_own_cells_are_not_checked():
    # The cells run before this call set no params_file: they are the analyst's own work, not parameters.
    ns = namespace(PARAMETERS_CELL, "pack = f()", "threshold = 10", OPEN_CELL, threshold=10)
    assert overrides_in(ns) == {}


def test_outside_ipython_there_are_no_notebook_overrides(monkeypatch):
    monkeypatch.setattr("readiness.config.overrides.get_ipython", lambda: None)
    assert notebook_overrides() == {}


# Through papermill, as an analyst runs one notebook from the command line (a real kernel, the notebook's own).
NOTEBOOK = REPO / "notebooks" / "10_case_audits.ipynb"


def papermill(out, *options: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "papermill", str(NOTEBOOK), str(out), "--cwd", str(NOTEBOOK.parent), "--no-progress-bar", *options]
    return subprocess.run(command, capture_output=True, text=True, encoding="utf-8")


def shown(path) -> str:
    """Everything the notebook's code cells showed (not its own text, which explains [c])."""
    cells = nbformat.read(path, as_version=4).cells
    return "\n".join(str(output) for cell in cells if cell.cell_type == "code" for output in cell.outputs)


@pytest.mark.slow
def test_papermill_overrides_give_internal_figures_for_the_new_period(demo_data, tmp_path):
    assert papermill(tmp_path / "public.ipynb").returncode == 0
    assert "[c]" in shown(tmp_path / "public.ipynb")  # the demo pack, public, withholds small numbers
    run = papermill(tmp_path / "internal.ipynb", "-p", "audience", "internal", "-p", "period_start", "2025-04-01")
    assert run.returncode == 0, run.stderr
    output = shown(tmp_path / "internal.ipynb")
    assert "[c]" not in output
    # demo.yaml's period is October 2024 to September 2025; now the by-month table starts in April 2025.
    assert "<th>2025-04</th>" in output and "<th>2025-03</th>" not in output and "<th>2024-10</th>" not in output


@pytest.mark.slow
def test_papermill_with_an_unknown_override_fails_naming_it(demo_data, tmp_path):
    run = papermill(tmp_path / "out.ipynb", "-p", "perod_start", "2025-04-01")
    assert run.returncode != 0
    assert "ParametersError" in shown(tmp_path / "out.ipynb")
    assert "parameter perod_start: unknown" in run.stderr + shown(tmp_path / "out.ipynb")
