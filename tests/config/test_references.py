"""The baseline pack and comparators files: read, checked, and errors that name the bad entry."""

import json

import pytest

from readiness.config.params import load_params
from readiness.config.references import Comparator, read_comparators
from readiness.errors import ParametersError

MINIMAL = "pack_id: t1\nla_name: Testshire\nperiod_start: 2019-01-01\nperiod_end: 2019-03-31\n"
COMPARATORS = """\
assessments.within_45_working_days_share:
  "2022-23": {region: 0.80, statistical_neighbours: 0.81, source: "LAIT, CIN 2022-23"}
  "2023-24": {region: 0.84, statistical_neighbours: 0.86, source: "LAIT, CIN 2023-24"}
caseload.median:
  "2023-24": {statistical_neighbours: 16.5, source: "LAIT, workforce 2023-24"}
"""


def write(folder, name, text):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_comparators_keep_each_indicators_latest_year(tmp_path):
    comparators = read_comparators(write(tmp_path, "c.yaml", COMPARATORS))
    assert comparators == {
        "assessments.within_45_working_days_share": Comparator("2023-24", 0.84, 0.86, "LAIT, CIN 2023-24"),
        "caseload.median": Comparator("2023-24", None, 16.5, "LAIT, workforce 2023-24"),
    }


def test_parameters_resolve_baseline_and_comparators_from_their_folder(tmp_path):
    write(tmp_path, "c.yaml", COMPARATORS)
    write(tmp_path, "base.json", json.dumps({"figures": {"caseload.median": 19, "audits.monthly.good_or_better_share": {}}}))
    params = load_params(write(tmp_path, "p.yaml", MINIMAL + "baseline: base.json\ncomparators: c.yaml\n"))
    assert params.baseline == tmp_path / "base.json" and params.comparators == tmp_path / "c.yaml"


@pytest.mark.parametrize(
    "name, text, key, message",
    [
        (
            "c.yaml",
            COMPARATORS + "caseload.medain:\n  '2023-24': {region: 1, source: x}\n",
            "comparators",
            "comparators: no indicator has the id 'caseload.medain'",
        ),
        (
            "c.yaml",
            "caseload.median:\n  '2023-24': {region: 16}\n",
            "comparators",
            r"comparators: caseload.median 2023-24: expected \{region, statistical_neighbours, source\} with a source",
        ),
        ("c.yaml", "caseload.median:\n  '2023-24': {region: sixteen, source: x}\n", "comparators", "must be numbers"),
        ("c.yaml", "caseload.median: [1\n", "comparators", "comparators: not readable YAML"),
        ("b.json", json.dumps({"figures": {"caseload.medain": 19}}), "baseline", "baseline: no indicator has the id 'caseload.medain'"),
        ("b.json", "{not json", "baseline", "baseline: not a readable figures.json"),
        ("b.json", "[]", "baseline", "baseline: not a pack's figures.json"),
    ],
)
def test_a_bad_reference_file_is_an_error_naming_the_key(tmp_path, name, text, key, message):
    write(tmp_path, name, text)
    with pytest.raises(ParametersError, match=message):
        load_params(write(tmp_path, "p.yaml", MINIMAL + f"{key}: {name}\n"))


def test_a_missing_reference_file_is_an_error_naming_the_key(tmp_path):
    with pytest.raises(ParametersError, match="baseline: file not found"):
        load_params(write(tmp_path, "p.yaml", MINIMAL + "baseline: nowhere.json\n"))
