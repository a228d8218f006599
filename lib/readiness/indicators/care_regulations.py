"""Children in care against the Care Planning, Placement and Case Review Regulations 2010 (Annex A List 8).

Version 4 of the contract (``indicators.md``, *Children in care: the regulations, not flat intervals*): statutory
reviews on reg. 33's schedule (20 working days, then 3 months, then every 6 months), visits on reg. 28's general
intervals, a health assessment since entering care, permanence plans once a child has been in care four months,
and who is placed with family, with parents, or (under 16) in accommodation that is unlawful for them.
Every figure is over the children looked after at the snapshot (their latest start, as :func:`care.looked_after`).
Both schedules are approximations from the one date Annex A holds; the section says so.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from readiness.config.figures import Blank, H, L, Theme
from readiness.config.params import Params
from readiness.config.period import one_year_before
from readiness.config.workdays import england_bank_holidays
from readiness.inputs.bundle import Inputs

from .care import age_at, looked_after, months_before, recorded
from .common import is_known, is_yes, known_share
from .figure import Figure, FigureValue, count, share

FIRST_REVIEW_WORKING_DAYS = 20  # reg. 33(1): the first review within 20 working days of the child becoming looked after
SECOND_REVIEW_MONTHS = 3  # reg. 33(2)(a): the second not more than three months after the first
LATER_REVIEW_MONTHS = 6  # reg. 33(2)(b): later reviews not more than six months after the one before
SHORT_BREAKS = ("V3", "V4")  # legal statuses of children in a series of short breaks: reviewed on their own schedule
NEW_PLACEMENT_VISIT_DAYS = 7  # reg. 28(2)(a): within one week of the start of any placement
LONG_TERM_FOSTER_VISIT_DAYS = 92  # reg. 28(3)(b): three-monthly once a long-term foster placement has lasted a year
GENERAL_VISIT_DAYS = 42  # reg. 28(3)(a): at intervals of not more than six weeks otherwise
LONG_TERM_FOSTERING = ("U1", "U4")  # SSDA903 placement types: long-term foster placements
KINSHIP = ("U1", "U2", "U3")  # placed with a relative or friend (connected person)
PLACED_WITH_PARENTS = "P1"
UNREGULATED = ("H5", "P2")  # semi-independent or supported accommodation, independent living
UNREGULATED_UNDER_AGE = 16  # unlawful for under-16s since 9 September 2021
PERMANENCE_AFTER_MONTHS = 4  # a permanence plan is agreed by the second review

regulations = Theme("Children in care", reads=("list_8.looked_after_start", "list_8.looked_after_end"))
REVIEW_IN_TIME = regulations.figure(
    "cla.review_in_time_share",
    "Children in care whose latest statutory review was in time (reg. 33)",
    "share",
    H,
    reads=("list_8.latest_review", "list_8.legal_status"),
)
VISIT_IN_TIME = regulations.figure(
    "cla.visit_within_regulation_share",
    "Children in care visited within reg. 28's intervals",
    "share",
    H,
    reads=("list_8.last_visit", "list_8.placement_start", "list_8.placement_type"),
)
HEALTH_SINCE_ENTRY = regulations.figure(
    "cla.initial_health_assessment_share",
    "Children new to care who have had a health assessment since entering",
    "share",
    H,
    reads=("list_8.last_health_assessment",),
)
PERMANENCE_4M = regulations.figure(
    "cla.permanence_plan_4m_share",
    "Children in care four months or more with a permanence plan",
    "share",
    H,
    reads=("list_8.permanence_plan",),
)
PLACEMENT = ("list_8.placement_type",)
KINSHIP_SHARE = regulations.figure(
    "cla.kinship_placement_share",
    "Children in care placed with relatives or friends",
    "share",
    reads=PLACEMENT,
    blank=(Blank("list_8.placement_type"),),
)
WITH_PARENTS = regulations.figure("cla.placed_with_parents_count", "Children in care placed with parents", "count", reads=PLACEMENT)
UNDER_16_UNREGULATED = regulations.figure(
    "cla.under_16_in_unregulated_count",
    "Under-16s in independent or supported accommodation",
    "count",
    L,
    reads=(*PLACEMENT, "list_8.date_of_birth"),
)


def add_months(day: date, months: int) -> date:
    """The same day ``months`` calendar months later, or that month's last day when it does not exist."""
    return months_before(day, -months)


def first_review_due(start: date) -> date:
    """d₁: the 20th working day after ``start``, not counting the start day (England's bank holidays out).

    >>> first_review_due(date(2024, 12, 20))  # Christmas Day, Boxing Day and New Year's Day are not working days
    datetime.date(2025, 1, 22)
    """
    due = np.busday_offset(np.datetime64(start, "D"), FIRST_REVIEW_WORKING_DAYS, roll="backward", holidays=england_bank_holidays())
    return pd.Timestamp(due).date()


def last_review_window(start: date, snapshot: date) -> tuple[date, date] | None:
    """(dₖ₋₁, dₖ): dₖ the latest review due date on or before ``snapshot`` and dₖ₋₁ the one before it (the start,
    for k = 1); ``None`` when the first review is not yet due."""
    due = first_review_due(start)
    if due > snapshot:
        return None
    before, step = start, SECOND_REVIEW_MONTHS
    while (following := add_months(due, step)) <= snapshot:
        before, due, step = due, following, LATER_REVIEW_MONTHS
    return before, due


def review_in_time(start, latest_review, snapshot: date):
    """Whether a child's latest review was held after dₖ₋₁ (``<NA>`` when no review is due yet); blank: none held."""
    window = last_review_window(start.date(), snapshot)
    if window is None:
        return pd.NA
    return pd.notna(latest_review) and latest_review.date() > window[0]


def not_in_short_breaks(rows: pd.DataFrame) -> pd.DataFrame:
    """``rows`` less children whose legal status is a series of short breaks (V3, V4), where the return gives it."""
    if "legal_status" not in rows:
        return rows
    return rows[~rows["legal_status"].isin(SHORT_BREAKS).fillna(False).astype(bool)]


def review_in_time_share(rows: pd.DataFrame, snapshot: date) -> Figure:
    """``cla.review_in_time_share``: of looked-after children (short breaks out) whose first review is due, share whose
    latest statutory review was held after the due date before the latest one due (reg. 33)."""
    rows = not_in_short_breaks(rows)
    in_time = [review_in_time(start, review, snapshot) for start, review in zip(rows["looked_after_start"], rows["latest_review"])]
    return known_share(pd.Series(in_time, index=rows.index, dtype="boolean"))


def visit_interval_days(rows: pd.DataFrame, snapshot: date) -> pd.Series:
    """Reg. 28's general interval for each child: 7 days in a placement started in the 7 days before the snapshot;
    92 days in a long-term foster placement (U1, U4) of a year or more, looked after a year or more; else 42 days."""
    day, year_ago = pd.Timestamp(snapshot), pd.Timestamp(one_year_before(snapshot))
    new_placement = (rows["placement_start"] <= day) & (rows["placement_start"] >= day - pd.Timedelta(days=NEW_PLACEMENT_VISIT_DAYS))
    long_term = (
        (rows["looked_after_start"] <= year_ago) & (rows["placement_start"] <= year_ago) & rows["placement_type"].isin(LONG_TERM_FOSTERING)
    )
    intervals = pd.Series(GENERAL_VISIT_DAYS, index=rows.index)
    intervals[is_yes(long_term)] = LONG_TERM_FOSTER_VISIT_DAYS
    intervals[is_yes(new_placement)] = NEW_PLACEMENT_VISIT_DAYS
    return intervals


def visit_within_regulation_share(rows: pd.DataFrame, snapshot: date) -> Figure:
    """``cla.visit_within_regulation_share``: share of looked-after children visited within their reg. 28 interval
    (a blank visit date: not visited)."""
    days_since = (pd.Timestamp(snapshot) - rows["last_visit"]).dt.days
    visited = ((days_since >= 0) & (days_since <= visit_interval_days(rows, snapshot))).fillna(False).astype(bool)
    return share(visited.sum(), len(rows))


def initial_health_assessment_share(rows: pd.DataFrame, params: Params) -> Figure:
    """``cla.initial_health_assessment_share``: of children whose latest start is in the period and whose first review
    is due by the snapshot, share with a health assessment from that start to the snapshot."""
    snapshot = params.period.snapshot
    entered = rows[params.period.contains(rows["looked_after_start"])]
    due = entered[entered["looked_after_start"].map(lambda start: first_review_due(start.date()) <= snapshot).astype(bool)]
    assessed = (due["last_health_assessment"] >= due["looked_after_start"]) & (due["last_health_assessment"] <= pd.Timestamp(snapshot))
    return share(assessed.fillna(False).astype(bool).sum(), len(due))


def permanence_plan_4m_share(rows: pd.DataFrame, snapshot: date) -> Figure:
    """``cla.permanence_plan_4m_share``: of children looked after four calendar months or more, share with a plan."""
    settled = rows[rows["looked_after_start"] <= pd.Timestamp(months_before(snapshot, PERMANENCE_AFTER_MONTHS))]
    return share(is_known(settled["permanence_plan"]).sum(), len(settled))


def placement_figures(rows: pd.DataFrame, snapshot: date) -> dict[str, Figure]:
    """Kinship placements (share, a blank type unknown), children placed with parents and under-16s in independent or
    supported accommodation (counts)."""
    placement = rows["placement_type"]
    under_16 = (age_at(rows["date_of_birth"], snapshot) < UNREGULATED_UNDER_AGE).fillna(False).astype(bool)
    return {
        KINSHIP_SHARE: known_share(recorded(placement.isin(KINSHIP), placement)),
        WITH_PARENTS: count((placement == PLACED_WITH_PARENTS).fillna(False).astype(bool).sum()),
        UNDER_16_UNREGULATED: count((under_16 & placement.isin(UNREGULATED).fillna(False).astype(bool)).sum()),
    }


def figures(inputs: Inputs, params: Params) -> dict[str, FigureValue]:
    """Every figure of this module that List 8 allows."""
    cla = inputs.annex_list(8)
    if cla is None:
        return {}
    snapshot = params.period.snapshot
    rows = looked_after(cla, snapshot)
    return {
        REVIEW_IN_TIME: review_in_time_share(rows, snapshot),
        VISIT_IN_TIME: visit_within_regulation_share(rows, snapshot),
        HEALTH_SINCE_ENTRY: initial_health_assessment_share(rows, params),
        PERMANENCE_4M: permanence_plan_4m_share(rows, snapshot),
        **placement_figures(rows, snapshot),
    }
