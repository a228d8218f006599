"""Input files judged by their content and opened only when reading them is bounded.

A workbook is recognised by its first bytes and, for the zip-based formats, by its members:
``.xlsx``/``.xlsm`` (``xl/workbook.xml``), ``.xlsb`` (``xl/workbook.bin``), ``.ods``
(``content.xml``) and legacy ``.xls`` (an OLE2 compound file), whatever its extension says.

python-calamine allocates a sheet as one rectangle from its first to its last cell, so a
single stray cell at XFD1048576 asks for 512 GiB and aborts the process. Before calamine
loads a sheet, :func:`sheet_extent` therefore finds the sheet's real extent from its XML or
binary records (streamed from the raw bytes by :mod:`.bounds`, so memory stays bounded) and
:func:`check_extent` refuses a sheet beyond :data:`MAX_ROWS`, :data:`MAX_COLUMNS` or
:data:`MAX_CELLS`. Legacy ``.xls`` sheets are bounded by the format itself (65,536 rows, 256
columns) and checked once loaded.
"""

from __future__ import annotations

import io
import os
import stat
import struct
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, Iterator

from .bounds import (
    CHUNK,
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_ROWS,
    MAX_SHEET_BYTES,
    MAX_TEXT_RUN,
    ChunkStream,
    Unreadable,
    column_letters,
    column_number,
    counted_ods_pieces,
    member_chunks,
    xml_pieces,
)
from .xlsx_cells import XlsxCells

__all__ = ["MAX_CELLS", "MAX_COLUMNS", "MAX_ROWS", "Unreadable", "column_letters", "column_number"]  # re-exported for the readers
MAX_FILE_BYTES = 512 * 2**20  # a three-year return is ~30 MB as .xlsx, ~60 MB as CSV
PASSWORD_PROTECTED = "workbook is password-protected (encrypted): save a copy without a password and name that"
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods")
NOT_A_WORKBOOK = "cannot be read as an Excel workbook: its content is no .xlsx, .xlsm, .xlsb, .xls or .ods workbook, whatever its name says"

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
ENCRYPTED_MEMBER = "EncryptedPackage".encode("utf-16-le")  # an encrypted .xlsx is an OLE2 file holding this
REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
ODS_NS = {"table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0", "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0"}
XLSB_CELL_RECORDS = frozenset(range(1, 19))  # BrtCellBlank ... BrtShortIsst: each starts with its column
XLSB_ROW, XLSB_BUNDLE_SHEET, XLSB_END_SHEET_DATA = 0x00, 0x9C, 0x92


@dataclass(frozen=True)
class Extent:
    """How far a sheet's cells reach: its last row and column, 1-based as Excel numbers them."""

    rows: int
    columns: int

    def describe(self) -> str:
        """``row 1048576, column XFD (1,048,576 rows x 16,384 columns)``."""
        return f"row {self.rows}, column {column_letters(self.columns - 1)} ({self.rows:,} rows x {self.columns:,} columns)"


# --- the file itself ----------------------------------------------------------------


def check_regular_file(path: Path, limit: int = MAX_FILE_BYTES) -> int:
    """The size of ``path``, refused before opening when it is a folder, a device, a pipe, empty or too big."""
    try:
        mode = os.stat(path)
    except OSError as exc:
        raise Unreadable(f"cannot be opened ({exc.strerror})") from None
    if stat.S_ISDIR(mode.st_mode):
        raise Unreadable("is a folder, not a file")
    if not stat.S_ISREG(mode.st_mode):
        raise Unreadable("is not a regular file (a device, pipe or socket): name the data file itself")
    if mode.st_size == 0:
        raise Unreadable("file is empty")
    if mode.st_size > limit:
        raise Unreadable(f"file is {mode.st_size / 2**20:,.0f} MB, more than any return needs (at most {limit // 2**20} MB)")
    return mode.st_size


def workbook_format(path: Path) -> str | None:
    """``xlsx``, ``xlsb``, ``ods`` or ``xls`` from the file's content; ``None`` when it is no workbook.

    The file must already have passed :func:`check_regular_file`.
    """
    with open(path, "rb") as file:
        head = file.read(8)
        if head == OLE2_MAGIC:
            if holds_bytes(file, ENCRYPTED_MEMBER):
                raise Unreadable(PASSWORD_PROTECTED)
            return "xls"
    if head.startswith(ZIP_MAGIC):
        return zip_format(path)
    return None


def holds_bytes(file: IO[bytes], needle: bytes) -> bool:
    """Whether ``needle`` occurs anywhere in ``file`` (read in chunks)."""
    file.seek(0)
    tail = b""
    while chunk := file.read(CHUNK):
        if needle in tail + chunk:
            return True
        tail = chunk[-len(needle) :]
    return False


def zip_format(path: Path) -> str | None:
    """The workbook format of a zip file by its members, ``None`` for any other zip (a .docx)."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise Unreadable(
            "cannot be read as an Excel workbook: it is a damaged zip file (truncated or corrupt); save it again from Excel"
        ) from None
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "xl/workbook.bin" in names:
        return "xlsb"
    if "content.xml" in names:
        return "ods"
    return None


# --- how far a sheet reaches, before calamine loads it ---------------------------------


def sheet_extent(path: Path, kind: str, sheet: str) -> Extent | None:
    """The extent of ``sheet`` read from the file's own structure; ``None`` for ``.xls`` (bounded by the
    format) and ``.ods`` (checked whole by :func:`check_ods_extents` before it is opened)."""
    if kind not in ("xlsx", "xlsb"):
        return None
    try:
        with zipfile.ZipFile(path) as archive:
            if kind == "xlsx":
                return xlsx_extent(path, archive.getinfo(ooxml_sheet_part(archive, sheet, "xl/workbook.xml")), sheet)
            return xlsb_extent(path, archive.getinfo(ooxml_sheet_part(archive, sheet, "xl/workbook.bin")))
    except (zipfile.BadZipFile, KeyError, StopIteration, ET.ParseError, struct.error, OSError, ValueError, EOFError) as exc:
        raise Unreadable(f"cannot be read as a workbook: sheet {sheet} is damaged ({type(exc).__name__})") from None


def sheet_sizes(path: Path) -> dict[str, int]:
    """Each sheet of an .xlsx or .xlsb and the bytes its part declares unpacked (empty for any other file): roughly how
    long reading it takes, to share the reading out (never trusted for anything else)."""
    try:
        with zipfile.ZipFile(path) as archive:
            workbook = "xl/workbook.xml" if "xl/workbook.xml" in archive.namelist() else "xl/workbook.bin"
            sheets = (xlsx_sheet_ids if workbook.endswith(".xml") else xlsb_sheet_ids)(archive.read(workbook))
            return {sheet: archive.getinfo(ooxml_sheet_part(archive, sheet, workbook)).file_size for sheet in sheets}
    except (zipfile.BadZipFile, KeyError, StopIteration, ET.ParseError, struct.error, OSError, ValueError, EOFError):
        return {}


def check_ods_extents(path: Path) -> None:
    """Refuse an .ods any of whose sheets reaches too far: calamine loads every .ods sheet when it opens one."""
    try:
        extents = ods_extents(path)
    except (zipfile.BadZipFile, KeyError, ET.ParseError, OSError, ValueError, EOFError) as exc:
        raise Unreadable(f"cannot be read as an .ods workbook: its content is damaged ({type(exc).__name__})") from None
    for sheet, extent in extents.items():
        check_extent(sheet, extent)


def check_extent(sheet: str, extent: Extent | None) -> None:
    """Refuse a sheet reaching beyond what any return needs, saying how to fix it."""
    if extent is None:
        return
    if extent.rows > MAX_ROWS or extent.columns > MAX_COLUMNS or extent.rows * extent.columns > MAX_CELLS:
        raise Unreadable(
            f"sheet {sheet} has cells up to {extent.describe()}, more than any return needs "
            f"(at most {MAX_ROWS:,} rows, {MAX_COLUMNS} columns, {MAX_CELLS:,} cells): "
            "delete the rows and columns beyond the data (a stray cell far below or to the right?) and save again"
        )


def ooxml_sheet_part(archive: zipfile.ZipFile, sheet: str, workbook_part: str) -> str:
    """The zip member holding ``sheet`` of an .xlsx or .xlsb workbook, via the workbook's relationships."""
    rel_id = (xlsx_sheet_ids if workbook_part.endswith(".xml") else xlsb_sheet_ids)(archive.read(workbook_part))[sheet]
    folder = PurePosixPath(workbook_part).parent
    rels = ET.fromstring(archive.read(f"{folder}/_rels/{PurePosixPath(workbook_part).name}.rels"))
    target = next(r.get("Target") for r in rels.iter(f"{PKG_REL_NS}Relationship") if r.get("Id") == rel_id)
    return target.lstrip("/") if target.startswith("/") else os.path.normpath(f"{folder}/{target}").replace(os.sep, "/")


def xlsx_sheet_ids(workbook: bytes) -> dict[str, str]:
    """Sheet name → relationship id, from ``xl/workbook.xml``."""
    root = ET.fromstring(workbook)
    return {s.get("name"): s.get(f"{REL_NS}id") for s in root.iter() if s.tag.endswith("}sheet") or s.tag == "sheet"}


def xlsx_extent(path: Path, info: zipfile.ZipInfo, sheet: str) -> Extent:
    """The last row and column holding a cell in an .xlsx sheet, as calamine would place its cells."""
    cells = XlsxCells(sheet)
    what = f"sheet {sheet}"
    for piece in xml_pieces(member_chunks(path, info, MAX_SHEET_BYTES, what), what):
        cells.feed(piece)
    return Extent(cells.rows, cells.columns)


def xlsb_records(data: IO[bytes]) -> Iterator[tuple[int, bytes]]:
    """(record type, payload) of a BIFF12 stream: type and size are 7-bit variable-length integers."""
    while True:
        kind = read_varint(data, 2)
        if kind is None:
            return
        size = read_varint(data, 4)
        if size is not None and size > MAX_TEXT_RUN:
            raise Unreadable(f"holds a record of {size:,} bytes, more than any cell needs: is it a real export?")
        payload = data.read(size or 0)
        if size is None or len(payload) != size:
            raise EOFError("record cut short")
        yield kind, payload


def read_varint(data: IO[bytes], most: int) -> int | None:
    """A BIFF12 variable-length integer of at most ``most`` bytes; ``None`` at the end of the stream."""
    value = 0
    for position in range(most):
        byte = data.read(1)
        if not byte:
            if position:
                raise EOFError("record header cut short")
            return None
        value |= (byte[0] & 0x7F) << (7 * position)
        if not byte[0] & 0x80:
            break
    return value


def xlsb_sheet_ids(workbook: bytes) -> dict[str, str]:
    """Sheet name → relationship id, from the BrtBundleSh records of ``xl/workbook.bin``."""
    ids = {}
    for kind, payload in xlsb_records(io.BytesIO(workbook)):
        if kind == XLSB_BUNDLE_SHEET:
            rel_id, offset = wide_string(payload, 8)
            name, _ = wide_string(payload, offset)
            ids[name] = rel_id
    return ids


def wide_string(payload: bytes, offset: int) -> tuple[str, int]:
    """A BIFF12 XLWideString at ``offset`` (character count, then UTF-16) and the offset after it."""
    (count,) = struct.unpack_from("<I", payload, offset)
    count = 0 if count == 0xFFFFFFFF else count  # XLNullableWideString: null
    end = offset + 4 + 2 * count
    return payload[offset + 4 : end].decode("utf-16-le"), end


def xlsb_extent(path: Path, info: zipfile.ZipInfo) -> Extent:
    """The last row and column holding a cell in an .xlsb sheet, from its row headers and cell records."""
    rows = columns = 0
    row = -1
    with io.BufferedReader(ChunkStream(member_chunks(path, info, MAX_SHEET_BYTES, "sheet data")), CHUNK) as stream:
        for kind, payload in xlsb_records(stream):
            if kind == XLSB_ROW:
                (row,) = struct.unpack_from("<I", payload)
            elif kind in XLSB_CELL_RECORDS:
                (column,) = struct.unpack_from("<I", payload)
                rows, columns = max(rows, row + 1), max(columns, column + 1)
            elif kind == XLSB_END_SHEET_DATA:
                break
    return Extent(rows, columns)


def ods_extents(path: Path) -> dict[str, Extent]:
    """Every .ods sheet's last row and column holding a value, counting repeated rows and cells.

    ``content.xml`` is counted first (:func:`.bounds.counted_ods_pieces`: a file of too many elements is refused
    before any is parsed), then parsed as a stream, each element dropped once it ends, so memory stays small.
    """
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("content.xml")
    for _ in counted_ods_pieces(path, info):
        pass
    table, row_tag, cell, covered = (ods_name(t) for t in ("table", "table-row", "table-cell", "covered-table-cell"))
    value_type, repeat_columns, repeat_rows = (
        f"{{{ODS_NS['office']}}}value-type",
        ods_name("number-columns-repeated"),
        ods_name("number-rows-repeated"),
    )
    extents: dict[str, Extent] = {}
    name = None
    open_elements: list[list] = []  # from the root down: [element, whether a child has started in it]
    parser = ET.XMLPullParser(events=("start", "end"))
    for piece in counted_ods_pieces(path, info):
        parser.feed(piece)
        for event, element in parser.read_events():
            if event == "start":
                if open_elements:
                    open_elements[-1][1] = True
                open_elements.append([element, False])
                if element.tag == table:
                    name, rows, columns, row = element.get(ods_name("name")), 0, 0, 0
                elif element.tag == row_tag:
                    column, repeated = 0, int(element.get(repeat_rows, 1))
                continue
            holds_child = open_elements.pop()[1]
            if open_elements:
                open_elements[-1][0].remove(element)
            if name is None:
                continue
            if element.tag == table:
                extents[name], name = Extent(rows, columns), None
            elif element.tag == row_tag:
                row += repeated
            elif element.tag in (cell, covered):
                column += int(element.get(repeat_columns, 1))
                if element.get(value_type) or holds_child:
                    rows, columns = max(rows, row + repeated), max(columns, column)
    parser.close()
    return extents


def ods_name(local: str) -> str:
    """An element or attribute name in the OpenDocument table namespace."""
    return f"{{{ODS_NS['table']}}}{local}"
