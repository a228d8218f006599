"""A build job: one pack to build, and how (what :mod:`readiness.pack.build` hands :mod:`readiness.pack.pipeline`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from readiness.paths import NOTEBOOKS


@dataclass(frozen=True)
class Job:
    """One pack to build, and how."""

    params_file: Path
    target: Path
    pdf: bool = False
    force: bool = False
    jobs: int = 1
    notebooks: Path = NOTEBOOKS
    strict: bool = False
