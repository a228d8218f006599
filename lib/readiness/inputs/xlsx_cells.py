"""An .xlsx sheet's extent as calamine places its cells, measured from the sheet's XML before calamine loads it.

A cell's ``r`` reference counts in either quotes and either case, the last one when repeated; a cell or row
without ``r`` is placed after the one before it, as calamine does (:class:`XlsxCells`).
"""

from __future__ import annotations

import re

from .bounds import MAX_CELLS, MAX_ROWS, PREFIX, Unreadable, column_letters, column_number

ANY_CELL = re.compile(PREFIX + rb"c[\s/>]")
ANY_ROW = re.compile(PREFIX + rb"row[\s/>]")
# The light patterns start with a literal and look behind or ahead for the rest: the regex engine then skips to
# each occurrence of the literal instead of trying every byte (three times faster on a sheet's XML).
CELL_START = re.compile(rb"<c(?=[\s/>])")
PREFIXED = re.compile(rb":(?:c|row)[\s/>]")  # a cell or row with a namespace prefix
SPACED_EQUALS = re.compile(rb"=(?<=\s=)")  # an attribute written ``r = "…"``: not counted by ``r=``
R_ATTRIBUTE = re.compile(rb"r=(?<=\sr=)")  # an attribute named r (the end of footer= or header= is not one)
# The form Excel and openpyxl write: ``<c r="AB12"`` and ``<row r="12"``. Letters and digits are found apart:
# two light patterns are twice as fast as one.
PLAIN_COLUMN = re.compile(rb'<c r="([A-Z]{1,3})\d{1,7}"')
PLAIN_CELL_ROW = re.compile(rb'<c r="[A-Z]{1,3}(\d{1,7})"')
PLAIN_ROW = re.compile(rb'<row r="(\d{1,7})"')
TAG = re.compile(PREFIX + rb"""(row|c)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*/?>""")
R_VALUES = re.compile(rb"""(?:^|\s)r\s*=\s*(?:"([^"]*)"|'([^']*)')""")
REFERENCE = re.compile(rb"([A-Za-z]{1,7})(\d{1,10})")


def beyond(row: int, column: int) -> re.Pattern:
    """A cell written other than ``<c r="AB12"``, a row other than ``<row r="12"``, or either reaching past ``row``
    or past ``column`` (leading zeros allowed, as in the light patterns)."""
    return re.compile(
        rb'<c r="(?:(?![A-Z]{1,3}\d{1,7}")|' + letters_above(column) + rb"\d|[A-Z]{1,3}0*" + digits_above(row) + rb'")'
        rb'|<row r="(?:(?!\d{1,7}")|0*' + digits_above(row) + rb'")'
    )


def digits_above(number: int) -> bytes:
    """A pattern for the decimal numbers (no leading zero) greater than ``number``."""
    digits = str(number).encode()
    longer = rb"[1-9]\d{%d,}" % len(digits)
    same = [digits[:i] + b"[%c-9]" % (digit + 1) + rb"\d" * (len(digits) - i - 1) for i, digit in enumerate(digits) if digit != ord("9")]
    return b"(?:" + b"|".join([longer, *same]) + b")"


def letters_above(column: int) -> bytes:
    """A pattern for the column letters (upper case) after column number ``column``."""
    letters = column_letters(column - 1).encode()
    longer = b"[A-Z]{%d,}" % (len(letters) + 1)
    same = [
        letters[:i] + b"[%c-Z]" % (letter + 1) + b"[A-Z]" * (len(letters) - i - 1) for i, letter in enumerate(letters) if letter != ord("Z")
    ]
    return b"(?:" + b"|".join([longer, *same]) + b")"


def too_many(what: str, sheet: str) -> Unreadable:
    """The error for a sheet holding more cells or rows than any return needs."""
    return Unreadable(
        f"sheet {sheet} holds more than {MAX_CELLS:,} cells or {MAX_ROWS:,} rows, more than any return needs ({what}): "
        "delete the rows and columns beyond the data and save again"
    )


class XlsxCells:
    """The last row and column of an .xlsx sheet's cells, fed its XML in pieces (:func:`readiness.inputs.bounds.xml_pieces`).

    A cell's position is its ``r`` reference (the last, when an attribute is repeated; letters in any case;
    either quote), or for a cell without one, the column after the cell before it in its row; a row without
    ``r`` follows the row before it. Where calamine's placement and this one could differ (a reference
    disagreeing with its row), this one is never less far.
    """

    def __init__(self, sheet: str) -> None:
        self.sheet = sheet
        self.rows = self.columns = 0  # the extent so far, 1-based
        self.row = self.column = 0  # the current row and the last column used in it
        self.cells = self.row_count = 0

    def feed(self, piece: bytes) -> None:
        """Take the cells and rows of one piece: by counting when it is written as Excel writes it and lies within
        the extent found so far (:meth:`within`), else as Excel writes them (every cell ``<c r="AB12"``, no other
        ``r=``, no space before an ``=``, no namespace prefix) by light patterns, otherwise tag by tag (text that
        looks otherwise only costs time)."""
        if self.within(piece):
            return
        columns = PLAIN_COLUMN.findall(piece)
        cells = len(CELL_START.findall(piece))
        plain = len(columns) == cells and len(R_ATTRIBUTE.findall(piece)) == cells + (rows := len(PLAIN_ROW.findall(piece)))
        if not plain or PREFIXED.search(piece) or SPACED_EQUALS.search(piece):
            cells, all_rows, plain = len(ANY_CELL.findall(piece)), len(ANY_ROW.findall(piece)), False
        else:
            all_rows = piece.count(b"<row")
        self.count(cells, all_rows)
        if plain:
            self.plain(columns, PLAIN_CELL_ROW.findall(piece), PLAIN_ROW.findall(piece), all_rows - rows)
        elif cells or all_rows:
            self.tag_by_tag(piece, cells)

    def count(self, cells: int, rows: int) -> None:
        """Add a piece's cells and rows to the sheet's, refusing the sheet once they are more than any return needs."""
        self.cells += cells
        self.row_count += rows
        if self.cells > MAX_CELLS or self.row_count > MAX_ROWS:
            raise too_many(f"{self.cells:,} cells in {self.row_count:,} rows so far", self.sheet)

    def within(self, piece: bytes) -> bool:
        """Count the piece's cells and rows, and place them no further than the columns found so far and its last
        row's number, when every cell and row is written ``<c r="AB12"`` and ``<row r="12"`` with no other ``r=``
        and no cell or row reaches further (one search of the piece; ``False``, and nothing taken, otherwise)."""
        cells, rows = piece.count(b'<c r="'), piece.count(b'<row r="')
        if not self.columns or piece.count(b"<c") != cells or piece.count(b"<row") != rows or piece.count(b"r=") != cells + rows:
            return False
        last = piece.rfind(b'<row r="')
        last_row = int(PLAIN_ROW.match(piece, last).group(1)) if rows and PLAIN_ROW.match(piece, last) else self.row
        if PREFIXED.search(piece) or SPACED_EQUALS.search(piece) or beyond(last_row, self.columns).search(piece):
            return False
        self.count(cells, rows)
        self.rows = self.row = max(self.rows, last_row)
        self.column = self.columns if cells else 0
        return True

    def plain(self, columns: list[bytes], cell_rows: list[bytes], row_numbers: list[bytes], unnumbered_rows: int) -> None:
        """Every cell of the piece carries its reference as Excel writes it (``unnumbered_rows``: rows without ``r``,
        counted after the last numbered one, so that a row without ``r`` in a later piece is never placed too near)."""
        last_column = max(map(column_number, set(columns)), default=0)
        last_row = max(map(int, set(cell_rows) | set(row_numbers)), default=0)
        self.columns, self.rows = max(self.columns, last_column), max(self.rows, last_row)
        self.row = max(self.row, last_row) + max(unnumbered_rows, 0)
        self.column = max(self.column, last_column) if columns else 0

    def tag_by_tag(self, piece: bytes, cells: int) -> None:
        """Cells and rows placed one at a time, as calamine places them."""
        seen = 0
        for match in TAG.finditer(piece):
            references = [a or b for a, b in R_VALUES.findall(match.group(2))]
            if match.group(1) == b"row":
                self.row = max(map(self.row_number, references)) if references else self.row + 1
                self.column = 0
                continue
            seen += 1
            if references:
                places = [self.reference(value) for value in references]
                row, self.column = max(p[0] for p in places), max(p[1] for p in places)
                self.row = max(self.row, row)
            else:
                row, self.column = max(self.row, 1), self.column + 1
            self.rows, self.columns = max(self.rows, row), max(self.columns, self.column)
        if seen != cells:
            raise Unreadable(f"sheet {self.sheet} cannot be read: its XML is damaged (a cell's markup is malformed)")

    def row_number(self, value: bytes) -> int:
        """A row's ``r``: its 1-based number."""
        if not value.isdigit() or len(value) > 10:
            raise Unreadable(f"sheet {self.sheet} cannot be read: a row is numbered {value[:20].decode('latin-1')!r}")
        return int(value)

    def reference(self, value: bytes) -> tuple[int, int]:
        """A cell's ``r`` (``AB12``, any case): its 1-based row and column."""
        found = REFERENCE.fullmatch(value)
        if found is None:
            raise Unreadable(f"sheet {self.sheet} cannot be read: a cell reference {value[:20].decode('latin-1')!r} is no cell")
        return int(found.group(2)), column_number(found.group(1))
