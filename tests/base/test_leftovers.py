"""A failed build leaves no process behind and the published pack as it was (issue 15)."""

from __future__ import annotations

import shutil
import time

import psutil
import pytest
from conftest import REPO

from readiness.cli import main


def children() -> set[psutil.Process]:
    """The processes this one started that are alive (another test's may be: ``tests/forked.py``'s forkserver)."""
    return {p for p in psutil.Process().children(recursive=True) if p.is_running()}


def no_children_after(before: set[psutil.Process], seconds: float = 5.0) -> list[psutil.Process]:
    """The processes this one started since ``before`` that are still alive after up to ``seconds`` (pool workers may
    take a moment)."""
    deadline = time.monotonic() + seconds
    while (alive := sorted(children() - before, key=lambda p: p.pid)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return alive


@pytest.mark.slow
@pytest.mark.parametrize("case", ["commentary", "grades"])
def test_a_failed_build_leaves_no_process_and_the_published_pack_intact(tmp_path, case):
    inputs = tmp_path / "inputs"
    shutil.copytree(REPO / "tests" / "fixtures" / "golden", inputs)
    params = inputs / "golden.yaml"
    out = tmp_path / "pack"
    before = children()
    with pytest.raises(SystemExit) as built:
        main(["build", str(params), "--out", str(out), "--quiet", "--jobs", "2"])
    assert built.value.code == 0
    published = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}

    if case == "commentary":  # a commentary file saved as Windows-1252
        (inputs / "commentary").mkdir()
        (inputs / "commentary" / "case_audits.md").write_bytes("Caf\u00e9".encode("cp1252"))
        params.write_text(params.read_text(encoding="utf-8") + "commentary: commentary\n", encoding="utf-8")
    else:  # 3 of 14 grades unreadable: more than 10 %, the column is misread
        audits = inputs / "case_audits.csv"
        audits.write_text(audits.read_text(encoding="utf-8").replace(",good,,", ",very good,,", 3), encoding="utf-8")
    with pytest.raises(SystemExit) as failed:
        main(["build", str(params), "--out", str(out), "--quiet", "--jobs", "2"])

    assert failed.value.code == 2
    assert no_children_after(before) == []
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == published
