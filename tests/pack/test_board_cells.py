"""An analyst's own cells stay out of the Board pack unless tagged `board`; every cell the project ships is tagged."""

import json
import logging
import shutil

import nbformat
import pytest
from conftest import REPO

from readiness.pack.render import section_body
from readiness.pack.sections import board_cells

NOTEBOOKS = sorted((REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def cell(kind: str, source: str, tags=(), output: str | None = None, id=None):
    new = nbformat.v4.new_code_cell if kind == "code" else nbformat.v4.new_markdown_cell
    made = new(source, metadata={"tags": list(tags)} if tags else {}, id=id)
    if output is not None:
        made.outputs = [nbformat.v4.new_output("display_data", data={"text/html": f"<p>{output}</p>"})]
    return made


def test_board_cells_takes_the_tagged_and_leaves_out_the_rest_but_parameters():
    cells = [
        cell("code", "params_file = None", ["parameters"], id="p"),
        cell("code", "audience = 'internal'", ["injected-parameters"], id="i"),
        cell("markdown", "# Heading", ["board"], id="h"),
        cell("code", "x = 1", id="mine"),
        cell("code", "say('a')", ["board", "other"], id="s"),
    ]
    taken, left_out = board_cells(cells)
    assert [c.id for c in taken] == ["h", "s"] and [c.id for c in left_out] == ["mine"]


def test_a_sections_body_has_only_tagged_cells_and_the_log_says_which(tmp_path, caplog):
    notebook = nbformat.v4.new_notebook(
        cells=[
            cell("code", "params_file = None", ["parameters"], id="p"),
            cell("markdown", "## Shipped heading", ["board"], id="h"),
            cell("code", "say(...)", ["board"], output="Board figure 12", id="s"),
            cell("markdown", "Analyst note 4711", id="note"),
            cell("code", "say(...)", output="Analyst figure 4711", id="mine"),
        ]
    )
    path = tmp_path / "03_x.ipynb"
    nbformat.write(notebook, path)
    with caplog.at_level(logging.INFO, logger="readiness"):
        body = section_body(path, "x")
    assert "Shipped heading" in body and "Board figure 12" in body and "4711" not in body
    assert "03_x.ipynb: cells taken (tagged board): h s" in caplog.messages
    assert "03_x.ipynb: cells left out (not tagged board): note mine" in caplog.messages


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_cell_the_project_ships_is_tagged_board(path):
    # A cell added to a shipped notebook must be tagged `board` to reach the pack (docs/analysts.md).
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    untagged = [c["id"] for c in cells if not {"board", "parameters"} & set(c.get("metadata", {}).get("tags", []))]
    assert untagged == [], f"{path.name}: tag these cells `board` (View > Property Inspector > Cell Tags), or they are left out of the pack"


@pytest.mark.slow
def test_an_analysts_cell_reaches_the_pack_only_when_tagged_board(demo_data, tmp_path):
    from readiness.pack.build import build

    folder = tmp_path / "notebooks"
    folder.mkdir()
    copy = folder / "03_assessments.ipynb"
    shutil.copyfile(REPO / "notebooks" / copy.name, copy)
    notebook = nbformat.read(copy, as_version=4)
    mine = cell("code", 'say("Analyst\'s own look: 4711 assessments")', id="mine")
    notebook.cells.insert(3, mine)
    nbformat.write(notebook, copy)
    out = tmp_path / "packs" / "demo"
    build(REPO / "parameters" / "demo.yaml", out, notebooks=folder)
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "Open assessments at the snapshot date, by team" in page  # the shipped cells are there
    assert "4711" not in page
    mine.metadata["tags"] = ["board"]
    nbformat.write(notebook, copy)
    build(REPO / "parameters" / "demo.yaml", out, notebooks=folder)
    assert "own look: 4711 assessments" in (out / "index.html").read_text(encoding="utf-8")


def test_a_section_turned_into_html_after_the_warm_up_is_as_it_was_before(tmp_path):
    from readiness.pack.render import warm_up

    notebook = nbformat.v4.new_notebook(
        cells=[
            cell("markdown", "## Heading *one*\n\n[Back](#Heading-one)", ["board"], id="h"),
            cell("code", "", ["board"], output="12 &amp; 13", id="s"),
        ]
    )
    path = tmp_path / "03_x.ipynb"
    nbformat.write(notebook, path)
    before = section_body(path, "x")
    warm_up()
    assert section_body(path, "x") == before
    assert 'id="x--Heading-one"' in before and "<p>12 &amp; 13</p>" in before
