"""The improvement plan's two extracts (``readiness.inputs.plan``): read, and their ids checked (exit status 2)."""

from __future__ import annotations

import pytest
from conftest import run_readiness
from openpyxl import load_workbook
from test_readers import read, write_extracts, write_params

from readiness.inputs.plan import headline_of, is_figure, names_in
from readiness.inputs.templates import write_templates

FINDINGS = """finding_id,source,source_date,area,priority,wording,figures,audit_domains,themes
F1,ILACS 2024,2024-12-13,front_door,Y,"Thresholds are not applied consistently at the front door.",referrals.rereferral_share;frontdoor.monthly.decided_within_one_working_day_share,,
F2,Monitoring visit 2025-06,2025-06-20,leaders,N,"Management oversight is not evident on case files.",,management_oversight,management_oversight
"""
ACTIONS = """action_id,finding_id,action,owner_role,due_date,completed_date,status
A1,F1,Agree thresholds with partners,head_of_service,2025-03-31,2025-03-20,on_track
A2,F1,Audit MASH decisions monthly,service_manager,2025-06-30,,Off track
A3,F2,Supervision template records oversight,principal_social_worker,,,
"""


def plan(tmp_path, findings=FINDINGS, actions=ACTIONS):
    paths = write_extracts(tmp_path / "plan", {"findings": findings, "improvement_actions": actions} if actions else {"findings": findings})
    return read(tmp_path, **paths)


def lines(found) -> list[str]:
    return [problem.describe() for problem in found.errors]


def test_names_in_a_cell_are_split_on_semicolons_without_blanks_or_repeats():
    assert names_in(" a ; b;;a ") == ["a", "b"]
    assert names_in(None) == [] and names_in(float("nan")) == []


def test_a_monthly_series_names_its_headline_figure():
    assert headline_of("referrals.monthly.rereferral_share") == "referrals.rereferral_share"
    assert headline_of("audits.routine.monthly.good_or_better_share") == "audits.routine.good_or_better_share"
    assert is_figure("referrals.monthly.rereferral_share") and is_figure("audits.domain_good_or_better_share.voice_of_child")
    assert not is_figure("referrals.monthly.nonsense") and not is_figure("nonsense")


def test_the_plan_is_read_and_a_completed_date_means_complete(tmp_path):
    inputs, found = plan(tmp_path)
    assert found.errors == []
    assert inputs.findings["finding_id"].tolist() == ["F1", "F2"]
    assert inputs.findings["priority"].tolist() == [True, False]
    # A1 says on_track but has a completed date; A2's "Off track" is a spelling of off_track; A3 has none
    assert inputs.improvement_actions["status"].fillna("blank").tolist() == ["complete", "off_track", "blank"]
    assert str(inputs.improvement_actions["due_date"].iloc[0].date()) == "2025-03-31"


def test_an_unknown_figure_id_is_an_error_naming_it_its_row_and_column(tmp_path):
    _, found = plan(tmp_path, FINDINGS.replace("referrals.rereferral_share", "referrals.re_referrals"))
    assert lines(found) == [
        "findings.csv, row 2, column 'figures': 'referrals.re_referrals' is not a figure id of the pack "
        "(a pack's figures.xlsx lists them, in its first column)"
    ]


def test_an_action_for_a_finding_not_in_findings_is_an_error_naming_it(tmp_path):
    _, found = plan(tmp_path, actions=ACTIONS.replace("A3,F2", "A3,F9"))
    assert lines(found) == ["improvement_actions.csv, row 4, column 'finding_id': finding 'F9' is not in findings.csv"]


def test_actions_without_findings_are_an_error(tmp_path):
    paths = write_extracts(tmp_path / "plan", {"improvement_actions": ACTIONS})
    _, found = read(tmp_path, **paths)
    assert lines(found) == [
        "improvement_actions.csv: improvement actions are given without findings: give data.findings too (each action addresses a finding)"
    ]


def test_an_id_given_twice_is_an_error_naming_its_first_row(tmp_path):
    _, found = plan(tmp_path, FINDINGS.replace("F2,", "F1,", 1), ACTIONS.replace("A3,F2", "A1,F1"))
    assert lines(found) == [
        "findings.csv, row 3, column 'finding_id': finding 'F1' is given twice (first in row 2): ids must be unique",
        "improvement_actions.csv, row 4, column 'action_id': action 'A1' is given twice (first in row 2): ids must be unique",
    ]


def test_an_unreadable_status_is_a_warning_and_reads_blank(tmp_path):
    more = "".join(f"A{n},F2,Another action,,,,on_track\n" for n in range(10, 20))  # 1 unreadable of 12: under the 10 % rule
    inputs, found = plan(tmp_path, actions=ACTIONS.replace(",on_track", ",nearly") + more)
    assert found.errors == []
    [warning] = [w for w in found.warnings if w.column == "status"]
    assert (warning.file, warning.row) == ("improvement_actions.csv", 2)
    assert inputs.improvement_actions["status"].iloc[0] == "complete"  # its completed date still makes it complete


def test_templates_are_written_for_the_findings_and_the_plan(tmp_path):
    write_templates(tmp_path)
    findings = load_workbook(tmp_path / "findings.xlsx")
    assert [c.value for c in findings["data"][1]] == [
        "finding_id",
        "source",
        "source_date",
        "area",
        "priority",
        "wording",
        "figures",
        "audit_domains",
        "themes",
    ]
    actions = load_workbook(tmp_path / "improvement_actions.xlsx")
    assert [c.value for c in actions["data"][1]] == [
        "action_id",
        "finding_id",
        "action",
        "owner_role",
        "due_date",
        "completed_date",
        "status",
    ]
    guide = {row[0].value: row[3].value for row in actions["columns"].iter_rows(min_row=2)}
    assert "never published" in guide["action"] and "a role, never a name" in guide["owner_role"]


@pytest.mark.parametrize("cell, text", [('"=HYPERLINK(""https://x"")"', '=HYPERLINK("https://x")'), ("<b>Bold</b>", "<b>Bold</b>")])
def test_wording_is_kept_as_the_text_it_is(tmp_path, cell, text):
    inputs, found = plan(tmp_path, FINDINGS.replace('"Management oversight is not evident on case files."', cell))
    assert found.errors == []
    assert inputs.findings["wording"].iloc[1] == text


def test_validate_stops_with_exit_status_2_and_one_line_per_problem(tmp_path):
    paths = write_extracts(
        tmp_path / "plan",
        {"findings": FINDINGS.replace("referrals.rereferral_share", "nonsense"), "improvement_actions": ACTIONS.replace("A3,F2", "A3,F9")},
    )
    result = run_readiness(["validate", str(write_params(tmp_path, **paths))])
    assert result.returncode == 2
    assert "findings.csv, row 2, column 'figures': 'nonsense' is not a figure id of the pack" in result.stderr + result.stdout
    assert "improvement_actions.csv, row 4, column 'finding_id': finding 'F9' is not in findings.csv" in result.stderr + result.stdout
