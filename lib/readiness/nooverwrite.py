"""Commands that write files into a folder the user names never overwrite one without ``--force``."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from .errors import OutputError


def refuse_to_overwrite(paths: Iterable[Path], command: str) -> None:
    """Raise :class:`OutputError` (exit 2), one line per file, when any of ``paths`` already exists."""
    existing = [Path(path) for path in paths if Path(path).exists()]
    if existing:
        raise OutputError([f"{path}: already exists; it was left as it is (readiness {command} --force overwrites it)" for path in existing])
