"""A notebook run twice in one kernel, as an analyst does in JupyterLab: the second Run All keeps nothing of the first.

The first run sets an override in the parameters cell; the second has that line deleted (not set to ``None``), and
must be what the parameters file says. Every run's first output states the pack, and every output is marked.
"""

import nbformat
import pytest
from conftest import REPO
from nbclient import NotebookClient

NOTEBOOK = REPO / "notebooks" / "03_assessments.ipynb"


def parameters_cell(notebook):
    [cell] = [c for c in notebook.cells if "parameters" in c.metadata.get("tags", [])]
    return cell


def without_line(source: str, name: str) -> str:
    """The parameters cell with the line setting ``name`` deleted."""
    return "\n".join(line for line in source.splitlines() if not line.startswith(f"{name} ="))


def run_all(client: NotebookClient, notebook) -> list[list[str]]:
    """Run every code cell in the client's kernel (Run All); each code cell's outputs, as text."""
    outputs = []
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "code":
            client.execute_cell(cell, index)
            outputs.append([str(output.get("data", output.get("text", ""))) for output in cell.outputs])
    return outputs


def shown(outputs: list[list[str]]) -> str:
    return "\n".join(text for cell in outputs for text in cell)


def marked_with(outputs: list[list[str]], marking: str) -> bool:
    """Whether every cell that shows anything shows ``marking`` on top: a banner of exactly it, or the statement."""
    first = [cell[0] for cell in outputs if cell]
    return bool(first) and all(f">{marking}<" in text or f">{marking}: " in text for text in first)


@pytest.fixture
def kernel(demo_data):
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(notebook, timeout=600, kernel_name="readiness", resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    with client.setup_kernel():
        yield client, notebook


@pytest.mark.slow
def test_deleting_audience_internal_makes_the_next_run_public(kernel):
    client, notebook = kernel
    cell = parameters_cell(notebook)
    original = cell.source
    cell.source = original.replace("audience = None", 'audience = "internal"')
    first = run_all(client, notebook)
    assert first[0] == [] and "OFFICIAL-SENSITIVE: Northbridge" in first[1][0] and "audience internal, nothing withheld" in first[1][0]
    assert "[c]" not in shown(first) and marked_with(first, "OFFICIAL-SENSITIVE")
    cell.source = without_line(original, "audience")
    second = run_all(client, notebook)
    assert "OFFICIAL: Northbridge" in second[1][0] and "audience public, counts from 1 to 5 withheld" in second[1][0]
    assert "[c]" in shown(second) and marked_with(second, "OFFICIAL") and "OFFICIAL-SENSITIVE" not in shown(second)


@pytest.mark.slow
def test_deleting_period_start_gives_the_parameters_files_period_again(kernel):
    client, notebook = kernel
    cell = parameters_cell(notebook)
    original = cell.source
    cell.source = original.replace("period_start = None", 'period_start = "2025-04-01"')
    first = run_all(client, notebook)
    assert "1 April 2025 to 30 September 2025" in first[1][0]
    assert "<th>2025-04</th>" in shown(first) and "<th>2024-10</th>" not in shown(first)
    cell.source = without_line(original, "period_start")
    second = run_all(client, notebook)
    assert "1 October 2024 to 30 September 2025 (snapshot 3 October 2025)" in second[1][0]  # demo.yaml's period
    assert "<th>2024-10</th>" in shown(second)


# One change points every notebook at another council's parameters.
NOTEBOOKS = sorted((REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))


@pytest.fixture
def another_council(demo_data, tmp_path, monkeypatch):
    """A second council's parameters file (the demo data under another name), named by READINESS_PARAMS alone."""
    import yaml
    from conftest import demo_parameters

    demo = yaml.safe_load((REPO / "parameters" / "demo.yaml").read_text(encoding="utf-8"))
    data = {key: str((REPO / "parameters" / path).resolve()) for key, path in demo["data"].items()}
    params = {**demo_parameters(data), "la_name": "Southmoor", "pack_id": "southmoor"}
    path = tmp_path / "southmoor.yaml"
    path.write_text(yaml.safe_dump(params), encoding="utf-8")
    monkeypatch.setenv("READINESS_PARAMS", str(path))
    return path


def test_every_notebook_reads_the_file_readiness_params_names(another_council):
    from readiness.config.overrides import parameters_file

    for path in NOTEBOOKS:
        namespace = {}
        exec(parameters_cell(nbformat.read(path, as_version=4)).source, namespace)  # plain values only
        assert parameters_file(namespace["params_file"]) == another_council, path.name


@pytest.mark.slow
def test_a_notebook_run_with_readiness_params_states_the_other_council(another_council, kernel):
    client, notebook = kernel  # the kernel started after READINESS_PARAMS was set, as Lab started from that shell would
    outputs = run_all(client, notebook)
    assert "OFFICIAL: Southmoor" in outputs[1][0] and str(another_council) in outputs[1][0]
