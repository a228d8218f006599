"""Writing files safely: whole or not at all, and never over a file the user named without ``--force``."""
from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Callable, Iterable

from readiness.errors import OutputError


def refuse_to_overwrite(paths: Iterable[Path], command: str) -> None:
    """Raise :class:`OutputError` (exit 2), one line per file, when any of ``paths`` already exists."""
    existing = [Path(path) for path in paths if Path(path).exists()]
    if existing:
        raise OutputError([f"{path}: already exists; it was left as it is (readiness {command} --force overwrites it)" for path in existing])


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` so that a reader sees the old file or the whole new one, never half of it."""
    write_replacing(path, lambda partial: partial.write_bytes(data))


def write_replacing(path: Path, write: Callable[[Path], object]) -> None:
    """``write(partial)`` a file beside ``path``, then put it in place of ``path`` in one step (a link at ``path``
    is replaced, never followed)."""
    path = Path(path)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        write(partial)
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def no_more_open_than(path: Path, limit: Path) -> None:
    """Take from ``path`` every permission ``limit`` lacks: a folder of child-level data is never more open than the folder
    it is in (a pack folder the user set to 700 keeps its ``working/`` to 700 too)."""
    os.chmod(path, stat.S_IMODE(Path(path).stat().st_mode) & stat.S_IMODE(Path(limit).stat().st_mode))
