"""Monthly series from the statutory returns, on the definitions of Annex A's, for the months before Annex A's coverage
(``inputs.md`` section 5, *History before Annex A's coverage*).

A return covers the months of each year given (April to March). A month counts from the returns when a return covers
it and Annex A does not wholly cover it (a month Annex A covers only in part comes from the return); where Annex A
wholly covers a month its own figure stands. At most :data:`MOST_MONTHS` months up to the period's end.
"""
from __future__ import annotations

from datetime import date

import pandas as pd

from readiness.config.params import Params
from readiness.config.period import Period
from readiness.config.workdays import working_days
from readiness.inputs.bundle import Inputs
from readiness.inputs.coverage import coverage_of

from .common import NOT_COVERED, monthly_counts, monthly_shares
from .figure import Figure
from .rereferrals import earlier_within_year

MOST_MONTHS = 36
TIMESCALE_WORKING_DAYS = 45
SOURCE = "return"
SERIES_LIST = {  # each series, and the Annex A list whose coverage it yields to
    "referrals.monthly.count": 3,
    "referrals.monthly.nfa_share": 3,
    "referrals.monthly.rereferral_share": 3,
    "assessments.monthly.within_45_working_days_share": 4,
    "s47.monthly.count": 5,
    "icpc.monthly.count": 5,
    "cp.monthly.started_count": 7,
    "cla.monthly.started_count": 8,
    "cla.monthly.ceased_count": 8,
}


def covered_months(years) -> list[str]:
    """``YYYY-MM`` of every month of the years (each ending 31 March) given, in order."""
    return sorted({str(m) for year in years for m in pd.period_range(date(year - 1, 4, 1), date(year, 3, 31), freq="M")})


def _span(months: list[str]) -> Period:
    return Period.of(pd.Period(months[0]).start_time.date(), pd.Period(months[-1]).end_time.date())


def _only(series: dict[str, Figure], months: list[str]) -> dict[str, Figure]:
    return {month: series[month] for month in months}


def cin_series(inputs: Inputs) -> dict[str, dict[str, Figure]]:
    """The CIN census's monthly series over the months its years cover (empty without the return)."""
    referrals = inputs.cin_referrals
    if referrals is None:
        return {}
    frames = (inputs.cin_referrals, inputs.cin_assessments, inputs.cin_s47, inputs.cin_cp_plans)
    months = covered_months({int(y) for frame in frames for y in frame["return_year"].unique()})
    if not months:
        return {}
    span = _span(months)
    dates = referrals["referral_date"]
    assessments, s47 = inputs.cin_assessments, inputs.cin_s47
    days = working_days(assessments["assessment_start"], assessments["assessment_authorised"])
    timed = (days >= 0).fillna(False).astype(bool)
    return {
        "referrals.monthly.count": _only(monthly_counts(dates, span), months),
        "referrals.monthly.nfa_share": _only(monthly_shares(dates, referrals["referral_nfa"], span), months),
        "referrals.monthly.rereferral_share": rereferral_by_month(referrals, months),
        "assessments.monthly.within_45_working_days_share": _only(
            monthly_shares(assessments.loc[timed, "assessment_authorised"], days[timed] <= TIMESCALE_WORKING_DAYS, span), months
        ),
        "s47.monthly.count": _only(monthly_counts(s47["s47_start"], span), months),
        "icpc.monthly.count": _only(monthly_counts(s47["icpc_date"], span), months),
        "cp.monthly.started_count": _only(monthly_counts(inputs.cin_cp_plans["cp_start"], span), months),
    }


def rereferral_by_month(referrals: pd.DataFrame, months: list[str]) -> dict[str, Figure]:
    """``referrals.monthly.rereferral_share`` from the returns' dates: of each month's referrals, the share with another
    referral of the same child from one year before to the day before. The first twelve months the returns cover
    are not covered (a referral there may follow one from before the returns)."""
    status = (earlier_within_year(referrals) > 0).astype("boolean")
    known = months[12:]
    if not known:
        return dict.fromkeys(months, NOT_COVERED)
    shares = monthly_shares(referrals["referral_date"], status, _span(known))
    return {month: shares.get(month, NOT_COVERED) for month in months}


def ssda903_series(inputs: Inputs) -> dict[str, dict[str, Figure]]:
    """Children starting (an episode with ``RNE`` S) and ceasing (a ``DEC`` whose ``REC`` is not X1, an episode
    followed by another) to be looked after, by month, over the months the SSDA903 years cover."""
    episodes = inputs.ssda903_episodes
    if episodes is None or episodes.empty:
        return {}
    months = covered_months({int(y) for y in episodes["return_year"].unique()})
    span = _span(months)
    ceased = episodes["DEC"].notna() & episodes["REC"].fillna("").str.upper().ne("X1")
    return {
        "cla.monthly.started_count": _only(monthly_counts(episodes.loc[episodes["RNE"].eq("S").fillna(False).astype(bool), "DECOM"], span), months),
        "cla.monthly.ceased_count": _only(monthly_counts(episodes.loc[ceased, "DEC"], span), months),
    }


def before_annex_a(series: dict[str, Figure], annex_from: date | None, period_end: date) -> dict[str, Figure]:
    """The months of a return's ``series`` that Annex A does not wholly cover (it covers from ``annex_from``; ``None``:
    not at all), at most :data:`MOST_MONTHS` up to ``period_end``'s month."""
    last = pd.Period(period_end, freq="M")
    earliest = last - (MOST_MONTHS - 1)
    return {
        month: figure
        for month, figure in series.items()
        if earliest <= pd.Period(month) <= last and (annex_from is None or pd.Period(month).start_time.date() < annex_from)
    }


def history_from_returns(inputs: Inputs, params: Params) -> dict[str, dict[str, Figure]]:
    """Per monthly series, the months the returns give before Annex A's coverage (source ``return``)."""
    coverage = coverage_of(inputs, params) if inputs.annex_a else {}
    result = {}
    for series_id, series in {**cin_series(inputs), **ssda903_series(inputs)}.items():
        number = SERIES_LIST[series_id]
        annex_from = (coverage.get(number) or params.period.start) if inputs.has(f"list_{number}") else None
        months = before_annex_a(series, annex_from, params.period.end)
        if months:
            result[series_id] = months
    return result
