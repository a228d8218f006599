"""A completed case-tracking workbook (``readiness sample``) read back as ``case_audits`` and ``audit_actions``.

Each child's sheet holds, below the child's journey, a block headed :data:`AUDIT_MARK`
(the ``case_audits`` headings, then one row) and a block headed :data:`ACTIONS_MARK` (the
``audit_actions`` headings, then one row per action). The writer (:mod:`readiness.mock.tracking`)
pre-fills the ids; a row counts once the auditor has filled anything else in it, so a case
not yet audited, or a blank action line, is not read. Rows are then read exactly as the
extracts are (same spellings, same errors and warnings), located by sheet and Excel row.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from readiness.errors import Problem

from .extract_tables import EXTRACTS
from .normalise import Findings, normalise
from .tables import Table, Unreadable, build_table, sheet_rows, workbook_sheets

AUDIT_MARK = "Case audit (complete with the case-holding worker)"
ACTIONS_MARK = "Actions (one row each, with a due date)"
CASE_SHEET_PREFIX = "Case "
PREFILLED = {"case_audits": {"audit_id", "child_id", "team", "audit_type"}, "audit_actions": {"action_id", "audit_id"}}
MARKS = {"case_audits": AUDIT_MARK, "audit_actions": ACTIONS_MARK}


@dataclass(frozen=True)
class Piece:
    """Part of an extract read from one file (and sheet), normalised."""

    file: str
    sheet: str | None
    frame: pd.DataFrame


def read_tracking_workbook(path: Path, findings: Findings) -> dict[str, list[Piece]]:
    """Per extract (``case_audits``, ``audit_actions``), one :class:`Piece` per case sheet of a completed workbook.

    A file that cannot be read, or has no case sheet, is an error in ``findings`` (and no pieces).
    """
    try:
        sheets = [name for name, _ in workbook_sheets(path) if name.startswith(CASE_SHEET_PREFIX)]
        if not sheets:
            raise Unreadable(f"no case sheet (named '{CASE_SHEET_PREFIX}…') in this workbook")
        tables = {name: [block_table(path, sheet, name) for sheet in sheets] for name in MARKS}
    except Unreadable as exc:
        findings.errors.append(Problem(path.name, str(exc)))
        return {name: [] for name in MARKS}
    for table in (t for found in tables.values() for t in found):
        findings.errors += table.errors
        findings.warnings += table.warnings
    return {name: [Piece(t.file, t.sheet, normalise(t, EXTRACTS[name], findings)) for t in found] for name, found in tables.items()}


def entries(path: Path) -> int:
    """Rows the auditor has filled in (audit rows and action lines), before any is read as the extracts read them
    (a row with an unreadable value, or without its date, counts). Raises :class:`Unreadable` when the file is
    not a case-tracking workbook."""
    sheets = [name for name, _ in workbook_sheets(path) if name.startswith(CASE_SHEET_PREFIX)]
    if not sheets:
        raise Unreadable(f"no case sheet (named '{CASE_SHEET_PREFIX}…') in this workbook")
    return sum(len(block_table(path, sheet, name).frame) for sheet in sheets for name in MARKS)


def block_table(path: Path, sheet: str, name: str) -> Table:
    """The block of one sheet laid out as extract ``name``: the rows below its mark and headings, up to a blank row."""
    rows = sheet_rows(path, sheet)
    top = next((i for i, row in enumerate(rows) if row and str(row[0]).strip() == MARKS[name]), None)
    if top is None or top + 1 >= len(rows):
        raise Unreadable(f"sheet {sheet}: no '{MARKS[name]}' block")
    headings = [str(h) for h in rows[top + 1]]
    body = []
    for row in rows[top + 2 :]:
        if not any(str(cell).strip() for cell in row):
            break
        body.append(row)
    frame = pd.DataFrame(body, dtype=object).reindex(columns=range(len(headings)))
    table = build_table(path.name, sheet, headings, frame, top + 3, EXTRACTS[name], {})
    return completed_rows(table, name)


def completed_rows(table: Table, name: str) -> Table:
    """Only the rows in which the auditor filled something besides the pre-filled ids."""
    filled = table.frame.drop(columns=[c for c in table.frame.columns if c in PREFILLED[name] or c == "_row"])
    table.frame = table.frame[filled.notna().any(axis=1)].reset_index(drop=True)
    return table
