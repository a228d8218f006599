"""Problems printed at a terminal: one line, control characters from the inputs shown as escapes."""

from __future__ import annotations

import pytest

from readiness.cli import main
from readiness.errors import Problem, printable


def test_printable_shows_escape_codes_newlines_and_bidi_controls_as_escapes():
    assert printable("a\x1b[2Jb\nc\u202ed\x07") == "a\\x1b[2Jb\\x0ac\\u202ed\\x07"


def test_printable_keeps_ordinary_text_and_accents():
    assert printable("Requires improvement – Gwynedd, café 45%") == "Requires improvement – Gwynedd, café 45%"


def test_describe_escapes_a_terminal_code_from_a_cell():
    problem = Problem("case_audits.csv", "'\x1b]0;owned\x07bad' cannot be read", row=7, column="grade\x1b[31m")
    line = problem.describe()
    assert "\x1b" not in line and "\x07" not in line
    assert line == "case_audits.csv, row 7, column 'grade\\x1b[31m': '\\x1b]0;owned\\x07bad' cannot be read"


def test_the_command_line_never_prints_a_control_character(tmp_path, capsys):
    params = tmp_path / "p.yaml"
    params.write_text('pack_id: "bad\\e[2Jid"\nla_name: X\nperiod_start: 2024-01-01\nperiod_end: 2024-12-31\n', encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        main(["validate", str(params)])
    err = capsys.readouterr().err
    assert exit_.value.code == 2
    assert "\x1b" not in err and "\\x1b[2Jid" in err


def test_an_escape_code_in_a_cell_reaches_stderr_only_as_an_escape(tmp_path, capsys):
    import shutil

    from conftest import REPO

    shutil.copytree(REPO / "tests" / "fixtures" / "golden", tmp_path / "inputs")
    audits = tmp_path / "inputs" / "case_audits.csv"
    audits.write_text(
        audits.read_text(encoding="utf-8").replace(",good,,good,good", ",\x1b[2J\x1b]0;owned\x07good,,good,good", 2), encoding="utf-8"
    )
    with pytest.raises(SystemExit) as exit_:
        main(["build", str(tmp_path / "inputs" / "golden.yaml"), "--out", str(tmp_path / "pack"), "--quiet"])
    err = capsys.readouterr().err
    assert exit_.value.code == 2
    assert "\x1b" not in err and "\x07" not in err
    # 2 of 14 grades unreadable (more than 10 %): an error that quotes the values, escaped
    assert "column 'grade'" in err and "'\\x1b[2J\\x1b]0;owned\\x07good'" in err
    assert not (tmp_path / "pack").exists()
