"""How large each input is, to share its reading out evenly (``readiness.inputs.read``: :func:`list_sizes`, :func:`bytes_of`)."""

from __future__ import annotations

import zipfile

import openpyxl

from readiness.inputs.annex_a import Source
from readiness.inputs.read import bytes_of, list_sizes
from readiness.inputs.workbooks import sheet_sizes


def workbook(path, rows_per_sheet: dict[str, int]):
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in rows_per_sheet.items():
        sheet = book.create_sheet(name)
        for row in range(rows):
            sheet.append([f"child {row}", "2024-01-01"])
    book.save(path)
    return path


def test_a_sheet_is_as_large_as_its_part_of_the_workbook_unpacked(tmp_path):
    path = workbook(tmp_path / "annex_a.xlsx", {"List 1": 500, "List 3": 5})
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: info.file_size for info in archive.infolist()}
    sizes = sheet_sizes(path)
    assert sizes == {"List 1": parts["xl/worksheets/sheet1.xml"], "List 3": parts["xl/worksheets/sheet2.xml"]}
    assert sizes["List 1"] > 50 * sizes["List 3"] > 0


def test_lists_in_csv_files_or_an_unreadable_workbook_are_as_large_as_their_files(tmp_path):
    (tmp_path / "list_1.csv").write_bytes(b"x" * 300)
    (tmp_path / "not_a_workbook.xlsx").write_bytes(b"y" * 40)
    assert sheet_sizes(tmp_path / "not_a_workbook.xlsx") == {}
    sources = {
        3: Source(tmp_path / "not_a_workbook.xlsx", "List 3", "not_a_workbook.xlsx"),
        1: Source(tmp_path / "list_1.csv", None, "list_1.csv"),
    }
    assert list_sizes(sources) == [300, 40]  # in list order


def test_a_folder_is_as_large_as_its_files_and_a_missing_file_as_nothing(tmp_path):
    (tmp_path / "header.csv").write_bytes(b"a" * 10)
    (tmp_path / "episodes.csv").write_bytes(b"b" * 25)
    (tmp_path / "inner").mkdir()
    assert bytes_of(tmp_path) == 35 and bytes_of(tmp_path / "header.csv") == 10 and bytes_of(tmp_path / "gone.csv") == 0
