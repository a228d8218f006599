"""Realistic faults, one at a time, in the parameters file, Annex A and the local extracts.

Each error must name the file, the sheet or list, the Excel row (header = row 1, so the
first data row is 2) and the column, and count the further rows like it. Each warning must
be listed with its count, and its row left out only where the input contract says so.
The clean data and builders are those of ``test_readers.py``; every case changes one thing.
"""

from __future__ import annotations

import copy

import pandas as pd
import pytest
import yaml
from test_readers import EXTRACTS, LISTS, load, read, write_csv_folder, write_extracts, write_params, write_workbook

from readiness.config.params import load_params
from readiness.errors import InputError, ParametersError, Problem
from readiness.inputs.read import read_inputs
from readiness.inputs.validate import format_report, validate


def lists_with(changes: dict[tuple[int, int, str], str] = (), extra: dict[int, list[list[str]]] = ()) -> dict:
    """The clean lists with cells changed (``(list, row index, heading) → value``) and rows added."""
    lists = copy.deepcopy(LISTS)
    for (number, index, heading), value in dict(changes).items():
        headings, rows = lists[number]
        rows[index][headings.index(heading)] = value
    for number, rows in dict(extra).items():
        lists[number][1].extend(rows)
    return lists


def annex(tmp_path, lists, **more) -> tuple:
    """Read a workbook of ``lists`` (text dates) with the clean extracts: (inputs, findings)."""
    workbook = write_workbook(tmp_path / "annex_a.xlsx", lists, excel_dates=False)
    return read(tmp_path, annex_a=workbook, **write_extracts(tmp_path / "extracts"), **more)


def extract(tmp_path, name: str, text: str, **more) -> tuple:
    """Read the clean extracts with ``name`` replaced by ``text``: (inputs, findings)."""
    paths = write_extracts(tmp_path / "extracts", {**EXTRACTS, name: text})
    return read(tmp_path, **paths, **more)


def one(problems: list[Problem], column: str | None) -> Problem:
    """The only problem about ``column``."""
    found = [p for p in problems if p.column == column]
    assert len(found) == 1, problems
    return found[0]


def assert_located(problem: Problem, file: str, sheet: str | None, row: int | None, column: str | None, more: int = 0):
    """The problem, and the line a user reads, name file, sheet, row and column."""
    assert (problem.file, problem.sheet, problem.row, problem.column, problem.more) == (file, sheet, row, column, more)
    line = problem.describe()
    assert file in line and (sheet is None or f"sheet {sheet}" in line)
    assert (row is None or f"row {row}" in line) and (column is None or f"column '{column}'" in line)


# --- the parameters file (already checked by readiness.config.params) --------------------------


@pytest.mark.parametrize(
    "change, words",
    [
        ({"perid_end": "2019-05-31"}, "perid_end: unknown key"),
        ({"suppress_up_to": "five"}, "suppress_up_to"),
        ({"la_name": None}, "la_name: required key is missing"),
        ({"data": {"case_audits": "nowhere.csv"}}, "data.case_audits: file not found"),
        ({"period_end": "2018-12-31"}, "period_end: is before period_start"),
    ],
    ids=["unknown key", "wrong type", "missing required key", "missing file", "end before start"],
)
def test_parameters_faults_name_the_key(tmp_path, change, words):
    path = write_params(tmp_path)
    document = yaml.safe_load(path.read_text())
    document.update(change)
    document = {k: v for k, v in document.items() if v is not None}
    path.write_text(yaml.safe_dump(document))
    with pytest.raises(ParametersError) as caught:
        load_params(path)
    assert any(words in line for line in caught.value.lines()), caught.value.lines()


# --- errors: files, lists, columns -------------------------------------------------------


def test_unreadable_workbook_is_an_error(tmp_path):
    (tmp_path / "annex_a.xlsx").write_bytes(b"this is not a zip file")
    _, findings = read(tmp_path, annex_a=tmp_path / "annex_a.xlsx")
    assert_located(findings.errors[0], "annex_a.xlsx", None, None, None)
    assert "cannot be read as an Excel workbook" in findings.errors[0].message


def test_annex_a_of_another_kind_is_an_error(tmp_path):
    (tmp_path / "annex_a.pdf").write_bytes(b"%PDF-1.4")
    _, findings = read(tmp_path, annex_a=tmp_path / "annex_a.pdf")
    assert [p.message for p in findings.errors] == [
        "not a workbook (.xlsx, .xlsm, .xlsb, .xls or .ods, judged by its content) or a folder of CSV files"
    ]


def test_empty_extract_is_an_error(tmp_path):
    _, findings = extract(tmp_path, "case_audits", "")
    assert_located(one(findings.errors, None), "case_audits.csv", None, None, None)
    assert findings.errors[0].message == "file is empty"


def test_missing_required_list_is_an_error(tmp_path):
    workbook = write_workbook(tmp_path / "annex_a.xlsx", {n: v for n, v in LISTS.items() if n != 4})
    _, findings = read_inputs(load_params(write_params(tmp_path, annex_a=workbook)), required_lists=[1, 4])
    assert [(p.file, p.message) for p in findings.errors] == [("annex_a.xlsx", "required list missing: List 4 (Assessments)")]


def test_a_list_no_section_requires_may_be_absent(tmp_path):
    inputs, findings = annex(tmp_path, {n: v for n, v in LISTS.items() if n != 4})
    assert findings.errors == [] and inputs.annex_list(4) is None and inputs.annex_list(6) is not None


def test_workbook_without_any_list_is_an_error(tmp_path):
    _, findings = annex(tmp_path, {})
    assert [p.message for p in findings.errors] == ["no Annex A list found (sheets or CSV files named List 1 to List 11)"]


def without_column(number: int, heading: str) -> dict:
    """The clean lists with one column of list ``number`` removed."""
    lists = copy.deepcopy(LISTS)
    headings, rows = lists[number]
    position = headings.index(heading)
    lists[number] = ([h for h in headings if h != heading], [row[:position] + row[position + 1 :] for row in rows])
    return lists


def test_missing_annex_a_column_is_an_error(tmp_path):
    _, findings = annex(tmp_path, without_column(3, "Referral NFA?"))  # referrals.nfa_share reads it
    error = one(findings.errors, "Referral NFA?")
    assert_located(error, "annex_a.xlsx", "List 3", None, "Referral NFA?")
    assert error.message == "required column missing from List 3 (Referrals); headings that match no column: none"


def test_missing_column_only_breakdowns_read_is_a_warning(tmp_path):
    inputs, findings = annex(tmp_path, without_column(1, "Contact Source"))
    found = warning(findings, "Contact Source", "optional column missing")
    assert_located(found, "annex_a.xlsx", "List 1", None, "Contact Source")
    assert inputs.annex_a["list_1"]["contact_source"].isna().all()


def test_missing_extract_column_is_an_error(tmp_path):
    text = EXTRACTS["workforce"].replace(",role,", ",job,")
    _, findings = extract(tmp_path, "workforce", text)
    assert_located(one(findings.errors, "role"), "workforce.csv", None, None, "role")
    assert "unknown extra columns, ignored: job" in [w.message for w in findings.warnings]


def test_sheet_without_headings_is_an_error(tmp_path):
    lists = copy.deepcopy(LISTS)
    lists[7] = (["Name", "Notes"], [["x", "y"]])
    _, findings = annex(tmp_path, lists)
    error = one(findings.errors, None)
    assert (error.file, error.sheet) == ("annex_a.xlsx", "List 7") and "no heading row found" in error.message


@pytest.mark.parametrize("number", [10, 11])
def test_an_unreadable_list_a_figure_reads_is_an_error(tmp_path, number):
    # every list is read by figures since spec version 3, the adopters' List 11 (no child, no snapshot rule) included
    lists = {**LISTS, number: (["Name", "Notes"], [["x", "y"]])}
    _, findings = annex(tmp_path, lists)
    [error] = [e for e in findings.errors if e.sheet == f"List {number}"]
    assert "no heading row found" in error.message


# --- errors: values in used columns ------------------------------------------------------


def test_impossible_dates_are_errors_counted_once(tmp_path):
    lists = lists_with({(3, 0, "Date of referral"): "31/02/2019", (3, 1, "Date of referral"): "30/02/2019"})
    _, findings = annex(tmp_path, lists)
    error = one(findings.errors, "Date of referral")
    assert_located(error, "annex_a.xlsx", "List 3", 2, "Date of referral", more=1)
    # both non-blank dates unreadable: 100 % > 10 %, so the file is taken as misread
    assert error.message.startswith("100.0% of the non-blank values (2) cannot be read (more than 10%): expected a real date")
    assert "'31/02/2019' in row 2, '30/02/2019' in row 3" in error.message
    assert "(and 1 more row like it, e.g. row 3)" in error.describe()


def test_month_first_date_is_an_error_not_a_guess(tmp_path):
    _, findings = annex(tmp_path, lists_with({(1, 1, "Date of Contact"): "01/13/2019"}))
    assert_located(one(findings.errors, "Date of Contact"), "annex_a.xlsx", "List 1", 3, "Date of Contact")


def test_unknown_source_is_a_warning_as_no_figure_reads_sources(tmp_path):
    inputs, findings = annex(tmp_path, lists_with({(1, 0, "Contact Source"): "Martian embassy"}))
    found = warning(findings, "Contact Source", "value cannot be read: expected a contact or referral source")
    assert_located(found, "annex_a.xlsx", "List 1", 2, "Contact Source")
    assert "Martian" not in found.describe()  # warnings never quote the value
    assert pd.isna(inputs.annex_a["list_1"]["contact_source"].iloc[0])


def test_unknown_primary_need_is_a_warning(tmp_path):
    _, findings = annex(tmp_path, lists_with({(6, 1, "Primary Need Code"): "N12 - Other"}))
    assert_located(warning(findings, "Primary Need Code", "cannot be read"), "annex_a.xlsx", "List 6", 3, "Primary Need Code")


def test_words_for_a_number_are_an_error(tmp_path):
    lists = lists_with({(3, 1, "Number of Referrals in Last 12 Months"): "two"})
    _, findings = annex(tmp_path, lists)
    heading = "Number of Referrals in Last 12 Months"
    assert_located(one(findings.errors, heading), "annex_a.xlsx", "List 3", 3, heading)


def test_unknown_grade_is_an_error(tmp_path):
    _, findings = extract(tmp_path, "case_audits", EXTRACTS["case_audits"].replace(",good,", ",Excellent,"))
    error = one(findings.errors, "grade")
    assert_located(error, "case_audits.csv", None, 2, "grade")
    assert "expected a grade" in error.message


def test_unknown_agency_is_an_error(tmp_path):
    _, findings = extract(tmp_path, "strategy_meetings", EXTRACTS["strategy_meetings"].replace("Police", "Fire service"))
    assert_located(one(findings.errors, "agency"), "strategy_meetings.csv", None, 3, "agency")


def test_yes_no_outside_spellings_is_an_error(tmp_path):
    text = EXTRACTS["strategy_meetings"].replace("Police,Y,N", "Police,maybe,N")
    _, findings = extract(tmp_path, "strategy_meetings", text)
    assert_located(one(findings.errors, "invited"), "strategy_meetings.csv", None, 3, "invited")


def test_meeting_rows_that_disagree_are_an_error_naming_both(tmp_path):
    text = EXTRACTS["strategy_meetings"].replace("2019-01-10,CP Team,Police", "2019-01-11,CP Team,Police")
    _, findings = extract(tmp_path, "strategy_meetings", text)
    error = one(findings.errors, "meeting_date")
    assert_located(error, "strategy_meetings.csv", None, 3, "meeting_date")
    assert "rows 2 and 3" in error.message


def test_every_error_is_raised_together(tmp_path):
    lists = lists_with({(3, 0, "Referral NFA?"): "maybe", (3, 0, "Date of referral"): "31/02/2019"})
    workbook = write_workbook(tmp_path / "annex_a.xlsx", lists, excel_dates=False)
    paths = write_extracts(tmp_path / "extracts", {**EXTRACTS, "supervision": ""})
    with pytest.raises(InputError) as caught:
        load(tmp_path, annex_a=workbook, **paths)
    assert {(p.file, p.column) for p in caught.value.problems} == {
        ("annex_a.xlsx", "Referral NFA?"),
        ("annex_a.xlsx", "Date of referral"),
        ("supervision.csv", None),
    }
    assert caught.value.exit_status == 2


# --- warnings ----------------------------------------------------------------------------


def warning(findings, column: str, words: str) -> Problem:
    """The only warning about ``column`` whose message has ``words``; and no errors."""
    assert findings.errors == []
    found = [w for w in findings.warnings if w.column == column and words in w.message]
    assert len(found) == 1, findings.warnings
    return found[0]


def test_event_after_snapshot_is_left_out(tmp_path):
    late = ["1111111", "a) Male", "a) WBRI", "01/01/2015", "4"]
    lists = lists_with(extra={1: [late + ["10/06/2019", "q) 6: Police"], late + ["05/06/2019", "q) 6: Police"]]})
    inputs, findings = annex(tmp_path, lists)
    found = warning(findings, "Date of Contact", "after the snapshot date (2019-06-03); row left out")
    assert_located(found, "annex_a.xlsx", "List 1", 4, "Date of Contact", more=1)
    assert inputs.annex_a["list_1"]["child_id"].tolist() == ["0012345", "9212044"]


def test_closure_after_snapshot_counts_as_open(tmp_path):
    inputs, findings = annex(tmp_path, lists_with({(6, 1, "CIN Closure Date"): "30/06/2019"}))
    found = warning(findings, "CIN Closure Date", "counted as not yet happened")
    assert_located(found, "annex_a.xlsx", "List 6", 3, "CIN Closure Date")
    cin = inputs.annex_a["list_6"]
    assert len(cin) == 2 and cin["cin_closure"].isna().all()


def test_a_visit_after_snapshot_keeps_the_plan_open_and_unvisited(tmp_path):
    # A pack whose snapshot (2019-06-03) is before the return's extract: the visit on 10/06/2019 had not happened yet.
    inputs, findings = annex(tmp_path, lists_with({(7, 0, "Date of the Last Statutory Visit"): "10/06/2019"}))
    found = warning(findings, "Date of the Last Statutory Visit", "counted as not yet happened")
    assert_located(found, "annex_a.xlsx", "List 7", 2, "Date of the Last Statutory Visit")
    plans = inputs.annex_a["list_7"]
    assert len(plans) == 1 and pd.isna(plans["last_visit"].iloc[0])


def test_date_before_1990_is_a_warning_only(tmp_path):
    inputs, findings = annex(tmp_path, lists_with({(3, 1, "Date of referral"): "01/03/1919"}))
    assert_located(warning(findings, "Date of referral", "before 1990"), "annex_a.xlsx", "List 3", 3, "Date of referral")
    assert len(inputs.annex_a["list_3"]) == 2


def test_authorisation_before_start_is_a_warning(tmp_path):
    inputs, findings = annex(tmp_path, lists_with({(4, 0, "Continuous Assessment Date of Authorisation"): "01/01/2019"}))
    heading = "Continuous Assessment Date of Authorisation"
    assert_located(warning(findings, heading, "authorisation before its start"), "annex_a.xlsx", "List 4", 2, heading)
    assert len(inputs.annex_a["list_4"]) == 2


def test_icpc_before_strategy_discussion_is_a_warning(tmp_path):
    _, findings = annex(tmp_path, lists_with({(5, 0, "Date of Initial Child Protection Conference"): "09/01/2019"}))
    heading = "Date of Initial Child Protection Conference"
    assert_located(warning(findings, heading, "ICPC before its strategy discussion"), "annex_a.xlsx", "List 5", 2, heading)


def test_future_birth_is_a_warning_but_unborn_children_are_real(tmp_path):
    changes = {(1, 0, "Date of Birth"): "01/01/2020", (1, 1, "Date of Birth"): "01/08/2019"}  # row 2 age 7, row 3 unborn
    inputs, findings = annex(tmp_path, lists_with(changes))
    found = warning(findings, "Date of Birth", "date of birth after the snapshot date")
    assert_located(found, "annex_a.xlsx", "List 1", 2, "Date of Birth")
    assert len(inputs.annex_a["list_1"]) == 2


def test_rows_without_id_or_key_date_are_left_out(tmp_path):
    changes = {(6, 0, "Child Unique ID"): "", (6, 1, "CIN Start Date"): ""}
    inputs, findings = annex(tmp_path, lists_with(changes))
    no_id = warning(findings, "Child Unique ID", "row without its Child Unique ID; left out")
    no_date = warning(findings, "CIN Start Date", "row without its CIN Start Date; left out")
    assert (no_id.sheet, no_id.row, no_date.row) == ("List 6", 2, 3)
    assert len(inputs.annex_a["list_6"]) == 0


def test_duplicate_assessment_keeps_the_first(tmp_path):
    headings, rows = LISTS[4]
    again = list(rows[0])
    again[headings.index("Allocated Team")] = "Other Team"
    inputs, findings = annex(tmp_path, lists_with(extra={4: [again, again]}))
    found = warning(findings, "Child Unique ID + Continuous Assessment Start Date", "duplicate natural key")
    assert (found.sheet, found.row, found.more) == ("List 4", 4, 1)
    assert inputs.annex_a["list_4"]["team"].tolist() == ["Assessment – East"] * 2


def test_duplicate_section_47_keeps_the_first(tmp_path):
    inputs, findings = annex(tmp_path, lists_with(extra={5: [list(LISTS[5][1][0])]}))
    found = warning(findings, "Child Unique ID + Strategy discussion initiating Section 47 Enquiry Start Date", "duplicate")
    assert (found.row, found.more) == (3, 0) and len(inputs.annex_a["list_5"]) == 1


def test_duplicate_audit_and_worker_ids_keep_the_first(tmp_path):
    audits = EXTRACTS["case_audits"] + "A1,7777777,2019-05-01,CIN Team,,,Y,good,,\n"
    staff = EXTRACTS["workforce"] + "W001,CIN Team,social_worker,agency,2019-01-01,,\n"
    paths = write_extracts(tmp_path / "extracts", {**EXTRACTS, "case_audits": audits, "workforce": staff})
    inputs, findings = read(tmp_path, **paths)
    assert_located(warning(findings, "audit_id", "duplicate natural key"), "case_audits.csv", None, 4, "audit_id")
    assert_located(warning(findings, "worker_id", "duplicate natural key"), "workforce.csv", None, 5, "worker_id")
    assert inputs.case_audits["child_id"].tolist() == ["0012345", "9212044"]
    assert inputs.workforce["employment"].tolist() == ["permanent", "agency", "permanent"]


def test_worker_leaving_before_starting_is_a_warning(tmp_path):
    staff = EXTRACTS["workforce"].replace("2010-01-04,,1", "2010-01-04,2009-12-31,1")
    inputs, findings = extract(tmp_path, "workforce", staff)
    assert_located(warning(findings, "end_date", "worker leaves before starting"), "workforce.csv", None, 4, "end_date")
    assert len(inputs.workforce) == 3


def test_meeting_row_without_its_date_is_left_out(tmp_path):
    text = EXTRACTS["strategy_meetings"] + "M2,0012345,,CP Team,Police,Y,Y\n"
    inputs, findings = extract(tmp_path, "strategy_meetings", text)
    found = warning(findings, "meeting_date", "row without its meeting_date; left out")
    assert_located(found, "strategy_meetings.csv", None, 5, "meeting_date")
    assert inputs.strategy_meetings["meeting_id"].tolist() == ["M1"] * 3


def test_allocated_worker_not_in_workforce_is_a_warning(tmp_path):
    changes = {(6, 0, "Allocated Worker"): "Jane\u00a0Smith", (6, 1, "Allocated Worker"): "UNALLOCATED"}
    inputs, findings = annex(tmp_path, lists_with(changes))
    found = warning(findings, "Allocated Worker", "matches no worker_id")
    assert_located(found, "annex_a.xlsx", "List 6", 2, "Allocated Worker")
    assert "Jane" not in found.describe()  # a worker's name never reaches the pack
    cin = inputs.annex_a["list_6"]
    assert cin["worker"].iloc[0] == "Jane Smith" and pd.isna(cin["worker"].iloc[1])


def test_unknown_extra_columns_are_one_warning(tmp_path):
    lists = copy.deepcopy(LISTS)
    headings, rows = lists[1]
    lists[1] = (headings + ["Notes", "Postcode"], [row + ["x", "AB1 2CD"] for row in rows])
    inputs, findings = annex(tmp_path, lists)
    found = warning(findings, None, "unknown extra columns")
    assert (found.sheet, found.message) == ("List 1", "unknown extra columns, ignored: Notes, Postcode")
    assert "Notes" not in inputs.annex_a["list_1"]


def test_free_text_in_a_code_no_figure_uses_is_a_warning(tmp_path):
    inputs, findings = annex(tmp_path, lists_with({(6, 0, "Does the Child have a Disability"): "Awaiting diagnosis"}))
    found = warning(findings, "Does the Child have a Disability", "value cannot be read: expected Yes, No or Unknown")
    assert_located(found, "annex_a.xlsx", "List 6", 2, "Does the Child have a Disability")
    assert pd.isna(inputs.annex_a["list_6"]["disability"].iloc[0]) and len(inputs.annex_a["list_6"]) == 2


def test_warnings_do_not_stop_load_inputs(tmp_path):
    lists = lists_with({(6, 1, "CIN Closure Date"): "30/06/2019"})
    workbook = write_csv_folder(tmp_path / "annex", lists)
    inputs = load(tmp_path, annex_a=workbook)
    assert [(w.file, w.column) for w in inputs.warnings] == [("annex/List_6.csv", "CIN Closure Date")]


# --- readiness validate ------------------------------------------------------------------


def test_validate_reports_errors_and_warnings_without_raising(tmp_path):
    lists = lists_with({(3, 0, "Referral NFA?"): "maybe", (6, 1, "CIN Closure Date"): "30/06/2019"})
    workbook = write_workbook(tmp_path / "annex_a.xlsx", lists, excel_dates=False)
    errors, warnings = validate(load_params(write_params(tmp_path, annex_a=workbook)))
    report = format_report(errors, warnings)
    assert report.splitlines()[0] == "1 error: the pack cannot be built until they are fixed."
    assert "  - annex_a.xlsx, sheet List 3, row 2, column 'Referral NFA?': 50.0% of the non-blank values (1) cannot be read" in report
    assert "  annex_a.xlsx, sheet List 6:\n    - column 'CIN Closure Date': date after the snapshot date" in report


def test_validate_of_clean_inputs_says_so(tmp_path):
    workbook = write_workbook(tmp_path / "annex_a.xlsx")
    errors, warnings = validate(load_params(write_params(tmp_path, annex_a=workbook)))
    assert (errors, warnings) == ([], [])
    assert format_report(errors, warnings) == "The inputs are usable: the pack can be built.\nNo warnings."


def test_a_period_starting_before_the_return_covers_is_a_warning(tmp_path):
    # The fixture's earliest Date of Contact is in 2019; a period from 2010 starts long before the return's window.
    lists = lists_with()
    inputs, findings = annex(tmp_path, lists, period_start="2010-01-01")
    # Lists 1 and 4-7 cover from the earliest contact, 2019-01-03, List 3 from its earliest referral, 2019-01-04:
    # one warning per date, naming its lists
    found = [w.message for w in findings.warnings if "after period_start" in w.message]
    assert [m.split(", after")[0] for m in found] == [
        "the return covers Lists 1, 4, 5, 6 and 7 from 2019-01-03",
        "the return covers List 3 from 2019-01-04",
    ]
    assert len(inputs.annex_a["list_1"]) == 2  # nothing is left out


@pytest.mark.parametrize("parallel", [1, 2])
def test_problems_come_in_input_order_however_the_reading_is_shared(tmp_path, parallel):
    audits = EXTRACTS["case_audits"] + "A1,7777777,2019-05-01,CIN Team,,,Y,good,,\n"
    staff = EXTRACTS["workforce"] + "W001,CIN Team,social_worker,agency,2019-01-01,,\n"
    extracts = write_extracts(tmp_path / "extracts", {**EXTRACTS, "case_audits": audits, "workforce": staff})
    workbook = write_workbook(tmp_path / "annex_a.xlsx", lists_with({(6, 0, "Allocated Worker"): "W999"}), excel_dates=False)
    params = load_params(write_params(tmp_path, annex_a=workbook, **extracts))
    inputs, findings = read_inputs(params, parallel=parallel)
    assert not findings.errors
    assert [(p.file, p.column) for p in findings.warnings] == [
        ("case_audits.csv", "audit_id"),
        ("workforce.csv", "worker_id"),
        ("annex_a.xlsx", "Allocated Worker"),
    ]
    assert inputs.case_audits["audit_id"].tolist() == ["A1", "A2"] and "list_6" in inputs.annex_a
