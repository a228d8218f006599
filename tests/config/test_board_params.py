"""The Board paper's parameters: next visit, scorecard, sentinels, workstreams; the default scorecard and its
replacements by the statutory returns' figures."""

from datetime import date

import pytest
from test_params import MINIMAL, write

from readiness.config.board import DEFAULT_SCORECARD, DEFAULT_SENTINELS, scorecard_ids, sentinel_ids
from readiness.config.params import load_params
from readiness.errors import ParametersError


def test_the_board_keys_are_optional_and_default_to_the_specs_lists(tmp_path):
    params = load_params(write(tmp_path, MINIMAL))
    assert params.next_visit is None and params.scorecard is None and params.sentinels is None and params.workstreams == []


def test_next_visit_scorecard_sentinels_and_workstreams_are_read(tmp_path):
    text = MINIMAL + (
        'next_visit: {date: 2019-06-20, theme: help_and_protection, title: "Monitoring visit 5"}\n'
        "scorecard: [workforce.agency_share, referrals.rereferral_share]\n"
        "sentinels: [caseload.unallocated_count]\n"
        "workstreams:\n  - {title: Front door, sections: [02_front_door, 03_assessments], areas: [front_door]}\n"
    )
    params = load_params(write(tmp_path, text))
    assert params.next_visit.date == date(2019, 6, 20)
    assert params.next_visit.theme_words == "Help and protection"
    assert params.next_visit.title == "Monitoring visit 5"
    assert params.scorecard == ["workforce.agency_share", "referrals.rereferral_share"]
    assert params.sentinels == ["caseload.unallocated_count"]
    assert params.workstreams[0].sections == ["02_front_door", "03_assessments"]
    assert params.workstreams[0].areas == ["front_door"]


@pytest.mark.parametrize(
    "text, words",
    [
        (
            "scorecard: [workforce.agency_share, workforce.agncy_share, cp.nonsense]\n",
            "scorecard: no indicator has the id 'workforce.agncy_share', 'cp.nonsense'",
        ),
        ("sentinels: [caseload.unalocated_count]\n", "sentinels: no indicator has the id 'caseload.unalocated_count'"),
        ("sentinels: [workforce.agency_share]\n", "sentinels: a sentinel is a count; these are not: 'workforce.agency_share'"),
        (
            "workstreams:\n  - {title: Front door, sections: [02_front_door, 02_frontdoor]}\n",
            "workstreams.0.sections: no section is named '02_frontdoor'",
        ),
        ("workstreams:\n  - {title: Front door, owner: X}\n", "workstreams.0.owner: unknown key"),
        ("next_visit: {theme: care_leavers}\n", "next_visit.date: required key is missing"),
        ("next_visit: {date: 2019-02-30}\n", "next_visit.date"),
    ],
)
def test_bad_board_keys_are_errors_naming_them(tmp_path, text, words):
    with pytest.raises(ParametersError, match=words.replace(".", r"\.").replace("[", r"\[")):
        load_params(write(tmp_path, MINIMAL + text))


def test_a_scorecard_holds_at_most_25_figures(tmp_path):
    ids = ", ".join(["workforce.agency_share"] * 25)
    assert len(load_params(write(tmp_path, MINIMAL + f"scorecard: [{ids}]\n")).scorecard) == 25
    with pytest.raises(ParametersError, match="scorecard: names 26 figures; a scorecard holds at most 25"):
        load_params(write(tmp_path, MINIMAL + f"scorecard: [{ids}, workforce.agency_share]\n"))


def document(figures: dict, suppressed=()) -> dict:
    return {"figures": figures, "suppressed": list(suppressed)}


def test_the_default_scorecard_keeps_the_specs_order_and_skips_what_the_pack_lacks():
    # a pack with three of the twenty: re-referrals, a null agency share (no workforce data) and supervision withheld
    pack = document(
        {
            "supervision.within_interval_share": None,
            "referrals.rereferral_share": 0.2,
            "workforce.agency_share": None,
            "caseload.mean_per_fte": 17.5,
        },
        suppressed=["supervision.within_interval_share"],
    )
    assert scorecard_ids(None, pack) == ["referrals.rereferral_share", "caseload.mean_per_fte", "supervision.within_interval_share"]


def test_the_statutory_returns_figures_take_their_annex_a_counterparts_places():
    pack = document(
        {
            "cla.review_in_time_share": 0.9,
            "cla.three_plus_placements_share": 0.1,
            "cla.dfe_stability_three_plus_share": 0.09,
            "care_leavers.age_19_21.in_touch_share": 0.95,
            "care_leavers.dfe.age_19_21.in_touch_share": None,  # no value: no swap
            "care_leavers.age_19_21.eet_share": 0.5,
            "care_leavers.dfe.age_19_21.eet_share": 0.48,
            "audits.routine.good_or_better_share": 0.6,
        }
    )
    assert scorecard_ids(None, pack) == [
        "cla.review_in_time_share",
        "cla.dfe_stability_three_plus_share",
        "care_leavers.age_19_21.in_touch_share",
        "care_leavers.dfe.age_19_21.eet_share",
        "audits.routine.good_or_better_share",
    ]


def test_the_boards_own_scorecard_is_kept_as_given_without_swaps_or_repeats():
    pack = document({"cla.three_plus_placements_share": 0.1, "cla.dfe_stability_three_plus_share": 0.09, "workforce.agency_share": 0.2})
    chosen = ["workforce.agency_share", "cla.three_plus_placements_share", "caseload.median", "workforce.agency_share"]
    assert scorecard_ids(chosen, pack) == ["workforce.agency_share", "cla.three_plus_placements_share"]


def test_sentinels_default_to_the_specs_list_and_keep_withheld_ones():
    pack = document(
        {
            "caseload.unallocated_count": 0,
            "actions.overdue_count": None,
            "cla.unallocated_count": None,
            "caseload.workers_over_25_count": 3,
        },
        suppressed=["actions.overdue_count"],
    )
    assert sentinel_ids(None, pack) == ["caseload.unallocated_count", "caseload.workers_over_25_count", "actions.overdue_count"]
    assert sentinel_ids(["actions.overdue_count", "cla.unallocated_count"], pack) == ["actions.overdue_count"]


def test_the_default_lists_are_the_specs():
    assert (
        len(DEFAULT_SCORECARD) == 20
        and DEFAULT_SCORECARD[0] == "referrals.rereferral_share"
        and DEFAULT_SCORECARD[-1] == "supervision.within_interval_share"
    )
    assert len(DEFAULT_SENTINELS) == 9 and DEFAULT_SENTINELS[-1] == "mock.immediate_concerns_open_count"
