"""Section 47 and child protection figures of version 4, worked by hand.

Period 2021-03-01 to 2021-08-31, snapshot Tuesday 31 August 2021 (Monday 30 August a bank holiday).
Working days from a strategy discussion to the snapshot (d with strategy <= d < 31 Aug): 27 Aug (1), 23-26 (5),
16-20 (10), 9-13 (15): a discussion on Mon 9 Aug had 15, one on Tue 10 Aug 14.
"""

from datetime import date

import pandas as pd
import pytest

from readiness.config.params import Params
from readiness.config.period import Period
from readiness.indicators import protection_standards as standards
from readiness.inputs.bundle import Inputs

PERIOD = Period.of(date(2021, 3, 1), date(2021, 8, 31))
SNAPSHOT = date(2021, 8, 31)


def dated(rows: list[dict], *columns: str) -> pd.DataFrame:
    table = pd.DataFrame(rows)
    for column in columns:
        table[column] = pd.to_datetime(table[column])
    return table


def s47(*rows: dict) -> pd.DataFrame:
    base = {"icpc_date": None, "icpc_unnecessary": None, "s47_last_12m": None}
    table = dated([base | row for row in rows], "strategy_date", "icpc_date")
    table["s47_last_12m"] = table["s47_last_12m"].astype("Int64")
    table["icpc_unnecessary"] = table["icpc_unnecessary"].astype("boolean")
    return table


def plans(*rows: dict) -> pd.DataFrame:
    base = {"cp_end": None, "last_visit": None, "latest_review": None, "seen_alone": None}
    table = dated([base | row for row in rows], "cp_start", "cp_end", "last_visit", "latest_review")
    table["seen_alone"] = table["seen_alone"].astype("boolean")
    return table


def figures(**lists) -> dict:
    params = Params(pack_id="t", la_name="T", period_start=PERIOD.start, period_end=PERIOD.end)
    found = standards.figures(Inputs(annex_a={name: frame for name, frame in lists.items()}), params)
    return {key: figure.value for key, figure in found.items()}


def test_repeat_enquiries_follow_the_re_referral_rule():
    enquiries = s47(
        {"child_id": "C1", "strategy_date": "2021-04-10", "s47_last_12m": 0},  # not a repeat
        {"child_id": "C1", "strategy_date": "2021-06-01", "s47_last_12m": 1},  # April is in the year before: a repeat
        {"child_id": "C2", "strategy_date": "2021-05-05", "s47_last_12m": 1},  # one more counted than listed: a repeat
        {"child_id": "C3", "strategy_date": "2021-07-07"},  # no earlier date, count blank: unknown, leaves the figure
        {"child_id": "C4", "strategy_date": "2021-03-01", "s47_last_12m": 0},  # not a repeat
        {"child_id": "C5", "strategy_date": "2020-03-01", "s47_last_12m": 0},  # before the period
        {"child_id": "C5", "strategy_date": "2021-03-01", "s47_last_12m": 1},  # a year before to the day: a repeat
        {"child_id": "C6", "strategy_date": "2020-02-28", "s47_last_12m": 0},  # a year and a day before
        {"child_id": "C6", "strategy_date": "2021-03-01", "s47_last_12m": 0},  # not a repeat
    )
    assert figures(list_5=enquiries)["s47.repeat_share"] == pytest.approx(3 / 6)


def test_enquiries_that_reached_a_conference():
    enquiries = s47(
        {"child_id": "A", "strategy_date": "2021-08-09"},  # 15 working days to the snapshot, no conference
        {"child_id": "B", "strategy_date": "2021-08-10"},  # 14: still in time, left out
        {"child_id": "C", "strategy_date": "2021-08-10", "icpc_date": "2021-08-25"},  # recorded: counted, a conference
        {"child_id": "D", "strategy_date": "2021-08-16", "icpc_unnecessary": True},  # deemed unnecessary: counted
        {"child_id": "E", "strategy_date": "2021-05-01", "icpc_date": "2021-05-20"},
        {"child_id": "F", "strategy_date": "2021-02-01", "icpc_date": "2021-02-10"},  # before the period
    )
    assert figures(list_5=enquiries)["s47.to_icpc_share"] == pytest.approx(2 / 4)


def test_plans_ended_and_those_that_lasted_two_years():
    found = figures(
        list_7=plans(
            {"child_id": "P1", "cp_start": "2019-03-01", "cp_end": "2021-03-01"},  # exactly two years
            {"child_id": "P2", "cp_start": "2019-03-02", "cp_end": "2021-03-01"},  # a day short
            {"child_id": "P3", "cp_start": "2019-06-30", "cp_end": "2021-06-29"},  # a day short
            {"child_id": "P4", "cp_start": "2019-01-01", "cp_end": "2021-09-01"},  # ended after the period
            {"child_id": "P5", "cp_start": "2020-01-01"},  # open
        )
    )
    assert found["cp.ended_count"] == 3
    assert found["cp.ended_two_years_plus_share"] == pytest.approx(1 / 3)


def test_two_years_after_29_february_is_28_february():
    assert standards.years_after(date(2020, 2, 29), 2) == date(2022, 2, 28)


def test_review_conferences_are_due_three_months_then_every_six_from_the_start():
    assert standards.review_window(date(2021, 6, 1), SNAPSHOT) is None  # first due 1 Sep, the day after the snapshot
    assert standards.review_window(date(2021, 5, 31), SNAPSHOT) == (date(2021, 5, 31), date(2021, 8, 31))
    # from 30 Nov 2020: 3 months is 28 Feb 2021 (no 30 Feb), 9 months 30 Aug 2021 (counted from the start, not from 28 Feb)
    assert standards.review_window(date(2020, 11, 30), SNAPSHOT) == (date(2021, 2, 28), date(2021, 8, 30))


def test_reviews_held_and_children_seen_alone():
    found = figures(
        list_7=plans(
            {"child_id": "Q1", "cp_start": "2021-06-01", "seen_alone": True},  # first review not due yet: left out
            {"child_id": "Q2", "cp_start": "2021-05-31", "latest_review": "2021-08-31", "seen_alone": True},  # held
            {"child_id": "Q3", "cp_start": "2021-05-31", "seen_alone": False},  # none held
            {"child_id": "Q4", "cp_start": "2020-11-30", "latest_review": "2021-02-28"},  # the second not held
            {"child_id": "Q5", "cp_start": "2020-11-30", "latest_review": "2021-03-01", "seen_alone": True},  # held
            {"child_id": "Q6", "cp_start": "2020-01-01", "cp_end": "2021-08-01", "seen_alone": False},  # ended: not open
        )
    )
    assert found["cp.review_in_time_share"] == pytest.approx(2 / 4)
    assert found["cp.seen_alone_share"] == pytest.approx(3 / 4)  # Q1, Q2, Q5 of Q1, Q2, Q3, Q5 (Q4 blank: unknown)


def test_without_lists_5_and_7_there_are_no_figures():
    assert figures() == {}
