"""``readiness sample``: an inspector-like sample and its case-tracking workbook, written beside the pack folder."""
import pandas as pd
import pytest
from conftest import REPO

from readiness.cli import main
from readiness.mock.strata import STRATA

DEMO = str(REPO / "parameters" / "demo.yaml")
DEMO_STRATA = {s.name for s in STRATA}  # the demo has every list a stratum reads, Lists 8 and 9 included


def sample(tmp_path, seed: int, capsys) -> tuple[bytes, str]:
    with pytest.raises(SystemExit) as caught:
        main(["sample", DEMO, "--size", "30", "--seed", str(seed), "--out", str(tmp_path / "demo")])
    assert caught.value.code == 0
    out = capsys.readouterr().out
    path = tmp_path / "demo.samples" / f"demo-sample-30-seed{seed}.csv"
    assert str(path) in out and "30 children sampled" in out
    assert (tmp_path / "demo.samples" / f"demo-sample-30-seed{seed}-tracking.xlsx").is_file()
    return path.read_bytes(), out


def test_a_30_case_sample_holds_every_stratum_the_demo_has(demo_data, tmp_path, capsys):
    first, out = sample(tmp_path, 7, capsys)
    again, _ = sample(tmp_path, 7, capsys)
    assert first == again  # byte-identical
    frame = pd.read_csv(tmp_path / "demo.samples" / "demo-sample-30-seed7.csv", dtype=str)
    assert len(frame) == 30 and frame["child_id"].is_unique
    assert set(frame["drawn_for"]) == DEMO_STRATA | {"random"}
    # each child drawn for a stratum carries that stratum's reason
    reasons = {s.name: s.reason for s in STRATA}
    drawn = frame[frame["drawn_for"] != "random"]
    assert all(reasons[s] in r.split("; ") for s, r in zip(drawn["drawn_for"], drawn["reasons"]))
    assert "unstable_in_care" in out and "not provided" not in out  # (absent strata: tests/test_sample.py)


def test_read_back_of_a_blank_workbook_gives_empty_extracts(demo_data, tmp_path, capsys):
    sample(tmp_path, 8, capsys)
    workbook = tmp_path / "demo.samples" / "demo-sample-30-seed8-tracking.xlsx"
    with pytest.raises(SystemExit) as caught:
        main(["sample", "--read-back", str(workbook)])
    assert caught.value.code == 0
    audits = pd.read_excel(tmp_path / "demo.samples" / "demo-sample-30-seed8-tracking-case_audits.xlsx", engine="calamine")
    assert audits.empty and "audit_id" in audits.columns
