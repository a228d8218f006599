"""Audit follow-up: actions, timescales and re-audits on hand-made audits; every expected value worked out by hand.

Period Jan-Mar 2019 (ends 2019-03-31). No audit is moderated, so the final grade is the auditor's.

| audit | date       | team | type            | with worker | grade        | reaudit_of |
|-------|------------|------|-----------------|-------------|--------------|------------|
| A0    | 2018-11-20 | Red  | monthly         | Y           | RI           |            |  (before the period)
| A1    | 2019-01-10 | Blue | monthly         | Y           | RI           |            |
| A2    | 2019-02-05 | Blue | monthly         | N           | inadequate   |            |  (weak, no action)
| A3    | 2019-02-20 | Red  | mock_inspection | Y           | good         |            |
| A4    | 2019-03-15 | Red  | monthly         | Y           | good         | A0         |  (RI -> good: improved)
| A5    | 2019-03-25 | Blue | monthly         | N           | RI           | A1         |  (RI -> RI: not improved)
| A6    | 2019-03-28 | Red  | themed          | Y           | good         | A99        |  (unknown audit: not a re-audit)

| action | audit | due        | completed  | theme          | note                                                   |
|--------|-------|------------|------------|----------------|--------------------------------------------------------|
| X1     | A1    | 2019-03-31 | 2019-03-31 | planning       | due on the period end, done that day: on time           |
| X2     | A1    | 2019-02-10 | 2019-02-11 | voice_of_child | done a day late                                        |
| X3     | A3    |            |            | planning       | no timescale                                           |
| X4     | A5    | 2019-04-10 |            | planning       | due after the period end                               |
| X5     | A0    | 2018-12-01 |            | chronology     | audit before the period; overdue                       |
| X6     | A4    | 2019-03-20 | 2019-04-02 | planning       | done after the period end: late and overdue            |
| X7     | A3    | 2019-03-30 | 2019-03-29 | voice_of_child | on time                                                |
| X8     | A5    | 2019-03-31 |            | planning       | due on the period end, not done: late, but not overdue |
"""

from datetime import date

import pandas as pd
from pandas.testing import assert_frame_equal

from readiness.config.params import Params
from readiness.config.period import Period
from readiness.indicators import actions as ac
from readiness.indicators.figure import Figure, share
from readiness.inputs.bundle import Inputs
from readiness.present.heat import heat_table_html

PERIOD = Period.of(date(2019, 1, 1), date(2019, 3, 31))
RI = "requires_improvement"


def make_audits() -> pd.DataFrame:
    rows = [
        ("A0", "2018-11-20", "Red", "monthly", True, RI, None),
        ("A1", "2019-01-10", "Blue", "monthly", True, RI, None),
        ("A2", "2019-02-05", "Blue", "monthly", False, "inadequate", None),
        ("A3", "2019-02-20", "Red", "mock_inspection", True, "good", None),
        ("A4", "2019-03-15", "Red", "monthly", True, "good", "A0"),
        ("A5", "2019-03-25", "Blue", "monthly", False, RI, "A1"),
        ("A6", "2019-03-28", "Red", "themed", True, "good", "A99"),
    ]
    frame = pd.DataFrame(rows, columns=["audit_id", "audit_date", "team", "audit_type", "worker_participated", "grade", "reaudit_of"])
    frame["audit_date"] = pd.to_datetime(frame["audit_date"])
    frame["worker_participated"] = frame["worker_participated"].astype("boolean")
    return frame.assign(child_id="C" + frame["audit_id"], moderated_grade=None, _row=range(2, 9))


def make_actions() -> pd.DataFrame:
    rows = [
        ("X1", "A1", "2019-03-31", "2019-03-31", "planning"),
        ("X2", "A1", "2019-02-10", "2019-02-11", "voice_of_child"),
        ("X3", "A3", None, None, "planning"),
        ("X4", "A5", "2019-04-10", None, "planning"),
        ("X5", "A0", "2018-12-01", None, "chronology"),
        ("X6", "A4", "2019-03-20", "2019-04-02", "planning"),
        ("X7", "A3", "2019-03-30", "2019-03-29", "voice_of_child"),
        ("X8", "A5", "2019-03-31", None, "planning"),
    ]
    frame = pd.DataFrame(rows, columns=["action_id", "audit_id", "due_date", "completed_date", "theme"])
    for column in ("due_date", "completed_date"):
        frame[column] = pd.to_datetime(frame[column])
    return frame.assign(action="Hand-written wording", _row=range(2, 10))


def test_actions_count_takes_actions_whose_audit_is_in_period():
    # X5 belongs to A0 (November 2018): 7 of the 8 actions
    assert ac.actions_count(make_actions(), make_audits(), PERIOD) == Figure(7, (7,))


def test_weak_audits_with_action_share_counts_a_weak_audit_with_no_action():
    # weak in period: A1 (RI; X1, X2), A2 (inadequate; none), A5 (RI; X4, X8) -> 2 of 3
    assert ac.weak_audits_with_action_share(make_audits(), make_actions(), PERIOD) == share(2, 3)


def test_with_due_date_share():
    # of the 7 in-period actions only X3 has no due date
    assert ac.with_due_date_share(make_actions(), make_audits(), PERIOD) == share(6, 7)


def test_completed_on_time_share_counts_due_on_the_period_end_and_not_a_day_late():
    # due by 31 March: X1 (done on its due day, the period end), X2 (a day late), X6 (late), X7 (early), X8 (not done);
    # X4 is due in April, X3 has no due date -> on time X1, X7 = 2 of 5
    assert ac.completed_on_time_share(make_actions(), make_audits(), PERIOD) == share(2, 5)


def test_overdue_count_takes_earlier_audits_and_completions_after_the_period_end():
    # due before 31 March and not done by it: X5 (audit A0 before the period, never done), X6 (done 2 April);
    # X8 and X1 are due ON the period end, so not before it; X2 was done (late) within the period
    assert ac.overdue_count(make_actions(), make_audits(), PERIOD) == Figure(2, (2,))


def test_reaudits_count_only_known_audits_and_improvement_is_a_better_final_grade():
    audits = make_audits()
    # A4 re-audits A0, A5 re-audits A1; A6 names A99, which does not exist
    assert ac.reaudit_count(audits, PERIOD) == Figure(2, (2,))
    # A4: RI -> good improved; A5: RI -> RI did not
    assert ac.reaudit_improved_share(audits, PERIOD) == share(1, 2)


def test_no_reaudit_in_the_period_gives_zero_and_no_share():
    audits = make_audits().assign(reaudit_of=pd.array([pd.NA] * 7, dtype="string"))
    assert ac.reaudit_count(audits, PERIOD) == Figure(0, (0,))
    assert ac.reaudit_improved_share(audits, PERIOD).value is None


def test_reaudit_uses_the_moderated_grade_of_both_audits():
    audits = make_audits()
    audits.loc[audits["audit_id"] == "A1", "moderated_grade"] = "inadequate"  # A5's RI is now better than A1's final grade
    assert ac.reaudit_improved_share(audits, PERIOD) == share(2, 2)


def test_monthly_worker_participated_share():
    # Jan: A1 Y -> 1/1; Feb: A2 N, A3 Y -> 1/2; Mar: A4 Y, A5 N, A6 Y -> 2/3
    assert ac.monthly_worker_participated_share(make_audits(), PERIOD) == {
        "2019-01": share(1, 1),
        "2019-02": share(1, 2),
        "2019-03": share(2, 3),
    }


def test_worker_participation_by_month_table():
    table = ac.worker_participation_by_month(make_audits(), PERIOD)
    assert table["audits"].tolist() == [1, 2, 3]
    assert table["worker_participated"].tolist() == [1, 1, 2]
    assert table["worker_participated_share"].tolist() == [1.0, 0.5, 2 / 3]


def test_weak_audits_by_team():
    # Blue: A1, A2, A5 weak; A1 and A5 have actions. Red has no weak audit in the period, so no row
    table = ac.weak_audits_by_team(make_audits(), make_actions(), PERIOD)
    assert table.index.tolist() == ["Blue"]
    assert table.loc["Blue"].tolist() == [3, 2, 1, 2 / 3]


def test_actions_by_team_most_overdue_first():
    table = ac.actions_by_team(make_actions(), make_audits(), PERIOD)
    # Red: X3, X6, X7 (due dates X6, X7, both due by the end; X7 on time); overdue X5 (A0) and X6
    # Blue: X1, X2, X4, X8 (all with due dates; X1, X2, X8 due by the end; X1 on time); none overdue
    columns = ["actions", "with_due_date", "due", "on_time", "overdue"]
    assert table.index.tolist() == ["Red", "Blue"]
    assert table[columns].values.tolist() == [[3, 2, 2, 1, 2], [4, 4, 3, 1, 0]]
    assert table["with_due_date_share"].tolist() == [2 / 3, 1.0]
    assert table["on_time_share"].tolist() == [0.5, 1 / 3]


def test_actions_by_theme_pools_rare_themes():
    # threshold 2: planning has 5 in-period actions (X1, X3, X4, X6, X8), voice of child only 2 -> Other themes;
    # overdue X5 (chronology, not a common theme) counts under Other themes, X6 under Planning
    table = ac.actions_by_theme(make_actions(), make_audits(), PERIOD, threshold=2)
    columns = ["actions", "with_due_date", "due", "on_time", "overdue"]
    assert table.index.tolist() == ["Planning", ac.OTHER_THEMES]
    assert table[columns].values.tolist() == [[5, 4, 3, 1, 1], [2, 2, 2, 1, 1]]


def test_mock_inspection_findings_take_mock_audits_only():
    # A3 is the only mock-inspection audit: X3 (planning, no due date) and X7 (voice of child, on time)
    table = ac.mock_inspection_findings(make_actions(), make_audits(), PERIOD, threshold=0)
    assert table.index.tolist() == ["Planning", "Voice of child"]
    assert table[["actions", "with_due_date", "due", "on_time", "overdue"]].values.tolist() == [[1, 0, 0, 0, 0], [1, 1, 1, 1, 0]]


def test_no_table_carries_the_action_wording():
    tables = [
        ac.actions_by_team(make_actions(), make_audits(), PERIOD),
        ac.actions_by_theme(make_actions(), make_audits(), PERIOD, threshold=0),
        ac.mock_inspection_findings(make_actions(), make_audits(), PERIOD, threshold=0),
    ]
    assert not any("Hand-written" in table.to_csv() for table in tables)


def test_reaudit_outcomes():
    table = ac.reaudit_outcomes(make_audits(), PERIOD)
    expected = pd.DataFrame(
        {"reaudits": [1, 1, 0], "all_reaudits": [2, 2, 2], "reaudits_share": [0.5, 0.5, 0.0]},
        index=pd.Index(["improved", "same", "worse"], name="outcome"),
    )
    assert_frame_equal(table, expected, check_dtype=False)


def test_good_or_better_by_team_and_month():
    table = ac.good_or_better_by_team_and_month(make_audits(), PERIOD)
    # Blue: A1 (Jan, RI), A2 (Feb, inadequate), A5 (Mar, RI); Red: A3 (Feb, good), A4 and A6 (Mar, good)
    assert table.index.tolist() == [f"{team} | 2019-0{m}" for team in ("Blue", "Red") for m in (1, 2, 3)]
    assert table["audits"].tolist() == [1, 1, 1, 0, 1, 2]
    assert table["good_or_better"].tolist() == [0, 0, 0, 0, 1, 2]
    assert table["not_good_or_better"].tolist() == [1, 1, 1, 0, 0, 0]
    grid = ac.heat_grid(table["good_or_better_share"])
    assert grid.columns.tolist() == ["2019-01", "2019-02", "2019-03"] and grid.index.tolist() == ["Blue", "Red"]
    assert grid.loc["Red"].tolist()[1:] == [1.0, 1.0] and pd.isna(grid.loc["Red", "2019-01"])


def test_a_team_named_with_the_separator_keeps_its_row_in_the_heat_grid():
    audits = make_audits().replace({"team": {"Blue": "North | East"}})
    grid = ac.heat_grid(ac.good_or_better_by_team_and_month(audits, PERIOD)["good_or_better_share"])
    # North | East: A1 (Jan, RI), A2 (Feb, inadequate), A5 (Mar, RI): 0% each month
    assert grid.index.tolist() == ["North | East", "Red"] and grid.columns.tolist() == ["2019-01", "2019-02", "2019-03"]
    assert grid.loc["North | East"].tolist() == [0.0, 0.0, 0.0]
    assert "<th>North | East</th>" in heat_table_html(grid, "Good or better")


def test_figures_need_audit_actions_for_the_action_ids():
    params = Params(pack_id="t", la_name="T", period_start=PERIOD.start, period_end=PERIOD.end)
    without = ac.figures(Inputs(case_audits=make_audits()), params)
    assert set(without) == {
        "audits.monthly.worker_participated_share",
        "audits.reaudit_count",
        "audits.reaudit_improved_share",
        "audits.weak_reaudited_share",
    }
    both = ac.figures(Inputs(case_audits=make_audits(), audit_actions=make_actions()), params)
    assert both["actions.overdue_count"] == Figure(2, (2,)) and both["actions.count"] == Figure(7, (7,))
    assert ac.figures(Inputs(), params) == {}
