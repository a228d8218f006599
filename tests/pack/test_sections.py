"""Which sections a pack has: a section needs its inputs, and one for the statutory returns alone has no place beside Annex A."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from readiness.inputs.bundle import Inputs
from readiness.pack.sections import Section, is_available, left_out

RETURNS_ALONE = Section(Path("13_statutory_returns.ipynb"), "From the statutory returns", ("returns",), ("cin_census",), ("annex_a",))
CARE = Section(Path("06_children_in_care.ipynb"), "Children in care", ("list_8",))
CENSUS = pd.DataFrame({"child_id": ["a"], "return_year": [2025]})


def test_a_section_for_the_returns_alone_is_shown_only_without_annex_a():
    alone = Inputs(cin_referrals=CENSUS)
    beside = Inputs(annex_a={"list_8": pd.DataFrame()}, cin_referrals=CENSUS)
    assert (is_available(RETURNS_ALONE, alone), is_available(RETURNS_ALONE, beside)) == (True, False)
    assert is_available(CARE, beside)


def test_beside_annex_a_it_is_not_left_out_without_any_data_it_says_what_it_needs():
    beside = Inputs(annex_a={"list_8": pd.DataFrame()}, cin_referrals=CENSUS)
    assert left_out([RETURNS_ALONE, CARE], beside) == []
    assert left_out([RETURNS_ALONE, CARE], Inputs()) == [
        "From the statutory returns (no statutory return in the data given)",
        "Children in care (no List 8 in the data given)",
    ]
