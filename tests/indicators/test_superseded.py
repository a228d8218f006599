"""Targets and comparators on figures version 4 replaced are warnings naming what to use."""

from datetime import date

import yaml
from conftest import run_readiness
from test_packfolder import GOLDEN

from readiness.config.params import Params
from readiness.indicators.superseded import superseded_comparators, superseded_targets, superseded_warnings


def test_a_target_on_the_repeat_share_names_dfes_rate():
    [problem] = superseded_targets({"referrals.repeat_share": None, "referrals.nfa_share": None}, "parameters")
    assert "referrals.rereferral_share" in problem.message and problem.file == "parameters"


def test_comparators_on_the_repeat_share_or_all_age_care_leavers_are_warnings():
    ids = ["referrals.repeat_share", "care_leavers.eet_share", "care_leavers.age_19_21.eet_share", "workforce.agency_share"]
    problems = superseded_comparators(ids, "comparators.yaml")
    assert [("repeat_share" in p.message, "all ages" in p.message) for p in problems] == [(True, False), (False, True)]
    assert problems[0].message == "a comparator names referrals.repeat_share, which is not DfE's measure: name referrals.rereferral_share"
    assert "care_leavers.age_19_21 or care_leavers.age_17_18" in problems[1].message


def test_the_parameters_targets_and_comparators_file_are_both_checked(tmp_path):
    comparators = tmp_path / "comparators.yaml"
    comparators.write_text("referrals.repeat_share:\n  2024-25: {region: 0.2, source: DfE}\n", encoding="utf-8")
    params = Params(
        pack_id="t",
        la_name="T",
        period_start=date(2025, 1, 1),
        period_end=date(2025, 6, 30),
        targets={"referrals.repeat_share": {"green": 0.2, "amber": 0.25}},
        comparators=comparators,
    )
    assert [p.file for p in superseded_warnings(params)] == ["parameters", "comparators.yaml"]


def test_validate_warns_of_a_target_and_a_comparator_on_the_repeat_share_as_the_build_does(tmp_path):
    # the golden pack's parameters (usable inputs), with a target and a comparator on the figure version 4 replaced
    params = yaml.safe_load(GOLDEN.read_text(encoding="utf-8"))
    params["data"] = {key: str(GOLDEN.parent / value) for key, value in params["data"].items()}
    params["targets"] = {"referrals.repeat_share": {"green": 0.2, "amber": 0.25}}
    params["comparators"] = str(tmp_path / "comparators.yaml")
    (tmp_path / "comparators.yaml").write_text("referrals.repeat_share:\n  2024-25: {region: 0.2, source: DfE}\n", encoding="utf-8")
    (tmp_path / "pack.yaml").write_text(yaml.safe_dump(params), encoding="utf-8")
    result = run_readiness(["validate", str(tmp_path / "pack.yaml")])
    assert result.returncode == 0, result.stderr
    named = [line for line in result.stdout.splitlines() if "referrals.repeat_share" in line]
    assert len(named) == 2 and all("referrals.rereferral_share" in line for line in named), result.stdout


def test_the_repeat_share_is_nowhere_on_the_demo_page_and_kept_in_figures_json(demo_pack):
    import json

    from readiness.config.catalogue import describe

    page = (demo_pack / "index.html").read_text(encoding="utf-8")
    old_label = describe("referrals.repeat_share").label.split(" (kept")[0]
    assert [words for words in ("repeat_share", old_label) if words in page] == []
    assert "re-referral" not in old_label.lower()  # its label never says re-referral, wherever it is read
    figures = json.loads((demo_pack / "figures.json").read_text(encoding="utf-8"))["figures"]
    assert {"referrals.repeat_share", "referrals.monthly.repeat_share", "referrals.rereferral_share"} <= set(figures)
