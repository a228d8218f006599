"""The parameters file: validation errors name the key; relative paths resolve from its folder."""

from datetime import date
from pathlib import Path

import pytest

from readiness.config.params import load_params
from readiness.errors import ParametersError

MINIMAL = "pack_id: t1\nla_name: Testshire\nperiod_start: 2019-01-01\nperiod_end: 2019-03-31\n"


def write(folder: Path, text: str) -> Path:
    path = folder / "p.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_minimal_file_gets_the_documented_defaults(tmp_path):
    params = load_params(write(tmp_path, MINIMAL))
    assert params.audience == "public"
    assert params.status == "draft"
    assert params.suppress_up_to == 5
    assert params.unallocated_values == ["Unallocated", "Not allocated", "None"]
    assert params.period.snapshot == date(2019, 3, 31)  # snapshot defaults to period_end
    assert params.suppression_threshold == 5


def test_internal_audience_suppresses_nothing(tmp_path):
    params = load_params(write(tmp_path, MINIMAL + "audience: internal\n"))
    assert params.suppression_threshold == 0


def test_relative_paths_resolve_from_the_parameters_folder(tmp_path, monkeypatch):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "audits.csv").write_text("x\n")
    sub = tmp_path / "params"
    sub.mkdir()
    path = sub / "p.yaml"
    path.write_text(MINIMAL + "data:\n  case_audits: ../data/audits.csv\n")
    monkeypatch.chdir(Path(__file__).parent)  # somewhere else entirely
    assert load_params(path).data.case_audits == (tmp_path / "data" / "audits.csv").resolve()


@pytest.mark.parametrize(
    "text, key, words",
    [
        (MINIMAL + "colour: blue\n", "colour", "unknown key"),
        (MINIMAL.replace("la_name: Testshire\n", ""), "la_name", "required key is missing"),
        (MINIMAL + "suppress_up_to: five\n", "suppress_up_to", "five"),
        (MINIMAL.replace("2019-03-31", "2018-12-31"), "period_end", "before period_start"),
        (MINIMAL + "data:\n  workforce: nowhere.csv\n", "data.workforce", "file not found"),
        (MINIMAL + "audience: everyone\n", "audience", "everyone"),
        (MINIMAL.replace("t1", "t 1/x"), "pack_id", "letters, digits"),
        (MINIMAL + "targets:\n  audits.count: {green: high}\n", "targets", "high"),
        (MINIMAL + "annex_a_covers_from: early 2019\n", "annex_a_covers_from", "early 2019"),
    ],
)
def test_bad_parameters_name_the_key(tmp_path, text, key, words):
    with pytest.raises(ParametersError) as caught:
        load_params(write(tmp_path, text))
    assert any(key in line and words in line for line in caught.value.lines()), caught.value.lines()
    assert caught.value.exit_status == 2


def test_missing_parameters_file_is_an_error(tmp_path):
    with pytest.raises(ParametersError, match="not found"):
        load_params(tmp_path / "absent.yaml")


def test_not_a_mapping_is_an_error(tmp_path):
    with pytest.raises(ParametersError, match="mapping"):
        load_params(write(tmp_path, "- just\n- a list\n"))


def test_a_public_pack_refuses_suppress_up_to_below_one(tmp_path):
    with pytest.raises(ParametersError, match=r"suppress_up_to: must be at least 1 for a public audience.*\(got 0\)"):
        load_params(write(tmp_path, MINIMAL + "suppress_up_to: 0\n"))
    with pytest.raises(ParametersError, match="suppress_up_to: must be at least 1"):
        load_params(write(tmp_path, MINIMAL + "audience: public\nsuppress_up_to: 0\n"))


def test_an_internal_pack_may_say_suppress_up_to_zero(tmp_path):
    assert load_params(write(tmp_path, MINIMAL + "audience: internal\nsuppress_up_to: 0\n")).suppression_threshold == 0


def test_validate_exits_2_naming_suppress_up_to(tmp_path, capsys):
    from readiness.cli import main

    with pytest.raises(SystemExit) as exited:
        main(["validate", str(write(tmp_path, MINIMAL + "audience: public\nsuppress_up_to: 0\n"))])
    assert exited.value.code == 2
    output = capsys.readouterr()
    assert "suppress_up_to" in output.out + output.err and "Traceback" not in output.out + output.err


def test_annex_a_covers_from_is_an_optional_date(tmp_path):
    assert load_params(write(tmp_path, MINIMAL)).annex_a_covers_from is None
    assert load_params(write(tmp_path, MINIMAL + "annex_a_covers_from: 2018-12-01\n")).annex_a_covers_from == date(2018, 12, 1)


def test_a_target_naming_no_indicator_is_an_error_naming_it(tmp_path):
    text = MINIMAL + "targets:\n  audits.good_or_beter_share: 0.7\n  caseload.median: 18\n"
    with pytest.raises(ParametersError, match="targets: no indicator has the id 'audits.good_or_beter_share'") as caught:
        load_params(write(tmp_path, text))
    assert "caseload.median" not in str(caught.value)  # a real id is not named


def test_targets_may_name_a_practice_domains_share(tmp_path):
    text = MINIMAL + "targets:\n  audits.domain_good_or_better_share.voice_of_child: 0.6\n"
    assert list(load_params(write(tmp_path, text)).targets) == ["audits.domain_good_or_better_share.voice_of_child"]


def test_a_key_given_twice_is_an_error_naming_it_and_its_lines(tmp_path):
    # MINIMAL is lines 1-4; the second pack_id is line 5.
    with pytest.raises(ParametersError, match=r"pack_id: key given twice \(lines 1 and 5\)"):
        load_params(write(tmp_path, MINIMAL + "pack_id: other\n"))


def test_a_nested_key_given_twice_is_an_error(tmp_path):
    text = MINIMAL + "targets:\n  caseload.median: 18\n  caseload.median: 20\n"
    with pytest.raises(ParametersError, match=r"caseload.median: key given twice \(lines 6 and 7\)"):
        load_params(write(tmp_path, text))


def test_missing_parameters_file_names_where_it_was_looked_for(tmp_path, monkeypatch):
    # A notebook run from the wrong folder: the relative path resolves elsewhere, and the message says where.
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ParametersError, match=r"^\.\./parameters/demo\.yaml: parameters file not found") as caught:
        load_params("../parameters/demo.yaml")
    assert str(tmp_path.parent / "parameters" / "demo.yaml") in str(caught.value)


def test_overrides_replace_the_files_values(tmp_path):
    params = load_params(write(tmp_path, MINIMAL), {"period_start": "2019-02-01", "audience": "internal", "suppress_up_to": 10})
    assert params.period_start == date(2019, 2, 1)  # text, as papermill -p passes it, read as a date
    assert params.period_end == date(2019, 3, 31)  # not overridden: the file's value
    assert params.audience == "internal" and params.suppression_threshold == 0
    assert params.suppress_up_to == 10


def test_an_override_of_the_snapshot_moves_the_period_snapshot(tmp_path):
    params = load_params(write(tmp_path, MINIMAL), {"annex_a_extract_date": date(2019, 4, 3)})
    assert params.period.snapshot == date(2019, 4, 3)


@pytest.mark.parametrize(
    "overrides, words",
    [
        ({"period_start": "2019-13-01"}, "override period_start"),
        ({"audience": "everyone"}, "override audience"),
        ({"period_start": "2019-04-01"}, "period_end: is before period_start"),
        ({"colour": "blue"}, "override colour: unknown key"),
        ({"la_name": "Elsewhere"}, "override la_name: set it in the parameters file"),
    ],
)
def test_bad_overrides_are_errors_naming_them(tmp_path, overrides, words):
    with pytest.raises(ParametersError, match=words):
        load_params(write(tmp_path, MINIMAL), overrides)


def test_a_commentary_file_that_is_not_utf8_is_an_error_naming_it(tmp_path):
    (tmp_path / "commentary").mkdir()
    (tmp_path / "commentary" / "case_audits.md").write_bytes("Caf\u00e9 culture".encode("cp1252"))  # 0xE9 alone: not UTF-8
    with pytest.raises(ParametersError, match=r"commentary: case_audits.md is not UTF-8 text \(byte 3\)"):
        load_params(write(tmp_path, MINIMAL + "commentary: commentary\n"))


def test_the_statutory_returns_take_one_path_or_a_list_resolved_from_the_parameters_folder(tmp_path):
    (tmp_path / "cin_2025.xml").write_text("<Message/>")
    (tmp_path / "ssda903_2024").mkdir()
    (tmp_path / "2025").mkdir()
    (tmp_path / "csww.xml").write_text("<Message/>")
    text = MINIMAL + "cin_census: cin_2025.xml\nssda903:\n  - ssda903_2024\n  - {year: 2025, path: 2025}\ncsww: csww.xml\n"
    params = load_params(write(tmp_path, text))
    assert params.cin_census == [tmp_path / "cin_2025.xml"]
    assert (params.ssda903[0].year, params.ssda903[0].path) == (None, tmp_path / "ssda903_2024")  # found from its episodes
    assert (params.ssda903[1].year, params.ssda903[1].path) == (2025, tmp_path / "2025")  # a folder named as a number
    assert params.csww == [tmp_path / "csww.xml"]


@pytest.mark.parametrize(
    "text, words",
    [
        ("cin_census: nowhere.xml\n", "cin_census[0]: file not found"),
        ("ssda903: cin.xml\n", "ssda903[0]: a folder of the SSDA903 CSV files is expected"),
        ("csww: folder\n", "csww[0]: an XML file is expected"),
        ("ssda903: [{year: 25, path: folder}]\n", "ssda903.0.year"),
    ],
)
def test_a_return_that_is_not_there_or_not_its_kind_is_an_error_naming_it(tmp_path, text, words):
    (tmp_path / "cin.xml").write_text("<Message/>")
    (tmp_path / "folder").mkdir()
    with pytest.raises(ParametersError) as raised:
        load_params(write(tmp_path, MINIMAL + text))
    assert words in str(raised.value)
