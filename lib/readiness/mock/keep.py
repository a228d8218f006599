"""Nothing lost: what ``readiness sample`` and ``--read-back`` may write over, and the mark they leave.

A case-tracking workbook holding any entry (an audit row or action line filled in) is never written over
without ``--force``; nor is a file at its name that is not a case-tracking workbook, or a sample CSV whose
first line is not the sample's headings. ``--read-back`` marks every workbook it writes with the digest of
its cells (in the workbook's keywords property); it writes over a file only when that file carries the mark
and its cells still match the digest (so it is as read-back wrote it, not edited since), and never otherwise,
``--force`` or not: an input, a parameters file or an edited extract is left as it is.
"""

from __future__ import annotations

import hashlib
import os
import re
import zipfile
from pathlib import Path

from openpyxl import Workbook

from readiness.errors import OutputError
from readiness.inputs.tables import Unreadable, sheet_rows, workbook_sheets
from readiness.inputs.tracking import entries

READ_BACK_MARK = "readiness-read-back sha256:"
CORE_PROPERTIES = "docProps/core.xml"
KEYWORDS = re.compile(r"<cp:keywords>([^<]{0,200})</cp:keywords>")


def holds_entries(path: Path) -> bool | None:
    """Whether the case-tracking workbook at ``path`` holds an entry (an audit row or action line filled in);
    ``None`` when it is not a case-tracking workbook."""
    try:
        return entries(path) > 0
    except Unreadable:
        return None


def check_sample_targets(workbook: Path, csv: Path, headings: str, force: bool) -> None:
    """Raise :class:`OutputError` (exit 2) unless ``readiness sample`` may write its two files (module docstring)."""
    if force:
        return
    problems = []
    if workbook.exists():
        entries = holds_entries(workbook)
        if entries is None:
            problems.append(f"{workbook}: is not a case-tracking workbook; it was left as it is (readiness sample --force replaces it)")
        elif entries:
            problems.append(
                f"{workbook}: holds completed audits or actions; it was left as it is "
                "(read it back with readiness sample --read-back, or draw again with --force to replace it)"
            )
    if csv.exists() and not first_line_is(csv, headings):
        problems.append(f"{csv}: is not a sample this command wrote; it was left as it is (readiness sample --force replaces it)")
    if problems:
        raise OutputError(problems)


def first_line_is(path: Path, line: str) -> bool:
    """Whether the file's first line is ``line`` (read no further than needed)."""
    with path.open("rb") as handle:
        return handle.readline(len(line.encode("utf-8")) + 3).decode("utf-8", "replace").rstrip("\r\n") == line


def cells_digest(path: Path) -> str:
    """SHA-256 of every cell of every sheet of a workbook, as read back (so saving it unchanged keeps the digest)."""
    digest = hashlib.sha256()
    for name, _ in workbook_sheets(path):
        digest.update(repr((name, sheet_rows(path, name))).encode("utf-8"))
    return digest.hexdigest()


def recorded_digest(path: Path) -> str | None:
    """The digest read-back recorded in a workbook's keywords, ``None`` when it carries no mark."""
    try:
        with zipfile.ZipFile(path) as archive:
            if archive.getinfo(CORE_PROPERTIES).file_size > 100_000:
                return None
            found = KEYWORDS.search(archive.read(CORE_PROPERTIES).decode("utf-8", "replace"))
    except (OSError, KeyError, zipfile.BadZipFile):
        return None
    if found is None or not found.group(1).startswith(READ_BACK_MARK):
        return None
    return found.group(1).removeprefix(READ_BACK_MARK)


def written_by_read_back(path: Path) -> bool:
    """Whether ``path`` carries read-back's mark and its cells are as read-back wrote them."""
    recorded = recorded_digest(path)
    try:
        return recorded is not None and recorded == cells_digest(path)
    except Unreadable:
        return False


def check_read_back_targets(paths: list[Path]) -> None:
    """Raise :class:`OutputError` (exit 2) naming every existing target read-back did not write, or that was edited since."""
    kept = [path for path in paths if path.exists() and not written_by_read_back(path)]
    if kept:
        raise OutputError(
            [
                f"{path}: was not written by read-back, or was changed since; it was left as it is (move it away and read back again)"
                for path in kept
            ]
        )


def save_marked(workbook: Workbook, path: Path) -> Path:
    """Save ``workbook`` to ``path`` (whole or not at all) with read-back's mark: the digest of its cells."""
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        workbook.save(partial)
        workbook.properties.keywords = READ_BACK_MARK + cells_digest(partial)
        workbook.save(partial)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path
