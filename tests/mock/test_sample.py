"""The inspector-like case sample: risk strata, reasons, quotas, reproducibility. Hand-made lists; expectations by hand."""

from datetime import date

import pandas as pd
import pytest

from readiness.config.params import Params
from readiness.errors import ParametersError
from readiness.inputs.bundle import Inputs
from readiness.mock.sample import SampleError, default_quota, draw_sample, sample_csv, strata_report
from readiness.mock.strata import members
from readiness.mock.themes import Themed, themed

SNAPSHOT = date(2019, 3, 31)


def params(**more) -> Params:
    return Params(pack_id="t", la_name="T", period_start=date(2019, 1, 1), period_end=SNAPSHOT, **more)


def referrals() -> pd.DataFrame:
    """R1 repeat referral; R2 closed NFA; R3 neither; R4 repeat count blank (unknown, so not a repeat)."""
    return pd.DataFrame(
        {
            "child_id": ["R1", "R2", "R3", "R4"],
            "referral_date": pd.to_datetime(["2019-01-05", "2019-02-01", "2019-03-01", "2019-03-02"]),
            "referral_nfa": pd.array([False, True, False, None], dtype="boolean"),
            "referrals_last_12m": pd.array([2, 0, 0, None], dtype="Int64"),
            "team": ["North", "South", "North", None],
            "worker": ["w1", "w2", "w1", None],
        }
    )


def care_lists() -> dict[str, pd.DataFrame]:
    """List 8 and 9 as the readers normalise them (docs/data-model.md).

    L1 looked after, 3 placements; L2 looked after, 1 missing episode; L3 ceased before the snapshot (4 placements);
    L4 looked after, stable, no allocated worker. C1 not in touch (Refu); C2 in touch, accommodation W2 (the readers
    read its digit as unsuitable); C3 in touch and suitable; C4 died (not "not in touch").
    """
    cla = pd.DataFrame(
        {
            "child_id": pd.array(["L1", "L2", "L3", "L4"], dtype="string"),
            "looked_after_start": pd.to_datetime(["2018-01-01", "2018-06-01", "2017-01-01", "2019-01-01"]),
            "looked_after_end": pd.to_datetime([None, None, "2019-02-01", None]),
            "placements_last_12m": pd.array([3, 1, 4, 1], dtype="Int64"),
            "missing_episodes": pd.array([0, 1, 0, 0], dtype="Int64"),
            "worker": pd.array(["w1", "w2", "w3", None], dtype="string"),
        }
    )
    leavers = pd.DataFrame(
        {
            "child_id": ["C1", "C2", "C3", "C4"],
            "in_touch": ["refused", "yes", "yes", "died"],
            "accommodation": ["B", "W", "B", None],
            "suitability": [None, "unsuitable", "suitable", None],
        },
        dtype="string",
    )
    return {"list_8": cla, "list_9": leavers}


def test_referral_strata_and_blank_counts_are_unknown():
    found = members(Inputs(annex_a={"list_3": referrals()}), params())
    assert found["repeat_referral"].tolist() == ["R1"]
    assert found["referral_nfa"].tolist() == ["R2"]
    assert "second_plan" not in found  # List 7 not in the return: not provided, not empty


def test_children_in_care_and_care_leaver_strata_read_lists_8_and_9():
    found = members(Inputs(annex_a=care_lists()), params())
    assert found["unstable_in_care"].tolist() == ["L1", "L2"]  # L3 ceased before the snapshot
    assert found["unallocated"].tolist() == ["L4"]
    assert found["care_leaver_at_risk"].tolist() == ["C1", "C2"]  # C4 died: not counted as out of touch


def test_plan_and_visit_strata():
    plans = pd.DataFrame(
        {
            # P1 open since 2017-03-31 (two years to the day before the snapshot), visited 2019-03-29 (2 working days);
            # P2 open, second plan, visited 2019-03-01 (over 10 working days); P3 ended before the snapshot, second plan
            "child_id": ["P1", "P2", "P3"],
            "cp_start": pd.to_datetime(["2017-03-31", "2018-10-01", "2018-01-01"]),
            "cp_end": pd.to_datetime([None, None, "2019-01-01"]),
            "last_visit": pd.to_datetime(["2019-03-29", "2019-03-01", "2018-12-20"]),
            "previous_plans": pd.array([0, 1, 2], dtype="Int64"),
            "disability": pd.array([None, True, False], dtype="boolean"),
            "team": "CP",
            "worker": ["w1", "w2", None],
        }
    )
    found = members(Inputs(annex_a={"list_7": plans}), params())
    assert found["plan_two_years"].tolist() == ["P1"]
    assert found["second_plan"].tolist() == ["P2", "P3"]  # every plan in the return, open or not
    assert found["not_seen"].tolist() == ["P2"]
    assert found["unallocated"].tolist() == []  # P3 has no worker but its plan ended
    assert found["disabled"].tolist() == ["P2"]


def many_referrals(n: int = 20) -> pd.DataFrame:
    """20 children: the first 4 repeat referrals, the next 3 NFA, the rest neither."""
    return pd.DataFrame(
        {
            "child_id": [f"K{i:02d}" for i in range(n)],
            "referral_date": pd.Timestamp("2019-02-01"),
            "referral_nfa": pd.array([False] * 4 + [True] * 3 + [False] * (n - 7), dtype="boolean"),
            "referrals_last_12m": pd.array([1] * 4 + [0] * (n - 4), dtype="Int64"),
            "team": "North",
            "worker": "w",
        }
    )


def test_sample_draws_each_stratum_then_at_random_with_reasons():
    inputs = Inputs(annex_a={"list_3": many_referrals()})
    sample = draw_sample(inputs, params(sample_strata={"repeat_referral": 3, "referral_nfa": 5}), size=10, seed=3)
    # 3 of the 4 repeat referrals, all 3 NFA children (fewer than the 5 asked), then 4 at random from the other 13
    assert sample["drawn_for"].tolist() == ["repeat_referral"] * 3 + ["referral_nfa"] * 3 + ["random"] * 4
    assert set(sample["child_id"][3:6]) == {"K04", "K05", "K06"}
    assert set(sample["child_id"][:3]) < {"K00", "K01", "K02", "K03"}
    assert sample["child_id"].is_unique
    reasons = dict(zip(sample["child_id"], sample["reasons"]))
    assert reasons["K04"] == "referral closed with no further action"
    assert all(reasons[c] in ("random remainder", "repeat referral") for c in sample["child_id"][6:])  # K03 may come up at random


def test_same_seed_same_sample_file_other_seed_other_sample():
    inputs = Inputs(annex_a={"list_3": many_referrals()})
    first = draw_sample(inputs, params(), size=8, seed=11)
    assert sample_csv(first) == sample_csv(draw_sample(inputs, params(), size=8, seed=11))
    assert set(first["child_id"]) != set(draw_sample(inputs, params(), size=8, seed=12)["child_id"])


def test_strata_report_lists_empty_and_absent_strata():
    inputs = Inputs(annex_a={"list_3": many_referrals()})
    sample = draw_sample(inputs, params(), size=12, seed=1)
    report = strata_report(inputs, params(), sample, 12).set_index("Risk")
    # default quota for 12: 12 // 12 = 1 per stratum; each named by its risk in words, headed in words
    assert report.loc["repeat referral", ["Children in the return", "Quota", "Drawn for it"]].tolist() == [4, 1, 1]
    assert report.loc["second or later child protection plan", "Children in the return"] == "not provided"
    assert report.loc["random remainder", "Drawn for it"] == 12 - 2  # only the two List 3 strata can give anyone
    assert list(report.columns) == ["Children in the return", "Quota", "Drawn for it", "Sampled with this risk"]


def test_default_quota_shares_the_sample_with_the_random_remainder():
    assert default_quota(30) == 2 and default_quota(11) == 0  # 11 strata + the remainder = 12 shares


def test_bad_requests_are_refused():
    inputs = Inputs(annex_a={"list_3": many_referrals()})
    with pytest.raises(SampleError, match="the 20 children"):
        draw_sample(inputs, params(), size=21, seed=1)
    with pytest.raises(ParametersError, match="unknown stratum 'missing_from_home'"):
        draw_sample(inputs, params(sample_strata={"missing_from_home": 2}), size=10, seed=1)
    with pytest.raises(ParametersError, match="add up to at most the sample size 5"):
        draw_sample(inputs, params(sample_strata={"repeat_referral": 3, "referral_nfa": 3}), size=5, seed=1)


def test_sample_csv_writes_formula_like_text_as_text():
    sample = pd.DataFrame(
        {"child_id": ["1"], "drawn_for": ["random"], "reasons": ["random remainder"], "team": ["=HYPERLINK(1)"], "lists": ["3"]}
    )
    assert "'=HYPERLINK(1)" in sample_csv(sample)


# --- themed samples ----------------------------------------------------------------


def in_care() -> dict[str, pd.DataFrame]:
    """List 8 at a 31 March 2019 snapshot (six months back: 30 September 2018). L1 and L2 unstable (3 placements, a
    missing episode), L3 and L5 stable, all active lately; L4 stable with nothing since May 2018; L6 has no worker.
    L1-L3 share worker wA. R1, a repeat referral on List 3, is not in care."""
    cla = pd.DataFrame(
        {
            "child_id": pd.array(["L1", "L2", "L3", "L4", "L5", "L6"], dtype="string"),
            "looked_after_start": pd.to_datetime(["2018-01-01", "2018-06-01", "2018-10-15", "2016-01-01", "2018-11-01", "2018-12-01"]),
            "placement_start": pd.to_datetime(["2019-01-10", None, None, None, None, None]),
            "last_visit": pd.to_datetime([None, "2019-02-01", None, "2018-05-01", None, None]),
            "looked_after_end": pd.NaT,
            "placements_last_12m": pd.array([3, 1, 1, 1, 1, 1], dtype="Int64"),
            "missing_episodes": pd.array([0, 1, 0, 0, 0, 0], dtype="Int64"),
            "team": "Children in Care",
            "worker": pd.array(["wA", "wA", "wA", "wB", "wB", None], dtype="string"),
        }
    )
    return {"list_8": cla, "list_3": referrals().iloc[:1].assign(referral_date=pd.Timestamp("2019-02-01"))}


def test_a_themed_sample_draws_only_its_recent_cohort_and_at_most_two_per_worker():
    for seed in range(6):
        sample = draw_sample(Inputs(annex_a=in_care()), params(), size=5, seed=seed, themed=Themed("children_in_care", date(2018, 9, 30)))
        # cohort L1, L2, L3, L5, L6; strata: unstable {L1, L2}, unallocated {L6}: 5 // 3 = 1 each; then at random from
        # the allocated L1, L2, L3, L5, where wA already holds one of its two places: so one of wA's and L5, four in all
        assert set(sample["child_id"]) <= {"L1", "L2", "L3", "L5", "L6"} and {"L5", "L6"} <= set(sample["child_id"])
        assert sample["drawn_for"].tolist() == [
            "unallocated",
            "unstable_in_care",
            "random_allocated",
            "random_allocated",
        ]  # strata in order
        assert sample["child_id"].isin(["L1", "L2", "L3"]).sum() == 2
        assert (
            sample.loc[sample["drawn_for"] == "random_allocated", "reasons"]
            .isin(["random sub-sample of children with an allocated worker", "in care with 3+ placements or missing episodes"])
            .all()
        )


def test_siblings_are_drawn_together_and_count_once_for_their_worker():
    adoption = pd.DataFrame(
        {
            "child_id": ["A1", "A2", "A3"],
            "family_id": ["F1", "F1", "F2"],
            "placement_decision": pd.to_datetime(["2019-01-05", "2019-01-05", "2019-02-01"]),
        }
    )
    cla = pd.DataFrame(
        {
            "child_id": ["A1", "A2", "A3"],
            "looked_after_start": pd.to_datetime(["2018-01-01"] * 3),
            "looked_after_end": pd.NaT,
            "placements_last_12m": pd.array([1, 1, 1], dtype="Int64"),
            "missing_episodes": pd.array([0, 0, 0], dtype="Int64"),
            "team": "Adoption",
            "worker": ["wX", "wX", "wY"],
        }
    )
    samples = {
        seed: frozenset(
            draw_sample(
                Inputs(annex_a={"list_10": adoption, "list_8": cla}),
                params(),
                size=2,
                seed=seed,
                themed=Themed("adoption", date(2018, 9, 30), per_worker=1),
            )["child_id"]
        )
        for seed in range(8)
    }
    # A1 and A2 come together (wX's one family) or not at all; A3 alone leaves no room for the pair
    assert set(samples.values()) == {frozenset({"A1", "A2"}), frozenset({"A3"})}


def test_children_audited_lately_are_flagged():
    audits = pd.DataFrame({"child_id": ["L3", "L5"], "audit_date": pd.to_datetime(["2019-03-01", "2018-12-01"])})
    sample = draw_sample(Inputs(annex_a=in_care(), case_audits=audits), params(), size=6, seed=1)
    flags = dict(zip(sample["child_id"], sample["audited_recently"]))
    assert flags["L3"] == "Y" and flags["L5"] == ""  # 1 March is within 12 weeks of 31 March; 1 December is not


def test_an_unknown_theme_is_refused_naming_the_themes():
    with pytest.raises(SampleError, match="unknown theme 'mash' \\(known: front_door, early_help, help_and_protection"):
        themed("mash", None, 2, SNAPSHOT)
    assert themed("care_leavers", None, 2, SNAPSHOT).since == date(2018, 9, 30)
