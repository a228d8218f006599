"""``readiness sample``: an inspector-like sample and its case-tracking workbook, written beside the pack folder."""
from pathlib import Path

import pandas as pd
import pytest
from conftest import REPO, run_readiness

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
def drawn(demo_data, tmp_path_factory) -> tuple[Path, bytes, str]:
    """A sample drawn once with seed 7: its folder, its CSV and the command's output."""
    folder = tmp_path_factory.mktemp("sample")
    return (folder, *sample(folder, 7))


def test_a_30_case_sample_holds_every_stratum_the_demo_has(drawn, tmp_path):
    folder, first, out = drawn
    again, _ = sample(tmp_path, 7)
    assert first == again  # byte-identical
    frame = pd.read_csv(folder / "demo.samples" / "demo-sample-30-seed7.csv", dtype=str)
    assert len(frame) == 30 and frame["child_id"].is_unique
    assert set(frame["drawn_for"]) == DEMO_STRATA | {"random"}
    # each child drawn for a stratum carries that stratum's reason
    reasons = {s.name: s.reason for s in STRATA}
    drawn = frame[frame["drawn_for"] != "random"]
    assert all(reasons[s] in r.split("; ") for s, r in zip(drawn["drawn_for"], drawn["reasons"]))
    assert "unstable_in_care" in out and "not provided" not in out  # (absent strata: tests/test_sample.py)


def test_read_back_of_a_blank_workbook_gives_empty_extracts(drawn):
    samples = drawn[0] / "demo.samples"
    assert run_readiness(["sample", "--read-back", str(samples / "demo-sample-30-seed7-tracking.xlsx")]).returncode == 0
    audits = pd.read_excel(samples / "demo-sample-30-seed7-tracking-case_audits.xlsx", engine="calamine")
    assert audits.empty and "audit_id" in audits.columns
