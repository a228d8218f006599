"""Provenance: ``manifest.json`` records what made a pack, and ``readiness verify`` checks the inputs still match.

One pack is built (module scope) with the demo parameters, but reading copies of the demo
inputs in a temporary folder, named by paths relative to its parameters file; its section
cache is seeded from the session's demo pack, so the build reads the inputs but runs no
notebook again.
Tests that change an input put it back.
"""

from __future__ import annotations

import hashlib
import json
import platform
import re
import shutil
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from importlib import metadata
from pathlib import Path

import pytest
import yaml
from conftest import REPO, demo_parameters, run_readiness

INPUTS = {
    "annex_a": "annex_a.xlsx",
    "case_audits": "case_audits.csv",
    "strategy_meetings": "strategy_meetings.csv",
    "workforce": "workforce.csv",
    "supervision": "supervision.csv",
}


@pytest.fixture(scope="module")
def built(demo_pack, tmp_path_factory) -> dict:
    """The pack, its parameters file, its inputs folder, and the clock either side of the build."""
    from readiness.pack.build import build

    root = tmp_path_factory.mktemp("verify")
    shutil.copytree(REPO / "data" / "demo", root / "inputs")
    params_file = root / "verify.yaml"
    params = demo_parameters({key: f"inputs/{name}" for key, name in INPUTS.items()})  # relative to the parameters file
    params_file.write_text(yaml.safe_dump(params), encoding="utf-8")
    cache = demo_pack.parent / ".cache" / "demo"
    if cache.is_dir():
        shutil.copytree(cache, root / "packs" / ".cache" / "demo")
    before = time.time()
    build(params_file, root / "packs" / "demo")
    after = time.time()
    return {"pack": root / "packs" / "demo", "params_file": params_file, "inputs": root / "inputs", "before": before, "after": after}


@pytest.fixture(scope="module")
def manifest(built) -> dict:
    return json.loads((built["pack"] / "manifest.json").read_text(encoding="utf-8"))


def verify(folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "readiness", "verify", str(folder)], capture_output=True, text=True, timeout=60)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- readiness verify ------------------------------------------------------------------


def test_verify_passes_on_a_fresh_pack(built):
    result = verify(built["pack"])
    assert result.returncode == 0, result.stderr
    assert "every input matches" in result.stdout
    assert result.stderr == ""


def test_verify_names_an_input_changed_by_one_byte(built):
    path = built["inputs"] / "case_audits.csv"
    original = path.read_bytes()
    middle = len(original) // 2
    changed = bytearray(original)
    changed[middle] = ord("x") if original[middle] != ord("x") else ord("y")
    try:
        path.write_bytes(bytes(changed))
        result = verify(built["pack"])
    finally:
        path.write_bytes(original)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines == [
        f"mismatch: case_audits: {path} has changed since the pack was built ({len(original):,} bytes then, {len(original):,} now)"
    ]
    assert "Traceback" not in result.stdout + result.stderr


def test_verify_names_a_missing_input(built):
    path = built["inputs"] / "supervision.csv"
    aside = path.with_name("supervision.csv.aside")
    path.rename(aside)
    try:
        result = verify(built["pack"])
    finally:
        aside.rename(path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"mismatch: supervision: {path} is missing"]


def test_verify_passes_again_once_inputs_are_restored(built):
    """The tests above put their inputs back; this also shows the check is not one-way."""
    assert verify(built["pack"]).returncode == 0


@pytest.mark.parametrize(
    "content",
    [None, "{not json", '{"inputs": [1, 2]}', '{"inputs": {"annex_a": {"path": "x"}}}'],
    ids=["no manifest", "not JSON", "inputs not a mapping", "entry without digest"],
)
def test_verify_without_a_usable_manifest_fails_plainly(tmp_path, content):
    if content is not None:
        (tmp_path / "manifest.json").write_text(content, encoding="utf-8")
    result = run_readiness(["verify", str(tmp_path)])  # the command in this process: an exception it let out would fail the test
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {tmp_path / 'manifest.json'}: "), lines


# --- manifest.json -----------------------------------------------------------------------


def test_manifest_records_the_resolved_parameters(built, manifest):
    parameters = manifest["parameters"]
    assert manifest["parameters_file"] == str(built["params_file"].resolve())
    assert (parameters["pack_id"], parameters["period_start"], parameters["period_end"]) == ("demo", "2024-10-01", "2025-09-30")
    assert parameters["annex_a_extract_date"] == "2025-10-03"
    # Defaults filled in, relative paths resolved from the parameters file's folder.
    assert (parameters["audience"], parameters["status"], parameters["suppress_up_to"]) == ("public", "draft", 5)
    given = {key: str(built["inputs"].resolve() / name) for key, name in INPUTS.items()}
    none = (
        "audit_actions",
        "case_tracking",
        "front_door_decisions",
        "immediate_concerns",
        "audit_checks",
        "findings",
        "improvement_actions",
    )
    assert parameters["data"] == given | dict.fromkeys(none)


def test_manifest_input_digests_match_the_files(built, manifest):
    assert set(manifest["inputs"]) == set(INPUTS)
    for key, name in INPUTS.items():
        path = built["inputs"] / name
        assert manifest["inputs"][key] == {"path": str(path.resolve()), "sha256": sha256(path), "bytes": path.stat().st_size}


def test_manifest_records_the_notebooks_that_made_the_pack(manifest):
    # every section but two: the findings (this build gives no findings register) and the statutory returns' own
    # section (shown only in a pack without Annex A, and this build has one)
    left_out = {"00_findings.ipynb", "13_statutory_returns.ipynb"}
    notebooks = sorted(path for path in (REPO / "notebooks").glob("[0-9][0-9]_*.ipynb") if path.name not in left_out)
    assert manifest["notebooks"] == {path.name: sha256(path) for path in notebooks}
    if "sections" in manifest:  # the build's own list of the sections it ran or reused
        assert sorted(manifest["sections"]) == sorted(manifest["notebooks"])


def test_manifest_records_package_and_code_versions(manifest):
    packages = manifest["packages"]
    assert packages["python"] == platform.python_version()
    for name in ("pandas", "numpy", "matplotlib", "papermill", "nbclient"):
        assert packages[name] == metadata.version(name)
    assert "git_commit" in manifest["code"] and "git_dirty" in manifest["code"]
    commit = manifest["code"]["git_commit"]
    assert commit is None or re.fullmatch(r"[0-9a-f]{40}", commit)
    if (REPO / ".git").exists() and shutil.which("git"):
        assert commit is not None


def test_manifest_records_when_and_how_long(built, manifest):
    started = datetime.fromisoformat(manifest["build_started"])
    assert started.utcoffset() == timedelta(0)
    window = (
        datetime.fromtimestamp(built["before"], timezone.utc) - timedelta(seconds=1),
        datetime.fromtimestamp(built["after"], timezone.utc),
    )
    assert window[0] <= started <= window[1]
    assert 0 <= manifest["build_seconds"] <= built["after"] - built["before"] + 0.01


def test_notebook_digests_are_sha256_by_file_name(tmp_path):
    from readiness.pack.manifest import notebook_digests

    (tmp_path / "01_a.ipynb").write_bytes(b"abc")
    (tmp_path / "02_b.ipynb").write_bytes(b"")
    assert notebook_digests([tmp_path / "01_a.ipynb", tmp_path / "02_b.ipynb"]) == {
        "01_a.ipynb": "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",  # FIPS 180-2 example
        "02_b.ipynb": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",  # the empty string
    }


def test_a_slow_git_status_keeps_the_commit_and_leaves_dirty_unknown(monkeypatch):
    import subprocess as sp

    from readiness.pack import manifest as m

    def fake_run(command, **kwargs):
        if command[1] == "status":  # the output-stripping filter on a busy machine
            raise sp.TimeoutExpired(command, kwargs.get("timeout"))
        return sp.CompletedProcess(command, 0, stdout="a" * 40 + "\n", stderr="")

    monkeypatch.setattr(m.subprocess, "run", fake_run)
    assert m.code_version()["git_commit"] == "a" * 40 and m.code_version()["git_dirty"] is None
