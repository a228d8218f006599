"""docs/analysts.md's Python examples run as written, in order, in a notebook kernel on the demo, and respect the period."""

import re

import nbformat
import pytest
from conftest import REPO
from nbclient import NotebookClient

GUIDE = REPO / "docs" / "analysts.md"


def python_blocks() -> list[str]:
    return re.findall(r"^```python\n(.*?)^```", GUIDE.read_text(encoding="utf-8"), re.M | re.S)


def test_the_guide_has_its_examples():
    blocks = python_blocks()
    assert len(blocks) >= 3 and blocks[0].startswith("params_file = None")
    assert all("pack.period.contains" in block for block in blocks if "groupby" in block)


@pytest.mark.slow
def test_the_guides_examples_run_as_written_and_count_the_packs_period(demo_data):
    check = 'print(int(table["assessments"].sum()), pack.figures["assessments.completed_count"].value)'
    cells = [nbformat.v4.new_code_cell(block) for block in python_blocks()] + [nbformat.v4.new_code_cell(check)]
    notebook = nbformat.v4.new_notebook(cells=cells)
    folder = REPO / "notebooks"  # where the guide's cells run: an analyst's notebook beside the project's
    NotebookClient(notebook, timeout=600, kernel_name="readiness", resources={"metadata": {"path": str(folder)}}).execute()
    assert "1,117 assessments authorised in the period, of 2,299 in the return" in str(notebook.cells[1].outputs)
    assert "Children seen during assessment, by disability" in str(notebook.cells[2].outputs)
    assert notebook.cells[-1].outputs[0]["text"].split() == ["1117", "1117"]  # the breakdown adds up to the pack's count
