"""Adoption (Annex A List 10, children) and adopters (List 11, one row per adopter).

Days are calendar days. The two timeliness means approximate the DfE adoption scorecard's A1
(entering care to moving in with the adoptive family; threshold 426 days) and A2 (placement order
to match; threshold 121 days) over the pack's period, not the scorecard's three-year averages. A
negative duration (a date before the one it is counted from) leaves the mean.

A *household* in List 11 is a ``family_id`` (blank: the adopter alone). Its date for a field is
the earliest non-blank one among its adopters' rows; it left the process for the reason any of
its rows gives. Approval is the end of Stage 2, else the application's approval date; a household
whose reason for leaving is *Application refused* (code 3) was not approved.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from readiness.config.figures import L, Theme
from readiness.config.params import Params
from readiness.config.period import Period
from readiness.inputs.bundle import Inputs
from readiness.inputs.coverage import coverage_of, covered_period

from .common import in_period, median_of
from .figure import Figure, FigureValue, count, statistic
from .tables import Roles, board_table

A1_THRESHOLD_DAYS = 426
A2_THRESHOLD_DAYS = 121
APPLICATION_REFUSED = "3"
HOUSEHOLD_DATES = (
    "enquiry",
    "stage_1_start",
    "stage_2_start",
    "stage_2_end",
    "application_submitted",
    "application_approved",
    "matched",
    "placed",
    "left_process",
)
HOUSEHOLD_STEPS = {
    "Enquiry received": "enquiry",
    "Stage 1 started": "stage_1_start",
    "Stage 2 started": "stage_2_start",
    "Approved": "approved",
    "Matched with a child": "matched",
    "Child placed": "placed",
}
child = Theme("Adoption", reads=("list_10.placement_decision",))
adopters = Theme("Adoption")
ADOPTED, PLACED, ENDED = "list_10.adoption_order", "list_10.placed", "list_10.no_longer_decision"
APPROVED = ("list_11.stage_2_end", "list_11.application_approved", "list_11.left_reason")


def on_or_before(dates: pd.Series, day: date) -> pd.Series:
    """Mask of dates on or before ``day`` (blank: not)."""
    return (dates <= pd.Timestamp(day)).fillna(False).astype(bool)


# --- children (List 10) ---------------------------------------------------------------


def step_count(list10: pd.DataFrame, column: str, period: Period) -> Figure:
    """Rows whose date in ``column`` is in the period (``adoption.decisions_count`` and the like)."""
    return count(period.contains(list10[column]).sum())


def moved_in(list10: pd.DataFrame) -> pd.Series:
    """The day each child moved in with the adoptive family: the earlier of placed for adoption and placed in FFA."""
    return list10[["placed", "ffa_placed"]].min(axis=1)


def entry_to_placement_days(list10: pd.DataFrame) -> pd.Series:
    """Days from entering care to moving in with the adoptive family (A1), where both are known and in order."""
    days = (moved_in(list10) - list10["entered_care"]).dt.days
    return days[days >= 0]


def order_to_match_days(list10: pd.DataFrame) -> pd.Series:
    """Days from the placement order to the match (A2), where both are known and in order."""
    days = (list10["matched"] - list10["placement_order"]).dt.days
    return days[days >= 0]


DECISIONS = child.figure("adoption.decisions_count", "Decisions that a child should be placed for adoption", "count")
ORDERS = child.figure("adoption.placement_orders_count", "Placement orders", "count", reads=("list_10.placement_order",))
ADOPTIONS = child.figure("adoption.adopted_count", "Children adopted", "count", reads=(ADOPTED,))
STEPS = {DECISIONS: "placement_decision", ORDERS: "placement_order", ADOPTIONS: "adoption_order"}
"""The counts of rows whose date of a step is in the period, and that step's column."""


@child.headline(
    "adoption.entry_to_placement_days_mean",
    "Mean days from entering care to moving in with the adoptive family",
    "number",
    L,
    reads=("list_10.entered_care", PLACED, ADOPTED, "list_10.ffa_placed"),
)
def entry_to_placement_days_mean(list10: pd.DataFrame, period: Period) -> Figure:
    """``adoption.entry_to_placement_days_mean``: over children adopted in the period, mean days from entering care to moving in."""
    days = entry_to_placement_days(in_period(list10, "adoption_order", period))
    return statistic(days.mean(), len(days))


@child.headline(
    "adoption.order_to_match_days_mean",
    "Mean days from placement order to match",
    "number",
    L,
    reads=("list_10.placement_order", "list_10.matched", ADOPTED),
)
def order_to_match_days_mean(list10: pd.DataFrame, period: Period) -> Figure:
    """``adoption.order_to_match_days_mean``: over children adopted in the period with both dates, mean days from order to match."""
    days = order_to_match_days(in_period(list10, "adoption_order", period))
    return statistic(days.mean(), len(days))


def waiting_at(list10: pd.DataFrame, snapshot: date) -> pd.DataFrame:
    """Children with a decision on or before ``snapshot`` and not, by then, placed, adopted or no longer to be placed."""
    done = on_or_before(list10["placed"], snapshot) | on_or_before(list10["adoption_order"], snapshot)
    reversed_ = on_or_before(list10["no_longer_decision"], snapshot)
    return list10[on_or_before(list10["placement_decision"], snapshot) & ~done & ~reversed_]


@child.headline("adoption.waiting_count", "Children waiting to be placed for adoption", "count", reads=(PLACED, ADOPTED, ENDED))
def waiting_count(list10: pd.DataFrame, period: Period) -> Figure:
    """``adoption.waiting_count``: distinct children waiting at the snapshot."""
    return count(waiting_at(list10, period.snapshot)["child_id"].nunique())


@child.headline(
    "adoption.waiting_unmatched_count", "Children waiting, not yet matched", "count", L, reads=("list_10.matched", PLACED, ADOPTED, ENDED)
)
def waiting_unmatched_count(list10: pd.DataFrame, period: Period) -> Figure:
    """``adoption.waiting_unmatched_count``: of the children waiting, those not matched on or before the snapshot."""
    waiting = waiting_at(list10, period.snapshot)
    return count(waiting.loc[~on_or_before(waiting["matched"], period.snapshot), "child_id"].nunique())


REVERSALS = child.figure(
    "adoption.reversed_count", "Decisions that a child should no longer be placed for adoption", "count", reads=(ENDED,)
)


@board_table(
    Roles(
        ("adopted", "a1_timed", "a1_within", "a2_timed", "a2_within"),
        shares={"a1_within_share": ("a1_within", "a1_timed"), "a2_within_share": ("a2_within", "a2_timed")},
    )
)
def timeliness_against_thresholds(list10: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Children adopted in the period against the scorecard thresholds: ``a1_timed`` with an A1 duration and
    ``a1_within`` of them at most 426 days; ``a2_timed`` and ``a2_within`` (121 days); and the shares. One row."""
    adopted = in_period(list10, "adoption_order", period)
    a1, a2 = entry_to_placement_days(adopted), order_to_match_days(adopted)
    row = {
        "adopted": len(adopted),
        "a1_timed": len(a1),
        "a1_within": int((a1 <= A1_THRESHOLD_DAYS).sum()),
        "a2_timed": len(a2),
        "a2_within": int((a2 <= A2_THRESHOLD_DAYS).sum()),
    }
    table = pd.DataFrame([row], index=pd.Index(["Children adopted in the period"], name="children"))
    return table.assign(
        a1_within_share=table["a1_within"] / table["a1_timed"].where(table["a1_timed"] > 0),
        a2_within_share=table["a2_within"] / table["a2_timed"].where(table["a2_timed"] > 0),
    )


# --- adopter households (List 11) ------------------------------------------------------


def households(list11: pd.DataFrame) -> pd.DataFrame:
    """One row per household: its earliest date per field, its reason for leaving, and ``approved``."""
    key = list11["family_id"].fillna(list11["adopter_id"]).rename("household")
    grouped = list11.groupby(key)
    table = grouped[list(HOUSEHOLD_DATES)].min()
    table["left_reason"] = grouped["left_reason"].first()
    table["approved"] = table["stage_2_end"].fillna(table["application_approved"])
    table["refused"] = (table["left_reason"] == APPLICATION_REFUSED).fillna(False).astype(bool)
    return table


def approved_in_period(homes: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Households approved in the period (refused applications left out)."""
    return homes[period.contains(homes["approved"]) & ~homes["refused"]]


def approval_days(homes: pd.DataFrame) -> pd.Series:
    """Days from Stage 1 starting (else the application) to approval, where known and in order."""
    days = (homes["approved"] - homes["stage_1_start"].fillna(homes["application_submitted"])).dt.days
    return days[days >= 0]


@adopters.headline("adopters.enquiries_count", "Adopter households' enquiries that went further", "count", reads=("list_11.enquiry",))
def enquiries_count(homes: pd.DataFrame, period: Period) -> Figure:
    """``adopters.enquiries_count``: households whose enquiry was received in the period."""
    return count(period.contains(homes["enquiry"]).sum())


@adopters.headline("adopters.approved_count", "Adopter households approved", "count", reads=APPROVED)
def approved_count(homes: pd.DataFrame, period: Period) -> Figure:
    """``adopters.approved_count``: households approved in the period."""
    return count(len(approved_in_period(homes, period)))


@adopters.headline(
    "adopters.approval_days_median",
    "Median days to approve adopters",
    "number",
    L,
    reads=("list_11.stage_1_start", "list_11.application_submitted", *APPROVED),
)
def approval_days_median(homes: pd.DataFrame, period: Period) -> Figure:
    """``adopters.approval_days_median``: median days to approval over households approved in the period."""
    return median_of(approval_days(approved_in_period(homes, period)))


@adopters.headline(
    "adopters.approved_waiting_count",
    "Approved adopter households waiting for a match",
    "count",
    reads=(*APPROVED, "list_11.matched", "list_11.left_process"),
)
def approved_waiting_count(homes: pd.DataFrame, period: Period) -> Figure:
    """``adopters.approved_waiting_count``: households approved by the snapshot, not matched and not left by then."""
    snapshot = period.snapshot
    approved = on_or_before(homes["approved"], snapshot) & ~homes["refused"]
    busy = on_or_before(homes["matched"], snapshot) | on_or_before(homes["left_process"], snapshot)
    return count((approved & ~busy).sum())


@board_table(Roles(("households",)))
def household_pipeline(homes: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Households reaching each step in the period: enquiry, Stage 1, Stage 2, approval (refusals left out), match, placement."""
    steps = homes.assign(approved=homes["approved"].where(~homes["refused"]))
    return pd.DataFrame(
        {"households": {step: int(period.contains(steps[column]).sum()) for step, column in HOUSEHOLD_STEPS.items()}}
    ).rename_axis("step")


# --- every figure of the theme ---------------------------------------------------


def figures(inputs: Inputs, params: Params) -> dict[str, FigureValue]:
    """Every adoption figure List 10 allows and every adopter figure List 11 allows (period figures from each list's coverage)."""
    list10, list11, coverage = inputs.annex_list(10), inputs.annex_list(11), coverage_of(inputs, params)
    result: dict[str, FigureValue] = {}
    if list10 is not None:
        period = covered_period(params.period, coverage[10])
        result |= {figure_id: step_count(list10, column, period) for figure_id, column in STEPS.items()}
        result |= {
            f.figure_id: f(list10, period)
            for f in (entry_to_placement_days_mean, order_to_match_days_mean, waiting_count, waiting_unmatched_count)
        }
        result[REVERSALS] = step_count(list10, "no_longer_decision", period)
    if list11 is not None:
        homes, period = households(list11), covered_period(params.period, coverage[11])
        result |= {f.figure_id: f(homes, period) for f in (enquiries_count, approved_count, approval_days_median, approved_waiting_count)}
    return result
