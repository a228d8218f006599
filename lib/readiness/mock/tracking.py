"""The case-tracking workbook for a mock-inspection sample: one sheet per child, to complete with the worker.

Each child's sheet shows the reasons the child was drawn and the child's journey across every
Annex A list the return holds, then blank blocks in the layout of the ``case_audits`` (the council
auditor's grade and the mock inspector's side by side), ``immediate_concerns``, ``audit_checks`` and
``audit_actions`` extracts, with drop-downs (:mod:`readiness.inputs.tracking` reads them back).
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
from readiness.inputs.schema import BOOL, DATE
from readiness.inputs.tracking import BLOCKS, CASE_SHEET_PREFIX, CONCERN, HEADINGS, MARKS
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


def block_columns(name: str) -> list[str]:
    """The columns of a block other than the audit's: its extract's (the concern block's in the order a reviewer
    records them: is there one, to whom it went, when, and when they responded)."""
    if name == "immediate_concerns":
        return ["child_id", "audit_id", CONCERN, "escalated_to", "raised_date", "responded_date"]
    return [c.name for c in BLOCKS[name].columns]


def write_block(sheet: Worksheet, top: int, name: str, columns: list[str], rows: list[dict]) -> int:
    """One block at row ``top``: its mark, its headings (the workbook's own where it has them), its pre-filled rows
    with drop-downs; returns the row after it."""
    put(sheet, top, 1, MARKS[name], bold=True)
    put_row(sheet, top + 1, [HEADINGS.get(c, c) for c in columns], bold=True)
    for offset, values in enumerate(rows, 2):
        put_row(sheet, top + offset, [values.get(c) for c in columns])
    add_choices(sheet, columns, top + 2, top + 1 + len(rows))
    return top + 2 + len(rows)


def write_case_sheet(workbook: Workbook, position: int, child: pd.Series, events: pd.DataFrame, columns: list[str], audit_id: str) -> None:
    """One child's sheet: who and why, the journey, then the audit, concern, checks and action blocks to complete."""
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
    ids = {"audit_id": audit_id, "child_id": child["child_id"]}
    audit = ids | {"team": child["team"], "audit_type": MOCK_INSPECTION}
    row = write_block(sheet, row + 1, "case_audits", columns, [audit]) + 1
    row = write_block(sheet, row, "immediate_concerns", block_columns("immediate_concerns"), [ids]) + 1
    row = write_block(sheet, row, "audit_checks", block_columns("audit_checks"), [ids]) + 1
    actions = [{"action_id": f"{audit_id}-A{line}", "audit_id": audit_id} for line in range(1, ACTION_LINES + 1)]
    write_block(sheet, row, "audit_actions", block_columns("audit_actions"), actions)
    set_widths(sheet)


def set_widths(sheet: Worksheet) -> None:
    """Columns wide enough to read (the longest value below the sheet's title, within 12 to 40 characters)."""
    widths: dict[str, int] = {}
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if cell.value is not None:
                text = cell.value.isoformat() if isinstance(cell.value, date) else str(cell.value)
                widths[cell.column_letter] = max(widths.get(cell.column_letter, 0), len(text))
    for letter, width in widths.items():
        sheet.column_dimensions[letter].width = min(max(width + 2, 12), 40)


def choices(name: str) -> str | None:
    """The drop-down kind of a column: ``grade``, ``yes_no``, ``date`` or ``None`` (free text)."""
    spec = next((c for block in BLOCKS.values() for c in block.columns if c.name == name), None)
    if name in ("grade", "moderated_grade") or name.startswith(DOMAIN_PREFIX):
        return "grade"
    if spec is not None and spec.kind == BOOL:
        return "yes_no"
    if spec is not None and spec.kind == DATE:
        return "date"
    return None


def add_choices(sheet: Worksheet, columns: list[str], first: int, last: int) -> None:
    """Drop-down lists on rows ``first`` to ``last``: the grade codes for every grade, Y/N for every Y/N column, and a
    date check on every date column (each a warning, not a refusal: read-back accepts other spellings too)."""
    warn = {"allow_blank": True, "showErrorMessage": True, "errorStyle": "warning"}
    rules = {
        "grade": DataValidation(type="list", formula1=f'"{",".join(GRADES)}"', error="One of the four grades", **warn),
        "yes_no": DataValidation(type="list", formula1='"Y,N"', error="Y or N", **warn),
        "date": DataValidation(type="date", operator="greaterThan", formula1="36526", error="A date, e.g. 2025-09-30", **warn),
    }
    for position, name in enumerate(columns, 1):
        kind = choices(name)
        if kind is not None:
            rules[kind].add(f"{sheet.cell(row=first, column=position).coordinate}:{sheet.cell(row=last, column=position).coordinate}")
    for rule in rules.values():
        if rule.sqref:
            sheet.add_data_validation(rule)


def write_overview(workbook: Workbook, sample: pd.DataFrame) -> None:
    """The first sheet: every sampled child, why, and the sheet to complete; then what each stratum means."""
    sheet = workbook.active
    sheet.title = "Sample"
    put_row(sheet, 1, ["Sheet", "Child", "Drawn for", "Reasons", "Team", "Lists"], bold=True)
    for position, child in enumerate(sample.itertuples(index=False), 1):
        put_row(
            sheet,
            position + 1,
            [f"{CASE_SHEET_PREFIX}{position:02d}", child.child_id, child.drawn_for, child.reasons, child.team, child.lists],
        )
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
