"""figures.xlsx: text is written as text, never as a formula."""

from __future__ import annotations

import zipfile

import openpyxl

from readiness.pack.workbook import write_figures_workbook


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    document = {
        "snapshot_date": "2025-03-31",
        "suppressed": [],
        "figures": {'=HYPERLINK("https://evil.example","click")': 3, "+cmd|' /C calc'!A0": 4, "-2+3": 5, "@SUM(A1)": 6},
    }
    path = tmp_path / "figures.xlsx"
    write_figures_workbook(document, path)
    sheet = openpyxl.load_workbook(path)["Headline figures"]
    ids = [sheet.cell(row, 1) for row in range(2, 6)]
    assert [cell.value for cell in ids] == list(document["figures"])
    assert {cell.data_type for cell in ids} == {"s"}
    xml = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in xml  # no formula element anywhere in the sheet
