"""The post-save hook never stages a real change, and does nothing outside git."""
import subprocess

from readiness.lab import refresh_git_index, tracked


def git(folder, *args):
    return subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True, text=True).stdout


def test_outside_a_repository_the_hook_does_nothing(tmp_path):
    path = tmp_path / "n.ipynb"
    path.write_text("{}", encoding="utf-8")
    assert not tracked(path)
    refresh_git_index(str(path), {"type": "notebook"})
    assert path.read_text(encoding="utf-8") == "{}"


def test_a_changed_file_is_never_staged(tmp_path):
    # No filter here: the new bytes are a real change, which the hook must leave unstaged for the analyst.
    git(tmp_path, "init", "-q")
    path = tmp_path / "n.ipynb"
    path.write_text("{}\n", encoding="utf-8")
    git(tmp_path, "add", "n.ipynb")
    git(tmp_path, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "-m", "n")
    path.write_text('{"cells": []}\n', encoding="utf-8")
    refresh_git_index(str(path), {"type": "notebook"})
    assert git(tmp_path, "status", "--porcelain") == " M n.ipynb\n"  # modified, not staged ("M ")
    refresh_git_index(str(path), {"type": "file"})
    assert git(tmp_path, "status", "--porcelain") == " M n.ipynb\n"
