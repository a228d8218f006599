"""The mock-inspection case sample: reproducible, proportional by list and team, each child once."""
from datetime import date

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from readiness.inputs import Inputs
from readiness.sample import allocate, draw_sample, sampling_frame, summarise_sample


def annex_list(key_date: str, children: list[str], teams: list[str], dates: list[str] | None = None) -> pd.DataFrame:
    dates = dates or ["2019-01-01"] * len(children)
    return pd.DataFrame({"child_id": children, key_date: pd.to_datetime(dates), "team": teams})


@pytest.fixture
def inputs() -> Inputs:
    """40 rows in 5 strata: List 3 North 16 (r00-r15), List 3 South 12 (s00-s11),
    List 5 North 6 (k0-k5), List 5 South 4 (m0-m3), List 7 North 2 (p0, p1); no child on two lists."""

    def ids(prefix, n):
        return [f"{prefix}{i:02d}" for i in range(n)]

    return Inputs(
        annex_a={
            "list_3": annex_list("referral_date", ids("r", 16) + ids("s", 12), ["North"] * 16 + ["South"] * 12),
            "list_5": annex_list("strategy_date", ids("k", 6) + ids("m", 4), ["North"] * 6 + ["South"] * 4),
            "list_7": annex_list("cp_start", ids("p", 2), ["North"] * 2),
        }
    )


def test_allocate_by_largest_remainder():
    # 10 of 40: exact quotas 16/4 = 4, 12/4 = 3, 6/4 = 1.5, 4/4 = 1, 2/4 = 0.5 -> floors 4, 3, 1, 1, 0 = 9;
    # the spare one goes to the largest remainder, a tie of 0.5 and 0.5 won by the earlier stratum (1.5 -> 2)
    assert allocate(pd.Series([16, 12, 6, 4, 2]), 10).tolist() == [4, 3, 2, 1, 0]
    # 7 of 10: 3.5, 2.1, 1.4 -> floors 3, 2, 1 = 6; largest remainder 0.5 -> [4, 2, 1]
    assert allocate(pd.Series([5, 3, 2]), 7).tolist() == [4, 2, 1]


def test_sample_strata_follow_the_allocation_within_one(inputs):
    sample = draw_sample(inputs, size=10, seed=1)
    counts = summarise_sample(sample).set_index(["list", "team"])["children"]
    assert counts.to_dict() == {(3, "North"): 4, (3, "South"): 3, (5, "North"): 2, (5, "South"): 1}
    exact = {(3, "North"): 4.0, (3, "South"): 3.0, (5, "North"): 1.5, (5, "South"): 1.0, (7, "North"): 0.5}
    assert all(abs(counts.get(stratum, 0) - quota) <= 1 for stratum, quota in exact.items())
    assert len(sample) == 10 and sample["child_id"].is_unique


def test_same_seed_same_sample_different_seed_different(inputs):
    first = draw_sample(inputs, size=10, seed=42)
    assert_frame_equal(first, draw_sample(inputs, size=10, seed=42))
    assert set(first["child_id"]) != set(draw_sample(inputs, size=10, seed=43)["child_id"])


def test_a_child_already_drawn_is_replaced():
    # List 3 has only X; List 5 has X and Y. Size 2 of 3 rows: quotas 2/3 and 4/3 -> floors 0, 1;
    # remainders 2/3 and 1/3, so List 3 gets the spare: X from List 3, so List 5 must give Y whatever the seed.
    inputs = Inputs(
        annex_a={
            "list_3": annex_list("referral_date", ["X"], ["North"]),
            "list_5": annex_list("strategy_date", ["X", "Y"], ["North", "North"]),
        }
    )
    for seed in range(5):
        sample = draw_sample(inputs, size=2, seed=seed)
        assert sample[["child_id", "list"]].values.tolist() == [["X", 3], ["Y", 5]]


def test_sampling_frame_keeps_each_childs_latest_row_per_list_and_names_the_key_date():
    referrals = annex_list("referral_date", ["A", "A", "B"], ["North", "South", None], ["2019-01-05", "2019-03-01", "2019-02-01"])
    frame = sampling_frame(Inputs(annex_a={"list_3": referrals}))
    assert frame[["child_id", "team"]].values.tolist() == [["B", "Not recorded"], ["A", "South"]]
    assert frame["key_date"].tolist() == [pd.Timestamp("2019-02-01"), pd.Timestamp("2019-03-01")]
    assert set(frame["key_date_column"]) == {"referral_date"}


def test_size_larger_than_the_children_available_is_refused(inputs):
    with pytest.raises(ValueError, match="40 children"):
        draw_sample(inputs, size=41, seed=1)


def test_summarise_sample_counts_by_list_and_team():
    sample = pd.DataFrame(
        {"child_id": ["a", "b", "c"], "list": [3, 3, 5], "team": ["North", "North", "South"], "key_date": pd.Timestamp(date(2019, 1, 1))}
    )
    assert summarise_sample(sample).values.tolist() == [[3, "North", 2], [5, "South", 1]]
