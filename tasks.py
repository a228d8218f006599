#!/usr/bin/env python3
"""Set up and run Readiness packs with nothing but Python 3.11+.

    python3 tasks.py demo    # set up, write the demo data, build the demo pack
    python3 tasks.py test    # set up, run every test (unit, golden pack, notebooks)
    python3 tasks.py lab     # set up, open JupyterLab on the repository, at notebooks/

Each command creates ``.venv`` beside this file on first use (and refreshes it when
``pyproject.toml`` changes), installing the project with pip and the ``readiness`` kernel,
and makes git strip notebook outputs (nbstripout as a clean filter, named in
``.gitattributes``), so children's data saved in a notebook never reaches git.
The demo data is written to ``data/demo`` only when it is not there. Works on Windows too.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / "readiness-installed.txt"
DEMO_DATA = ROOT / "data" / "demo"
KERNEL = "readiness"
# What JupyterLab adds to a notebook's metadata on saving, beside outputs and counts (nbstripout's defaults).
LAB_METADATA = " ".join(
    f"metadata.language_info.{key}" for key in ("codemirror_mode", "file_extension", "mimetype", "nbconvert_exporter", "pygments_lexer", "version")
)


def venv_python() -> Path:
    """The virtual environment's interpreter, on Windows or elsewhere."""
    scripts = "Scripts" if os.name == "nt" else "bin"
    return VENV / scripts / ("python.exe" if os.name == "nt" else "python")


def ensure_environment() -> Path:
    """Create or refresh ``.venv`` when ``pyproject.toml`` changed since the last install."""
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == wanted and venv_python().exists():
        return venv_python()
    if sys.version_info < (3, 11):
        sys.exit("Readiness packs need Python 3.11 or newer.")
    print("Setting up .venv (first run, or pyproject.toml changed) ...", flush=True)
    venv.EnvBuilder(with_pip=True).create(VENV)
    python = str(venv_python())
    run([python, "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
    run([python, "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[test]"])
    run([python, "-m", "ipykernel", "install", "--sys-prefix", "--name", KERNEL, "--display-name", "Python 3 (readiness)"])
    STAMP.write_text(wanted)
    return venv_python()


def git_filter_settings(python: Path) -> dict[str, str]:
    """The git configuration that strips outputs from notebooks whenever git reads them (``.gitattributes`` names the filter)."""
    strip = f'"{Path(python).as_posix()}" -m nbstripout --keep-id'
    return {
        "filter.nbstripout.clean": strip,
        "filter.nbstripout.smudge": "cat",
        "filter.nbstripout.required": "true",
        "filter.nbstripout.extrakeys": LAB_METADATA,
        "diff.ipynb.textconv": f"{strip} -t",
    }


def install_git_filter(root: Path, python: Path) -> None:
    """Set the notebook output filter in ``root``'s git configuration (every run: the venv may have moved)."""
    if shutil.which("git") is None or not (root / ".git").exists():
        print("Not a git clone: notebook outputs are not stripped, so never commit a notebook from here.")
        return
    for key, value in git_filter_settings(python).items():
        subprocess.run(["git", "config", key, value], cwd=root, check=True)


def run(command: list[str]) -> None:
    """Run a command from the project folder; stop with its exit status if it fails."""
    status = subprocess.call(command, cwd=ROOT)
    if status:
        sys.exit(status)


def ensure_demo_data(python: Path) -> None:
    """Write the demo data unless it is there already, so an analyst's edits to it are kept."""
    if (DEMO_DATA / "annex_a.xlsx").exists():
        print(f"Using the demo data in {DEMO_DATA} (to write it afresh: readiness demo-data --force)")
        return
    run([str(python), "-m", "readiness", "demo-data"])


def lab_command(python: Path) -> list[str]:
    """JupyterLab rooted at the repository (parameters, data, docs and outputs in reach), opening on notebooks/;
    a notebook saved with only new outputs leaves ``git status`` clean (:mod:`readiness.lab`)."""
    return [
        str(python), "-m", "jupyter", "lab",
        f"--ServerApp.root_dir={ROOT}",
        "--LabApp.default_url=/lab/tree/notebooks",
        "--ContentsManager.post_save_hook=readiness.lab.refresh_git_index",
    ]


def demo(python: Path, extra: list[str]) -> None:
    ensure_demo_data(python)
    run([str(python), "-m", "readiness", "build", str(ROOT / "parameters" / "demo.yaml"), *extra])


def test(python: Path, extra: list[str]) -> None:
    run([str(python), "-m", "pytest", *extra])


def lab(python: Path, extra: list[str]) -> None:
    ensure_demo_data(python)
    run([*lab_command(python), *extra])


COMMANDS = {"demo": demo, "test": test, "lab": lab}


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(__doc__)
    python = ensure_environment()
    install_git_filter(ROOT, python)
    COMMANDS[sys.argv[1]](python, sys.argv[2:])


if __name__ == "__main__":
    main()
