"""JupyterLab's save, made quiet for git: a notebook saved with only new outputs shows no change.

``python3 tasks.py lab`` sets :func:`refresh_git_index` as Jupyter's post-save hook. Git's
nbstripout filter (see ``.gitattributes``) already keeps outputs out of every commit and diff,
but git's index remembers each file's size, and a file whose size changed is listed as modified
by ``git status`` until ``git add`` looks at its content. The hook does that look straight
after a save, only when the saved notebook, outputs stripped, is exactly what git holds; a
notebook whose code or text changed is left for the analyst to see and commit.
"""
from __future__ import annotations

import subprocess
from pathlib import Path


def refresh_git_index(os_path: str, model: dict, **_) -> None:
    """Jupyter post-save hook: refresh git's record of a saved tracked notebook whose cleaned content is unchanged."""
    if model.get("type") != "notebook":
        return
    path = Path(os_path)
    if tracked(path) and git(path.parent, "diff", "--quiet", "--", path.name) == 0:
        git(path.parent, "add", "--", path.name)  # content identical: only git's record of the file's size and time changes


def tracked(path: Path) -> bool:
    """Whether git tracks ``path`` (False outside a repository or without git)."""
    return git(path.parent, "ls-files", "--error-unmatch", "--", path.name) == 0


def git(folder: Path, *args: str) -> int:
    """Run a git command quietly in ``folder``; its exit status (127 when git is not installed)."""
    try:
        return subprocess.run(["git", *args], cwd=folder, capture_output=True).returncode
    except FileNotFoundError:
        return 127
