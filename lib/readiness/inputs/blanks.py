"""The blank-value rule's Data quality warnings (``indicators.md``, Conventions, "Blank values").

A blank, or ``Unknown``, in a value a figure needs (a Yes/No, a code, a count) is unknown: the row
leaves that figure, numerator and denominator. The indicator modules apply the rule, and declare it
on the figure (``blank=``, :mod:`readiness.config.figures`); this module counts such blanks per column,
so the pack's Data quality section says how many rows left which figures.
(Blank dates of *last* events count as not within the interval: they leave nothing and are not listed.)
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from readiness.config.figures import REGISTRY
from readiness.errors import Problem

from .bundle import unreadable_in


@dataclass(frozen=True)
class BlankRule:
    """A column whose blank leaves ``figures``; only rows where ``when`` (a column) is recorded are counted."""

    column: str
    figures: str
    when: str | None = None


def rules(name: str) -> tuple[BlankRule, ...]:
    """The blank rules of input ``name`` (an extract's name, or ``list_N``), as the figures declare them (``blank=``)."""
    return tuple(BlankRule(*rule) for rule in REGISTRY.blank_rules(name))


def blank_rows(frame: pd.DataFrame, rule: BlankRule) -> pd.Series:
    """Mask of the rows of ``frame`` whose ``rule.column`` is blank (or unknown) where ``rule.when`` is recorded."""
    blank = frame[rule.column].isna() & ~unreadable_in(frame, rule.column)  # an unreadable value has its own warning
    if rule.when is not None:
        blank &= frame[rule.when].notna()
    return blank.astype(bool)


def blank_warnings(name: str, frame: pd.DataFrame, file: str, sheet: str | None = None, heading_of=str) -> list[Problem]:
    """One warning per column of input ``name`` with blanks the rule applies to, in the frame's column order: where, how
    many, which figures they leave.

    ``heading_of`` turns a column name into the heading the user sees (Annex A's own headings).
    """
    problems = []
    for rule in sorted((rule for rule in rules(name) if rule.column in frame), key=lambda rule: frame.columns.get_loc(rule.column)):
        rows = frame.loc[blank_rows(frame, rule), "_row"]
        if len(rows):
            message = f"blank or Unknown; this row leaves {rule.figures}"
            examples = tuple(int(row) for row in rows.iloc[:3])
            problems.append(Problem(file, message, sheet, examples[0], heading_of(rule.column), len(rows) - 1, examples))
    return problems
