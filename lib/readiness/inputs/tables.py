"""Reading a sheet or CSV file into a table of cleaned cell text, headings matched to a spec.

Files are only ever opened for reading. Workbooks are read with python-calamine (several
times faster than openpyxl on a large list, and it reads Excel dates as dates). CSVs are
read as text, UTF-8 (with or without BOM) first and cp1252 second. A file is judged by its
content (:mod:`.workbooks`), and refused before it is opened when it is a device, a pipe, a
folder or too big, or before a sheet is loaded when its cells reach too far.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

import pandas as pd
from python_calamine import CalamineError, CalamineWorkbook, PasswordError, SheetTypeEnum, SheetVisibleEnum

from readiness.errors import Problem

from .bounds import check_csv_shape, check_opened_parts
from .headings import near_misses
from .schema import TableSpec
from .values import clean_cells, heading_key, snake_case
from .workbooks import (
    NOT_A_WORKBOOK,
    PASSWORD_PROTECTED,
    Extent,
    Unreadable,
    check_extent,
    check_ods_extents,
    check_regular_file,
    column_letters,
    sheet_extent,
    workbook_format,
)

HEADING_SEARCH_ROWS = 10


@dataclass
class Table:
    """A table's cells as text under our column names, ``_row`` its Excel row number."""

    file: str
    sheet: str | None
    frame: pd.DataFrame
    unknown: list[str] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)

    def problem(self, message: str, column: str | None = None, rows: pd.Series | None = None) -> Problem:
        """A Problem located in this table: the first of ``rows``, with the rest counted."""
        if rows is None or len(rows) == 0:
            return Problem(self.file, message, self.sheet, column=column)
        return Problem(self.file, message, self.sheet, int(rows.min()), column, len(rows) - 1)


def open_workbook(path: Path) -> tuple[CalamineWorkbook, str]:
    """The workbook at ``path`` and its format, judged by content; refused when it is no workbook,
    when it is an .ods with a sheet reaching too far (calamine loads every .ods sheet on opening), or an
    .xlsx or .xlsb whose shared strings or other parts read on opening are too big (:mod:`.bounds`)."""
    check_regular_file(path)
    kind = workbook_format(path)
    if kind is None:
        raise Unreadable(NOT_A_WORKBOOK)
    if kind == "ods":
        check_ods_extents(path)
    elif kind in ("xlsx", "xlsb"):
        check_opened_parts(path)
    try:
        with open(path, "rb") as file:
            return CalamineWorkbook.from_filelike(file), kind
    except PasswordError:
        raise Unreadable(PASSWORD_PROTECTED) from None
    except (CalamineError, OSError, ValueError) as exc:
        raise Unreadable(f"cannot be read as an .{kind} workbook ({exc})") from None


def workbook_sheets(path: Path) -> list[tuple[str, bool]]:
    """Every worksheet of a workbook, in order, with whether it is visible (not hidden or very hidden)."""
    workbook, _ = open_workbook(path)
    return [
        (sheet.name, sheet.visible == SheetVisibleEnum.Visible)
        for sheet in workbook.sheets_metadata
        if sheet.typ == SheetTypeEnum.WorkSheet
    ]


def first_visible_sheet(path: Path) -> str:
    """The name of the workbook's first visible worksheet (a local extract's one table)."""
    visible = [name for name, shown in workbook_sheets(path) if shown]
    if not visible:
        raise Unreadable("workbook has no visible worksheet")
    return visible[0]


def sheet_rows(path: Path, sheet: str) -> list[list]:
    """Every row of one sheet from A1, as Python values (blank cells ``""``); refused before
    loading when the sheet reaches beyond what any return needs."""
    workbook, kind = open_workbook(path)
    check_extent(sheet, sheet_extent(path, kind, sheet))
    try:
        loaded = workbook.get_sheet_by_name(sheet)
        end = loaded.end
        check_extent(sheet, None if end is None else Extent(end[0] + 1, end[1] + 1))
        return loaded.to_python(skip_empty_area=False)
    except (CalamineError, ValueError) as exc:
        raise Unreadable(f"sheet {sheet} cannot be read as part of an .{kind} workbook ({exc})") from None


def _cp1252_fallback(error: UnicodeDecodeError) -> tuple[str, int]:
    """Decode error handler: the bytes that are not UTF-8 read as Windows-1252 (undefined ones as U+FFFD)."""
    return error.object[error.start : error.end].decode("cp1252", errors="replace"), error.end


codecs.register_error("readiness-cp1252", _cp1252_fallback)


def csv_text(data: bytes) -> tuple[str, list[int]]:
    """A CSV file's text and the lines (1-based) holding stray non-UTF-8 bytes in an otherwise UTF-8 file.

    UTF-8 (a BOM allowed) is read as UTF-8 and Excel's plain CSV as Windows-1252, as Excel saves
    them; a UTF-8 file with a few Windows-1252 bytes keeps its UTF-8 and reads only those bytes
    as Windows-1252, so nothing turns into mojibake.
    """
    if b"\x00" in data:
        raise Unreadable("holds binary data (NUL bytes), not CSV text: is it a workbook or a UTF-16 text file?")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    mixed = data.decode("utf-8-sig", errors="readiness-cp1252")
    if mixed == data.decode("cp1252", errors="replace"):
        return mixed, []  # plain Windows-1252: no UTF-8 sequence in it
    return mixed, [number for number, line in enumerate(data.split(b"\n"), start=1) if not is_utf8(line)]


def is_utf8(data: bytes) -> bool:
    """Whether ``data`` is valid UTF-8."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


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


def read_file(path: Path, spec: TableSpec, file: str, renames: dict[str, str] | None = None) -> Table:
    """A table kept in a file of its own, judged by content: a workbook (its first visible sheet) or a CSV."""
    check_regular_file(path)
    if workbook_format(path) is not None:
        return read_sheet(path, first_visible_sheet(path), spec, file, renames)
    return read_csv(path, spec, file, renames)


def read_csv(path: Path, spec: TableSpec, file: str, renames: dict[str, str] | None = None) -> Table:
    """One CSV file as a :class:`Table`; every cell read as text, nothing guessed."""
    check_regular_file(path)
    data = path.read_bytes()
    check_csv_shape(data)
    text, stray_lines = csv_text(data)
    if not text.strip():
        raise Unreadable("file is empty")
    try:
        top = find_heading_row(list(islice(csv.reader(io.StringIO(text)), HEADING_SEARCH_ROWS)), spec, renames or {})
        body = pd.read_csv(io.StringIO(text), skiprows=top, header=None, dtype=str, keep_default_na=False, skip_blank_lines=False)
    except (csv.Error, pd.errors.ParserError, ValueError) as exc:
        raise Unreadable(f"cannot be read as CSV ({exc})") from None
    headings = [str(h) for h in body.iloc[0]]
    table = build_table(file, None, headings, body.iloc[1:].reset_index(drop=True), top + 2, spec, renames)
    if stray_lines:
        message = "text is UTF-8 but holds bytes that are not; they were read as Windows-1252 (check the characters)"
        table.warnings.append(Problem(file, message, None, stray_lines[0], more=len(stray_lines) - 1))
    return table


def build_table(file: str, sheet: str | None, headings: list[str], body: pd.DataFrame, first_row: int, spec: TableSpec, renames) -> Table:
    """Keep the spec's columns under their names (a near-miss heading taken, with a warning: :mod:`.headings`),
    clean every cell, number the rows, drop blank rows."""
    names, unknown, repeats = match_headings(headings, spec, renames or {})
    taken = near_misses(headings, names, spec)
    for position, name in taken.items():
        names[position] = name
        unknown.remove(headings[position].strip())
    frame = pd.DataFrame({name: clean_cells(body.iloc[:, position]) for position, name in names.items()})
    frame.index = body.index
    frame["_row"] = pd.Series(range(first_row, first_row + len(body)), index=body.index, dtype="int64")
    filled = frame.drop(columns="_row").notna().any(axis=1)
    table = Table(file, sheet, frame[filled].reset_index(drop=True), unknown)
    for position, name in taken.items():
        message = (
            f"heading '{headings[position].strip()}' is taken as '{spec.heading_of(name)}': they differ by one punctuation mark or space"
        )
        table.warnings.append(Problem(file, message, sheet, first_row - 1, spec.heading_of(name)))
    for repeat in repeats:
        report_repeated_heading(table, spec, names, repeat, first_row - 1)
    return table


def report_repeated_heading(table: Table, spec: TableSpec, names: dict[int, str], repeat: tuple[int, int], row: int) -> None:
    """A second column finding a column already found: an error if a figure uses that column, else a warning."""
    first, position = repeat
    name = names[first]
    used = next((c.used for c in spec.columns if c.name == name), False) and spec.checked
    where = f"columns {column_letters(first)} and {column_letters(position)}"
    if used:
        message = f"two columns are headed '{spec.heading_of(name)}' ({where}): delete or rename one, so it is clear which to read"
        table.errors.append(Problem(table.file, message, table.sheet, row, spec.heading_of(name)))
    else:
        message = f"two columns are headed '{spec.heading_of(name)}' ({where}); column {column_letters(first)} is read"
        table.warnings.append(Problem(table.file, message, table.sheet, row, spec.heading_of(name)))


def match_headings(
    headings: list[str], spec: TableSpec, renames: dict[str, str]
) -> tuple[dict[int, str], list[str], list[tuple[int, int]]]:
    """Column position → our name for every heading the spec knows; the unknown headings; and for each
    later column finding a column already found, (first position, its position): the first is kept.

    ``renames`` maps a council's own headings onto ours first. A table that is not checked keeps
    every column, named in snake_case.
    """
    keys = spec.heading_keys()
    own = {heading_key(theirs): ours for theirs, ours in renames.items()}
    ignored = {heading_key(h) for h in spec.ignored}
    prefix = spec.prefixed[0] if spec.prefixed else None
    names: dict[int, str] = {}
    found: dict[str, int] = {}
    unknown = []
    repeats = []
    for position, heading in enumerate(headings):
        key = heading_key(own.get(heading_key(heading), heading))
        if not key or key in ignored:
            continue
        name = keys.get(key) or _prefixed_name(key, prefix) or (None if spec.checked else snake_case(key))
        if name is None:
            unknown.append(heading.strip())
        elif name in found:
            repeats.append((found[name], position))
        else:
            names[position] = name
            found[name] = position
    return names, unknown, repeats


def _prefixed_name(key: str, prefix: str | None) -> str | None:
    """``domain voice of child`` → ``domain_voice_of_child`` when the spec takes ``domain_`` columns."""
    snake = key.replace(" ", "_")
    return snake if prefix and snake.startswith(prefix) and len(snake) > len(prefix) else None
