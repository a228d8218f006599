"""The synthetic Northbridge data set: reproducible, in Ofsted's and our raw formats, telling a plausible story."""

from __future__ import annotations

import re
import shutil
from datetime import datetime

import numpy as np
import openpyxl
import pandas as pd
import pytest
from conftest import run_folder
from test_readers import read

from readiness.config.workdays import working_days
from readiness.demo.council import northbridge
from readiness.demo.draws import scale_named, years_at_snapshot
from readiness.demo.files import demo_paths, write_demo_data, write_workbook

SNAPSHOT = pd.Timestamp("2025-10-03")
LISTS = ["List 1", "List 3", "List 4", "List 5", "List 6", "List 7", "List 2", "List 10", "List 11", "List 8", "List 9"]
FILES = {
    "annex_a": "annex_a.xlsx",
    "case_audits": "case_audits.csv",
    "strategy_meetings": "strategy_meetings.csv",
    "workforce": "workforce.csv",
    "supervision": "supervision.csv",
    "audit_actions": "audit_actions.csv",
    "front_door_decisions": "front_door_decisions.csv",
    "immediate_concerns": "immediate_concerns.csv",
    "audit_checks": "audit_checks.csv",
    "findings": "findings.csv",
    "improvement_actions": "improvement_actions.csv",
    "cin_census": "cin",
    "ssda903": "ssda903",
    "csww": "csww_2025.xml",
}
CSV_DATES = {
    "case_audits": ["audit_date"],
    "strategy_meetings": ["meeting_date"],
    "workforce": ["start_date", "end_date"],
    "supervision": ["supervision_date"],
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory, worker_id) -> dict:
    """Paths of the standard data set written with the default seed, once per run (tests only read it)."""
    with run_folder(tmp_path_factory, worker_id, "demo-written") as (folder, filled):
        return demo_paths(folder) if filled else write_demo_data(folder, force=True)


@pytest.fixture(scope="module")
def annex(demo) -> dict[str, pd.DataFrame]:
    return pd.read_excel(demo["annex_a"], sheet_name=None, engine="calamine")


@pytest.fixture(scope="module")
def extracts(demo) -> dict[str, pd.DataFrame]:
    return {key: pd.read_csv(demo[key], dtype=str, keep_default_na=False, na_values=[""]) for key in CSV_DATES}


def _allocated(workers: pd.Series) -> pd.Series:
    return workers.dropna()[lambda w: w != "Unallocated"]


def test_writes_every_input_under_its_key(demo):
    assert {key: path.name for key, path in demo.items()} == FILES
    assert all(path.stat().st_size > 0 for path in demo.values())


def frames_equal(first: dict[str, pd.DataFrame], second: dict[str, pd.DataFrame]) -> bool:
    return list(first) == list(second) and all(first[name].equals(second[name]) for name in first)


@pytest.fixture(scope="module")
def drawn() -> tuple[dict, dict]:
    """Northbridge as drawn with the default seed: Annex A's lists and the extracts, before any file is written."""
    return northbridge(2019, scale_named("standard"))


def test_the_same_seed_draws_the_same_council(drawn):
    lists, extracts = northbridge(2019, scale_named("standard"))
    assert list(lists) == LISTS
    assert frames_equal(lists, drawn[0]) and frames_equal(extracts, drawn[1])


def test_the_files_hold_what_was_drawn(demo, annex, drawn):
    lists, extracts = drawn
    for name, frame in annex.items():
        assert frame.shape == lists[name].shape and list(frame.columns) == list(lists[name].columns), name
    assert annex["List 1"]["Child Unique ID"].tolist() == lists["List 1"]["Child Unique ID"].tolist()
    for key, frame in extracts.items():
        expected = frame.to_csv(index=False, lineterminator="\n", date_format="%Y-%m-%d")
        assert demo[key].read_text(encoding="utf-8") == expected, key


def test_workbook_reads_back_with_its_sheets_headings_and_cells(tmp_path):
    lists = {
        "List 1": pd.DataFrame(
            {
                "Child Unique ID": ["NB0000001", None],
                "Date of Contact": pd.to_datetime(["2025-01-31", None]),
                "Age of Child (Years)": [4, -1],
            }
        ),
        "List 9": pd.DataFrame({"LA In Touch ": ["a) Yes"], "Share": [0.5]}),  # the template's trailing space
    }
    write_workbook(tmp_path / "annex_a.xlsx", lists)
    book = openpyxl.load_workbook(tmp_path / "annex_a.xlsx", read_only=True)
    assert book.sheetnames == ["List 1", "List 9"]
    assert list(book["List 1"].values) == [
        ("Child Unique ID", "Date of Contact", "Age of Child (Years)"),
        ("NB0000001", datetime(2025, 1, 31), 4),
        (None, None, -1),
    ]
    assert list(book["List 9"].values) == [("LA In Touch ", "Share"), ("a) Yes", 0.5)]
    assert book["List 1"]["B2"].is_date


def test_another_seed_draws_another_council(drawn):
    lists, extracts = northbridge(7, scale_named("standard"))
    assert not extracts["case_audits"].equals(drawn[1]["case_audits"])
    assert not lists["List 1"].equals(drawn[0]["List 1"])


def test_unknown_scale_is_refused(tmp_path):
    with pytest.raises(ValueError, match="scale must be one of"):
        write_demo_data(tmp_path, scale="huge")


def test_age_is_whole_years_at_the_snapshot_and_negative_before_birth():
    dob = np.array(["2015-10-03", "2015-10-04", "2015-02-28", "2025-10-04"], dtype="datetime64[D]")
    assert years_at_snapshot(dob).tolist() == [10, 9, 10, -1]  # the snapshot is 3 October 2025


def test_headings_are_ofsted_templates_exactly(demo, ofsted_template):
    template = openpyxl.load_workbook(ofsted_template, read_only=True)
    ours = openpyxl.load_workbook(demo["annex_a"], read_only=True)
    assert ours.sheetnames == LISTS
    for name in LISTS:
        expected = next(template[name.replace(" ", "_")].iter_rows(min_row=2, max_row=2, values_only=True))
        actual = next(ours[name].iter_rows(min_row=1, max_row=1, values_only=True))
        assert actual[: len(expected)] == expected, name
        assert len(actual) == len(expected) + (4 if name == "List 9" else 0), name  # List 9: the current layout's four more


def test_dates_are_excel_dates_and_none_after_the_snapshot(annex, extracts):
    for name, frame in annex.items():
        date_columns = [c for c in frame.columns if re.search(r"Date|Start|Last Statutory Visit", c)]
        for column in date_columns:
            assert pd.api.types.is_datetime64_any_dtype(frame[column]), (name, column)
            assert frame[column].max() <= SNAPSHOT, (name, column)
    for key, columns in CSV_DATES.items():
        for column in columns:
            dates = pd.to_datetime(extracts[key][column], format="%Y-%m-%d")
            assert dates.max() <= SNAPSHOT, (key, column)


def test_child_ids_are_made_up_text_and_some_children_are_unborn(annex):
    ids = pd.concat([frame["Child Unique ID"] for frame in annex.values() if "Child Unique ID" in frame])
    assert ids.str.fullmatch(r"NB\d{7}").all()
    unborn = annex["List 1"][annex["List 1"]["Age of Child (Years)"] == -1]
    assert 0 < len(unborn) < 0.01 * len(annex["List 1"])
    assert unborn["Date of Birth"].isna().all()


def test_most_but_not_all_assessments_are_authorised_within_45_working_days(annex):
    assessments = annex["List 4"]
    start = assessments["Continuous Assessment Start Date"]
    authorised = assessments["Continuous Assessment Date of Authorisation"]
    done = authorised.notna()
    within = (working_days(start[done], authorised[done]) <= 45).mean()
    assert 0.7 < within < 0.95
    still_open = start[~done]
    assert 0.02 < len(still_open) / len(start) < 0.1
    assert (working_days(still_open, pd.Series(SNAPSHOT, index=still_open.index)) > 45).any()


def test_police_and_social_care_attend_nearly_every_meeting_health_and_education_less(extracts):
    rows = extracts["strategy_meetings"]
    meetings = rows["meeting_id"].nunique()
    attended = rows[rows["attended"] == "Y"].groupby("agency")["meeting_id"].nunique() / meetings
    assert attended["police"] > 0.9 and attended["social_care"] > 0.9
    assert max(attended["health"], attended["education"]) < min(attended["police"], attended["social_care"])
    assert ((rows["invited"] == "N") & (rows["attended"] == "Y")).any()
    assert (rows.groupby("meeting_id")[["child_id", "meeting_date", "team"]].nunique() == 1).all().all()


def test_audit_grades_improve_from_the_first_six_months_to_the_last(extracts):
    audits = extracts["case_audits"]
    final = audits["moderated_grade"].fillna(audits["grade"])
    good = final.isin(["good", "outstanding"])
    day = pd.to_datetime(audits["audit_date"])
    first, last = day < "2024-04-01", day >= "2025-04-01"
    assert good[last].mean() > good[first].mean()
    assert 0.1 < audits["moderated_grade"].notna().mean() < 0.3


def test_annex_a_workers_are_workforce_ids_and_some_children_are_unallocated(annex, extracts):
    workforce_ids = set(extracts["workforce"]["worker_id"])
    for name in LISTS[1:6]:
        assert set(_allocated(annex[name]["Allocated Worker"])) <= workforce_ids, name
    cin_workers = annex["List 6"]["Allocated Worker"]
    assert (cin_workers == "Unallocated").any() and cin_workers.isna().any()


def test_caseloads_at_the_snapshot_are_mostly_12_to_22_with_a_few_over_25(annex):
    cin = annex["List 6"]
    open_now = cin[cin["CIN Closure Date"].isna()]
    caseloads = _allocated(open_now["Allocated Worker"]).value_counts()
    assert 12 <= caseloads.median() <= 22
    assert 1 <= (caseloads > 25).sum() <= 4


def test_demo_follow_up_names_real_audits_and_earlier_audits_of_the_same_child(demo):
    audits = pd.read_csv(demo["case_audits"], dtype=str)
    actions = pd.read_csv(demo["audit_actions"], dtype=str)
    assert set(actions["audit_id"]) <= set(audits["audit_id"]) and actions["action_id"].is_unique
    reaudits = audits.dropna(subset=["reaudit_of"])
    earlier = audits.set_index("audit_id").loc[reaudits["reaudit_of"]]
    assert len(reaudits) > 20
    assert (earlier["child_id"].to_numpy() == reaudits["child_id"].to_numpy()).all()
    assert (earlier["audit_date"].to_numpy() <= reaudits["audit_date"].to_numpy()).all()


# --- issue 12: early help, adoption and front-door decisions ------------------------------


def test_front_door_lists_leave_the_other_inputs_as_they_were(drawn, monkeypatch):
    """The new lists come from a random stream of their own: without them every other input is drawn the same."""
    import readiness.demo.council as council

    monkeypatch.setattr(council, "frontdoor_extras", lambda seed, sc, journey: ({}, pd.DataFrame({"contact_id": []})))
    lists, extracts = northbridge(2019, scale_named("standard"))
    for key in ("case_audits", "strategy_meetings", "workforce", "supervision", "audit_actions"):
        assert extracts[key].equals(drawn[1][key]), key
    assert set(lists) == set(LISTS) - {"List 2", "List 10", "List 11"}
    assert all(frame.equals(drawn[0][name]) for name, frame in lists.items())


def test_front_door_decisions_mostly_carry_times_and_improve(demo):
    decisions = pd.read_csv(demo["front_door_decisions"], dtype=str, keep_default_na=False)
    timed = decisions["received"].str.len() > 10
    assert 0.8 < timed.mean() < 0.98  # most rows carry a time, not all
    received = pd.to_datetime(decisions["received"], format="mixed")
    decided = pd.to_datetime(decisions["decided"].replace("", None), format="mixed")
    both = timed & (decisions["decided"].str.len() > 10)
    fast = (decided - received <= pd.Timedelta(hours=24))[both]
    first, last = received[both] < "2024-04-01", received[both] >= "2025-04-01"
    assert fast[first].mean() < 0.72 < fast[last].mean()  # within 24 hours: about 60 % rising to about 85 %
    assert decisions["decided"].eq("").sum() > 0 and set(decisions["outcome"]) >= {"nfa", "referral", "early_help"}


def test_adoption_lists_are_consistent(annex):
    children, adopters = annex["List 10"], annex["List 11"]
    decided = children["Date of Decision that Child Should be Placed for Adoption"]
    assert (children["Date the Child Entered Care"] < decided).all()
    adopted = children.filter(like="Date of Adoption Order").iloc[:, 0]
    assert (adopted.dropna() > children["Date Placed for Adoption"].dropna().min()).all()
    couples = adopters["Family identifier"].dropna().value_counts()
    assert (couples == 2).all() and len(couples) > 10
    refused = adopters["Reason for leaving adoption process"].fillna("").str.startswith("3")
    assert adopters.loc[refused, "Date application approved"].isna().all()


def test_the_demo_plan_is_the_hand_written_register_and_reads_without_errors(demo, tmp_path):
    findings, actions = pd.read_csv(demo["findings"]), pd.read_csv(demo["improvement_actions"])
    assert findings["source"].unique().tolist() == ["ILACS 2024", "Monitoring visit 2025-04", "Monitoring visit 2025-07"]
    assert set(actions["finding_id"]) <= set(findings["finding_id"])
    # as at 30 September 2025: A18 (due 30 June, not started) is the one overdue action, A11 the one off track
    assert actions.loc[actions["status"] == "off_track", "action_id"].tolist() == ["A11"]
    _, found = read(tmp_path, findings=demo["findings"], improvement_actions=demo["improvement_actions"])
    assert found.errors == []


def test_demo_data_of_an_earlier_version_gets_the_plan_added_and_keeps_the_rest(demo, tmp_path):
    shutil.copytree(demo["annex_a"].parent, tmp_path / "demo")  # the data set as this version writes it, then made older
    paths = {key: tmp_path / "demo" / path.relative_to(demo["annex_a"].parent) for key, path in demo.items()}
    for key in ("findings", "improvement_actions"):
        paths[key].unlink()
    kept = paths["case_audits"].stat().st_mtime_ns
    again = write_demo_data(tmp_path / "demo")
    assert again["findings"].exists() and again["improvement_actions"].exists()
    assert paths["case_audits"].stat().st_mtime_ns == kept
