"""Front door (Lists 1 and 3): a handful of contacts and referrals worked by hand.

Period 2019-01-01 to 2019-03-31: 31 + 28 + 31 = 90 days.

Contacts            child  date        source  in period?
  c1                A      2018-12-31  1A      no
  c2                A      2019-01-05  2A      yes (schools and education)
  c3                B      2019-01-20  2B      yes (schools and education)
  c4                C      2019-02-10  6       yes (police)
  c5                D      2019-03-31  blank   yes (not recorded; last day)
  c6                B      2019-03-01  3C      yes (health)
  => contacts.count = 5; children contacted in period: A, B, C, D.

Referrals           child  date        team   NFA    last 12m  in period?
  r1                A      2019-01-06  North  No     0         yes: first referral, not a repeat
  r2                C      2019-02-11  South  Yes    1         yes: a repeat, NFA
  r3                E      2019-02-20  North  blank  blank     yes: NFA and repeat unknown (leaves both shares)
  r4                D      2019-04-01  South  Yes    2         no (day after the period)
  r5                B      2018-12-15  North  No     0         no (before the period)
  => referrals.count = 3; nfa 1/2; repeat 1/2 (r3's blanks leave them); children referred in period: A, C, E.
"""

from datetime import date

import pandas as pd
import pytest

from readiness.config.params import Params
from readiness.config.period import Period
from readiness.indicators import frontdoor
from readiness.indicators.figure import count
from readiness.inputs.bundle import Inputs

PERIOD = Period.of(date(2019, 1, 1), date(2019, 3, 31))


@pytest.fixture
def contacts() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "child_id": ["A", "A", "B", "C", "D", "B"],
            "contact_date": pd.to_datetime(["2018-12-31", "2019-01-05", "2019-01-20", "2019-02-10", "2019-03-31", "2019-03-01"]),
            "contact_source": pd.array(["1A", "2A", "2B", "6", None, "3C"], dtype="string"),
        }
    )


@pytest.fixture
def referrals() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "child_id": ["A", "C", "E", "D", "B"],
            "referral_date": pd.to_datetime(["2019-01-06", "2019-02-11", "2019-02-20", "2019-04-01", "2018-12-15"]),
            "referral_source": pd.array(["2A", "6", "3A", "4", "1A"], dtype="string"),
            "referral_nfa": pd.array([False, True, None, True, False], dtype="boolean"),
            "referrals_last_12m": pd.array([0, 1, None, 2, 0], dtype="Int64"),
            "team": ["North", "South", "North", "South", "North"],
        }
    )


def params(**extra) -> Params:
    return Params(pack_id="t", la_name="Testshire", period_start=PERIOD.start, period_end=PERIOD.end, **extra)


def test_counts_include_both_ends_of_the_period(contacts, referrals):
    assert frontdoor.contacts_count(contacts, PERIOD) == count(5)
    assert frontdoor.referrals_count(referrals, PERIOD).value == 3


def test_nfa_share_leaves_out_a_blank(referrals):
    # r1 No, r2 Yes, r3 blank (unknown: leaves numerator and denominator) -> 1 of 2
    assert frontdoor.referrals_nfa_share(referrals, PERIOD).basis == (1, 2)


def test_repeat_share_first_referral_0_is_not_a_repeat_and_1_is(referrals):
    # r1 holds 0 (first referral), r2 holds 1 (one earlier referral), r3 blank (unknown, left out) -> 1 of 2
    assert frontdoor.referrals_repeat_share(referrals, PERIOD).basis == (1, 2)
    assert frontdoor.repeat_referral(referrals).tolist() == [False, True, pd.NA, True, False]


def test_children_referred_share_uses_distinct_children_in_period(contacts, referrals):
    # contacted {A, B, C, D}; referred in period {A, C, E} (B's referral is before it) -> {A, C}: 2 of 4
    figure = frontdoor.children_referred_share(contacts, referrals, PERIOD)
    assert figure.basis == (2, 4) and figure.value == 0.5


def test_monthly_series_has_every_month_and_null_for_an_empty_one(referrals):
    # referrals by month: Jan r1; Feb r2, r3; Mar none
    counts = frontdoor.monthly_counts(referrals["referral_date"], PERIOD)
    assert {month: figure.value for month, figure in counts.items()} == {"2019-01": 1, "2019-02": 2, "2019-03": 0}
    nfa = frontdoor.monthly_shares(referrals["referral_date"], referrals["referral_nfa"], PERIOD)
    # Feb: r2 Yes, r3 blank (left out) -> 1 of 1
    assert nfa["2019-01"].basis == (0, 1) and nfa["2019-02"].basis == (1, 1) and nfa["2019-03"].value is None


def test_source_group_maps_dfe_codes_and_blank():
    codes = pd.Series(["1D", "2B", "3F", "4", "5D", "6", "7", "10", None])
    assert frontdoor.source_group(codes).tolist() == [
        "Individuals",
        "Schools and education",
        "Health services",
        "Housing",
        "LA services",
        "Police",
        "Other legal agency",
        "Other, anonymous, unknown",
        "Not recorded or unrecognised",
    ]


def test_sources_by_month_counts_every_month_and_group(contacts):
    # Jan: c2 (2A), c3 (2B) -> schools and education 2 of 2; Feb: police 1 of 1; Mar: health 1, not recorded 1 of 2
    table = frontdoor.sources_by_month(contacts, "contact_date", "contact_source", PERIOD).set_index(["month", "source_group"])
    assert len(table) == 3 * 9  # every month × every group (8 groups + not recorded)
    assert table.loc[("2019-01", "Schools and education"), "count"] == 2
    assert table.loc[("2019-01", "Schools and education"), "count_share"] == 1.0
    assert table.loc[("2019-02", "Police"), "count"] == 1
    assert table.loc[("2019-03", "Not recorded or unrecognised"), "count_share"] == 0.5
    assert table.loc[("2019-03", "Individuals"), "count"] == 0
    assert "child_id" not in table.columns


def test_sources_in_period_totals_each_group(contacts):
    # 5 contacts: schools and education 2 (0.4), police 1, health 1, not recorded 1 (0.2 each), individuals 0 (c1 is outside)
    table = frontdoor.sources_in_period(contacts, "contact_date", "contact_source", PERIOD).set_index("source_group")
    assert table.loc["Schools and education", "count"] == 2
    assert table.loc["Schools and education", "count_share"] == pytest.approx(0.4)
    assert table.loc["Individuals", "count"] == 0
    assert table["count"].sum() == 5


def test_referral_outcomes_by_month_and_team(referrals):
    by_month = frontdoor.referral_outcomes(referrals, PERIOD).set_index("month")
    # Feb: r2 (NFA) and r3 (blank) -> 2 referrals, 1 with NFA recorded, 1 NFA: share 1/1, as the headline share
    # leaves r3 out; March has none, so its share is missing
    assert by_month.columns.tolist() == ["referrals", "nfa_recorded", "nfa", "nfa_share"]
    assert by_month.loc["2019-02", ["referrals", "nfa_recorded", "nfa"]].tolist() == [2, 1, 1]
    assert by_month.loc["2019-02", "nfa_share"] == 1.0
    assert pd.isna(by_month.loc["2019-03", "nfa_share"])
    by_team = frontdoor.referral_outcomes(referrals, PERIOD, by="team").set_index("team")
    # North: r1, r3 (r5 outside) -> 2 referrals, 1 with NFA recorded (r1), 0 NFA; South: r2 (r4 outside) -> 1, 1, 1
    assert by_team.loc["North", ["referrals", "nfa_recorded", "nfa"]].tolist() == [2, 1, 0]
    assert by_team.loc["North", "nfa_share"] == 0.0
    assert by_team.loc["South", "nfa_share"] == 1.0


def test_figures_has_every_front_door_id_and_rates_with_a_population(contacts, referrals):
    inputs = Inputs(annex_a={"list_1": contacts, "list_3": referrals})
    result = frontdoor.figures(inputs, params(child_population=20_000))
    assert {
        "contacts.count",
        "referrals.count",
        "referrals.nfa_share",
        "referrals.repeat_share",
        "contacts.children_referred_share",
        "contacts.rate_per_10k",
        "referrals.rate_per_10k",
        "contacts.monthly.count",
        "referrals.monthly.count",
        "referrals.monthly.nfa_share",
        "referrals.monthly.repeat_share",
    } == set(result)
    # 5 contacts: 5 × 365.25 = 1826.25; ÷ 90 = 20.291666…; ÷ 2 = 10.1458333…
    assert result["contacts.rate_per_10k"].value == pytest.approx(10.1458333333)


def test_figures_without_population_or_lists():
    assert frontdoor.figures(Inputs(), params(child_population=20_000)) == {}
    referrals_only = Inputs(annex_a={"list_3": pd.DataFrame(columns=["child_id", "referral_date", "referral_nfa", "referrals_last_12m"])})
    result = frontdoor.figures(referrals_only, params())
    assert "referrals.rate_per_10k" not in result and "contacts.count" not in result
    assert result["referrals.count"].value == 0 and result["referrals.nfa_share"].value is None


def test_contacts_and_referrals_by_month(contacts, referrals):
    # contacts in period: c2, c3 (Jan), c4 (Feb), c5, c6 (Mar); referrals: r1 (Jan), r2, r3 (Feb), none in March
    table = frontdoor.contacts_and_referrals_by_month(contacts, referrals, PERIOD)
    assert table.index.tolist() == ["2019-01", "2019-02", "2019-03"] and table.index.name == "month"
    assert table["contacts"].tolist() == [2, 1, 2]
    assert table["referrals"].tolist() == [1, 2, 0]
