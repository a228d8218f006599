"""``templates`` and ``demo-data`` never overwrite a file without ``--force``."""

from __future__ import annotations

import pandas as pd
import pytest

from readiness.cli import main
from readiness.demo.files import write_demo_data
from readiness.errors import OutputError
from readiness.inputs.read import write_templates


def run_cli(capsys, *argv: str) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exit_:
        main(list(argv))
    captured = capsys.readouterr()
    return exit_.value.code, captured.out + captured.err


def test_templates_refuse_to_overwrite_a_councils_file(tmp_path, capsys):
    (tmp_path / "workforce.xlsx").write_bytes(b"the council's real workforce")
    status, output = run_cli(capsys, "templates", str(tmp_path))
    assert status == 2
    assert f"error: {tmp_path / 'workforce.xlsx'}: already exists" in output and "--force" in output
    assert (tmp_path / "workforce.xlsx").read_bytes() == b"the council's real workforce"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["workforce.xlsx"]  # nothing written beside it either


def test_templates_force_overwrites(tmp_path, capsys):
    (tmp_path / "workforce.xlsx").write_bytes(b"old")
    status, _ = run_cli(capsys, "templates", str(tmp_path), "--force")
    assert status == 0
    assert (tmp_path / "workforce.xlsx").read_bytes()[:2] == b"PK"  # an xlsx (zip) now


def test_write_templates_lists_every_existing_file(tmp_path):
    for name in ("case_audits.xlsx", "supervision.xlsx"):
        (tmp_path / name).write_bytes(b"mine")
    with pytest.raises(OutputError) as caught:
        write_templates(tmp_path)
    assert [line.split(":")[0] for line in caught.value.lines()] == [str(tmp_path / "case_audits.xlsx"), str(tmp_path / "supervision.xlsx")]


def test_demo_data_refuses_to_overwrite(tmp_path, capsys):
    (tmp_path / "case_audits.csv").write_text("audit_id\nREAL1\n", encoding="utf-8")
    status, output = run_cli(capsys, "demo-data", "--out", str(tmp_path))
    assert status == 2 and "readiness demo-data --force" in output
    assert (tmp_path / "case_audits.csv").read_text(encoding="utf-8") == "audit_id\nREAL1\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case_audits.csv"]


def test_demo_data_force_overwrites(tmp_path, monkeypatch):
    """What is written does not matter here, only that --force replaces the file: a one-row council stands in."""
    tiny = ({"List 1": pd.DataFrame({"Child Unique ID": ["NB1"]})}, {"case_audits": pd.DataFrame({"audit_id": ["DEMO1"]})})
    monkeypatch.setattr("readiness.demo.files.northbridge", lambda seed, sc: tiny)
    monkeypatch.setattr("readiness.demo.files.write_returns", lambda *args, **kwargs: None)
    (tmp_path / "case_audits.csv").write_text("audit_id\nREAL1\n", encoding="utf-8")
    paths = write_demo_data(tmp_path, force=True)
    assert paths["case_audits"].read_text(encoding="utf-8") == "audit_id\nDEMO1\n"


def test_templates_explain_the_three_statutory_returns_parameters(tmp_path, capsys):
    status, _ = run_cli(capsys, "templates", str(tmp_path))
    assert status == 0
    guide = (tmp_path / "statutory_returns.md").read_text(encoding="utf-8")
    assert all(f"\n{key}:" in guide or f"\n  - **{key}**" in guide or f"- **{key}**" in guide for key in ("cin_census", "ssda903", "csww"))
    assert "{year: 2025, path:" in guide
