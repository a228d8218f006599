"""Shared fixtures: the repository's folders and the demo data, made once per run."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Iterator

import pytest
from xdist import is_xdist_controller

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
TEMPLATE = SHARED / "fixtures" / "annex-a-template-2019.xlsx"
DEMO = REPO / "data" / "demo"

# tests/ mirrors lib/readiness/'s stage folders; a test module may use another's builders by its name
# (``from test_readers import write_params``) wherever each lives, as pytest's rootdir-relative imports allow.
sys.path[:0] = [
    str(folder) for folder in sorted(Path(__file__).parent.iterdir()) if folder.is_dir() and folder.name not in ("fixtures", "__pycache__")
]


def pytest_sessionstart(session):
    """Declare every figure, as the command and the pack do, in each process that runs tests: not in pytest-xdist's
    controller, which only hands the tests out (importing them there held back the start of its workers)."""
    if not is_xdist_controller(session):
        from readiness.indicators import themes  # noqa: F401


def ensure_demo_data() -> Path:
    """Write the demo data set to ``data/demo`` unless all of it is already there (one process at a time, so the
    workers of ``pytest -n 2`` never write it together or read it half-written)."""
    from filelock import FileLock

    from readiness.demo.files import EXTRACT_FILES, WORKBOOK, write_demo_data

    DEMO.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(DEMO.parent / ".demo-data.lock"):
        if not all((DEMO / name).exists() for name in (WORKBOOK, *EXTRACT_FILES.values())) or not (DEMO / "returns").exists():
            write_demo_data(DEMO, force=True)  # absent, or written before a newer input (or the statutory returns) joined the demo
    return DEMO


@pytest.fixture(scope="session")
def demo_data() -> Path:
    return ensure_demo_data()


@pytest.fixture(scope="session")
def demo_inputs(demo_data, tmp_path_factory, worker_id):
    """The demo's inputs as ``parameters/demo.yaml`` names them (tests only look at them), read and checked once per
    run: the first test process to need them reads them (``load_inputs``, which raises on any error) and keeps them
    as a build does; another process of the same run reuses that checked copy."""
    from readiness.config.params import load_params
    from readiness.pack.cache import cached_inputs, input_hashes

    params = load_params(REPO / "parameters" / "demo.yaml")
    with run_folder(tmp_path_factory, worker_id, "demo-inputs") as (folder, _):
        return cached_inputs(params, input_hashes(params), folder)


@contextmanager
def run_folder(tmp_path_factory, worker_id: str, name: str) -> Iterator[tuple[Path, bool]]:
    """``(folder, filled)``: a folder of this run's shared by its test processes (pytest-xdist's workers), held by one
    at a time. ``filled`` is False until a process that held it ended without an error: that one fills it, the others
    find it filled (an expensive module fixture is then made once per run, not once per process its tests went to)."""
    from filelock import FileLock

    run = tmp_path_factory.getbasetemp() if worker_id == "master" else tmp_path_factory.getbasetemp().parent
    folder, filled = run / name, run / f"{name}.filled"
    with FileLock(run / f"{name}.lock"):
        folder.mkdir(exist_ok=True)
        yield folder, filled.exists()
        filled.touch()


def run_readiness(arguments: list[str]) -> subprocess.CompletedProcess:
    """The ``readiness`` command run in this process (no interpreter to start), its exit status and output
    as a subprocess would give them."""
    from readiness.cli import main

    stdout, stderr = io.StringIO(), io.StringIO()
    with redirect_stdout(stdout), redirect_stderr(stderr), pytest.raises(SystemExit) as exit:
        main(arguments)
    return subprocess.CompletedProcess(["readiness", *arguments], exit.value.code, stdout.getvalue(), stderr.getvalue())


def is_notebook(item) -> bool:
    """Whether ``item`` is one of nbval's notebook cells."""
    return item.nodeid.endswith(".ipynb") or ".ipynb::" in item.nodeid


def pytest_collection_modifyitems(session, config, items):
    """Notebooks and the tests that read the demo pack are whole-pack tests (``slow``); notebooks run on the demo
    data, so make sure it exists before nbval runs them."""
    for item in items:
        if is_notebook(item) or "demo_pack" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)
    if any(is_notebook(item) for item in items):
        ensure_demo_data()


@pytest.fixture(scope="session")
def ofsted_template() -> Path:
    if not TEMPLATE.exists():
        pytest.skip(f"Ofsted's Annex A template is not at {TEMPLATE} (../shared is absent)")
    return TEMPLATE


@pytest.fixture(scope="session")
def demo_pack(demo_data, tmp_path_factory) -> Path:
    """The demo pack, built once per test process (with its PDF where a browser is installed)."""
    from readiness.pack.build import build
    from readiness.pack.pdf import find_browser

    out = tmp_path_factory.mktemp("packs") / "demo"
    build(REPO / "parameters" / "demo.yaml", out, pdf=find_browser() is not None)
    return out


@pytest.fixture(scope="session")
def demo_pack_internal(demo_pack, tmp_path_factory) -> Path:
    """The demo pack's Board (internal) edition, built once per test process from the shared demo pack's cache."""
    import yaml

    from readiness.pack.build import build

    demo = REPO / "parameters" / "demo.yaml"
    params = yaml.safe_load(demo.read_text(encoding="utf-8"))

    def absolute(value):
        return [absolute(item) for item in value] if isinstance(value, list) else str((demo.parent / value).resolve())

    params.update(audience="internal", data={key: absolute(path) for key, path in params["data"].items()})
    params.update({key: absolute(params[key]) for key in ("commentary", "comparators", "cin_census", "ssda903", "csww")})
    packs = tmp_path_factory.mktemp("internal")
    seed_demo_cache(demo_pack, packs)
    (packs / "demo.yaml").write_text(yaml.safe_dump(params), encoding="utf-8")
    return build(packs / "demo.yaml", packs / "demo")


def seed_demo_cache(demo_pack: Path, packs: Path) -> None:
    """Give ``packs/.cache`` the shared demo pack's cache (checked inputs, executed sections), so a build of the demo
    into ``packs`` runs only what differs from it: a test of what a build does, without building the demo again."""
    cache = demo_pack.parent / ".cache" / "demo"
    if cache.is_dir():
        shutil.copytree(cache, packs / ".cache" / "demo")


@pytest.fixture(scope="session")
def demo_pack_pdf(demo_pack) -> Path:
    pdf = demo_pack / "pack.pdf"
    if not pdf.exists():
        if os.environ.get("CI"):
            pytest.fail("CI must print the PDF (Debian's chromium is installed by .ci/run)")
        pytest.skip("no Chromium browser on this machine to print the PDF")
    return pdf


def demo_parameters(data: dict[str, str]) -> dict:
    """The demo parameters reading ``data`` instead, with their other paths (commentary, comparators) made absolute."""
    import yaml

    demo = REPO / "parameters" / "demo.yaml"
    params = yaml.safe_load(demo.read_text(encoding="utf-8"))
    for key in ("commentary", "comparators"):
        params[key] = str((demo.parent / params[key]).resolve())
    params["data"] = data
    for key in ("cin_census", "ssda903", "csww"):  # the demo's statutory returns are not among ``data``
        params.pop(key, None)
    return params
