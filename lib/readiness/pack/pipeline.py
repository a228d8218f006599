"""The work of a build: read the inputs once, compute the figures, run the sections, render the pack.

Sections run in this process through the in-process papermill engine, several at a time
in forked workers where the operating system allows (they inherit the inputs already
read); a section whose notebook, inputs, parameters and code are unchanged is taken from
the cache instead of being run again.
"""

from __future__ import annotations

import logging
import time
from functools import partial
from pathlib import Path
from typing import Callable

import papermill

from readiness.config.params import OVERRIDABLE, Params
from readiness.errors import NotebookError
from readiness.files import no_more_open_than, write_atomically
from readiness.indicators.superseded import superseded_warnings
from readiness.inputs.coverage import coverage_document, coverage_of
from readiness.parallel import can_fork, shared_out
from readiness.present.board_summary import small_counts
from readiness.progress import bar

from .cache import checked_inputs, keep_verified, notebook_key, read_verified
from .engine import ENGINE_NAME
from .figures import edition_figures, figures_document, write_json
from .job import Job
from .manifest import build_manifest
from .notebook import Pack, shared_with_notebooks
from .pdf import print_pdf
from .plan import plan_document, plan_warnings
from .render import render_pack, section_body, warm_up
from .sections import Section, all_sections, is_available, left_out
from .workbook import write_figures_workbook

log = logging.getLogger("readiness")
logging.getLogger("papermill").setLevel(logging.WARNING)
INPUTS_FILE = "inputs.zip"  # the checked inputs as data (readiness.pack.store), for notebooks opened from working/


def pack_document(pack: Pack) -> dict:
    """The pack's ``figures.json`` document: its figures, coverage, the months before the period SPC reads, and the
    readiness against each finding of the improvement plan (:mod:`readiness.pack.plan`)."""
    coverage = coverage_document(coverage_of(pack.inputs, pack.params))
    return figures_document(pack.figures, pack.params, coverage, pack.whole_months, pack.returns) | plan_document(pack)


PUBLISHED = "published"  # with ``audience: both``, the published edition's folder inside the pack (and in working/, the cache)


def editions(params: Params, staging: Path, working: Path, cache: Path) -> list[tuple[Params, Path, Path, Path]]:
    """Each edition a build writes: its parameters, folder, working folder and section cache. ``audience: both`` gives
    the Board edition (internal) in the pack's folder and the published edition (public) in ``published/``, its
    executed notebooks in ``working/published/`` (child-level data never goes in an edition meant for publishing)."""
    if params.audience != "both":
        return [(params, staging, working, cache)]
    return [
        (params.model_copy(update={"audience": "internal"}), staging, working, cache),
        (params.model_copy(update={"audience": "public"}), staging / PUBLISHED, working / PUBLISHED, cache / PUBLISHED),
    ]


def make_pack(job: Job, params: Params, staging: Path, cache: Path, hashes: dict[str, str], key: str, started: float, ahead=None) -> None:
    """Write every file of the pack (each of its editions) into ``staging``; the inputs are read once (by the reader
    ``ahead``, when the build started one: :func:`readiness.pack.ahead.read_ahead`)."""
    cache.mkdir(parents=True, exist_ok=True)
    working = staging / "working"
    working.mkdir()
    for folder in (working, cache):  # child-level data, never more open than the pack's own folder
        no_more_open_than(folder, staging)
    if ahead is not None:  # while the reader reads: then the processes forked to run sections start with it
        warm_up()
    inputs, kept = checked_inputs(params, hashes, cache, parallel=job.jobs, reuse=not job.force, ahead=ahead)
    inputs_file = working / INPUTS_FILE
    write_atomically(inputs_file, kept)  # the notebooks' copy: the very bytes the cache keeps, made once
    del kept
    sections = all_sections(job.notebooks)
    available = [s for s in sections if is_available(s, inputs)]
    for edition, folder, edition_working, edition_cache in editions(params, staging, working, cache):
        for made in (folder, edition_working, edition_cache):
            made.mkdir(parents=True, exist_ok=True)
        for private in (edition_working, edition_cache):
            no_more_open_than(private, staging)
        step = time.time()
        pack = Pack(edition, inputs, *edition_figures(inputs, edition, parallel=job.jobs))
        log.info("%s: %s figures computed in %.1f s", params.pack_id, edition.audience, time.time() - step)
        document = pack_document(pack)
        write_json(document, folder / "figures.json")
        write_figures_workbook(document, folder / "figures.xlsx")
        with shared_with_notebooks(pack, job.params_file, inputs_file):
            bodies = run_sections(available, job, edition, hashes, edition_working, edition_cache, inputs_file)
        render_pack(
            edition,
            document,
            [*inputs.warnings, *plan_warnings(pack), *superseded_warnings(edition)],
            bodies,
            left_out(sections, inputs),
            folder / "index.html",
            small_counts(pack.figures, edition.suppression_threshold),
        )
        if job.pdf:
            log.info("%s: printing the %s edition's pack.pdf", params.pack_id, edition.audience)
            print_pdf(folder / "index.html", folder / "pack.pdf")
        manifest = build_manifest(edition, job.params_file, started, notebooks=[s.path for s in available])
        write_json({**manifest, "build_key": key, "sections": [s.path.name for s in available]}, folder / "manifest.json")


def run_sections(
    sections: list[Section], job: Job, params: Params, hashes: dict[str, str], working: Path, cache: Path, inputs_file: Path
) -> list[tuple[Section, str]]:
    """Each section's HTML body, from the cache (not with ``--force``) or by running its notebook (in parallel where
    possible) on the checked inputs in ``inputs_file``, for the edition ``params`` gives."""
    keys = {s: notebook_key(params, hashes, s.path, s.reads, s.slug) for s in sections}
    bodies = {s: None if job.force else _from_cache(s, keys[s], working, cache) for s in sections}
    todo = [s for s in sections if bodies[s] is None]
    run = partial(execute_section, params_file=job.params_file, working=working, inputs_file=inputs_file, audience=params.audience)
    for section, body in bar(_execute_all(todo, job, run), len(todo), params.pack_id):
        _store(section, keys[section], body, working, cache)
        bodies[section] = body
    return [(s, bodies[s]) for s in sections]


def _execute_all(todo: list[Section], job: Job, run: Callable[[Section], str]):
    """Run the notebooks: ``--jobs`` at a time where the system forks, this process one of them
    (:func:`readiness.parallel.shared_out`), else one after another here."""
    if min(job.jobs, len(todo)) > 1 and can_fork():
        yield from ((todo[index], body) for index, body in shared_out([partial(run, s) for s in todo], job.jobs))
    else:
        yield from ((s, run(s)) for s in todo)


def execute_section(section: Section, params_file: Path, working: Path, inputs_file: Path, audience: str) -> str:
    """Run one notebook with papermill into ``working/`` for the edition of ``audience``, and return its Board HTML."""
    started = time.time()
    output = working / section.path.name
    try:
        papermill.execute_notebook(
            str(section.path),
            str(output),
            parameters=section_parameters(params_file, inputs_file, audience),
            cwd=str(section.path.parent),
            engine_name=ENGINE_NAME,
            kernel_name="python3",
            progress_bar=False,
            log_output=False,
            request_save_on_cell_execute=False,  # written once, when it has run (or failed), not after every cell
        )
    except papermill.PapermillExecutionError as exc:
        raise NotebookError(f"notebook {section.path.name} failed in cell {exc.exec_count or '?'}: {exc.ename}: {exc.evalue}") from None
    body = section_body(output, section.slug)
    log.info("%s ran in %.1f s", section.path.name, time.time() - started)
    return body


def section_parameters(params_file: Path, inputs_file: Path, audience: str) -> dict[str, str | None]:
    """What a build passes a notebook: its files, the edition's ``audience``, and every other override reset to
    ``None``, so an override an analyst left in a notebook's parameters cell never changes a pack (only its parameters
    file does)."""
    return {**dict.fromkeys(OVERRIDABLE), "audience": audience, "params_file": str(params_file), "inputs_file": str(inputs_file)}


def _from_cache(section: Section, key: str, working: Path, cache: Path) -> str | None:
    """A section's HTML and executed notebook as an earlier build kept them, only while both are the bytes whose SHA-256
    was recorded then (:func:`readiness.pack.cache.read_verified`); ``None`` (run it again) otherwise."""
    stem = f"{section.path.stem}-{key[:20]}"
    html, notebook = (read_verified(cache / f"{stem}{suffix}") for suffix in (".html", ".ipynb"))
    if html is None or notebook is None:
        if (cache / f"{stem}.html").exists() or (cache / f"{stem}.ipynb").exists():
            log.warning("%s: the cached section is not as it was kept (its SHA-256 differs); running it again", section.path.name)
        return None
    (working / section.path.name).write_bytes(notebook)
    log.info("%s unchanged; reused", section.path.name)
    return html.decode("utf-8")


def _store(section: Section, key: str, body: str, working: Path, cache: Path) -> None:
    stem = f"{section.path.stem}-{key[:20]}"
    for old in cache.glob(f"{section.path.stem}-*"):
        old.unlink()
    keep_verified(cache / f"{stem}.ipynb", (working / section.path.name).read_bytes())
    keep_verified(cache / f"{stem}.html", body.encode("utf-8"))
