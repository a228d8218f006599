"""Small hostile files (inputs.md section 4, issue 21): each ends with exit status 2 and one plain line,
within 30 seconds, in under 1.5 GB, refused from its raw bytes before any reader allocates for it.

Each file is built here, small (a zip bomb compresses well), and named to ``readiness validate`` in a
process of its own (forked ready to run: ``tests/forked.py``), which reports its own processor time and peak
memory (``ru_maxrss``), so an abort, a hang or a memory spike fails the test instead of the run.
"""

from __future__ import annotations

import re
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path
from typing import Iterable, Iterator

import forked
import pytest
from ods_writer import MANIFEST, MIMETYPE, NAMESPACES
from test_bounded_reading import CONTACT_HEADINGS, assert_plain_exit_2, hostile_arguments

from readiness.inputs.bounds import MAX_COLUMNS, MAX_SHARED_STRINGS, MAX_TEXT_RUN
from readiness.inputs.xlsx_cells import XlsxCells, digits_above, letters_above

SECONDS = 30
PEAK_BYTES = 1.5e9
WORKBOOK_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    ),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="List 1" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        "</Relationships>"
    ),
}
MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
HEADING_ROW = (
    '<row r="1">'
    + "".join(f'<c r="{chr(65 + i)}1" t="inlineStr"><is><t>{h}</t></is></c>' for i, h in enumerate(CONTACT_HEADINGS))
    + "</row>"
)


def run_measured(tmp_path: Path, **data) -> tuple[subprocess.CompletedProcess, float, float]:
    """``readiness validate`` naming ``data`` in a process of its own: its result, its processor seconds (the
    machine's load aside; a hang is caught by the timeout) and its peak bytes."""
    ran = forked.run(hostile_arguments(tmp_path, "validate", **data), tmp_path, timeout=10 * SECONDS)
    return ran.result, ran.seconds, ran.peak


def assert_refused(tmp_path: Path, *words: str, **data) -> None:
    """Exit status 2 with the words on one plain line, within :data:`SECONDS`, in under :data:`PEAK_BYTES`."""
    result, seconds, peak = run_measured(tmp_path, **data)
    assert_plain_exit_2(result, *words)
    assert seconds < SECONDS, f"took {seconds:.1f} s of processor time"
    if sys.platform.startswith("linux"):
        assert peak < PEAK_BYTES, f"peaked at {peak / 1e6:,.0f} MB"


def write_xlsx(path: Path, sheet_xml: Iterable[str], shared: Iterable[str] = ()) -> Path:
    """A minimal .xlsx whose sheet ``List 1`` is ``sheet_xml`` (pieces of ``sheetData``'s content) and whose
    shared strings are ``shared`` (pieces of ``sst``'s content), both streamed into the zip."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, text in WORKBOOK_PARTS.items():
            archive.writestr(name, text)
        for name, head, body, tail in (
            ("xl/worksheets/sheet1.xml", f'<?xml version="1.0"?><worksheet {MAIN}><sheetData>', sheet_xml, "</sheetData></worksheet>"),
            ("xl/sharedStrings.xml", f'<?xml version="1.0"?><sst {MAIN}>', shared, "</sst>"),
        ):
            with archive.open(name, "w", force_zip64=True) as part:
                part.write(head.encode())
                for piece in body:
                    part.write(piece.encode())
                part.write(tail.encode())
    return path


def repeated(text: str, times: int, batch: int = 100_000) -> Iterator[str]:
    """``text`` ``times`` times over, in batches (so nothing large is held)."""
    for start in range(0, times, batch):
        yield text * min(batch, times - start)


# --- a far cell the extent check must see, however the cell is written -------------------------

FAR_CELLS = {
    "cells without r": '<row r="1048576">' + "<c/>" * 16383 + '<c t="inlineStr"><is><t>x</t></is></c></row>',
    "a lower-case reference": '<row r="2"><c r="xfd1048576" t="inlineStr"><is><t>x</t></is></c></row>',
    "single-quoted attributes": "<row r='2'><c r='XFD1048576' t='inlineStr'><is><t>x</t></is></c></row>",
    "a repeated r (calamine reads the last)": '<row r="2"><c r="A2" r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>',
    "a > inside an attribute": '<row r="2"><c s=">" r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>',
    "spaces around =": '<row r="2"><c r = "XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>',
    "a tab before r": '<row r="2"><c\tr="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>',
    "a line break before =": '<row r="2"><c r\n="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>',
}


@pytest.mark.parametrize("case", FAR_CELLS)
def test_a_far_cell_written_any_way_is_refused_before_reading(tmp_path, case):
    workbook = write_xlsx(tmp_path / "annex_a.xlsx", [HEADING_ROW, FAR_CELLS[case]])
    assert workbook.stat().st_size < 200_000
    assert_refused(tmp_path, "annex_a.xlsx", "sheet List 1", "row 1048576, column XFD", "delete the rows and columns", annex_a=workbook)


def test_a_million_rows_without_r_are_refused_before_reading(tmp_path):
    far = "<row/>" * 1048574 + "<row>" + "<c/>" * 16383 + '<c t="inlineStr"><is><t>x</t></is></c></row>'
    workbook = write_xlsx(tmp_path / "annex_a.xlsx", [HEADING_ROW, far])
    assert_refused(tmp_path, "annex_a.xlsx", "sheet List 1", "more than 10,000,000 cells or 300,000 rows", annex_a=workbook)


def test_a_namespace_prefix_does_not_hide_a_cell():
    cells = XlsxCells("List 1")  # the same placement rules with a prefix on every element
    cells.feed(b'<x:row r="3"><x:c r="E30" t="inlineStr"><x:is><x:t>x</x:t></x:is></x:c><x:c/></x:row>')
    assert (cells.rows, cells.columns) == (30, 6)  # E30, then the cell after it (F)


def test_cells_are_placed_as_calamine_places_them():
    # row 3: A3 given, then two cells without r (B3, C3); an unnumbered row (4) with one cell (A4); an empty row 9
    cells = XlsxCells("List 1")
    cells.feed(b'<row r="3"><c r="A3"/><c/><c/></row><row><c/></row><row r="9"/>')
    assert (cells.rows, cells.columns) == (4, 3)


def test_a_sheet_as_excel_writes_it_is_placed_by_the_light_patterns_its_page_margins_too(monkeypatch):
    # every cell and row carries its r as Excel writes it; the margins' header= and footer= end in "r=" but are no r
    monkeypatch.setattr(XlsxCells, "tag_by_tag", lambda *args: pytest.fail("placed tag by tag"))
    cells = XlsxCells("List 1")
    cells.feed(
        b'<row r="1"><c r="A1" t="n"><v>1</v></c><c r="C1" t="n"><v>2</v></c></row><row r="2"><c r="B2" t="n"><v>3</v></c></row>'
        b'</sheetData><pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/>'
    )
    assert (cells.rows, cells.columns) == (2, 3)


PLAIN_FAR_CELLS = {
    "a reference past the columns": '<row r="2"><c r="XFD1048576" t="n"><v>1</v></c></row>',
    "a reference below the last row": '<row r="2"><c r="A1048576" t="n"><v>1</v></c></row><row r="3"><c r="XFD3" t="n"><v>1</v></c></row>',
    "rows out of order": '<row r="1048576"><c r="A1048576" t="n"><v>1</v></c></row><row r="3"><c r="XFD3" t="n"><v>1</v></c></row>',
    "leading zeros": '<row r="2"><c r="XFD01048576" t="n"><v>1</v></c></row>',
}


@pytest.mark.parametrize("case", {**FAR_CELLS, **PLAIN_FAR_CELLS})
def test_a_far_cell_after_the_first_piece_is_placed_however_it_is_written(case):
    cells = XlsxCells("List 1")
    cells.feed(HEADING_ROW.encode())  # the columns found so far: A to G
    cells.feed({**FAR_CELLS, **PLAIN_FAR_CELLS}[case].encode())
    assert (cells.rows, cells.columns) == (1048576, 16384)


def test_a_piece_within_the_columns_found_so_far_is_counted_not_placed(monkeypatch):
    cells = XlsxCells("List 1")
    cells.feed(HEADING_ROW.encode())
    for way in ("plain", "tag_by_tag"):
        monkeypatch.setattr(XlsxCells, way, lambda *args: pytest.fail("placed"))
    cells.feed(b'<row r="2"><c r="A2" t="n"><v>1</v></c><c r="G2" t="n"><v>2</v></c></row><row r="7"><c r="B7" t="n"><v>3</v></c></row>')
    assert (cells.rows, cells.columns, cells.cells, cells.row_count) == (7, 7, 7 + 3, 1 + 2)


@pytest.mark.parametrize(
    "number, above, not_above",
    [(150001, ["150002", "150010", "151000", "999999", "1000000"], ["150001", "150000", "99999", "9"]), (9, ["10", "11"], ["9", "1"])],
)
def test_digits_above_a_number_are_the_greater_numbers(number, above, not_above):
    pattern = re.compile(digits_above(number))
    assert all(pattern.fullmatch(text.encode()) for text in above)
    assert not any(pattern.fullmatch(text.encode()) for text in not_above)


@pytest.mark.parametrize(
    "column, above, not_above", [(7, ["H", "Z", "AA", "XFD"], ["G", "A"]), (28, ["AC", "AZ", "BA", "AAA"], ["AB", "AA", "Z"])]
)
def test_letters_above_a_column_are_the_later_columns(column, above, not_above):
    pattern = re.compile(letters_above(column))
    assert all(pattern.fullmatch(text.encode()) for text in above)
    assert not any(pattern.fullmatch(text.encode()) for text in not_above)


# --- shared strings, cells and elements by the million -------------------------------------------


def test_shared_strings_that_unpack_to_gigabytes_are_refused(tmp_path):
    text = "<si><t>" + "x" * 1000 + "</t></si>"  # 1 KB each: 300,000 of them are 300 MB unpacked
    workbook = write_xlsx(tmp_path / "annex_a.xlsx", [HEADING_ROW], repeated(text, 300_000, 1000))
    assert workbook.stat().st_size < 2_000_000
    assert_refused(tmp_path, "annex_a.xlsx", "shared text", "over 256 MB once unpacked", annex_a=workbook)


def test_millions_of_shared_strings_are_refused(tmp_path):
    workbook = write_xlsx(tmp_path / "annex_a.xlsx", [HEADING_ROW], repeated("<si/>", MAX_SHARED_STRINGS + 1))
    assert_refused(tmp_path, "annex_a.xlsx", "shared text", f"more than {MAX_SHARED_STRINGS:,} texts", annex_a=workbook)


@pytest.mark.parametrize("where", ["sheet", "shared strings"])
def test_one_huge_text_cell_is_refused(tmp_path, where):
    huge = "x" * (64 * MAX_TEXT_RUN)  # 64 MB in one cell; Excel holds at most 32,767 characters
    if where == "sheet":
        workbook = write_xlsx(
            tmp_path / "annex_a.xlsx", [HEADING_ROW, f'<row r="2"><c r="A2" t="inlineStr"><is><t>{huge}</t></is></c></row>']
        )
    else:
        workbook = write_xlsx(
            tmp_path / "annex_a.xlsx", [HEADING_ROW, '<row r="2"><c r="A2" t="s"><v>0</v></c></row>'], [f"<si><t>{huge}</t></si>"]
        )
    assert workbook.stat().st_size < 1_000_000
    assert_refused(tmp_path, "annex_a.xlsx", "more than 1 MB of text in one place", annex_a=workbook)


def deflated_repeats(head: bytes, piece: bytes, times: int, tail: bytes) -> tuple[bytes, int, int]:
    """``head + piece * times + tail`` deflated (raw, level 9), its CRC-32 and its length, ``piece`` deflated once:
    after a full flush the compressor has forgotten all before it, so every repeat of ``piece`` deflates alike."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    start, once = (compressor.compress(part) + compressor.flush(zlib.Z_FULL_FLUSH) for part in (head, piece))
    crc = zlib.crc32(head)
    for _ in range(times):
        crc = zlib.crc32(piece, crc)
    data = start + once * times + compressor.compress(tail) + compressor.flush()
    return data, zlib.crc32(tail, crc), len(head) + len(piece) * times + len(tail)


def stored(name: str, text: str) -> tuple[str, int, bytes, int, int]:
    """A zip entry of :func:`write_zip` holding ``text`` as it is."""
    data = text.encode()
    return name, zipfile.ZIP_STORED, data, zlib.crc32(data), len(data)


def write_zip(path: Path, entries: list[tuple[str, int, bytes, int, int]]) -> Path:
    """A zip of ``(name, method, data as stored, CRC-32, length)`` entries: zipfile writes none it has not compressed."""
    local, central = bytearray(), bytearray()
    for name, method, data, crc, length in entries:
        header = struct.pack("<HHHHHIIIHH", 20, 0, method, 0, 0x21, crc, len(data), length, len(name.encode()), 0)
        central += b"PK\x01\x02" + struct.pack("<H", 20) + header + struct.pack("<HHHII", 0, 0, 0, 0, len(local)) + name.encode()
        local += b"PK\x03\x04" + header + name.encode() + data
    path.write_bytes(
        local + central + b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, len(entries), len(entries), len(central), len(local), 0)
    )
    return path


def test_an_ods_of_forty_million_empty_elements_is_refused(tmp_path):
    content = deflated_repeats(
        f'<?xml version="1.0"?><office:document-content {NAMESPACES}><office:body><office:spreadsheet>'
        '<table:table table:name="List 1"><table:table-row>'.encode(),
        b"<table:table-cell/>" * 1_000_000,
        40,
        b"</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>",
    )
    entries = [stored("mimetype", MIMETYPE), stored("META-INF/manifest.xml", MANIFEST), ("content.xml", zipfile.ZIP_DEFLATED, *content)]
    path = write_zip(tmp_path / "annex_a.ods", entries)
    with zipfile.ZipFile(path) as archive, archive.open("content.xml") as opened:  # a zip as any other
        assert archive.namelist() == [name for name, *_ in entries] and archive.read("META-INF/manifest.xml") == MANIFEST.encode()
        assert archive.getinfo("content.xml").file_size > 40_000_000 * len("<table:table-cell/>")
        first = opened.read(1_000_000)  # the deflated data reads back (the rest as the command reads it)
        assert first.startswith(b'<?xml version="1.0"?>') and first.count(b"<table:table-cell/>") > 50_000
    assert path.stat().st_size < 2_000_000
    assert_refused(tmp_path, "annex_a.ods", "more than 10,000,000 elements", annex_a=path)


@pytest.mark.parametrize("key", ["annex_a", "case_audits"])
def test_a_csv_with_a_million_columns_is_refused(tmp_path, key):
    if key == "annex_a":
        (tmp_path / "annex").mkdir()
        path = tmp_path / "annex" / "List1.csv"
        headings = ",".join(CONTACT_HEADINGS)
    else:
        path = tmp_path / "case_audits.csv"
        headings = "audit_id,child_id,audit_date,team,worker_participated,grade"
    path.write_text(headings + ",x" * 1_000_000 + "\n", encoding="utf-8")
    assert_refused(tmp_path, path.name, "line 1 has", f"at most {MAX_COLUMNS} columns", **{key: path.parent if key == "annex_a" else path})
