"""Assessments on Working Together's clock: 45 working days from the referral, not from the assessment's start
(Annex A Lists 3 and 4, version 4).

Each assessment completed in the period is linked to the child's latest List 3 referral dated on or before the
assessment's start and at most one year before it. Without such a referral, or when the assessment started within a
year after List 3's first covered day (an earlier referral, before the list, could be the latest), the assessment
leaves both figures. DfE's published figure, ``assessments.within_45_working_days_share``, counts from the start.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from readiness.config.figures import H, L, Theme
from readiness.config.params import Params
from readiness.config.period import Period
from readiness.config.workdays import working_days
from readiness.inputs.bundle import Inputs
from readiness.inputs.coverage import coverage_of, covered_period

from .assessments import TIMESCALE_WORKING_DAYS, completed_in_period
from .common import median_of, years_before
from .figure import Figure, FigureValue, share

clock = Theme("Assessments", reads=("list_4.assessment_start", "list_4.authorisation_date", "list_3.referral_date"))
FROM_REFERRAL = clock.figure(
    "assessments.from_referral_within_45_working_days_share", "Assessments completed within 45 working days of the referral", "share", H
)
REFERRAL_TO_START = clock.figure(
    "assessments.referral_to_start_working_days_median", "Median working days from referral to the assessment's start", "number", L
)


def with_referral(assessments: pd.DataFrame, referrals: pd.DataFrame) -> pd.DataFrame:
    """``assessments`` with ``referral_date``: the child's latest referral on or before the start and at most a year
    before it (``NaT`` when there is none)."""
    rows = assessments[["child_id", "assessment_start"]].assign(_at=range(len(assessments)))
    pairs = rows.merge(referrals[["child_id", "referral_date"]], on="child_id")
    earliest = years_before(pairs["assessment_start"])
    inside = (pairs["referral_date"] <= pairs["assessment_start"]) & (pairs["referral_date"] >= earliest)
    latest = pairs[inside].groupby("_at")["referral_date"].max()
    return assessments.assign(referral_date=pd.Series(latest.reindex(range(len(assessments))).to_numpy(), index=assessments.index))


def linked(assessments: pd.DataFrame, referrals: pd.DataFrame, covered_from: date | None) -> pd.DataFrame:
    """The assessments the figures count: with a linked referral, and started a year or more after List 3's first
    covered day (when it is known)."""
    rows = with_referral(assessments, referrals)
    if covered_from is not None:
        seen_a_year = years_before(rows["assessment_start"]) >= pd.Timestamp(covered_from)
        rows = rows[seen_a_year.astype(bool)]
    return rows[rows["referral_date"].notna()]


def from_referral_figures(
    assessments: pd.DataFrame, referrals: pd.DataFrame, period: Period, covered_from: date | None
) -> dict[str, Figure]:
    """``assessments.from_referral_within_45_working_days_share`` and ``assessments.referral_to_start_working_days_median``."""
    rows = linked(completed_in_period(assessments, period), referrals, covered_from)
    to_end = working_days(rows["referral_date"], rows["authorisation_date"])
    to_start = working_days(rows["referral_date"], rows["assessment_start"])
    within = ((to_end <= TIMESCALE_WORKING_DAYS) & (to_start <= TIMESCALE_WORKING_DAYS)).fillna(False).astype(bool)
    return {FROM_REFERRAL: share(within.sum(), len(rows)), REFERRAL_TO_START: median_of(to_start.astype(float))}


def figures(inputs: Inputs, params: Params) -> dict[str, FigureValue]:
    """Both figures, over the part of the period List 4 covers; nothing without Lists 3 and 4."""
    assessments, referrals = inputs.annex_list(4), inputs.annex_list(3)
    if assessments is None or referrals is None:
        return {}
    coverage = coverage_of(inputs, params)
    return from_referral_figures(assessments, referrals, covered_period(params.period, coverage[4]), coverage[3])
