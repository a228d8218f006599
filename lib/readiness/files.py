"""Writing files safely (whole or not at all, never over a file the user named without ``--force``), and reading the
parameters' side files as bounded as inputs."""

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
        raise OutputError(
            [f"{path}: already exists; it was left as it is (readiness {command} --force overwrites it)" for path in existing]
        )


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


def read_regular(path: Path, limit: int | None = None) -> bytes:
    """The bytes of a regular file, opened without waiting (a pipe is refused, never read, so reading cannot hang) and
    read only when it is one (never a device such as ``/dev/zero`` or a folder), at most ``limit`` bytes when given.
    :class:`ValueError` says what is wrong in plain words."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise ValueError("is a folder, not a file" if Path(path).is_dir() else f"cannot be read ({exc.strerror})") from None
    try:
        info = os.fstat(handle)
        if stat.S_ISDIR(info.st_mode):
            raise ValueError("is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise ValueError("is not a regular file (a device, pipe or socket)")
        if limit is not None and info.st_size > limit:
            raise ValueError(f"is {info.st_size:,} bytes, more than the {limit:,} such a file may be")
        most = info.st_size if limit is None else limit
        chunks: list[bytes] = []
        while sum(map(len, chunks)) <= most and (chunk := os.read(handle, max(1 << 20, most + 1 - sum(map(len, chunks))))):
            chunks.append(chunk)
    finally:
        os.close(handle)
    data = b"".join(chunks)
    if limit is not None and len(data) > limit:
        raise ValueError(f"is more than the {limit:,} bytes such a file may be")
    return data


def read_side_file(path: Path, limit: int) -> str:
    """The text of a file the parameters name beside the inputs (commentary, history, baseline, comparators), read as an
    input is (:func:`read_regular`: a regular file of at most ``limit`` bytes), UTF-8. :class:`ValueError` says what is
    wrong in plain words."""
    try:
        return read_regular(path, limit).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"is not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
