"""Adoption (Annex A List 10) and adopters (List 11), worked by hand. Period 1 Apr - 30 Sep 2019, snapshot 30 Sep.

List 10 (entered care, decision, placement order, match, placed, adoption order, no longer, FFA):
| child | entered    | decision   | order      | matched    | placed     | adopted    | no longer  | FFA        |
|-------|------------|------------|------------|------------|------------|------------|------------|------------|
| A1    | 2018-01-01 | 2018-06-01 | 2018-09-01 | 2018-12-31 | 2019-01-15 | 2019-05-01 |            |            |
| A2    | 2017-06-01 | 2018-01-10 | 2018-03-01 | 2018-07-01 | 2018-08-01 | 2019-09-30 |            | 2017-12-01 |
| A3    | 2018-05-01 | 2019-04-10 |            |            |            |            |            |            |
| A4    | 2018-02-01 | 2019-03-01 | 2019-05-20 | 2019-08-01 |            |            |            |            |
| A5    | 2018-01-01 | 2018-10-01 |            |            |            |            | 2019-06-15 |            |
| A6    | 2019-01-01 | 2019-09-01 |            |            | 2019-09-20 |            |            |            |
| A8    | 2018-03-01 | 2018-05-01 |            |            | 2018-09-01 | 2019-02-01 |            |            |
| A9    |            | 2018-08-01 | 2018-11-01 |            | 2019-03-01 | 2019-07-01 |            |            |
A1 (scorecard A1): A1 1 Jan 2018 -> 15 Jan 2019 = 365 + 14 = 379; A2 1 Jun 2017 -> FFA 1 Dec 2017 (earlier than
placed) = 30+31+31+30+31+30 = 183; A9 has no entry date. A2 (order to match): A1 1 Sep -> 31 Dec 2018 =
29+31+30+31 = 121 (exactly the threshold); A2 1 Mar -> 1 Jul 2018 = 31+30+31+30 = 122; A9 not matched.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from readiness.config.period import Period
from readiness.indicators import adoption
from readiness.indicators.figure import Figure

PERIOD = Period.of(date(2019, 4, 1), date(2019, 9, 30))
COLUMNS = [
    "child_id",
    "entered_care",
    "placement_decision",
    "placement_order",
    "matched",
    "placed",
    "adoption_order",
    "no_longer_decision",
    "ffa_placed",
]
CHILDREN = [
    ("A1", "2018-01-01", "2018-06-01", "2018-09-01", "2018-12-31", "2019-01-15", "2019-05-01", None, None),
    ("A2", "2017-06-01", "2018-01-10", "2018-03-01", "2018-07-01", "2018-08-01", "2019-09-30", None, "2017-12-01"),
    ("A3", "2018-05-01", "2019-04-10", None, None, None, None, None, None),
    ("A4", "2018-02-01", "2019-03-01", "2019-05-20", "2019-08-01", None, None, None, None),
    ("A5", "2018-01-01", "2018-10-01", None, None, None, None, "2019-06-15", None),
    ("A6", "2019-01-01", "2019-09-01", None, None, "2019-09-20", None, None, None),
    ("A8", "2018-03-01", "2018-05-01", None, None, "2018-09-01", "2019-02-01", None, None),
    ("A9", None, "2018-08-01", "2018-11-01", None, "2019-03-01", "2019-07-01", None, None),
]
ADOPTER_COLUMNS = [
    "adopter_id",
    "family_id",
    "enquiry",
    "stage_1_start",
    "stage_2_start",
    "stage_2_end",
    "application_submitted",
    "application_approved",
    "matched",
    "placed",
    "left_process",
    "left_reason",
]
# Households: F1 = P1 + P2 (earliest dates: enquiry 5 Jan, Stage 1 1 Feb, Stage 2 ended 31 Jul 2019 -> approved, 180 days:
# Feb 28 + Mar 31 + Apr 30 + May 31 + Jun 30 + Jul 30); P3 alone (approved 1 Sep 2019 by the application, Stage 1
# 20 Apr -> 1 Sep: 20 Apr -> 20 Aug = 10 + 31 + 30 + 31 + 20 = 122, + 12 = 134 days; matched 20 Sep);
# F2 = P4 (Stage 2 ended 30 Aug but refused); F3 = P5 + P6 (enquiry 1 Jun only); P7 (approved 1 Mar, left 1 May);
# P8 (approved 1 Feb, still waiting).
ADOPTERS = [
    ("P1", "F1", "2019-01-10", "2019-02-01", None, "2019-07-31", None, None, None, None, None, None),
    ("P2", "F1", "2019-01-05", "2019-02-15", None, "2019-08-15", None, None, None, None, None, None),
    ("P3", None, "2019-04-02", "2019-04-20", None, None, "2019-04-10", "2019-09-01", "2019-09-20", None, None, None),
    ("P4", "F2", "2019-05-01", None, None, "2019-08-30", "2019-05-10", None, None, None, "2019-08-30", "3"),
    ("P5", "F3", "2019-06-01", None, None, None, None, None, None, None, None, None),
    ("P6", "F3", None, None, None, None, None, None, None, None, None, None),
    ("P7", None, "2018-11-01", "2018-11-15", None, "2019-03-01", None, None, None, None, "2019-05-01", "1"),
    ("P8", None, None, None, None, "2019-02-01", None, None, None, None, None, None),
]


def frame(rows, columns, ids: int) -> pd.DataFrame:
    data = pd.DataFrame(rows, columns=columns)
    for name in columns[:ids]:
        data[name] = data[name].astype("string")
    for name in columns[ids:]:
        data[name] = pd.to_datetime(data[name]) if name != "left_reason" else data[name].astype("string")
    return data


@pytest.fixture
def list10() -> pd.DataFrame:
    return frame(CHILDREN, COLUMNS, 1)


@pytest.fixture
def homes() -> pd.DataFrame:
    return adoption.households(frame(ADOPTERS, ADOPTER_COLUMNS, 2))


def test_children_counts(list10):
    assert adoption.step_count(list10, "placement_decision", PERIOD).value == 2  # A3, A6
    assert adoption.step_count(list10, "placement_order", PERIOD).value == 1  # A4
    assert adoption.step_count(list10, "adoption_order", PERIOD).value == 3  # A1, A2 (period end), A9; not A8
    assert adoption.step_count(list10, "no_longer_decision", PERIOD).value == 1  # A5


def test_timeliness_means(list10):
    assert adoption.entry_to_placement_days_mean(list10, PERIOD) == Figure(281, (2,))  # (379 + 183) / 2
    assert adoption.order_to_match_days_mean(list10, PERIOD) == Figure(121.5, (2,))  # (121 + 122) / 2


def test_timeliness_against_the_scorecard_thresholds(list10):
    row = adoption.timeliness_against_thresholds(list10, PERIOD).iloc[0]
    assert row[["adopted", "a1_timed", "a1_within", "a2_timed", "a2_within"]].tolist() == [3, 2, 2, 2, 1]  # 121 within, 122 not
    assert row["a2_within_share"] == pytest.approx(0.5)


def test_children_waiting(list10):
    # decided by 30 Sep, not placed, adopted or reversed: A3, A4; A4 matched 1 Aug
    assert adoption.waiting_count(list10, PERIOD).value == 2
    assert adoption.waiting_unmatched_count(list10, PERIOD).value == 1  # A3


def test_a_negative_duration_leaves_the_mean(list10):
    list10.loc[list10["child_id"] == "A1", "entered_care"] = pd.Timestamp("2019-02-01")  # after placement on 15 Jan
    assert adoption.entry_to_placement_days_mean(list10, PERIOD) == Figure(183, (1,))


def test_households(homes):
    assert homes.loc["F1", "enquiry"] == pd.Timestamp("2019-01-05") and homes.loc["F1", "approved"] == pd.Timestamp("2019-07-31")
    assert homes.loc["F2", "refused"] and not homes.loc["P7", "refused"]
    assert len(homes) == 6  # F1, F2, F3, P3, P7, P8


def test_adopter_figures(homes):
    assert adoption.enquiries_count(homes, PERIOD).value == 3  # P3 (2 Apr), F2 (1 May), F3 (1 Jun)
    assert adoption.approved_count(homes, PERIOD).value == 2  # F1, P3 (F2 refused)
    assert adoption.approval_days_median(homes, PERIOD) == Figure(157, (2,))  # (180 + 134) / 2
    assert adoption.approved_waiting_count(homes, PERIOD).value == 2  # F1, P8 (P3 matched, P7 left, F2 refused)


def test_household_pipeline(homes):
    steps = adoption.household_pipeline(homes, PERIOD)["households"].to_dict()
    # enquiries P3, F2, F3; Stage 1 P3 (20 Apr); approved F1, P3 (F2 refused); matched P3 (20 Sep)
    assert steps == {
        "Enquiry received": 3,
        "Stage 1 started": 1,
        "Stage 2 started": 0,
        "Approved": 2,
        "Matched with a child": 1,
        "Child placed": 0,
    }


def test_lists_2_10_and_11_filled_into_ofsted_2019_template(ofsted_template, tmp_path):
    """The golden pack's hand-made Lists 2, 10 and 11 written into Ofsted's own template (a copy, filled in place
    under its title and heading rows) read back to the figures worked by hand in ``test_golden``."""
    import csv
    import shutil

    import openpyxl
    from test_golden import EXPECTED_FIGURES, GOLDEN

    from readiness.config.params import load_params
    from readiness.inputs.read import load_inputs
    from readiness.inputs.values import heading_key
    from readiness.pack.figures import compute_figures

    workbook_path = tmp_path / "annex_a.xlsx"
    shutil.copy(ofsted_template, workbook_path)
    book = openpyxl.load_workbook(workbook_path)
    for number in (2, 10, 11):
        with open(GOLDEN / "annex_a" / f"List {number}.csv", encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
        sheet = book[f"List_{number}"]
        headings = {heading_key(h): h for h in rows[0]}
        for column in range(1, sheet.max_column + 1):
            theirs = sheet.cell(row=2, column=column).value
            for r, row in enumerate(rows, start=3):
                if theirs and row[headings[heading_key(theirs)]]:
                    sheet.cell(row=r, column=column, value=row[headings[heading_key(theirs)]])
    book.save(workbook_path)
    params_file = tmp_path / "template.yaml"
    params_file.write_text(
        f"pack_id: t\nla_name: T\nperiod_start: 2019-03-01\nperiod_end: 2019-05-31\nannex_a_extract_date: 2019-06-03\n"
        f"audience: internal\ndata:\n  annex_a: {workbook_path.name}\n",
        encoding="utf-8",
    )
    params = load_params(params_file)
    figures = compute_figures(load_inputs(params), params)
    ours = {key: EXPECTED_FIGURES[key] for key in EXPECTED_FIGURES if key.split(".")[0] in ("early_help", "adoption", "adopters")}
    # The template's List 3 is provided but empty (the golden pack has none): none of the five children who
    # started early help in the period (GLD5001, GLD5003, GLD5004, GLD4001, GLD5006) was referred.
    ours["early_help.children_referred_share"] = 0
    assert {key: figures[key].value for key in ours} == pytest.approx(ours)
