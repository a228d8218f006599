#!/usr/bin/env python3
"""Set up and run Readiness packs with nothing but Python 3.11+.

    python3 tasks.py demo    # set up, write the demo data, build the demo pack
    python3 tasks.py test    # set up, run every test (unit, golden pack, notebooks), on two processes
    python3 tasks.py test --fast  # the same without the whole-pack tests (under a minute)
    python3 tasks.py lab     # set up (with JupyterLab), open JupyterLab on the repository, at notebooks/
    python3 tasks.py lock    # regenerate the lock files in requirements/ from pyproject.toml (uv)

Each command creates ``.venv`` beside this file on first use (and refreshes it when
``pyproject.toml`` or the lock file changes), installing the pinned dependencies of
``requirements/test.txt`` (``requirements/lab.txt`` for ``lab``: the same and JupyterLab), then
the project itself with pip, and the ``readiness`` kernel; and makes git strip notebook outputs
(nbstripout as a clean filter, named in ``.gitattributes``), so children's data saved in a
notebook never reaches git.
The demo data is written to ``data/demo`` only when it is not there. Works on Windows too.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
# The lock files (one pin per package, for Python 3.11+ on Linux, Windows and macOS): the tests' and the demo's
# environment, and the same with JupyterLab. ``python3 tasks.py lock`` writes them from pyproject.toml.
LOCKS = {"test": ROOT / "requirements" / "test.txt", "lab": ROOT / "requirements" / "lab.txt"}
LOCK_EXTRAS = {"test": ["test"], "lab": ["test", "lab"]}
UV = "uv==0.13.9"  # the lock files' resolver, installed into .venv by ``tasks.py lock`` only
DEMO_DATA = ROOT / "data" / "demo"
KERNEL = "readiness"


def lab_metadata() -> str:
    """What JupyterLab adds to a notebook's metadata on saving, beside outputs and counts: stripped by git's filter
    as by Lab's own save, so both keep one list (``readiness.lab``, a file of plain Python read before .venv exists)."""
    spec = importlib.util.spec_from_file_location("readiness_lab", ROOT / "lib" / "readiness" / "lab.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return " ".join(module.LAB_METADATA)


def venv_python() -> Path:
    """The virtual environment's interpreter, on Windows or elsewhere."""
    scripts = "Scripts" if os.name == "nt" else "bin"
    return VENV / scripts / ("python.exe" if os.name == "nt" else "python")


def stamp(lock: str) -> Path:
    """The file in ``.venv`` that records which pyproject.toml and lock file ``lock`` was installed from."""
    return VENV / f"readiness-{lock}.txt"


def wanted_state(lock: str) -> str:
    """What ``stamp(lock)`` holds once ``.venv`` matches today's pyproject.toml and lock file."""
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes())
    digest.update(LOCKS[lock].read_bytes())
    return digest.hexdigest()


def install_commands(python: Path, lock: str) -> list[list[str]]:
    """pip, then the pinned dependencies from the lock file, then this package on its own (editable, no dependencies)."""
    pip = [str(python), "-m", "pip", "install", "--quiet"]
    return [
        [*pip, "--upgrade", "pip"],
        [*pip, "-r", str(LOCKS[lock])],
        [*pip, "--no-deps", "-e", str(ROOT)],
        [str(python), "-m", "ipykernel", "install", "--sys-prefix", "--name", KERNEL, "--display-name", "Python 3 (readiness)"],
    ]


def ensure_environment(lock: str = "test") -> Path:
    """Create or refresh ``.venv`` from the lock file ``lock`` when it or ``pyproject.toml`` changed since it was installed."""
    wanted = wanted_state(lock)
    if stamp(lock).exists() and stamp(lock).read_text().strip() == wanted and venv_python().exists():
        return venv_python()
    if sys.version_info < (3, 11):
        sys.exit("Readiness packs need Python 3.11 or newer.")
    print(f"Setting up .venv from {LOCKS[lock].relative_to(ROOT).as_posix()} (first run, or it or pyproject.toml changed) ...", flush=True)
    venv.EnvBuilder(with_pip=True).create(VENV)
    for command in install_commands(venv_python(), lock):
        run(command)
    stamp(lock).write_text(wanted)
    return venv_python()


def git_filter_settings(python: Path) -> dict[str, str]:
    """The git configuration that strips outputs from notebooks whenever git reads them (``.gitattributes`` names the filter)."""
    strip = f'"{Path(python).as_posix()}" -m nbstripout --keep-id'
    return {
        "filter.nbstripout.clean": strip,
        "filter.nbstripout.smudge": "cat",
        "filter.nbstripout.required": "true",
        "filter.nbstripout.extrakeys": lab_metadata(),
        "diff.ipynb.textconv": f"{strip} -t",
    }


def install_git_filter(root: Path, python: Path) -> None:
    """Set the notebook output filter in ``root``'s git configuration (every run: the venv may have moved)."""
    if shutil.which("git") is None or not (root / ".git").exists():
        print("Not a git clone: notebook outputs are not stripped, so never commit a notebook from here.")
        return
    for key, value in git_filter_settings(python).items():
        subprocess.run(["git", "config", key, value], cwd=root, check=True)
    refresh_index(root)


def refresh_index(root: Path) -> None:
    """Have git check, here and once, each file it has not checked since it was written: after a fresh clone, every
    notebook through the filter, a process each (half a minute). Left to the first ``git status``, that would fall to
    a build recording its commit, which gives up after 20 s, so that every build waited 20 s and none got it done."""
    subprocess.run(["git", "update-index", "-q", "--refresh"], cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def run(command: list[str], env: dict[str, str] | None = None) -> None:
    """Run a command from the project folder (in ``env``, or this environment); stop with its exit status if it fails."""
    status = subprocess.call(command, cwd=ROOT, env=env)
    if status:
        sys.exit(status)


def ensure_demo_data(python: Path) -> None:
    """Write the demo data unless it is there already, so an analyst's edits to it are kept."""
    if (DEMO_DATA / "returns").exists():  # demo data from before the statutory returns gets them added
        print(f"Using the demo data in {DEMO_DATA} (to write it afresh: readiness demo-data --force)")
        return
    run([str(python), "-m", "readiness", "demo-data"])


def lab_command(python: Path) -> list[str]:
    """JupyterLab rooted at the repository (parameters, data, docs and outputs in reach), opening on notebooks/;
    a notebook is saved without outputs, stripped in the server's process, so git never sees a change for
    new outputs and no save waits for git (:mod:`readiness.lab`)."""
    return [
        str(python),
        "-m",
        "jupyter",
        "lab",
        f"--ServerApp.root_dir={ROOT}",
        "--LabApp.default_url=/lab/tree/notebooks",
        "--ContentsManager.pre_save_hook=readiness.lab.strip_before_save",
    ]


def demo(python: Path, extra: list[str]) -> None:
    ensure_demo_data(python)
    run([str(python), "-m", "readiness", "build", str(ROOT / "parameters" / "demo.yaml"), *extra])


WHOLE = ["-n", "2", "--dist", "loadfile"]
"""``tasks.py test``: every test, on two processes (pytest-xdist), each file's tests in one of them (a notebook's
cells share a kernel)."""
FAST = ["-m", "not slow", "-n", "2", "--dist", "worksteal"]
"""``tasks.py test --fast``: every test but the end-to-end ones (``slow``: whole packs, notebooks, whole processes), on two processes."""


def test_command(python: Path, extra: list[str]) -> list[str]:
    """pytest for ``tasks.py test``: :data:`WHOLE` with no arguments, :data:`FAST` for ``--fast`` (with any others),
    otherwise the arguments as given (``tests/indicators/test_audits.py``, ``-k``, ...), in one process."""
    if not extra:
        return [str(python), "-m", "pytest", *WHOLE]
    fast = "--fast" in extra
    return [str(python), "-m", "pytest", *(FAST if fast else []), *(arg for arg in extra if arg != "--fast")]


def test_environment() -> dict[str, str]:
    """This environment, but with Python free to keep the bytecode it compiles (``__pycache__``, which git ignores):
    where PYTHONDONTWRITEBYTECODE is set, as in many container images, each test process (pytest's two workers, and
    the commands and kernels they start) compiled the package and the tests afresh, seconds every time."""
    return {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def test(python: Path, extra: list[str]) -> None:
    run(test_command(python, extra), env=test_environment())


def lab(python: Path, extra: list[str]) -> None:
    ensure_demo_data(python)
    run([*lab_command(python), *extra])


def lock_command(python: Path, lock: str, extra: list[str]) -> list[str]:
    """uv's command that writes the lock file ``lock`` from pyproject.toml, keeping the pins it holds unless
    ``extra`` says otherwise (``--upgrade``, ``--upgrade-package pandas``)."""
    extras = [arg for name in LOCK_EXTRAS[lock] for arg in ("--extra", name)]
    return [
        str(python),
        "-m",
        "uv",
        "pip",
        "compile",
        "pyproject.toml",
        *extras,
        "--universal",
        "--python-version",
        "3.11",
        "--custom-compile-command",
        "python3 tasks.py lock",
        "--quiet",
        "-o",
        LOCKS[lock].relative_to(ROOT).as_posix(),
        *extra,
    ]


def lock(python: Path, extra: list[str]) -> None:
    """The lab lock first; the test lock then starts from its pins, so the two agree on every package they share."""
    run([str(python), "-m", "pip", "install", "--quiet", UV])
    run(lock_command(python, "lab", extra))
    shutil.copyfile(LOCKS["lab"], LOCKS["test"])
    run(lock_command(python, "test", []))


COMMANDS = {"demo": demo, "test": test, "lab": lab, "lock": lock}


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(__doc__)
    python = ensure_environment("lab" if sys.argv[1] == "lab" else "test")
    install_git_filter(ROOT, python)
    COMMANDS[sys.argv[1]](python, sys.argv[2:])


if __name__ == "__main__":
    main()
