"""From a table of cell text to a normalised frame: checked, parsed, incomplete and duplicate rows out.

The error policy of ``inputs.md`` §3 lives here: a missing required column is an error; an
unreadable value is a warning whose row leaves only the figures that read the column (its
``_unreadable`` entry names the column), unless more than 10 % of a used column's values
cannot be read, which means the file itself is misread: an error.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import pandas as pd

from readiness.errors import Problem

from .bundle import UNREADABLE
from .schema import CURRENT, Failure, TableSpec, check_values, kinds_of
from .tables import Table
from .values import parse_float, quoted

UNREADABLE_SHARE = 0.10  # more than this share of a used column unreadable: the file is misread
EXAMPLE_ROWS = 3


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
            self.warnings.append(row_problem(table, message, column, frame.loc[mask, "_row"]))

    def make_strict(self) -> None:
        """``strict``: every unreadable value in a used column stops the build too."""
        unreadable = [p for p in self.warnings if p.unreadable]
        self.warnings = [p for p in self.warnings if not p.unreadable]
        self.errors += [replace(p, message=f"{p.message} (strict: unreadable values stop the build)") for p in unreadable]


def row_problem(table: Table, message: str, column: str | None, rows: pd.Series, **details) -> Problem:
    """A problem in ``rows`` (Excel row numbers) of ``table``: the first row, how many more, up to three examples."""
    ordered = sorted(int(row) for row in rows)
    if not ordered:
        return Problem(table.file, message, table.sheet, column=column, **details)
    examples = tuple(ordered[:EXAMPLE_ROWS])
    return Problem(table.file, message, table.sheet, ordered[0], column, len(ordered) - 1, examples, **details)


def normalise(table: Table, spec: TableSpec, findings: Findings) -> pd.DataFrame:
    """The data-model frame of ``table``; its problems added to ``findings``."""
    if table.unknown:
        findings.warnings.append(table.problem(f"unknown extra columns, ignored: {', '.join(table.unknown)}"))
    frame = parse_columns(table.frame, spec)
    failures = check_values(spec, table.frame, frame)
    for failure in failures:
        report_failure(table, spec, failure, findings)
    report_absent(table, spec, findings)
    if spec.finish is not None:
        frame = spec.finish(table.frame, frame)
    check_ages(table, spec, frame, findings)
    frame = mark_unreadable(frame, [f for f in failures if f.spec.used and not f.missing])
    frame = drop_incomplete(table, spec, frame, findings)
    return drop_duplicates(table, spec, frame, findings)


def report_failure(table: Table, spec: TableSpec, failure: Failure, findings: Findings) -> None:
    """A missing column, or unreadable values: see the module's docstring."""
    heading = spec.heading_of(failure.spec.name)
    if failure.missing:
        findings.errors.append(table.problem(missing_column(table, spec), heading))
    elif failure.spec.used and unreadable_share(table, failure) > UNREADABLE_SHARE:
        findings.errors.append(misread_column(table, failure, heading))
    else:
        findings.warnings.append(unreadable_values(table, spec, failure, heading))


def missing_column(table: Table, spec: TableSpec) -> str:
    """A required column's absence, naming the list and the headings present that match no column."""
    unmatched = ", ".join(quoted(heading, 80) for heading in table.unknown) if table.unknown else "none"
    return f"required column missing from {spec.label}; headings that match no column: {unmatched}"


def report_absent(table: Table, spec: TableSpec, findings: Findings) -> None:
    """Warn about each optional column of an Annex A list that is absent (not one only the current layout has)."""
    if spec.expects_all:
        for column in spec.columns:
            if not column.required and column.layout != CURRENT and column.name not in table.frame:
                findings.warnings.append(table.problem("optional column missing: read as blank", column.heading))


def unreadable_share(table: Table, failure: Failure) -> float:
    """The share of the column's non-blank values that cannot be read."""
    return len(failure.rows) / int(table.frame[failure.spec.name].notna().sum())


def misread_column(table: Table, failure: Failure, heading: str) -> Problem:
    """The error for a used column with too many unreadable values, quoting three of them with their rows."""
    order = failure.rows.sort_values().index[:EXAMPLE_ROWS]
    examples = ", ".join(f"{quoted(failure.values[i])} in row {int(failure.rows[i])}" for i in order)
    message = (
        f"{unreadable_share(table, failure):.1%} of the non-blank values ({len(failure.rows)}) cannot be read "
        f"(more than {UNREADABLE_SHARE:.0%}): expected {failure.spec.kind.expected}, found {examples}; "
        "is the file misread (month-first dates, a shifted column, another sheet)?"
    )
    return row_problem(table, message, heading, failure.rows)


def unreadable_values(table: Table, spec: TableSpec, failure: Failure, heading: str) -> Problem:
    """The warning for unreadable values: what was expected and what became of the rows (values never quoted)."""
    column = failure.spec
    if column.name in spec.row_id:
        outcome = "the rows are left out"
    elif column.used:
        outcome = "read as blank; the rows leave the figures that need it"
    else:
        outcome = "read as blank"
    message = f"value cannot be read: expected {column.kind.expected}; {outcome}"
    return row_problem(table, message, heading, failure.rows, figures=column.readers, unreadable=column.used)


def check_ages(table: Table, spec: TableSpec, frame: pd.DataFrame, findings: Findings) -> None:
    """Warn about negative ages other than -1 (an unborn child)."""
    if "age" in table.frame:
        ages = parse_float(table.frame["age"])
        findings.warn_rows(table, frame, (ages < 0) & (ages != -1), spec.heading_of("age"), "negative age other than -1 (unborn)")


def mark_unreadable(frame: pd.DataFrame, failures: list[Failure]) -> pd.DataFrame:
    """Name, in ``_unreadable``, the used columns each row could not be read in (no such column when none)."""
    if not failures:
        return frame
    names = pd.Series("", index=frame.index, dtype="string")
    for failure in failures:
        bad = frame["_row"].isin(failure.rows)
        names[bad] = names[bad] + f"{failure.spec.name};"
    frame[UNREADABLE] = names.str.rstrip(";").replace("", pd.NA)
    return frame


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
    """Leave out rows without their id or key date, with a warning for the blank ones
    (an unreadable one was warned about already)."""
    keep = pd.Series(True, index=frame.index)
    for name in spec.row_id:
        heading = spec.heading_of(name)
        missing = frame[name].isna() & keep
        blank = table.frame[name].isna() if name in table.frame else pd.Series(True, index=frame.index)
        findings.warn_rows(table, frame, missing & blank, heading, f"row without its {heading}; left out")
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
