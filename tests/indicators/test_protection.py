"""Section 47, ICPC and child protection (Lists 5 and 7), worked by hand.

List 5, period 2019-12-01 to 2020-01-31 (31 + 31 = 62 days).
Working days from Monday 16 Dec 2019: 16-20 Dec (5), 23-24 Dec (7), 25-26 Dec bank holidays,
27 Dec (8), 30-31 Dec (10), 1 Jan bank holiday, 2-3 Jan (12), 6-8 Jan (15), 9 Jan (16).
working_days(a, b) counts a ≤ d < b, so to 9 Jan = 15 (within) and to 10 Jan = 16 (not).

row  child  strategy    ICPC        working days        plan   team
s1   A      2019-12-16  2020-01-09  15 (within)          Yes    North
s2   B      2019-12-16  2020-01-10  16 (not within)      No     North
s3   C      2020-01-15  2020-01-14  -1 (negative: left out of timeliness)  Yes  South
s4   D      2019-11-20  2019-12-05  20-22 Nov 3, 25-29 Nov 8, 2-4 Dec 11 (within)  blank  South
s5   E      2020-01-20  (none)      -                    -      South
s47.count: strategy in period s1, s2, s3, s5 = 4.   icpc.count: ICPC in period s1, s2, s3, s4 = 4.
within 15: timed s1, s2, s4 -> s1, s4 within: 2 of 3.   plan: s1, s3 of s1-s3 (s4 blank: unknown, left out) = 2/3.
"""

from datetime import date

import pandas as pd
import pytest

from readiness.config.params import Params
from readiness.config.period import Period
from readiness.indicators import protection
from readiness.inputs.bundle import Inputs

PERIOD = Period.of(date(2019, 12, 1), date(2020, 1, 31))
# List 7: snapshot Saturday 29 Feb 2020; two years before = 28 Feb 2019 -> 28 Feb 2018.
PLAN_PERIOD = Period.of(date(2020, 1, 1), date(2020, 2, 29))


@pytest.fixture
def s47() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "child_id": ["A", "B", "C", "D", "E"],
            "strategy_date": pd.to_datetime(["2019-12-16", "2019-12-16", "2020-01-15", "2019-11-20", "2020-01-20"]),
            "icpc_date": pd.to_datetime(["2020-01-09", "2020-01-10", "2020-01-14", "2019-12-05", None]),
            "icpc_plan": pd.array([True, False, True, None, None], dtype="boolean"),
            "team": ["North", "North", "South", "South", "South"],
        }
    )


@pytest.fixture
def plans() -> pd.DataFrame:
    """
    plan  start       end         last visit  working days to 29 Feb   previous  team
    p1    2018-02-28  -           2020-02-17  17-21, 24-28 Feb = 10    0         North  open, 2 years+, visited
    p2    2018-03-01  -           2020-02-14  14 Feb + 10 = 11         1         North  open, visit too old
    p3    2020-01-10  2020-02-29  -           -                        2         South  started; ended on snapshot: closed
    p4    2020-02-03  -           -           no visit                 blank     South  started, open, not visited
    p5    2017-05-01  2019-06-01  2019-05-20  -                        0         North  closed
    """
    return pd.DataFrame(
        {
            "child_id": ["A", "B", "C", "D", "E"],
            "cp_start": pd.to_datetime(["2018-02-28", "2018-03-01", "2020-01-10", "2020-02-03", "2017-05-01"]),
            "cp_end": pd.to_datetime([None, None, "2020-02-29", None, "2019-06-01"]),
            "last_visit": pd.to_datetime(["2020-02-17", "2020-02-14", None, None, "2019-05-20"]),
            "previous_plans": pd.array([0, 1, 2, None, 0], dtype="Int64"),
            "team": ["North", "North", "South", "South", "North"],
        }
    )


def params(period: Period, **extra) -> Params:
    return Params(pack_id="t", la_name="Testshire", period_start=period.start, period_end=period.end, **extra)


def test_years_before_applies_the_29_february_rule_each_year():
    assert protection.years_before(date(2024, 2, 29), 2) == date(2022, 2, 28)
    assert protection.years_before(date(2020, 2, 29), 2) == date(2018, 2, 28)
    assert protection.years_before(date(2019, 6, 30), 2) == date(2017, 6, 30)


def test_s47_and_icpc_counts(s47):
    assert protection.s47_count(s47, PERIOD).value == 4
    assert protection.icpc_count(s47, PERIOD).value == 4


def test_icpc_15_and_16_working_days_across_christmas(s47):
    timing = protection.icpc_timeliness(s47)
    assert timing["within_15"].tolist() == [True, False, False, True, False]
    assert timing["timed"].tolist() == [True, True, False, True, False]


def test_icpc_within_15_share_leaves_out_negative_durations(s47):
    # s1 and s4 within, s2 not; s3 negative is out of both numerator and denominator
    assert protection.icpc_within_15_working_days_share(s47, PERIOD).basis == (2, 3)


def test_icpc_resulting_in_plan_share_keeps_negative_durations_and_leaves_out_a_blank(s47):
    # s1 Yes, s2 No, s3 Yes (negative duration, still counts), s4 blank (unknown, left out) -> 2 of 3
    assert protection.icpc_resulting_in_plan_share(s47, PERIOD).basis == (2, 3)


def test_monthly_timeliness_by_month_of_icpc(s47):
    # Dec: s4 within -> 1/1; Jan: s1 within, s2 not (s3 left out) -> 1/2
    monthly = protection.monthly_timeliness(s47, PERIOD)
    assert monthly["2019-12"].basis == (1, 1) and monthly["2020-01"].basis == (1, 2)


def test_s47_icpc_by_month_and_team(s47):
    by_month = protection.s47_icpc_by_month(s47, PERIOD).set_index("month")
    # Dec: strategy s1, s2; ICPC s4. Jan: strategy s3, s5; ICPC s1, s2, s3 (timed s1, s2; within s1; plan s1, s3)
    assert by_month.loc["2019-12", ["s47", "icpcs", "within_15_working_days"]].tolist() == [2, 1, 1]
    assert by_month.loc["2020-01", ["s47", "icpcs", "icpcs_timed", "within_15_working_days", "resulting_in_plan"]].tolist() == [
        2,
        3,
        2,
        1,
        2,
    ]
    assert by_month.loc["2020-01", "within_15_working_days_share"] == 0.5
    by_team = protection.s47_icpc_by_team(s47, PERIOD).set_index("team")
    # North: s1, s2 -> s47 2, icpcs 2, timed 2, within 1, plan 1. South: s47 s3, s5; ICPCs s3, s4; timed s4 (within); plan s3
    assert by_team.loc["North", ["s47", "icpcs", "icpcs_timed", "within_15_working_days", "resulting_in_plan"]].tolist() == [2, 2, 2, 1, 1]
    assert by_team.loc["South", ["s47", "icpcs", "icpcs_timed", "within_15_working_days", "resulting_in_plan"]].tolist() == [2, 2, 1, 1, 1]
    assert by_team.loc["South", "within_15_working_days_share"] == 1.0
    # outcome recorded: South s3 only (s4 blank) -> plan share 1/1, as the headline leaves s4 out; North 1 of 2
    assert by_team.loc["South", ["outcome_recorded", "resulting_in_plan_share"]].tolist() == [1, 1.0]
    assert by_team.loc["North", "resulting_in_plan_share"] == 0.5
    assert "child_id" not in by_team.columns


def test_plans_started_and_second_or_subsequent(plans):
    # started in period: p3 (2 previous), p4 (blank: unknown) -> 2 started; second or subsequent 1 of 1 recorded
    assert protection.cp_started_count(plans, PLAN_PERIOD).value == 2
    assert protection.cp_second_or_subsequent_share(plans, PLAN_PERIOD).basis == (1, 1)


def test_open_plans_two_years_and_visits_at_29_february(plans):
    snapshot = PLAN_PERIOD.snapshot
    # open: p1, p2, p4 (p3 ended on the snapshot, p5 long closed)
    assert protection.cp_open_at_snapshot(plans, snapshot).value == 3
    # two years before 29 Feb 2020 is 28 Feb 2018: p1 started that day, p2 a day later
    assert protection.cp_two_years_plus_count(plans, snapshot).value == 1
    # visited within 10 working days: p1 (10) only; p2 11; p4 never
    assert protection.cp_visit_within_interval_share(plans, snapshot, 10).basis == (1, 3)
    # with an 11-day interval p2 is within too
    assert protection.cp_visit_within_interval_share(plans, snapshot, 11).basis == (2, 3)


def test_plan_tables(plans):
    by_month = protection.plans_started_by_month(plans, PLAN_PERIOD).set_index("month")
    assert by_month["started"].to_dict() == {"2020-01": 1, "2020-02": 1}
    assert by_month.loc["2020-01", "second_or_subsequent_share"] == 1.0
    by_team = protection.open_plans_by_team(plans, PLAN_PERIOD.snapshot).set_index("team")
    # North: p1, p2 open; p1 two years+ and visited. South: p4 open, neither
    assert by_team.loc["North", ["open_plans", "two_years_plus", "visited_within_interval"]].tolist() == [2, 1, 1]
    assert by_team.loc["South", ["open_plans", "two_years_plus", "visited_within_interval"]].tolist() == [1, 0, 0]


def test_figures_with_rate_per_10k(s47, plans):
    result = protection.figures(Inputs(annex_a={"list_5": s47}), params(PERIOD, child_population=30_000))
    assert set(result) == {
        "s47.count",
        "icpc.count",
        "icpc.within_15_working_days_share",
        "icpc.resulting_in_plan_share",
        "s47.monthly.count",
        "icpc.monthly.count",
        "icpc.monthly.within_15_working_days_share",
        "s47.rate_per_10k",
    }
    # 4 × 365.25 = 1461; ÷ 62 days; ÷ 30,000 × 10,000 = ÷ 3 -> 1461 / 186 ≈ 7.855
    assert result["s47.rate_per_10k"].value == pytest.approx(1461 / 186)
    assert {m: f.value for m, f in result["s47.monthly.count"].items()} == {"2019-12": 2, "2020-01": 2}


def test_figures_for_plans_only_and_for_nothing(plans):
    result = protection.figures(Inputs(annex_a={"list_7": plans}), params(PLAN_PERIOD))
    assert result["cp.open_at_snapshot"].value == 3
    assert {m: f.value for m, f in result["cp.monthly.started_count"].items()} == {"2020-01": 1, "2020-02": 1}
    assert not any(key.startswith(("s47", "icpc")) for key in result)
    assert protection.figures(Inputs(), params(PLAN_PERIOD)) == {}
