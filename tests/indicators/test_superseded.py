"""Targets and comparators on figures version 4 replaced are warnings naming what to use."""
from datetime import date

from readiness.config.params import Params
from readiness.indicators.superseded import superseded_comparators, superseded_targets, superseded_warnings


def test_a_target_on_the_repeat_share_names_dfes_rate():
    [problem] = superseded_targets({"referrals.repeat_share": None, "referrals.nfa_share": None}, "parameters")
    assert "referrals.rereferral_share" in problem.message and problem.file == "parameters"


def test_comparators_on_the_repeat_share_or_all_age_care_leavers_are_warnings():
    ids = ["referrals.repeat_share", "care_leavers.eet_share", "care_leavers.age_19_21.eet_share", "workforce.agency_share"]
    problems = superseded_comparators(ids, "comparators.yaml")
    assert [("repeat_share" in p.message, "all ages" in p.message) for p in problems] == [(True, False), (False, True)]
    assert "care_leavers.age_19_21 or care_leavers.age_17_18" in problems[1].message


def test_the_parameters_targets_and_comparators_file_are_both_checked(tmp_path):
    comparators = tmp_path / "comparators.yaml"
    comparators.write_text("referrals.repeat_share:\n  2024-25: {region: 0.2, source: DfE}\n", encoding="utf-8")
    params = Params(pack_id="t", la_name="T", period_start=date(2025, 1, 1), period_end=date(2025, 6, 30),
                    targets={"referrals.repeat_share": {"green": 0.2, "amber": 0.25}}, comparators=comparators)
    assert [p.file for p in superseded_warnings(params)] == ["parameters", "comparators.yaml"]
