"""``readiness sample``: an inspector-like sample and its case-tracking workbook, written beside the pack folder."""

import shutil
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from conftest import REPO, run_folder, run_readiness

from readiness.mock.strata import STRATA

DEMO = str(REPO / "parameters" / "demo.yaml")
DEMO_STRATA = {s.name for s in STRATA}  # the demo has every list a stratum reads, Lists 8 and 9 included


def sample(folder: Path, seed: int) -> tuple[bytes, str]:
    """``readiness sample`` of 30 demo children beside ``folder/demo``: the sample's CSV and the command's output."""
    result = run_readiness(["sample", DEMO, "--size", "30", "--seed", str(seed), "--out", str(folder / "demo")])
    assert result.returncode == 0, result.stderr
    path = folder / "demo.samples" / f"demo-sample-30-seed{seed}.csv"
    assert str(path) in result.stdout and "30 children sampled" in result.stdout
    assert (folder / "demo.samples" / f"demo-sample-30-seed{seed}-tracking.xlsx").is_file()
    return path.read_bytes(), result.stdout


@pytest.fixture(scope="module")
def drawn(demo_data, tmp_path_factory, worker_id) -> tuple[Path, bytes, str]:
    """A sample drawn once per run with seed 7 (the demo's inputs read afresh): its folder, its CSV and the command's
    output (tests only look at them)."""
    with run_folder(tmp_path_factory, worker_id, "sample") as (folder, filled):
        if not filled:
            (folder / "output.txt").write_text(sample(folder, 7)[1], encoding="utf-8")
        return folder, (folder / "demo.samples" / "demo-sample-30-seed7.csv").read_bytes(), (folder / "output.txt").read_text("utf-8")


@pytest.fixture
def checked(drawn, tmp_path) -> Path:
    """``tmp_path`` holding the checked inputs the drawing of ``drawn`` kept in its pack's cache, as a build keeps them:
    a sample drawn beside ``tmp_path/demo`` reads no input."""
    shutil.copytree(drawn[0] / ".cache", tmp_path / ".cache")
    return tmp_path


def test_a_30_case_sample_holds_every_stratum_the_demo_has(drawn, checked):
    folder, first, out = drawn
    again, _ = sample(checked, 7)  # from the checked copy of the inputs
    assert first == again  # byte-identical
    frame = pd.read_csv(folder / "demo.samples" / "demo-sample-30-seed7.csv", dtype=str)
    assert len(frame) == 30 and frame["child_id"].is_unique
    assert set(frame["drawn_for"]) == DEMO_STRATA | {"random"}
    # each child drawn for a stratum carries that stratum's reason
    reasons = {s.name: s.reason for s in STRATA}
    drawn = frame[frame["drawn_for"] != "random"]
    assert all(reasons[s] in r.split("; ") for s, r in zip(drawn["drawn_for"], drawn["reasons"]))
    assert (
        "in care with 3+ placements or missing episodes" in out and "unstable_in_care" not in out and "not provided" not in out
    )  # (absent strata: tests/mock/test_sample.py)


def small_sample(folder: Path) -> Path:
    """The case-tracking workbook of a 3-case demo sample (seed 7) drawn beside ``folder/demo``."""
    assert run_readiness(["sample", DEMO, "--size", "3", "--seed", "7", "--out", str(folder / "demo")]).returncode == 0
    return folder / "demo.samples" / "demo-sample-3-seed7-tracking.xlsx"


def test_read_back_of_a_blank_workbook_gives_empty_extracts(checked):
    workbook = small_sample(checked)
    assert run_readiness(["sample", "--read-back", str(workbook)]).returncode == 0
    audits = pd.read_excel(workbook.with_name("demo-sample-3-seed7-tracking-case_audits.xlsx"), engine="calamine")
    assert audits.empty and "audit_id" in audits.columns


def test_children_in_care_and_care_leavers_have_full_journeys_and_own_teams(drawn):
    """The demo sample's cases drawn for care (List 8) and care leaving (List 9): a journey on their own list and a team."""
    frame = pd.read_csv(drawn[0] / "demo.samples" / "demo-sample-30-seed7.csv", dtype=str)
    workbook = openpyxl.load_workbook(drawn[0] / "demo.samples" / "demo-sample-30-seed7-tracking.xlsx", read_only=True)
    own_list = {"unstable_in_care": "List 8", "care_leaver_at_risk": "List 9"}
    cases = frame.index[frame["drawn_for"].isin(own_list)]
    assert len(cases) == 4
    for position in cases:
        rows = [row for row in workbook[f"Case {position + 1:02d}"].iter_rows(values_only=True)]
        team = next(row[1] for row in rows if row[0] == "Team")
        journey = [row for row in rows[7:] if row[1] == own_list[frame.at[position, "drawn_for"]]]
        assert team not in (None, "Not recorded") and team == frame.at[position, "team"]
        assert journey and all(row[0] is not None and row[3] == team for row in journey[-1:])


def test_drawing_again_never_writes_over_a_workbook_holding_entries(checked):
    workbook = small_sample(checked)
    filled = openpyxl.load_workbook(workbook)
    sheet = filled["Case 01"]
    mark = next(row for row in range(1, sheet.max_row + 1) if str(sheet.cell(row, 1).value).startswith("Case audit"))
    grade = [sheet.cell(mark + 1, column).value for column in range(1, sheet.max_column + 1)].index("Council auditor's grade") + 1
    sheet.cell(mark + 2, grade).value = "good"
    filled.save(workbook)
    kept = workbook.read_bytes()
    arguments = ["sample", DEMO, "--size", "3", "--seed", "7", "--out", str(checked / "demo")]
    again = run_readiness(arguments)
    assert again.returncode == 2
    assert (
        again.stderr
        == f"error: {workbook}: holds completed audits or actions; it was left as it is (read it back with readiness sample --read-back, or draw again with --force to replace it)\n"
    )
    assert workbook.read_bytes() == kept
    assert run_readiness([*arguments, "--force"]).returncode == 0
    assert workbook.read_bytes() != kept  # replaced, as asked, by a blank one
    assert run_readiness(arguments).returncode == 0  # a blank workbook may be drawn again


def test_a_file_at_the_samples_name_that_this_command_did_not_write_is_kept(tmp_path):
    samples = tmp_path / "demo.samples"
    samples.mkdir()
    mine = samples / "demo-sample-30-seed3.csv"
    mine.write_bytes(b"my notes\n")
    result = run_readiness(["sample", DEMO, "--size", "30", "--seed", "3", "--out", str(tmp_path / "demo")])
    assert result.returncode == 2 and "is not a sample this command wrote" in result.stderr
    assert mine.read_bytes() == b"my notes\n" and not (samples / "demo-sample-30-seed3-tracking.xlsx").exists()


def test_a_sample_that_would_write_over_another_file_is_refused_before_any_input_is_read(tmp_path):
    params = tmp_path / "demo.yaml"
    params.write_text(
        "pack_id: demo\nla_name: Testshire\nperiod_start: 2025-01-01\nperiod_end: 2025-03-31\ndata:\n  annex_a: broken.xlsx\n",
        encoding="utf-8",
    )
    (tmp_path / "broken.xlsx").write_bytes(b"not a workbook")  # reading it would stop the command
    (tmp_path / "demo.samples").mkdir()
    (tmp_path / "demo.samples" / "demo-sample-30-seed3.csv").write_bytes(b"my notes\n")
    result = run_readiness(["sample", str(params), "--size", "30", "--seed", "3", "--out", str(tmp_path / "demo")])
    assert result.returncode == 2 and "is not a sample this command wrote" in result.stderr and "broken.xlsx" not in result.stderr


def test_a_themed_sample_draws_only_children_in_care_seen_lately(checked):
    tmp_path = checked
    result = run_readiness(["sample", DEMO, "--size", "20", "--seed", "5", "--theme", "children_in_care", "--out", str(tmp_path / "demo")])
    assert result.returncode == 0, result.stderr
    assert "Theme children_in_care: children with activity from 2025-04-03 to 2025-10-03, at most 2 per worker" in result.stdout
    frame = pd.read_csv(tmp_path / "demo.samples" / "demo-sample-20-seed5-children_in_care.csv", dtype=str, keep_default_na=False)
    assert len(frame) == 20 and all("8" in lists.split(", ") for lists in frame["lists"])  # every child is on List 8
    assert (frame["drawn_for"] == "random_allocated").sum() >= 1
    workbook = openpyxl.load_workbook(tmp_path / "demo.samples" / "demo-sample-20-seed5-children_in_care-tracking.xlsx", read_only=True)
    ids = {row[0] for row in workbook["Case 01"].iter_rows(values_only=True) if str(row[0]).startswith("MOCK-")}
    assert "MOCK-demo-children_in_care-5-01" in ids  # never the id of the unthemed sample's first case


def test_a_sample_reuses_the_inputs_a_build_or_sample_checked_beside_it_and_keeps_them_for_the_next(drawn, checked, monkeypatch):
    kept = list((drawn[0] / ".cache" / "demo").glob("inputs-*.zip"))
    assert len(kept) == 1  # kept by the first drawing, where a build of the pack keeps and looks for them
    monkeypatch.setattr("readiness.inputs.read.load_inputs", lambda *args, **kwargs: pytest.fail("the inputs were read again"))
    assert sample(checked, 3)[1].count("children sampled") == 1
    (checked / ".cache" / "demo" / kept[0].name).write_bytes(b"damaged")  # a checked copy that is not what was kept
    with pytest.raises(pytest.fail.Exception, match="the inputs were read again"):
        sample(checked, 4)
