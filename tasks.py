#!/usr/bin/env python3
"""Set up and run Readiness packs with nothing but Python 3.11+.

    python3 tasks.py demo    # set up, write the demo data, build the demo pack
    python3 tasks.py test    # set up, run every test (unit, golden pack, notebooks)
    python3 tasks.py lab     # set up, open JupyterLab on the notebooks

Each command creates ``.venv`` beside this file on first use (and refreshes it when
``pyproject.toml`` changes), installing the project with pip. Works on Windows too.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / "readiness-installed.txt"


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
    run([python, "-m", "ipykernel", "install", "--sys-prefix", "--name", "python3", "--display-name", "Python 3 (readiness)"])
    STAMP.write_text(wanted)
    return venv_python()


def run(command: list[str]) -> None:
    """Run a command from the project folder; stop with its exit status if it fails."""
    status = subprocess.call(command, cwd=ROOT)
    if status:
        sys.exit(status)


def demo(python: Path, extra: list[str]) -> None:
    run([str(python), "-m", "readiness", "demo-data"])
    run([str(python), "-m", "readiness", "build", str(ROOT / "parameters" / "demo.yaml"), *extra])


def test(python: Path, extra: list[str]) -> None:
    run([str(python), "-m", "pytest", *extra])


def lab(python: Path, extra: list[str]) -> None:
    run([str(python), "-m", "readiness", "demo-data"])
    run([str(python), "-m", "jupyter", "lab", str(ROOT / "notebooks"), *extra])


COMMANDS = {"demo": demo, "test": test, "lab": lab}


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(__doc__)
    COMMANDS[sys.argv[1]](ensure_environment(), sys.argv[2:])


if __name__ == "__main__":
    main()
