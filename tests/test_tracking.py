"""The case-tracking workbook: written for a sample, filled in as an auditor would, read back into the next pack."""
import json
from datetime import date

import openpyxl
import pandas as pd
import pytest
import yaml
from conftest import demo_parameters

from readiness.config.params import load_params
from readiness.errors import InputError, OutputError
from readiness.inputs.bundle import Inputs
from readiness.inputs.read import read_inputs
from readiness.mock.journey import journeys
from readiness.mock.readback import read_back
from readiness.mock.tracking import write_tracking_workbook

SNAPSHOT = date(2019, 3, 31)
PLANTED = "Ask Mrs Zebedee Quartermaine to ring"


def inputs() -> Inputs:
    referrals = pd.DataFrame(
        {"child_id": ["A", "B"], "referral_date": pd.to_datetime(["2019-01-05", "2019-02-01"]), "team": ["North", "=cmd|' /C calc'!A0"], "worker": ["w1", None]}
    )
    plans = pd.DataFrame({"child_id": ["A"], "cp_start": pd.to_datetime(["2019-01-20"]), "cp_end": pd.NaT, "last_visit": pd.to_datetime(["2019-03-01"]), "latest_review": pd.NaT, "team": ["North"], "worker": ["w1"]})
    return Inputs(annex_a={"list_3": referrals, "list_7": plans})


def sample() -> pd.DataFrame:
    return pd.DataFrame({"child_id": ["A", "B"], "drawn_for": ["second_plan", "random"], "reasons": ["second or later child protection plan", "random remainder"], "team": ["North", "South"], "lists": ["3, 7", "3"]})


def test_journey_runs_across_lists_in_date_order():
    events = journeys(inputs(), pd.Series(["A"]), SNAPSHOT)
    assert events[["list", "event"]].values.tolist() == [
        ["List 3", "Referral"],
        ["List 7", "Child protection plan started"],
        ["List 7", "Last statutory visit"],
    ]


def test_workbook_writes_formula_like_input_as_text(tmp_path):
    path = write_tracking_workbook(tmp_path / "t.xlsx", sample(), inputs(), "demo", 7, SNAPSHOT)
    sheet = openpyxl.load_workbook(path)["Case 02"]
    cell = next(c for row in sheet.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("=cmd"))
    assert cell.data_type == "s"


def fill(path, audit_rows: dict[str, dict], actions: dict[str, list[list]]) -> None:
    """Fill in case sheets as an auditor would: the audit row's cells by heading, then action lines."""
    workbook = openpyxl.load_workbook(path)
    for name, values in audit_rows.items():
        sheet = workbook[name]
        rows = list(sheet.iter_rows())
        mark = next(i for i, row in enumerate(rows) if str(row[0].value).startswith("Case audit"))
        headings = [c.value for c in rows[mark + 1]]
        for heading, value in values.items():
            rows[mark + 2][headings.index(heading)].value = value
        first_action = mark + 6  # mark, headings, audit row, blank, actions mark, action headings
        for offset, (due, done, theme, wording) in enumerate(actions.get(name, [])):
            for column, value in zip(range(2, 6), (due, done, theme, wording)):
                rows[first_action + offset][column].value = value
    workbook.save(path)


def test_completed_workbook_reads_back_as_the_two_extracts(tmp_path):
    path = write_tracking_workbook(tmp_path / "t.xlsx", sample(), inputs(), "demo", 7, SNAPSHOT)
    fill(path, {"Case 01": {"audit_date": date(2019, 3, 10), "worker_participated": "Y", "grade": "Requires improvement", "domain_planning": "inadequate"}},
         {"Case 01": [[date(2019, 3, 20), date(2019, 3, 19), "planning", PLANTED]]})
    written = read_back(path)
    audits = pd.read_excel(written["case_audits"], dtype=str, engine="calamine")
    actions = pd.read_excel(written["audit_actions"], dtype=str, engine="calamine")
    # Case 02 was not audited, so only Case 01's audit and its one filled action line come back
    assert audits[["audit_id", "child_id", "audit_type", "worker_participated", "grade"]].values.tolist() == [["MOCK-demo-7-01", "A", "mock_inspection", "Y", "requires_improvement"]]
    assert actions[["action_id", "audit_id", "theme"]].values.tolist() == [["MOCK-demo-7-01-A1", "MOCK-demo-7-01", "planning"]]


def test_an_unreadable_grade_is_an_error_naming_sheet_row_and_column(tmp_path):
    path = write_tracking_workbook(tmp_path / "t.xlsx", sample(), inputs(), "demo", 7, SNAPSHOT)
    fill(path, {"Case 02": {"audit_date": date(2019, 3, 10), "worker_participated": "Y", "grade": "superb"}}, {})
    with pytest.raises(InputError, match=r"t.xlsx, sheet Case 02, row \d+, column 'grade': .*cannot be read.*found 'superb'"):
        read_back(path)


def test_an_action_whose_audit_is_unknown_is_a_warning_and_left_out(tmp_path):
    audits = tmp_path / "audits.csv"
    audits.write_text("audit_id,child_id,audit_date,team,worker_participated,grade\nA1,C1,2019-01-10,North,Y,good\n", encoding="utf-8")
    actions = tmp_path / "actions.csv"
    actions.write_text("action_id,audit_id,due_date\nX1,A1,2019-02-01\nX2,NOPE,2019-02-01\n", encoding="utf-8")
    params = tmp_path / "p.yaml"
    params.write_text(yaml.safe_dump({"pack_id": "t", "la_name": "T", "period_start": "2019-01-01", "period_end": "2019-03-31", "data": {"case_audits": str(audits), "audit_actions": str(actions)}}))
    loaded, findings = read_inputs(load_params(params))
    assert loaded.audit_actions["action_id"].tolist() == ["X1"]
    assert [w.describe() for w in findings.warnings] == ["actions.csv, row 3, column 'audit_id': audit_id names no audit in case_audits; the action is left out"]


@pytest.mark.slow
def test_a_completed_workbook_reaches_the_next_packs_figures_and_no_action_wording_does(tmp_path, demo_data):
    from readiness.pack.build import build

    path = write_tracking_workbook(tmp_path / "t.xlsx", sample(), inputs(), "demo", 7, SNAPSHOT)
    # the two mock audits (dated in the demo period); one weak with an action due before the period end, never done
    fill(path, {"Case 01": {"audit_date": date(2025, 9, 1), "worker_participated": "Y", "grade": "inadequate"},
                "Case 02": {"audit_date": date(2025, 9, 2), "worker_participated": "N", "grade": "good"}},
         {"Case 01": [[date(2025, 9, 10), None, "planning", PLANTED]]})
    data = {"case_audits": str(demo_data / "case_audits.csv"), "audit_actions": str(demo_data / "audit_actions.csv")}
    figures = {}
    for name, extra in (("before", {}), ("after", {"case_tracking": str(path)})):
        params = tmp_path / f"{name}.yaml"
        params.write_text(yaml.safe_dump(demo_parameters({**data, **extra}) | {"audience": "internal"}), encoding="utf-8")
        build(params, tmp_path / name)
        figures[name] = json.loads((tmp_path / name / "figures.json").read_text(encoding="utf-8"))["figures"]
        for board in ("index.html", "figures.json"):
            assert "Quartermaine" not in (tmp_path / name / board).read_text(encoding="utf-8")
    before, after = figures["before"], figures["after"]
    assert after["audits.count"] == before["audits.count"] + 2
    assert after["actions.count"] == before["actions.count"] + 1
    assert after["actions.overdue_count"] == before["actions.overdue_count"] + 1  # due 10 Sept, not done by 30 Sept


def completed(tmp_path):
    """A small case-tracking workbook with Case 01 audited (one action) and read back once."""
    path = write_tracking_workbook(tmp_path / "t.xlsx", sample(), inputs(), "demo", 7, SNAPSHOT)
    fill(path, {"Case 01": {"audit_date": date(2019, 3, 10), "worker_participated": "Y", "grade": "good"}},
         {"Case 01": [[date(2019, 3, 20), None, "planning", "x"]]})
    return path, read_back(path)


def test_read_back_again_replaces_its_own_unchanged_files(tmp_path):
    path, written = completed(tmp_path)
    fill(path, {"Case 02": {"audit_date": date(2019, 3, 11), "worker_participated": "N", "grade": "inadequate"}}, {})
    again = read_back(path)
    assert again == written
    assert pd.read_excel(again["case_audits"], dtype=str, engine="calamine")["audit_id"].tolist() == ["MOCK-demo-7-01", "MOCK-demo-7-02"]


def test_read_back_never_writes_over_an_edited_extract_or_a_file_it_did_not_write(tmp_path):
    path, written = completed(tmp_path)
    edited = openpyxl.load_workbook(written["case_audits"])
    edited["data"]["A2"] = "MY-OWN-ID"
    edited.save(written["case_audits"])
    written["audit_actions"].write_bytes(b"pack_id: mine\n")  # not a workbook at all: someone's own file
    kept = {name: p.read_bytes() for name, p in written.items()}
    with pytest.raises(OutputError) as refused:
        read_back(path)
    assert [line.split(":")[0] for line in refused.value.lines()] == [str(written["case_audits"]), str(written["audit_actions"])]
    assert {name: p.read_bytes() for name, p in written.items()} == kept


def test_a_marked_file_opened_and_saved_unchanged_is_still_read_backs_own(tmp_path):
    path, written = completed(tmp_path)
    workbook = openpyxl.load_workbook(written["case_audits"])
    workbook.save(written["case_audits"])  # as Excel would on "Save" with nothing changed
    assert read_back(path) == written
