"""Lab's pre-save hook: a notebook is written without outputs, as git's filter would store it, with no process started."""

import importlib.util
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from conftest import REPO
from jupyter_server.services.contents.filemanager import FileContentsManager

from readiness import lab
from readiness.lab import strip_before_save, stripped


def ran() -> dict:
    """A two-cell notebook as Lab holds it after a run: outputs, counts, the kernel's version, a collapsed cell."""
    notebook = nbformat.v4.new_notebook(metadata={"language_info": {"name": "python", "version": "3.11.7", "mimetype": "text/x-python"}})
    code = nbformat.v4.new_code_cell("say('x')", id="c-1", execution_count=4, metadata={"tags": ["board"], "collapsed": True})
    code.outputs = [nbformat.v4.new_output("display_data", data={"text/html": "<p>7 children</p>"})]
    notebook.cells = [nbformat.v4.new_markdown_cell("# Title", id="m-1"), code]
    return nbformat.from_dict(notebook)


def test_stripped_has_no_outputs_counts_or_version_and_keeps_ids_and_tags():
    notebook = stripped(ran())
    code = notebook.cells[1]
    assert code.outputs == [] and code.execution_count is None
    assert code.id == "c-1" and code.metadata == {"tags": ["board"]}  # "collapsed" is one of nbstripout's defaults
    assert notebook.metadata.language_info == {"name": "python"}
    assert notebook.cells[0].source == "# Title"


def test_the_hook_strips_notebooks_but_not_other_files_nor_those_under_outputs():
    model = {"type": "notebook", "content": ran()}
    strip_before_save(model, "notebooks/03_assessments.ipynb")
    assert model["content"].cells[1].outputs == []
    kept = {"type": "notebook", "content": ran()}
    strip_before_save(kept, "/outputs/my-run.ipynb")
    assert kept["content"].cells[1].outputs != []
    text = {"type": "file", "content": "x"}
    strip_before_save(text, "notes.txt")
    assert text == {"type": "file", "content": "x"}


def git(folder, *args):
    return subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True, text=True).stdout


@pytest.mark.slow  # git, running the notebook filter in interpreters of its own: end to end, run by the whole suite
def test_a_lab_save_after_a_run_leaves_git_clean_and_starts_no_process(tmp_path, monkeypatch):
    # A clone with git's filter as tasks.py sets it, holding one of the project's notebooks as committed.
    spec = importlib.util.spec_from_file_location("tasks", REPO / "tasks.py")
    tasks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tasks)
    git(tmp_path, "init", "-q")
    tasks.install_git_filter(tmp_path, Path(sys.executable))
    (tmp_path / ".gitattributes").write_text("*.ipynb filter=nbstripout\n", encoding="utf-8")
    (tmp_path / ".gitignore").write_text(".ipynb_checkpoints/\n", encoding="utf-8")
    (tmp_path / "notebooks").mkdir()
    path = tmp_path / "notebooks" / "03_assessments.ipynb"
    path.write_text(git(REPO, "show", "HEAD:notebooks/03_assessments.ipynb"), encoding="utf-8")
    git(tmp_path, "add", "--all")
    git(tmp_path, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "-m", "n")
    notebook = nbformat.read(path, as_version=4)
    notebook.metadata["language_info"]["version"] = "3.11.7"
    for count, cell in enumerate(c for c in notebook.cells if c.cell_type == "code"):
        cell.execution_count, cell.outputs = count + 1, [nbformat.v4.new_output("stream", name="stdout", text="12 children\n")]
    monkeypatch.setattr(subprocess, "Popen", None)  # a save that started any process would fail
    FileContentsManager(root_dir=str(tmp_path), pre_save_hook=lab.strip_before_save).save(
        {"type": "notebook", "format": "json", "content": notebook}, "notebooks/03_assessments.ipynb"
    )
    monkeypatch.undo()
    assert "12 children" not in path.read_text(encoding="utf-8")
    assert git(tmp_path, "status", "--porcelain") == ""
