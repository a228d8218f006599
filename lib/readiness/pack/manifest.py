"""Provenance: which parameters, inputs, code and packages made a pack."""

from __future__ import annotations

import hashlib
import platform
import subprocess
import time
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Iterable

from readiness import __version__
from readiness.config.params import DATA_KEYS, Params, return_paths
from readiness.paths import REPO

PACKAGES = ("readiness", "pandas", "numpy", "matplotlib", "papermill", "nbconvert", "nbclient", "holidays", "pandera", "python-calamine")


def file_digest(path: Path) -> dict:
    """SHA-256 and size of one file (read in chunks, opened read-only)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return {"sha256": digest.hexdigest(), "bytes": path.stat().st_size}


def input_files(params: Params) -> dict[str, Path]:
    """Every input file, keyed by its data key (a folder of CSVs gives one entry per file); the statutory
    returns as ``cin_census/0``, ``ssda903/0/episodes.csv`` …"""
    files: dict[str, Path] = {}
    named = {key: getattr(params.data, key) for key in DATA_KEYS} | return_paths(params)
    for key, path in named.items():
        if path is None:
            continue
        if path.is_dir():
            files.update({f"{key}/{p.name}": p for p in sorted(path.iterdir()) if p.is_file()})
        else:
            files[key] = path
    return files


def input_digests(params: Params) -> dict[str, dict]:
    """SHA-256 and size of every input file, with its path."""
    return {key: {"path": str(path), **file_digest(path)} for key, path in input_files(params).items()}


def notebook_digests(paths: Iterable[Path]) -> dict[str, str]:
    """SHA-256 of each notebook's source, keyed by file name (``{"10_case_audits.ipynb": "ab12…"}``)."""
    return {Path(p).name: file_digest(Path(p))["sha256"] for p in paths}


def package_versions() -> dict[str, str]:
    """Versions of the packages that shape a pack's figures and charts."""
    versions = {"python": platform.python_version()}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def code_version() -> dict:
    """The project's git commit and whether the work tree had uncommitted changes."""
    commit = _git("rev-parse", "HEAD")
    # git status may run the notebooks' output-stripping filter, slow on a busy machine: unknown rather than no commit
    status = _git("status", "--porcelain", "--untracked-files=no") if commit else None
    return {"readiness": __version__, "git_commit": commit or None, "git_dirty": None if status is None else bool(status)}


def _git(*args: str) -> str | None:
    """A git command's output in the project's folder; ``None`` when git is missing, fails or takes over 20 s."""
    try:
        done = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def build_manifest(params: Params, params_file: Path, started: float, notebooks: Iterable[Path] | None = None) -> dict:
    """The ``manifest.json`` document for a build that began at ``started`` (epoch seconds).

    ``notebooks`` are the notebook files the build ran; when not given, every numbered
    notebook of the project's ``notebooks/`` folder (what a build runs by default).
    """
    if notebooks is None:
        from readiness.paths import notebook_files

        notebooks = notebook_files()
    return {
        "parameters_file": str(params_file),
        "parameters": params.model_dump(mode="json"),
        "inputs": input_digests(params),
        "notebooks": notebook_digests(notebooks),
        "packages": package_versions(),
        "code": code_version(),
        "build_started": datetime.fromtimestamp(started, timezone.utc).isoformat(timespec="seconds"),
        "build_seconds": round(time.time() - started, 2),
    }
