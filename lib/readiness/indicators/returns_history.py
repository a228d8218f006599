"""Monthly series from the statutory returns, on the definitions of Annex A's, for the months before Annex A's coverage
(``inputs.md`` section 5, *History before Annex A's coverage*).

A return covers the months of each year given (April to March). A month counts from the returns when a return covers
it and Annex A does not wholly cover it (a month Annex A covers only in part comes from the return); where Annex A
wholly covers a month its own figure stands. At most :data:`MOST_MONTHS` months up to the period's end.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from readiness.config.figures import Theme
from readiness.config.params import Params
from readiness.config.period import Period
from readiness.config.workdays import working_days
from readiness.inputs.bundle import Inputs
from readiness.inputs.coverage import coverage_of

from .assessments import TIMESCALE_WORKING_DAYS, monthly_within_45_working_days_share
from .care import ceased_count, started_count
from .common import NOT_COVERED, monthly_counts, monthly_shares
from .figure import Figure
from .frontdoor import MONTHLY_COUNTS, NFA_BY_MONTH
from .protection import ICPCS_BY_MONTH, PLANS_BY_MONTH, S47_BY_MONTH
from .rereferrals import MONTHLY as REREFERRALS_BY_MONTH
from .rereferrals import earlier_within_year
from .returns_care import usable_episodes

MOST_MONTHS = 36
SOURCE = "return"
care = Theme("Children in care")
STARTED_BY_MONTH = care.series(started_count.figure_id, reads=("ssda903_episodes.DECOM", "ssda903_episodes.RNE"))
CEASED_BY_MONTH = care.series(ceased_count.figure_id, reads=("ssda903_episodes.DEC", "ssda903_episodes.REC"))
"""Children starting and ceasing care by month: from the SSDA903 only (Annex A's List 8 gives no monthly series)."""
REFERRALS_BY_MONTH, WITHIN_45_BY_MONTH = MONTHLY_COUNTS["referrals"], monthly_within_45_working_days_share.figure_id
SERIES_LIST = {  # each series, and the Annex A list whose coverage it yields to
    REFERRALS_BY_MONTH: 3,
    NFA_BY_MONTH: 3,
    REREFERRALS_BY_MONTH: 3,
    WITHIN_45_BY_MONTH: 4,
    S47_BY_MONTH: 5,
    ICPCS_BY_MONTH: 5,
    PLANS_BY_MONTH: 7,
    STARTED_BY_MONTH: 8,
    CEASED_BY_MONTH: 8,
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
        REFERRALS_BY_MONTH: _only(monthly_counts(dates, span), months),
        NFA_BY_MONTH: _only(monthly_shares(dates, referrals["referral_nfa"], span), months),
        REREFERRALS_BY_MONTH: rereferral_by_month(referrals, months),
        WITHIN_45_BY_MONTH: _only(
            monthly_shares(assessments.loc[timed, "assessment_authorised"], days[timed] <= TIMESCALE_WORKING_DAYS, span), months
        ),
        S47_BY_MONTH: _only(monthly_counts(s47["s47_start"], span), months),
        ICPCS_BY_MONTH: _only(monthly_counts(s47["icpc_date"], span), months),
        PLANS_BY_MONTH: _only(monthly_counts(inputs.cin_cp_plans["cp_start"], span), months),
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
    followed by another) to be looked after, by month, over the months the SSDA903 years cover; a child whose episodes
    break a rule the figures read is left out (warned when read)."""
    if inputs.ssda903_episodes is None or inputs.ssda903_episodes.empty:
        return {}
    months = covered_months({int(y) for y in inputs.ssda903_episodes["return_year"].unique()})
    episodes = usable_episodes(inputs)
    span = _span(months)
    ceased = episodes["DEC"].notna() & episodes["REC"].fillna("").str.upper().ne("X1")
    return {
        STARTED_BY_MONTH: _only(monthly_counts(episodes.loc[episodes["RNE"].eq("S").fillna(False).astype(bool), "DECOM"], span), months),
        CEASED_BY_MONTH: _only(monthly_counts(episodes.loc[ceased, "DEC"], span), months),
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
