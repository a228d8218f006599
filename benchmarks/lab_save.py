"""Timing: the Jupyter server's time for one notebook save, with the save hook before issue 28 and with today's. Not a test.

Each demo notebook, run (the built demo pack's ``working/`` copies, outputs and all, with the kernel's
version details Lab adds), is saved through jupyter_server's own ``FileContentsManager.save`` (what the
contents API's PUT runs in the server) into a fresh clone of the repository with git's nbstripout filter
set as ``tasks.py`` sets it:

- before: outputs kept, and a post-save hook refreshing git's index (``git ls-files``, ``git diff --quiet``,
  ``git add``: the last two run the filter, a new Python process each), as ``readiness.lab`` did;
- after: today's pre-save hook, :func:`readiness.lab.strip_before_save`, stripping in the server's process.

Prints one line per notebook and the slowest of each; every save is timed three times, the best kept.

    python benchmarks/lab_save.py [PACK_FOLDER]   (default outputs/demo: build it first with tasks.py demo)
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from jupyter_server.services.contents.filemanager import FileContentsManager

from readiness.lab import strip_before_save

REPO = Path(__file__).resolve().parents[1]


def git(folder: Path, *args: str) -> int:
    return subprocess.run(["git", *args], cwd=folder, capture_output=True).returncode


def refresh_git_index(os_path: str, model: dict, **_) -> None:
    """The post-save hook before issue 28, as it was."""
    path = Path(os_path)
    if model.get("type") != "notebook" or git(path.parent, "ls-files", "--error-unmatch", "--", path.name):
        return
    if git(path.parent, "diff", "--quiet", "--", path.name) == 0:
        git(path.parent, "add", "--", path.name)


def clone(root: Path) -> None:
    """What git holds for the repository, committed in a new repository at ``root``, with tasks.py's filter."""
    subprocess.run(["git", "checkout-index", "--all", f"--prefix={root.as_posix()}/"], cwd=REPO, check=True)
    for args in (["init", "-q"], ["add", "--all"], ["-c", "user.name=B", "-c", "user.email=b@example.org", "commit", "-q", "-m", "c"]):
        subprocess.run(["git", *args], cwd=root, check=True)
    spec = importlib.util.spec_from_file_location("tasks", REPO / "tasks.py")
    tasks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tasks)
    tasks.install_git_filter(root, Path(sys.executable))


def best_save(manager: FileContentsManager, notebook, path: str, root: Path) -> float:
    """The best of three saves of ``notebook`` to ``path``, each onto the committed file."""
    times = []
    for _ in range(3):
        subprocess.run(["git", "checkout", "--", path], cwd=root, check=True)
        model = {"type": "notebook", "format": "json", "content": nbformat.from_dict(notebook)}
        started = time.perf_counter()
        manager.save(model, path)
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    pack = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "outputs" / "demo"
    runs = sorted((pack / "working").glob("[0-9][0-9]_*.ipynb"))
    if not runs:
        sys.exit(f"no run notebooks in {pack / 'working'}: build the demo pack first (python3 tasks.py demo)")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        clone(root)
        before = FileContentsManager(root_dir=str(root), post_save_hook=refresh_git_index)
        after = FileContentsManager(root_dir=str(root), pre_save_hook=strip_before_save)
        worst = [0.0, 0.0]
        for run in runs:
            notebook = nbformat.read(run, as_version=4)
            notebook.metadata.setdefault("language_info", {})["version"] = "3.11.7"
            path = f"notebooks/{run.name}"
            times = [best_save(manager, notebook, path, root) for manager in (before, after)]
            worst = [max(w, t) for w, t in zip(worst, times)]
            print(f"{run.name}: before {times[0]:.3f} s, after {times[1]:.3f} s ({run.stat().st_size // 1024} KB run)")
        print(f"slowest_before_s: {worst[0]:.3f}\nslowest_after_s: {worst[1]:.3f}")


if __name__ == "__main__":
    main()
