"""From a table of cell text to a normalised frame: checked, parsed, incomplete and duplicate rows out."""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from ..errors import Problem
from .schema import FREE_TEXT_WARNING, Failure, TableSpec, check_values, kinds_of
from .tables import Table


@dataclass
class Findings:
    """Errors (the build stops) and warnings (it goes on) found so far."""

    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def extend(self, other: Findings) -> None:
        """Add ``other``'s errors and warnings after these."""
        self.errors += other.errors
        self.warnings += other.warnings

    def warn_rows(self, table: Table, frame: pd.DataFrame, mask: pd.Series, column: str | None, message: str) -> None:
        """Warn once about every row of ``frame`` where ``mask`` holds (nothing when none does)."""
        mask = mask.fillna(False).astype(bool)
        if mask.any():
            self.warnings.append(table.problem(message, column, frame.loc[mask, "_row"]))


def normalise(table: Table, spec: TableSpec, findings: Findings) -> pd.DataFrame:
    """The data-model frame of ``table``; its problems added to ``findings``."""
    if table.unknown:
        findings.warnings.append(table.problem(f"unknown extra columns, ignored: {', '.join(table.unknown)}"))
    for failure in check_values(spec, table.frame):
        report_failure(table, spec, failure, findings)
    frame = parse_columns(table.frame, spec)
    frame = drop_incomplete(table, spec, frame, findings)
    return drop_duplicates(table, spec, frame, findings)


def report_failure(table: Table, spec: TableSpec, failure: Failure, findings: Findings) -> None:
    """A missing column or unreadable values: an error in a used column, else a warning."""
    heading = spec.heading_of(failure.spec.name)
    if failure.missing:
        findings.errors.append(table.problem("required column missing", heading))
    elif failure.spec.used:
        message = f"'{failure.example}' cannot be read: expected {failure.spec.kind.expected}"
        findings.errors.append(table.problem(message, heading, failure.rows))
    else:
        findings.warnings.append(table.problem(FREE_TEXT_WARNING, heading, failure.rows))


def parse_columns(text: pd.DataFrame, spec: TableSpec) -> pd.DataFrame:
    """Every column read by its kind (unreadable values blank), absent optional columns all blank;
    columns the spec does not know (kept only by an unchecked list) stay text."""
    blank = pd.Series(pd.NA, index=text.index, dtype="string")
    kinds = kinds_of(spec, text)
    columns = {name: c.kind.parse(text[name] if name in text else blank) for name, c in kinds.items()}
    columns.update({name: text[name] for name in text.columns if name not in kinds and name != "_row"})
    frame = pd.DataFrame(columns, index=text.index)
    frame["_row"] = text["_row"]
    return frame


def drop_incomplete(table: Table, spec: TableSpec, frame: pd.DataFrame, findings: Findings) -> pd.DataFrame:
    """Leave out rows without their id or key date, with a warning for each."""
    keep = pd.Series(True, index=frame.index)
    for name in spec.row_id:
        heading = spec.heading_of(name)
        missing = frame[name].isna() & keep
        findings.warn_rows(table, frame, missing, heading, f"row without its {heading}; left out")
        keep &= ~missing
    return frame[keep].reset_index(drop=True)


def drop_duplicates(table: Table, spec: TableSpec, frame: pd.DataFrame, findings: Findings) -> pd.DataFrame:
    """Keep the first row of each natural key, with a warning for the others."""
    if not spec.natural_key:
        return frame
    repeated = frame.duplicated(list(spec.natural_key), keep="first")
    headings = " + ".join(spec.heading_of(name) for name in spec.natural_key)
    findings.warn_rows(table, frame, repeated, headings, "duplicate natural key; the first row is kept")
    return frame[~repeated].reset_index(drop=True)
