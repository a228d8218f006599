"""Packs built from Ofsted's real 2019 Annex A template with Lists 8 and 9 filled in place:
once with the template's 13-column List 9, once with the four columns of the current layout added.

The template's other lists stay empty (provided, no rows). Period 2021-03-01 to 2021-08-31, snapshot
31 August 2021 (as in tests/indicators/test_care.py: 42 days before = 20 July 2021, 183 days = 1 March 2021,
365 days = 31 August 2020, 30 months = 28 February 2019, 24 months = 31 August 2019).

List 8  start       ceased      born        visit       review      IRO         health      dental      plcmts type loc  missing offered accepted uasc second plan     worker
T1      2019-01-15  -           2010-04-04  2021-08-20  2021-06-01  2021-06-01  2021-01-10  2020-12-01  1      U4   In   0       -       -        No   No     fostering Ann Example
T2      2021-05-10  -           2007-02-02  2021-07-01  -           -           -           -           1      K2   Out  2       Yes     No       Yes  Yes    -        Unallocated
T3      2020-02-01  2021-04-30  2012-12-12  (ceased in the period)                                                                          No
T1's placement started 2019-01-15 too. Looked after at the snapshot: T1, T2. T1 is 11, in care since before
28 Feb 2019 and placed before 31 Aug 2019: long-term stable (1 of 1); T2 (14) started in 2021: not counted.

List 9  eligibility       in touch  accommodation  suitability  activity  born         adviser      pathway     contact
Y1      relevant          Yes       D              Suitable     F2        2004-02-02   PA Smith     2021-05-01  2021-08-01
Y2      former relevant   Refu      -              -            -         2001-03-03   -            -           -
Y3      former relevant   Yes       W2 (B&B)       (W2: unsuitable) G5    2000-10-10   Unallocated  2021-01-01  2021-08-30
Y3's pathway plan review is 242 days old (not within 183).
"""

from __future__ import annotations

import json
import shutil
from datetime import datetime

import openpyxl
import pytest
import yaml

from readiness.pack.build import build

CHILDREN = [
    {
        "Child Unique ID": "T1",
        "Gender": "a) Male",
        "Ethnicity": "a) WBRI",
        "Date of Birth": datetime(2010, 4, 4),
        "Age of Child (Years)": 11,
        "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)": "b) No",
        "Does the Child have a Disability": "b) No",
        "Date Started to be Looked After": datetime(2019, 1, 15),
        "Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)": "b) No",
        "Date of Latest Statutory Review": datetime(2021, 6, 1),
        "Date of Last Social Work Visit": datetime(2021, 8, 20),
        "What is the permanence plan for this child?": "f) Long-term fostering",
        "Date of Last IRO Visit / Contact to the Child": datetime(2021, 6, 1),
        "Date of Last Health Assessment": datetime(2021, 1, 10),
        "Date of Last Dental Check": datetime(2020, 12, 1),
        "Number of Placements in the Last 12 months": 1,
        "Start Date of Most Recent Placement": datetime(2019, 1, 15),
        "Placement Type": "d) U4: Foster placement - long term",
        "Placement Location": "a) In",
        "Number of Episodes the Child has been \u2018Missing\u2019 from their Placement in the last 12 months": 0,
        "Allocated Team": "Children in Care",
        "Allocated Worker": "Ann Example",
    },
    {
        "Child Unique ID": "T2",
        "Gender": "b) Female",
        "Ethnicity": "a) WBRI",
        "Date of Birth": datetime(2007, 2, 2),
        "Age of Child (Years)": 14,
        "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)": "a) Yes",
        "Does the Child have a Disability": "b) No",
        "Date Started to be Looked After": datetime(2021, 5, 10),
        "Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)": "a) Yes",
        "Date of Last Social Work Visit": datetime(2021, 7, 1),
        "Number of Placements in the Last 12 months": 1,
        "Start Date of Most Recent Placement": datetime(2021, 5, 10),
        "Placement Type": "p) K2: Children\u2019s Homes",
        "Placement Location": "b) Out",
        "Number of Episodes the Child has been \u2018Missing\u2019 from their Placement in the last 12 months": 2,
        "Was the child offered a Return Interview after their last missing episode (Y/N)?": "a) Yes",
        "Did the child accept a Return Interview after their last missing episode (Y/N)?": "b) No",
        "Allocated Team": "Children in Care",
        "Allocated Worker": "Unallocated",
    },
    {
        "Child Unique ID": "T3",
        "Gender": "a) Male",
        "Ethnicity": "a) WBRI",
        "Date of Birth": datetime(2012, 12, 12),
        "Age of Child (Years)": 8,
        "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)": "b) No",
        "Does the Child have a Disability": "b) No",
        "Date Started to be Looked After": datetime(2020, 2, 1),
        "Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)": "b) No",
        "Date Ceased to be Looked After ": datetime(2021, 4, 30),
        "Allocated Team": "Children in Care",
        "Allocated Worker": "Ann Example",
    },
]
LEAVERS = [
    {
        "Child Unique ID": "Y1",
        "Date of Birth": datetime(2004, 2, 2),
        "Eligibility Category": "a) Relevant child",
        "LA In Touch ": "a) Yes",
        "Type of Accommodation": "D",
        "Suitability of Accommodation": "a) Suitable",
        "Activity Status": "F2",
        "Allocated Team": "Leaving Care",
        "Allocated Personal Advisor": "PA Smith",
        "Latest Pathway Plan Review Date": datetime(2021, 5, 1),
        "Latest Date of Contact": datetime(2021, 8, 1),
    },
    {
        "Child Unique ID": "Y2",
        "Date of Birth": datetime(2001, 3, 3),
        "Eligibility Category": "b) Former relevant child",
        "LA In Touch ": "d) Refu",
        "Allocated Team": "Leaving Care",
    },
    {
        "Child Unique ID": "Y3",
        "Date of Birth": datetime(2000, 10, 10),
        "Eligibility Category": "b) Former relevant child",
        "LA In Touch ": "a) Yes",
        "Type of Accommodation": "W2",
        "Activity Status": "G5",
        "Allocated Team": "Leaving Care",
        "Allocated Personal Advisor": "Unallocated",
        "Latest Pathway Plan Review Date": datetime(2021, 1, 1),
        "Latest Date of Contact": datetime(2021, 8, 30),
    },
]
CURRENT_HEADINGS = [
    "Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)",
    "Allocated Personal Advisor",
    "Latest Pathway Plan Review Date",
    "Latest Date of Contact",
]
CHILDREN_IN_CARE = {
    "cla.count_at_snapshot": 2,
    "cla.started_count": 1,
    "cla.ceased_count": 1,
    "cla.second_period_share": 1.0,
    "cla.unallocated_count": 1,
    "cla.three_plus_placements_share": 0.0,
    "cla.long_term_stability_share": 1.0,
    "cla.visit_within_interval_share": 0.5,  # T1 (11 days); T2's visit is 61 days old
    "cla.review_within_interval_share": 0.5,  # both due; T1 reviewed
    "cla.iro_contact_within_interval_share": 0.5,
    "cla.health_assessment_in_date_share": 1.0,  # T1 only is due
    "cla.dental_check_in_date_share": 1.0,
    "cla.permanence_plan_share": 0.5,
    "cla.placed_out_of_area_share": 0.5,
    "cla.foster_placement_share": 0.5,
    "cla.uasc_count": 1,
    "cla.missing_share": 0.5,
    "cla.return_interview_offered_share": 1.0,
    "cla.return_interview_accepted_share": 0.0,
}
CARE_LEAVERS = {
    "care_leavers.count": 3,
    "care_leavers.in_touch_share": 2 / 3,
    "care_leavers.suitable_accommodation_share": 1 / 3,
    "care_leavers.eet_share": 1 / 3,
    "care_leavers.neet_share": 1 / 3,
    "care_leavers.bed_and_breakfast_count": 1,
}
CURRENT = {  # Y1 only has an adviser and a pathway plan in date; Y1 and Y3 were contacted within 56 days
    "care_leavers.personal_adviser_share": 1 / 3,
    "care_leavers.pathway_plan_in_date_share": 1 / 3,
    "care_leavers.contact_within_interval_share": 2 / 3,
}


def fill(sheet, rows: list[dict], extra_headings: list[str] = ()) -> None:
    """Write ``rows`` under the sheet's heading row (row 2), adding ``extra_headings`` after the template's own."""
    headings = [cell.value for cell in sheet[2] if cell.value is not None]
    for column, heading in enumerate(extra_headings, start=len(headings) + 1):
        sheet.cell(2, column).value = heading
    for r, row in enumerate(rows, start=3):
        for c, heading in enumerate([*headings, *extra_headings], start=1):
            sheet.cell(r, c).value = row.get(heading)


def pack_from_template(tmp_path, template, current: bool):
    path = tmp_path / "annex_a.xlsx"
    shutil.copy(template, path)
    workbook = openpyxl.load_workbook(path)
    fill(workbook["List_8"], CHILDREN)
    fill(workbook["List_9"], LEAVERS, CURRENT_HEADINGS if current else [])
    workbook.save(path)
    params = {
        "pack_id": "care",
        "la_name": "Templeton",
        "period_start": "2021-03-01",
        "period_end": "2021-08-31",
        "audience": "internal",
        "data": {"annex_a": str(path)},
    }
    (tmp_path / "care.yaml").write_text(yaml.safe_dump(params), encoding="utf-8")
    folder = build(tmp_path / "care.yaml", tmp_path / "pack")
    figures = json.loads((folder / "figures.json").read_text(encoding="utf-8"))["figures"]
    return figures, (folder / "index.html").read_text(encoding="utf-8")


def section(html: str, slug: str) -> str:
    start = html.index(f'id="{slug}"')
    return html[start : html.index("</section>", start)]


@pytest.mark.slow
def test_a_pack_from_the_2019_template_with_lists_8_and_9(tmp_path, ofsted_template):
    figures, html = pack_from_template(tmp_path, ofsted_template, current=False)
    assert {key: figures[key] for key in CHILDREN_IN_CARE} == pytest.approx(CHILDREN_IN_CARE)
    assert {key: figures[key] for key in CARE_LEAVERS} == pytest.approx(CARE_LEAVERS)
    assert {key: figures[key] for key in CURRENT} == dict.fromkeys(CURRENT)  # the 13-column layout lacks them
    leavers = section(html, "care_leavers")
    assert "Ofsted added these to Annex A in 2023" in leavers and "Allocated Personal Advisor" in leavers
    assert "Children in care" in section(html, "children_in_care")
    assert "Ann Example" not in html and "PA Smith" not in html  # workers and advisers are personal data


@pytest.mark.slow
def test_a_pack_with_the_current_17_column_list_9(tmp_path, ofsted_template):
    figures, html = pack_from_template(tmp_path, ofsted_template, current=True)
    assert {key: figures[key] for key in {**CARE_LEAVERS, **CURRENT}} == pytest.approx({**CARE_LEAVERS, **CURRENT})
    leavers = section(html, "care_leavers")
    assert "Ofsted added these" not in leavers and "Care leavers with a personal adviser: 33%" in leavers
