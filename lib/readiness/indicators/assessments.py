"""Assessments (Annex A List 4): timeliness of completed assessments and those still open at the snapshot.

Durations are ``working_days(assessment_start, end)``: the working days d with start ≤ d < end.
A completed assessment authorised before it started (a negative duration) is left out of the
duration figures, numerator and denominator and median alike, but still counts as completed.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pandas as pd

from readiness.config.figures import Blank, H, L, Theme
from readiness.config.params import Params
from readiness.config.period import Period
from readiness.config.workdays import working_days
from readiness.inputs.bundle import Inputs
from readiness.inputs.coverage import coverage_of, covered_period

from .common import (
    count_by,
    in_period,
    is_yes,
    known_share,
    median_of,
    month_keys,
    month_or_team,
    monthly_shares,
    over_period,
    team_keys,
    with_share,
    worst_first,
)
from .figure import Figure, FigureValue, count, share
from .tables import Roles, board_table, made_over

TIMELINESS_ROLES = Roles(
    ("completed", "within_45"), shares={"within_45_share": ("within_45", "timed")}, statistics={"median_working_days": "timed"}
)
"""Disclosure roles of :func:`timeliness_by_team` (and, mirrored in figures.json, :func:`timeliness_by_month`)."""
TIMESCALE_WORKING_DAYS = 45
DATES = ("list_4.assessment_start", "list_4.authorisation_date")
assessment = Theme("Assessments", reads=DATES)
front_door = Theme("Front door", reads=DATES)


# --- rows and durations -------------------------------------------------------------


def completed_in_period(list4: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Assessments whose ``authorisation_date`` is in the period."""
    return in_period(list4, "authorisation_date", period)


def assessment_working_days(list4: pd.DataFrame) -> pd.Series:
    """Working days from start to authorisation for each row (negative when authorised before it started)."""
    return working_days(list4["assessment_start"], list4["authorisation_date"])


def has_duration(days: pd.Series) -> pd.Series:
    """Mask of durations that count in duration figures: known and not negative."""
    return is_yes(days >= 0)


def completed_durations(list4: pd.DataFrame, period: Period) -> pd.Series:
    """Working days of each assessment completed in the period, negative durations left out."""
    days = assessment_working_days(completed_in_period(list4, period))
    return days[has_duration(days)]


def open_at(list4: pd.DataFrame, snapshot: date) -> pd.DataFrame:
    """Assessments open at ``snapshot``: started on or before it, authorisation blank or after it."""
    at = pd.Timestamp(snapshot)
    started = list4["assessment_start"] <= at
    not_authorised = list4["authorisation_date"].isna() | (list4["authorisation_date"] > at)
    return list4[started & not_authorised]


def is_over_timescale(list4: pd.DataFrame, snapshot: date) -> pd.Series:
    """Mask of assessments open more than 45 working days at ``snapshot``: ``working_days(start, snapshot)`` > 45."""
    return is_yes(working_days(list4["assessment_start"], pd.Timestamp(snapshot)) > TIMESCALE_WORKING_DAYS)


# --- headline figures -------------------------------------------------------------


@assessment.headline("assessments.completed_count", "Assessments completed", "count")
def completed_count(list4: pd.DataFrame, period: Period) -> Figure:
    """``assessments.completed_count``: assessments authorised in the period (negative durations included)."""
    return count(len(completed_in_period(list4, period)))


@assessment.headline(
    "assessments.within_45_working_days_share",
    "Assessments completed within 45 working days",
    "share",
    H,
    denominator="assessments.completed_count",
    on_chart="Assessments within 45 working days",
)
def within_45_working_days_share(list4: pd.DataFrame, period: Period) -> Figure:
    """``assessments.within_45_working_days_share``: of completions in the period with a duration, share ≤ 45 working days."""
    days = completed_durations(list4, period)
    return share((days <= TIMESCALE_WORKING_DAYS).sum(), len(days))


@assessment.headline("assessments.median_working_days", "Median working days to complete an assessment", "number", L)
def median_working_days(list4: pd.DataFrame, period: Period) -> Figure:
    """``assessments.median_working_days``: plain median duration of completions in the period (may end in .5)."""
    return median_of(completed_durations(list4, period))


@assessment.headline("assessments.open_at_snapshot", "Assessments open at the snapshot", "count")
def open_at_snapshot(list4: pd.DataFrame, period: Period) -> Figure:
    """``assessments.open_at_snapshot``: assessments open at the snapshot date."""
    return count(len(open_at(list4, period.snapshot)))


@assessment.headline("assessments.open_over_45_working_days", "Open assessments past 45 working days", "count", L)
def open_over_45_working_days(list4: pd.DataFrame, period: Period) -> Figure:
    """``assessments.open_over_45_working_days``: of those open at the snapshot, how many for more than 45 working days."""
    return count(is_over_timescale(open_at(list4, period.snapshot), period.snapshot).sum())


@assessment.headline(
    "assessments.child_seen_share",
    "Completed assessments where the child was seen",
    "share",
    H,
    reads=("list_4.child_seen",),
    denominator="assessments.completed_count",
    blank=(Blank("list_4.child_seen", when="authorisation_date"),),
)
def child_seen_share(list4: pd.DataFrame, period: Period) -> Figure:
    """``assessments.child_seen_share``: of completions in the period with *child seen* recorded, share Yes
    (a blank or unknown leaves it)."""
    return known_share(completed_in_period(list4, period)["child_seen"])


@front_door.headline(
    "assessments.no_further_support_share",
    "Assessments finding no need for social-care support",
    "share",
    reads=("list_4.requires_support",),
    blank=(Blank("list_4.requires_support", when="authorisation_date"),),
    in_sentence="Assessments completed that found no need for social-care support",
)
def no_further_support_share(list4: pd.DataFrame, period: Period) -> Figure:
    """``assessments.no_further_support_share``: of completions in the period whose outcome is known, share
    assessed as not requiring children's social care support (a blank or unknown outcome leaves the figure)."""
    support = completed_in_period(list4, period)["requires_support"]
    return share(is_yes(~support).sum(), support.notna().sum())


@assessment.monthly(
    "assessments.within_45_working_days_share",
    reads=tuple(f"cin_assessments.{column}" for column in ("referral_date", "assessment_start", "assessment_authorised")),
)
def monthly_within_45_working_days_share(list4: pd.DataFrame, period: Period) -> dict[str, Figure]:
    """``assessments.monthly.within_45_working_days_share``: the timeliness share by month of authorisation."""
    days = assessment_working_days(list4)
    timed = has_duration(days)
    return monthly_shares(list4.loc[timed, "authorisation_date"], days[timed] <= TIMESCALE_WORKING_DAYS, period)


# --- breakdown tables ---------------------------------------------------------------


def timeliness_table(done: pd.DataFrame, keys: pd.Series, index: list | None = None) -> pd.DataFrame:
    """Per key: ``completed``, ``timed`` (with a duration), ``within_45``, its share of timed, and the median."""
    days = assessment_working_days(done)
    timed = has_duration(days)
    columns = {"completed": pd.Series(True, index=done.index), "timed": timed, "within_45": timed & is_yes(days <= TIMESCALE_WORKING_DAYS)}
    table = with_share(count_by(keys, columns, index), "within_45", "timed")
    medians = days[timed].astype(float).groupby(keys[timed]).median()
    return table.assign(median_working_days=medians.reindex(table.index))


@board_table(made_over(replace(TIMELINESS_ROLES, mirror={"within_45_share": monthly_within_45_working_days_share.figure_id})))
def timeliness_by_month(list4: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Assessments completed per month of authorisation (every month of the period) and their timeliness."""
    done = completed_in_period(list4, period)
    return timeliness_table(done, month_keys(done["authorisation_date"]), period.months())


@board_table(TIMELINESS_ROLES)
def timeliness_by_team(list4: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Assessments completed in the period per team and their timeliness, lowest within-45 share first."""
    done = completed_in_period(list4, period)
    return worst_first(timeliness_table(done, team_keys(done)), "within_45_share")


@board_table(Roles(("open", "over_45"), shares={"over_45_share": ("over_45", "open")}))
def open_over_45_by_team(list4: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Per team: assessments open at the snapshot, those open over 45 working days, and the share; highest share first."""
    still_open = open_at(list4, period.snapshot)
    columns = {"open": pd.Series(True, index=still_open.index), "over_45": is_over_timescale(still_open, period.snapshot)}
    table = with_share(count_by(team_keys(still_open), columns), "over_45", "open")
    return worst_first(table, "over_45_share", higher_is_better=False)


@board_table(Roles(("outcome_known", "no_support"), shares={"no_support_share": ("no_support", "outcome_known")}))
def outcome_table(list4: pd.DataFrame, period: Period, by: str = "month") -> pd.DataFrame:
    """Assessments completed in the period with a known outcome per month of authorisation (every month) or per
    team (highest share first): ``outcome_known``, ``no_support`` (not requiring support) and ``no_support_share``."""
    done = completed_in_period(list4, period)
    keys, index = month_or_team(done, "authorisation_date", period, by)
    support = done["requires_support"]
    table = with_share(
        count_by(keys, {"outcome_known": support.notna(), "no_support": is_yes(~support)}, index), "no_support", "outcome_known"
    )
    return table if by == "month" else worst_first(table, "no_support_share", higher_is_better=False)


# --- every figure of the theme ---------------------------------------------------


def figures(inputs: Inputs, params: Params) -> dict[str, FigureValue]:
    """Every assessment figure, or none without Annex A List 4; completions count over the part of the period
    List 4 covers (:mod:`readiness.inputs.coverage`), open assessments at the snapshot."""
    list4 = inputs.annex_list(4)
    if list4 is None:
        return {}
    period = params.period
    covered = covered_period(period, coverage_of(inputs, params)[4])
    over_covered = (completed_count, within_45_working_days_share, median_working_days)
    at_snapshot = (open_at_snapshot, open_over_45_working_days)
    return {
        **{f.figure_id: f(list4, covered) for f in over_covered},
        **{f.figure_id: f(list4, period) for f in at_snapshot},
        **{f.figure_id: f(list4, covered) for f in (child_seen_share, no_further_support_share)},
        monthly_within_45_working_days_share.figure_id: over_period(monthly_within_45_working_days_share(list4, covered), period),
    }
