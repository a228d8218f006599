"""A notebook's parameters from its latest parameters cell run and from papermill -p: known keys applied, deleted lines
absent, an analyst's own names accepted, slips refused; the parameters file found in one place."""

import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from conftest import REPO

from readiness.config import overrides
from readiness.config.overrides import Settings, latest_parameters, notebook_settings, parameters_file, plain_assignments, settings_in
from readiness.errors import ParametersError

PARAMETERS_CELL = 'params_file = "../parameters/demo.yaml"\ninputs_file = ""\n# a comment\nperiod_start = None\naudience = None'
INTERNAL_CELL = 'params_file = None\ninputs_file = ""\naudience = "internal"'
OPEN_CELL = "pack = open_pack()"


def test_plain_assignments_name_what_a_parameters_cell_sets():
    assert plain_assignments(PARAMETERS_CELL) == ["params_file", "inputs_file", "period_start", "audience"]
    assert plain_assignments("# Parameters\nx = -1.5\ny = 'a'\n") == ["x", "y"]  # papermill's injected cell
    assert plain_assignments("") == []


@pytest.mark.parametrize("source", [OPEN_CELL, "import os", "x = y", "x.a = 1", "x = 1\nprint(x)", "x = ("])
def test_any_other_cell_is_not_plain_assignments(source):
    assert plain_assignments(source) is None


def test_the_latest_run_of_the_parameters_cell_is_what_counts():
    # Lab: Run All with audience internal, then the line deleted and Run All again in the same kernel.
    history = ["", INTERNAL_CELL, OPEN_CELL, "show_chart(fig)", 'params_file = None\ninputs_file = ""', OPEN_CELL]
    assert latest_parameters(history) == ["params_file", "inputs_file"]
    # papermill: the parameters cell, then its own cell with -p's names, then the current cell.
    history = ["", PARAMETERS_CELL, "# Parameters\naudience = 'internal'\n", OPEN_CELL]
    assert latest_parameters(history) == ["params_file", "inputs_file", "period_start", "audience", "audience"]
    # An analyst's own plain cell run after the parameters cell, then the open cell re-run alone: both count.
    history = ["", INTERNAL_CELL, OPEN_CELL, "audience = None", "months = 6", OPEN_CELL]
    assert latest_parameters(history) == ["audience", "months"]


def test_without_a_parameters_cell_in_the_history_there_is_no_latest_run():
    assert latest_parameters(["", "x = 1", "pack = f()", OPEN_CELL]) is None
    assert latest_parameters([OPEN_CELL]) is None
    assert latest_parameters([]) is None


def namespace(*history: str, **values) -> dict:
    return {"_ih": ["", *history], **values}


def test_a_deleted_override_is_absent_whatever_an_earlier_run_left():
    # The kernel still holds audience = "internal" and period_start from the first run; the latest run sets neither.
    ns = namespace(
        INTERNAL_CELL,
        OPEN_CELL,
        'params_file = None\ninputs_file = ""',
        OPEN_CELL,
        params_file=None,
        inputs_file="",
        audience="internal",
        period_start="2025-04-01",
    )
    assert settings_in(ns) == Settings(None, "", {})


def test_overrides_are_the_known_keys_the_latest_run_set_not_none():
    ns = namespace(PARAMETERS_CELL, OPEN_CELL, params_file="p.yaml", inputs_file="", period_start="2025-07-01", audience=None)
    assert settings_in(ns) == Settings("p.yaml", "", {"period_start": "2025-07-01"})


def test_a_deleted_params_file_line_leaves_the_file_to_be_found():
    ns = namespace(
        'inputs_file = ""\naudience = "internal"', OPEN_CELL, params_file="../parameters/other.yaml", inputs_file="", audience="internal"
    )
    assert settings_in(ns) == Settings(None, "", {"audience": "internal"})


def test_an_analysts_own_parameter_is_accepted_and_no_override():
    ns = namespace(PARAMETERS_CELL + '\nteam = "North"', OPEN_CELL, params_file="p.yaml", inputs_file="", team="North")
    assert settings_in(ns).overrides == {}


def test_a_slip_for_a_notebook_parameter_is_an_error_naming_it_and_the_likely_name():
    ns = namespace(PARAMETERS_CELL, "# Parameters\nperod_start = '2025-07-01'\n", OPEN_CELL, params_file="p.yaml", perod_start="2025-07-01")
    with pytest.raises(
        ParametersError,
        match=r"^p\.yaml: parameter perod_start: unknown; did you mean period_start\? \(a notebook's parameters are params_file",
    ):
        settings_in(ns)


def test_a_key_of_the_parameters_file_a_notebook_cannot_set_is_an_error():
    ns = namespace(PARAMETERS_CELL + '\nla_name = "Elsewhere"', OPEN_CELL, params_file="p.yaml", la_name="Elsewhere")
    with pytest.raises(ParametersError, match=r"parameter la_name: set it in the parameters file"):
        settings_in(ns)


def test_with_no_parameters_cell_run_the_namespace_is_taken_as_it_is():
    # The build's in-process engine: a fresh namespace per notebook, no input history.
    ns = {"_ih": [""], "params_file": "p.yaml", "inputs_file": "i.zip", "audience": None, "period_end": "2025-06-30", "x": 1}
    assert settings_in(ns) == Settings("p.yaml", "i.zip", {"period_end": "2025-06-30"})


def test_outside_ipython_there_are_no_notebook_settings(monkeypatch):
    monkeypatch.setattr("readiness.config.overrides.get_ipython", lambda: None)
    assert notebook_settings() == Settings()


def test_the_parameters_file_is_the_one_given_then_the_environments_then_local_then_the_demo(monkeypatch, tmp_path):
    local = tmp_path / "local.yaml"
    monkeypatch.setattr(overrides, "LOCAL_PARAMETERS", local)
    monkeypatch.delenv("READINESS_PARAMS", raising=False)
    assert parameters_file() == REPO / "parameters" / "demo.yaml"
    local.write_text("pack_id: x\n", encoding="utf-8")
    assert parameters_file() == local
    monkeypatch.setenv("READINESS_PARAMS", "parameters/council.yaml")
    assert parameters_file() == REPO / "parameters" / "council.yaml"  # relative to the repository
    monkeypatch.setenv("READINESS_PARAMS", str(tmp_path / "abs.yaml"))
    assert parameters_file() == tmp_path / "abs.yaml"
    assert parameters_file("../parameters/demo.yaml") == Path("../parameters/demo.yaml")  # the notebook's own beats them all


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
@pytest.mark.parametrize(
    ("option", "line"),
    [
        (("perod_start", "2025-04-01"), "parameter perod_start: unknown; did you mean period_start?"),
        (("audience", "everyone"), "override audience: Input should be 'public', 'internal' or 'both' (got everyone)"),
    ],
)
def test_papermill_with_a_bad_parameter_ends_with_one_plain_line_naming_it(demo_data, tmp_path, option, line):
    run = papermill(tmp_path / "out.ipynb", "-p", *option)
    assert run.returncode != 0
    last = run.stderr.strip().splitlines()[-1]
    assert last.startswith("ParametersError: ") and line in last
    [error] = [
        o for cell in nbformat.read(tmp_path / "out.ipynb", as_version=4).cells for o in cell.get("outputs", []) if o.output_type == "error"
    ]
    assert error.traceback == [last]  # no traceback in the notebook either
