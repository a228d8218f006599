"""The to-fix list (``readiness validate``, its CSV, the pack's Data quality table) and the
command line's error policy: 11 % unreadable stops ``readiness build``, ``--strict`` and
``strict: true`` stop it on one unreadable value.
"""

from __future__ import annotations

import csv

import pytest
import yaml
from test_normalise import REFERRAL, with_bad_nfa
from test_readers import write_csv_folder, write_params

from readiness.cli import main
from readiness.errors import Problem
from readiness.inputs.validate import format_report, quality_rows, write_csv

NFA_WARNING = Problem(
    "annex_a.xlsx",
    "value cannot be read: expected Yes, No or Unknown",
    "List 3",
    5,
    "Referral NFA?",
    3,
    (5, 9, 12),
    ("referrals.nfa_share",),
    True,
)
EXTRA_COLUMNS = Problem("annex_a.xlsx", 'unknown extra columns, ignored: =HYPERLINK("x")\x1b[31m', "List 1")
LATE_CLOSURE = Problem("annex_a.xlsx", "date after the snapshot date", "List 6", 3, "CIN Closure Date")


def test_quality_rows_group_by_file_list_and_column_with_counts_examples_and_figures():
    rows = quality_rows([LATE_CLOSURE, NFA_WARNING, EXTRA_COLUMNS])
    assert [(r.list, r.column) for r in rows] == [("List 1", ""), ("List 3", "Referral NFA?"), ("List 6", "CIN Closure Date")]
    nfa = rows[1]
    assert (nfa.rows, nfa.example_rows, nfa.figures_left) == (4, "5, 9, 12", "referrals.nfa_share")
    assert (rows[0].rows, rows[0].example_rows) == (0, "")  # about the sheet, not rows
    assert "\x1b" not in rows[0].problem  # no control codes reach a terminal


def test_format_report_is_a_to_fix_list_by_file_and_list():
    report = format_report([], [NFA_WARNING, LATE_CLOSURE])
    assert report.splitlines() == [
        "The inputs are usable: the pack can be built.",
        "",
        "Warnings to fix (the build goes on; the pack's Data quality section lists them):",
        "  annex_a.xlsx, sheet List 3:",
        "    - column 'Referral NFA?': value cannot be read: expected Yes, No or Unknown [4 rows: 5, 9, 12, …]; leaves referrals.nfa_share",
        "  annex_a.xlsx, sheet List 6:",
        "    - column 'CIN Closure Date': date after the snapshot date [1 row: 3]",
    ]


def test_csv_holds_errors_then_warnings_and_no_cell_is_a_formula(tmp_path):
    error = Problem("annex_a.xlsx", "required column missing", "List 4", column="-Start")
    path = tmp_path / "to-fix.csv"
    write_csv([error], [NFA_WARNING, EXTRA_COLUMNS], path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["severity"], r["list"], r["rows"]) for r in rows] == [
        ("error", "List 4", "0"),
        ("warning", "List 1", "0"),
        ("warning", "List 3", "4"),
    ]
    assert rows[0]["column"] == "'-Start"
    assert rows[2]["example_rows"] == "5, 9, 12" and rows[2]["figures_left"] == "referrals.nfa_share"
    assert not any(value.startswith(("=", "+", "-", "@")) for row in rows for value in row.values())


def test_data_quality_section_shows_the_table_as_data(tmp_path):
    from readiness.config.params import Params
    from readiness.pack.render import render_pack

    params = Params(pack_id="t", la_name="T", period_start="2019-01-01", period_end="2019-05-31", audience="internal")
    document = {"period_start": "2019-01-01", "period_end": "2019-05-31", "snapshot_date": "2019-06-03", "figures": {}, "suppressed": []}
    render_pack(params, document, [NFA_WARNING, EXTRA_COLUMNS], [], [], tmp_path / "index.html")  # the whole page
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "<td>5, 9, 12</td><td>Referrals with no further action</td>" in html  # the pack names figures, never by id
    assert "=HYPERLINK(&#34;x&#34;)" in html and "\x1b" not in html


# --- the command line -----------------------------------------------------------------------------


def exit_status(argv: list[str]) -> int:
    with pytest.raises(SystemExit) as caught:
        main(argv)
    return caught.value.code


def params_with_bad_nfa(tmp_path, total: int, bad: int, **more):
    folder = write_csv_folder(tmp_path / "annex", {3: (REFERRAL, with_bad_nfa(total, bad))})
    path = write_params(tmp_path, annex_a=folder)
    if more:
        document = yaml.safe_load(path.read_text(encoding="utf-8")) | more
        path.write_text(yaml.safe_dump(document), encoding="utf-8")
    return path


def test_build_stops_with_exit_2_when_more_than_ten_percent_cannot_be_read(tmp_path, capsys):
    path = params_with_bad_nfa(tmp_path, 100, 11)
    assert exit_status(["build", str(path), "--out", str(tmp_path / "pack"), "--jobs", "1"]) == 2
    err = capsys.readouterr().err
    assert "column 'Referral NFA?': 11.0% of the non-blank values (11) cannot be read" in err
    assert "'maybe' in row 2, 'maybe' in row 3, 'maybe' in row 4" in err
    assert not (tmp_path / "pack").exists()


def test_validate_passes_one_unreadable_value_but_strict_stops_it(tmp_path, capsys):
    path = params_with_bad_nfa(tmp_path, 10, 1)
    assert exit_status(["validate", str(path)]) == 0
    assert "column 'Referral NFA?': value cannot be read" in capsys.readouterr().out
    assert exit_status(["validate", str(path), "--strict", "--csv", str(tmp_path / "fix.csv")]) == 2
    assert "strict" in capsys.readouterr().out
    assert (tmp_path / "fix.csv").read_text(encoding="utf-8-sig").splitlines()[1].startswith("error,annex/List_3.csv,,Referral NFA?")


@pytest.mark.parametrize("how", ["--strict", "strict: true"])
def test_strict_build_stops_on_one_unreadable_value(tmp_path, capsys, how):
    if how == "--strict":
        argv = ["build", str(params_with_bad_nfa(tmp_path, 10, 1)), "--strict"]
    else:
        argv = ["build", str(params_with_bad_nfa(tmp_path, 10, 1, strict=True))]
    assert exit_status([*argv, "--out", str(tmp_path / "pack"), "--jobs", "1"]) == 2
    assert "row 2, column 'Referral NFA?': value cannot be read" in capsys.readouterr().err


def test_data_quality_rows_never_name_a_figure_kept_for_continuity(tmp_path):
    # List 3 with one blank "Number of Referrals in Last 12 Months", and that column's unreadable-value warning as
    # normalising writes it (every figure that reads the column): neither names referrals.repeat_share (figures.json only)
    from test_readers import LISTS, read, write_workbook

    from readiness.config.figures import REGISTRY

    headings, rows = LISTS[3]
    position = headings.index("Number of Referrals in Last 12 Months")
    rows = [[("" if (i, j) == (0, position) else value) for j, value in enumerate(row)] for i, row in enumerate(rows)]
    _, findings = read(tmp_path, annex_a=write_workbook(tmp_path / "annex_a.xlsx", {1: LISTS[1], 3: (headings, rows)}))
    unreadable = Problem(
        "annex_a.xlsx",
        "value cannot be read: expected a whole number",
        "List 3",
        3,
        "Number of Referrals in Last 12 Months",
        figures=REGISTRY.readers("list_3.referrals_last_12m"),
        unreadable=True,
    )
    shown = quality_rows([*findings.warnings, unreadable])
    assert not [row for row in shown if "repeat_share" in f"{row.problem} {row.figures_left}"]
    [blank] = [row for row in shown if row.problem.startswith("blank")]
    assert blank.problem == "blank or Unknown; this row leaves referrals.rereferral_share if no earlier referral of the child is listed"
    [odd] = [row for row in shown if row.problem.startswith("value cannot be read")]
    assert odd.figures_left == (
        "referrals.monthly.rereferral_share, referrals.rereferral_share.by_team, "
        "referrals.rereferral_share.by_source_group, referrals.rereferral_share"
    )


def test_the_pack_names_the_figures_a_problem_leaves_validate_gives_their_ids():
    # the data team fixing files reads ids (what the parameters name); the Board's Data quality table reads names
    blank = Problem(
        "annex_a.xlsx",
        "blank or Unknown; this row leaves referrals.nfa_share",
        "List 3",
        3,
        "Referral NFA?",
        1,
        (3, 5),
        figures=("referrals.nfa_share", "referrals.monthly.nfa_share"),
    )
    [row] = quality_rows([blank])
    assert (row.problem, row.figures_left) == (
        "blank or Unknown; this row leaves referrals.nfa_share",
        "referrals.nfa_share, referrals.monthly.nfa_share",
    )
    [row] = quality_rows([blank], in_pack=True)
    assert row.problem == "blank or Unknown; this row leaves referrals with no further action"
    assert row.figures_left == "Referrals with no further action; Referrals with no further action, by month"
