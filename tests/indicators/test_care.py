"""Children in care (Annex A List 8), worked by hand.

Period 2021-03-01 to 2021-08-31, snapshot Tuesday 31 August 2021 (the period's end).
Dates the definitions need, worked out from the snapshot:
- visit within 42 days: on or after 20 July 2021 (20 Jul is exactly 42 days before; 19 Jul is 43);
- review and IRO contact within 183 days: on or after 1 March 2021 (28 Feb is 184 days before);
- health and dental within 365 days: on or after 31 August 2020; "one year before" = 31 August 2020;
- 30 months before = 28 February 2019 (31 February does not exist: the month's last day);
  24 months before = 31 August 2019;
- a review is due after 20 working days in care: working days d with start <= d < 31 Aug, and
  Monday 30 August 2021 is a bank holiday: 27 Aug is 1, 23-26 Aug 2-5, 16-20 Aug 6-10, 9-13 Aug 11-15,
  2-6 Aug 16-20: a start on Mon 2 Aug has exactly 20 (due), on Tue 3 Aug 19 (not due).

row  child start       ceased      born        placement   visit  review  IRO    health  dental  plcmts loc type miss offered accepted uasc worker team
r1   C1    2018-01-10  -           2008-05-01  2019-08-31  07-20  03-01   03-01  20-08-31 20-08-30 1   in  U4   0    -       -        N    W1     North
r2   C2    2019-02-28  -           2006-09-01  2019-09-01  07-19  02-28   -      21-01-05 21-01-05 3   out K2   2    Y       Y        Y    -      North
r3   C3    2019-03-01  -           2005-08-31  2019-03-01  08-31  08-01   08-01  -       -       -     -   -    1    Y       N        N    W2     South
r4   C4    2021-08-02  -           2012-01-01  2021-08-02  08-10  -       -      -       -       1     in  U6   1    N       -        N    W1     South  second period Y
r5   C5    2021-08-03  -           2010-06-15  2021-08-03  -      -       -      -       -       1     in  U1   -    -       -        Y    W3     South  second period N
r6   C6    2020-05-01  2021-04-15  (ceased in the period)                                                                                     North
r7   C8    2017-01-01  -           (an older open row of C8: C8 counts once, by the latest start, r8)                                         North
r8   C8    2020-06-01  -           2015-03-03  2020-06-01  08-20  06-01   06-01  21-06-01 -       2     in  U4   0    -       -        N    W1     North
r9   C9    2020-01-01  2021-08-31  (ceased on the snapshot: not looked after then)                                                         South
r10  C10   2021-04-01  2021-06-30  (started and ceased in the period; second period blank)                                                North

Looked after at the snapshot: C1, C2, C3, C4, C5, C8 (row r8) = 6. Ages at the snapshot: C1 13, C2 14
(birthday 1 Sep not yet), C3 16 (birthday on the snapshot), C4 9, C5 11, C8 6.
"""

from datetime import date

import pandas as pd
import pytest

from readiness.config.params import Params
from readiness.config.period import Period
from readiness.indicators import care
from readiness.inputs.blanks import blank_warnings
from readiness.inputs.bundle import Inputs

PERIOD = Period.of(date(2021, 3, 1), date(2021, 8, 31))
SNAPSHOT = date(2021, 8, 31)
DATES = (
    "looked_after_start",
    "looked_after_end",
    "date_of_birth",
    "placement_start",
    "last_visit",
    "latest_review",
    "last_iro_contact",
    "last_health_assessment",
    "last_dental_check",
)
BOOLS = ("second_period", "uasc", "return_interview_offered", "return_interview_accepted")
COLUMNS = (
    ("child_id",)
    + DATES
    + ("placements_last_12m", "placement_location", "placement_type", "missing_episodes")
    + BOOLS
    + ("permanence_plan", "worker", "team")
)
ROWS = [
    # child start         ceased        born          placement     visit         review        IRO           health        dental
    (
        "C1",
        "2018-01-10",
        None,
        "2008-05-01",
        "2019-08-31",
        "2021-07-20",
        "2021-03-01",
        "2021-03-01",
        "2020-08-31",
        "2020-08-30",
        1,
        "in",
        "U4",
        0,
        None,
        False,
        None,
        None,
        "long_term_fostering",
        "W1",
        "North",
    ),
    (
        "C2",
        "2019-02-28",
        None,
        "2006-09-01",
        "2019-09-01",
        "2021-07-19",
        "2021-02-28",
        None,
        "2021-01-05",
        "2021-01-05",
        3,
        "out",
        "K2",
        2,
        None,
        True,
        True,
        True,
        None,
        None,
        "North",
    ),
    (
        "C3",
        "2019-03-01",
        None,
        "2005-08-31",
        "2019-03-01",
        "2021-08-31",
        "2021-08-01",
        "2021-08-01",
        None,
        None,
        None,
        None,
        None,
        1,
        None,
        False,
        True,
        False,
        "adoption",
        "W2",
        "South",
    ),
    (
        "C4",
        "2021-08-02",
        None,
        "2012-01-01",
        "2021-08-02",
        "2021-08-10",
        None,
        None,
        None,
        None,
        1,
        "in",
        "U6",
        1,
        True,
        False,
        False,
        None,
        None,
        "W1",
        "South",
    ),
    (
        "C5",
        "2021-08-03",
        None,
        "2010-06-15",
        "2021-08-03",
        None,
        None,
        None,
        None,
        None,
        1,
        "in",
        "U1",
        None,
        False,
        True,
        None,
        None,
        None,
        "W3",
        "South",
    ),
    (
        "C6",
        "2020-05-01",
        "2021-04-15",
        "2009-01-01",
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        False,
        None,
        None,
        None,
        "W1",
        "North",
    ),
    (
        "C8",
        "2017-01-01",
        None,
        "2015-03-03",
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        False,
        None,
        None,
        None,
        "W1",
        "North",
    ),
    (
        "C8",
        "2020-06-01",
        None,
        "2015-03-03",
        "2020-06-01",
        "2021-08-20",
        "2021-06-01",
        "2021-06-01",
        "2021-06-01",
        None,
        2,
        "in",
        "U4",
        0,
        None,
        False,
        None,
        None,
        "return_to_family",
        "W1",
        "North",
    ),
    (
        "C9",
        "2020-01-01",
        "2021-08-31",
        "2011-01-01",
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        False,
        None,
        None,
        None,
        "W2",
        "South",
    ),
    (
        "C10",
        "2021-04-01",
        "2021-06-30",
        "2013-01-01",
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        False,
        None,
        None,
        None,
        "W2",
        "North",
    ),
]


def cla_frame(rows) -> pd.DataFrame:
    """List 8 as the reader gives it (data-model types), from tuples in the order of COLUMNS."""
    frame = pd.DataFrame([dict(zip(COLUMNS, row)) for row in rows])
    for name in DATES:
        frame[name] = pd.to_datetime(frame[name])
    for name in BOOLS:
        frame[name] = frame[name].astype("boolean")
    for name in ("placements_last_12m", "missing_episodes"):
        frame[name] = frame[name].astype("Int64")
    for name in ("child_id", "placement_location", "placement_type", "permanence_plan", "worker", "team"):
        frame[name] = frame[name].astype("string")
    return frame


@pytest.fixture
def cla() -> pd.DataFrame:
    return cla_frame(ROWS)


def params(**more) -> Params:
    return Params(pack_id="t", la_name="T", period_start=PERIOD.start, period_end=PERIOD.end, **more)


def values(cla: pd.DataFrame, **more) -> dict:
    return {key: figure.value for key, figure in care.figures(Inputs(annex_a={"list_8": cla}), params(**more)).items()}


@pytest.mark.parametrize(
    "day, months, expected",
    [
        (date(2021, 8, 31), 30, date(2019, 2, 28)),  # 31 Feb does not exist: the month's last day
        (date(2021, 8, 31), 24, date(2019, 8, 31)),
        (date(2020, 3, 31), 1, date(2020, 2, 29)),  # leap year
        (date(2021, 5, 15), 3, date(2021, 2, 15)),
        (date(2021, 1, 10), 13, date(2019, 12, 10)),  # across two year ends
    ],
)
def test_months_before(day, months, expected):
    assert care.months_before(day, months) == expected


def test_within_days_counts_the_boundary_and_not_the_day_after():
    dates = pd.to_datetime(pd.Series(["2021-07-20", "2021-07-19", "2021-08-31", "2021-09-01", None]))
    assert care.within_days(dates, SNAPSHOT, 42).tolist() == [True, False, True, False, False]


def test_age_at_counts_a_birthday_on_the_day():
    born = pd.to_datetime(pd.Series(["2005-08-31", "2006-09-01", None]))
    assert care.age_at(born, SNAPSHOT).tolist() == [16, 14, pd.NA]


def test_looked_after_at_the_snapshot_counts_each_child_once_by_the_latest_start(cla):
    rows = care.looked_after(cla, SNAPSHOT)
    assert rows["child_id"].tolist() == ["C1", "C2", "C3", "C4", "C5", "C8"]
    assert rows.loc[rows["child_id"] == "C8", "looked_after_start"].item() == pd.Timestamp("2020-06-01")


def test_headline_figures(cla):
    assert values(cla, child_population=12_000) == {
        "cla.count_at_snapshot": 6,
        "cla.rate_per_10k": pytest.approx(5.0),  # 6 / 12,000 x 10,000, not annualised
        "cla.started_count": 3,  # C4 2 Aug, C5 3 Aug, C10 1 Apr
        "cla.ceased_count": 3,  # C6 15 Apr, C9 31 Aug, C10 30 Jun
        "cla.second_period_share": 1 / 2,  # C4 Yes, C5 No; C10 blank leaves the share
        "cla.unallocated_count": 1,  # C2
        "cla.three_plus_placements_share": 1 / 5,  # C2 (3) of C1, C2, C4, C5, C8 (C3 blank: unknown)
        # under 16 and in care since 28 Feb 2019: C1, C2 (exactly 30 months); C3 is 16 and started 1 Mar 2019.
        "cla.long_term_stability_share": 1 / 2,  # C1 placed 31 Aug 2019 (exactly 24 months); C2 1 Sep 2019 is not
        "cla.visit_within_interval_share": 4 / 6,  # C1 (42 days), C3, C4, C8; not C2 (43 days) nor C5 (none)
        "cla.review_within_interval_share": 3 / 5,  # due: all but C5 (19 working days); C1 (183 days), C3, C8
        "cla.iro_contact_within_interval_share": 3 / 6,  # C1, C3, C8
        "cla.health_assessment_in_date_share": 3 / 4,  # due: C1, C2, C3, C8; C1 (365 days), C2, C8
        "cla.dental_check_in_date_share": 1 / 4,  # C2 only: C1's is 366 days old
        "cla.permanence_plan_share": 3 / 6,  # C1, C3, C8
        "cla.placed_out_of_area_share": 1 / 5,  # C2 of five known (C3 blank)
        "cla.foster_placement_share": 4 / 5,  # U4, U6, U1, U4 of five known (C2 K2; C3 blank)
        "cla.uasc_count": 2,  # C2, C5
        "cla.missing_share": 3 / 5,  # C2, C3, C4 of five known (C5 blank)
        "cla.return_interview_offered_share": 2 / 3,  # C2, C3 of C2, C3, C4
        "cla.return_interview_accepted_share": 1 / 2,  # C2 of C2, C3
    }


def test_no_rate_without_a_child_population(cla):
    assert "cla.rate_per_10k" not in values(cla)


def test_intervals_come_from_the_parameters(cla):
    found = values(cla, cla_visit_interval_days=43, cla_review_interval_days=184)
    assert found["cla.visit_within_interval_share"] == 5 / 6  # C2's visit, 43 days before, is now within
    assert found["cla.review_within_interval_share"] == 4 / 5  # C2's review, 184 days before, too
    assert found["cla.iro_contact_within_interval_share"] == 3 / 6


def test_no_list_8_gives_no_figures():
    assert care.figures(Inputs(), params()) == {}


def test_an_empty_list_8_gives_zero_counts_and_null_shares(cla):
    found = values(cla.iloc[0:0])
    assert found["cla.count_at_snapshot"] == 0 and found["cla.started_count"] == 0
    assert found["cla.visit_within_interval_share"] is None and found["cla.return_interview_accepted_share"] is None


def test_visits_and_reviews_by_team(cla):
    table = care.visits_and_reviews_by_team(cla, params()).set_index("team")
    # North: C1, C2, C8; visited C1, C8; reviews due all three, done C1, C8; IRO C1, C8.
    # South: C3, C4, C5; visited C3, C4; due C3, C4 (C5: 19 working days); done C3; IRO C3.
    assert table[["looked_after", "visited", "review_due", "reviewed", "iro_contact"]].to_dict("index") == {
        "North": {"looked_after": 3, "visited": 2, "review_due": 3, "reviewed": 2, "iro_contact": 2},
        "South": {"looked_after": 3, "visited": 2, "review_due": 2, "reviewed": 1, "iro_contact": 1},
    }
    assert table.loc["South", "reviewed_share"] == 1 / 2


def test_health_by_team(cla):
    table = care.health_by_team(cla, params()).set_index("team")
    # due a year in care: North C1, C2, C8 (health C1, C2, C8; dental C2); South C3 (neither).
    assert table[["health_due", "health_in_date", "dental_in_date"]].to_dict("index") == {
        "North": {"health_due": 3, "health_in_date": 3, "dental_in_date": 1},
        "South": {"health_due": 1, "health_in_date": 0, "dental_in_date": 0},
    }


def test_starts_and_ceased_by_month(cla):
    table = care.starts_and_ceased_by_month(cla, PERIOD).set_index("month")
    assert table["started"].to_dict() == {"2021-03": 0, "2021-04": 1, "2021-05": 0, "2021-06": 0, "2021-07": 0, "2021-08": 2}
    assert table["ceased"].to_dict() == {"2021-03": 0, "2021-04": 1, "2021-05": 0, "2021-06": 1, "2021-07": 0, "2021-08": 1}


def test_by_placement_type(cla):
    table = care.by_placement_type(cla, SNAPSHOT).set_index("placement")
    # C1, C4, C5, C8 foster (all in area); C2 K2 out of area; C3 no type or location.
    assert table.to_dict("index") == {
        "Foster care": {"children": 4, "in_area": 4, "out_of_area": 0, "children_share": 4 / 6},
        "Children's homes and residential care": {"children": 1, "in_area": 0, "out_of_area": 1, "children_share": 1 / 6},
        "Not recorded": {"children": 1, "in_area": 0, "out_of_area": 0, "children_share": 1 / 6},
    }


def test_by_permanence_plan(cla):
    table = care.by_permanence_plan(cla, SNAPSHOT).set_index("permanence_plan")["children"]
    assert table[table > 0].to_dict() == {"Return to family": 1, "Adoption": 1, "Long-term fostering": 1, "None agreed": 3}
    shares = care.by_permanence_plan(cla, SNAPSHOT).set_index("permanence_plan")["children_share"]
    assert shares["None agreed"] == 3 / 6 and shares["Adoption"] == 1 / 6 and shares["Other"] == 0


def test_starts_and_endings_count_over_the_part_of_the_period_the_return_covers(cla):
    """List 1 begins on 1 June 2021, so List 8 covers 1 June to 31 August: C10's start on 1 April leaves the count."""
    contacts = pd.DataFrame({"contact_date": pd.to_datetime(["2021-06-01", "2021-07-15"])})
    found = care.figures(Inputs(annex_a={"list_8": cla, "list_1": contacts}), params())
    assert found["cla.started_count"].value == 2  # C4, C5
    assert found["cla.ceased_count"].value == 2  # C10 30 Jun, C9 31 Aug (C6 15 Apr is before the coverage)
    assert found["cla.second_period_share"].value == 1 / 2
    assert found["cla.count_at_snapshot"].value == 6  # the snapshot figures do not depend on coverage


def test_blanks_in_list_8_are_counted_for_the_data_quality_section(cla):
    problems = blank_warnings("list_8", cla.assign(_row=range(2, 2 + len(cla))), "annex_a.xlsx", "List 8")
    # blank number of placements: C3, C6, C8 (older row), C9, C10 -> rows 4, 7, 8, 10, 11
    [placements] = [p for p in problems if p.column == "placements_last_12m"]
    assert (placements.row, placements.more) == (4, 4) and "cla.three_plus_placements_share" in placements.message
