"""Workforce, caseloads and supervision, worked by hand.

Period 2023-03-01 to 2024-02-29 (a leap year): one year before 29 Feb 2024 is 28 Feb 2023,
so leavers are those with 28 Feb 2023 < end_date ≤ 29 Feb 2024. Snapshot = period end.

worker  role                 employment  start       end         fte  team
w1      social_worker        permanent   2020-01-01  -           1.0  North  in post
w2      senior_practitioner  permanent   2021-01-01  2024-02-29  0.5  North  left ON period end: not in post, a leaver
w3      social_worker        agency      2023-06-01  -           1.0  South  in post
w4      team_manager         permanent   2019-01-01  -           1.0  South  in post (not case-holding)
w5      social_worker        permanent   2018-01-01  2023-02-28  1.0  North  left exactly a year before: not a leaver
w6      other                permanent   2019-01-01  -           1.0  North  not a social-work role
w7      practice_supervisor  permanent   2024-02-10  -           0.8  North  in post, started < 30 days before
w8      social_worker        permanent   2022-01-01  2023-03-01  1.0  South  a leaver
w9      social_worker        permanent   2023-01-01  -           1.0  South  in post, never supervised

In post (social-work roles): w1, w3, w4, w7, w9 = 5, FTE 4.8; agency FTE 1.0 -> 1 / 4.8 = 5/24.
Turnover: leavers w2 0.5 + w8 1.0 = 1.5 FTE ÷ permanent in post w1 1 + w4 1 + w7 0.8 + w9 1 = 3.8 -> 15/38.
"""

from datetime import date

import pandas as pd
import pytest

from readiness.config.params import Params
from readiness.config.period import Period
from readiness.indicators import workforce as wf
from readiness.inputs.bundle import Inputs

PERIOD = Period.of(date(2023, 3, 1), date(2024, 2, 29))
SNAPSHOT = PERIOD.snapshot
UNALLOCATED = ["Unallocated", "Not allocated", "None"]


@pytest.fixture
def staff() -> pd.DataFrame:
    rows = [
        ("w1", "North", "social_worker", "permanent", "2020-01-01", None, 1.0),
        ("w2", "North", "senior_practitioner", "permanent", "2021-01-01", "2024-02-29", 0.5),
        ("w3", "South", "social_worker", "agency", "2023-06-01", None, 1.0),
        ("w4", "South", "team_manager", "permanent", "2019-01-01", None, 1.0),
        ("w5", "North", "social_worker", "permanent", "2018-01-01", "2023-02-28", 1.0),
        ("w6", "North", "other", "permanent", "2019-01-01", None, 1.0),
        ("w7", "North", "practice_supervisor", "permanent", "2024-02-10", None, 0.8),
        ("w8", "South", "social_worker", "permanent", "2022-01-01", "2023-03-01", 1.0),
        ("w9", "South", "social_worker", "permanent", "2023-01-01", None, 1.0),
    ]
    frame = pd.DataFrame(rows, columns=["worker_id", "team", "role", "employment", "start_date", "end_date", "fte"])
    return frame.assign(start_date=pd.to_datetime(frame["start_date"]), end_date=pd.to_datetime(frame["end_date"]))


@pytest.fixture
def sessions() -> pd.DataFrame:
    """Interval 30 days; 29 Feb 2024 − 30 days = 30 Jan 2024.
    w1: 15 Jan, 30 Jan -> latest exactly 30 days before: within (boundary).
    w3: 29 Jan (31 days: not within); 5 Mar is after the period end and ignored.
    w9: none -> not within.  w7 started 10 Feb: not yet due, left out.  w4 is not case-holding.
    => 1 of 3 (w1, w3, w9 due); North 1 of 1, South 0 of 2.
    """
    return pd.DataFrame(
        {
            "worker_id": ["w1", "w1", "w3", "w3", "w4"],
            "supervision_date": pd.to_datetime(["2024-01-15", "2024-01-30", "2024-01-29", "2024-03-05", "2024-02-20"]),
        }
    )


@pytest.fixture
def cin() -> pd.DataFrame:
    """
    child  start       closure     worker          last seen   team   open?  seen within 28 days of 29 Feb?
    A      2023-05-01  -           w1              2024-02-01  North  yes    29 Feb − 1 Feb = 28 days: yes
    B      2023-06-01  -           w1              2024-01-31  North  yes    29 days: no ...
    B      2023-09-01  -           w1              2024-02-20  North  yes    ... but this row: yes (B counted once)
    C      2023-07-01  -           (blank)         -           North  yes    no; unallocated
    D      2023-07-01  -           " unallocated " 2024-02-28  South  yes    yes; unallocated (placeholder)
    E      2023-08-01  -           w3              2024-03-01  South  yes    after the snapshot: no
    F      2023-08-01  2024-01-01  w3              -           South  closed
    G      2023-01-01  2024-02-29  w9              -           South  closed on the snapshot: not open
    H      2023-10-01  -           w4              2024-02-29  South  yes    0 days: yes
    I      2023-10-01  -           w2              -           North  yes    no
    Open: A B C D E H I = 7; unallocated C, D = 2; seen A B D H = 4 of 7.
    Caseloads: w1 {A, B} 2, w3 {E} 1, w4 {H} 1, w2 {I} 1 -> median 1, max 2, over 4 workers.
    """
    rows = [
        ("A", "2023-05-01", None, "w1", "2024-02-01", "North"),
        ("B", "2023-06-01", None, "w1", "2024-01-31", "North"),
        ("B", "2023-09-01", None, "w1", "2024-02-20", "North"),
        ("C", "2023-07-01", None, None, None, "North"),
        ("D", "2023-07-01", None, " unallocated ", "2024-02-28", "South"),
        ("E", "2023-08-01", None, "w3", "2024-03-01", "South"),
        ("F", "2023-08-01", "2024-01-01", "w3", None, "South"),
        ("G", "2023-01-01", "2024-02-29", "w9", None, "South"),
        ("H", "2023-10-01", None, "w4", "2024-02-29", "South"),
        ("I", "2023-10-01", None, "w2", None, "North"),
    ]
    frame = pd.DataFrame(rows, columns=["child_id", "cin_start", "cin_closure", "worker", "last_seen", "team"])
    dates = {column: pd.to_datetime(frame[column]) for column in ("cin_start", "cin_closure", "last_seen")}
    return frame.assign(worker=frame["worker"].astype("string"), **dates)


@pytest.fixture
def cases(cin) -> pd.DataFrame:
    return wf.open_cases(cin, SNAPSHOT, UNALLOCATED)


def params(**extra) -> Params:
    return Params(pack_id="t", la_name="Testshire", period_start=PERIOD.start, period_end=PERIOD.end, **extra)


def test_in_post_excludes_a_worker_who_left_on_the_day(staff):
    at_end = wf.in_post(staff, PERIOD.end)
    assert staff.loc[at_end, "worker_id"].tolist() == ["w1", "w3", "w4", "w6", "w7", "w9"]


def test_workforce_in_post_and_agency_share(staff):
    assert wf.workforce_in_post(staff, PERIOD).value == 5
    figure = wf.workforce_agency_share(staff, PERIOD)
    assert figure.value == pytest.approx(5 / 24) and figure.basis == (1, 5)


def test_turnover_over_the_year_to_29_february(staff):
    # leavers w2 (left on 29 Feb 2024) and w8; w5 left on 28 Feb 2023, a year before exactly: not counted
    figure = wf.workforce_turnover_rate(staff, PERIOD)
    assert figure.value == pytest.approx(15 / 38) and figure.basis == (2, 4)


def test_supervision_exactly_on_the_interval_is_within(staff, sessions):
    assert wf.supervision_within_interval_share(staff, sessions, PERIOD, 30).basis == (1, 3)
    # with a 29-day interval w1 (30 days) is no longer within, and w7 is still not due
    assert wf.supervision_within_interval_share(staff, sessions, PERIOD, 29).basis == (0, 3)


def test_supervision_by_team(staff, sessions):
    table = wf.supervision_by_team(staff, sessions, PERIOD, 30).set_index("team")
    assert table.loc["North", ["workers", "within_interval"]].tolist() == [1, 1]
    assert table.loc["South", ["workers", "within_interval"]].tolist() == [2, 0]
    assert table.loc["South", "within_interval_share"] == 0.0


def test_is_allocated_treats_blanks_and_placeholders_as_unallocated():
    workers = pd.Series(["w1", None, "Unallocated", " not ALLOCATED ", "", "None", "Nonesuch"], dtype="string")
    assert wf.is_allocated(workers, UNALLOCATED).tolist() == [True, False, False, False, False, False, True]


def test_open_children_and_unallocated(cases):
    assert wf.caseload_open_children(cases).value == 7
    # C (blank) and D (the placeholder) have no worker
    assert wf.caseload_unallocated_count(cases).value == 2


def test_caseloads_count_distinct_children(cases):
    # w1 has A and B (B on two rows): 2; w2, w3, w4 one each -> median 1, max 2 over 4 workers
    assert wf.caseloads(cases).to_dict() == {"w1": 2, "w2": 1, "w3": 1, "w4": 1}
    assert wf.caseload_median(cases).value == 1 and wf.caseload_median(cases).basis == (4,)
    assert wf.caseload_max(cases).value == 2
    assert wf.workers_over_count(cases, 25).value == 0


def test_mean_per_fte_counts_case_holders_in_post_only(cases, staff):
    # case-holding and in post at 29 Feb: w1, w3, w7, w9; holding a child: w1 (A, B), w3 (E) -> 3 children ÷ 2.0 FTE
    # w2 left on the snapshot, w4 is a team manager: their children are not counted
    figure = wf.caseload_mean_per_fte(cases, staff, SNAPSHOT)
    assert figure.value == 1.5 and figure.basis == (3, 2)


def test_cin_seen_within_28_days(cases):
    assert wf.cin_seen_within_interval_share(cases, SNAPSHOT, 28).basis == (4, 7)


def test_children_on_a_child_in_need_plan_seen_within_28_days(cases):
    """Open rows' Case Status: A cin plan (seen), B a CP plan then a cin plan (the cin-plan row seen 20 Feb), C cin plan
    (never seen), D open assessment, E cin plan (seen after the snapshot), H looked after, I blank: A, B of A, B, C, E."""
    statuses = {"A": "cin_plan", "C": "cin_plan", "D": "open_assessment", "E": "cin_plan", "H": "looked_after"}
    rows = cases.assign(case_status=cases["child_id"].map(statuses).astype("string"))
    rows.loc[(rows["child_id"] == "B") & (rows["cin_start"] == "2023-09-01"), "case_status"] = "cin_plan"
    rows.loc[(rows["child_id"] == "B") & (rows["cin_start"] == "2023-06-01"), "case_status"] = "cp_plan"
    assert wf.cin_plan_seen_within_interval_share(rows, SNAPSHOT, 28).basis == (2, 4)
    assert wf.cin_plan_seen_within_interval_share(cases, SNAPSHOT, 28).value is None  # no Case Status column


def over_25_cases() -> pd.DataFrame:
    """Worker X holds 26 children, Y 25, Z 1."""
    workers = ["X"] * 26 + ["Y"] * 25 + ["Z"]
    return pd.DataFrame({"child_id": [f"c{i}" for i in range(len(workers))], "worker": workers, "team": "North"})


def test_workers_over_25_and_50():
    cases = over_25_cases()
    assert wf.workers_over_count(cases, 25).value == 1
    assert wf.workers_over_count(cases, 50).value == 0


def test_caseload_distribution_bands():
    # Z 1 -> 1-10; Y 25 -> 21-25; X 26 -> 26-50; a third of the workers each
    table = wf.caseload_distribution(over_25_cases()).set_index("band")
    assert table["workers"].to_dict() == {"1-10": 1, "11-15": 0, "16-20": 0, "21-25": 1, "26-50": 1, "51+": 0}
    assert table.loc["26-50", "workers_share"] == pytest.approx(1 / 3)


def test_caseload_by_team(cases):
    table = wf.caseload_by_team(cases).set_index("team")
    # North: A, B, C, I open; C unallocated; w1 (2) and w2 (1) -> median 1.5
    assert table.loc["North", ["open_children", "unallocated_children", "allocated_workers", "workers_over_25"]].tolist() == [4, 1, 2, 0]
    assert table.loc["North", "median_caseload"] == 1.5
    # South: D, E, H open; D unallocated; w3 (1) and w4 (1)
    assert table.loc["South", ["open_children", "unallocated_children", "allocated_workers"]].tolist() == [3, 1, 2]
    assert "worker" not in table.columns


def test_caseload_against_agency(cases, staff):
    table = wf.caseload_against_agency(cases, staff, PERIOD).set_index("team")
    # North: w1 holds A, B with 1.0 FTE -> 2.0; social-work staff w1, w7 (1.8 FTE), no agency -> 0
    assert table.loc["North", "mean_per_fte"] == 2.0 and table.loc["North", "agency_share"] == 0.0
    # South: w3 holds E -> 1.0; staff w3 (agency), w4, w9: 1 of 3 FTE
    assert table.loc["South", "mean_per_fte"] == 1.0 and table.loc["South", "agency_share"] == pytest.approx(1 / 3)
    # agency headcounts behind the shares, for disclosure control: North none, South w3
    assert table["agency_workers"].tolist() == [0, 1]
    # List 6's children held and their holders: North w1 with A and B, South w3 with E
    assert table["children_held"].tolist() == [2, 1] and table["case_holders"].tolist() == [1, 1]
    assert not {"worker", "worker_id", "child_id"} & set(table.columns)


def test_cin_seen_by_team(cases):
    table = wf.cin_seen_by_team(cases, SNAPSHOT, 28).set_index("team")
    # North: A, B seen; C, I not -> 2 of 4. South: D, H seen; E not -> 2 of 3
    assert table.loc["North", ["open_children", "seen_within_interval"]].tolist() == [4, 2]
    assert table.loc["South", "seen_within_interval_share"] == pytest.approx(2 / 3)


def test_figures_for_every_input(staff, sessions, cin):
    inputs = Inputs(annex_a={"list_6": cin}, workforce=staff, supervision=sessions)
    result = wf.figures(inputs, params())
    assert set(result) == {
        "workforce.in_post",
        "workforce.agency_share",
        "workforce.turnover_rate",
        "supervision.within_interval_share",
        "caseload.open_children",
        "caseload.unallocated_count",
        "caseload.median",
        "caseload.max",
        "caseload.workers_over_25_count",
        "caseload.workers_over_50_count",
        "caseload.mean_per_fte",
        "cin.seen_within_interval_share",
        "cin.plan_seen_within_interval_share",
    }
    assert result["caseload.unallocated_count"].value == 2


def test_figures_without_workforce_or_anything(cin):
    result = wf.figures(Inputs(annex_a={"list_6": cin}), params())
    assert "caseload.mean_per_fte" not in result and "workforce.in_post" not in result
    assert result["caseload.open_children"].value == 7
    assert wf.figures(Inputs(), params()) == {}
