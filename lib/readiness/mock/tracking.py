"""The case-tracking workbook for a mock-inspection sample: one sheet per child, to complete with the worker.

Each child's sheet shows the reasons the child was drawn and the child's journey across every
Annex A list the return holds, then blank audit and action blocks in the layout of the
``case_audits`` and ``audit_actions`` extracts (:mod:`readiness.inputs.tracking` reads them back).
Every value from an input is written as data: text that Excel would take for a formula
(``= + - @``) is stored as text, and control characters are dropped.
"""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from readiness.indicators.audits import DOMAIN_PREFIX, GRADES, MOCK_INSPECTION, domains
from readiness.inputs.bundle import Inputs
from readiness.inputs.extract_tables import EXTRACTS
from readiness.inputs.tracking import ACTIONS_MARK, AUDIT_MARK, CASE_SHEET_PREFIX
from readiness.safetext import FORMULA_STARTS

from .journey import journeys
from .strata import STRATA

DEFAULT_DOMAINS = ("voice_of_child", "assessment", "planning", "management_oversight")
ACTION_LINES = 8
BOLD = Font(bold=True)
JOURNEY_HEADINGS = ["Date", "List", "Event", "Team", "Allocated worker"]


def as_cell_value(value):
    """A value safe to write as data: dates as dates, text without control characters; ``None`` for blanks."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, (int, float, date, datetime)):
        return value
    return ILLEGAL_CHARACTERS_RE.sub("", str(value))


def put(sheet: Worksheet, row: int, column: int, value, bold: bool = False) -> None:
    """Write one cell as data: text Excel would read as a formula is stored as text (shown with a quote prefix)."""
    cell = sheet.cell(row=row, column=column, value=None)
    value = as_cell_value(value)
    cell.value = value
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        cell.data_type = "s"
        cell.quotePrefix = True
    if isinstance(value, date):
        cell.number_format = "yyyy-mm-dd"
    if bold:
        cell.font = BOLD


def put_row(sheet: Worksheet, row: int, values: list, bold: bool = False) -> None:
    """Write ``values`` along ``row`` from column A."""
    for column, value in enumerate(values, 1):
        put(sheet, row, column, value, bold)


def audit_columns(inputs: Inputs) -> list[str]:
    """The ``case_audits`` columns of the audit block: the extract's, then the council's practice domains."""
    graded = domains(inputs.case_audits) if inputs.case_audits is not None else []
    return [c.name for c in EXTRACTS["case_audits"].columns] + [DOMAIN_PREFIX + d for d in graded or DEFAULT_DOMAINS]


def audit_id_for(pack_id: str, seed: int, position: int) -> str:
    """The pre-filled id of the mock-inspection audit of the ``position``-th sampled child."""
    return f"MOCK-{pack_id}-{seed}-{position:02d}"


def write_case_sheet(workbook: Workbook, position: int, child: pd.Series, events: pd.DataFrame, columns: list[str], audit_id: str) -> None:
    """One child's sheet: who and why, the journey, then the audit and action blocks to complete."""
    sheet = workbook.create_sheet(f"{CASE_SHEET_PREFIX}{position:02d}")
    put(sheet, 1, 1, "Mock-inspection case tracking (OFFICIAL-SENSITIVE: names a child)", bold=True)
    for row, (label, value) in enumerate([("Child", child["child_id"]), ("Reasons drawn", child["reasons"]), ("Team", child["team"])], 2):
        put_row(sheet, row, [label, value])
    put(sheet, 6, 1, "Journey across the Annex A lists", bold=True)
    put_row(sheet, 7, JOURNEY_HEADINGS, bold=True)
    row = 8
    for event in events.itertuples(index=False):
        put_row(sheet, row, [event.date, event.list, event.event, event.team, event.worker])
        row += 1
    audit_row = row + 3
    put(sheet, row + 1, 1, AUDIT_MARK, bold=True)
    put_row(sheet, row + 2, columns, bold=True)
    prefilled = {"audit_id": audit_id, "child_id": child["child_id"], "team": child["team"], "audit_type": MOCK_INSPECTION}
    put_row(sheet, audit_row, [prefilled.get(c) for c in columns])
    add_choices(sheet, columns, audit_row)
    action_columns = [c.name for c in EXTRACTS["audit_actions"].columns]
    put(sheet, audit_row + 2, 1, ACTIONS_MARK, bold=True)
    put_row(sheet, audit_row + 3, action_columns, bold=True)
    for line in range(1, ACTION_LINES + 1):
        put_row(sheet, audit_row + 3 + line, [f"{audit_id}-A{line}", audit_id])


def add_choices(sheet: Worksheet, columns: list[str], row: int) -> None:
    """Drop-down lists on the audit row: the grade codes for every grade, Y/N for ``worker_participated``."""
    grades = DataValidation(type="list", formula1=f'"{",".join(GRADES)}"', allow_blank=True)
    yes_no = DataValidation(type="list", formula1='"Y,N"', allow_blank=True)
    for position, name in enumerate(columns, 1):
        cell = sheet.cell(row=row, column=position).coordinate
        if name in ("grade", "moderated_grade") or name.startswith(DOMAIN_PREFIX):
            grades.add(cell)
        elif name == "worker_participated":
            yes_no.add(cell)
    sheet.add_data_validation(grades)
    sheet.add_data_validation(yes_no)


def write_overview(workbook: Workbook, sample: pd.DataFrame) -> None:
    """The first sheet: every sampled child, why, and the sheet to complete; then what each stratum means."""
    sheet = workbook.active
    sheet.title = "Sample"
    put_row(sheet, 1, ["Sheet", "Child", "Drawn for", "Reasons", "Team", "Lists"], bold=True)
    for position, child in enumerate(sample.itertuples(index=False), 1):
        put_row(sheet, position + 1, [f"{CASE_SHEET_PREFIX}{position:02d}", child.child_id, child.drawn_for, child.reasons, child.team, child.lists])
    row = len(sample) + 3
    put_row(sheet, row, ["Stratum", "Reason"], bold=True)
    for offset, stratum in enumerate(STRATA, 1):
        put_row(sheet, row + offset, [stratum.name, stratum.reason])


def write_tracking_workbook(path: Path, sample: pd.DataFrame, inputs: Inputs, pack_id: str, seed: int, snapshot: date) -> Path:
    """Write the case-tracking workbook of ``sample`` (from :func:`readiness.mock.sample.draw_sample`) to ``path``;
    the journeys' List 9 rows are dated at ``snapshot``."""
    workbook = Workbook()
    write_overview(workbook, sample)
    events = journeys(inputs, sample["child_id"], snapshot)
    columns = audit_columns(inputs)
    for position, child in enumerate(sample.to_dict("records"), 1):
        mine = events[events["child_id"] == child["child_id"]]
        write_case_sheet(workbook, position, pd.Series(child), mine, columns, audit_id_for(pack_id, seed, position))
    workbook.save(path)
    return path
