"""``readiness sample``: a reproducible case sample written beside the pack folder."""
import pandas as pd
import pytest

from conftest import REPO
from readiness.cli import main

DEMO = str(REPO / "parameters" / "demo.yaml")


def sample(tmp_path, seed: int, capsys) -> pd.DataFrame:
    with pytest.raises(SystemExit) as caught:
        main(["sample", DEMO, "--size", "30", "--seed", str(seed), "--out", str(tmp_path / "demo")])
    assert caught.value.code == 0
    out = capsys.readouterr().out
    path = tmp_path / "demo.samples" / f"demo-sample-30-seed{seed}.csv"
    assert str(path) in out and "30 children sampled" in out
    return pd.read_csv(path, dtype=str)


def test_same_seed_same_sample_other_seed_other_sample(demo_data, tmp_path, capsys):
    first, again, other = sample(tmp_path, 7, capsys), sample(tmp_path, 7, capsys), sample(tmp_path, 8, capsys)
    assert len(first) == 30 and first["child_id"].is_unique
    pd.testing.assert_frame_equal(first, again)
    assert set(first["child_id"]) != set(other["child_id"])
    assert set(first["list"]) <= {"3", "4", "5", "6", "7"}
