"""Hostile and broken inputs: each stops with exit status 2 and plain lines, promptly, in bounded memory.

The command-line cases that could hang or exhaust memory (pipes, ``/dev/zero``, a far cell)
run ``readiness`` in a process of its own with a timeout (``tests/forked.py``), so a hang or an abort
fails the test instead of the run; the broken files run in-process too (fast), and in a process of
their own in the full run.
The reading rules (hidden sheets, mixed encodings, repeated headings, sheet extents) are
checked in-process on tiny hand-made files.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import forked
import openpyxl
import pytest
import xlwt
import yaml
from conftest import run_readiness
from ods_writer import MANIFEST, MIMETYPE, NAMESPACES
from test_readers import DISABILITY, LISTS, read, write_workbook
from test_readers import EXTRACTS as EXTRACT_TEXT
from xlsb_writer import write_xlsb

from readiness.inputs.annex_a_tables import ANNEX_A
from readiness.inputs.extract_tables import EXTRACTS
from readiness.inputs.tables import csv_text, read_csv, read_sheet
from readiness.inputs.workbooks import (
    MAX_COLUMNS,
    Extent,
    Unreadable,
    check_extent,
    column_letters,
    column_number,
    ods_extents,
    sheet_extent,
    workbook_format,
)

TIMEOUT = 90  # seconds: far more than any of these needs, far less than a hang
CONTACT_HEADINGS = LISTS[1][0]
CONTACT_ROW = LISTS[1][1][0]
ODS_CONTENT = (
    f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NAMESPACES} office:version="1.2">'
    '<office:body><office:spreadsheet><table:table table:name="List 1">{rows}</table:table>'
    "</office:spreadsheet></office:body></office:document-content>"
)
ODS_TEXT_CELL = '<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>'


def hostile_arguments(tmp_path: Path, command: str, **data) -> list[str]:
    """The arguments of ``readiness build|validate`` on a parameters file (written here) naming ``data``."""
    params = {
        "pack_id": "hostile",
        "la_name": "Testshire",
        "period_start": "2019-01-01",
        "period_end": "2019-05-31",
        "data": {key: str(value) for key, value in data.items()},
    }
    path = tmp_path / "hostile.yaml"
    path.write_text(yaml.safe_dump(params), encoding="utf-8")
    extra = ["--out", str(tmp_path / "out")] if command == "build" else []
    return [command, str(path), *extra]


def run_apart(tmp_path: Path, command: str, **data) -> forked.Ran:
    """``readiness build|validate`` on a parameters file naming ``data``, in a process of its own with a timeout."""
    return forked.run(hostile_arguments(tmp_path, command, **data), tmp_path, timeout=TIMEOUT)


def run(tmp_path: Path, command: str, **data) -> subprocess.CompletedProcess:
    """:func:`run_apart`'s exit status and output."""
    return run_apart(tmp_path, command, **data).result


def run_here(tmp_path: Path, command: str, **data) -> subprocess.CompletedProcess:
    """The same command run in this process: no start-up cost, but no timeout either."""
    return run_readiness(hostile_arguments(tmp_path, command, **data))


def assert_plain_exit_2(result: subprocess.CompletedProcess, *words: str) -> None:
    """Exit status 2, no traceback, and the words on one line of the output."""
    output = result.stdout + result.stderr
    assert result.returncode == 2, output
    assert "Traceback" not in output and "unexpected failure" not in output, output
    assert any(all(word in line for word in words) for line in output.splitlines()), output


def ods_file(path: Path, rows: str) -> Path:
    """A minimal OpenDocument spreadsheet with one sheet, ``List 1``, holding ``rows`` (table XML, so
    rows and cells can be repeated as LibreOffice repeats them)."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", MIMETYPE, compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", MANIFEST)
        archive.writestr("content.xml", ODS_CONTENT.format(rows=rows))
    return path


def far_xlsx(path: Path) -> Path:
    """A 5 KB workbook whose List 1 has its headings in row 1 and one stray cell at XFD1048576."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "List 1"
    sheet.append(CONTACT_HEADINGS)
    sheet["XFD1048576"] = "stray"
    book.save(path)
    return path


# --- far-reaching sheets ---------------------------------------------------------------


def test_a_stray_far_cell_is_refused_before_reading_in_bounded_memory(tmp_path):
    workbook = far_xlsx(tmp_path / "annex_a.xlsx")
    assert workbook.stat().st_size < 50_000
    ran = run_apart(tmp_path, "build", annex_a=workbook)
    assert_plain_exit_2(ran.result, "annex_a.xlsx", "sheet List 1", "row 1048576, column XFD", "delete the rows and columns")
    if sys.platform.startswith("linux"):
        assert ran.peak < 1.5e9, f"the command peaked at {ran.peak / 1e6:,.0f} MB"


def test_far_cells_are_found_in_every_zip_format(tmp_path):
    far_rows = (
        f"<table:table-row>{ODS_TEXT_CELL.format('Child Unique ID')}</table:table-row>"
        '<table:table-row table:number-rows-repeated="1048574"><table:table-cell/></table:table-row>'
        f'<table:table-row><table:table-cell table:number-columns-repeated="16383"/>{ODS_TEXT_CELL.format("x")}</table:table-row>'
    )
    ods = ods_file(tmp_path / "far.ods", far_rows)
    xlsb = write_xlsb(tmp_path / "far.xlsb", {"List 1": {0: CONTACT_HEADINGS, 1048575: [None] * 16383 + ["x"]}})
    xlsx = far_xlsx(tmp_path / "far.xlsx")
    for path in (ods, xlsb, xlsx):
        if path is not ods:  # an .ods is checked whole when opened
            assert sheet_extent(path, workbook_format(path), "List 1") == Extent(1048576, 16384), path.name
        with pytest.raises(Unreadable, match=r"sheet List 1 has cells up to row 1048576, column XFD \(1,048,576 rows x 16,384 columns\)"):
            read_sheet(path, "List 1", ANNEX_A[1], path.name)


def test_extents_count_to_the_last_cell_with_a_value(tmp_path):
    # C5 is the last cell written: 5 rows, 3 columns; the ods repeats an empty row 3 times and a cell twice
    book = openpyxl.Workbook()
    book.active.title = "List 1"
    book.active["C5"] = "x"
    book.active["A1"] = "y"
    book.save(tmp_path / "small.xlsx")
    rows = (
        '<table:table-row table:number-rows-repeated="3"><table:table-cell/></table:table-row>'
        f'<table:table-row><table:table-cell table:number-columns-repeated="2"/>{ODS_TEXT_CELL.format("x")}</table:table-row>'
        '<table:table-row table:number-rows-repeated="1000"><table:table-cell table:number-columns-repeated="50"/></table:table-row>'
    )
    ods = ods_file(tmp_path / "small.ods", rows)
    xlsb = write_xlsb(tmp_path / "small.xlsb", {"List 1": {0: ["y"], 4: [None, None, "x"]}})
    for path in (tmp_path / "small.xlsx", xlsb):
        assert sheet_extent(path, workbook_format(path), "List 1") == Extent(5, 3), path.name
    assert ods_extents(ods) == {"List 1": Extent(4, 3)}  # trailing empty repeated rows do not count


def test_extent_limits():
    check_extent("List 1", Extent(150_000, 60))  # a large council's three-year List 1: fine
    with pytest.raises(Unreadable, match=r"sheet List 1 has cells up to row 2, column IW .*at most 300,000 rows, 256 columns"):
        check_extent("List 1", Extent(2, MAX_COLUMNS + 1))
    with pytest.raises(Unreadable, match="10,000,000 cells"):
        check_extent("List 1", Extent(200_000, 100))
    assert [column_letters(p) for p in (0, 25, 26, 701, 16383)] == ["A", "Z", "AA", "ZZ", "XFD"]
    assert [column_number(c) for c in ("A", "AA", "XFD")] == [1, 27, 16384]


def test_a_legacy_xls_beyond_the_limits_is_refused(tmp_path):
    # .xls cannot reach further than 65,536 rows x 256 columns; this one fills it corner to corner
    book = xlwt.Workbook()
    sheet = book.add_sheet("List 1")
    for c, heading in enumerate(CONTACT_HEADINGS):
        sheet.write(0, c, heading)
    sheet.write(65535, 255, "stray")
    book.save(str(tmp_path / "annex_a.xls"))
    assert_plain_exit_2(run_here(tmp_path, "validate", annex_a=tmp_path / "annex_a.xls"), "sheet List 1", "row 65536, column IV")


# --- special and broken files -----------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX only")
@pytest.mark.parametrize("command", ["validate", "build"])
def test_a_fifo_named_as_an_input_is_refused(tmp_path, command):
    os.mkfifo(tmp_path / "annex_a.xlsx")
    assert_plain_exit_2(run(tmp_path, command, annex_a=tmp_path / "annex_a.xlsx"), "data.annex_a", "not a regular file")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX only")
def test_a_fifo_inside_a_csv_folder_is_refused(tmp_path):
    folder = tmp_path / "annex"
    folder.mkdir()
    os.mkfifo(folder / "List1.csv")
    assert_plain_exit_2(run(tmp_path, "validate", annex_a=folder), "annex/List1.csv", "not a regular file")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this system")
@pytest.mark.parametrize("key", ["annex_a", "case_audits"])
def test_dev_zero_named_as_an_input_is_refused(tmp_path, key):
    assert_plain_exit_2(run(tmp_path, "validate", **{key: "/dev/zero"}), f"data.{key}", "not a regular file")


def broken_inputs(tmp_path: Path, demo_xlsx: bytes) -> dict[str, tuple[dict, tuple[str, ...]]]:
    """Each broken input (written under ``tmp_path``): the data it names and the words its error line holds."""
    files = {
        "empty.xlsx": b"",
        "truncated.xlsx": demo_xlsx[: len(demo_xlsx) // 2],
        "random.xlsx": bytes(range(256)) * 40,
        "random.csv": bytes(range(256)) * 40,
        "letter.docx": b"",  # replaced below by a zip that is no workbook
        "encrypted.xlsx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "EncryptedPackage".encode("utf-16-le"),
        "case_audits.csv": b"",
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    with zipfile.ZipFile(tmp_path / "letter.docx", "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    (tmp_path / "extract_folder").mkdir()
    with open(tmp_path / "huge.csv", "wb") as huge:
        huge.truncate(600 * 2**20)  # sparse: takes no disk space
    return {
        "zero-byte workbook": ({"annex_a": tmp_path / "empty.xlsx"}, ("empty.xlsx", "file is empty")),
        "empty extract": ({"case_audits": tmp_path / "case_audits.csv"}, ("case_audits.csv", "file is empty")),
        "truncated zip": ({"annex_a": tmp_path / "truncated.xlsx"}, ("truncated.xlsx", "damaged zip")),
        "random bytes .xlsx": ({"annex_a": tmp_path / "random.xlsx"}, ("random.xlsx", "cannot be read as an Excel workbook")),
        "random bytes .csv": ({"case_audits": tmp_path / "random.csv"}, ("random.csv", "binary data")),
        "a zip that is no workbook": ({"annex_a": tmp_path / "letter.docx"}, ("letter.docx", "not a workbook")),
        "encrypted workbook": ({"annex_a": tmp_path / "encrypted.xlsx"}, ("encrypted.xlsx", "password-protected")),
        "folder as an extract": ({"workforce": tmp_path / "extract_folder"}, ("extract_folder", "is a folder")),
        "huge file": ({"supervision": tmp_path / "huge.csv"}, ("huge.csv", "more than any return needs")),
        "no list sheets": ({"annex_a": write_workbook(tmp_path / "nolists.xlsx", {})}, ("nolists.xlsx", "no Annex A list found")),
    }


@pytest.mark.parametrize("runner", [run_here, pytest.param(run, marks=pytest.mark.slow)], ids=["in-process", "subprocess"])
def test_every_broken_input_gives_exit_2_and_one_plain_line(tmp_path, demo_data, runner):
    cases = broken_inputs(tmp_path, (demo_data / "annex_a.xlsx").read_bytes())
    failures = []
    for case, (data, words) in cases.items():
        (tmp_path / case).mkdir()
        try:
            assert_plain_exit_2(runner(tmp_path / case, "validate", **data), *words)
        except AssertionError as exc:
            failures.append(f"{case}: {exc}")
    assert failures == []


def test_a_csv_that_is_really_a_workbook_is_read_as_one(tmp_path):
    book = openpyxl.Workbook()
    for line in EXTRACT_TEXT["supervision"].splitlines():
        book.active.append(line.split(","))
    book.save(tmp_path / "supervision.csv")
    assert workbook_format(tmp_path / "supervision.csv") == "xlsx"
    inputs, findings = read(tmp_path, supervision=tmp_path / "supervision.csv")
    assert findings.errors == [] and inputs.supervision["worker_id"].tolist() == ["W001", "W002"]


# --- hidden sheets -------------------------------------------------------------------


def workbook_with_hidden(path: Path, sheets: dict[str, list[list]], hidden: set[str]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        sheet.sheet_state = "hidden" if name in hidden else "visible"
    book.save(path)
    return path


def test_a_hidden_stale_sheet_before_the_real_one_is_passed_over_with_a_warning(tmp_path):
    headings, rows = LISTS[4]
    sheets = {"List 4 (old)": [headings], "List 4": [headings, *rows]}  # the stale copy has no rows
    for path in (
        workbook_with_hidden(tmp_path / "annex_a.xlsx", sheets, {"List 4 (old)"}),
        write_xlsb(tmp_path / "annex_a.xlsb", sheets, hidden=frozenset({"List 4 (old)"})),
    ):
        inputs, findings = read(tmp_path, annex_a=path)
        assert findings.errors == []
        assert len(inputs.annex_a["list_4"]) == 2, path.name  # the two hand-made assessments
        hidden = [w for w in findings.warnings if "hidden" in w.message]
        assert [(w.file, w.message) for w in hidden] == [
            (path.name, "hidden sheet 'List 4 (old)' also names List 4 and was not read; visible sheet 'List 4' was")
        ]


def test_a_list_only_on_a_hidden_sheet_is_read_with_a_warning(tmp_path):
    headings, rows = LISTS[1]
    path = workbook_with_hidden(tmp_path / "annex_a.xlsx", {"Front": [["x"]], "List 1": [headings, *rows]}, {"List 1"})
    inputs, findings = read(tmp_path, annex_a=path)
    assert findings.errors == [] and len(inputs.annex_a["list_1"]) == 2
    assert [w.message for w in findings.warnings if "hidden" in w.message] == [
        "List 1 is read from hidden sheet 'List 1', the only sheet naming it: unhide it or check it is current"
    ]


def test_a_local_extract_workbook_is_read_from_its_first_visible_sheet(tmp_path):
    rows = [line.split(",") for line in EXTRACT_TEXT["supervision"].splitlines()]
    path = workbook_with_hidden(tmp_path / "supervision.xlsx", {"Old": [rows[0], ["W999", "2001-01-01"]], "Now": rows}, {"Old"})
    inputs, findings = read(tmp_path, supervision=path)
    assert findings.errors == [] and inputs.supervision["worker_id"].tolist() == ["W001", "W002"]


# --- text encodings ---------------------------------------------------------------------


def test_utf8_with_a_stray_cp1252_byte_keeps_both_without_mojibake(tmp_path):
    # line 1 headings; line 2 UTF-8 "Assessment – East" (en dash, 3 bytes); line 3 one cp1252 byte 0x92 (’)
    data = "h1,h2\nW001,Assessment \u2013 East\n".encode("utf-8") + b"W002,Children\x92s Team\n"
    text, stray = csv_text(data)
    assert text == "h1,h2\nW001,Assessment \u2013 East\nW002,Children\u2019s Team\n" and stray == [3]
    assert csv_text("a,\u00e9\n".encode("cp1252")) == ("a,\u00e9\n", [])  # plain cp1252: no warning
    assert csv_text("\ufeffa,\u00e9\n".encode("utf-8")) == ("a,\u00e9\n", [])  # UTF-8 with a BOM


def test_a_mixed_encoding_csv_warns_naming_the_row(tmp_path):
    text = ("worker_id,team,role,employment,start_date\nW001,Assessment \u2013 East,social_worker,permanent,2015-04-01\n").encode("utf-8")
    text += b"W002,Children\x92s Team,social_worker,agency,2016-01-01\n"
    (tmp_path / "workforce.csv").write_bytes(text)
    table = read_csv(tmp_path / "workforce.csv", EXTRACTS["workforce"], "workforce.csv")
    assert table.frame["team"].tolist() == ["Assessment \u2013 East", "Children\u2019s Team"]
    assert [(w.file, w.row, w.more) for w in table.warnings] == [("workforce.csv", 3, 0)]
    assert "Windows-1252" in table.warnings[0].message


# --- repeated headings ------------------------------------------------------------------


def test_two_columns_for_a_used_column_are_an_error_naming_both_letters(tmp_path):
    headings = CONTACT_HEADINGS + ["Date of Contact"]  # seven headings: the second Date of Contact is column H
    workbook = write_workbook(tmp_path / "annex_a.xlsx", {1: (headings, [CONTACT_ROW + ["01/01/2019"]])})
    _, findings = read(tmp_path, annex_a=workbook)
    assert [(e.file, e.sheet, e.row, e.column, e.message) for e in findings.errors] == [
        (
            "annex_a.xlsx",
            "List 1",
            1,
            "Date of Contact",
            "two columns are headed 'Date of Contact' (columns F and H): delete or rename one, so it is clear which to read",
        )
    ]


def test_two_columns_for_an_unused_column_are_a_warning_and_the_first_is_read(tmp_path):
    # List 5's disability column is read by no figure: columns F and O (the 15th) both head it; F ("b) No") is kept
    headings, rows = LISTS[5]
    lists = {5: (headings + [DISABILITY], [rows[0] + ["a) Yes"]])}
    assert headings.index(DISABILITY) == 5 and len(headings) == 14
    inputs, findings = read(tmp_path, annex_a=write_workbook(tmp_path / "annex_a.xlsx", lists))
    assert findings.errors == [] and inputs.annex_a["list_5"]["disability"].tolist() == [False]
    assert [(w.sheet, w.row, w.column, w.message) for w in findings.warnings if "two columns" in w.message] == [
        ("List 5", 1, DISABILITY, f"two columns are headed '{DISABILITY}' (columns F and O); column F is read")
    ]
