"""Focus on Practice weeks: a domain's audit grades in the eight weeks before and after each week.

For a week starting on ``date``, *before* is the 56 days before it
(``date − 56 days ≤ audit_date < date``) and *after* is the 56 days after the week
itself (``date + 7 days ≤ audit_date < date + 63 days``): audits during the week are
in neither, so the comparison is not flattered by the week's own audits.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Iterable

import pandas as pd

from readiness.config.param_models import PracticeWeek
from readiness.errors import InputError, Problem

from .audits import GOOD_OR_BETTER
from .tables import Roles, board_table

WINDOW = timedelta(days=56)
WEEK = timedelta(days=7)


def domain_column(audits: pd.DataFrame, domain: str) -> str:
    """The ``domain_<domain>`` column of ``audits``; raise :class:`InputError` when there is none."""
    column = f"domain_{domain}"
    if column not in audits.columns:
        raise InputError([Problem("case_audits", f"no column for practice week domain '{domain}'", column=column)])
    return column


def domain_grades_between(audits: pd.DataFrame, column: str, first: date, before: date) -> dict[str, int]:
    """Audits dated ``first`` ≤ audit_date < ``before`` that grade the domain, and those graded good or better."""
    dated = audits[(audits["audit_date"] >= pd.Timestamp(first)) & (audits["audit_date"] < pd.Timestamp(before))]
    grades = dated[column].dropna()
    return {"graded": len(grades), "good_or_better": int(grades.isin(GOOD_OR_BETTER).sum())}


def compare_week(audits: pd.DataFrame, week: PracticeWeek) -> dict:
    """One practice week's row: counts and good-or-better shares before and after, and the change."""
    column = domain_column(audits, week.domain)
    before = domain_grades_between(audits, column, week.date - WINDOW, week.date)
    after = domain_grades_between(audits, column, week.date + WEEK, week.date + WEEK + WINDOW)
    row = {"date": pd.Timestamp(week.date), "domain": week.domain}
    for name, counts in (("before", before), ("after", after)):
        row[f"{name}_graded"] = counts["graded"]
        row[f"{name}_good_or_better"] = counts["good_or_better"]
        row[f"{name}_share"] = counts["good_or_better"] / counts["graded"] if counts["graded"] else None
    both = row["before_share"] is not None and row["after_share"] is not None
    row["change"] = row["after_share"] - row["before_share"] if both else None
    return row


def compare_practice_weeks(audits: pd.DataFrame, weeks: Iterable[PracticeWeek]) -> pd.DataFrame:
    """A row per practice week: the domain's good-or-better share in the 8 weeks before and the 8 weeks after.

    Columns: ``date``, ``domain``, ``before_graded``, ``before_good_or_better``, ``before_share``,
    the same for ``after``, and ``change`` (after − before; missing when either share is).
    """
    columns = ["date", "domain"] + [f"{side}_{what}" for side in ("before", "after") for what in ("graded", "good_or_better", "share")]
    rows = [compare_week(audits, week) for week in weeks]
    return pd.DataFrame(rows, columns=[*columns, "change"]).astype({"before_share": float, "after_share": float, "change": float})


def week_label(row: pd.Series) -> str:
    """``Voice of child, week of 13 January 2025`` for a :func:`compare_practice_weeks` row."""
    domain = row["domain"].replace("_", " ")
    return f"{domain[:1].upper()}{domain[1:]}, week of {row['date'].day} {row['date']:%B %Y}"


@board_table(
    Roles(
        ("before_graded", "before_good_or_better", "after_graded", "after_good_or_better"),
        shares={"before_share": ("before_good_or_better", "before_graded"), "after_share": ("after_good_or_better", "after_graded")},
    )
)
def comparison_table(audits: pd.DataFrame, weeks: Iterable[PracticeWeek]) -> pd.DataFrame:
    """:func:`compare_practice_weeks` for the Board: one row per week, indexed by :func:`week_label`
    (``practice_week``), with the before and after counts and shares (no dates or changes as columns)."""
    table = compare_practice_weeks(audits, weeks)
    labels = pd.Index([week_label(row) for _, row in table.iterrows()], name="practice_week", dtype=object)
    return table.drop(columns=["date", "domain", "change"]).set_axis(labels)
