"""Readers on a tiny hand-made Annex A and local extracts, in every format a council sends.

Period 2019-01-01 to 2019-05-31, snapshot (extract date) 2019-06-03. Every expected value
below is read off the rows written here, not from the code's output.
The builders (``write_workbook``, ``write_csv_folder``, ``fill_template``, ``write_params``)
are shared with ``test_faults.py``.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
import yaml
from pandas.testing import assert_frame_equal

from readiness.config.params import load_params
from readiness.inputs import codes
from readiness.inputs.annex_a import list_number
from readiness.inputs.read import load_inputs, read_inputs, write_templates
from readiness.inputs.values import SPACES, clean_cells, date_and_clock, parse_date, parse_datetime

COMMON = ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)"]
ALLOCATED = ["Allocated Team", "Allocated Worker"]
DISABILITY = "Does the Child have a Disability"
EPO = "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)"
BOY = ["0012345", "a) Male", "a) WBRI", "14/02/2012", "7"]
UNBORN = ["9212044", "b) Female", "s) NOBT", "", "-1"]
GIRL = ["7777777", "b) Female", "j) AIND", "01/06/2010", "8"]

LISTS = {
    1: (COMMON + ["Date of Contact", "Contact Source"], [BOY + ["03/01/2019", "e) 2A: Schools"], UNBORN + ["28/02/2019", "q) 6: Police"]]),
    3: (
        COMMON + ["Date of referral", "Referral Source", "Referral NFA?", "Number of Referrals in Last 12 Months"] + ALLOCATED,
        [
            BOY + ["04/01/2019", "e) 2A: Schools", "b) No", "0", "Front Door", "W001"],
            UNBORN + ["01/03/2019", "p1) 5D: LA services", "a) Yes", "2", "Front Door", "Unallocated"],
        ],
    ),
    4: (
        COMMON
        + [
            DISABILITY,
            "Continuous Assessment Start Date",
            "Child Seen During Continuous Assessment",
            "Continuous Assessment Date of Authorisation",
            "Was the child assessed as requiring LA children’s social care support",
        ]
        + ALLOCATED,
        [
            BOY + ["b) No", "05/01/2019", "a) Yes", "01/03/2019", "a) Yes", "Assessment – East", "W002"],
            UNBORN + ["c) Unknown", "02/03/2019", "b) No", "", "", "Assessment – East", "W002"],
        ],
    ),
    5: (
        COMMON
        + [
            DISABILITY,
            "Strategy discussion initiating Section 47 Enquiry Start Date",
            "Was an Initial Child Protection Conference deemed unnecessary?",
            "Date of Initial Child Protection Conference",
            "Did the Initial Child Protection Conference Result in a Child Protection Plan",
            "Number of Section 47 Enquiries in the last 12 months",
            "Number of ICPCs in the last 12 months",
        ]
        + ALLOCATED,
        [BOY + ["b) No", "10/01/2019", "b) No", "24/01/2019", "a) Yes", "1", "1", "CP Team", "W003"]],
    ),
    6: (
        COMMON
        + [
            DISABILITY,
            "CIN Start Date",
            "Primary Need Code",
            "Date Child Was Last Seen",
            "CIN Closure Date",
            "Reason for Closure",
            "Case status",
        ]
        + ALLOCATED,
        [
            BOY + ["b) No", "01/03/2019", "N1 - Abuse or neglect", "20/05/2019", "", "", "b) Child Protection plan", "CP Team", "W003"],
            GIRL
            + [
                "b) No",
                "01/02/2018",
                "N4 - Family in acute stress",
                "01/12/2018",
                "31/01/2019",
                "RC8 - Case closed after assessment, no further action",
                "e) Closed episode",
                "CIN Team",
                "None",
            ],
        ],
    ),
    7: (
        COMMON
        + [
            DISABILITY,
            "Child Protection Plan Start Date",
            "Initial Category of Abuse",
            "Latest Category of Abuse",
            "Date of the Last Statutory Visit",
            "Was the Child Seen Alone?",
            "Date of latest review conference",
            "Child Protection Plan End Date",
            EPO,
            "Number of Previous Child Protection Plans",
        ]
        + ALLOCATED,
        [
            BOY
            + [
                "b) No",
                "24/01/2019",
                "b) Physical abuse",
                "a) Neglect",
                "28/05/2019",
                "a) Yes",
                "10/04/2019",
                "",
                "b) No",
                "0",
                "CP Team",
                "W003",
            ]
        ],
    ),
}

EXTRACTS = {
    "case_audits": (
        "audit_id,child_id,audit_date,team,auditor_role,audit_type,worker_participated,grade,moderated_grade,domain_voice_of_child\n"
        "A1,0012345,2019-03-15,CP Team,team_manager,monthly,Y,good,,outstanding\n"
        "A2,9212044,15/04/2019,Front Door,,themed,n,Requires improvement to be good,RI,\n"
    ),
    "strategy_meetings": (
        "meeting_id,child_id,meeting_date,team,agency,invited,attended\n"
        "M1,0012345,2019-01-10,CP Team,social_care,Y,Y\n"
        "M1,0012345,2019-01-10,CP Team,Police,Y,N\n"
        "M1,0012345,2019-01-10,CP Team,Children's social care,no,yes\n"
    ),
    "workforce": (
        "worker_id,team,role,employment,start_date,end_date,fte\n"
        "W001,Front Door,social_worker,permanent,2015-04-01,,\n"
        "W002,Assessment – East,senior_practitioner,agency,01/09/2018,31/05/2019,0.8\n"
        "W003,CP Team,team_manager,permanent,2010-01-04,,1\n"
    ),
    "supervision": "worker_id,supervision_date\nW001,2019-01-15\nW002,2019-02-01\n",
}
DATE_TEXT = re.compile(r"^\d{2}/\d{2}/\d{4}$")
PREFIX = re.compile(r"^[a-z]\d?\) ")


# --- builders shared with test_faults.py -------------------------------------------


def as_excel(value: str):
    """A cell as Excel would hold it: dates as dates, plain numbers (no leading zero) as numbers."""
    if DATE_TEXT.match(value):
        return dt.datetime.strptime(value, "%d/%m/%Y")
    if re.fullmatch(r"-?[1-9]\d*|0", value):
        return int(value)
    return value or None


def write_workbook(path: Path, lists=LISTS, excel_dates=True, sheet="List {n}", title=False) -> Path:
    """An Annex A workbook: one sheet per list, headings in row 1 (row 2 under a title row)."""
    workbook = openpyxl.Workbook()
    workbook.active.title = "Front_Sheet"
    for number, (headings, rows) in lists.items():
        ws = workbook.create_sheet(sheet.format(n=number))
        if title:
            ws.append([f"List {number}: title"])
        ws.append(headings)
        for row in rows:
            ws.append([as_excel(v) if excel_dates else (v or None) for v in row])
    workbook.save(path)
    return path


def write_csv_folder(folder: Path, lists=LISTS, encodings=None, names="List_{n}.csv") -> Path:
    """A folder of CSVs, one per list, UTF-8 with a BOM unless ``encodings`` says otherwise."""
    folder.mkdir(parents=True, exist_ok=True)
    for number, (headings, rows) in lists.items():
        text = "\r\n".join(",".join(_quoted(v) for v in row) for row in [headings, *rows]) + "\r\n"
        (folder / names.format(n=number)).write_bytes(text.encode((encodings or {}).get(number, "utf-8-sig")))
    return folder


def _quoted(value: str) -> str:
    return f'"{value}"' if "," in value else value


def write_extracts(folder: Path, extracts=EXTRACTS) -> dict[str, Path]:
    """The local extracts as UTF-8 CSVs."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, text in extracts.items():
        paths[name] = folder / f"{name}.csv"
        paths[name].write_text(text, encoding="utf-8")
    return paths


def write_params(folder: Path, period_start: str = "2019-01-01", **data) -> Path:
    """A parameters file naming ``data`` (absolute paths), period Jan-May 2019, snapshot 3 June 2019."""
    document = {
        "pack_id": "test",
        "la_name": "Testshire",
        "period_start": period_start,
        "period_end": "2019-05-31",
        "annex_a_extract_date": "2019-06-03",
        "data": {key: str(value) for key, value in data.items() if key != "columns"},
    }
    if "columns" in data:
        document["columns"] = data["columns"]
    path = folder / "pack.yaml"
    path.write_text(yaml.safe_dump(document), encoding="utf-8")
    return path


def load(folder: Path, **data):
    """``load_inputs`` of a parameters file naming ``data``."""
    return load_inputs(load_params(write_params(folder, **data)))


def read(folder: Path, **data):
    """``read_inputs`` (errors and warnings, no raising) of a parameters file naming ``data``."""
    return read_inputs(load_params(write_params(folder, **data)))


def without_rows(lists: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    return {name: frame.drop(columns="_row") for name, frame in lists.items()}


# --- clean data --------------------------------------------------------------------


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    """The clean data read once for the module's tests, which only look at it."""
    folder = tmp_path_factory.mktemp("clean")
    paths = write_extracts(folder / "extracts")
    return load(folder, annex_a=write_workbook(folder / "annex_a.xlsx"), **paths)


def day(text: str) -> pd.Timestamp:
    return pd.Timestamp(text)


def test_list_1_is_normalised(clean):
    contacts = clean.annex_a["list_1"]
    assert contacts["child_id"].tolist() == ["0012345", "9212044"]
    assert contacts["gender"].tolist() == ["male", "female"]
    assert contacts["ethnicity"].tolist() == ["WBRI", "NOBT"]
    assert contacts["date_of_birth"].iloc[0] == day("2012-02-14") and pd.isna(contacts["date_of_birth"].iloc[1])
    assert contacts["age"].tolist() == [7, -1]
    assert contacts["contact_date"].tolist() == [day("2019-01-03"), day("2019-02-28")]
    assert contacts["contact_source"].tolist() == ["2A", "6"]
    assert contacts["_row"].tolist() == [2, 3]
    assert str(contacts["contact_date"].dtype) == "datetime64[ns]" and str(contacts["age"].dtype) == "Int64"


def test_lists_3_to_7_are_normalised(clean):
    referrals, assessments = clean.annex_a["list_3"], clean.annex_a["list_4"]
    assert referrals["referral_source"].tolist() == ["2A", "5D"]
    assert referrals["referral_nfa"].tolist() == [False, True]
    assert referrals["referrals_last_12m"].tolist() == [0, 2]
    assert referrals["worker"].iloc[0] == "W001" and pd.isna(referrals["worker"].iloc[1])  # "Unallocated"
    assert assessments["disability"].iloc[0] == False and pd.isna(assessments["disability"].iloc[1])  # noqa: E712
    assert assessments["requires_support"].iloc[0] == True and pd.isna(assessments["requires_support"].iloc[1])  # noqa: E712
    assert pd.isna(assessments["authorisation_date"].iloc[1])
    assert assessments["team"].tolist() == ["Assessment – East"] * 2
    s47 = clean.annex_a["list_5"].iloc[0]
    assert (s47["icpc_unnecessary"], s47["icpc_plan"], s47["icpc_date"]) == (False, True, day("2019-01-24"))
    cin = clean.annex_a["list_6"]
    assert cin["primary_need"].tolist() == ["N1", "N4"]
    assert cin["case_status"].tolist() == ["cp_plan", "closed"]
    assert pd.isna(cin["closure_reason"].iloc[0]) and cin["closure_reason"].iloc[1] == "RC8"
    assert pd.isna(cin["worker"].iloc[1])  # "None" is in unallocated_values
    plan = clean.annex_a["list_7"].iloc[0]
    assert (plan["initial_category"], plan["latest_category"], plan["seen_alone"]) == ("physical", "neglect", True)
    assert plan["previous_plans"] == 0 and pd.isna(plan["cp_end"])
    assert "disability" in clean.annex_a["list_5"] and EPO not in clean.annex_a["list_7"]


def test_local_extracts_are_normalised(clean):
    audits = clean.case_audits
    assert audits["audit_date"].tolist() == [day("2019-03-15"), day("2019-04-15")]
    assert audits["worker_participated"].tolist() == [True, False]
    assert audits["grade"].tolist() == ["good", "requires_improvement"]
    assert pd.isna(audits["moderated_grade"].iloc[0]) and audits["moderated_grade"].iloc[1] == "requires_improvement"
    assert audits["domain_voice_of_child"].iloc[0] == "outstanding" and pd.isna(audits["domain_voice_of_child"].iloc[1])
    assert pd.isna(audits["auditor_role"].iloc[1])
    meetings = clean.strategy_meetings
    assert meetings["agency"].tolist() == ["social_care", "police", "social_care"]
    assert meetings["invited"].tolist() == [True, True, False] and meetings["attended"].tolist() == [True, False, True]
    staff = clean.workforce
    assert staff["fte"].tolist() == [1.0, 0.8, 1.0]
    assert staff["start_date"].iloc[1] == day("2018-09-01") and staff["end_date"].iloc[1] == day("2019-05-31")
    assert staff["role"].tolist() == ["social_worker", "senior_practitioner", "team_manager"]
    assert clean.supervision["supervision_date"].tolist() == [day("2019-01-15"), day("2019-02-01")]


def test_clean_data_gives_no_warnings(clean):
    assert clean.warnings == []


def test_absent_inputs_are_skipped(tmp_path):
    inputs = load(tmp_path, supervision=write_extracts(tmp_path)["supervision"])
    assert inputs.annex_a == {} and inputs.case_audits is None and len(inputs.supervision) == 2


# --- the same data in every format -------------------------------------------------


def shout(heading: str) -> str:
    """A heading as a careless export writes it: upper case, doubled and non-breaking spaces, padded."""
    return "  " + heading.upper().replace(" ", " \u00a0") + " "


def unprefixed(lists):
    """Every value without Ofsted's letter prefix, headings shouted, ``Age`` for ``Age of Child (Years)``."""
    return {
        n: ([shout("Age" if h == "Age of Child (Years)" else h) for h in headings], [[PREFIX.sub("", v) for v in row] for row in rows])
        for n, (headings, rows) in lists.items()
    }


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reference")
    return without_rows(load(folder, annex_a=write_workbook(folder / "reference.xlsx")).annex_a)


def assert_same_lists(lists, reference):
    for name, expected in reference.items():
        assert_frame_equal(without_rows({name: lists[name]})[name], expected, obj=name)


def test_text_dates_and_tolerant_sheet_names_match_excel_dates(tmp_path, reference):
    path = write_workbook(tmp_path / "text.xlsx", excel_dates=False, sheet="List_{n} - extract", title=True)
    assert_same_lists(load(tmp_path, annex_a=path).annex_a, reference)


def test_csv_folder_matches_workbook(tmp_path, reference):
    folder = write_csv_folder(tmp_path / "annex", unprefixed(LISTS), encodings={4: "cp1252"}, names="List{n}.csv")
    assert (folder / "List4.csv").read_bytes().find("–".encode("cp1252")) > 0
    assert (folder / "List1.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert_same_lists(load(tmp_path, annex_a=folder).annex_a, reference)


def fill_ofsted_template(ofsted_template: Path, folder: Path) -> Path:
    """Ofsted's template (copied, never modified) with the hand-made rows of ``LISTS`` under each heading row."""
    workbook = openpyxl.load_workbook(ofsted_template)
    for number, (headings, rows) in LISTS.items():
        ws = workbook[f"List_{number}"]
        template_headings = [c.value for c in ws[2]]
        for r, row in enumerate(rows, start=3):
            values = dict(zip(headings, row))
            for c, heading in enumerate(template_headings, start=1):
                ws.cell(r, c).value = as_excel(values.get(heading, ""))
    path = folder / "filled.xlsx"
    workbook.save(path)
    return path


def test_ofsted_template_filled_matches_workbook(tmp_path, reference, ofsted_template):
    path = fill_ofsted_template(ofsted_template, tmp_path)
    inputs = load(tmp_path, annex_a=path)
    assert_same_lists(inputs.annex_a, reference)
    assert inputs.annex_a["list_1"]["_row"].tolist() == [3, 4]  # title row 1, headings row 2
    assert len(inputs.annex_a["list_8"]) == 0 and "child_id" in inputs.annex_a["list_8"]
    assert inputs.warnings == []


def test_local_extracts_as_xlsx_with_own_headings(tmp_path, clean):
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.append(["Audit ID", "Child", "Audit Date", "TEAM", "Worker Participated?", "Overall Grade", "Domain Voice Of Child"])
    ws.append(["A1", "0012345", dt.datetime(2019, 3, 15), "CP Team", "yes", "Good", "OUTSTANDING"])
    ws.append(["A2", 9212044, "15/04/2019", "Front Door", "False", "RI", None])
    workbook.save(tmp_path / "audits.xlsx")
    columns = {"case_audits": {"Child": "child_id", "Overall Grade": "grade"}}
    audits = load(tmp_path, case_audits=tmp_path / "audits.xlsx", columns=columns).case_audits
    expected = clean.case_audits.drop(columns=["auditor_role", "audit_type", "moderated_grade"])
    kept = audits.drop(columns=["auditor_role", "audit_type", "moderated_grade"])
    assert_frame_equal(kept, expected)
    assert audits["moderated_grade"].isna().all() and str(audits["moderated_grade"].dtype) == "string"


def test_council_headings_alone_find_the_heading_row(tmp_path):
    (tmp_path / "supervision.csv").write_text("Supervision log\nStaff No,Date Supervised\nW001,15/01/2019\n", encoding="utf-8")
    columns = {"supervision": {"Staff No": "worker_id", "Date Supervised": "supervision_date"}}
    supervision = load(tmp_path, supervision=tmp_path / "supervision.csv", columns=columns).supervision
    assert supervision[["worker_id", "supervision_date"]].values.tolist() == [["W001", day("2019-01-15")]]
    assert supervision["_row"].tolist() == [3]


# --- small pieces ------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, number",
    [
        ("List_1", 1),
        ("List 1", 1),
        ("List 1 - Contacts", 1),
        ("List1", 1),
        ("list_10", 10),
        ("List 11 Adopters", 11),
        ("Front_Sheet", None),
        ("Codes_used", None),
        ("List 12", None),
    ],
)
def test_list_number_never_confuses_1_with_10(name, number):
    assert list_number(name) == number


def test_excel_ids_keep_digits_and_errors_read_blank(tmp_path):
    headings, rows = LISTS[1]
    workbook = write_workbook(tmp_path / "ids.xlsx", {1: (headings, rows)})
    book = openpyxl.load_workbook(workbook)
    book["List 1"]["A2"].value = 9212044.0
    book["List 1"]["D3"].value, book["List 1"]["D3"].data_type = "#N/A", "e"
    book.save(workbook)
    inputs, findings = read(tmp_path, annex_a=workbook)
    contacts = inputs.annex_a["list_1"]
    assert contacts["child_id"].tolist() == ["9212044", "9212044"]
    assert pd.isna(contacts["date_of_birth"].iloc[1])
    assert not [e for e in findings.errors if e.sheet == "List 1"]


def test_templates_have_headings_and_a_guide(tmp_path):
    paths = write_templates(tmp_path / "templates")
    assert [p.name for p in paths] == [
        "case_audits.xlsx",
        "strategy_meetings.xlsx",
        "workforce.xlsx",
        "supervision.xlsx",
        "audit_actions.xlsx",
        "front_door_decisions.xlsx",
        "immediate_concerns.xlsx",
        "audit_checks.xlsx",
        "findings.xlsx",
        "improvement_actions.xlsx",
    ]
    workbook = openpyxl.load_workbook(paths[0], read_only=True)
    headings = next(workbook["data"].iter_rows(values_only=True))
    assert headings[:3] == ("audit_id", "child_id", "audit_date") and "domain_voice_of_child" in headings
    guide = list(workbook["columns"].iter_rows(values_only=True))
    assert guide[0] == ("column", "required", "accepted values", "meaning")
    assert ("grade", "yes") == guide[8][:2] and "Requires improvement" in guide[8][2]


def test_front_door_decisions_template_explains_dates_and_times(tmp_path):
    path = next(p for p in write_templates(tmp_path) if p.stem == "front_door_decisions")
    workbook = openpyxl.load_workbook(path, read_only=True)
    assert next(workbook["data"].iter_rows(values_only=True)) == ("contact_id", "child_id", "received", "decided", "outcome", "team")
    guide = {row[0]: row[1:] for row in workbook["columns"].iter_rows(values_only=True)}
    assert guide["received"][0] == "yes" and "hh:mm" in guide["received"][1]
    assert guide["decided"][0] == "no" and "blank = not yet decided" in guide["decided"][2]


def test_a_blank_template_reads_back_empty(tmp_path):
    paths = write_templates(tmp_path)
    inputs = load(tmp_path, **{p.stem: p for p in paths})
    assert len(inputs.workforce) == 0 and list(inputs.supervision.columns) == ["worker_id", "supervision_date", "_row"]
    assert inputs.warnings == []


def test_demo_data_loads_without_errors(demo_inputs):
    """End to end on the demo data set: ``demo_inputs`` is ``load_inputs``, which raises on any error."""
    inputs = demo_inputs
    assert {"list_1", "list_3", "list_4", "list_5", "list_6", "list_7"} <= set(inputs.annex_a)
    assert len(inputs.case_audits) > 0 and np.issubdtype(inputs.workforce["fte"].dtype, np.floating)


def text(*values) -> pd.Series:
    return pd.Series(values, dtype="string")


def test_dates_are_read_day_first_by_explicit_formats_only():
    parsed = parse_date(text("2019-03-01", "1/3/2019", "01/03/2019 00:00:00", "31/02/2019", "01/13/2019", "March 1", None))
    assert parsed.iloc[:3].tolist() == [day("2019-03-01")] * 3
    assert parsed.iloc[3:].isna().all() and str(parsed.dtype) == "datetime64[ns]"


def test_date_times_are_read_with_or_without_a_clock():
    parsed = parse_datetime(
        text(
            "2019-06-03 09:15",
            "3/6/2019 9:05:30",
            "2019-06-03T23:59",
            "03/06/2019",
            None,
            "2019-06-03 24:00",
            "2019-06-03 9.15",
            "06/13/2019 09:15",
        )
    )
    assert parsed.iloc[:4].tolist() == [
        pd.Timestamp("2019-06-03 09:15"),
        pd.Timestamp("2019-06-03 09:05:30"),
        pd.Timestamp("2019-06-03 23:59"),
        day("2019-06-03"),
    ]  # a date alone: midnight
    assert parsed.iloc[4:].isna().all()  # blank; 24:00 is no time of day; 9.15 is no clock; month 13 is no date


def test_a_date_time_splits_at_its_first_space_or_t():
    day, clock = date_and_clock(text("2019-06-03 09:15", "2019-06-03T23:59", "03/06/2019", "T09:15", None, "3/6/2019 9:05 am"))
    assert day.tolist()[:3] == ["2019-06-03", "2019-06-03", "03/06/2019"] and clock.tolist()[:3] == ["09:15", "23:59", ""]
    assert day.iloc[3:5].isna().all() and clock.iloc[3:5].isna().all()  # nothing before the T; blank
    assert (day.iloc[5], clock.iloc[5]) == ("3/6/2019", "9:05 am")


def test_an_empty_date_time_column_reads_as_empty():
    assert parse_datetime(text()).tolist() == []


def test_excel_error_values_and_odd_spaces_are_cleaned():
    cleaned = clean_cells(pd.Series(["#N/A", "#REF!", "#VALUE!", " Jane\u00a0\u00a0Smith ", "", None], dtype=object))
    assert cleaned.isna().tolist() == [True, True, True, False, True, True] and cleaned.iloc[3] == "Jane Smith"


def test_the_spaces_folded_are_every_character_python_calls_a_space():
    assert {c for c in map(chr, range(0x110000)) if re.fullmatch(SPACES, c)} == {c for c in map(chr, range(0x110000)) if c.isspace()}


def test_odd_spaces_anywhere_in_a_cell_fold_to_one():
    cells = pd.Series(["\u3000Team\u2007\tNorth\n", "a\x1c\x85b", "Front  Door", "\u2028"], dtype=object)
    assert clean_cells(cells).tolist() == ["Team North", "a b", "Front Door", pd.NA]


@pytest.mark.parametrize(
    "table, spellings, expected",
    [
        (codes.YES_NO, ["a) Yes", "YES", "y", "True", "b) No", "n", "FALSE", "c) Unknown"], ["yes"] * 4 + ["no"] * 3 + [None]),
        (
            codes.GRADE,
            ["outstanding", "Good", "Requires improvement", "Requires improvement to be good", "RI", "INADEQUATE"],
            ["outstanding", "good", "requires_improvement", "requires_improvement", "requires_improvement", "inadequate"],
        ),
        (
            codes.AGENCY,
            ["Police", "Health", "Education", "Children’s social care", "CSC", "social_care", "other"],
            ["police", "health", "education", "social_care", "social_care", "social_care", "other"],
        ),
        (
            codes.SOURCE,
            ["b) 1B: Individual - Relative", "1b", "p1) 5D: LA services", "u) 10: Unknown", "10", "6: Police"],
            ["1B", "1B", "5D", "10", "10", "6"],
        ),
        (codes.ETHNICITY, ["s) REFU", "s) NOBT", "WBRI - White British", "bafr"], ["REFU", "NOBT", "WBRI", "BAFR"]),
        (codes.GENDER, ["c) Not stated/recorded", "FEMALE", "d) Neither"], ["not_stated", "female", "neither"]),
        (codes.PRIMARY_NEED, ["N1 - Abuse or neglect", "N1 - ABUSE OR NEGLECT", "n0"], ["N1", "N1", "N0"]),
        (
            codes.CASE_STATUS,
            ["a) Looked after child", "c) Child in need plan", "Open assessment"],
            ["looked_after", "cin_plan", "open_assessment"],
        ),
        (codes.CATEGORY, ["e) Multiple/not recommended", "Sexual abuse", "EMOTIONAL ABUSE"], ["multiple", "sexual", "emotional"]),
    ],
    ids=["yes-no", "grade", "agency", "source", "ethnicity", "gender", "need", "status", "category"],
)
def test_codes_accept_every_spelling(table, spellings, expected):
    assert table.parse(text(*spellings)).astype(object).where(lambda s: s.notna(), None).tolist() == expected


@pytest.mark.parametrize(
    "table, wrong",
    [
        (codes.YES_NO, "maybe"),
        (codes.GRADE, "Excellent"),
        (codes.SOURCE, "3G"),
        (codes.SOURCE, "11"),
        (codes.ETHNICITY, "White"),
        (codes.PRIMARY_NEED, "N10"),
        (codes.CLOSURE_REASON, "RC10"),
        (codes.AGENCY, "Fire"),
    ],
)
def test_codes_refuse_other_values(table, wrong):
    assert table.lookup(text(wrong)).isna().all()
