"""The error policy of inputs.md §3, ages, system words and Lists 2 and 8-11 as the readers see them.

Small hand-made lists (period Jan-May 2019, snapshot 3 June 2019, as in ``test_readers.py``);
each expected value is read off the rows written here.
"""

from __future__ import annotations

import copy
import shutil

import openpyxl
import pandas as pd
import pytest
from test_readers import ALLOCATED, COMMON, LISTS, as_excel, read, write_csv_folder

from readiness.inputs.annex_a_tables import ANNEX_A
from readiness.inputs.bundle import UNREADABLE
from readiness.inputs.values import is_in, parse_age

REFERRAL = COMMON + ["Date of referral", "Referral Source", "Referral NFA?", "Number of Referrals in Last 12 Months"] + ALLOCATED


def referral(i: int, nfa: str = "b) No", when: str = "04/01/2019", **more) -> list[str]:
    """One List 3 row for child ``C<i>``."""
    row = dict(zip(REFERRAL, [f"C{i}", "a) Male", "a) WBRI", "14/02/2012", "7", when, "e) 2A: Schools", nfa, "0", "Front Door", "W001"]))
    row.update(more)
    return [row[h] for h in REFERRAL]


def referrals(tmp_path, rows: list[list[str]], **params):
    """Read a CSV Annex A holding only List 3 with ``rows``: (inputs, findings)."""
    folder = write_csv_folder(tmp_path / "annex", {3: (REFERRAL, rows)})
    return read(tmp_path, annex_a=folder, **params)


def with_bad_nfa(total: int, bad: int) -> list[list[str]]:
    """``total`` referrals of which the first ``bad`` have an unreadable ``Referral NFA?``."""
    return [referral(i, "maybe" if i < bad else "b) No") for i in range(total)]


# --- one bad value: a warning; too many: the file is misread ------------------------------------


def test_one_unreadable_value_in_a_used_column_is_a_warning_naming_the_figures(tmp_path):
    inputs, findings = referrals(tmp_path, with_bad_nfa(10, 1))
    assert findings.errors == []
    [warning] = [w for w in findings.warnings if w.column == "Referral NFA?"]
    assert (warning.file, warning.row, warning.count, warning.example_rows) == ("annex/List_3.csv", 2, 1, (2,))
    assert warning.figures == ("referrals.nfa_share", "referrals.monthly.nfa_share")
    assert "maybe" not in warning.describe()  # a warning never quotes the value
    frame = inputs.annex_a["list_3"]
    assert len(frame) == 10  # the row stays for the figures that do not read the column
    assert frame[UNREADABLE].tolist() == ["referral_nfa"] + [pd.NA] * 9


def test_ten_percent_unreadable_exactly_is_not_an_error(tmp_path):
    _, findings = referrals(tmp_path, with_bad_nfa(100, 10))
    assert findings.errors == []
    [warning] = [w for w in findings.warnings if w.column == "Referral NFA?"]
    assert warning.count == 10 and warning.example_rows == (2, 3, 4)


def test_more_than_ten_percent_unreadable_is_an_error_with_the_share_and_three_examples(tmp_path):
    _, findings = referrals(tmp_path, with_bad_nfa(100, 11))
    [error] = findings.errors
    assert (error.sheet, error.column, error.row, error.more) == (None, "Referral NFA?", 2, 10)
    assert "11.0% of the non-blank values (11) cannot be read" in error.message
    assert "'maybe' in row 2, 'maybe' in row 3, 'maybe' in row 4" in error.message


def test_the_share_counts_non_blank_values_only(tmp_path):
    # 2 unreadable of 10 filled (20 %), with 90 blanks that would make it 2 %
    rows = [referral(i, "maybe" if i < 2 else ("b) No" if i < 10 else "")) for i in range(100)]
    _, findings = referrals(tmp_path, rows)
    assert [e.column for e in findings.errors] == ["Referral NFA?"] and "20.0%" in findings.errors[0].message


def test_a_column_no_figure_uses_never_stops_a_build(tmp_path):
    rows = [referral(i, **{"Gender": "X", "Age of Child (Years)": "old", "Referral Source": "Martian"}) for i in range(10)]
    _, findings = referrals(tmp_path, rows)
    assert findings.errors == []
    assert {w.column for w in findings.warnings} == {"Gender", "Age of Child (Years)", "Referral Source"}
    assert all(w.count == 10 and w.figures == () for w in findings.warnings)


def test_an_unreadable_key_date_leaves_the_row_out_with_one_warning(tmp_path):
    rows = [referral(i, when="31/02/2019" if i == 0 else "04/01/2019") for i in range(10)]
    inputs, findings = referrals(tmp_path, rows)
    [warning] = findings.warnings
    assert (warning.column, warning.row) == ("Date of referral", 2) and "the rows are left out" in warning.message
    assert len(inputs.annex_a["list_3"]) == 9


@pytest.mark.parametrize("how", ["parameter", "option"])
def test_strict_turns_one_unreadable_value_into_an_error(tmp_path, how):
    from test_readers import write_params

    from readiness.config.params import load_params
    from readiness.inputs.read import read_inputs

    folder = write_csv_folder(tmp_path / "annex", {3: (REFERRAL, with_bad_nfa(10, 1))})
    params = load_params(write_params(tmp_path, annex_a=folder))
    params = params.model_copy(update={"strict": True})  # what strict: true and --strict both set
    _, findings = read_inputs(params)
    [error] = findings.errors
    assert (error.column, error.row) == ("Referral NFA?", 2) and "strict" in error.message
    assert not any(w.column == "Referral NFA?" for w in findings.warnings)


def test_strict_leaves_columns_no_figure_uses_as_warnings(tmp_path):
    from test_readers import write_params

    from readiness.config.params import load_params
    from readiness.inputs.read import read_inputs

    rows = [referral(i, **{"Referral Source": "Martian"}) for i in range(10)]
    folder = write_csv_folder(tmp_path / "annex", {3: (REFERRAL, rows)})
    params = load_params(write_params(tmp_path, annex_a=folder)).model_copy(update={"strict": True})
    _, findings = read_inputs(params)
    assert findings.errors == [] and [w.column for w in findings.warnings] == ["Referral Source"]


@pytest.mark.parametrize(
    "number, column",
    [(n, c.name) for n in (1, 3, 4, 5, 6, 7) for c in ANNEX_A[n].columns if c.used and c.kind.expected not in ("an id", "text")],
)
def test_one_bad_row_in_each_used_column_is_a_warning(tmp_path, number, column):
    headings, rows = copy.deepcopy(LISTS[number])
    spec = ANNEX_A[number]
    heading = spec.heading_of(column)
    position = [h.casefold() for h in headings].index(heading.casefold())
    base = next((row for row in rows if row[position]), rows[0])  # a row with the column filled, if any
    many = []
    for i in range(10):  # ten children, the first with an unreadable value (10 %: not an error)
        row = list(base)
        row[0] = f"C{i}"
        row[position] = "zzz" if i == 0 else (row[position] or "31/05/2019")  # List 7 has no plan end: one is given
        many.append(row)
    folder = write_csv_folder(tmp_path / "annex", {number: (headings, many)})
    inputs, findings = read(tmp_path, annex_a=folder)
    assert findings.errors == []
    [warning] = [w for w in findings.warnings if w.column == heading]
    assert (warning.row, warning.count, warning.figures) == (2, 1, spec.column(column).readers)
    frame = inputs.annex_a[f"list_{number}"]
    if column in spec.row_id:
        assert len(frame) == 9
    else:
        assert frame.loc[frame["child_id"] == "C0", UNREADABLE].tolist() == [column]


# --- system words through the readers -----------------------------------------------------------


def test_system_words_are_read_in_every_coded_column(tmp_path):
    words = [
        ("F", "POLICE", "Y", "2", "police"),
        ("M", "School", "N", "1", "schools"),
        ("U", "Hospital", "1", "9", "health"),
        ("1", "Anonymous", "0", "0", "anonymous"),
    ]
    rows = [referral(i, nfa, **{"Gender": gender, "Referral Source": source}) for i, (gender, source, nfa, _, _) in enumerate(words)]
    inputs, findings = referrals(tmp_path, rows)
    assert findings.errors == [] and findings.warnings == []
    frame = inputs.annex_a["list_3"]
    assert frame["gender"].tolist() == ["female", "male", "not_stated", "male"]
    assert frame["referral_source"].tolist() == ["6", "2A", "3", "9"]
    assert frame["referral_nfa"].tolist() == [True, False, True, False]


def test_an_unrecognised_source_is_a_warning_and_not_recorded_or_unrecognised(tmp_path):
    from readiness.config.period import Period
    from readiness.indicators.frontdoor import sources_in_period

    rows = [referral(i, **{"Referral Source": "Martian" if i == 0 else "Police"}) for i in range(3)]
    inputs, findings = referrals(tmp_path, rows)
    [warning] = findings.warnings
    assert (warning.column, warning.row, warning.figures) == ("Referral Source", 2, ())
    table = sources_in_period(
        inputs.annex_a["list_3"],
        "referral_date",
        "referral_source",
        Period.of(pd.Timestamp("2019-01-01").date(), pd.Timestamp("2019-05-31").date()),
    )
    counts = table.set_index("source_group")["count"]
    assert (counts["Police"], counts["Not recorded or unrecognised"]) == (2, 1)


# --- ages ---------------------------------------------------------------------------------------


def test_fractional_ages_keep_their_whole_years_and_blanks_stay_blank():
    ages = parse_age(pd.Series(["0.194", "15.99", "7", "7.0", "-1", "", None], dtype="string").replace("", pd.NA))
    assert ages.tolist() == [0, 15, 7, 7, -1, pd.NA, pd.NA]


def test_negative_age_other_than_unborn_is_a_warning(tmp_path):
    rows = [referral(i, **{"Age of Child (Years)": age}) for i, age in enumerate(["0.194", "", "-1", "-3"])]
    inputs, findings = referrals(tmp_path, rows)
    assert findings.errors == []
    [warning] = findings.warnings
    assert (warning.column, warning.row, warning.count) == ("Age of Child (Years)", 5, 1) and "negative age" in warning.message
    assert inputs.annex_a["list_3"]["age"].tolist() == [0, pd.NA, -1, -3]


# --- List 9 in both layouts, and the other lists no figure uses yet ------------------------------


CARE_LEAVER = {
    "Child Unique ID": "L1",
    "Gender": "b) Female",
    "Ethnicity": "a) WBRI",
    "Date of Birth": "01/01/2001",
    "Age of Child (Years)": "18",
    "Does the Child have a Disability": "b) No",
    "Allocated Team": "Leaving Care",
    "Allocated Worker": "PA1",
    "Eligibility Category": "d) Eligible child",
    "LA In Touch ": "a) Yes",
    "Type of Accommodation": "W2",
    "Suitability of Accommodation": "",
    "Activity Status": "F4",
}


def test_the_2019_templates_13_column_list_9_is_read(tmp_path, ofsted_template):
    path = tmp_path / "annex_a.xlsx"
    shutil.copy(ofsted_template, path)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["List_9"]
    headings = [cell.value for cell in sheet[2]]
    assert len(headings) == 13
    other = {
        **CARE_LEAVER,
        "Child Unique ID": "L2",
        "Type of Accommodation": "B: Parents/relatives",
        "Suitability of Accommodation": "a) Suitable",
        "Activity Status": "G5",
        "LA In Touch ": "d) Refu",
    }
    for r, values in enumerate([CARE_LEAVER, other], start=3):
        for c, heading in enumerate(headings, start=1):
            sheet.cell(r, c).value = as_excel(values[heading])
    workbook.save(path)
    inputs, findings = read(tmp_path, annex_a=path)
    assert findings.errors == [] and findings.warnings == []
    frame = inputs.annex_a["list_9"]
    assert frame["eligibility"].tolist() == ["eligible", "eligible"]
    assert frame["in_touch"].tolist() == ["yes", "refused"]
    assert frame["accommodation"].tolist() == ["W", "B"]
    assert frame["suitability"].tolist() == ["unsuitable", "suitable"]  # W2 carries "unsuitable"
    assert frame["activity"].tolist() == ["F4", "G5"]
    assert "latest_contact" not in frame and frame["_row"].tolist() == [3, 4]  # 2019 layout: no current columns


def test_a_17_column_list_9_is_read_and_each_current_column_is_optional(tmp_path):
    current = {
        "Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)": "N",
        "Allocated Personal Advisor": "PA One",
        "Latest Pathway Plan Review Date": "01/05/2019",
        "Latest Date of Contact": "2019-05-20",
    }
    full = {**CARE_LEAVER, **current}
    inputs, findings = read(tmp_path, annex_a=write_csv_folder(tmp_path / "annex", {9: (list(full), [list(full.values())])}))
    assert findings.errors == [] and findings.warnings == []
    row = inputs.annex_a["list_9"].iloc[0]
    assert (row["uasc"], row["personal_advisor"]) == (False, "PA One")
    assert (row["pathway_plan_review"], row["latest_contact"]) == (pd.Timestamp("2019-05-01"), pd.Timestamp("2019-05-20"))
    fewer = {k: v for k, v in full.items() if k != "Allocated Personal Advisor"}
    inputs, findings = read(tmp_path, annex_a=write_csv_folder(tmp_path / "annex2", {9: (list(fewer), [list(fewer.values())])}))
    assert findings.errors == [] and findings.warnings == []
    assert "personal_advisor" not in inputs.annex_a["list_9"] and "latest_contact" in inputs.annex_a["list_9"]


def test_odd_values_in_list_8_are_warnings_only(tmp_path):
    """Placement Type feeds the placement figures (1 of 11 unreadable: under 10 %); Child's Legal Status feeds
    cla.review_in_time_share (short breaks are left out of it): both only warnings."""
    headings = [c.heading for c in ANNEX_A[8].columns]
    blank = dict.fromkeys(headings, "")
    first = {
        **blank,
        "Child Unique ID": "K1",
        "Date Started to be Looked After": "01/02/2019",
        "Placement Type": "Foster care",
        "Child's Legal Status": "C2",
    }
    second = {
        **blank,
        "Child Unique ID": "K2",
        "Date Started to be Looked After": "2019-03-01",
        "Placement Type": "U4",
        "Child's Legal Status": "X9",
    }
    more = [{**second, "Child Unique ID": f"K{n}", "Child's Legal Status": "C2"} for n in range(3, 12)]
    rows = [list(row.values()) for row in (first, second, *more)]
    inputs, findings = read(tmp_path, annex_a=write_csv_folder(tmp_path / "annex", {8: (headings, rows)}))
    assert findings.errors == []
    unreadable = {(w.column, w.row, w.figures) for w in findings.warnings if "cannot be read" in w.message}
    placement_figures = (
        "cla.foster_placement_share",
        "cla.visit_within_regulation_share",
        "cla.kinship_placement_share",
        "cla.placed_with_parents_count",
        "cla.under_16_in_unregulated_count",
    )  # in the figure registry's order
    assert unreadable == {("Placement Type", 2, placement_figures), ("Child's Legal Status", 3, ("cla.review_in_time_share",))}
    frame = inputs.annex_a["list_8"]
    assert frame["placement_type"].tolist()[:3] == [pd.NA, "U4", "U4"] and frame["legal_status"].tolist()[:3] == ["C2", pd.NA, "C2"]
    assert frame["looked_after_start"].tolist()[:2] == [pd.Timestamp("2019-02-01"), pd.Timestamp("2019-03-01")]


def test_a_column_is_parsed_once_and_what_does_not_parse_is_unreadable():
    """A kind whose readable texts are those that parse (``accepts=None``) is parsed once, for reading and checking."""
    from readiness.inputs.normalise import Findings, normalise
    from readiness.inputs.schema import ID, ColumnSpec, Kind, TableSpec
    from readiness.inputs.tables import Table
    from readiness.inputs.values import parse_date

    calls = []
    counted = Kind(lambda text: calls.append(len(text)) or parse_date(text), None, "a date")
    spec = TableSpec("visits", (ColumnSpec("visit_id", ("visit_id",), ID), ColumnSpec("visit_date", ("visit_date",), counted)))
    text = pd.DataFrame(
        {"visit_id": ["V1", "V2", "V3", "V4"], "visit_date": ["2019-01-02", "zzz", None, "03/01/2019"], "_row": [2, 3, 4, 5]},
        dtype="string",
    )
    findings = Findings()
    frame = normalise(Table("visits.csv", None, text), spec, findings)
    assert calls == [4]  # the whole column, once
    assert frame["visit_date"].isna().tolist() == [False, True, True, False]
    [warning] = findings.warnings  # "zzz", Excel row 3; a column no figure reads: a warning, never an error
    assert (findings.errors, warning.column, warning.row) == ([], "visit_date", 3)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["b", "a", "a"], [True, False, True, False]),  # a blank matches no id
        (["c", None], [False, True, False, True]),  # a blank matches a blank, as pandas' isin has it
        ([], [False, False, False, False]),
    ],
)
def test_is_in_tells_which_ids_are_among_others_as_pandas_isin_does(values, expected):
    column = pd.Series(["a", None, "b", "c"], dtype="string[pyarrow]", index=[5, 6, 7, 8], name="child_id")
    found = is_in(column, pd.Series(values, dtype="string[pyarrow]"))
    assert found.tolist() == expected and found.index.tolist() == [5, 6, 7, 8] and found.dtype == bool
    assert is_in(column, pd.Index(pd.Series(values, dtype="string[pyarrow]"))).tolist() == expected


def test_is_in_takes_other_kinds_of_values_as_pandas_does():
    assert is_in(pd.Series([1, 2, 3]), pd.Series([3, 1])).tolist() == [True, False, True]
    assert is_in(pd.Series(["a", "b"], dtype="string[pyarrow]"), pd.Series(["b"], dtype=object)).tolist() == [False, True]
