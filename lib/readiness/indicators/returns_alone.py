"""A pack from the statutory returns without Annex A (``inputs.md`` section 5, *Without Annex A*).

The returns feed, on Annex A's definitions, the front door's referrals, assessments, section 47 enquiries, ICPCs and
child protection plans (CIN census) and children starting and ceasing care (SSDA903), over the part of the period the
returns cover. What they do not hold (allocation, visits, whether a child was seen, IRO contact, health and dental
checks) is ``null``, "not in the statutory returns": never a 0 % or 100 % made from columns that are not there.
"""
from __future__ import annotations

import pandas as pd

from readiness.config.params import Params
from readiness.config.period import Period
from readiness.config.workdays import working_days
from readiness.inputs.bundle import RETURN_FRAMES, Inputs

from .common import NOT_COVERED, median_of
from .figure import Figure, FigureValue, count, share
from .returns_history import TIMESCALE_WORKING_DAYS, cin_series, covered_months, ssda903_series

NOT_IN_RETURNS = {
    "caseload.unallocated_count": "allocation",
    "cla.unallocated_count": "allocation",
    "cin.seen_within_interval_share": "whether a child was seen",
    "assessments.child_seen_share": "whether a child was seen",
    "cp.visit_within_interval_share": "visits",
    "cla.visit_within_interval_share": "visits",
    "cla.iro_contact_within_interval_share": "IRO contact",
    "cla.health_assessment_in_date_share": "health assessments",
    "cla.dental_check_in_date_share": "dental checks",
}
"""The figures a pack from the returns alone cannot feed, and what the returns lack for each."""
NOT_IN_RETURNS_TEXT = "not in the statutory returns"
PERIOD_COUNTS = {  # a period count and the monthly series it sums
    "referrals.count": "referrals.monthly.count",
    "s47.count": "s47.monthly.count",
    "icpc.count": "icpc.monthly.count",
    "cp.started_count": "cp.monthly.started_count",
    "cla.started_count": "cla.monthly.started_count",
    "cla.ceased_count": "cla.monthly.ceased_count",
}


def returns_alone(inputs: Inputs) -> bool:
    """Whether the pack has statutory returns and no Annex A."""
    return not inputs.annex_a and any(inputs.has(name) for name in RETURN_FRAMES)


def covered_part(months: list[str], period: Period) -> Period | None:
    """The part of ``period`` in whole months the returns cover (``None`` when they cover none of it)."""
    inside = [m for m in period.months() if m in set(months)]
    if not inside:
        return None
    return Period.of(max(period.start, pd.Period(inside[0]).start_time.date()), min(period.end, pd.Period(inside[-1]).end_time.date()))


def period_months(series: dict[str, Figure], period: Period) -> dict[str, Figure]:
    """A return's monthly series over every month of the period, the months it does not cover null."""
    return {month: series.get(month, NOT_COVERED) for month in period.months()}


def assessment_figures(assessments: pd.DataFrame, covered: Period) -> dict[str, Figure]:
    """Assessments authorised in the covered part of the period: how many, the share within 45 working days and the
    median working days (negative durations left out), as List 4's figures are."""
    done = assessments[covered.contains(assessments["assessment_authorised"])]
    days = working_days(done["assessment_start"], done["assessment_authorised"])
    timed = days[(days >= 0).fillna(False).astype(bool)]
    return {
        "assessments.completed_count": count(len(done)),
        "assessments.within_45_working_days_share": share((timed <= TIMESCALE_WORKING_DAYS).sum(), len(timed)),
        "assessments.median_working_days": median_of(timed.astype(float)),
    }


def referral_shares(series: dict[str, dict[str, Figure]], covered: Period) -> dict[str, Figure]:
    """The period's NFA share (over referrals whose NFA is recorded) and re-referral share (over the months whose
    year before the returns cover), summed from the monthly series."""
    result = {}
    for figure_id, series_id in (("referrals.nfa_share", "referrals.monthly.nfa_share"), ("referrals.rereferral_share", "referrals.monthly.rereferral_share")):
        months = [m for m in covered.months() if series[series_id].get(m, NOT_COVERED) is not NOT_COVERED]
        hits = sum(series[series_id][m].basis[0] for m in months)
        of = sum(series[series_id][m].basis[1] for m in months)
        result[figure_id] = share(hits, of) if months else Figure(None, ())
    return result


def figures(inputs: Inputs, params: Params) -> dict[str, FigureValue]:
    """The figures the returns feed when there is no Annex A, and ``null`` for those they cannot (nothing otherwise)."""
    if not returns_alone(inputs):
        return {}
    period = params.period
    result: dict[str, FigureValue] = {figure_id: Figure(None, ()) for figure_id in NOT_IN_RETURNS}
    for source, frame in ((cin_series(inputs), inputs.cin_referrals), (ssda903_series(inputs), inputs.ssda903_episodes)):
        if not source:
            continue
        covered = covered_part(covered_months({int(y) for y in frame["return_year"].unique()}), period)
        for series_id, series in source.items():
            result[series_id] = period_months(series, period)
        for figure_id, series_id in PERIOD_COUNTS.items():
            if series_id in source:
                result[figure_id] = count(sum(source[series_id][m].value for m in covered.months())) if covered else Figure(None, ())
        if "referrals.monthly.count" in source:
            if covered:
                result.update(referral_shares(source, covered))
                result.update(assessment_figures(inputs.cin_assessments, covered))
    return result


def return_years(inputs: Inputs) -> dict[str, list[int]]:
    """The years of each return given (``cin_census``, ``ssda903``: ending 31 March; ``csww``: the census's), oldest first."""
    years = {}
    for name, frames in RETURN_FRAMES.items():
        found = {int(y) for frame in frames if (table := getattr(inputs, frame)) is not None for y in table["return_year"].unique()}
        if found:
            years[name] = sorted(found)
    return years
