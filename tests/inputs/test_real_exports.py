"""Real exports as they come (inputs.md section 4, issue 21): near-miss headings, outcome words in a Yes/No
column, Data to Insight's SSD output, a column blank in every row, an empty return, coverage per list.

The liia-tools quirks and the SSD-style folder are built from the demo data (read back against the demo
workbook as it is), the empty return is Ofsted's template itself.
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools
from datetime import date
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
import yaml
from conftest import run_readiness
from pandas.testing import assert_frame_equal
from python_calamine import CalamineWorkbook
from test_readers import LISTS, read, write_csv_folder, write_params, write_workbook

from readiness.config.params import load_params
from readiness.config.period import Period
from readiness.indicators import care, workforce
from readiness.indicators.unreadable import figures_without_unreadable_rows
from readiness.inputs.aliases import SSD_HEADINGS, aliases
from readiness.inputs.annex_a import list_number
from readiness.inputs.annex_a_tables import ANNEX_A
from readiness.inputs.coverage import coverage_note
from readiness.inputs.headings import one_punctuation_edit
from readiness.inputs.read import read_inputs
from readiness.inputs.unexported import not_in_return, unexported_in
from readiness.inputs.values import heading_key
from readiness.present.narrative import figure_facts

UASC = "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)"
SUPPORT = "Was the child assessed as requiring LA children's social care support"
SSD_NAMES = {
    1: "contacts",
    2: "early_help_assessments",
    3: "referrals",
    4: "assessments",
    5: "s47_enquiries",
    6: "children_in_need",
    7: "child_protection",
    8: "children_in_care",
    9: "care_leavers",
    10: "adoption",
    11: "adopters",
}


def demo_sheets(demo_data: Path) -> dict[int, list[list]]:
    """The demo workbook's lists: list number → rows (headings first), cells as calamine reads them."""
    workbook = CalamineWorkbook.from_path(demo_data / "annex_a.xlsx")
    return {list_number(name): workbook.get_sheet_by_name(name).to_python() for name in workbook.sheet_names}


def save_sheets(path: Path, sheets: dict[int, list[list]]) -> Path:
    book = openpyxl.Workbook(write_only=True)
    for number, rows in sheets.items():
        sheet = book.create_sheet(f"List {number}")
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def column_of(rows: list[list], heading: str) -> int:
    return [heading_key(h) for h in rows[0]].index(heading_key(heading))


@pytest.fixture(scope="module")
def demo_reference(demo_data, tmp_path_factory):
    """The demo workbook read as it is: its lists and warnings."""
    folder = tmp_path_factory.mktemp("reference")
    inputs, findings = read(folder, annex_a=demo_data / "annex_a.xlsx")
    assert findings.errors == []
    return inputs.annex_a, findings.warnings


# --- near-miss headings ---------------------------------------------------------------------


def test_one_punctuation_edit():
    assert one_punctuation_edit("months (y/n))", "months (y/n)")  # a doubled bracket
    assert one_punctuation_edit("date of contact.", "date of contact")  # a stray full stop
    assert one_punctuation_edit("dateof contact", "date of contact")  # a missing space
    assert one_punctuation_edit("date-of contact", "date of contact")  # a space become a dash
    assert not one_punctuation_edit("date of contacts", "date of contact")  # a letter is no punctuation
    assert not one_punctuation_edit("date of contact..", "date of contact")  # two edits
    assert not one_punctuation_edit("date of contact", "date of contact")


def test_the_liia_tools_quirks_are_read_with_warnings(tmp_path, demo_data, demo_reference):
    # List 8's UASC heading with a doubled bracket; List 4's support column holding a case-management system's
    # outcome words: Yes as Open to CIN/CP/CLA, No as NFA, Close case, CS Close Case, Step down to early help
    # (any case and punctuation), and one row 'CS Assessment Updated', which says neither; the two lists alone
    reference, _ = demo_reference
    sheets = {number: rows for number, rows in demo_sheets(demo_data).items() if number in (4, 8)}
    sheets[8][0][column_of(sheets[8], UASC)] = UASC + ")"
    rows = sheets[4]
    support = column_of(rows, SUPPORT)
    words = {
        "a) Yes": itertools.cycle(["Open to CIN", "open to cp", "OPEN TO CLA"]),
        "b) No": itertools.cycle(["NFA", "Close case", "CS-Close Case", "step down to early help"]),
    }
    for row in rows[1:]:
        if row[support] in words:
            row[support] = next(words[row[support]])
    assert len({row[support] for row in rows[1:]}) == 8  # the seven words and blank
    odd_row = next(r for r in range(1, len(rows)) if rows[r][support] == "NFA")
    rows[odd_row][support] = "CS Assessment Updated"
    path = save_sheets(tmp_path / "annex_a.xlsx", sheets)

    inputs, findings = read(tmp_path, annex_a=path)
    assert findings.errors == []
    [near] = [w for w in findings.warnings if "taken as" in w.message]
    assert (near.sheet, near.column, near.row) == ("List 8", UASC, 1)
    assert near.message == f"heading '{UASC})' is taken as '{UASC}': they differ by one punctuation mark or space"
    assert_frame_equal(inputs.annex_a["list_8"], reference["list_8"])
    expected = reference["list_4"]["requires_support"].copy()
    excel_row = odd_row + 1
    expected[reference["list_4"]["_row"] == excel_row] = pd.NA
    assert inputs.annex_a["list_4"]["requires_support"].tolist() == expected.tolist()
    [odd] = [
        w
        for w in findings.warnings
        if w.column == "Was the child assessed as requiring LA children\u2019s social care support" and "cannot be read" in w.message
    ]
    assert (odd.row, odd.more) == (excel_row, 0)

    # the parameters may say what the other word means
    params = yaml.safe_load(write_params(tmp_path, annex_a=path).read_text())
    params["codes"] = {SUPPORT + "?": {"cs assessment updated": "No"}}
    (tmp_path / "pack.yaml").write_text(yaml.safe_dump(params), encoding="utf-8")
    inputs, findings = read_inputs(load_params(tmp_path / "pack.yaml"))
    assert inputs.annex_a["list_4"]["requires_support"].tolist() == reference["list_4"]["requires_support"].tolist()
    assert not [w for w in findings.warnings if "cannot be read" in w.message]


def heading_variants(tmp_path: Path, headings: list[str]) -> list:
    """List 3 with its ``Referral NFA?`` heading replaced by ``headings`` (blank values): the errors read."""
    base, rows = LISTS[3]
    position = base.index("Referral NFA?")
    lists = {
        3: (
            base[:position] + headings + base[position + 1 :],
            [row[:position] + [""] * len(headings) + row[position + 1 :] for row in rows],
        )
    }
    _, findings = read(tmp_path, annex_a=write_workbook(tmp_path / "annex_a.xlsx", lists))
    return findings.errors


def test_two_near_misses_or_none_leave_the_column_missing_naming_the_headings(tmp_path):
    [two] = heading_variants(tmp_path, ["Referral NFA.", "Referral-NFA"])
    assert (two.file, two.sheet, two.column) == ("annex_a.xlsx", "List 3", "Referral NFA?")
    assert two.message == "required column missing from List 3 (Referrals); headings that match no column: 'Referral NFA.', 'Referral-NFA'"
    [none] = heading_variants(tmp_path, ["Outcome"])
    assert none.message == "required column missing from List 3 (Referrals); headings that match no column: 'Outcome'"


# --- Data to Insight's Standard Safeguarding Dataset ---------------------------------------------


def test_ssd_list_names_are_recognised():
    assert [list_number(f"AA_{n}_{name}") for n, name in SSD_NAMES.items()] == list(range(1, 12))
    assert list_number("AA_1_contacts.csv") == 1 and list_number("AA_10_adoption") == 10


def ssd_heading(number: int, heading: str) -> str:
    """The SSD's heading for an Ofsted heading of list ``number`` (the Ofsted heading when the SSD has none of its own)."""
    name = ANNEX_A[number].heading_keys().get(heading_key(heading))
    ssd = aliases(number, name) if name else ()
    return ssd[0] if ssd else heading


def ssd_text(value) -> str:
    """A cell as the SSD's SQL writes it: dates ``dd/MM/yyyy``."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%d/%m/%Y")
    return "" if value is None else str(value)


def test_an_ssd_folder_reads_as_the_demo_return(tmp_path, demo_data, demo_reference):
    reference, _ = demo_reference
    folder = tmp_path / "ssd"
    folder.mkdir()
    for number, rows in demo_sheets(demo_data).items():
        keep = [i for i, h in enumerate(rows[0]) if heading_key(h) != "placement location"]  # the SSD has none
        with open(folder / f"AA_{number}_{SSD_NAMES[number]}.csv", "w", encoding="utf-8", newline="") as file:
            writer = csv.writer(file)
            writer.writerow([ssd_heading(number, rows[0][i]) for i in keep])
            writer.writerows([[ssd_text(row[i]) for i in keep] for row in rows[1:]])
    header = (folder / "AA_8_children_in_care.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("ChildUniqueID,Gender,Ethnicity,DateOfBirth,") and "LoookedAfterStartDate" in header
    inputs, findings = read(tmp_path, annex_a=folder)
    assert findings.errors == []
    for name, expected in reference.items():
        if name == "list_8":
            assert inputs.annex_a[name]["placement_location"].isna().all()
            expected = expected.assign(
                placement_location=pd.Series(pd.NA, index=expected.index, dtype=expected["placement_location"].dtype)
            )
        assert_frame_equal(inputs.annex_a[name], expected, obj=name)
    [missing] = [w for w in findings.warnings if w.column == "Placement Location"]
    assert (missing.file, missing.message) == ("ssd/AA_8_children_in_care.csv", "optional column missing: read as blank")
    params = load_params(write_params(tmp_path, annex_a=folder))
    assert figures_without_unreadable_rows(care.figures, inputs, params)["cla.placed_out_of_area_share"].value is None


def test_every_ssd_heading_finds_one_column_of_its_list():
    for number, columns in SSD_HEADINGS.items():
        keys = ANNEX_A[number].heading_keys()
        for name, headings in columns.items():
            assert all(keys[heading_key(h)] == name for h in headings), (number, name)


# --- a column blank in every row -----------------------------------------------------------------


def test_a_used_column_blank_in_every_row_is_not_in_this_return(tmp_path):
    # List 6's Allocated Worker and Date Child Was Last Seen blank in both rows: the system did not export them
    headings, rows = LISTS[6]
    blanked = [headings.index("Allocated Worker"), headings.index("Date Child Was Last Seen")]
    lists = {6: (headings, [[("" if i in blanked else v) for i, v in enumerate(row)] for row in rows])}
    inputs, findings = read(tmp_path, annex_a=write_workbook(tmp_path / "annex_a.xlsx", lists))
    assert findings.errors == []
    about = sorted((w.column, w.message) for w in findings.warnings if w.column in ("Allocated Worker", "Date Child Was Last Seen"))
    message = "blank in every row: the return does not carry this column, so the figures that read it are not in this return (null)"
    assert about == [("Allocated Worker", message), ("Date Child Was Last Seen", message)]  # once each, no per-row warnings
    params = load_params(write_params(tmp_path, annex_a=tmp_path / "annex_a.xlsx"))
    figures = figures_without_unreadable_rows(workforce.figures, inputs, params)
    for figure_id in ("caseload.unallocated_count", "caseload.median", "cin.seen_within_interval_share"):
        assert figures[figure_id].value is None, figure_id
    assert not_in_return(unexported_in(inputs), "caseload.unallocated_count") == "*Allocated Worker*"
    assert figure_facts(
        {"cin.seen_within_interval_share": figures["cin.seen_within_interval_share"]},
        5,
        not_in_return={"cin.seen_within_interval_share": not_in_return(unexported_in(inputs), "cin.seen_within_interval_share")},
    ).endswith("not in this return (its *Date Child Was Last Seen* column is blank in every row).")


def test_an_end_date_blank_in_every_row_is_real(tmp_path):
    # CIN Closure Date blank in both rows: both cases are open, which is data, not a field left out
    headings, rows = LISTS[6]
    closure = headings.index("CIN Closure Date")
    lists = {6: (headings, [[("" if i == closure else v) for i, v in enumerate(row)] for row in rows])}
    _, findings = read(tmp_path, annex_a=write_workbook(tmp_path / "annex_a.xlsx", lists))
    assert not [w for w in findings.warnings if "blank in every row" in w.message]


# --- an empty return ------------------------------------------------------------------------------


def test_ofsteds_empty_template_is_refused(tmp_path, ofsted_template):
    path = tmp_path / "hostile.yaml"
    write_params(tmp_path, annex_a=ofsted_template).rename(path)
    for command in ("validate", "build"):
        result = run_readiness([command, str(path), *(["--out", str(tmp_path / "out")] if command == "build" else [])])
        output = result.stdout + result.stderr
        assert result.returncode == 2, output
        assert "annex-a-template-2019.xlsx: the return has no rows" in output
    assert not (tmp_path / "out").exists()


def test_a_return_with_rows_in_one_list_is_read(tmp_path):
    headings, _ = LISTS[4]
    lists = {1: LISTS[1], 4: (headings, [])}
    _, findings = read(tmp_path, annex_a=write_csv_folder(tmp_path / "annex", lists))
    assert findings.errors == []


# --- the coverage sentence per list ---------------------------------------------------------------


def test_the_coverage_sentence_names_each_lists_first_day():
    period = Period(date(2019, 1, 1), date(2019, 5, 31), date(2019, 6, 3))
    coverage = {1: date(2019, 1, 5), 3: date(2019, 2, 1)}
    assert coverage_note(period, coverage, [1, 3]) == (
        "The return covers List 1 from 2019-01-05 and List 3 from 2019-02-01, after the period starts: each list's "
        "period figures count from its own first day to 2019-05-31, figures that combine the lists from the latest "
        "(2019-02-01), and months before a list's first day are shown as not covered."
    )
    assert coverage_note(period, {1: date(2019, 1, 5), 3: date(2019, 1, 5)}, [1, 3]) == (
        "The return covers Lists 1 and 3 from 2019-01-05, after the period starts: period figures count "
        "2019-01-05 to 2019-05-31 only, and earlier months are shown as not covered."
    )
    assert coverage_note(period, {1: date(2019, 1, 1), 3: date(2019, 2, 1)}, [1, 3]) == (
        "The return covers List 3 from 2019-02-01, after the period starts (List 1 covers the whole period): each list's "
        "period figures count from its own first day to 2019-05-31, figures that combine the lists from the latest "
        "(2019-02-01), and months before a list's first day are shown as not covered."
    )
    assert coverage_note(period, {1: date(2018, 12, 1)}, [1]) == ""
