"""Northbridge's files: the Annex A workbook and the local extracts' CSVs, for ``readiness demo-data``.

The workbook is written by openpyxl (write-only mode: rows streamed, never held as cells): one sheet per
list, headings in row 1, dates as Excel dates, blanks as empty cells. The CSVs are UTF-8 with ISO dates,
so the same seed writes byte-identical CSVs and a workbook with identical cell values. Nothing is written
over an existing file unless ``force``.
"""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd

from readiness.files import refuse_to_overwrite

from .council import northbridge
from .draws import scale_named

WORKBOOK = "annex_a.xlsx"
EXTRACT_FILES = {key: f"{key}.csv" for key in ("case_audits", "strategy_meetings", "workforce", "supervision",
                                                "audit_actions", "front_door_decisions", "immediate_concerns",
                                                "audit_checks")}


def write_demo_data(folder: Path, *, seed: int = 2019, scale: str = "standard", force: bool = False) -> dict[str, Path]:
    """Write Northbridge's synthetic inputs into ``folder``; return ``{input key: path}``.

    Nothing is written when any of the files already exists, unless ``force``.

    >>> paths = write_demo_data(Path("data/demo"))  # doctest: +SKIP
    >>> sorted(paths)  # doctest: +SKIP
    ['annex_a', 'audit_actions', 'case_audits', 'front_door_decisions', 'strategy_meetings', 'supervision', 'workforce']
    """
    sc, folder = scale_named(scale), Path(folder)
    paths = {"annex_a": folder / WORKBOOK} | {key: folder / name for key, name in EXTRACT_FILES.items()}
    if not force:
        refuse_to_overwrite(list(paths.values()), "demo-data")
    folder.mkdir(parents=True, exist_ok=True)
    lists, extracts = northbridge(seed, sc)
    write_workbook(paths["annex_a"], lists)
    for key, frame in extracts.items():
        frame.to_csv(paths[key], index=False, lineterminator="\n", encoding="utf-8", date_format="%Y-%m-%d")
    return paths


def write_workbook(path: Path, lists: dict[str, pd.DataFrame]) -> None:
    """An .xlsx with one sheet per list (named by its key): headings in row 1, then one row per table row."""
    workbook = openpyxl.Workbook(write_only=True)
    for name, table in lists.items():
        sheet = workbook.create_sheet(name)
        sheet.append([str(heading) for heading in table.columns])
        for row in zip(*(cell_values(table[column]) for column in table.columns)):
            sheet.append(row)
    workbook.save(path)


def cell_values(column: pd.Series) -> list:
    """A column's values as cells hold them: dates (the day) as dates, numbers as numbers, the rest as text; blanks None."""
    if pd.api.types.is_datetime64_any_dtype(column):
        return column.to_numpy("datetime64[D]").astype(object).tolist()
    numbers = pd.api.types.is_integer_dtype(column) or pd.api.types.is_float_dtype(column)
    values = column if numbers else column.astype(str)
    return values.astype(object).where(column.notna(), None).tolist()
