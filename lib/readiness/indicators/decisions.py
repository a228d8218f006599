"""Front-door decisions (the ``front_door_decisions`` extract): how quickly contacts are decided.

Two measures, as councils quote them: *within one working day* counts
``working_days(received date, decided date)`` ≤ 1, so a contact received on Friday and decided on
Monday (or on Tuesday after a bank-holiday Monday) is in time; *within 24 hours* compares the clock
times, over the rows where both ``received`` and ``decided`` carry one. A decision before its
contact was received (a warning when read) leaves both shares but still counts as decided.
"""

from __future__ import annotations

from typing import Literal

import pandas as pd

from readiness.config.figures import H, L, Theme
from readiness.config.params import Params
from readiness.config.period import Period
from readiness.config.workdays import working_days
from readiness.inputs.bundle import Inputs
from readiness.inputs.labels import NOT_RECORDED

from .common import count_by, is_yes, month_or_team, team_keys, with_share, worst_first
from .figure import Figure, FigureValue, count, share
from .tables import Roles, board_table

ONE_DAY = pd.Timedelta(hours=24)
decision = Theme("Front door", reads=("front_door_decisions.received", "front_door_decisions.decided"))
DECISION_ROLES = Roles(
    ("decided", "timely", "timed", "within_24_hours"),
    shares={"timely_share": ("timely", "decided"), "within_24_hours_share": ("within_24_hours", "timed")},
)
"""Disclosure roles of :func:`decisions_table`, by month or by team."""


# --- rows and durations -------------------------------------------------------------


def received_in_period(decisions: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Contacts whose ``received`` day is in the period."""
    return decisions[period.contains(decisions["received"].dt.normalize())]


def decided_in_period(decisions: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Contacts received in the period that have a ``decided`` (whenever it is)."""
    received = received_in_period(decisions, period)
    return received[received["decided"].notna()]


def is_ordered(decided: pd.DataFrame) -> pd.Series:
    """Mask of decisions made at or after their contact was received (the others leave the shares):
    by the clock when both carry a time, else by the day (a decision dated the day a timed contact came is in order)."""
    both_timed = decided["received_timed"].astype(bool) & decided["decided_timed"].astype(bool)
    by_clock = decided["decided"] >= decided["received"]
    by_day = decided["decided"].dt.normalize() >= decided["received"].dt.normalize()
    return is_yes(by_clock.where(both_timed, by_day))


def is_within_one_working_day(decided: pd.DataFrame) -> pd.Series:
    """Mask: ``working_days(received date, decided date)`` ≤ 1 (the same or the next working day)."""
    days = working_days(decided["received"].dt.normalize(), decided["decided"].dt.normalize())
    return is_yes(days <= 1) & is_ordered(decided)


def is_timed(decided: pd.DataFrame) -> pd.Series:
    """Mask of decisions whose ``received`` and ``decided`` both carry a time, in order."""
    return decided["received_timed"].astype(bool) & decided["decided_timed"].astype(bool) & is_ordered(decided)


def is_within_24_hours(decided: pd.DataFrame) -> pd.Series:
    """Mask of timed decisions made at most 24 hours after the contact was received (24 h 00 is in time)."""
    return is_timed(decided) & is_yes(decided["decided"] - decided["received"] <= ONE_DAY)


# --- headline figures -------------------------------------------------------------


@decision.headline("frontdoor.decisions_count", "Contacts decided at the front door", "count")
def decisions_count(decisions: pd.DataFrame, period: Period) -> Figure:
    """``frontdoor.decisions_count``: contacts received in the period that have been decided."""
    return count(len(decided_in_period(decisions, period)))


@decision.headline(
    "frontdoor.decided_within_one_working_day_share",
    "Contacts decided within one working day",
    "share",
    H,
    denominator="frontdoor.decisions_count",
)
def within_one_working_day_share(decisions: pd.DataFrame, period: Period) -> Figure:
    """``frontdoor.decided_within_one_working_day_share``: of those decided (in order), share decided by the next working day."""
    decided = decided_in_period(decisions, period)
    return share(is_within_one_working_day(decided).sum(), is_ordered(decided).sum())


@decision.headline("frontdoor.decided_within_24_hours_share", "Contacts decided within 24 hours", "share", H)
def within_24_hours_share(decisions: pd.DataFrame, period: Period) -> Figure:
    """``frontdoor.decided_within_24_hours_share``: of those decided with both times, share within 24 hours (``None`` when none has times)."""
    decided = decided_in_period(decisions, period)
    return share(is_within_24_hours(decided).sum(), is_timed(decided).sum())


def is_undecided_over_one_working_day(decisions: pd.DataFrame, period: Period) -> pd.Series:
    """Mask: received on or before the period end, not decided by it, and more than one working day old then."""
    end = pd.Timestamp(period.end)
    received = decisions["received"].dt.normalize()
    undecided = decisions["decided"].isna() | (decisions["decided"].dt.normalize() > end)
    return is_yes(received <= end) & undecided & is_yes(working_days(received, end) > 1)


@decision.headline("frontdoor.undecided_over_one_working_day_count", "Contacts undecided after more than one working day", "count", L)
def undecided_over_one_working_day_count(decisions: pd.DataFrame, period: Period) -> Figure:
    """``frontdoor.undecided_over_one_working_day_count``: contacts still undecided at the period end after more than a working day."""
    return count(is_undecided_over_one_working_day(decisions, period).sum())


# --- breakdown tables ---------------------------------------------------------------


@board_table(DECISION_ROLES)
def decisions_table(decisions: pd.DataFrame, period: Period, by: Literal["month", "team"] = "month") -> pd.DataFrame:
    """Contacts received in the period and decided, per month received (every month) or per team (slowest first):
    ``decided``, ``timely`` (within one working day) and its share, ``timed`` and ``within_24_hours`` and its share."""
    decided = decided_in_period(decisions, period)
    keys, index = month_or_team(decided, "received", period, by)
    columns = {
        "decided": pd.Series(True, index=decided.index),
        "in_order": is_ordered(decided),
        "timely": is_within_one_working_day(decided),
        "timed": is_timed(decided),
        "within_24_hours": is_within_24_hours(decided),
    }
    table = count_by(keys, columns, index)
    table = with_share(with_share(table, "timely", "in_order"), "within_24_hours", "timed").drop(columns="in_order")
    return table if by == "month" else worst_first(table, "timely_share")


@board_table(Roles(("undecided",)))
def undecided_by_team(decisions: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Contacts undecided at the period end after more than one working day, per team (most first)."""
    waiting = decisions[is_undecided_over_one_working_day(decisions, period)]
    table = team_keys(waiting).value_counts().rename("undecided").rename_axis("team").to_frame()
    return worst_first(table, "undecided", higher_is_better=False)


@board_table(Roles(("decided",), share_of_total={"decided_share": "decided"}))
def outcomes_in_period(decisions: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Contacts received in the period and decided, per ``outcome`` as written (blank: ``Not recorded``), most first,
    with each outcome's share of all decisions."""
    decided = decided_in_period(decisions, period)
    table = decided["outcome"].fillna(NOT_RECORDED).rename("outcome").value_counts().rename("decided").to_frame()
    table = table.assign(total=len(decided)).sort_index().sort_values("decided", ascending=False, kind="stable")
    return with_share(table, "decided", "total").drop(columns="total").rename_axis("outcome")


# --- every figure of the theme ---------------------------------------------------


def figures(inputs: Inputs, params: Params) -> dict[str, FigureValue]:
    """Every front-door decision figure, or none without the ``front_door_decisions`` extract."""
    decisions = inputs.front_door_decisions
    if decisions is None:
        return {}
    period = params.period
    shown = (decisions_count, within_one_working_day_share, within_24_hours_share, undecided_over_one_working_day_count)
    return {f.figure_id: f(decisions, period) for f in shown}
