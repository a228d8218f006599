"""Incremental and parallel builds: same results whatever --jobs, reuse of what has not changed."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO, demo_parameters, seed_demo_cache

from readiness.pack.build import build, build_many

DEMO = REPO / "parameters" / "demo.yaml"

pytestmark = pytest.mark.slow  # every test here builds packs


def params_on_copies(demo_data: Path, folder: Path) -> Path:
    """The demo parameters, pointing at copies of the demo data in ``folder``."""
    data = folder / "data"
    shutil.copytree(demo_data, data)
    demo = yaml.safe_load(DEMO.read_text())
    params = demo_parameters({key: str(data / Path(value).name) for key, value in demo["data"].items()})
    path = folder / "demo.yaml"
    path.write_text(yaml.safe_dump(params))
    return path


@pytest.fixture(scope="module")
def copied(demo_data, tmp_path_factory) -> tuple[Path, Path]:
    """A first build of the demo pack on copies of its data: (parameters file, pack folder)."""
    folder = tmp_path_factory.mktemp("incremental")
    params = params_on_copies(demo_data, folder)
    return params, build(params, folder / "out" / "demo", jobs=2)


def test_results_are_identical_whatever_jobs(demo_pack, tmp_path):
    two = build(DEMO, tmp_path / "b" / "demo", jobs=2)  # the shared demo pack was built with one job (build's default)
    for name in ("index.html", "figures.json"):
        assert (demo_pack / name).read_bytes() == (two / name).read_bytes(), name


def test_nothing_changed_means_up_to_date_without_importing_pandas(copied):
    params, pack = copied
    before = (pack / "manifest.json").read_bytes()
    script = (  # the command, as an analyst runs it
        "import sys; from readiness.cli import run; "
        f"status = run(['--quiet', 'build', {str(params)!r}, '--out', {str(pack)!r}]); print(status, 'pandas' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.splitlines()[-1] == "0 False"  # after "Pack ready: …"
    assert (pack / "manifest.json").read_bytes() == before  # the pack was left as it was


def test_changing_one_input_reruns_only_the_sections_that_read_it(copied):
    params, pack = copied
    meetings = Path(yaml.safe_load(params.read_text())["data"]["strategy_meetings"])
    lines = meetings.read_text(encoding="utf-8").splitlines(keepends=True)
    meetings.write_text("".join(lines + lines[-1:]), encoding="utf-8")  # one agency row repeated: same figures
    build(params, pack)
    log = (pack / "build.log").read_text(encoding="utf-8")
    assert "04_strategy_meetings.ipynb ran in" in log
    assert "10_case_audits.ipynb unchanged; reused" in log
    assert "03_assessments.ipynb unchanged; reused" in log


def test_force_rebuilds_everything(copied):
    params, pack = copied
    build(params, pack, force=True)
    log = (pack / "build.log").read_text(encoding="utf-8")
    assert "reading and checking inputs" in log and "reusing the checked copy" not in log
    assert "unchanged; reused" not in log
    assert all(f"{name} ran in" in log for name in yaml.safe_load((pack / "manifest.json").read_text())["sections"])


def test_a_batch_publishes_the_packs_that_succeed(demo_pack, tmp_path):
    seed_demo_cache(demo_pack, tmp_path / "batch")
    bad = tmp_path / "bad.yaml"
    bad.write_text("pack_id: bad\nla_name: X\nperiod_start: 2025-01-01\nperiod_end: 2024-01-01\n")
    results = build_many([DEMO, bad], tmp_path / "batch", jobs=2)
    assert [r.status for r in results] == [0, 2]
    assert (tmp_path / "batch" / "demo" / "index.html").exists()
    assert not (tmp_path / "batch" / "bad").exists()
    assert any("period_end" in line for line in results[1].problems)
