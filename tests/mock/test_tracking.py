"""The case-tracking workbook: written for a sample, filled in as an auditor would, read back into the next pack."""

import json
from datetime import date

import openpyxl
import pandas as pd
import pytest
import yaml
from casebook import fill
from conftest import demo_parameters, run_readiness

from readiness.config.params import load_params
from readiness.errors import InputError
from readiness.inputs.bundle import Inputs
from readiness.inputs.read import read_inputs
from readiness.mock.journey import journeys
from readiness.mock.readback import read_back
from readiness.mock.tracking import write_tracking_workbook

SNAPSHOT = date(2019, 3, 31)
PLANTED = "Ask Mrs Zebedee Quartermaine to ring"


def inputs() -> Inputs:
    referrals = pd.DataFrame(
        {
            "child_id": ["A", "B"],
            "referral_date": pd.to_datetime(["2019-01-05", "2019-02-01"]),
            "team": ["North", "=cmd|' /C calc'!A0"],
            "worker": ["w1", None],
        }
    )
    plans = pd.DataFrame(
        {
            "child_id": ["A"],
            "cp_start": pd.to_datetime(["2019-01-20"]),
            "cp_end": pd.NaT,
            "last_visit": pd.to_datetime(["2019-03-01"]),
            "latest_review": pd.NaT,
            "team": ["North"],
            "worker": ["w1"],
        }
    )
    return Inputs(annex_a={"list_3": referrals, "list_7": plans})


def sample() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "child_id": ["A", "B"],
            "drawn_for": ["second_plan", "random"],
            "reasons": ["second or later child protection plan", "random remainder"],
            "team": ["North", "South"],
            "lists": ["3, 7", "3"],
        }
    )


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


def test_completed_workbook_reads_back_as_the_two_extracts(tmp_path):
    path = write_tracking_workbook(tmp_path / "t.xlsx", sample(), inputs(), "demo", 7, SNAPSHOT)
    fill(
        path,
        {
            "Case 01": {
                "audit_date": date(2019, 3, 10),
                "worker_participated": "Y",
                "grade": "Requires improvement",
                "domain_planning": "inadequate",
            }
        },
        {"Case 01": [[date(2019, 3, 20), date(2019, 3, 19), "planning", PLANTED]]},
    )
    written, _ = read_back(path)
    audits = pd.read_excel(written["case_audits"], dtype=str, engine="calamine")
    actions = pd.read_excel(written["audit_actions"], dtype=str, engine="calamine")
    # Case 02 was not audited, so only Case 01's audit and its one filled action line come back
    assert audits[["audit_id", "child_id", "audit_type", "worker_participated", "grade"]].values.tolist() == [
        ["MOCK-demo-7-01", "A", "mock_inspection", "Y", "requires_improvement"]
    ]
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
    params.write_text(
        yaml.safe_dump(
            {
                "pack_id": "t",
                "la_name": "T",
                "period_start": "2019-01-01",
                "period_end": "2019-03-31",
                "data": {"case_audits": str(audits), "audit_actions": str(actions)},
            }
        )
    )
    loaded, findings = read_inputs(load_params(params))
    assert loaded.audit_actions["action_id"].tolist() == ["X1"]
    assert [w.describe() for w in findings.warnings] == [
        "actions.csv, row 3, column 'audit_id': audit_id names no audit in case_audits; the action is left out"
    ]


@pytest.mark.slow
def test_a_completed_workbook_reaches_the_next_packs_figures_and_no_action_wording_does(tmp_path, demo_data):
    from readiness.pack.build import build

    path = write_tracking_workbook(tmp_path / "t.xlsx", sample(), inputs(), "demo", 7, SNAPSHOT)
    # the two mock audits (dated in the demo period); one weak with an action due before the period end, never done
    fill(
        path,
        {
            "Case 01": {"audit_date": date(2025, 9, 1), "worker_participated": "Y", "grade": "inadequate"},
            "Case 02": {"audit_date": date(2025, 9, 2), "worker_participated": "N", "grade": "good"},
        },
        {"Case 01": [[date(2025, 9, 10), None, "planning", PLANTED]]},
    )
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
    fill(
        path,
        {"Case 01": {"audit_date": date(2019, 3, 10), "worker_participated": "Y", "grade": "good"}},
        {"Case 01": [[date(2019, 3, 20), None, "planning", "x"]]},
    )
    return path, read_back(path)[0]


def test_read_back_again_replaces_its_own_unchanged_files(tmp_path):
    path, written = completed(tmp_path)
    fill(path, {"Case 02": {"audit_date": date(2019, 3, 11), "worker_participated": "N", "grade": "inadequate"}}, {})
    again, _ = read_back(path)
    assert again == written
    assert pd.read_excel(again["case_audits"], dtype=str, engine="calamine")["audit_id"].tolist() == ["MOCK-demo-7-01", "MOCK-demo-7-02"]


def test_read_back_never_writes_over_an_edited_extract_or_a_file_it_did_not_write(tmp_path):
    path, written = completed(tmp_path)
    edited = openpyxl.load_workbook(written["case_audits"])
    edited["data"]["A2"] = "MY-OWN-ID"
    edited.save(written["case_audits"])
    written["audit_actions"].write_bytes(b"pack_id: mine\n")  # not a workbook at all: someone's own file
    kept = {name: p.read_bytes() for name, p in written.items()}
    refused = run_readiness(["sample", "--read-back", str(path)])
    assert refused.returncode == 2
    assert refused.stderr.splitlines() == [
        f"error: {written[name]}: was not written by read-back, or was changed since; it was left as it is (move it away and read back again)"
        for name in ("case_audits", "audit_actions")
    ]
    assert {name: p.read_bytes() for name, p in written.items()} == kept


def test_a_marked_file_opened_and_saved_unchanged_is_still_read_backs_own(tmp_path):
    path, written = completed(tmp_path)
    workbook = openpyxl.load_workbook(written["case_audits"])
    workbook.save(written["case_audits"])  # as Excel would on "Save" with nothing changed
    assert read_back(path)[0] == written


def test_grades_a_concern_and_checks_read_back_as_four_extracts_with_what_was_read(tmp_path):
    path = write_tracking_workbook(tmp_path / "t.xlsx", sample(), inputs(), "demo", 7, SNAPSHOT)
    fill(
        path,
        {
            "Case 01": {
                "audit_date": date(2019, 3, 10),
                "worker_participated": "Y",
                "grade": "good",
                "moderated_grade": "Requires improvement",
            }
        },
        {},
        concerns={
            "Case 01": {
                "immediate_concern": "Y",
                "escalated_to": "service_manager",
                "raised_date": date(2019, 3, 10),
                "responded_date": date(2019, 3, 12),
            },
            "Case 02": {"immediate_concern": "N"},
        },  # Case 02: no concern, and not audited yet
        checks={"Case 01": {"visits_in_timescale": "Y", "chronology_up_to_date": "no"}},
    )
    written, counts = read_back(path)
    assert counts == {"children": 2, "audits": 1, "actions": 0, "concerns": 1, "blank cases": 1}
    assert sorted(written) == ["audit_actions", "audit_checks", "case_audits", "immediate_concerns"]
    audits = pd.read_excel(written["case_audits"], dtype=str, engine="calamine")
    assert audits[["audit_id", "grade", "moderated_grade", "audit_type"]].values.tolist() == [
        ["MOCK-demo-7-01", "good", "requires_improvement", "mock_inspection"]
    ]
    concerns = pd.read_excel(written["immediate_concerns"], dtype=str, engine="calamine")
    assert concerns.columns.tolist() == ["child_id", "audit_id", "raised_date", "escalated_to", "responded_date"]
    assert concerns.values.tolist() == [["A", "MOCK-demo-7-01", "2019-03-10 00:00:00", "service_manager", "2019-03-12 00:00:00"]]
    checks = pd.read_excel(written["audit_checks"], dtype=str, engine="calamine").fillna("")
    assert checks.values.tolist() == [["MOCK-demo-7-01", "Y", "N", "", "", ""]]


def test_the_workbook_reads_in_excel_drop_downs_and_widths(tmp_path):
    path = write_tracking_workbook(tmp_path / "t.xlsx", sample(), inputs(), "demo", 7, SNAPSHOT)
    sheet = openpyxl.load_workbook(path)["Case 01"]
    headings = {c.value: c.column_letter for row in sheet.iter_rows() for c in row if isinstance(c.value, str)}
    lists = {str(dv.sqref): dv.formula1 for dv in sheet.data_validations.dataValidation}
    row = next(c.row for r in sheet.iter_rows() for c in r if c.value == "Council auditor's grade") + 1
    grade_rule = next(f for cells, f in lists.items() if f"{headings['Council auditor' + chr(39) + 's grade']}{row}" in cells)
    assert grade_rule == '"outstanding,good,requires_improvement,inadequate"'
    assert any(f"{headings['Mock inspector' + chr(39) + 's grade']}{row}" in cells for cells, f in lists.items() if f == grade_rule)
    assert any(f"{headings['genogram']}" in cells for cells, f in lists.items() if f == '"Y,N"')
    assert all(sheet.column_dimensions[letter].width >= 12 for letter in "ABCDEFGHIJ")


def test_audits_actions_and_concerns_after_the_period_end_are_a_warning_not_lost(tmp_path):
    audits = tmp_path / "audits.csv"
    audits.write_text(
        "audit_id,child_id,audit_date,team,worker_participated,grade\nA1,C1,2019-03-29,North,Y,good\nA2,C2,2019-04-02,North,Y,good\nA3,C3,2019-04-03,North,N,good\n",
        encoding="utf-8",
    )
    actions = tmp_path / "actions.csv"
    actions.write_text("action_id,audit_id,due_date\nX1,A1,2019-04-10\nX2,A2,2019-04-20\n", encoding="utf-8")
    concerns = tmp_path / "concerns.csv"
    concerns.write_text("child_id,raised_date,responded_date\nC1,2019-03-30,\nC2,2019-04-01,2019-04-02\n", encoding="utf-8")
    params = tmp_path / "p.yaml"
    data = {"case_audits": str(audits), "audit_actions": str(actions), "immediate_concerns": str(concerns)}
    params.write_text(
        yaml.safe_dump({"pack_id": "t", "la_name": "T", "period_start": "2019-01-01", "period_end": "2019-03-31", "data": data})
    )
    _, findings = read_inputs(load_params(params))
    assert [w.describe() for w in findings.warnings] == [
        "audits.csv: 2 audits dated after the period end (31 March 2019): they count in the next pack",
        "actions.csv: 1 action of an audit dated after the period end (31 March 2019): it counts in the next pack",
        "concerns.csv: 1 immediate concern dated after the period end (31 March 2019): it counts in the next pack",
    ]


@pytest.mark.slow
def test_a_filled_workbook_gives_the_next_packs_mock_figures(tmp_path):
    """Two cases audited (council's and inspector's grades, a concern, checks, an action), read into a pack by hand."""
    from readiness.pack.build import build

    path = write_tracking_workbook(tmp_path / "t.xlsx", sample(), inputs(), "demo", 7, SNAPSHOT)
    fill(
        path,
        {
            "Case 01": {
                "audit_date": date(2025, 9, 1),
                "worker_participated": "Y",
                "grade": "good",
                "moderated_grade": "requires_improvement",
                "domain_planning": "inadequate",
            },
            "Case 02": {
                "audit_date": date(2025, 9, 2),
                "worker_participated": "N",
                "grade": "requires_improvement",
                "moderated_grade": "requires_improvement",
                "domain_voice_of_child": "requires_improvement",
            },
        },
        {"Case 01": [[date(2025, 9, 10), None, "planning", PLANTED]]},
        concerns={
            "Case 01": {
                "immediate_concern": "Y",
                "escalated_to": "service_manager",
                "raised_date": date(2025, 9, 1),
                "responded_date": date(2025, 9, 4),
            },
            "Case 02": {"immediate_concern": "N"},
        },
        checks={
            "Case 01": {"visits_in_timescale": "Y", "chronology_up_to_date": "N", "genogram": "Y"},
            "Case 02": {"visits_in_timescale": "N"},
        },
    )
    params = tmp_path / "p.yaml"
    params.write_text(
        yaml.safe_dump(
            {
                "pack_id": "t",
                "la_name": "T",
                "period_start": "2024-10-01",
                "period_end": "2025-09-30",
                "audience": "internal",
                "data": {"case_tracking": str(path)},
            }
        ),
        encoding="utf-8",
    )
    build(params, tmp_path / "pack")
    figures = json.loads((tmp_path / "pack" / "figures.json").read_text(encoding="utf-8"))["figures"]
    assert figures["audits.count"] == 2
    assert figures["audits.mock.agreement_share"] == 0.5  # Case 02 agreed; Case 01 the council graded better
    assert figures["audits.mock.over_graded_share"] == 0.5
    assert figures["audits.good_or_better_share"] == 0.0  # final grades: the inspector's, both requires improvement
    assert figures["mock.immediate_concerns_count"] == 1 and figures["mock.immediate_concerns_open_count"] == 0
    assert figures["mock.immediate_concern_response_days_median"] == 3  # 1 to 4 September
    assert figures["mock.checks_met_share.visits_in_timescale"] == 0.5
    assert figures["mock.checks_met_share.chronology_up_to_date"] == 0.0
    assert figures["mock.checks_met_share.genogram"] == 1.0
    assert figures["mock.checks_met_share.current_plan"] is None
    assert figures["actions.count"] == 1 and figures["actions.overdue_count"] == 1  # due 10 September, never done
    assert figures["actions.weak_domains_without_action_count"] == 1  # Case 02's voice of the child; Case 01's planning has its action
    assert figures["audits.weak_reaudited_share"] is None  # no weak audit 56 days before the period end
    assert "Quartermaine" not in (tmp_path / "pack" / "index.html").read_text(encoding="utf-8")


def test_a_mock_audit_without_the_councils_grade_counts_only_in_the_mock_figures(tmp_path):
    path = write_tracking_workbook(tmp_path / "t.xlsx", sample(), inputs(), "demo", 7, SNAPSHOT)
    fill(
        path,
        {
            "Case 01": {"audit_date": date(2019, 3, 10), "worker_participated": "Y", "moderated_grade": "good"},
            "Case 02": {"audit_date": date(2019, 3, 11), "worker_participated": "Y", "grade": "good"},
        },
        {},
        checks={"Case 01": {"genogram": "Y"}},
    )
    params = tmp_path / "p.yaml"
    params.write_text(
        yaml.safe_dump(
            {"pack_id": "t", "la_name": "T", "period_start": "2019-01-01", "period_end": "2019-03-31", "data": {"case_tracking": str(path)}}
        )
    )
    loaded, findings = read_inputs(load_params(params))
    assert loaded.case_audits["audit_id"].tolist() == ["MOCK-demo-7-02"]
    assert loaded.mock_only_audits["audit_id"].tolist() == ["MOCK-demo-7-01"]
    assert loaded.audit_checks["audit_id"].tolist() == ["MOCK-demo-7-01"]  # its checks still count
    # the audit row is row 14: the journey (3 events, rows 8-10), a blank row, the mark, the headings
    assert [w.describe() for w in findings.warnings if "council" in w.message] == [
        "t.xlsx, sheet Case 01, row 14, column 'grade': a mock audit with no council auditor's grade: it counts only in the mock-inspection figures"
    ]
