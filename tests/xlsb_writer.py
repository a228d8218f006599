"""A minimal Excel binary workbook (.xlsb, BIFF12) writer, for tests only: PyPI has no .xlsb writer.

It writes what a reader needs and nothing more ([MS-XLSB]): the package parts, a workbook
part listing the sheets (with their hidden state), and one part per sheet holding rows of
inline-string (BrtCellSt), number (BrtCellReal) and blank cells. There are no styles, so a
date is written as ``dd/mm/yyyy`` text (the readers accept dates so written). Every record is
a variable-length type and size followed by its payload.
"""

from __future__ import annotations

import datetime as dt
import struct
import zipfile
from pathlib import Path

BEGIN_BOOK, END_BOOK, BEGIN_SHEETS, END_SHEETS, SHEET = 0x83, 0x84, 0x8F, 0x90, 0x9C
BEGIN_SHEET, END_SHEET, DIMENSION, BEGIN_DATA, END_DATA = 0x81, 0x82, 0x94, 0x91, 0x92
ROW, CELL_NUMBER, CELL_TEXT = 0x00, 0x05, 0x06
BIN_TYPE = "application/vnd.ms-excel.{}"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/{}"


def varint(value: int) -> bytes:
    """A BIFF12 variable-length integer: 7 bits a byte, the high bit set on all but the last."""
    out = bytearray()
    while True:
        byte, value = value & 0x7F, value >> 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def record(kind: int, payload: bytes = b"") -> bytes:
    return varint(kind) + varint(len(payload)) + payload


def wide(text: str) -> bytes:
    """An XLWideString: its length in UTF-16 units, then UTF-16LE."""
    data = text.encode("utf-16-le")
    return struct.pack("<I", len(data) // 2) + data


def cell(column: int, value) -> bytes:
    """One cell record; ``None`` and ``""`` write nothing, as a blank cell in Excel."""
    if isinstance(value, (dt.date, dt.datetime)):
        value = value.strftime("%d/%m/%Y")
    if isinstance(value, bool) or value is None or value == "":
        return b"" if value in (None, "") else record(CELL_TEXT, struct.pack("<II", column, 0) + wide(str(value)))
    if isinstance(value, (int, float)):
        return record(CELL_NUMBER, struct.pack("<IId", column, 0, float(value)))
    return record(CELL_TEXT, struct.pack("<II", column, 0) + wide(str(value)))


def sheet_part(rows: list[list] | dict[int, list]) -> bytes:
    """A worksheet part; ``rows`` is a list of rows from row 1, or ``{0-based row number: row}`` for sparse sheets."""
    numbered = rows if isinstance(rows, dict) else dict(enumerate(rows))
    width = max((len(r) for r in numbered.values()), default=1)
    last = max(numbered, default=0)
    parts = [record(BEGIN_SHEET), record(DIMENSION, struct.pack("<IIII", 0, last, 0, width - 1))]
    parts.append(record(BEGIN_DATA))
    for number, row in sorted(numbered.items()):
        parts.append(record(ROW, struct.pack("<IIHBBBI", number, 0, 300, 0, 0, 0, 0)))
        parts += [cell(column, value) for column, value in enumerate(row)]
    parts += [record(END_DATA), record(END_SHEET)]
    return b"".join(parts)


def write_xlsb(path: Path, sheets: dict[str, list[list] | dict[int, list]], hidden: frozenset[str] = frozenset()) -> Path:
    """Write ``{sheet name: rows}`` (in order) as an .xlsb workbook; sheets in ``hidden`` are hidden."""
    names = list(sheets)
    book = [record(BEGIN_BOOK), record(BEGIN_SHEETS)]
    for number, name in enumerate(names, start=1):
        state = 1 if name in hidden else 0
        book.append(record(SHEET, struct.pack("<II", state, number) + wide(f"rId{number}") + wide(name)))
    book += [record(END_SHEETS), record(END_BOOK)]
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{n}.bin" ContentType="{BIN_TYPE.format("worksheet")}"/>' for n in range(1, len(names) + 1)
    )
    types = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        f'<Override PartName="/xl/workbook.bin" ContentType="{BIN_TYPE.format("sheet.binary.macroEnabled.main")}"/>'
        f"{overrides}</Types>"
    )
    package_rels = relationships([("rId1", REL.format("officeDocument"), "xl/workbook.bin")])
    book_rels = relationships([(f"rId{n}", REL.format("worksheet"), f"worksheets/sheet{n}.bin") for n in range(1, len(names) + 1)])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("_rels/.rels", package_rels)
        archive.writestr("xl/workbook.bin", b"".join(book))
        archive.writestr("xl/_rels/workbook.bin.rels", book_rels)
        for number, name in enumerate(names, start=1):
            archive.writestr(f"xl/worksheets/sheet{number}.bin", sheet_part(sheets[name]))
    return path


def relationships(items: list[tuple[str, str, str]]) -> str:
    body = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{target}"/>' for i, t, target in items)
    return f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{body}</Relationships>'
