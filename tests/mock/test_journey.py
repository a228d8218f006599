"""A sampled child's journey and team, list by list (Lists 2 and 8-11 as the readers name their columns)."""

from datetime import date

import pandas as pd
import pytest

from readiness.inputs.annex_a_tables import ANNEX_A
from readiness.inputs.bundle import Inputs
from readiness.mock.journey import EARLY_HELP_TEAM, EVENTS, KEY_DATES, SNAPSHOT, journeys, latest_teams

DAY = date(2019, 3, 31)


def frame(**columns) -> pd.DataFrame:
    """A list as the readers give it: ``*_date``-like columns given as ISO text become dates."""
    table = pd.DataFrame(columns)
    for name, values in columns.items():
        if name not in ("child_id", "team", "worker", "organisation", "family_id", "adopter_id", "in_touch"):
            table[name] = pd.to_datetime(values)
    return table


def events(inputs: Inputs, child: str) -> list[list]:
    rows = journeys(inputs, pd.Series([child]), DAY)
    return [
        [d.date().isoformat(), lst, event, None if pd.isna(team) else team]
        for d, lst, event, team in rows[["date", "list", "event", "team"]].itertuples(index=False)
    ]


def test_every_event_and_key_date_names_a_column_the_readers_give():
    """The bug behind blank journeys: columns named by headings the readers had already renamed."""
    for number, columns in EVENTS.items():
        declared = {c.name for c in ANNEX_A[number].columns}
        assert {column for column, _ in columns if column != SNAPSHOT} <= declared, number
    for number, column in KEY_DATES.items():
        assert column == SNAPSHOT or column in {c.name for c in ANNEX_A[number].columns}
        assert "team" in {c.name for c in ANNEX_A[number].columns}
    number, column, team = EARLY_HELP_TEAM
    assert {column, team} <= {c.name for c in ANNEX_A[number].columns}


def test_list_1_contact_only_has_no_team():
    inputs = Inputs(annex_a={"list_1": frame(child_id=["K1"], contact_date=["2019-02-01"])})
    assert events(inputs, "K1") == [["2019-02-01", "List 1", "Contact", None]]
    assert latest_teams(inputs, pd.Series(["K1"]), DAY) == ["Not recorded"]


def test_list_2_early_help_journey_and_its_organisation_as_team():
    early_help = frame(
        child_id=["E1"], assessment_start=["2019-01-10"], assessment_completion=["2019-02-20"], organisation=["Family Hub North"]
    )
    inputs = Inputs(annex_a={"list_2": early_help})
    assert events(inputs, "E1") == [
        ["2019-01-10", "List 2", "Early help assessment started", "Family Hub North"],
        ["2019-02-20", "List 2", "Early help assessment completed", "Family Hub North"],
    ]
    assert latest_teams(inputs, pd.Series(["E1"]), DAY) == ["Family Hub North"]


def test_an_allocated_team_comes_before_the_early_help_organisation():
    early_help = frame(child_id=["E1"], assessment_start=["2019-03-10"], assessment_completion=[None], organisation=["School"])
    referrals = frame(child_id=["E1"], referral_date=["2019-01-05"], team=["Front Door"], worker=["w1"])
    assert latest_teams(Inputs(annex_a={"list_2": early_help, "list_3": referrals}), pd.Series(["E1"]), DAY) == ["Front Door"]


@pytest.mark.parametrize(
    "number, key, event",
    [
        (3, "referral_date", "Referral"),
        (4, "assessment_start", "Assessment started"),
        (5, "strategy_date", "Strategy discussion (section 47 enquiry)"),
        (6, "cin_start", "Child in need episode started"),
        (7, "cp_start", "Child protection plan started"),
    ],
)
def test_lists_3_to_7_give_their_key_event_and_team(number, key, event):
    inputs = Inputs(annex_a={f"list_{number}": frame(child_id=["X"], team=["North"], worker=["w1"], **{key: ["2019-01-07"]})})
    assert events(inputs, "X") == [["2019-01-07", f"List {number}", event, "North"]]
    assert latest_teams(inputs, pd.Series(["X"]), DAY) == ["North"]


def test_list_8_child_in_care_journey_and_team_from_the_latest_key_date():
    referrals = frame(child_id=["L1"], referral_date=["2018-04-01"], team=["Front Door"], worker=["w1"])
    cla = frame(
        child_id=["L1"],
        looked_after_start=["2018-05-01"],
        placement_start=["2019-01-15"],
        last_visit=["2019-03-01"],
        looked_after_end=[None],
        team=["Children in Care"],
        worker=["w8"],
    )
    inputs = Inputs(annex_a={"list_3": referrals, "list_8": cla})
    assert events(inputs, "L1") == [
        ["2018-04-01", "List 3", "Referral", "Front Door"],
        ["2018-05-01", "List 8", "Started to be looked after", "Children in Care"],
        ["2019-01-15", "List 8", "Most recent placement started", "Children in Care"],
        ["2019-03-01", "List 8", "Last social work visit", "Children in Care"],
    ]
    assert latest_teams(inputs, pd.Series(["L1"]), DAY) == ["Children in Care"]  # 1 May 2018 is after 1 April 2018


def test_list_9_care_leaver_is_dated_at_the_snapshot_and_takes_its_team():
    """The 2019 layout: List 9 carries no date; the care leaver's row is an event at the snapshot, latest of all."""
    cla = frame(
        child_id=["C1"], looked_after_start=["2015-06-01"], looked_after_end=["2018-06-01"], team=["Children in Care"], worker=["w8"]
    )
    leavers = pd.DataFrame({"child_id": ["C1"], "in_touch": ["no"], "team": ["Leaving Care"], "worker": ["pa1"]})
    inputs = Inputs(annex_a={"list_8": cla, "list_9": leavers})
    assert events(inputs, "C1") == [
        ["2015-06-01", "List 8", "Started to be looked after", "Children in Care"],
        ["2018-06-01", "List 8", "Ceased to be looked after", "Children in Care"],
        ["2019-03-31", "List 9", "Care leaver at the snapshot", "Leaving Care"],
    ]
    assert latest_teams(inputs, pd.Series(["C1"]), DAY) == ["Leaving Care"]


def test_list_9_current_layout_dates_join_the_journey():
    leavers = frame(
        child_id=["C2"], pathway_plan_review=["2019-02-02"], latest_contact=["2019-03-03"], team=["Leaving Care"], worker=["pa1"]
    )
    assert [e[2] for e in events(Inputs(annex_a={"list_9": leavers}), "C2")] == [
        "Latest pathway plan review",
        "Latest contact (care leaver)",
        "Care leaver at the snapshot",
    ]


def test_list_10_and_the_list_11_adopters_sharing_its_family_identifier():
    adoption = frame(
        child_id=["A1"], family_id=["F1"], entered_care=["2018-01-01"], placement_decision=["2018-06-01"], placed=["2018-12-01"]
    )
    cla = frame(child_id=["A1"], looked_after_start=["2018-01-01"], team=["Adoption North"], worker=["w9"])
    # F1 is a couple (two rows, one event per date); F2 is another family
    adopters = frame(
        adopter_id=["AD1", "AD2", "AD3"],
        family_id=["F1", "F1", "F2"],
        application_approved=["2018-09-01", "2018-09-01", "2018-10-01"],
        matched=["2018-11-01", "2018-11-01", None],
    )
    inputs = Inputs(annex_a={"list_8": cla, "list_10": adoption, "list_11": adopters})
    assert events(inputs, "A1") == [
        ["2018-01-01", "List 8", "Started to be looked after", "Adoption North"],
        ["2018-01-01", "List 10", "Entered care", None],
        ["2018-06-01", "List 10", "Decision: to be placed for adoption", None],
        ["2018-09-01", "List 11", "Adopters approved", None],
        ["2018-11-01", "List 11", "Adopters matched with the child", None],
        ["2018-12-01", "List 10", "Placed for adoption", None],
    ]
    assert latest_teams(inputs, pd.Series(["A1"]), DAY) == ["Adoption North"]


def test_list_11_dates_as_text_are_read():
    """List 11 is not checked by the readers: its dates may still be text."""
    adoption = frame(child_id=["A1"], family_id=["F1"], placement_decision=["2018-06-01"])
    adopters = pd.DataFrame({"adopter_id": ["AD1"], "family_id": ["F1"], "application_approved": ["01/09/2018"]})
    assert events(Inputs(annex_a={"list_10": adoption, "list_11": adopters}), "A1")[1] == [
        "2018-09-01",
        "List 11",
        "Adopters approved",
        None,
    ]


def test_a_later_row_without_a_team_does_not_hide_an_earlier_team():
    cin = frame(child_id=["N1", "N1"], cin_start=["2018-01-01", "2019-01-01"], team=["South", None], worker=["w1", None])
    assert latest_teams(Inputs(annex_a={"list_6": cin}), pd.Series(["N1"]), DAY) == ["South"]
