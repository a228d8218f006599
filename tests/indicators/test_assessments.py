"""Assessment (List 4) figures and tables on hand-made rows; every expected value worked out by hand.

Period Feb-Apr 2019, snapshot 30 Apr 2019 (February has no authorisations). Working days counted
as d with start <= d < end; Jan-Mar 2019 has no bank holidays, April has Good Friday 19 and
Easter Monday 22.

| row | team   | start      | authorised | working days                                      | seen |
|-----|--------|------------|------------|---------------------------------------------------|------|
| A   | Team Z | 2019-01-07 | 2019-03-11 | Mon 7 Jan + 9 whole weeks = 45 (within)           | Y    |
| B   | Team Z | 2019-01-07 | 2019-03-12 | 45 + Mon 11 Mar = 46 (not within)                 | N    |
| C   | Team A | 2019-04-18 | 2019-04-24 | Thu 18, Tue 23 (19, 22 bank holidays) = 2         | Y    |
| D   | Team A | 2019-04-26 | 2019-04-25 | authorised before start: -1, no duration          | blank|
| E   | Team Z | 2019-01-02 | 2019-01-31 | authorised before the period                      |      |
| F   | Team A | 2019-02-01 | open       | to snapshot: Feb 20 + Mar 21 + Apr 1-29 19 = 60   |      |
| G   | Team Z | 2019-04-01 | 2019-05-02 | after the snapshot, so open: Apr 1-29 = 19        |      |
| H   | blank  | 2019-04-30 | open       | starts on the snapshot: open, 0                   |      |
| I   | Team A | 2019-05-01 | open       | starts after the snapshot: not open               |      |

(Feb 2019 from Fri 1: four whole weeks = 20; Mar from Fri 1: four weeks + Fri 29 = 21;
Apr 1-29 from Mon 1: four weeks = 20 less Good Friday and Easter Monday = 18, + Mon 29 = 19.)
"""

from datetime import date

import pandas as pd
from pandas.testing import assert_frame_equal

from readiness.config.params import Params
from readiness.config.period import Period
from readiness.indicators import assessments as s
from readiness.indicators.figure import Figure, share, statistic
from readiness.inputs.bundle import Inputs

PERIOD = Period.of(date(2019, 2, 1), date(2019, 4, 30))


def make_list4() -> pd.DataFrame:
    rows = [
        ("A", "Team Z", "2019-01-07", "2019-03-11", True),
        ("B", "Team Z", "2019-01-07", "2019-03-12", False),
        ("C", "Team A", "2019-04-18", "2019-04-24", True),
        ("D", "Team A", "2019-04-26", "2019-04-25", None),
        ("E", "Team Z", "2019-01-02", "2019-01-31", True),
        ("F", "Team A", "2019-02-01", None, None),
        ("G", "Team Z", "2019-04-01", "2019-05-02", None),
        ("H", None, "2019-04-30", None, None),
        ("I", "Team A", "2019-05-01", None, None),
    ]
    frame = pd.DataFrame(rows, columns=["child_id", "team", "assessment_start", "authorisation_date", "child_seen"])
    frame["assessment_start"] = pd.to_datetime(frame["assessment_start"])
    frame["authorisation_date"] = pd.to_datetime(frame["authorisation_date"])
    frame["child_seen"] = frame["child_seen"].astype("boolean")
    return frame


def test_completed_count_includes_a_negative_duration():
    # A, B, C, D authorised in the period (D's negative duration still counts); E in January
    assert s.completed_count(make_list4(), PERIOD) == Figure(4, (4,))


def test_within_45_share_counts_exactly_45_and_not_46_and_leaves_out_negative():
    # denominator A, B, C (D has no duration); within: A (45) and C (2), not B (46) -> 2 of 3
    assert s.within_45_working_days_share(make_list4(), PERIOD) == share(2, 3)


def test_median_over_durations_without_the_negative_one():
    # median of 45, 46, 2 -> 45 over 3 items (D's -1 would make it median(-1, 2, 45, 46) = 23.5)
    assert s.median_working_days(make_list4(), PERIOD) == statistic(45, 3)


def test_open_at_snapshot_and_open_over_45():
    list4 = make_list4()
    # F (no authorisation), G (authorised after the snapshot), H (starts on the snapshot); not I (starts after)
    assert s.open_at_snapshot(list4, PERIOD) == Figure(3, (3,))
    # F 60 > 45; G 19 and H 0 are not
    assert s.open_over_45_working_days(list4, PERIOD) == Figure(1, (1,))


def test_child_seen_share_is_over_completed_with_child_seen_recorded():
    # A Y, B N, C Y, D blank (unknown: leaves numerator and denominator) -> 2 of 3
    assert s.child_seen_share(make_list4(), PERIOD) == share(2, 3)


def test_monthly_share_has_null_for_a_month_with_no_authorisations():
    # Feb: none; Mar: A within, B not -> 1/2; Apr: C within across Easter, D left out -> 1/1
    series = s.monthly_within_45_working_days_share(make_list4(), PERIOD)
    assert series == {"2019-02": share(0, 0), "2019-03": share(1, 2), "2019-04": share(1, 1)}
    assert series["2019-02"].value is None


def test_figures_gives_every_id_of_the_theme():
    params = Params(pack_id="t", la_name="T", period_start=PERIOD.start, period_end=PERIOD.end)
    result = s.figures(Inputs(annex_a={"list_4": with_support()}), params)
    assert set(result) == {
        "assessments.completed_count",
        "assessments.within_45_working_days_share",
        "assessments.median_working_days",
        "assessments.open_at_snapshot",
        "assessments.open_over_45_working_days",
        "assessments.child_seen_share",
        "assessments.no_further_support_share",
        "assessments.monthly.within_45_working_days_share",
    }
    assert result["assessments.open_over_45_working_days"] == Figure(1, (1,))
    assert s.figures(Inputs(annex_a={"list_3": make_list4()}), params) == {}


def test_snapshot_before_period_end_moves_the_open_count():
    # snapshot Fri 12 Apr: open are F (no authorisation), G (started 1 Apr); H and I start later.
    # F: Feb 20 + Mar 21 + Apr 1-11 (9) = 50 > 45; G: Apr 1-11 = 9
    period = Period.of(date(2019, 2, 1), date(2019, 4, 30), date(2019, 4, 12))
    assert s.open_at_snapshot(make_list4(), period) == Figure(2, (2,))
    assert s.open_over_45_working_days(make_list4(), period) == Figure(1, (1,))


def expected_timeliness(index, name, rows):
    """Rows of (completed, timed, within_45, within_45_share, median_working_days)."""
    table = pd.DataFrame(
        rows, index=pd.Index(index, name=name), columns=["completed", "timed", "within_45", "within_45_share", "median_working_days"]
    )
    return table.astype({"completed": int, "timed": int, "within_45": int, "within_45_share": float, "median_working_days": float})


def test_timeliness_by_month():
    expected = expected_timeliness(
        ["2019-02", "2019-03", "2019-04"],
        "month",
        [
            (0, 0, 0, float("nan"), float("nan")),
            (2, 2, 1, 1 / 2, 45.5),  # A 45, B 46: median (45 + 46) / 2
            (2, 1, 1, 1.0, 2.0),  # C 2; D completed but no duration
        ],
    )
    assert_frame_equal(s.timeliness_by_month(make_list4(), PERIOD), expected)


def test_timeliness_by_team_lowest_share_first():
    expected = expected_timeliness(
        ["Team Z", "Team A"],
        "team",
        [
            (2, 2, 1, 1 / 2, 45.5),  # A, B (E outside the period)
            (2, 1, 1, 1.0, 2.0),  # C, D
        ],
    )
    assert_frame_equal(s.timeliness_by_team(make_list4(), PERIOD), expected)


def test_open_over_45_by_team_highest_share_first_blank_team_not_recorded():
    # Team A: F over; Not recorded: H; Team Z: G. Ties at 0 in label order.
    expected = pd.DataFrame(
        {"open": [1, 1, 1], "over_45": [1, 0, 0], "over_45_share": [1.0, 0.0, 0.0]},
        index=pd.Index(["Team A", "Not recorded", "Team Z"], name="team"),
    )
    assert_frame_equal(s.open_over_45_by_team(make_list4(), PERIOD), expected)


# --- assessments.no_further_support_share (spec version 3) -----------------------------------
# Completed in the period: A (Mar, Team Z), B (Mar, Team Z), C (Apr, Team A), D (Apr, Team A).
# "Requiring support": A Yes, B No, C No, D blank (unknown: leaves the figure); E (January) No is outside.
SUPPORT = {"A": True, "B": False, "C": False, "D": None, "E": False}


def with_support() -> pd.DataFrame:
    frame = make_list4()
    frame["requires_support"] = frame["child_id"].map(SUPPORT).astype("boolean")
    return frame


def test_no_further_support_share_leaves_out_an_unknown_outcome():
    assert s.no_further_support_share(with_support(), PERIOD) == Figure(2 / 3, (2, 3))  # B, C of A, B, C


def test_no_further_support_by_month_and_team():
    by_month = s.outcome_table(with_support(), PERIOD)
    assert by_month[["outcome_known", "no_support"]].to_dict("index") == {
        "2019-02": {"outcome_known": 0, "no_support": 0},
        "2019-03": {"outcome_known": 2, "no_support": 1},  # A yes, B no
        "2019-04": {"outcome_known": 1, "no_support": 1},  # C no; D unknown
    }
    by_team = s.outcome_table(with_support(), PERIOD, by="team")
    assert list(by_team.index) == ["Team A", "Team Z"]  # 1/1 before 1/2: highest share first
    assert by_team["no_support_share"].tolist() == [1.0, 0.5]
