"""A return's values typed, and its row-level problems gathered into warnings (``inputs.md`` section 3).

A value that cannot be read becomes missing and is a warning naming the figures it leaves; more
than :data:`MOST_UNREADABLE` of a used column's filled values unreadable means the file is not
what it claims (a month-first export, a shifted column) and stops the build.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from readiness.config.figures import REGISTRY
from readiness.errors import Problem

MOST_UNREADABLE = 0.10
EXAMPLES = 3


def leaves(frame: str, *columns: str) -> tuple[str, ...]:
    """The figures that read any of ``frame``'s ``columns`` (``leaves("csww_workers", "fte")``), as their declarations'
    ``reads`` say (:mod:`readiness.config.figures`), in the registry's order: those a value unreadable there leaves."""
    return tuple(dict.fromkeys(figure_id for column in columns for figure_id in REGISTRY.readers(f"{frame}.{column}")))


@dataclass
class RowProblems:
    """Warnings and errors about one return file, gathered by column and problem."""

    file: str
    warnings: list[Problem] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)

    def warn(self, rows: pd.Series, column: str | None, message: str, figures: tuple[str, ...]) -> None:
        """One warning for every row in ``rows`` (row numbers: a CSV's row as Excel shows it, an XML file's line)."""
        ordered = sorted(int(row) for row in rows)
        if ordered:
            self.warnings.append(
                Problem(self.file, message, None, ordered[0], column, len(ordered) - 1, tuple(ordered[:EXAMPLES]), figures)
            )

    def typed(
        self, frame: pd.DataFrame, column: str, parsed: pd.Series, what: str, figures: tuple[str, ...], label: str | None = None
    ) -> pd.Series:
        """``parsed`` (missing where ``frame[column]``'s text could not be read as ``what``), with its problems noted
        under ``label`` (the column's name in the file; ``column`` when not given)."""
        label = label or column
        filled = frame[column].notna()
        bad = filled & parsed.isna()
        if bad.sum() > MOST_UNREADABLE * max(int(filled.sum()), 1) and int(filled.sum()) >= EXAMPLES:
            rows = ", ".join(str(int(r)) for r in frame.loc[bad, "_row"].head(EXAMPLES))
            share = f"{bad.sum() / filled.sum():.0%}"
            self.errors.append(
                Problem(self.file, f"{share} of the filled values are not {what} (e.g. rows {rows}): is this the right file?", column=label)
            )
        else:
            self.warn(frame.loc[bad, "_row"], label, f"not {what}: the row leaves the figures that need it", figures)
        return parsed


def iso_dates(text: pd.Series) -> pd.Series:
    """``YYYY-MM-DD`` text (XML's dates) as dates; anything else missing."""
    return pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")


def uk_dates(text: pd.Series) -> pd.Series:
    """``dd/mm/yyyy`` text (the SSDA903 CSVs' dates) as dates; anything else missing."""
    return pd.to_datetime(text, format="%d/%m/%Y", errors="coerce")


def numbers(text: pd.Series) -> pd.Series:
    """Decimal text as floats; anything else missing."""
    return pd.to_numeric(text, errors="coerce").astype("Float64")


FLAGS = {"1": True, "true": True, "0": False, "false": False}


def flags(text: pd.Series) -> pd.Series:
    """XML booleans (``1``/``0``, ``true``/``false``) as nullable booleans; anything else missing."""
    return text.str.strip().str.lower().map(FLAGS).astype("boolean")


def codes(text: pd.Series, allowed: frozenset[str]) -> pd.Series:
    """Codes in ``allowed`` (upper case) kept, anything else missing."""
    upper = text.str.strip().str.upper()
    return upper.where(upper.isin(allowed))
