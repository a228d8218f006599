"""The demo's children in care and care leavers: realistic sizes, the readers accept them, other inputs unmoved."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from readiness.demo.care import CARE_TEAMS, care_lists
from readiness.demo.draws import SCALES
from readiness.demo.workforce import make_workforce

SNAPSHOT = pd.Timestamp("2025-10-03")


@pytest.fixture(scope="module")
def lists() -> dict[str, pd.DataFrame]:
    workforce = make_workforce(np.random.default_rng(1), SCALES["standard"])
    return care_lists(2019, SCALES["standard"], workforce)


def looked_after(cla: pd.DataFrame) -> pd.DataFrame:
    ceased = cla["Date Ceased to be Looked After "]
    return cla[(cla["Date Started to be Looked After"] <= SNAPSHOT) & (ceased.isna() | (ceased > SNAPSHOT))]


def test_about_60_children_in_care_per_10000_of_52000(lists):
    assert len(looked_after(lists["List 8"])) == 312  # 52,000 x 60 / 10,000
    assert lists["List 8"]["Child Unique ID"].is_unique


def test_children_in_care_dates_make_sense(lists):
    cla = lists["List 8"]
    start, ceased = cla["Date Started to be Looked After"], cla["Date Ceased to be Looked After "]
    assert (start <= SNAPSHOT).all() and (start >= cla["Date of Birth"]).all()
    assert (ceased.dropna() > start[ceased.notna()]).all() and (ceased.dropna() <= SNAPSHOT).all()
    for column in ("Date of Last Social Work Visit", "Date of Latest Statutory Review", "Date of Last Health Assessment"):
        known = cla[column].notna()
        assert (cla.loc[known, column] >= start[known]).all() and (cla.loc[known, column] <= SNAPSHOT).all(), column
    assert set(cla["Allocated Team"]) == set(CARE_TEAMS) and (looked_after(cla)["Age of Child (Years)"] <= 17).all()


def test_most_but_not_all_children_in_care_are_visited_within_42_days(lists):
    cla = looked_after(lists["List 8"])
    visited = (SNAPSHOT - cla["Date of Last Social Work Visit"]).dt.days <= 42
    assert 0.75 < visited.mean() < 0.97


def test_care_leavers_are_17_to_25_most_in_touch_and_blank_when_not(lists):
    leavers = lists["List 9"]
    assert leavers["Age of Child (Years)"].between(17, 25).all()
    in_touch = leavers["LA In Touch "] == "a) Yes"
    assert 0.8 < in_touch.mean() < 0.95
    assert leavers.loc[~in_touch, "Activity Status"].isna().all() and leavers.loc[in_touch, "Activity Status"].notna().all()
    assert len(leavers) == round(312 * 0.6)


def test_the_same_seed_gives_the_same_lists(lists):
    workforce = make_workforce(np.random.default_rng(1), SCALES["standard"])
    again = care_lists(2019, SCALES["standard"], workforce)
    for name, frame in lists.items():
        pd.testing.assert_frame_equal(again[name], frame)
