"""A used column blank in every row of a provided list (``inputs.md`` section 4): a field the system did not export.

It is not data about children: every figure that reads it is ``null`` (never 0 % or 100 %), the
section says "not in this return", and *Data quality* warns once for the column (instead of once per
blank row). A column whose blank means "not yet" (an end, closure, authorisation or adoption
milestone: ``ColumnSpec.open_when_blank``) may be blank in every row of a real return and is never
taken as unexported; one read only ``when`` another is recorded (the ICPC's outcome, once there is an
ICPC) counts only those rows. A list with no rows has no unexported columns.
"""

from __future__ import annotations

import pandas as pd

from readiness.errors import Problem

from .annex_a_tables import ANNEX_A
from .bundle import Inputs, unreadable_in
from .schema import ColumnSpec, TableSpec

NOT_IN_RETURN = "not in this return"


def unexported_columns(spec: TableSpec, frame: pd.DataFrame) -> list[ColumnSpec]:
    """The used columns of ``frame`` (a list read by ``spec``) blank in every row where they are expected."""
    if not spec.checked:
        return []
    found = []
    for column in spec.columns:
        if not column.used or column.open_when_blank or column.name in spec.row_id or column.name not in frame:
            continue
        rows = frame if column.when is None else frame[frame[column.when].notna()]
        # blank in every row, none of them unreadable (the costlier test, so second)
        if len(rows) and bool(rows[column.name].isna().all()) and not unreadable_in(rows, column.name).any():
            found.append(column)
    return found


def unexported_warnings(spec: TableSpec, frame: pd.DataFrame, present: set[str], file: str, sheet: str | None) -> list[Problem]:
    """One warning per unexported column the list has (an absent one is warned about as missing already)."""
    return [
        Problem(
            file,
            f"blank in every row: the return does not carry this column, so the figures that read it are {NOT_IN_RETURN} (null)",
            sheet,
            column=column.heading,
            figures=column.readers,
        )
        for column in unexported_columns(spec, frame)
        if column.name in present
    ]


def unexported_in(inputs: Inputs) -> list[tuple[str, ColumnSpec]]:
    """Every unexported column of the Annex A lists given: (list name such as ``list_6``, column)."""
    return [
        (name, column)
        for name, frame in sorted(inputs.annex_a.items())
        for column in unexported_columns(ANNEX_A[int(name.removeprefix("list_"))], frame)
    ]


def not_in_return(unexported: list[tuple[str, ColumnSpec]], figure_id: str) -> str | None:
    """Why ``figure_id`` is null when a column it reads is ``unexported`` (:func:`unexported_in`: found once per
    input), the column's heading; else ``None``."""
    headings = [column.heading for _, column in unexported if column.feeds(figure_id)]
    return ", ".join(f"*{heading}*" for heading in headings) or None
