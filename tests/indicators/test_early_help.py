"""Early help (Annex A List 2), worked by hand. Period 1 Apr - 30 Jun 2019, snapshot 1 Jul 2019.

| row | child | start      | completion | days | organisation   | notes                                   |
|-----|-------|------------|------------|------|----------------|-----------------------------------------|
| E1  | C1    | 2019-04-01 | 2019-04-11 | 10   | School A       |                                         |
| E2  | C2    | 2019-03-15 | 2019-04-14 | 30   | School A       | started before the period               |
| E3  | C3    | 2019-05-01 | -          |      | Health visitor | open                                    |
| E4  | C4    | 2019-06-30 | 2019-07-02 |      | -              | completed after the snapshot: open      |
| E5  | C5    | 2019-05-10 | 2019-05-05 | -5   | School A       | completed before its start: leaves median |
| E6  | C6    | 2019-02-01 | 2019-03-31 | 58   | School A       | before the period                       |
| E7  | C1    | 2019-06-01 | 2019-06-21 | 20   | Health visitor | C1's second                             |
Referrals (List 3): C1 2019-03-20 (before the period) and 2019-04-30; C3 2019-05-01 (the day its
assessment started); C4 2019-06-29 (the day before its start); C5 2019-07-05 (after the period).
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from readiness.config.params import Params
from readiness.config.period import Period
from readiness.indicators import early_help
from readiness.indicators.figure import Figure
from readiness.inputs.bundle import Inputs

PERIOD = Period.of(date(2019, 4, 1), date(2019, 6, 30), date(2019, 7, 1))
ROWS = [
    ("C1", "2019-04-01", "2019-04-11", "School A"),
    ("C2", "2019-03-15", "2019-04-14", "School A"),
    ("C3", "2019-05-01", None, "Health visitor"),
    ("C4", "2019-06-30", "2019-07-02", None),
    ("C5", "2019-05-10", "2019-05-05", "School A"),
    ("C6", "2019-02-01", "2019-03-31", "School A"),
    ("C1", "2019-06-01", "2019-06-21", "Health visitor"),
]


def list2() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "child_id": pd.Series([r[0] for r in ROWS], dtype="string"),
            "assessment_start": pd.to_datetime([r[1] for r in ROWS]),
            "assessment_completion": pd.to_datetime([r[2] for r in ROWS]),
            "organisation": pd.Series([r[3] for r in ROWS], dtype="string"),
        }
    )


def list3() -> pd.DataFrame:
    rows = [("C1", "2019-03-20"), ("C1", "2019-04-30"), ("C3", "2019-05-01"), ("C4", "2019-06-29"), ("C5", "2019-07-05")]
    return pd.DataFrame(
        {"child_id": pd.Series([r[0] for r in rows], dtype="string"), "referral_date": pd.to_datetime([r[1] for r in rows])}
    )


def test_headline_figures():
    frame = list2()
    assert early_help.started_count(frame, PERIOD).value == 5  # E1, E3, E4, E5, E7
    assert early_help.completed_count(frame, PERIOD).value == 4  # E1, E2, E5 (before its start, still completed), E7
    assert early_help.median_days_to_complete(frame, PERIOD).value == 20  # 10, 20, 30 (E5 left out)
    assert early_help.open_at_snapshot(frame, PERIOD).value == 2  # E3 (no completion), E4 (completed after the snapshot)


def test_children_stepped_up_to_a_referral():
    # children starting in the period: C1 (first start 1 Apr), C3, C4, C5; stepped up: C1 (30 Apr), C3 (same day)
    assert early_help.children_referred_share(list2(), list3(), PERIOD) == Figure(0.5, (2, 4))


def test_no_early_help_start_in_the_period_gives_no_stepped_up_share():
    # every start is outside January 2019, while C1 has a referral then: 0 children of 0
    january = Period.of(date(2019, 1, 1), date(2019, 1, 31))
    referral = pd.DataFrame({"child_id": pd.Series(["C1"], dtype="string"), "referral_date": pd.to_datetime(["2019-01-15"])})
    assert early_help.children_referred_share(list2(), referral, january).value is None


def test_stepped_up_share_is_null_without_list_3():
    params = Params(pack_id="t", la_name="T", period_start=PERIOD.start, period_end=PERIOD.end, annex_a_extract_date=PERIOD.snapshot)
    result = early_help.figures(Inputs(annex_a={"list_2": list2()}), params)
    assert result["early_help.children_referred_share"].value is None
    assert result["early_help.started_count"].value == 5
    assert early_help.figures(Inputs(), params) == {}


def test_by_organisation_most_started_first():
    table = early_help.by_organisation(list2(), PERIOD)
    assert list(table.index) == ["Health visitor", "School A", "Not recorded"]  # 2, 2 (tie: by name), 1
    assert table.loc["School A"].tolist() == [2, 3, 0, 20.0]  # started E1 E5; completed E1 E2 E5; median of 10, 30
    assert table.loc["Health visitor"].tolist() == [2, 1, 1, 20.0]  # started E3 E7; completed E7; open E3
    assert table.loc["Not recorded", ["started", "completed", "open"]].tolist() == [1, 0, 1]  # E4


def test_by_month():
    table = early_help.by_month(list2(), PERIOD)
    assert table["started"].to_dict() == {"2019-04": 1, "2019-05": 2, "2019-06": 2}  # E1; E3, E5; E4, E7
    assert table["completed"].to_dict() == {"2019-04": 2, "2019-05": 1, "2019-06": 1}  # E1, E2; E5; E7
    assert table["median_days"].tolist()[0] == pytest.approx(20) and pd.isna(table.loc["2019-05", "median_days"])
