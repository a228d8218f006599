"""The demo's statutory returns are written from the same children and workers as its Annex A and extracts,
so where they cover the same people and days they agree."""

from __future__ import annotations

import pandas as pd


def test_the_903_children_in_care_at_31_march_are_annex_as(demo_inputs):
    end = pd.Timestamp("2025-03-31")
    list_8 = demo_inputs.annex_list(8)
    started = list_8["looked_after_start"] <= end
    not_ceased = list_8["looked_after_end"].isna() | (list_8["looked_after_end"] > end)
    annex = set(list_8.loc[started & not_ceased, "child_id"])
    episodes = demo_inputs.ssda903_episodes
    latest = episodes[episodes["return_year"] == 2025]
    in_care = set(latest.loc[(latest["DECOM"] <= end) & (latest["DEC"].isna() | (latest["DEC"] > end)), "CHILD"])
    assert in_care == annex and len(annex) > 200


def test_each_childs_903_starts_on_annex_as_start_and_ends_on_its_ceased_date(demo_inputs):
    list_8 = demo_inputs.annex_list(8).set_index("child_id")
    episodes = demo_inputs.ssda903_episodes.sort_values(["CHILD", "DECOM"])
    first = episodes.groupby("CHILD")["DECOM"].min()
    started_before_2022 = list_8["looked_after_start"] < pd.Timestamp("2022-04-01")  # before the earliest year, 2022-23
    expected = list_8.loc[~started_before_2022 & list_8.index.isin(first.index), "looked_after_start"]
    assert (first[expected.index] == expected).all()
    ended = episodes.groupby("CHILD")["DEC"].last()
    ceased = list_8["looked_after_end"].dropna()
    ceased = ceased[ceased <= pd.Timestamp("2025-03-31")]
    assert (ended[ceased.index] == ceased).all()


def test_the_workforce_census_holds_the_extracts_social_workers_in_post_on_30_september(demo_inputs):
    day = pd.Timestamp("2025-09-30")
    staff = demo_inputs.workforce
    social = staff[staff["role"].isin(["social_worker", "senior_practitioner", "practice_supervisor", "team_manager"])]
    in_post = social[(social["start_date"] <= day) & (social["end_date"].isna() | (social["end_date"] > day))]
    census = demo_inputs.csww_workers
    counted = census[census["role_end"].isna()]
    assert set(counted["swe_no"]) == set(in_post["worker_id"])
    agency = set(counted.loc[counted["agency"].astype(bool), "swe_no"])
    assert agency == set(in_post.loc[in_post["employment"] == "agency", "worker_id"])
