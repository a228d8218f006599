"""System words and the code tables of every coded column (``readiness.inputs.codes``).

Expected codes come from DfE's CIN census and SSDA903 code sets and Ofsted's Codes_used sheet
(docs/data-model.md, *System words*), not from the code's own output.
"""

from __future__ import annotations

import pandas as pd
import pytest

from readiness.indicators.frontdoor import source_group
from readiness.inputs import codes


def text(*values) -> pd.Series:
    return pd.Series(list(values), dtype="string")


@pytest.mark.parametrize(
    "spellings, expected",
    [
        (("M", "m", "1", "Male", "a) Male"), "male"),
        (("F", "2", "Female", "b) Female"), "female"),
        (("U", "0", "9", "Not known", "c) Not stated/recorded"), "not_stated"),
        (("d) Neither",), "neither"),
    ],
)
def test_gender_accepts_system_words_and_census_digits(spellings, expected):
    assert codes.GENDER.parse(text(*spellings)).tolist() == [expected] * len(spellings)


@pytest.mark.parametrize(
    "spellings, expected", [(("Y", "y", "Yes", "a) Yes", "1", "True", "TRUE"), "yes"), (("N", "No", "b) No", "0", "False"), "no")]
)
def test_yes_no_accepts_system_words(spellings, expected):
    assert codes.YES_NO.parse(text(*spellings)).tolist() == [expected] * len(spellings)


def test_unknown_yes_no_is_accepted_but_not_known():
    assert codes.YES_NO.lookup(text("c) Unknown", "Unknown")).tolist() == ["", ""]
    assert codes.YES_NO.parse(text("c) Unknown")).isna().all()


@pytest.mark.parametrize(
    "value, code",
    [
        # by DfE code alone, and as Ofsted's template writes it
        ("6", "6"),
        ("2A", "2A"),
        ("q) 6: Police", "6"),
        ("p1) 5D: LA services – early help", "5D"),
        ("u) 10: Unknown", "10"),
        # by description alone (Codes_used's Detail column)
        ("Police", "6"),
        ("Schools", "2A"),
        ("Education services", "2B"),
        ("Health services - GP", "3A"),
        ("Health services: Health visitor", "3B"),
        ("Other legal agency", "7"),
        ("Anonymous", "9"),
        # by a case-management system's plain word, any case
        ("POLICE", "6"),
        ("School", "2A"),
        ("GP", "3A"),
        ("Health visitor", "3B"),
        ("Housing", "4"),
        ("Relative", "1A"),
        ("Neighbour", "1B"),
        ("Self", "1C"),
        ("Probation", "7"),
        ("Court", "7"),
        ("Early help", "5D"),
        # a word that only tells the group
        ("Hospital", "3"),
        ("Health", "3"),
        ("Individual", "1"),
        ("Education", "2"),
        ("Local authority", "5"),
    ],
)
def test_source_by_code_description_or_system_word(value, code):
    assert codes.SOURCE.parse(text(value)).tolist() == [code]


def test_group_only_words_count_in_their_group_and_unrecognised_as_unrecognised():
    parsed = codes.SOURCE.parse(text("Hospital", "Individual", "Education", "LA services", "Martian", None))
    assert source_group(parsed).tolist() == [
        "Health services",
        "Individuals",
        "Schools and education",
        "LA services",
        "Not recorded or unrecognised",
        "Not recorded or unrecognised",
    ]


@pytest.mark.parametrize("wrong", ["3G", "11", "Martian", "Police officer's wife"])
def test_source_refuses_other_values(wrong):
    assert codes.SOURCE.lookup(text(wrong)).isna().all()


@pytest.mark.parametrize(
    "table, value, code",
    [
        (codes.CLOSURE_REASON, "RC9 - Case closed after assessment, referred to early help", "RC9"),
        (codes.ELIGIBILITY, "d) Eligible child", "eligible"),
        (codes.ELIGIBILITY, "b) Former relevant child", "former_relevant"),
        (codes.ACTIVITY, "F4", "F4"),
        (codes.ACTIVITY, "P5: Part time in training or employment", "P5"),
        (codes.ACTIVITY, "G6: Not in education, employment or training - pregnancy or parenting", "G6"),
        (codes.IN_TOUCH, "d) Refu", "refused"),
        (codes.IN_TOUCH, "e) NREQ", "not_required"),
        (codes.IN_TOUCH, "f) Rhom", "returned_home"),
        (codes.ACCOMMODATION, "D: Semi-independent, transitional accommodation", "D"),
        (codes.ACCOMMODATION, "W2", "W"),
        (codes.SUITABILITY, "b) Unsuitable", "unsuitable"),
        (codes.LEGAL_STATUS, "C2: FCO", "C2"),
        (codes.REASON_CEASED, "f) E4B: Returned home to live with parents or relatives - not part of planning", "E4B"),
        (codes.PLACEMENT_TYPE, "p) K2: Children’s Homes", "K2"),
        (codes.PLACEMENT_TYPE, "U4", "U4"),
        (codes.PLACEMENT_PROVIDER, "e) PR4: Private provision", "PR4"),
        (codes.PLACEMENT_LOCATION, "b) Out", "out"),
        (codes.PERMANENCE_PLAN, "f) Long-term fostering", "long_term_fostering"),
        (codes.REASON_NO_LONGER_ADOPTION, "RD3 - Prospective adopters could not be found", "RD3"),
        (codes.REASON_LEFT_ADOPTION, "2 - Process put on hold", "2"),
    ],
)
def test_codes_of_lists_8_to_11_and_codes_added_since_2019(table, value, code):
    assert table.parse(text(value)).tolist() == [code]


@pytest.mark.parametrize(
    "table, wrong",
    [
        (codes.ACTIVITY, "G1"),
        (codes.ACCOMMODATION, "A"),
        (codes.ACCOMMODATION, "W3"),
        (codes.PLACEMENT_TYPE, "U7"),
        (codes.ELIGIBILITY, "Adult"),
    ],
)
def test_codes_of_lists_8_to_11_refuse_other_values(table, wrong):
    assert table.lookup(text(wrong)).isna().all()


def test_accommodation_code_carries_its_suitability():
    # SSDA903: the digit after the type is 1 suitable, 2 unsuitable; no digit, no suitability
    assert codes.suitability_digit(text("W2", "D1", "B", None)).tolist() == ["unsuitable", "suitable", pd.NA, pd.NA]


@pytest.mark.parametrize(
    "value, key",
    [
        ("p1) Health services: GP", "health services - gp"),
        ("a)\u00a0Yes ", "yes"),
        ("Children\u2019s_social  care", "children's social care"),
        ("e) 2A \u2013 Schools", "2a - schools"),
        ("No prefix) here", "no prefix) here"),
    ],
)
def test_a_value_is_keyed_folded_without_its_letter_prefix_and_with_one_separator(value, key):
    assert codes.key_of(value) == key
    assert codes.spelling_key(pd.Series([value, None], dtype="string")).iloc[0] == key
