"""Reading a sheet or CSV file into a table of cleaned cell text, headings matched to a spec.

Files are only ever opened for reading. Workbooks are read with python-calamine (several
times faster than openpyxl on a large list, and it reads Excel dates as dates). CSVs are
read as text, UTF-8 (with or without BOM) first and cp1252 second.
"""
from __future__ import annotations

import csv
import io
from itertools import islice
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from python_calamine import CalamineError, CalamineWorkbook

from ..errors import Problem
from .schema import TableSpec
from .values import clean_cells, heading_key, snake_case

HEADING_SEARCH_ROWS = 10


class Unreadable(Exception):
    """Raised when a file or sheet cannot be read as a table; the message says why."""


@dataclass
class Table:
    """A table's cells as text under our column names, ``_row`` its Excel row number."""

    file: str
    sheet: str | None
    frame: pd.DataFrame
    unknown: list[str] = field(default_factory=list)

    def problem(self, message: str, column: str | None = None, rows: pd.Series | None = None) -> Problem:
        """A Problem located in this table: the first of ``rows``, with the rest counted."""
        if rows is None or len(rows) == 0:
            return Problem(self.file, message, self.sheet, column=column)
        return Problem(self.file, message, self.sheet, int(rows.min()), column, len(rows) - 1)


def workbook_sheets(path: Path) -> list[str]:
    """The sheet names of a workbook."""
    try:
        return list(CalamineWorkbook.from_path(str(path)).sheet_names)
    except (CalamineError, OSError, ValueError) as exc:
        raise Unreadable(f"cannot be read as an Excel workbook ({exc})") from None


def sheet_rows(path: Path, sheet: str) -> list[list]:
    """Every row of one sheet from A1, as Python values (blank cells ``""``)."""
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        return workbook.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
    except (CalamineError, OSError, ValueError) as exc:
        raise Unreadable(f"cannot be read as an Excel workbook ({exc})") from None


def csv_text(path: Path) -> str:
    """A CSV file's text: UTF-8 (a BOM allowed) or else cp1252, as Excel saves them."""
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise Unreadable("cannot be read as text (neither UTF-8 nor Windows-1252)")


def find_heading_row(rows: list[list], spec: TableSpec, renames: dict[str, str]) -> int:
    """Index of the row, among the first few, holding most of the spec's headings (or the council's own)."""
    keys = set(spec.heading_keys()) | {heading_key(theirs) for theirs in renames}
    scores = [sum(heading_key(cell) in keys for cell in row) for row in rows[:HEADING_SEARCH_ROWS]]
    if not scores or max(scores) == 0:
        expected = ", ".join(f"'{c.heading}'" for c in spec.columns[:3])
        raise Unreadable(f"no heading row found in the first {HEADING_SEARCH_ROWS} rows (expected headings such as {expected})")
    return scores.index(max(scores))


def read_sheet(path: Path, sheet: str, spec: TableSpec, file: str, renames: dict[str, str] | None = None) -> Table:
    """One workbook sheet as a :class:`Table`."""
    rows = sheet_rows(path, sheet)
    if not any(any(str(cell).strip() for cell in row) for row in rows):
        raise Unreadable("sheet is empty")
    top = find_heading_row(rows, spec, renames or {})
    body = pd.DataFrame(rows[top + 1 :], dtype=object).reindex(columns=range(len(rows[top])))
    return build_table(file, sheet, [str(h) for h in rows[top]], body, top + 2, spec, renames)


def read_csv(path: Path, spec: TableSpec, file: str, renames: dict[str, str] | None = None) -> Table:
    """One CSV file as a :class:`Table`; every cell read as text, nothing guessed."""
    text = csv_text(path)
    if not text.strip():
        raise Unreadable("file is empty")
    top = find_heading_row(list(islice(csv.reader(io.StringIO(text)), HEADING_SEARCH_ROWS)), spec, renames or {})
    try:
        body = pd.read_csv(
            io.StringIO(text), skiprows=top, header=None, dtype=str, keep_default_na=False, skip_blank_lines=False
        )
    except (pd.errors.ParserError, ValueError) as exc:
        raise Unreadable(f"cannot be read as CSV ({exc})") from None
    headings = [str(h) for h in body.iloc[0]]
    return build_table(file, None, headings, body.iloc[1:].reset_index(drop=True), top + 2, spec, renames)


def build_table(
    file: str, sheet: str | None, headings: list[str], body: pd.DataFrame, first_row: int, spec: TableSpec, renames
) -> Table:
    """Keep the spec's columns under their names, clean every cell, number the rows, drop blank rows."""
    names, unknown = match_headings(headings, spec, renames or {})
    frame = pd.DataFrame({name: clean_cells(body.iloc[:, position]) for position, name in names.items()})
    frame.index = body.index
    frame["_row"] = pd.Series(range(first_row, first_row + len(body)), index=body.index, dtype="int64")
    filled = frame.drop(columns="_row").notna().any(axis=1)
    return Table(file, sheet, frame[filled].reset_index(drop=True), unknown)


def match_headings(headings: list[str], spec: TableSpec, renames: dict[str, str]) -> tuple[dict[int, str], list[str]]:
    """Column position → our name for every heading the spec knows; the unknown headings.

    ``renames`` maps a council's own headings onto ours first. The first of two headings
    for one column wins. A table that is not checked keeps every column, named in snake_case.
    """
    keys = spec.heading_keys()
    own = {heading_key(theirs): ours for theirs, ours in renames.items()}
    ignored = {heading_key(h) for h in spec.ignored}
    prefix = spec.prefixed[0] if spec.prefixed else None
    names: dict[int, str] = {}
    unknown = []
    for position, heading in enumerate(headings):
        key = heading_key(own.get(heading_key(heading), heading))
        if not key or key in ignored:
            continue
        name = keys.get(key) or _prefixed_name(key, prefix) or (None if spec.checked else snake_case(key))
        if name is None:
            unknown.append(heading.strip())
        elif name not in names.values():
            names[position] = name
    return names, unknown


def _prefixed_name(key: str, prefix: str | None) -> str | None:
    """``domain voice of child`` → ``domain_voice_of_child`` when the spec takes ``domain_`` columns."""
    snake = key.replace(" ", "_")
    return snake if prefix and snake.startswith(prefix) and len(snake) > len(prefix) else None
