"""Atomic publish: a build that fails, dies or finds the pack locked leaves the published pack exactly as it was.

Each test starts from a copy of the session's demo pack and of its section cache beside
it: what a first good build into the folder leaves. So only what the test changes is
run again, and each test costs seconds, not a whole build.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
import yaml
from conftest import REPO, demo_parameters, run_readiness
from filelock import FileLock

DEMO_PARAMS = REPO / "parameters" / "demo.yaml"
DEMO_INPUTS = {
    "annex_a": "annex_a.xlsx",
    "case_audits": "case_audits.csv",
    "strategy_meetings": "strategy_meetings.csv",
    "workforce": "workforce.csv",
    "supervision": "supervision.csv",
}
# Runs the real command line with build() pointed at another notebooks folder (argv[1]); the CLI has no option for it.
CLI_WITH_NOTEBOOKS = """
import sys
from pathlib import Path
import readiness.pack.build as module
real = module.build
def build(*args, **kwargs):
    kwargs["notebooks"] = Path(sys.argv[1])
    return real(*args, **kwargs)
module.build = build
from readiness.cli import main
main(sys.argv[2:])
"""


def broken_notebook() -> nbformat.NotebookNode:
    """A section that needs nothing, takes the usual parameters, then raises."""
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["readiness"] = {"title": "Broken", "needs": []}
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    parameters = nbformat.v4.new_code_cell('params_file = ""\ninputs_file = ""')
    parameters.metadata["tags"] = ["parameters"]
    notebook.cells = [parameters, nbformat.v4.new_code_cell('raise RuntimeError("boom")')]
    return notebook


def notebooks_folder(folder: Path, with_real: bool) -> Path:
    """``folder`` with ``99_broken.ipynb``, after copies of the project's notebooks if ``with_real``."""
    folder.mkdir(parents=True)
    if with_real:
        for path in sorted((REPO / "notebooks").glob("*.ipynb")):
            shutil.copy2(path, folder / path.name)
    nbformat.write(broken_notebook(), folder / "99_broken.ipynb")
    return folder


def published(demo_pack: Path, folder: Path) -> tuple[Path, bytes]:
    """A copy of the good demo pack (and its cache) at ``folder``, and its ``index.html`` bytes."""
    shutil.copytree(demo_pack, folder)
    cache = demo_pack.parent / ".cache" / "demo"
    if cache.is_dir():
        shutil.copytree(cache, folder.parent / ".cache" / "demo")
    return folder, (folder / "index.html").read_bytes()


def params_on_copied_inputs(tmp_path: Path) -> Path:
    """The demo parameters reading copies of the demo inputs: a different pack key, the same section keys."""
    shutil.copytree(REPO / "data" / "demo", tmp_path / "inputs")
    params = demo_parameters({key: str(tmp_path / "inputs" / name) for key, name in DEMO_INPUTS.items()})
    params_file = tmp_path / "copied.yaml"
    params_file.write_text(yaml.safe_dump(params), encoding="utf-8")
    return params_file


def staging_folders(target: Path) -> list[Path]:
    return sorted(target.parent.glob(f".{target.name}.tmp-*"))


def run_cli(*args: str, cwd: Path, timeout: int = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True, timeout=timeout)


def assert_plain_failure(result: subprocess.CompletedProcess, status: int) -> list[str]:
    """Exit ``status``, no traceback anywhere, and the ``error:`` lines (at least one)."""
    output = result.stdout + result.stderr
    assert result.returncode == status, output
    assert "Traceback" not in output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors, output
    return errors


def test_failing_notebook_leaves_the_published_pack_alone(demo_pack, tmp_path):
    from readiness.errors import NotebookError
    from readiness.pack.build import build

    target, before = published(demo_pack, tmp_path / "packs" / "demo")
    notebooks = notebooks_folder(tmp_path / "notebooks", with_real=True)
    with pytest.raises(NotebookError) as failure:
        build(DEMO_PARAMS, target, notebooks=notebooks)
    assert failure.value.exit_status == 1
    assert "99_broken.ipynb" in str(failure.value) and "boom" in str(failure.value)
    assert (target / "index.html").read_bytes() == before
    failed = target.parent / "demo.failed"
    assert failed.is_dir()
    kept = {path.name for path in failed.rglob("*.ipynb")}
    assert {"10_case_audits.ipynb", "99_broken.ipynb"} <= kept, kept  # partial results, and the notebook that failed
    assert not (failed / "index.html").exists()
    assert staging_folders(target) == []


def test_cli_reports_a_failing_notebook_in_one_plain_line(demo_pack, tmp_path):
    target, before = published(demo_pack, tmp_path / "packs" / "demo")
    notebooks = notebooks_folder(tmp_path / "notebooks", with_real=False)
    result = run_cli("-c", CLI_WITH_NOTEBOOKS, str(notebooks), "build", str(DEMO_PARAMS), "--out", str(target), cwd=tmp_path)
    errors = assert_plain_failure(result, 1)
    assert len(errors) == 1 and "99_broken.ipynb" in errors[0] and "boom" in errors[0], errors
    assert (target / "index.html").read_bytes() == before
    assert (target.parent / "demo.failed").is_dir() and str(target.parent / "demo.failed") in result.stderr  # says so
    assert staging_folders(target) == []


def test_cli_bad_input_exits_2_and_publishes_nothing(demo_data, tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    audits = (demo_data / "case_audits.csv").read_text(encoding="utf-8").splitlines()
    header = audits[0].split(",")
    drop = header.index("audit_date")
    (data / "case_audits.csv").write_text(
        "\n".join(",".join(cell for i, cell in enumerate(line.split(",")) if i != drop) for line in audits) + "\n", encoding="utf-8"
    )
    params = demo_parameters({"case_audits": "data/case_audits.csv"})  # the demo's audits without their dates, alone
    (tmp_path / "bad.yaml").write_text(yaml.safe_dump(params), encoding="utf-8")
    target = tmp_path / "packs" / "bad"

    monkeypatch.chdir(tmp_path)  # the parameters name their data relative to it
    result = run_readiness(["build", "bad.yaml", "--out", str(target)])
    errors = assert_plain_failure(result, 2)
    assert any("case_audits.csv" in line and "audit_date" in line for line in errors), errors
    assert not target.exists()
    assert staging_folders(target) == []


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX only")
def test_killed_build_leaves_the_pack_and_the_next_build_clears_up(demo_pack, tmp_path):
    from readiness.pack.build import build

    target, before = published(demo_pack, tmp_path / "packs" / "demo")
    params_file = params_on_copied_inputs(tmp_path)  # not the published pack's key: the build has work to do
    process = subprocess.Popen(
        [sys.executable, "-m", "readiness", "build", str(params_file), "--out", str(target)],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not staging_folders(target) and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert staging_folders(target), f"no staging folder appeared (exit status {process.poll()})"
        os.kill(process.pid, signal.SIGKILL)
        assert process.wait(timeout=10) == -signal.SIGKILL
    finally:
        try:
            os.killpg(process.pid, signal.SIGKILL)  # any worker the build forked (it ran in its own session)
        except ProcessLookupError:
            pass
        process.wait(timeout=10)

    assert (target / "index.html").read_bytes() == before
    stale = staging_folders(target)
    assert len(stale) == 1, stale

    build(params_file, target)
    assert staging_folders(target) == []
    manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["parameters"]["data"]["case_audits"] == str(tmp_path / "inputs" / "case_audits.csv")
    assert not (target.parent / "demo.failed").exists()


def test_an_up_to_date_build_still_clears_stale_folders(demo_pack, tmp_path):
    """Spec: "the next build clears stale temporary folders", even when the pack itself is up to date."""
    from readiness.pack.build import build
    from readiness.pack.packfolder import write_marker
    from readiness.pack.pdf import find_browser

    target, before = published(demo_pack, tmp_path / "packs" / "demo")
    manifest = (target / "manifest.json").read_bytes()
    stale = target.parent / ".demo.tmp-999999" / "working"
    stale.mkdir(parents=True)
    (stale / "inputs.pickle").write_bytes(b"child-level detail")
    write_marker(stale.parent)  # as every build marks its folder when it makes it
    build(DEMO_PARAMS, target, pdf=find_browser() is not None)  # as the demo pack was built: nothing changed
    assert (target / "manifest.json").read_bytes() == manifest  # it was up to date: not rebuilt
    assert (target / "index.html").read_bytes() == before
    assert staging_folders(target) == []


def test_a_damaged_inputs_cache_does_not_break_the_next_build(demo_pack, tmp_path):
    """A build killed while writing ``.cache/<pack>/inputs-*.pickle`` leaves it truncated; the next build must cope."""
    from readiness.pack.build import build

    target, _ = published(demo_pack, tmp_path / "packs" / "demo")
    cached = sorted((target.parent / ".cache" / "demo").glob("inputs-*"))
    assert cached, "the demo build left no cached inputs to damage (has the cache moved?)"
    for path in cached:
        path.write_bytes(path.read_bytes()[:100])
    manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    (target / "manifest.json").write_text(json.dumps({**manifest, "build_key": "older"}), encoding="utf-8")
    build(DEMO_PARAMS, target)  # not up to date, so a real build, which reads the cached inputs (--force would not)
    log = (target / "build.log").read_text(encoding="utf-8")
    assert "the cached inputs were damaged; reading them afresh" in log and "inputs read and checked" in log
    assert json.loads((target / "manifest.json").read_text(encoding="utf-8"))["build_started"] != manifest["build_started"]


def test_a_build_leaves_the_case_sample_beside_the_pack_alone(demo_pack, tmp_path):
    """Spec: the sample in ``<DIR>.samples/`` names children and is the lead's own: a build never deletes it."""
    from readiness.pack.build import build

    target, _ = published(demo_pack, tmp_path / "packs" / "demo")
    sample = target.parent / "demo.samples" / "demo-sample-30-seed7.csv"
    sample.parent.mkdir()
    sample.write_text("child_id,list,team\nC1,3,CIN Team\n", encoding="utf-8")
    build(DEMO_PARAMS, target, force=True)
    assert sample.read_text(encoding="utf-8") == "child_id,list,team\nC1,3,CIN Team\n"


def test_a_locked_pack_is_not_built(demo_pack, tmp_path):
    target, before = published(demo_pack, tmp_path / "packs" / "demo")
    with FileLock(str(target.parent / f".{target.name}.lock")):
        result = run_cli("-m", "readiness", "build", str(DEMO_PARAMS), "--out", str(target), cwd=tmp_path)
    errors = assert_plain_failure(result, 1)
    assert len(errors) == 1 and "another build" in errors[0] and str(target) in errors[0], errors
    assert (target / "index.html").read_bytes() == before
    assert staging_folders(target) == []
