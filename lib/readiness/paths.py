"""Where the project's own files are: one module, so nothing else guesses."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
"""``lib/readiness``: all of the package, whose files a build's cache key covers."""
REPO = PACKAGE.parents[1]
TEMPLATES = PACKAGE / "pack" / "templates"
NOTEBOOKS = REPO / "notebooks"
ENGLAND = REPO / "parameters" / "benchmarks" / "england.yaml"
DEMO_DATA = REPO / "data"
ANALYST_CACHE = REPO / "outputs" / ".cache"


def notebook_files(folder: Path = NOTEBOOKS) -> list[Path]:
    """The pack's numbered notebooks, in the order the pack shows them."""
    return sorted(folder.glob("[0-9][0-9]_*.ipynb"))
