"""What an Annex A return covers, and figures over a six-month return under a twelve-month period, worked by hand.

Period 2018-07-01 to 2019-06-30 (twelve months), snapshot 2019-06-30. The return is a six-month one whose
earliest contact is Saturday 5 January 2019, so Lists 1-9 cover from 2019-01-05 unless the parameters say otherwise:

Contacts (List 1)  c1 2019-01-05, c2 2019-01-20, c3 2019-02-10, c4 2019-06-30          -> 4 contacts
Referrals (List 3) r1 2019-01-07 (NFA Yes, 0 before), r2 2019-03-15 (No, 1), r3 2019-03-20 (blank, 2)
  -> List 3 covers from its own earliest referral, 2019-01-07.

Covered days for contacts: 30 June 2019 − 5 January 2019 + 1 = 27 (Jan 5-31) + 28 + 31 + 30 + 31 + 30 = 177.
Rate per 10,000 with 20,000 children: 4 × 365.25 ÷ 177 ÷ 20,000 × 10,000 = 1461 ÷ 177 ÷ 2 = 4.127119…
(over the whole 365-day period it would have been 4 × 365.25 ÷ 365 ÷ 2 = 2.0014: the months before the
return would have counted as months with no contacts).
"""

from datetime import date

import pandas as pd
import pytest

from readiness.config.params import Params
from readiness.config.period import Period
from readiness.indicators import common, frontdoor, protection
from readiness.indicators.figure import Figure
from readiness.inputs import coverage as cov
from readiness.inputs.bundle import Inputs

PERIOD = Period.of(date(2018, 7, 1), date(2019, 6, 30))
MONTHS_BEFORE = ["2018-07", "2018-08", "2018-09", "2018-10", "2018-11", "2018-12"]


def contacts() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "child_id": ["A", "B", "C", "D"],
            "contact_date": pd.to_datetime(["2019-01-05", "2019-01-20", "2019-02-10", "2019-06-30"]),
            "contact_source": pd.array(["6", "2A", None, "1A"], dtype="string"),
        }
    )


def referrals() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "child_id": ["A", "C", "E"],
            "referral_date": pd.to_datetime(["2019-01-07", "2019-03-15", "2019-03-20"]),
            "referral_source": pd.array(["6", "2A", "1A"], dtype="string"),
            "referral_nfa": pd.array([True, False, None], dtype="boolean"),
            "referrals_last_12m": pd.array([0, 1, 2], dtype="Int64"),
            "team": ["North", "South", "North"],
        }
    )


def s47_rows() -> pd.DataFrame:
    """List 5: one strategy discussion in 2018 (an item open from before the window) and two after 5 January."""
    return pd.DataFrame(
        {
            "child_id": ["P", "Q", "R"],
            "strategy_date": pd.to_datetime(["2018-11-20", "2019-01-04", "2019-04-02"]),
            "icpc_date": pd.to_datetime([None, None, None]),
            "icpc_plan": pd.array([None, None, None], dtype="boolean"),
            "team": ["North", "North", "South"],
        }
    )


def params(**extra) -> Params:
    return Params(pack_id="t", la_name="Testshire", period_start=PERIOD.start, period_end=PERIOD.end, **extra)


# --- the first day each list covers ------------------------------------------------------


def test_lists_1_and_3_cover_from_their_own_earliest_key_date_and_the_others_from_list_1():
    lists = {"list_1": contacts(), "list_3": referrals(), "list_5": s47_rows()}
    # List 5's own earliest date (2018-11-20, an item open from before the window) says nothing: List 1's 5 Jan applies
    assert cov.list_coverage(lists, PERIOD.snapshot) == {1: date(2019, 1, 5), 3: date(2019, 1, 7), 5: date(2019, 1, 5)}


def test_lists_2_and_4_to_9_fall_back_on_list_3_then_on_nothing():
    assert cov.list_coverage({"list_3": referrals(), "list_4": pd.DataFrame()}, PERIOD.snapshot) == {
        3: date(2019, 1, 7),
        4: date(2019, 1, 7),
    }
    assert cov.list_coverage({"list_5": s47_rows()}, PERIOD.snapshot) == {5: None}


def test_annex_a_covers_from_overrides_every_list_1_to_9():
    lists = {"list_1": contacts(), "list_3": referrals(), "list_5": s47_rows()}
    given = date(2018, 12, 1)
    assert cov.list_coverage(lists, PERIOD.snapshot, given) == {1: given, 3: given, 5: given}


def test_lists_10_and_11_cover_twelve_months_or_from_their_earliest_order_or_approval():
    # snapshot 2019-06-30: twelve months before is 2018-06-30
    adoption = pd.DataFrame({"date_of_adoption_order": pd.array(["12/03/2018", None, "2019-01-10"], dtype="string")})
    adopters = pd.DataFrame(
        {
            "date_stage_2_ended": pd.array(["2018-09-01", None], dtype="string"),
            "date_application_approved": pd.array([None, "01/07/2018"], dtype="string"),
        }
    )
    late_order = pd.DataFrame({"date_of_adoption_order": pd.array(["2019-06-01"], dtype="string")})
    lists = {"list_1": contacts(), "list_10": adoption, "list_11": adopters}
    # List 10: an adoption order on 12 March 2018, before 2018-06-30, stretches it back; annex_a_covers_from
    # (2019-01-01) does not shorten either list. List 11: both approvals are after 2018-06-30, so twelve months.
    assert cov.list_coverage(lists, PERIOD.snapshot, date(2019, 1, 1)) == {
        1: date(2019, 1, 1),
        10: date(2018, 3, 12),
        11: date(2018, 6, 30),
    }
    assert cov.list_coverage({"list_10": late_order}, date(2020, 2, 29)) == {10: date(2019, 2, 28)}  # 29 Feb -> 28 Feb


def test_coverage_in_figures_json_and_on_the_cover():
    coverage = {1: date(2019, 1, 5), 3: date(2019, 1, 5), 4: date(2019, 1, 5), 10: date(2018, 6, 30), 6: None}
    document = cov.coverage_document(coverage)
    assert document == {"List 1": "2019-01-05", "List 3": "2019-01-05", "List 4": "2019-01-05", "List 6": None, "List 10": "2018-06-30"}
    assert cov.describe_coverage(document) == "Lists 1, 3 and 4 from 2019-01-05; List 6 from a date not known; List 10 from 2018-06-30"


def test_a_period_starting_before_the_coverage_is_one_warning_per_coverage_date():
    coverage = {1: date(2019, 1, 5), 3: date(2019, 1, 7), 4: date(2019, 1, 5), 10: date(2018, 6, 30), 6: None}
    warnings = cov.uncovered_start_warnings(coverage, PERIOD.start, "annex_a.xlsx")
    assert [w.message.split(":")[0] for w in warnings] == [
        "the return covers Lists 1 and 4 from 2019-01-05, after period_start (2018-07-01)",
        "the return covers List 3 from 2019-01-07, after period_start (2018-07-01)",
    ]
    assert cov.uncovered_start_warnings(coverage, date(2019, 2, 1), "annex_a.xlsx") == []
    # a return starting a week after the period (New Year's week, say) is not worth a warning; 8 days is
    assert cov.uncovered_start_warnings({1: date(2019, 1, 8)}, date(2019, 1, 1), "annex_a.xlsx") == []
    assert len(cov.uncovered_start_warnings({1: date(2019, 1, 9)}, date(2019, 1, 1), "annex_a.xlsx")) == 1


# --- the covered part of the period ----------------------------------------------------------


def test_covered_period_days_and_months():
    covered = cov.covered_period(PERIOD, date(2019, 1, 5))
    assert (covered.start, covered.end) == (date(2019, 1, 5), date(2019, 6, 30))
    assert cov.covered_days(PERIOD, date(2019, 1, 5)) == 177  # see the module docstring
    assert cov.covered_days(PERIOD, None) == 365
    assert cov.covered_days(PERIOD, date(2018, 1, 1)) == 365  # coverage before the period: the whole period
    assert cov.not_covered_months(PERIOD, covered) == MONTHS_BEFORE
    assert cov.month_label("2019-01", covered) == "2019-01 (partial: from 2019-01-05)"
    assert cov.month_label("2019-02", covered) == "2019-02"
    # a snapshot before the period end: the months after the snapshot's month are not covered
    early = Period.of(date(2019, 1, 1), date(2019, 6, 30), date(2019, 4, 15))
    assert cov.not_covered_months(early, cov.covered_period(early, None)) == ["2019-05", "2019-06"]


def test_rate_per_10k_is_annualised_over_the_covered_days():
    # 3 referrals over 90 covered days, 20,000 children: 3 × 365.25 = 1095.75; ÷ 90 = 12.175; ÷ 2 = 6.0875
    assert common.rate_per_10k(3, 90, 20_000) == Figure(pytest.approx(6.0875), (3,))
    assert common.rate_per_10k(3, 0, 20_000).value is None


def test_a_six_month_return_under_a_twelve_month_period():
    inputs = Inputs(annex_a={"list_1": contacts(), "list_3": referrals()})
    result = frontdoor.figures(inputs, params(child_population=20_000))
    contacts_by_month = {month: figure.value for month, figure in result["contacts.monthly.count"].items()}
    # July-December 2018 are not covered: null, never 0. January counts from the 5th (c1, c2); June holds c4.
    assert contacts_by_month == {
        **{m: None for m in MONTHS_BEFORE},
        "2019-01": 2,
        "2019-02": 1,
        "2019-03": 0,
        "2019-04": 0,
        "2019-05": 0,
        "2019-06": 1,
    }
    assert result["contacts.monthly.count"]["2018-07"] == common.NOT_COVERED
    assert result["contacts.count"].value == 4
    assert result["contacts.rate_per_10k"].value == pytest.approx(1461 / 177 / 2)  # 4.1271, see the docstring
    # referrals cover from 7 January: 30 June − 7 January + 1 = 25 + 28 + 31 + 30 + 31 + 30 = 175 days
    assert result["referrals.rate_per_10k"].value == pytest.approx(3 * 365.25 / 175 / 2)
    # NFA: r1 Yes, r2 No, r3 blank (unknown, left out) -> 1 of 2; March: r2 No, r3 blank -> 0 of 1
    assert result["referrals.nfa_share"].basis == (1, 2)
    nfa = result["referrals.monthly.nfa_share"]
    assert nfa["2018-12"].value is None and nfa["2019-03"].basis == (0, 1) and nfa["2019-04"].basis == (0, 0)


def test_annex_a_covers_from_moves_the_period_figures():
    inputs = Inputs(annex_a={"list_1": contacts()})
    result = frontdoor.figures(inputs, params(child_population=20_000, annex_a_covers_from=date(2019, 1, 10)))
    # from 10 January: c1 (5 Jan) is before the coverage and leaves; January holds c2 only
    assert result["contacts.count"].value == 3
    assert result["contacts.monthly.count"]["2019-01"].value == 1
    # 30 June − 10 January + 1 = 22 + 28 + 31 + 30 + 31 + 30 = 172 days: 3 × 365.25 ÷ 172 ÷ 2
    assert result["contacts.rate_per_10k"].value == pytest.approx(3 * 365.25 / 172 / 2)


def test_list_5_counts_from_list_1s_coverage():
    inputs = Inputs(annex_a={"list_1": contacts(), "list_5": s47_rows()})
    result = protection.figures(inputs, params(child_population=20_000))
    # strategy discussions on or after 5 January: R (2 April) only; P (Nov 2018) and Q (4 Jan) are before the coverage
    assert result["s47.count"].value == 1
    assert result["s47.monthly.count"]["2018-11"].value is None and result["s47.monthly.count"]["2019-04"].value == 1
    assert result["s47.rate_per_10k"].value == pytest.approx(365.25 / 177 / 2)


def test_breakdowns_over_the_covered_period_hold_only_the_covered_months():
    covered = cov.covered_period(PERIOD, date(2019, 1, 5))
    table = frontdoor.contacts_and_referrals_by_month(contacts(), referrals(), covered)
    assert table.index.tolist() == ["2019-01", "2019-02", "2019-03", "2019-04", "2019-05", "2019-06"]
    assert table["contacts"].tolist() == [2, 1, 0, 0, 0, 1]
