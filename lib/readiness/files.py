"""Writing files safely: whole or not at all, and never over a file the user named without ``--force``."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from readiness.errors import OutputError


def refuse_to_overwrite(paths: Iterable[Path], command: str) -> None:
    """Raise :class:`OutputError` (exit 2), one line per file, when any of ``paths`` already exists."""
    existing = [Path(path) for path in paths if Path(path).exists()]
    if existing:
        raise OutputError([f"{path}: already exists; it was left as it is (readiness {command} --force overwrites it)" for path in existing])


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` so that a reader sees the old file or the whole new one, never half of it."""
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        partial.write_bytes(data)
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
