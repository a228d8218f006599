"""The same Annex A as every workbook format a council has: .xls, .ods and .xlsb read as the .xlsx does.

Two returns are converted, each sheet cell for cell, by small writers (xlwt for .xls, and the
test helpers ``ods_writer`` and ``xlsb_writer``): dates stay dates in .xls and .ods; the .xlsb
writer has no styles, so its dates are ``dd/mm/yyyy`` text.

- the demo return (``data/demo/annex_a.xlsx``): each conversion is built into a full pack
  whose ``figures.json`` must equal the .xlsx's;
- Ofsted's 2019 template filled in place with the hand-made rows of ``test_readers.LISTS``
  (its guidance sheets converted too): each conversion must give the same lists, warnings
  and figures as the filled .xlsx.

A file is judged by its content, so a conversion saved under a lying extension reads the same.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
import xlwt
from ods_writer import write_ods
from python_calamine import CalamineWorkbook
from test_formats import EXTRACTS as EXTRACT_NAMES
from test_formats import warning_keys
from test_formats import write_params as write_demo_params
from test_readers import fill_ofsted_template, write_extracts, write_params
from xlsb_writer import write_xlsb

from readiness.config.params import load_params
from readiness.inputs.read import load_inputs
from readiness.inputs.workbooks import workbook_format
from readiness.pack.build import build
from readiness.pack.figures import compute_figures, figures_document
from readiness.pack.notebook import Pack
from readiness.pack.pipeline import pack_document

FORMATS = ("xls", "ods", "xlsb")


def workbook_cells(path: Path) -> dict[str, list[list]]:
    """Every worksheet of a workbook, in order, as calamine reads its cells from A1."""
    book = CalamineWorkbook.from_path(str(path))
    return {name: book.get_sheet_by_name(name).to_python(skip_empty_area=False) for name in book.sheet_names}


def write_xls(path: Path, sheets: dict[str, list[list]]) -> Path:
    """A legacy .xls (BIFF8, by xlwt): dates as Excel dates formatted dd/mm/yyyy."""
    book = xlwt.Workbook()
    date_style = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    for name, rows in sheets.items():
        sheet = book.add_sheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if isinstance(value, (dt.date, dt.datetime)):
                    sheet.write(r, c, value, date_style)
                elif value not in ("", None):
                    sheet.write(r, c, value)
    book.save(str(path))
    return path


WRITERS = {"xls": write_xls, "ods": write_ods, "xlsb": write_xlsb}


def convert(source: Path, kind: str, target: Path) -> Path:
    """``source`` rewritten in format ``kind`` at ``target``, checked to be what it claims."""
    WRITERS[kind](target, workbook_cells(source))
    assert workbook_format(target) == kind
    return target


def figures_of(params_file: Path) -> tuple[dict, list]:
    """The figures.json document of a parameters file, computed without a build, and its warnings."""
    params = load_params(params_file)
    inputs = load_inputs(params)
    document = pack_document(Pack(params, inputs, compute_figures(inputs, params)))
    return json.loads(json.dumps(document)), warning_keys(inputs.warnings)


# --- the demo return --------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_reference(demo_data, tmp_path_factory) -> dict:
    """The demo .xlsx, its parameters and figures.json, computed once."""
    root = tmp_path_factory.mktemp("demo_formats")
    demo = {name: demo_data / f"{name}.csv" for name in EXTRACT_NAMES}
    params = write_demo_params(root / "xlsx.yaml", demo_data / "annex_a.xlsx", demo)
    document, warnings = figures_of(params)
    return {"root": root, "demo": demo, "document": document, "warnings": warnings}


@pytest.mark.slow
@pytest.mark.parametrize("kind", FORMATS)
def test_demo_return_in_another_format_builds_the_same_figures_json(demo_data, demo_reference, kind):
    root = demo_reference["root"]
    workbook = convert(demo_data / "annex_a.xlsx", kind, root / f"annex_a.{kind}")
    params = write_demo_params(root / f"{kind}.yaml", workbook, demo_reference["demo"])
    reference = demo_reference["document"]
    assert reference["figures"]["contacts.count"] > 1000 and reference["figures"]["assessments.completed_count"] > 500

    _, warnings = figures_of(params)
    assert warnings == demo_reference["warnings"]
    pack = build(params, root / f"pack_{kind}" / "formats", jobs=2)
    assert json.loads((pack / "figures.json").read_text(encoding="utf-8")) == reference


@pytest.mark.slow
def test_a_workbook_under_a_lying_extension_is_read_as_what_it_is(demo_data, demo_reference):
    root = demo_reference["root"]
    xls = convert(demo_data / "annex_a.xlsx", "xls", root / "really.xls")
    lying = Path(shutil.copy(xls, root / "annex_a_lies.xlsx"))  # a legacy .xls saved under a new name
    params = write_demo_params(root / "lying.yaml", lying, demo_reference["demo"])
    assert figures_of(params) == (demo_reference["document"], demo_reference["warnings"])


# --- Ofsted's 2019 template, filled in place ----------------------------------------------


@pytest.fixture(scope="module")
def filled_template(ofsted_template, tmp_path_factory) -> dict:
    """Made once: the template (copied, never modified) with the hand-made rows of ``LISTS`` under each heading
    row, the clean extracts, and the inputs read from the filled .xlsx with them."""
    root = tmp_path_factory.mktemp("filled_template")
    workbook = fill_ofsted_template(ofsted_template, root)
    extracts = write_extracts(root / "extracts")
    inputs = load_inputs(load_params(write_params(root, annex_a=workbook, **extracts)))
    return {"workbook": workbook, "extracts": extracts, "inputs": inputs}


@pytest.mark.parametrize("kind", FORMATS)
def test_filled_template_in_another_format_gives_the_same_lists_and_figures(tmp_path, filled_template, kind):
    reference = filled_template["inputs"]
    converted = convert(filled_template["workbook"], kind, tmp_path / f"filled.{kind}")
    assert {"Front_Sheet", "Guidance", "Codes_used", "List_11"} <= set(workbook_cells(converted))

    params_file = write_params(tmp_path, annex_a=converted, **filled_template["extracts"])
    inputs = load_inputs(load_params(params_file))
    assert sorted(inputs.annex_a) == sorted(reference.annex_a)
    for name, frame in reference.annex_a.items():
        pd.testing.assert_frame_equal(inputs.annex_a[name], frame, check_dtype=True, obj=name)
    assert warning_keys(inputs.warnings) == warning_keys(reference.warnings)
    params = load_params(params_file)
    # LISTS holds two contacts (rows 3 and 4 under the template's title and heading rows) and one s47 enquiry
    assert inputs.annex_a["list_1"]["_row"].tolist() == [3, 4] and len(inputs.annex_a["list_5"]) == 1
    figures = figures_document(compute_figures(inputs, params), params)
    assert figures == figures_document(compute_figures(reference, params), params)
