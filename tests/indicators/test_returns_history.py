"""Monthly series from the statutory returns for the months before Annex A's coverage, on small hand-worked returns."""

from __future__ import annotations

from datetime import date

import pandas as pd

from readiness.indicators import returns_history as history
from readiness.indicators.common import NOT_COVERED
from readiness.inputs.bundle import Inputs


def dates(*days):
    return pd.to_datetime(pd.Series(days, dtype="object"))


def cin_inputs() -> Inputs:
    # Two census years: 2023-24 and 2024-25 (April 2023 to March 2025).
    referrals = pd.DataFrame(
        {
            "child_id": ["a", "a", "b", "c", "a"],
            "referral_date": dates("2023-04-03", "2024-04-02", "2024-04-20", "2024-05-01", "2025-03-31"),
            "referral_nfa": pd.array([True, False, None, False, True], dtype="boolean"),
            "return_year": [2024, 2025, 2025, 2025, 2025],
        }
    )
    assessments = pd.DataFrame(
        {
            "child_id": ["a", "b", "c"],
            # a: 1 to 31 May 2024 = 21 working days (6 and 27 May bank holidays out): within 45
            # b: 2 April to 5 June 2024: April 21 (1 April Easter Monday before it) + May 21 + 3-4 June 2 = 44 → within
            # c: authorised before it started: left out
            "assessment_start": dates("2024-05-01", "2024-04-02", "2024-05-10"),
            "assessment_authorised": dates("2024-05-31", "2024-06-05", "2024-05-01"),
            "return_year": [2025, 2025, 2025],
        }
    )
    s47 = pd.DataFrame({"child_id": ["a"], "s47_start": dates("2023-06-05"), "icpc_date": dates("2023-06-20"), "return_year": [2024]})
    plans = pd.DataFrame({"child_id": ["a"], "cp_start": dates("2023-06-20"), "return_year": [2024]})
    return Inputs(cin_referrals=referrals, cin_assessments=assessments, cin_s47=s47, cin_cp_plans=plans)


def test_the_returns_cover_each_years_months():
    months = history.covered_months({2024, 2025})
    assert (months[0], months[-1], len(months)) == ("2023-04", "2025-03", 24)


def test_referral_counts_and_nfa_shares_by_month():
    series = history.cin_series(cin_inputs())
    counts = series["referrals.monthly.count"]
    assert (counts["2023-04"].value, counts["2024-04"].value, counts["2024-06"].value) == (1, 2, 0)
    nfa = series["referrals.monthly.nfa_share"]
    assert nfa["2024-04"].basis == (0, 1)  # b's NFA is not recorded: left out of both
    assert nfa["2025-03"].basis == (1, 1)


def test_a_referral_within_twelve_months_of_another_is_a_rereferral_from_the_dates():
    shares = history.cin_series(cin_inputs())["referrals.monthly.rereferral_share"]
    # a's referral of 2 April 2024 follows that of 3 April 2023 (within a year): a re-referral; b's is not.
    assert shares["2024-04"].basis == (1, 2)
    assert shares["2025-03"].basis == (1, 1)  # a's of 31 March 2025 follows that of 2 April 2024, after 31 March 2024
    assert shares["2023-04"] is NOT_COVERED  # the first twelve months: earlier referrals are not in the returns


def test_assessments_within_45_working_days_by_month_of_authorisation():
    shares = history.cin_series(cin_inputs())["assessments.monthly.within_45_working_days_share"]
    assert shares["2024-05"].basis == (1, 1) and shares["2024-06"].basis == (1, 1)


def test_only_months_annex_a_does_not_wholly_cover_come_from_the_returns():
    series = {m: i for i, m in enumerate(history.covered_months({2024, 2025}))}
    kept = history.before_annex_a(series, date(2024, 10, 15), date(2025, 9, 30))
    assert list(kept)[0] == "2023-04" and list(kept)[-1] == "2024-10"  # October 2024 is covered only from the 15th
    assert history.before_annex_a(series, date(2024, 10, 1), date(2025, 9, 30)).keys() >= {"2024-09"}
    assert "2024-10" not in history.before_annex_a(series, date(2024, 10, 1), date(2025, 9, 30))
    assert list(history.before_annex_a(series, None, date(2025, 9, 30)))[0] == "2023-04"
    assert list(history.before_annex_a(series, None, date(2026, 6, 30)))[0] == "2023-07"  # at most 36 months


def test_children_starting_and_ceasing_care_by_month():
    episodes = pd.DataFrame(
        {
            "CHILD": ["a", "a", "b", "c", "c"],
            "DECOM": dates("2024-04-10", "2024-06-01", "2024-05-05", "2024-05-20", "2024-06-02"),
            "RNE": ["S", "P", "S", "S", "X"],
            "DEC": dates("2024-06-01", "2024-09-09", None, "2024-06-02", "2024-09-01"),
            "REC": ["X1", "E11", None, "X1", "E11"],
            "return_year": [2025, 2025, 2025, 2025, 2025],
            "_left_out": [False, False, False, True, True],  # c's second episode breaks a rule (RNE X): c is left out
        }
    )
    series = history.ssda903_series(Inputs(ssda903_episodes=episodes))
    started, ceased = series["cla.monthly.started_count"], series["cla.monthly.ceased_count"]
    assert (started["2024-04"].value, started["2024-05"].value, started["2024-06"].value) == (1, 1, 0)  # b in May; c left out
    assert (ceased["2024-06"].value, ceased["2024-09"].value) == (0, 1)  # X1: a new episode follows, not ceasing; c left out
