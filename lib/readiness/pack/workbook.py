"""``figures.xlsx`` for the performance team: headline figures, and one sheet per monthly series."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from readiness.config.catalogue import describe

SHEET_NAME_LIMIT = 31  # Excel's limit


def series_sheet_name(index: int, figure_id: str) -> str:
    """A unique sheet name within Excel's 31 characters, e.g. ``02 assessments.within_45_wor``."""
    return f"{index:02d} {figure_id.replace('.monthly', '')}"[:SHEET_NAME_LIMIT]


def keep_text_as_text(sheet) -> None:
    """Every string cell stays a string: text starting ``=`` (``+``, ``-``, ``@``) is never taken for a formula."""
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"


def write_figures_workbook(document: dict, path: Path) -> None:
    """Write the (already disclosure-controlled) figures of ``document`` as a workbook."""
    suppressed = set(document["suppressed"])
    workbook = Workbook()
    headline = workbook.active
    headline.title = "Headline figures"
    headline.append(["id", "indicator", "value", "suppressed"])
    series = {}
    for figure_id, value in document["figures"].items():
        if isinstance(value, dict):
            series[figure_id] = value
        else:
            headline.append([figure_id, describe(figure_id).label, value, "[c]" if figure_id in suppressed else ""])
    for index, (figure_id, months) in enumerate(sorted(series.items()), start=1):
        sheet = workbook.create_sheet(series_sheet_name(index, figure_id))
        sheet.append([figure_id])
        sheet.append(["month", "value", "suppressed"])
        for month, value in months.items():
            sheet.append([month, value, "[c]" if f"{figure_id}/{month}" in suppressed else ""])
    for sheet in workbook.worksheets:
        sheet["A1"].font = Font(bold=True)
        keep_text_as_text(sheet)
    fixed = datetime.fromisoformat(document["snapshot_date"])  # no build time: rebuilds give the same content
    workbook.properties.created = workbook.properties.modified = fixed
    workbook.save(path)
