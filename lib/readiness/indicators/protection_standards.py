"""Section 47 enquiries and child protection plans as DfE and Working Together measure them (Lists 5 and 7, version 4).

Repeat enquiries on the re-referral rule, enquiries that led to a conference, plans that ended and how long they
lasted (DfE's measure), children on a plan seen alone, and review conferences held by the snapshot on Working
Together's schedule (the first within three months of the plan's start, then every six months).
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from readiness.config.figures import Blank, H, L, Theme
from readiness.config.params import Params
from readiness.config.period import Period
from readiness.config.workdays import working_days
from readiness.inputs.bundle import Inputs
from readiness.inputs.coverage import coverage_of, covered_period

from .care import months_before
from .common import in_period, is_yes, known_share
from .figure import Figure, FigureValue, count, share
from .protection import ICPC_WORKING_DAYS, open_plans
from .rereferrals import rereferral_status

FIRST_REVIEW_MONTHS = 3  # Working Together: the first review conference within three months of the initial conference
LATER_REVIEW_MONTHS = 6  # then at intervals of not more than six months
ENDED_LONG_YEARS = 2

enquiry = Theme("Child protection", reads=("list_5.strategy_date",))
S47_REPEAT = enquiry.figure(
    "s47.repeat_share",
    "Section 47 enquiries within 12 months of another",
    "share",
    L,
    reads=("list_5.s47_last_12m",),
    blank=(Blank("list_5.s47_last_12m", "s47.repeat_share if no earlier enquiry of the child is listed"),),
)
S47_TO_ICPC = enquiry.figure(
    "s47.to_icpc_share",
    "Section 47 enquiries that led to an initial conference",
    "share",
    reads=("list_5.icpc_date", "list_5.icpc_unnecessary"),
)
plan = Theme("Child protection", reads=("list_7.cp_start", "list_7.cp_end"))
ENDED = plan.figure("cp.ended_count", "Child protection plans ended", "count")
ENDED_LONG = plan.figure("cp.ended_two_years_plus_share", "Plans ended that lasted two years or more", "share", L, denominator=ENDED)
SEEN_ALONE = plan.figure(
    "cp.seen_alone_share",
    "Children on a plan seen alone",
    "share",
    H,
    reads=("list_7.seen_alone",),
    blank=(Blank("list_7.seen_alone", "cp.seen_alone_share if the plan is open at the snapshot"),),
)
REVIEW_HELD = plan.figure(
    "cp.review_in_time_share",
    "Open plans whose latest review conference was held by the snapshot",
    "share",
    H,
    reads=("list_7.latest_review",),
)


# --- List 5 ------------------------------------------------------------------------


def repeat_status(s47: pd.DataFrame) -> pd.Series:
    """Per enquiry: a repeat (another of the child's enquiries in the 12 months before it, or more counted in
    ``Number of Section 47 Enquiries in the last 12 months`` than listed), ``<NA>`` when neither can tell."""
    counts = s47["s47_last_12m"] if "s47_last_12m" in s47 else pd.Series(pd.NA, index=s47.index, dtype="Int64")
    as_referrals = pd.DataFrame({"child_id": s47["child_id"], "referral_date": s47["strategy_date"], "referrals_last_12m": counts})
    return rereferral_status(as_referrals)


def s47_repeat_share(s47: pd.DataFrame, period: Period) -> Figure:
    """``s47.repeat_share``: of enquiries whose strategy discussion is in the period and whose status is known, share repeats."""
    status = repeat_status(s47)[period.contains(s47["strategy_date"])]
    return known_share(status)


def s47_to_icpc_share(s47: pd.DataFrame, period: Period, snapshot: date) -> Figure:
    """``s47.to_icpc_share``: of enquiries in the period that had 15 working days to reach a conference by the snapshot
    (or whose conference is recorded, or deemed unnecessary), share with a conference date."""
    rows = in_period(s47, "strategy_date", period)
    had_time = (working_days(rows["strategy_date"], pd.Timestamp(snapshot)) >= ICPC_WORKING_DAYS).fillna(False).astype(bool)
    unnecessary = is_yes(rows["icpc_unnecessary"]) if "icpc_unnecessary" in rows else False
    decided = rows[had_time | rows["icpc_date"].notna() | unnecessary]
    return share(decided["icpc_date"].notna().sum(), len(decided))


# --- List 7 ------------------------------------------------------------------------


def years_after(day: date, years: int) -> date:
    """``day`` ``years`` calendar years later (29 February → 28 February)."""
    return months_before(day, -12 * years)


def plans_ended(plans: pd.DataFrame, period: Period) -> pd.DataFrame:
    """List 7 plans whose end date is in the period."""
    return in_period(plans, "cp_end", period)


def ended_two_years_plus_share(plans: pd.DataFrame, period: Period) -> Figure:
    """``cp.ended_two_years_plus_share``: of plans ended in the period, share ended on or after two years from the start."""
    ended = plans_ended(plans, period)
    long = [end.date() >= years_after(start.date(), ENDED_LONG_YEARS) for start, end in zip(ended["cp_start"], ended["cp_end"])]
    return share(sum(long), len(ended))


def review_window(start: date, snapshot: date) -> tuple[date, date] | None:
    """(dₖ₋₁, dₖ): dₖ = start + 3 + 6(k−1) months, the latest on or before ``snapshot``, and the one before (the start,
    for k = 1); ``None`` when the first review is due after the snapshot."""
    months = FIRST_REVIEW_MONTHS
    due = months_before(start, -months)
    if due > snapshot:
        return None
    before = start
    while (following := months_before(start, -(months + LATER_REVIEW_MONTHS))) <= snapshot:
        before, due, months = due, following, months + LATER_REVIEW_MONTHS
    return before, due


def review_held(start, latest_review, snapshot: date):
    """Whether the plan's latest review conference was held after dₖ₋₁ and by the snapshot (``<NA>``: none due yet)."""
    window = review_window(start.date(), snapshot)
    if window is None:
        return pd.NA
    return pd.notna(latest_review) and window[0] < latest_review.date() <= snapshot


def cp_review_in_time_share(plans: pd.DataFrame, snapshot: date) -> Figure:
    """``cp.review_in_time_share``: of plans open at the snapshot with a review due, share whose latest review was held."""
    rows = open_plans(plans, snapshot)
    latest = rows["latest_review"] if "latest_review" in rows else pd.Series(pd.NaT, index=rows.index)
    held = [review_held(start, review, snapshot) for start, review in zip(rows["cp_start"], latest)]
    return known_share(pd.Series(held, index=rows.index, dtype="boolean"))


def seen_alone_share(plans: pd.DataFrame, snapshot: date) -> Figure:
    """``cp.seen_alone_share``: of plans open at the snapshot, share whose child was seen alone (a blank: unknown)."""
    rows = open_plans(plans, snapshot)
    if "seen_alone" not in rows:
        return Figure(None, ())
    return known_share(rows["seen_alone"])


# --- every figure of the module --------------------------------------------------


def figures(inputs: Inputs, params: Params) -> dict[str, FigureValue]:
    """The version-4 section 47 and child protection figures the inputs allow, over the part of the period each list covers."""
    result: dict[str, FigureValue] = {}
    s47, plans = inputs.annex_list(5), inputs.annex_list(7)
    coverage = coverage_of(inputs, params)
    snapshot = params.period.snapshot
    if s47 is not None:
        covered = covered_period(params.period, coverage[5])
        result[S47_REPEAT] = s47_repeat_share(s47, covered)
        result[S47_TO_ICPC] = s47_to_icpc_share(s47, covered, snapshot)
    if plans is not None:
        covered = covered_period(params.period, coverage[7])
        result[ENDED] = count(len(plans_ended(plans, covered)))
        result[ENDED_LONG] = ended_two_years_plus_share(plans, covered)
        result[SEEN_ALONE] = seen_alone_share(plans, snapshot)
        result[REVIEW_HELD] = cp_review_in_time_share(plans, snapshot)
    return result
