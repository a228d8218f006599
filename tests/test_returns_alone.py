"""A pack from the statutory returns without Annex A: what the returns feed, and null (never 0 % or 100 %) for the rest."""
from __future__ import annotations

from datetime import date

import pandas as pd

from readiness.config.params import Params
from readiness.indicators import returns_alone
from readiness.indicators.common import NOT_COVERED
from readiness.inputs.bundle import Inputs
from readiness.present.returns_beside import not_in_returns, returns_given

PARAMS = Params(pack_id="t", la_name="Testshire", period_start=date(2024, 10, 1), period_end=date(2025, 9, 30), audience="internal", suppress_up_to=0)


def dates(*days):
    return pd.to_datetime(pd.Series(days, dtype="object"))


def census() -> Inputs:
    # One census year, 2024-25: it covers October 2024 to March 2025 of the period.
    referrals = pd.DataFrame({
        "child_id": ["a", "b", "c", "a"],
        "referral_date": dates("2024-05-01", "2024-10-07", "2024-10-20", "2025-02-03"),
        "referral_nfa": pd.array([False, True, False, False], dtype="boolean"),
        "return_year": 2025,
    })
    assessments = pd.DataFrame({
        "child_id": ["b", "c"],
        # b: 8 Oct to 6 Nov 2024 = 22 working days; c: 21 Oct 2024 to 7 Feb 2025 = 74 working days (25, 26 Dec, 1 Jan out)
        "assessment_start": dates("2024-10-08", "2024-10-21"),
        "assessment_authorised": dates("2024-11-06", "2025-02-07"),
        "return_year": 2025,
    })
    s47 = pd.DataFrame({"child_id": ["c"], "s47_start": dates("2024-10-22"), "icpc_date": dates(None), "return_year": 2025})
    plans = pd.DataFrame({"child_id": ["c"], "cp_start": dates("2023-12-01"), "return_year": 2025})
    return Inputs(cin_referrals=referrals, cin_assessments=assessments, cin_s47=s47, cin_cp_plans=plans)


def test_the_census_feeds_the_covered_part_of_the_period():
    figures = returns_alone.figures(census(), PARAMS)
    assert figures["referrals.count"].value == 3  # October (2) and February (1); May 2024 is before the period
    assert figures["referrals.nfa_share"].basis == (1, 3)
    assert figures["referrals.monthly.count"]["2024-10"].value == 2
    assert figures["referrals.monthly.count"]["2025-04"] is NOT_COVERED  # after the census year: not covered, never 0
    assert figures["assessments.completed_count"].value == 2
    assert figures["assessments.within_45_working_days_share"].basis == (1, 2)
    assert (figures["s47.count"].value, figures["icpc.count"].value, figures["cp.started_count"].value) == (1, 0, 0)
    assert figures["referrals.rereferral_share"].value is None  # the census's first twelve months: not known


def test_what_the_returns_do_not_hold_is_null_never_0_or_100_per_cent():
    figures = returns_alone.figures(census(), PARAMS)
    for figure_id in returns_alone.NOT_IN_RETURNS:
        assert figures[figure_id].value is None and figures[figure_id].basis == ()
    text = not_in_returns(figures)
    assert "- Allocation: open children with no allocated worker; children in care with no allocated worker (not in the statutory returns)." in text


def test_with_annex_a_the_returns_feed_no_annex_a_figure():
    inputs = census()
    inputs.annex_a["list_3"] = pd.DataFrame({"child_id": []})
    assert returns_alone.figures(inputs, PARAMS) == {}


def test_the_returns_given_are_named_with_their_years():
    years = returns_alone.return_years(census())
    assert years == {"cin_census": [2025]}
    assert returns_given({"cin_census": [2023, 2025], "csww": [2025]}, True) == (
        "This pack reads the CIN census for 2022-23 to 2024-25 and the workforce census for Sept 2025; "
        "no Annex A was given, so this pack is built from the returns alone."
    )
