"""Early help (Annex A List 2): early-help assessments started, completed and open, and children stepped up.

Days to complete are calendar days from start to completion. A completion before its start (a
warning when read) leaves the median but still counts as completed.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from readiness.config.figures import L, Theme
from readiness.config.params import Params
from readiness.config.period import Period
from readiness.inputs.bundle import Inputs
from readiness.inputs.coverage import coverage_of, covered_period, latest_coverage

from .common import count_by, in_period, median_of, month_keys, worst_first
from .figure import Figure, FigureValue, count, share
from .tables import Roles, board_table


def days_to_complete(list2: pd.DataFrame) -> pd.Series:
    """Calendar days from start to completion of each row (missing while open; negative when completed before it started)."""
    return (list2["assessment_completion"] - list2["assessment_start"]).dt.days


def completed_days(list2: pd.DataFrame, period: Period) -> pd.Series:
    """Days to complete of the rows completed in the period, negative ones left out."""
    days = days_to_complete(in_period(list2, "assessment_completion", period))
    return days[days >= 0]


def open_at(list2: pd.DataFrame, snapshot: date) -> pd.DataFrame:
    """Early-help assessments open at ``snapshot``: started on or before it, completion blank or after it."""
    at = pd.Timestamp(snapshot)
    not_completed = list2["assessment_completion"].isna() | (list2["assessment_completion"] > at)
    return list2[(list2["assessment_start"] <= at) & not_completed]


# --- headline figures -------------------------------------------------------------

early_help = Theme("Early help", reads=("list_2.assessment_start",))
COMPLETION = ("list_2.assessment_completion",)


@early_help.headline("early_help.started_count", "Early-help assessments started", "count")
def started_count(list2: pd.DataFrame, period: Period) -> Figure:
    """``early_help.started_count``: assessments started in the period."""
    return count(period.contains(list2["assessment_start"]).sum())


@early_help.headline("early_help.completed_count", "Early-help assessments completed", "count", reads=COMPLETION)
def completed_count(list2: pd.DataFrame, period: Period) -> Figure:
    """``early_help.completed_count``: assessments completed in the period (one completed before its start included)."""
    return count(period.contains(list2["assessment_completion"]).sum())


@early_help.headline(
    "early_help.median_days_to_complete", "Median days to complete an early-help assessment", "number", L, reads=COMPLETION
)
def median_days_to_complete(list2: pd.DataFrame, period: Period) -> Figure:
    """``early_help.median_days_to_complete``: median calendar days to complete, over completions in the period."""
    return median_of(completed_days(list2, period))


@early_help.headline("early_help.open_at_snapshot", "Early-help assessments open at the snapshot", "count", reads=COMPLETION)
def open_at_snapshot(list2: pd.DataFrame, period: Period) -> Figure:
    """``early_help.open_at_snapshot``: early-help assessments open at the snapshot date."""
    return count(len(open_at(list2, period.snapshot)))


@early_help.headline(
    "early_help.children_referred_share",
    "Children in early help stepped up to a referral",
    "share",
    in_sentence="Children in early help who were then referred to children's social care",
)
def children_referred_share(list2: pd.DataFrame, referrals: pd.DataFrame, period: Period) -> Figure:
    """``early_help.children_referred_share``: of children with an early-help assessment started in the period,
    share with a List 3 referral in the period on or after their earliest such start (stepped up to social care)."""
    first_start = in_period(list2, "assessment_start", period).groupby("child_id")["assessment_start"].min()
    referred = in_period(referrals, "referral_date", period)
    starts = first_start.reindex(referred["child_id"].to_numpy()).to_numpy()  # NaT for a child with no start
    stepped_up = set(referred.loc[referred["referral_date"].to_numpy() >= starts, "child_id"])
    return share(len(stepped_up), len(first_start))


# --- breakdown tables ---------------------------------------------------------------


def activity_table(list2: pd.DataFrame, keys_of, period: Period, index: list | None = None) -> pd.DataFrame:
    """Per key: assessments ``started`` and ``completed`` in the period, ``open`` at the snapshot, and the
    ``median_days`` to complete (completions in the period). ``keys_of`` gives a row's key from its date column."""
    started = in_period(list2, "assessment_start", period)
    completed = in_period(list2, "assessment_completion", period)
    still_open = open_at(list2, period.snapshot)
    parts = {
        "started": count_by(keys_of(started, "assessment_start"), {"started": pd.Series(True, index=started.index)}, index),
        "completed": count_by(keys_of(completed, "assessment_completion"), {"completed": pd.Series(True, index=completed.index)}, index),
        "open": count_by(keys_of(still_open, "assessment_start"), {"open": pd.Series(True, index=still_open.index)}, index),
    }
    table = pd.concat(parts.values(), axis=1).fillna(0).astype(int)
    days = days_to_complete(completed)
    valid = days >= 0
    medians = days[valid].astype(float).groupby(keys_of(completed, "assessment_completion")[valid]).median()
    return table.assign(median_days=medians.reindex(table.index))


def organisation_keys(rows: pd.DataFrame, _date_column: str) -> pd.Series:
    """Each row's ``organisation`` completing the assessment (``Not recorded`` when blank)."""
    return rows["organisation"].fillna("Not recorded").rename("organisation")


def month_of(rows: pd.DataFrame, date_column: str) -> pd.Series:
    """Each row's ``YYYY-MM`` by the date in ``date_column``."""
    return month_keys(rows[date_column])


@board_table(Roles(("started", "completed", "open"), statistics={"median_days": "completed"}))
def by_organisation(list2: pd.DataFrame, period: Period) -> pd.DataFrame:
    """:func:`activity_table` per organisation completing the assessment, most started first."""
    table = activity_table(list2, organisation_keys, period)
    return worst_first(table, "started", higher_is_better=False)


@board_table(Roles(("started", "completed"), statistics={"median_days": "completed"}))
def by_month(list2: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Assessments started and completed per month of the period (every month); ``open`` only means open at the snapshot."""
    return activity_table(list2, month_of, period, period.months()).drop(columns="open")


# --- every figure of the theme ---------------------------------------------------


def figures(inputs: Inputs, params: Params) -> dict[str, FigureValue]:
    """Every early-help figure, or none without List 2; the stepped-up share is ``None`` without List 3.
    Period figures count from List 2's coverage (with List 3's too for the stepped-up share)."""
    list2 = inputs.annex_list(2)
    if list2 is None:
        return {}
    period, referrals, coverage = params.period, inputs.annex_list(3), coverage_of(inputs, params)
    covered = covered_period(period, coverage[2])
    return {
        **{f.figure_id: f(list2, covered) for f in (started_count, completed_count, median_days_to_complete)},
        open_at_snapshot.figure_id: open_at_snapshot(list2, period),
        children_referred_share.figure_id: Figure(None, ())
        if referrals is None
        else children_referred_share(list2, referrals, covered_period(period, latest_coverage(coverage, (2, 3)))),
    }
