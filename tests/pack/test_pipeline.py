"""How a build runs a section: an override left in a notebook's parameters cell never reaches a pack."""

import nbformat
import papermill

from readiness.inputs.bundle import Inputs
from readiness.pack.engine import ENGINE_NAME
from readiness.pack.pipeline import INPUTS_FILE, section_parameters
from readiness.pack.store import keep_inputs

PARAMS = "pack_id: t-pipeline\nla_name: Testshire\nperiod_start: 2019-01-01\nperiod_end: 2019-03-31\naudience: public\n"


def notebook_left_internal(path):
    """A notebook whose parameters cell an analyst left set to the internal audience."""
    parameters = nbformat.v4.new_code_cell('params_file = ""\ninputs_file = ""\naudience = "internal"', metadata={"tags": ["parameters"]})
    opening = nbformat.v4.new_code_cell(
        "from readiness.pack.notebook import open_pack\nprint(open_pack(params_file, inputs_file).params.audience)"
    )
    kernel = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
    nbformat.write(nbformat.v4.new_notebook(cells=[parameters, opening], metadata=kernel), path)


def printed(path) -> str:
    return nbformat.read(path, as_version=4).cells[-1].outputs[0]["text"].strip()


def run(tmp_path, parameters) -> str:
    papermill.execute_notebook(
        str(tmp_path / "in.ipynb"),
        str(tmp_path / "out.ipynb"),
        parameters=parameters,
        engine_name=ENGINE_NAME,
        kernel_name="python3",
        progress_bar=False,
    )
    return printed(tmp_path / "out.ipynb")


def test_a_build_resets_every_override_so_the_parameters_file_decides(tmp_path):
    (tmp_path / "p.yaml").write_text(PARAMS, encoding="utf-8")
    keep_inputs(Inputs(), tmp_path / INPUTS_FILE)
    notebook_left_internal(tmp_path / "in.ipynb")
    parameters = section_parameters(tmp_path / "p.yaml", tmp_path / INPUTS_FILE, "public")
    assert run(tmp_path, parameters) == "public"
    # Passing only the two files, the analyst's override would have won:
    assert run(tmp_path, {k: parameters[k] for k in ("params_file", "inputs_file")}) == "internal"
