"""Section 47 enquiries, ICPCs and child protection plans (Annex A Lists 5 and 7).

An ICPC dated before its strategy discussion (a negative duration) still counts in
``icpc.count`` and ``icpc.resulting_in_plan_share`` but leaves the timeliness figures,
numerator and denominator alike.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pandas as pd

from readiness.config.figures import Blank, H, L, Theme, monthly_id
from readiness.config.params import Params
from readiness.config.period import Period, one_year_before
from readiness.config.workdays import working_days
from readiness.inputs.bundle import Inputs
from readiness.inputs.coverage import coverage_of, covered_days, covered_period

from .common import (
    at_least_one,
    count_by,
    in_period,
    is_known,
    is_yes,
    known_share,
    month_keys,
    monthly_counts,
    monthly_shares,
    over_period,
    rate_per_10k,
    team_keys,
    with_share,
)
from .figure import Figure, FigureValue, count, share
from .tables import Roles, board_table, made_over

ICPC_WORKING_DAYS = 15
STRATEGY_DATE = ("list_5.strategy_date",)
s47 = Theme("Child protection", reads=STRATEGY_DATE)
icpc = Theme("Child protection", reads=("list_5.icpc_date",))
plan = Theme("Child protection", reads=("list_7.cp_start",))
PLAN_END = ("list_7.cp_end",)
ICPC_ROLES = Roles(
    ("s47", "icpcs", "icpcs_timed", "within_15_working_days", "outcome_recorded", "resulting_in_plan"),
    shares={
        "within_15_working_days_share": ("within_15_working_days", "icpcs_timed"),
        "resulting_in_plan_share": ("resulting_in_plan", "outcome_recorded"),
    },
)
"""Disclosure roles of :func:`s47_icpc_by_team` (and, mirrored in figures.json, :func:`s47_icpc_by_month`)."""


def years_before(day: date, years: int) -> date:
    """``day`` moved back ``years`` calendar years, one year at a time by the one-year-before rule
    (29 February → 28 February): two years before 2024-02-29 is 2022-02-28."""
    for _ in range(years):
        day = one_year_before(day)
    return day


# --- List 5: section 47 enquiries and ICPCs --------------------------------------


@s47.headline("s47.count", "Section 47 enquiries started", "count")
def s47_count(s47: pd.DataFrame, period: Period) -> Figure:
    """``s47.count``: rows whose strategy discussion is dated in the period."""
    return count(period.contains(s47["strategy_date"]).sum())


def icpc_timeliness(s47: pd.DataFrame) -> pd.DataFrame:
    """``timed`` (ICPC not before its strategy discussion) and ``within_15`` (timed and
    ``working_days(strategy, ICPC)`` ≤ 15) for each row; rows without an ICPC are neither."""
    days = working_days(s47["strategy_date"], s47["icpc_date"])
    timed = (days >= 0).fillna(False).astype(bool)
    return pd.DataFrame({"timed": timed, "within_15": timed & (days <= ICPC_WORKING_DAYS).fillna(False).astype(bool)})


def icpcs_in_period(s47: pd.DataFrame, period: Period) -> pd.DataFrame:
    """List 5 rows whose ICPC is dated in the period."""
    return in_period(s47, "icpc_date", period)


@icpc.headline("icpc.count", "Initial child protection conferences", "count")
def icpc_count(s47: pd.DataFrame, period: Period) -> Figure:
    """``icpc.count``: ICPCs dated in the period."""
    return count(len(icpcs_in_period(s47, period)))


@icpc.headline(
    "icpc.within_15_working_days_share",
    "ICPCs within 15 working days of the strategy discussion",
    "share",
    H,
    reads=STRATEGY_DATE,
    denominator="icpc.count",
    on_chart="ICPCs within 15 working days",
)
def icpc_within_15_working_days_share(s47: pd.DataFrame, period: Period) -> Figure:
    """``icpc.within_15_working_days_share``: of ICPCs in the period (negative durations left out),
    share held within 15 working days of the strategy discussion."""
    timing = icpc_timeliness(icpcs_in_period(s47, period))
    return share(timing["within_15"].sum(), timing["timed"].sum())


@icpc.headline(
    "icpc.resulting_in_plan_share",
    "ICPCs resulting in a plan",
    "share",
    reads=("list_5.icpc_plan",),
    denominator="icpc.count",
    blank=(Blank("list_5.icpc_plan", when="icpc_date"),),
    in_sentence="ICPCs resulting in a child protection plan",
)
def icpc_resulting_in_plan_share(s47: pd.DataFrame, period: Period) -> Figure:
    """``icpc.resulting_in_plan_share``: of ICPCs in the period with the outcome recorded, share resulting in a plan
    (a blank or unknown outcome leaves it)."""
    return known_share(icpcs_in_period(s47, period)["icpc_plan"])


# --- List 7: child protection plans ------------------------------------------------


def plans_started(plans: pd.DataFrame, period: Period) -> pd.DataFrame:
    """List 7 plans whose start date is in the period."""
    return in_period(plans, "cp_start", period)


def second_or_subsequent(plans: pd.DataFrame) -> pd.Series:
    """Per plan, whether it had at least one previous plan; ``<NA>`` when the number is blank."""
    return at_least_one(plans["previous_plans"])


@plan.headline("cp.started_count", "Child protection plans started", "count")
def cp_started_count(plans: pd.DataFrame, period: Period) -> Figure:
    """``cp.started_count``: plans started in the period."""
    return count(len(plans_started(plans, period)))


@plan.headline(
    "cp.second_or_subsequent_share",
    "Plans that are a second or later plan",
    "share",
    L,
    reads=("list_7.previous_plans",),
    denominator="cp.started_count",
    blank=(Blank("list_7.previous_plans"),),
    in_sentence="Plans started that are a child's second or later plan",
)
def cp_second_or_subsequent_share(plans: pd.DataFrame, period: Period) -> Figure:
    """``cp.second_or_subsequent_share``: of plans started in the period with the number of previous plans
    recorded, share with one or more (a blank leaves it)."""
    return known_share(second_or_subsequent(plans_started(plans, period)))


def open_plans(plans: pd.DataFrame, snapshot: date, visit_interval_working_days: int = 10) -> pd.DataFrame:
    """Plans open at ``snapshot`` with ``two_years_plus`` (started on or before two years before it)
    and ``visited`` (last statutory visit on or before it, ≤ ``visit_interval_working_days`` working days before)."""
    day = pd.Timestamp(snapshot)
    rows = plans[(plans["cp_start"] <= day) & (plans["cp_end"].isna() | (plans["cp_end"] > day))]
    recent = (working_days(rows["last_visit"], day) <= visit_interval_working_days).fillna(False).astype(bool)
    return rows.assign(
        two_years_plus=rows["cp_start"] <= pd.Timestamp(years_before(snapshot, 2)), visited=(rows["last_visit"] <= day) & recent
    )


@plan.headline("cp.open_at_snapshot", "Child protection plans open at the snapshot", "count", reads=PLAN_END)
def cp_open_at_snapshot(plans: pd.DataFrame, snapshot: date) -> Figure:
    """``cp.open_at_snapshot``: plans started on or before the snapshot and not ended by it."""
    return count(len(open_plans(plans, snapshot)))


@plan.headline("cp.two_years_plus_count", "Plans open two years or more", "count", L, reads=PLAN_END)
def cp_two_years_plus_count(plans: pd.DataFrame, snapshot: date) -> Figure:
    """``cp.two_years_plus_count``: open plans started on or before the date two years before the snapshot."""
    return count(open_plans(plans, snapshot)["two_years_plus"].sum())


@plan.headline(
    "cp.visit_within_interval_share",
    "Open plans with a visit within the interval (local standard)",
    "share",
    H,
    reads=(*PLAN_END, "list_7.last_visit"),
    denominator="cp.open_at_snapshot",
    standard="cp_visit_interval_working_days",
)
def cp_visit_within_interval_share(plans: pd.DataFrame, snapshot: date, interval_working_days: int = 10) -> Figure:
    """``cp.visit_within_interval_share``: of open plans, share visited within ``interval_working_days``."""
    rows = open_plans(plans, snapshot, interval_working_days)
    return share(rows["visited"].sum(), len(rows))


# --- breakdown tables ------------------------------------------------------------


S47_RATE = Theme("Front door", reads=STRATEGY_DATE).figure(
    "s47.rate_per_10k", "Section 47 enquiries per 10,000 children (annual rate)", "rate"
)
CIN_S47 = ("cin_s47.referral_date", "cin_s47.s47_start")
"""The CIN census's columns the monthly series read for the months before Annex A (``indicators.returns_history``)."""
S47_BY_MONTH, ICPCS_BY_MONTH = (
    s47.series(s47_count.figure_id, reads=CIN_S47),
    icpc.series(icpc_count.figure_id, reads=(*CIN_S47, "cin_s47.icpc_date")),
)
PLANS_BY_MONTH = plan.series(cp_started_count.figure_id, reads=("cin_cp_plans.referral_date", "cin_cp_plans.cp_start"))


def icpc_outcomes(icpcs: pd.DataFrame) -> dict[str, pd.Series]:
    """Boolean columns for counting ICPCs: all, timed, within 15 working days, with the outcome recorded, resulting in a plan."""
    timing = icpc_timeliness(icpcs)
    return {
        "icpcs": pd.Series(True, index=icpcs.index),
        "icpcs_timed": timing["timed"],
        "within_15_working_days": timing["within_15"],
        "outcome_recorded": is_known(icpcs["icpc_plan"]),
        "resulting_in_plan": is_yes(icpcs["icpc_plan"]),
    }


def add_icpc_shares(table: pd.DataFrame) -> pd.DataFrame:
    """ICPC shares: within 15 working days of those timed; resulting in a plan of those with the outcome recorded."""
    return with_share(with_share(table, "within_15_working_days", "icpcs_timed"), "resulting_in_plan", "outcome_recorded")


@board_table(
    made_over(
        replace(
            ICPC_ROLES,
            mirror={
                "s47": S47_BY_MONTH,
                "icpcs": ICPCS_BY_MONTH,
                "within_15_working_days_share": monthly_id(icpc_within_15_working_days_share.figure_id),
            },
        )
    )
)
def s47_icpc_by_month(s47: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Per month: strategy discussions (by their date) and ICPCs (by theirs), within 15 working days and resulting in a plan."""
    strategies = in_period(s47, "strategy_date", period)
    icpcs = icpcs_in_period(s47, period)
    months = period.months()
    table = count_by(month_keys(strategies["strategy_date"]), {"s47": pd.Series(True, index=strategies.index)}, months).join(
        count_by(month_keys(icpcs["icpc_date"]), icpc_outcomes(icpcs), months)
    )
    return add_icpc_shares(table).reset_index()


@board_table(ICPC_ROLES)
def s47_icpc_by_team(s47: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Per team: strategy discussions and ICPCs in the period, within 15 working days and resulting in a plan."""
    strategies = in_period(s47, "strategy_date", period)
    icpcs = icpcs_in_period(s47, period)
    table = count_by(team_keys(strategies), {"s47": pd.Series(True, index=strategies.index)}).join(
        count_by(team_keys(icpcs), icpc_outcomes(icpcs)), how="outer"
    )
    return add_icpc_shares(table.fillna(0).astype(int)).reset_index()


@board_table(made_over(Roles(("started",), mirror={"started": PLANS_BY_MONTH})))
def plans_started_by_month(plans: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Per month of the period: plans started, those with the number of previous plans recorded, and those
    that are second or subsequent plans, with their share of the recorded."""
    started = plans_started(plans, period)
    repeat = second_or_subsequent(started)
    columns = {
        "started": pd.Series(True, index=started.index),
        "previous_recorded": is_known(repeat),
        "second_or_subsequent": is_yes(repeat),
    }
    table = count_by(month_keys(started["cp_start"]), columns, period.months())
    return with_share(table, "second_or_subsequent", "previous_recorded").reset_index()


@board_table(
    Roles(("open_plans", "visited_within_interval"), shares={"visited_within_interval_share": ("visited_within_interval", "open_plans")})
)
def open_plans_by_team(plans: pd.DataFrame, snapshot: date, visit_interval_working_days: int = 10) -> pd.DataFrame:
    """Per team: plans open at the snapshot, those open two years or more, and those visited within the interval."""
    rows = open_plans(plans, snapshot, visit_interval_working_days)
    columns = {
        "open_plans": pd.Series(True, index=rows.index),
        "two_years_plus": rows["two_years_plus"],
        "visited_within_interval": rows["visited"],
    }
    table = count_by(team_keys(rows), columns)
    return with_share(table, "visited_within_interval", "open_plans").reset_index()


# --- every figure of the theme ---------------------------------------------------


def figures(inputs: Inputs, params: Params) -> dict[str, FigureValue]:
    """Every section 47, ICPC and child protection figure the inputs allow (``s47.rate_per_10k`` with ``child_population``)."""
    result: dict[str, FigureValue] = {}
    s47, plans = inputs.annex_list(5), inputs.annex_list(7)
    coverage = coverage_of(inputs, params)
    if s47 is not None:
        result |= s47_figures(s47, params, coverage[5])
    if plans is not None:
        result |= plan_figures(plans, params, coverage[7])
    return result


def s47_figures(s47: pd.DataFrame, params: Params, covered_from: date | None = None) -> dict[str, FigureValue]:
    """The List 5 figures and their monthly series, over the part of the period List 5 covers (from ``covered_from``)."""
    period = params.period
    covered = covered_period(period, covered_from)
    result = {
        **{f.figure_id: f(s47, covered) for f in (s47_count, icpc_count, icpc_within_15_working_days_share, icpc_resulting_in_plan_share)},
        S47_BY_MONTH: over_period(monthly_counts(s47["strategy_date"], covered), period),
        ICPCS_BY_MONTH: over_period(monthly_counts(s47["icpc_date"], covered), period),
        monthly_timeliness.figure_id: over_period(monthly_timeliness(s47, covered), period),
    }
    if params.child_population:
        days = covered_days(period, covered_from)
        result[S47_RATE] = rate_per_10k(result[s47_count.figure_id].value, days, params.child_population)
    return result


@icpc.monthly(icpc_within_15_working_days_share.figure_id, reads=STRATEGY_DATE)
def monthly_timeliness(s47: pd.DataFrame, period: Period) -> dict[str, Figure]:
    """``icpc.monthly.within_15_working_days_share``: by month of the ICPC, negative durations left out."""
    timing = icpc_timeliness(s47)
    timed = s47[timing["timed"]]
    return monthly_shares(timed["icpc_date"], timing.loc[timing["timed"], "within_15"], period)


def plan_figures(plans: pd.DataFrame, params: Params, covered_from: date | None = None) -> dict[str, FigureValue]:
    """The List 7 figures and the monthly series of plans started; plans started count over the part of
    the period List 7 covers (from ``covered_from``), the figures at the snapshot over every open plan."""
    period, snapshot = params.period, params.period.snapshot
    covered = covered_period(period, covered_from)
    return {
        **{f.figure_id: f(plans, covered) for f in (cp_started_count, cp_second_or_subsequent_share)},
        **{f.figure_id: f(plans, snapshot) for f in (cp_open_at_snapshot, cp_two_years_plus_count)},
        cp_visit_within_interval_share.figure_id: cp_visit_within_interval_share(plans, snapshot, params.cp_visit_interval_working_days),
        PLANS_BY_MONTH: over_period(monthly_counts(plans["cp_start"], covered), period),
    }
