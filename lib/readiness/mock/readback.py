"""``readiness sample --read-back``: a completed case-tracking workbook written out as the extracts' workbooks.

Each extract goes beside the workbook as ``<name>-<extract>.xlsx``, marked as read-back's own
(:mod:`readiness.mock.keep`), so a later read-back replaces it only while nobody has changed it.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from openpyxl import Workbook

from readiness.errors import InputError
from readiness.inputs.normalise import Findings
from readiness.inputs.tracking import read_tracking_workbook

from .keep import check_read_back_targets, save_marked
from .tracking import put_row


def write_extract(path: Path, frame: pd.DataFrame, columns: list[str]) -> Path:
    """``frame`` as a one-sheet workbook in an extract's layout (Y/N for booleans, dates as dates), marked."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "data"
    put_row(sheet, 1, columns, bold=True)
    for row, record in enumerate(frame[columns].itertuples(index=False), 2):
        put_row(sheet, row, [{True: "Y", False: "N"}.get(v, v) if isinstance(v, bool) else v for v in record])
    return save_marked(workbook, path)


def read_back(path: Path) -> tuple[dict[str, Path], dict[str, int]]:
    """The completed blocks of a case-tracking workbook, written beside it as ``<name>-case_audits.xlsx``,
    ``<name>-audit_actions.xlsx``, ``<name>-immediate_concerns.xlsx`` and ``<name>-audit_checks.xlsx`` (the
    extracts' layout), and what was read: children (case sheets), audits, actions, concerns, blank cases (no
    audit row completed). Raises :class:`InputError` listing every error, and :class:`~readiness.errors.OutputError`
    when a file of those names is not read-back's own, unchanged."""
    findings = Findings()
    pieces = read_tracking_workbook(path, findings)
    if findings.errors:
        raise InputError(findings.errors)
    targets = {name: path.with_name(f"{path.stem}-{name}.xlsx") for name in pieces}
    check_read_back_targets(list(targets.values()))
    written = {}
    for name, found in pieces.items():
        frame = pd.concat([piece.frame for piece in found], ignore_index=True)
        columns = [c for c in frame.columns if c != "_row"]
        frame = frame.astype({c: object for c in columns}).where(frame.notna(), None)
        written[name] = write_extract(targets[name], frame, columns)
    audits = pieces["case_audits"]
    counts = {
        "children": len(audits),
        "audits": sum(len(piece.frame) for piece in audits),
        "actions": sum(len(piece.frame) for piece in pieces["audit_actions"]),
        "concerns": sum(len(piece.frame) for piece in pieces["immediate_concerns"]),
        "blank cases": sum(piece.frame.empty for piece in audits),
    }
    return written, counts
