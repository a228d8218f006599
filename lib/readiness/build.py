"""``readiness build``: validate inputs, run the notebooks, render the pack, publish it atomically."""
from __future__ import annotations

import logging
import os
import pickle
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import papermill
from filelock import FileLock, Timeout

from .errors import LockedError, NotebookError
from .engine import ENGINE_NAME
from .figures import figures_document, write_json
from .manifest import build_manifest
from .notebook import Pack, shared_with_notebooks
from .params import Params, load_params
from .pdf import print_pdf
from .readers import load_inputs
from .report import render_pack
from .sections import Section, all_sections, is_available
from .workbook import write_figures_workbook

log = logging.getLogger("readiness")
logging.getLogger("papermill").setLevel(logging.WARNING)


@dataclass(frozen=True)
class Built:
    """Where a pack was published and how long it took."""

    pack_id: str
    folder: Path
    seconds: float


def default_output(params: Params, out: Path | None, several: bool) -> Path:
    """``outputs/<pack_id>`` by default; ``--out DIR`` for one pack, ``DIR/<pack_id>`` for several."""
    if out is None:
        return Path.cwd() / "outputs" / params.pack_id
    return out / params.pack_id if several else out


def build(params_file: Path, out: Path | None = None, several: bool = False, pdf: bool = False) -> Built:
    """Build one pack; on any failure the published folder is left exactly as it was."""
    started = time.time()
    params = load_params(params_file)
    target = default_output(params, out, several).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(target.parent / f".{target.name}.lock"))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise LockedError(f"{target}: another build of this pack is running; try again when it ends") from None
    try:
        return _build_locked(params, Path(params_file).resolve(), target, started, pdf)
    finally:
        lock.release()


def _build_locked(params: Params, params_file: Path, target: Path, started: float, pdf: bool) -> Built:
    clear_stale(target)
    staging = target.parent / f".{target.name}.tmp-{os.getpid()}"
    staging.mkdir()
    try:
        log.info("%s: reading and checking inputs", params.pack_id)
        inputs = load_inputs(params)
        working = staging / "working"
        working.mkdir()
        inputs_file = working / "inputs.pickle"
        inputs_file.write_bytes(pickle.dumps(inputs, protocol=pickle.HIGHEST_PROTOCOL))
        pack = Pack(params, inputs)
        document = figures_document(pack.figures, params)
        write_json(document, staging / "figures.json")
        write_figures_workbook(document, staging / "figures.xlsx")
        sections = [s for s in all_sections() if is_available(s, params)]
        with shared_with_notebooks(pack, params_file, inputs_file):
            executed = [run_section(s, params_file, inputs_file, working) for s in sections]
        render_pack(params, document, inputs.warnings, executed, staging / "index.html")
        if pdf:
            log.info("%s: printing pack.pdf", params.pack_id)
            print_pdf(staging / "index.html", staging / "pack.pdf")
        write_json(build_manifest(params, params_file, started), staging / "manifest.json")
    except BaseException:
        keep_failed(staging, target)
        raise
    publish(staging, target)
    return Built(params.pack_id, target, time.time() - started)


def run_section(section: Section, params_file: Path, inputs_file: Path, working: Path) -> tuple[Section, Path]:
    """Execute one notebook with papermill into ``working/``; absolute paths passed in."""
    log.info("running %s", section.path.name)
    output = working / section.path.name
    try:
        papermill.execute_notebook(
            str(section.path),
            str(output),
            parameters={"params_file": str(params_file), "inputs_file": str(inputs_file)},
            cwd=str(section.path.parent),
            engine_name=ENGINE_NAME,
            kernel_name="python3",
            progress_bar=False,
            log_output=False,
        )
    except papermill.PapermillExecutionError as exc:
        raise NotebookError(f"notebook {section.path.name} failed: {exc.ename}: {exc.evalue}") from None
    return section, output


def clear_stale(target: Path) -> None:
    """Remove temporary folders left by builds of ``target`` that died."""
    for stale in target.parent.glob(f".{target.name}.tmp-*"):
        shutil.rmtree(stale, ignore_errors=True)


def keep_failed(staging: Path, target: Path) -> None:
    """Keep a failed build's partial results in ``DIR.failed/`` for debugging."""
    failed = target.parent / f"{target.name}.failed"
    shutil.rmtree(failed, ignore_errors=True)
    if staging.exists():
        staging.rename(failed)
        log.error("partial results kept in %s", failed)


def publish(staging: Path, target: Path) -> None:
    """Swap the finished pack in: the old one is moved aside, then removed."""
    old = target.parent / f".{target.name}.tmp-old-{os.getpid()}"
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    shutil.rmtree(target.parent / f"{target.name}.failed", ignore_errors=True)
