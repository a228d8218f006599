"""A completed case-tracking workbook (``readiness sample``) read back as the extracts it holds.

Each child's sheet holds, below the child's journey, a block per extract, each headed by its mark
(:data:`MARKS`), then its headings, then its rows up to a blank row: the audit (``case_audits``, one row,
the council auditor's grade as ``grade`` and the mock inspector's as ``moderated_grade``), the
immediate concern (``immediate_concerns``: one row, read only when the concern is not ``N``), the
compliance checks (``audit_checks``, one row) and the actions (``audit_actions``, a row each). A
workbook drawn before the concern and check blocks existed reads without them. The writer
(:mod:`readiness.mock.tracking`) pre-fills the ids; a row counts once the auditor has filled anything
else in it, so a case not yet audited, or a blank action line, is not read. Rows are then read exactly
as the extracts are (same spellings, same errors and warnings), located by sheet and Excel row.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from readiness.errors import Problem

from .extract_tables import EXTRACTS
from .normalise import Findings, normalise
from .schema import BOOL, opt
from .tables import Table, Unreadable, build_table, sheet_rows, workbook_sheets

AUDIT_MARK = "Case audit (complete with the case-holding worker)"
ACTIONS_MARK = "Actions (one row each, with a due date)"
CONCERN_MARK = "Immediate concern (a child found at risk now is referred back for action at once)"
CHECKS_MARK = "Compliance checks (Y or N; blank = not recorded)"
CASE_SHEET_PREFIX = "Case "
CONCERN = "immediate_concern"
MARKS = {"case_audits": AUDIT_MARK, "immediate_concerns": CONCERN_MARK, "audit_checks": CHECKS_MARK, "audit_actions": ACTIONS_MARK}
OPTIONAL_BLOCKS = ("immediate_concerns", "audit_checks")  # not in workbooks drawn before spec version 4
PREFILLED = {
    "case_audits": {"audit_id", "child_id", "team", "audit_type"},
    "immediate_concerns": {"audit_id", "child_id"},
    "audit_checks": {"audit_id"},
    "audit_actions": {"action_id", "audit_id"},
}
BLOCKS = {name: EXTRACTS[name] for name in MARKS} | {
    "immediate_concerns": replace(
        EXTRACTS["immediate_concerns"], columns=(*EXTRACTS["immediate_concerns"].columns, opt(CONCERN, CONCERN, BOOL))
    )
}
"""How each block is read: as its extract, the concern block with its Y/N too."""
HEADINGS = {
    "grade": "Council auditor's grade",
    "moderated_grade": "Mock inspector's grade",
    CONCERN: "Immediate concern (Y/N)",
    "escalated_to": "Escalated to (a role)",
    "raised_date": "Date escalated",
    "responded_date": "Response date",
}
"""The workbook's own headings for some columns, read back as the columns they head."""


@dataclass(frozen=True)
class Piece:
    """Part of an extract read from one file (and sheet), normalised."""

    file: str
    sheet: str | None
    frame: pd.DataFrame


def case_sheets(path: Path) -> list[str]:
    """The case sheets of a case-tracking workbook; raises :class:`Unreadable` when it has none."""
    sheets = [name for name, _ in workbook_sheets(path) if name.startswith(CASE_SHEET_PREFIX)]
    if not sheets:
        raise Unreadable(f"no case sheet (named '{CASE_SHEET_PREFIX}…') in this workbook")
    return sheets


def read_tracking_workbook(path: Path, findings: Findings) -> dict[str, list[Piece]]:
    """Per extract (:data:`MARKS`), one :class:`Piece` per case sheet holding its block, normalised.

    A file that cannot be read, or has no case sheet, is an error in ``findings`` (and no pieces).
    """
    try:
        blocks = [sheet_blocks(path, sheet) for sheet in case_sheets(path)]
    except Unreadable as exc:
        findings.errors.append(Problem(path.name, str(exc)))
        return {name: [] for name in MARKS}
    pieces: dict[str, list[Piece]] = {name: [] for name in MARKS}
    for tables in blocks:
        for name, table in tables.items():
            findings.errors += table.errors
            findings.warnings += table.warnings
            pieces[name].append(Piece(table.file, table.sheet, read_block(table, name, findings)))
    return pieces


def read_block(table: Table, name: str, findings: Findings) -> pd.DataFrame:
    """A block's rows as its extract's frame (the concern block: only concerns, without their Y/N)."""
    frame = normalise(table, BLOCKS[name], findings)
    if name != "immediate_concerns":
        return frame
    return frame[frame[CONCERN].ne(False).fillna(True).astype(bool)].drop(columns=CONCERN).reset_index(drop=True)


def entries(path: Path) -> int:
    """Rows the auditor has filled in (in every block), before any is read as the extracts read them (a row with an
    unreadable value, or without its date, counts). Raises :class:`Unreadable` when the file is not a case-tracking
    workbook."""
    return sum(len(table.frame) for sheet in case_sheets(path) for table in sheet_blocks(path, sheet).values())


def sheet_blocks(path: Path, sheet: str) -> dict[str, Table]:
    """The completed rows of every block of one case sheet, by extract (an optional block the sheet lacks, left out)."""
    rows = sheet_rows(path, sheet)
    tables = {}
    for name, mark in MARKS.items():
        top = next((i for i, row in enumerate(rows) if row and str(row[0]).strip() == mark), None)
        if top is None or top + 1 >= len(rows):
            if name in OPTIONAL_BLOCKS:
                continue
            raise Unreadable(f"sheet {sheet}: no '{mark}' block")
        tables[name] = block_table(path.name, sheet, rows, top, name)
    return tables


def block_table(file: str, sheet: str, rows: list[list], top: int, name: str) -> Table:
    """The block of extract ``name`` whose mark is on row ``top``: the rows below its headings, up to a blank row."""
    headings = [str(h) for h in rows[top + 1]]
    body = []
    for row in rows[top + 2 :]:
        if not any(str(cell).strip() for cell in row):
            break
        body.append(row)
    frame = pd.DataFrame(body, dtype=object).reindex(columns=range(len(headings)))
    renames = {heading: column for column, heading in HEADINGS.items()}
    return completed_rows(build_table(file, sheet, headings, frame, top + 3, BLOCKS[name], renames), name)


def completed_rows(table: Table, name: str) -> Table:
    """Only the rows in which the auditor filled something besides the pre-filled ids."""
    filled = table.frame.drop(columns=[c for c in table.frame.columns if c in PREFILLED[name] or c == "_row"])
    table.frame = table.frame[filled.notna().any(axis=1)].reset_index(drop=True)
    return table
