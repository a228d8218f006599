"""``audience: both``: one build writes the Board edition at DIR/ and the published edition at DIR/published/, each with
its own figures.json, the published one's disclosure exactly that of a public build; the pack's rules still hold."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
import yaml
from conftest import REPO, demo_parameters

from readiness.errors import OutputError
from readiness.pack.packfolder import pack_digests
from readiness.pack.verify import verify_pack

EDITION_NOTEBOOK = """from readiness.pack.notebook import open_pack
from readiness.present.display import say
pack = open_pack(params_file, inputs_file)
say(f"Edition audience: {pack.params.audience}; withheld up to {pack.params.suppression_threshold}")"""


def tiny_notebooks(folder: Path) -> Path:
    """One section that needs only Annex A's List 1 and says which edition it was run for."""
    folder.mkdir()
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["readiness"] = {"title": "Front door", "needs": ["list_1"]}
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    parameters = nbformat.v4.new_code_cell('params_file = ""\ninputs_file = ""\naudience = None')
    parameters.metadata["tags"] = ["parameters"]
    said = nbformat.v4.new_code_cell(EDITION_NOTEBOOK)
    said.metadata["tags"] = ["board"]
    notebook.cells = [parameters, said]
    nbformat.write(notebook, folder / "02_front_door.ipynb")
    return folder


def parameters(folder: Path, audience: str) -> Path:
    params = demo_parameters(
        {
            key: str(REPO / "data" / "demo" / name)
            for key, name in {"annex_a": "annex_a.xlsx", "case_audits": "case_audits.csv", "workforce": "workforce.csv"}.items()
        }
    )
    params.update(audience=audience, pack_id=f"editions-{audience}")
    path = folder / f"{audience}.yaml"
    path.write_text(yaml.safe_dump(params), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def editions(demo_data, tmp_path_factory) -> tuple[Path, Path]:
    """A pack built with ``audience: both``, and a public-only pack from the same inputs, on the tiny notebooks."""
    from readiness.pack.build import build

    folder = tmp_path_factory.mktemp("editions")
    notebooks = tiny_notebooks(folder / "notebooks")
    both = build(parameters(folder, "both"), folder / "packs" / "both", notebooks=notebooks)
    public = build(parameters(folder, "public"), folder / "packs" / "public", notebooks=notebooks)
    return both, public


@pytest.mark.slow
def test_one_build_writes_the_board_edition_and_the_published_one(editions):
    both, _ = editions
    board, published = (json.loads((both / folder / "figures.json").read_text(encoding="utf-8")) for folder in (".", "published"))
    assert (board["audience"], published["audience"]) == ("internal", "public")
    assert board["suppressed"] == [] and published["suppressed"]
    board_page, published_page = ((both / folder / "index.html").read_text(encoding="utf-8") for folder in (".", "published"))
    assert "Board edition (internal, OFFICIAL-SENSITIVE)" in board_page and "Edition audience: internal; withheld up to 0" in board_page
    assert (
        "Published edition (numbers from 1 to 5 withheld)" in published_page
        and "Edition audience: public; withheld up to 5" in published_page
    )
    assert "OFFICIAL-SENSITIVE" not in published_page
    # child-level data stays out of the edition meant for publishing
    assert not (both / "published" / "working").exists() and (both / "working" / "published" / "02_front_door.ipynb").is_file()


@pytest.mark.slow
def test_the_published_editions_figures_are_a_public_builds(editions):
    both, public = editions
    ours, theirs = (json.loads((folder / "figures.json").read_text(encoding="utf-8")) for folder in (both / "published", public))
    assert {**ours, "pack_id": None} == {**theirs, "pack_id": None}


@pytest.mark.slow
def test_both_editions_are_checked_by_verify_and_kept_by_the_marker(editions, tmp_path):
    import shutil

    from readiness.pack.build import build

    both, _ = editions
    assert {"index.html", "figures.json", "published/index.html", "published/figures.json"} <= set(pack_digests(both))
    copy = tmp_path / "both"
    shutil.copytree(both, copy)
    assert verify_pack(copy) == []
    page = copy / "published" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("Published edition", "Published editon"), encoding="utf-8")
    assert "pack file published/index.html: has been changed since the pack was built" in verify_pack(copy)
    # a file of the user's saved in the published edition is never deleted: the rebuild refuses
    (copy / "published" / "my notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(OutputError, match="published/my notes.txt"):
        build(parameters(tmp_path, "both"), copy, force=True, notebooks=tiny_notebooks(tmp_path / "notebooks"))
    assert (copy / "published" / "my notes.txt").read_text(encoding="utf-8") == "mine"
