"""tasks.py: notebooks saved in Lab are written without outputs and leave git clean; JupyterLab rooted at the repository; the project's kernel; demo data kept."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
from conftest import REPO
from jupyter_server.services.contents.filemanager import FileContentsManager
from nbclient import NotebookClient


def load_tasks():
    spec = importlib.util.spec_from_file_location("tasks", REPO / "tasks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


tasks = load_tasks()
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))


def git(folder: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def clone(tmp_path, demo_data) -> Path:
    """A fresh clone of what git holds for this repository, set up as tasks.py sets one up, with the demo data."""
    root = tmp_path / "clone"
    root.mkdir()
    git(REPO, "checkout-index", "--all", f"--prefix={root.as_posix()}/")
    git(root, "init", "-q")
    git(root, "add", "--all")
    git(root, "-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-q", "-m", "clone")
    tasks.install_git_filter(root, Path(sys.executable))
    shutil.copytree(demo_data, root / "data" / "demo")
    return root


def lab_save(root: Path, path: Path, notebook) -> None:
    """Save as JupyterLab does: through Jupyter's contents manager, with the pre-save hook ``tasks.py lab`` sets."""
    hook = next(a.split("=", 1)[1] for a in tasks.lab_command(Path("python")) if a.startswith("--ContentsManager.pre_save_hook="))
    manager = FileContentsManager(root_dir=str(root), pre_save_hook=hook)
    manager.save({"type": "notebook", "format": "json", "content": notebook}, path.relative_to(root).as_posix())


def run_all_and_save(root: Path, path: Path) -> None:
    """What an analyst does in JupyterLab: Run All in the notebook's kernel, then save it."""
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=600, resources={"metadata": {"path": str(path.parent)}}).execute()
    assert any(cell.get("outputs") for cell in notebook.cells) and notebook.metadata["language_info"].get("version")
    lab_save(root, path, notebook)


@pytest.mark.slow
def test_notebooks_saved_after_run_all_are_written_as_git_holds_them(clone):
    assert git(clone, "status", "--porcelain") == ""  # the committed notebooks are already as the filter writes them
    for path in sorted((clone / "notebooks").glob("*.ipynb")):
        run_all_and_save(clone, path)
        stored = git(clone, "show", f"HEAD:notebooks/{path.name}")
        assert path.read_text(encoding="utf-8") == stored, f"{path.name} was not saved as git holds it"
    assert git(clone, "status", "--porcelain") == ""
    assert git(clone, "diff") == ""


@pytest.mark.slow  # the clone passes every notebook through git's nbstripout filter, a process each
def test_an_edit_to_a_notebooks_source_is_still_seen(clone):
    # The save strips outputs only: a change to a cell's code is a change git must show.
    path = clone / "notebooks" / NOTEBOOKS[0].name
    notebook = nbformat.read(path, as_version=4)
    notebook.cells[-1].source += "\n# an analyst's note"
    lab_save(clone, path, notebook)
    assert git(clone, "status", "--porcelain").split() == ["M", f"notebooks/{path.name}"]


def test_the_filter_strips_with_the_given_python_and_keeps_cell_ids():
    settings = tasks.git_filter_settings(Path("/venv/bin/python"))
    assert settings["filter.nbstripout.clean"] == '"/venv/bin/python" -m nbstripout --keep-id'
    assert settings["filter.nbstripout.required"] == "true"
    assert "metadata.language_info.version" in settings["filter.nbstripout.extrakeys"].split()


def test_the_filter_and_labs_save_strip_the_same_metadata():
    from readiness.lab import LAB_METADATA

    assert tasks.lab_metadata().split() == list(LAB_METADATA)


def test_lab_is_rooted_at_the_repository_and_opens_on_notebooks():
    command = tasks.lab_command(Path("python"))
    assert tasks.ROOT == REPO
    assert command[:4] == ["python", "-m", "jupyter", "lab"]
    assert f"--ServerApp.root_dir={REPO}" in command
    assert "--LabApp.default_url=/lab/tree/notebooks" in command


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_run_in_the_projects_kernel(path):
    kernelspec = json.loads(path.read_text(encoding="utf-8"))["metadata"]["kernelspec"]
    assert kernelspec["name"] == tasks.KERNEL == "readiness"


def test_demo_data_is_written_only_when_absent(tmp_path, monkeypatch):
    """Absent, or written before the statutory returns were part of it (``demo-data`` then adds them, never
    replacing a file): ``readiness demo-data`` runs; otherwise the analyst's copy is used as it is."""
    commands = []
    monkeypatch.setattr(tasks, "DEMO_DATA", tmp_path / "demo")
    monkeypatch.setattr(tasks, "run", commands.append)
    tasks.ensure_demo_data(Path("python"))
    assert commands == [["python", "-m", "readiness", "demo-data"]]
    (tmp_path / "demo" / "returns").mkdir(parents=True)
    (tmp_path / "demo" / "annex_a.xlsx").write_bytes(b"an analyst's edited copy")
    tasks.ensure_demo_data(Path("python"))
    assert len(commands) == 1
    assert (tmp_path / "demo" / "annex_a.xlsx").read_bytes() == b"an analyst's edited copy"


@pytest.fixture
def commands_run(tmp_path, monkeypatch):
    """tasks.py pointed at a project of two files in ``tmp_path``, with a fake venv builder and ``run`` recording commands."""
    (tmp_path / "pyproject.toml").write_text("[project]\n")
    (tmp_path / "test.txt").write_text("pandas==2.2.3\n")
    (tmp_path / "lab.txt").write_text("pandas==2.2.3\njupyterlab==4.2.0\n")
    monkeypatch.setattr(tasks, "ROOT", tmp_path)
    monkeypatch.setattr(tasks, "VENV", tmp_path / ".venv")
    monkeypatch.setattr(tasks, "LOCKS", {"test": tmp_path / "test.txt", "lab": tmp_path / "lab.txt"})

    class Builder:
        def __init__(self, **_):
            pass

        def create(self, folder):
            tasks.venv_python().parent.mkdir(parents=True, exist_ok=True)
            tasks.venv_python().touch()

    monkeypatch.setattr(tasks.venv, "EnvBuilder", Builder)
    commands = []
    monkeypatch.setattr(tasks, "run", commands.append)
    return commands


def test_the_environment_is_installed_from_the_lock_file_then_the_package_without_its_dependencies(commands_run):
    tasks.ensure_environment("test")
    pip = [str(tasks.venv_python()), "-m", "pip", "install", "--quiet"]
    assert commands_run[1:3] == [[*pip, "-r", str(tasks.ROOT / "test.txt")], [*pip, "--no-deps", "-e", str(tasks.ROOT)]]
    assert commands_run[3][1:4] == ["-m", "ipykernel", "install"]


def test_the_environment_is_refreshed_only_when_the_lock_file_or_pyproject_changes(commands_run):
    tasks.ensure_environment("test")
    installs = len(commands_run)
    tasks.ensure_environment("test")
    assert len(commands_run) == installs  # nothing changed: nothing run
    (tasks.ROOT / "test.txt").write_text("pandas==2.2.4\n")
    tasks.ensure_environment("test")
    assert len(commands_run) == 2 * installs
    (tasks.ROOT / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    tasks.ensure_environment("test")
    assert len(commands_run) == 3 * installs


def test_lab_installs_its_own_lock_file(commands_run):
    tasks.ensure_environment("test")
    tasks.ensure_environment("lab")  # the test lock's stamp does not stand for the lab lock
    assert [c[-1] for c in commands_run if "-r" in c] == [str(tasks.ROOT / "test.txt"), str(tasks.ROOT / "lab.txt")]


@pytest.mark.parametrize(("lock", "extras"), [("test", ["--extra", "test"]), ("lab", ["--extra", "test", "--extra", "lab"])])
def test_a_lock_file_is_resolved_for_every_platform_from_python_3_11(lock, extras):
    command = tasks.lock_command(Path("python"), lock, ["--upgrade"])
    assert command[:6] == ["python", "-m", "uv", "pip", "compile", "pyproject.toml"]
    assert command[6 : 6 + len(extras)] == extras
    assert "--universal" in command and command[command.index("--python-version") + 1] == "3.11"
    assert command[-3:] == ["-o", f"requirements/{lock}.txt", "--upgrade"]


def test_test_runs_everything_on_two_processes_keeping_each_file_together():
    assert tasks.test_command(Path("python"), []) == ["python", "-m", "pytest", "-n", "2", "--dist", "loadfile"]


def test_fast_runs_every_test_but_the_whole_pack_ones_on_two_processes():
    python = Path("python")
    assert tasks.test_command(python, ["--fast"]) == ["python", "-m", "pytest", "-m", "not slow", "-n", "2", "--dist", "worksteal"]
    assert tasks.test_command(python, ["--fast", "tests/indicators/test_audits.py", "-x"])[-2:] == ["tests/indicators/test_audits.py", "-x"]


def test_tests_run_keeping_their_bytecode_in_an_environment_otherwise_unchanged(monkeypatch):
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    monkeypatch.setenv("READINESS_TEST_MARK", "kept")
    runs = []
    monkeypatch.setattr(tasks, "run", lambda command, env=None: runs.append((command, env)))
    tasks.test(Path("python"), ["--fast"])
    [(command, env)] = runs
    assert command == tasks.test_command(Path("python"), ["--fast"])
    assert "PYTHONDONTWRITEBYTECODE" not in env and env["READINESS_TEST_MARK"] == "kept" and env["PATH"]


def test_arguments_given_run_as_given_in_one_process():
    assert tasks.test_command(Path("python"), ["tests/indicators/test_audits.py"]) == [
        "python",
        "-m",
        "pytest",
        "tests/indicators/test_audits.py",
    ]


@pytest.mark.slow  # a notebook through git's nbstripout filter: a Python process
def test_setting_up_a_clone_checks_its_notebooks_through_the_filter_once_so_git_status_need_not(tmp_path):
    root = tmp_path / "clone"
    (root / "notebooks").mkdir(parents=True)
    shutil.copyfile(NOTEBOOKS[0], root / "notebooks" / NOTEBOOKS[0].name)
    (root / ".gitattributes").write_text("*.ipynb filter=nbstripout\n")
    git(root, "init", "-q")
    git(root, "add", "--all")
    git(root, "-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-q", "-m", "clone")
    earlier = time.time() - 100  # the notebook's time no longer the one git noted: git must read it again
    os.utime(root / "notebooks" / NOTEBOOKS[0].name, (earlier, earlier))
    tasks.install_git_filter(root, Path(sys.executable))
    git(root, "config", "filter.nbstripout.clean", "false")  # a filter that fails: git status must not need it now
    assert git(root, "status", "--porcelain") == ""
