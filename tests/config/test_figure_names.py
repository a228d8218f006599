"""Figures and local standards as a reader knows them: by label and value, never by id or parameter name."""

from __future__ import annotations

import pytest
from test_params import MINIMAL, write

from readiness.config.catalogue import figure_name, in_words
from readiness.config.params import load_params
from readiness.config.standards import label_with_standard, standard_days


def test_a_figure_is_named_by_its_label_a_series_by_month_a_family_with_an_ellipsis():
    assert figure_name("referrals.nfa_share") == "Referrals with no further action"
    assert figure_name("audits.monthly.good_or_better_share") == "Audits graded good or better, by month"
    assert figure_name("audits.grade_share") == "Audits graded …"
    assert figure_name("audits.grade_share.good") == "Audits graded Good"


def test_ids_in_a_sentence_become_names_other_dotted_words_stay():
    assert (
        in_words("blank or Unknown; this row leaves referrals.nfa_share")
        == "blank or Unknown; this row leaves referrals with no further action"
    )
    assert in_words("icpc.within_15_working_days_share and annex_a.xlsx") == (
        "ICPCs within 15 working days of the strategy discussion and annex_a.xlsx"
    )


def test_a_local_standard_is_its_value_in_days_or_working_days(tmp_path):
    params = load_params(write(tmp_path, MINIMAL + "cp_visit_interval_working_days: 1\nreaudit_within_days: 1000\n"))
    assert standard_days(params, "cp_visit_interval_working_days") == "1 working day"
    assert standard_days(params, "cin_seen_interval_days") == "28 days"
    assert standard_days(params, "reaudit_within_days") == "1,000 days"
    with pytest.raises(ValueError, match="round_to is not a local standard"):
        standard_days(params, "round_to")


def test_a_figure_with_a_local_standard_is_labelled_with_its_value(tmp_path):
    params = load_params(write(tmp_path, MINIMAL + "supervision_interval_days: 21\n"))
    assert (
        label_with_standard("cp.visit_within_interval_share", params)
        == "Open plans with a visit within the interval (local standard: 10 working days)"
    )
    assert (
        label_with_standard("supervision.within_interval_share", params)
        == "Case-holding workers supervised within the interval (local standard: 21 days)"
    )
    assert label_with_standard("referrals.nfa_share", params) == "Referrals with no further action"
