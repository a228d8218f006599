"""Care leavers (Annex A List 9), worked by hand.

Snapshot Tuesday 31 August 2021. Pathway plan reviewed within 183 days: on or after 1 March 2021;
contact within 56 days: on or after 6 July 2021 (5 July is 57 days before).

row  eligibility      in touch  accommodation  suitability  activity  born (age at 31 Aug 2021)   team  adviser  pathway     contact
L1   relevant         Yes       D              suitable     F3        2004-01-01 (17)            LC1   PA1      2021-03-01  2021-07-06
L2   former relevant  Yes       W (B&B)        unsuitable   G5        2002-09-01 (18: 1 Sep)     LC1   -        2021-02-28  2021-07-05
L3   former relevant  Refu      -              -            -         2000-08-31 (21 on the day) LC2   PA2      -           -
L4   qualifying       blank     -              -            P2        1998-01-01 (23)            LC2   PA2      -           -
L5   former relevant  Died      -              -            -         2001-01-01 (20)            LC2   -        -           -
L6   eligible child   Yes       W              suitable     F1        2004-05-05 (17)            LC1   PA1      2021-08-01  2021-08-01
L7   blank            No        B              suitable     G6        none; Age column 19        LC2   -        2021-08-31  2021-08-31

Counted (every row but the eligible child L6): L1, L2, L3, L4, L5, L7 = 6.
Denominator of every share (less L5, who died): L1, L2, L3, L4, L7 = 5; blanks stay in it as not known.
"""

from datetime import date

import pandas as pd
import pytest
from test_readers import read, write_csv_folder

from readiness.config.params import Params
from readiness.indicators import care_leavers
from readiness.inputs.bundle import Inputs

SNAPSHOT = date(2021, 8, 31)
COLUMNS = (
    "child_id",
    "eligibility",
    "in_touch",
    "accommodation",
    "suitability",
    "activity",
    "date_of_birth",
    "age",
    "team",
    "personal_advisor",
    "pathway_plan_review",
    "latest_contact",
)
ROWS = [
    ("L1", "relevant", "yes", "D", "suitable", "F3", "2004-01-01", 17, "LC1", "PA1", "2021-03-01", "2021-07-06"),
    ("L2", "former_relevant", "yes", "W", "unsuitable", "G5", "2002-09-01", 18, "LC1", None, "2021-02-28", "2021-07-05"),
    ("L3", "former_relevant", "refused", None, None, None, "2000-08-31", 21, "LC2", "PA2", None, None),
    ("L4", "qualifying", None, None, None, "P2", "1998-01-01", 23, "LC2", "PA2", None, None),
    ("L5", "former_relevant", "died", None, None, None, "2001-01-01", 20, "LC2", None, None, None),
    ("L6", "eligible", "yes", "W", "suitable", "F1", "2004-05-05", 17, "LC1", "PA1", "2021-08-01", "2021-08-01"),
    ("L7", None, "no", "B", "suitable", "G6", None, 19, "LC2", None, "2021-08-31", "2021-08-31"),
]
CURRENT = ("personal_advisor", "pathway_plan_review", "latest_contact")


@pytest.fixture
def leavers() -> pd.DataFrame:
    frame = pd.DataFrame([dict(zip(COLUMNS, row)) for row in ROWS])
    for name in ("date_of_birth", "pathway_plan_review", "latest_contact"):
        frame[name] = pd.to_datetime(frame[name])
    frame["age"] = frame["age"].astype("Int64")
    for name in ("child_id", "eligibility", "in_touch", "accommodation", "suitability", "activity", "team", "personal_advisor"):
        frame[name] = frame[name].astype("string")
    return frame


def values(leavers: pd.DataFrame, **more) -> dict:
    params = Params(pack_id="t", la_name="T", period_start=date(2021, 3, 1), period_end=SNAPSHOT, **more)
    return {key: f.value for key, f in care_leavers.figures(Inputs(annex_a={"list_9": leavers}), params).items()}


def test_headline_figures_of_the_current_layout(leavers):
    found = values(leavers)
    assert {key: value for key, value in found.items() if ".age_" not in key} == {
        "care_leavers.count": 6,
        "care_leavers.in_touch_share": 2 / 5,  # L1, L2 (L3 refused, L4 blank, L7 no)
        "care_leavers.suitable_accommodation_share": 2 / 5,  # L1, L7 (L3, L4 blank: not known, still counted)
        "care_leavers.eet_share": 2 / 5,  # L1 F3, L4 P2
        "care_leavers.neet_share": 2 / 5,  # L2 G5, L7 G6
        "care_leavers.bed_and_breakfast_count": 1,  # L2 (L6 is an eligible child: left out)
        "care_leavers.personal_adviser_share": 3 / 5,  # L1, L3, L4
        "care_leavers.pathway_plan_in_date_share": 2 / 5,  # L1 (exactly 183 days), L7; L2 184 days
        "care_leavers.contact_within_interval_share": 2 / 5,  # L1 (exactly 56 days), L7; L2 57 days
    }


def test_outcomes_at_dfes_ages_by_date_of_birth(leavers):
    """17-18: L1 (17) and L2 (18, 19 on 1 September); 19-21: L3 only (21 on the day;
    L5 died; L7 has no date of birth, and its Age column is not used)."""
    found = values(leavers)
    assert {
        key: found[f"care_leavers.age_17_18.{key}"] for key in ("in_touch_share", "suitable_accommodation_share", "eet_share", "neet_share")
    } == {
        "in_touch_share": 2 / 2,  # L1, L2
        "suitable_accommodation_share": 1 / 2,  # L1
        "eet_share": 1 / 2,  # L1 F3
        "neet_share": 1 / 2,  # L2 G5
    }
    assert [
        found[f"care_leavers.age_19_21.{key}"] for key in ("in_touch_share", "suitable_accommodation_share", "eet_share", "neet_share")
    ] == [0, 0, 0, 0]


def test_the_2019_layout_has_no_current_figures(leavers):
    found = values(leavers.drop(columns=list(CURRENT)))
    assert [
        found[f"care_leavers.{name}"] for name in ("personal_adviser_share", "pathway_plan_in_date_share", "contact_within_interval_share")
    ] == [None] * 3
    assert found["care_leavers.in_touch_share"] == 2 / 5


def test_each_current_column_is_optional_on_its_own(leavers):
    found = values(leavers.drop(columns=["personal_advisor"]))
    assert found["care_leavers.personal_adviser_share"] is None and found["care_leavers.pathway_plan_in_date_share"] == 2 / 5


def test_the_section_says_which_columns_a_2019_layout_lacks(leavers):
    old = leavers.drop(columns=list(CURRENT))
    assert care_leavers.current_figure_ids(old) == []
    note = care_leavers.layout_note(old)
    assert "*Allocated Personal Advisor*, *Latest Pathway Plan Review Date*, *Latest Date of Contact*" in note
    assert "2019 layout" in note and "null" in note
    assert care_leavers.layout_note(leavers) == ""
    assert care_leavers.current_figure_ids(leavers.drop(columns=["latest_contact"])) == [
        "care_leavers.personal_adviser_share",
        "care_leavers.pathway_plan_in_date_share",
    ]


def test_intervals_come_from_the_parameters(leavers):
    found = values(leavers, pathway_plan_interval_days=184, care_leaver_contact_interval_days=57)
    assert found["care_leavers.pathway_plan_in_date_share"] == 3 / 5  # L2's review, 184 days before, now counts
    assert found["care_leavers.contact_within_interval_share"] == 3 / 5  # and its contact, 57 days before


def test_an_empty_list_9_gives_zero_and_null():
    empty = pd.DataFrame({name: pd.Series(dtype="string") for name in COLUMNS})
    found = values(empty)
    assert found["care_leavers.count"] == 0 and found["care_leavers.in_touch_share"] is None


def test_by_age_group(leavers):
    table = care_leavers.by_age_group(leavers, SNAPSHOT).set_index("age_group")
    # 17-18: L1 (17), L2 (18 until 1 Sep); 19-21: L3 (21 on the day), L7 (Age column, no date of birth); 22-25: L4.
    assert table[["young_people", "in_touch", "suitable_accommodation", "eet", "neet"]].to_dict("index") == {
        "17-18": {"young_people": 2, "in_touch": 2, "suitable_accommodation": 1, "eet": 1, "neet": 1},
        "19-21": {"young_people": 2, "in_touch": 0, "suitable_accommodation": 1, "eet": 0, "neet": 1},
        "22-25": {"young_people": 1, "in_touch": 0, "suitable_accommodation": 0, "eet": 1, "neet": 0},
    }
    assert table.loc["17-18", "eet_share"] == 1 / 2


def test_by_team(leavers):
    table = care_leavers.by_team(leavers).set_index("team")
    assert table[["young_people", "in_touch", "not_in_touch", "refused"]].to_dict("index") == {
        "LC1": {"young_people": 2, "in_touch": 2, "not_in_touch": 0, "refused": 0},  # L1, L2 (L6 eligible: left out)
        "LC2": {"young_people": 3, "in_touch": 0, "not_in_touch": 1, "refused": 1},  # L3, L4, L7 (L5 died: left out)
    }


def test_by_in_touch_status(leavers):
    table = care_leavers.by_in_touch_status(leavers).set_index("in_touch")
    assert table.loc["Not known", "young_people_share"] == 1 / 5  # L4 of five (L5 died; L6 eligible)
    assert table["young_people"].to_dict() == {
        "In touch": 2,
        "Not in touch": 1,
        "Refused contact": 1,
        "No longer requires services": 0,
        "Returned home for 6 months or more": 0,
        "Not known": 1,
    }


# --- as the reader gives List 9 ---------------------------------------------------

HEADINGS = [
    "Child Unique ID",
    "Date of Birth",
    "Allocated Team",
    "Allocated Worker",
    "Eligibility Category",
    "LA in Touch",
    "Type of Accommodation",
    "Suitability of Accommodation",
    "Activity Status",
]


def test_the_reader_unallocates_personal_advisers_and_keeps_one_row_per_young_person(tmp_path):
    headings = HEADINGS + ["Allocated Personal Advisor"]
    rows = [
        ["Y1", "01/01/2003", "LC", "W1", "a) Relevant child", "a) Yes", "D", "a) Suitable", "F3", "Unallocated"],
        ["Y2", "01/01/2003", "LC", "W1", "b) Former relevant child", "a) Yes", "D", "a) Suitable", "F3", "PA Two"],
        ["Y2", "01/01/2003", "LC", "W1", "b) Former relevant child", "b) No", "D", "a) Suitable", "F3", "PA Two"],
    ]
    inputs, findings = read(tmp_path, annex_a=write_csv_folder(tmp_path / "annex", {9: (headings, rows)}))
    assert findings.errors == []
    [duplicate] = [w for w in findings.warnings if "duplicate" in w.message]
    assert (duplicate.column, duplicate.row) == ("Child Unique ID", 4)
    frame = inputs.annex_a["list_9"]
    assert frame["personal_advisor"].tolist() == [pd.NA, "PA Two"] and frame["in_touch"].tolist() == ["yes", "yes"]


def test_a_list_9_without_a_column_its_figures_read_is_an_error(tmp_path):
    headings = [h for h in HEADINGS if h != "Activity Status"]
    rows = [["Y1", "01/01/2003", "LC", "W1", "a) Relevant child", "a) Yes", "D", "a) Suitable"]]
    _, findings = read(tmp_path, annex_a=write_csv_folder(tmp_path / "annex", {9: (headings, rows)}))
    [error] = findings.errors
    assert (error.column, error.message) == (
        "Activity Status",
        "required column missing from List 9 (Care leavers); headings that match no column: none",
    )
