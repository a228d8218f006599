"""The same demo Annex A in every form a council really sends gives the same figures.

The demo data is written once; its Annex A is read (never modified) and rewritten as

(a) the original workbook, copied (Excel dates, headings in row 1, sheets ``List 1`` ...);
(b) a workbook with every date as ``dd/mm/yyyy`` text, sheets ``List_1`` ... and a title
    row ("List 1: Contacts") above the headings;
(c) a folder of CSVs ``List1.csv`` ...: List 3 as Excel's plain CSV (cp1252, no BOM, with a
    title row holding a curly apostrophe and a heading holding a non-breaking space), the
    others as Excel's "CSV UTF-8" (BOM); headings in varied case and spacing; codes without
    their letter prefix (``a) Yes`` -> ``Yes``, ``e) 2A: Schools`` -> ``2A: Schools``) and
    some in other case (``YES``, ``N1 - Abuse Or Neglect``);
(d) Ofsted's own template, filled in under each ``List_N`` sheet's heading row, its
    guidance sheets left beside the lists.

Every variant gets the same parameters (same ``pack_id``, same local extracts) but for
the Annex A path, so the ``figures.json`` documents can be compared whole.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import shutil
from pathlib import Path

import openpyxl
import pytest
import yaml
from conftest import TEMPLATE
from python_calamine import CalamineWorkbook

from readiness.config.params import load_params
from readiness.inputs.annex_a import list_number
from readiness.inputs.read import load_inputs
from readiness.pack.build import build
from readiness.pack.figures import compute_figures
from readiness.pack.notebook import Pack
from readiness.pack.pipeline import pack_document

PREFIX = re.compile(r"^[a-z]{1,2}\d?\)\s*")  # Ofsted's letter prefix: "a) ", "p1) "
TITLES = {  # the title rows of Ofsted's template
    1: "List 1: Contacts",
    3: "List 3: Referral",
    4: "List 4: Assessments",
    5: "List 5: Section 47 enquiries and Initial Child Protection Conferences",
    6: "List 6: Children in Need",
    7: "List 7: Child protection",
    2: "List 2: Early Help",
    10: "List 10: Adoption",
    11: "List 11: Adopters",
    8: "List 8: Children in care",
    9: "List 9: Care leavers",
}
# Columns whose codes the CSV variant also writes in another case.
UPPER_CASED = {"Referral NFA?", "Child Seen During Continuous Assessment", "Was the Child Seen Alone?"}
TITLE_CASED = {"Primary Need Code", "Case status"}
NBSP = "\u00a0"
PARAMS = {
    "pack_id": "formats",
    "la_name": "Northbridge",
    "period_start": "2024-10-01",
    "period_end": "2025-09-30",
    "annex_a_extract_date": "2025-10-03",
    "audience": "public",
    "child_population": 52000,
}
EXTRACTS = ("case_audits", "strategy_meetings", "workforce", "supervision")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_lists(workbook: Path) -> dict[int, tuple[list[str], list[list]]]:
    """``{list number: (headings, rows)}`` of the demo workbook, cells as calamine reads them."""
    book = CalamineWorkbook.from_path(str(workbook))
    lists = {}
    for sheet in book.sheet_names:
        rows = book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
        lists[list_number(sheet)] = ([str(h) for h in rows[0]], [list(r) for r in rows[1:]])
    return lists


def as_text(value) -> str:
    """A cell as a council's CSV or text-formatted sheet holds it: dates dd/mm/yyyy, whole numbers bare."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def as_excel(value):
    """A cell as a filled-in template holds it: dates as dates, whole numbers as numbers, blanks empty."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return dt.datetime(value.year, value.month, value.day)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None if value == "" else value


def varied_heading(heading: str, position: int) -> str:
    """The heading as another council spells it: upper case, doubled or non-breaking spaces, a ``?`` toggled."""
    heading = heading.replace("\u2019", "'")  # straight apostrophe (the demo has the curly one)
    if heading == "Age of Child (Years)":
        return "AGE"  # "some returns head it Age"
    style = position % 4
    if style == 0:
        return heading.upper()
    if style == 1:
        return "  " + heading.replace(" ", "  ") + " "
    if style == 2:
        return heading.replace(" ", NBSP)
    return heading.lower()[:-1] if heading.endswith("?") else heading.lower() + "?"


def unprefixed(value, heading: str):
    """A code without Ofsted's letter prefix (and, for some columns, in another case)."""
    text = as_text(value)
    bare = PREFIX.sub("", text)
    if bare != text or heading in TITLE_CASED:
        if heading in UPPER_CASED:
            return bare.upper()
        if heading in TITLE_CASED:
            return bare.title()  # "N1 - Abuse Or Neglect", "Child In Need Plan"
    return bare


def csv_line(cells: list[str]) -> str:
    return ",".join(f'"{c}"' if ("," in c or '"' in c) else c for c in cells)


# --- the variants ------------------------------------------------------------------


def write_text_dates(path: Path, lists) -> Path:
    """(b) every date as dd/mm/yyyy text, sheets ``List_N``, a title row above the headings."""
    book = openpyxl.Workbook(write_only=True)
    for number, (headings, rows) in lists.items():
        sheet = book.create_sheet(f"List_{number}")
        sheet.append([TITLES[number]])
        sheet.append(headings)
        for row in rows:
            sheet.append([as_text(v) if isinstance(v, dt.date) else as_excel(v) for v in row])
    book.save(path)
    return path


def write_csv_folder(folder: Path, lists) -> Path:
    """(c) ``List1.csv`` ...: List 3 plain cp1252 CSV under a title row, the rest UTF-8 with a BOM."""
    folder.mkdir()
    for number, (headings, rows) in lists.items():
        theirs = [varied_heading(h, i) for i, h in enumerate(headings)]
        lines = [csv_line(theirs)]
        lines += [csv_line([unprefixed(v, h) for v, h in zip(row, headings)]) for row in rows]
        if number == 3:
            # Excel's plain CSV of the template's sheet: its title row (with a curly apostrophe) comes too,
            # and one heading keeps a non-breaking space; neither is ASCII, both are cp1252.
            theirs[headings.index("Date of referral")] = f"Date of{NBSP}referral"
            lines[0] = csv_line(theirs)
            lines.insert(0, csv_line(["List 3: Referrals \u2013 children\u2019s social care"] + [""] * (len(headings) - 1)))
            encoding = "cp1252"
        else:
            encoding = "utf-8-sig"
        (folder / f"List{number}.csv").write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return folder


def fill_template(template: Path, path: Path, lists) -> Path:
    """(d) Ofsted's template with the rows written under each ``List_N`` heading row (row 2)."""
    book = openpyxl.load_workbook(template)
    for number, (headings, rows) in lists.items():
        sheet = book[f"List_{number}"]
        theirs = [sheet.cell(row=2, column=c).value for c in range(1, sheet.max_column + 1)]
        position = {h.strip(): i for i, h in enumerate(headings)}
        columns = [position[h.strip()] for h in theirs]  # every template heading is one of the demo's (List 10 has a trailing space)
        for r, row in enumerate(rows, start=3):
            for c, source in enumerate(columns, start=1):
                value = as_excel(row[source])
                if value is not None:
                    cell = sheet.cell(row=r, column=c, value=value)
                    if isinstance(value, dt.datetime):
                        cell.number_format = "DD/MM/YYYY"
    book.save(path)
    return path


def write_params(path: Path, annex_a: Path, demo: dict[str, Path]) -> Path:
    document = dict(PARAMS, data={"annex_a": str(annex_a), **{k: str(demo[k]) for k in EXTRACTS}})
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    return path


def warning_keys(warnings) -> list[tuple]:
    """Warnings without where they were found in the file (sheet names and row numbers differ by form)."""
    return sorted((list_number(w.sheet or w.file) or w.file, w.column, w.message, w.more + 1) for w in warnings)


@pytest.fixture(scope="module")
def formats(demo_data, tmp_path_factory) -> dict:
    """Every variant written, its parameters file, and its inputs and warnings."""
    root = tmp_path_factory.mktemp("formats")
    demo = {name: demo_data / f"{name}.csv" for name in EXTRACTS}
    original = demo_data / "annex_a.xlsx"
    before = sha256(original)
    lists = read_lists(original)
    assert sorted(lists) == list(range(1, 12))

    annexes = {
        "a_original": Path(shutil.copy(original, root / "annex_a_original.xlsx")),
        "b_text_dates": write_text_dates(root / "annex_a_text_dates.xlsx", lists),
        "c_csv_folder": write_csv_folder(root / "annex_a_csv", lists),
    }
    if TEMPLATE.exists():
        annexes["d_ofsted_template"] = fill_template(TEMPLATE, root / "annex_a_template.xlsx", lists)
    params_files = {name: write_params(root / f"{name}.yaml", path, demo) for name, path in annexes.items()}

    results = {"root": root, "annexes": annexes, "params": params_files, "inputs": {}, "warnings": {}}
    for name, params_file in params_files.items():
        inputs = load_inputs(load_params(params_file))  # raises InputError on any error
        results["inputs"][name], results["warnings"][name] = inputs, inputs.warnings
    results["original_unchanged"] = sha256(original) == before
    return results


@pytest.fixture(scope="module")
def documents(formats) -> dict[str, dict]:
    """The figures.json document of each variant but (a), computed without a build ((a)'s comes from the full build)."""
    found = {}
    for name, inputs in formats["inputs"].items():
        if name != "a_original":
            params = load_params(formats["params"][name])
            document = pack_document(Pack(params, inputs, compute_figures(inputs, params)))
            found[name] = json.loads(json.dumps(document))  # as figures.json holds it
    return found


@pytest.fixture(scope="module")
def built(formats) -> dict[str, Path]:
    """Full builds of (a) and, when Ofsted's template is at hand, (d), each in a folder of its own."""
    root = formats["root"]
    packs = {}
    for name in ("a_original", "d_ofsted_template"):
        if name in formats["params"]:
            packs[name] = build(formats["params"][name], root / f"out_{name}" / "formats", jobs=2) / "figures.json"
    return packs


# --- the variants are what they claim to be -----------------------------------------


def test_variants_have_the_forms_claimed(formats):
    annexes = formats["annexes"]
    assert formats["original_unchanged"], "the demo workbook was modified"

    text = CalamineWorkbook.from_path(str(annexes["b_text_dates"]))
    assert text.sheet_names == [f"List_{n}" for n in (1, 3, 4, 5, 6, 7, 2, 10, 11, 8, 9)]
    contacts = text.get_sheet_by_name("List_1").to_python()
    assert contacts[0][0] == "List 1: Contacts" and contacts[1][0] == "Child Unique ID"
    assert re.fullmatch(r"\d{2}/\d{2}/\d{4}", contacts[2][5]), contacts[2]  # Date of Contact is text

    folder = annexes["c_csv_folder"]
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"List{n}.csv" for n in range(1, 12))
    referrals = (folder / "List3.csv").read_bytes()
    assert not referrals.startswith(b"\xef\xbb\xbf") and b"\x92" in referrals and b"\xa0" in referrals
    with pytest.raises(UnicodeDecodeError):
        referrals.decode("utf-8")  # so the reader must fall back to cp1252
    for number in (1, 4, 5, 6, 7):
        assert (folder / f"List{number}.csv").read_bytes().startswith(b"\xef\xbb\xbf"), number
    csv_text = "".join((folder / f"List{n}.csv").read_text(encoding="utf-8-sig") for n in (1, 4, 5, 6, 7))
    assert not re.search(r"(^|,)[a-z]{1,2}\d?\) ", csv_text, re.MULTILINE), "a letter prefix was left in"
    for bare in ("2A: Schools", "Yes", "WBRI", "Male", "Neglect", "Child In Need Plan", "N1 - Abuse Or Neglect", "YES"):
        assert re.search(rf"(^|,){re.escape(bare)}(,|$)", csv_text, re.MULTILINE), bare
    contact_headings = (folder / "List1.csv").read_text(encoding="utf-8-sig").splitlines()[0].split(",")
    assert contact_headings == [
        "CHILD UNIQUE ID",
        "  Gender ",
        "Ethnicity",
        "date of birth?",
        "AGE",
        "  Date  of  Contact ",
        f"Contact{NBSP}Source",
    ]

    if "d_ofsted_template" in annexes:
        filled = openpyxl.load_workbook(annexes["d_ofsted_template"], read_only=True)
        assert {"Front_Sheet", "FAQ_and_changes", "Guidance", "Codes_used", "List_2", "List_11"} <= set(filled.sheetnames)
        sheet = filled["List_1"]
        top = [row for row in sheet.iter_rows(min_row=1, max_row=3, values_only=True)]
        assert top[0][0] == "List 1: Contacts" and top[1][0] == "Child Unique ID" and top[2][0] is not None
        assert isinstance(top[2][5], dt.datetime)  # Date of Contact as an Excel date


# --- same figures, no errors, same warnings -----------------------------------------


def test_no_variant_has_errors_and_all_have_the_same_warnings(formats):
    # load_inputs raised for none of them (the fixture would have failed); compare the warnings.
    warnings = {name: warning_keys(found) for name, found in formats["warnings"].items()}
    first = warnings["a_original"]
    for name, found in warnings.items():
        assert found == first, f"{name} warns differently from the original workbook"


@pytest.mark.slow
def test_every_variant_gives_the_same_figures_json(documents, built):
    documents = dict(documents)
    documents["a_original (full build)"] = json.loads(built["a_original"].read_text(encoding="utf-8"))
    reference = documents["a_original (full build)"]
    # A real comparison: the figures the lists feed are there and not empty.
    figures = reference["figures"]
    assert figures["contacts.count"] > 1000 and figures["assessments.completed_count"] > 500
    assert 0 < figures["assessments.within_45_working_days_share"] < 1
    assert figures["caseload.open_children"] > 0 and figures["cp.monthly.started_count"]
    assert reference["pack_id"] == "formats" and reference["snapshot_date"] == "2025-10-03"
    for name, document in documents.items():
        expected = in_2019_layout(reference) if name == "d_ofsted_template" else reference
        differing = sorted(
            k for k in expected["figures"].keys() | document["figures"].keys() if expected["figures"].get(k) != document["figures"].get(k)
        )
        assert differing == [], f"{name}: figures differ from the original workbook's: {differing}"
        assert without_coverage(document) == without_coverage(expected), name
        assert same_coverage_where_both_have_the_list(document, expected), name


CURRENT_LAYOUT_IDS = (
    "care_leavers.personal_adviser_share",
    "care_leavers.pathway_plan_in_date_share",
    "care_leavers.contact_within_interval_share",
)


def in_2019_layout(document: dict) -> dict:
    """``document`` as a return in Ofsted's 2019 template gives it: its 13-column List 9 lacks the four columns of the
    current layout, so the figures that need them are null (indicators.md, Care leavers)."""
    return document | {"figures": document["figures"] | dict.fromkeys(CURRENT_LAYOUT_IDS)}


def without_coverage(document: dict) -> dict:
    """figures.json without its ``coverage``: the template's empty sheets are lists provided (and covered) too."""
    return {key: value for key, value in document.items() if key != "coverage"}


def same_coverage_where_both_have_the_list(document: dict, reference: dict) -> bool:
    common = document["coverage"].keys() & reference["coverage"].keys()
    return "List 1" in common and all(document["coverage"][name] == reference["coverage"][name] for name in common)


@pytest.mark.slow
def test_full_builds_of_workbook_and_template_write_identical_figures_json(documents, built):
    if "d_ofsted_template" not in built:
        pytest.skip(f"Ofsted's Annex A template is not at {TEMPLATE} (../shared is absent)")
    original, template = json.loads(built["a_original"].read_bytes()), json.loads(built["d_ofsted_template"].read_bytes())
    assert without_coverage(in_2019_layout(original)) == without_coverage(template)
    assert same_coverage_where_both_have_the_list(original, template)
    # and the full build wrote what the cheap route computed for the template
    assert template == documents["d_ofsted_template"]
