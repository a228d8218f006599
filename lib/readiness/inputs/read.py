"""Readers: every input, however a council spells it, as the frames of ``docs/data-model.md``.

:func:`load_inputs` is what the build calls; :func:`read_inputs` is the same without raising,
for ``readiness validate``.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Iterable

import pandas as pd

from readiness.config.params import EXTRACT_KEYS, Params
from readiness.errors import InputError, Problem
from readiness.parallel import run_all

from .annex_a import Source, collect_lists, locate_annex_a, read_one_list
from .annex_a_tables import ANNEX_A
from .blanks import blank_warnings
from .bundle import Inputs
from .coverage import coverage_of, uncovered_start_warnings
from .extracts import read_extract
from .followup import add_follow_up
from .labels import protect_labels
from .normalise import Findings
from .plan import check_plan
from .returns.read import add_returns, reading_tasks, return_files
from .templates import write_templates
from .unexported import unexported_columns
from .workbooks import sheet_sizes

__all__ = ["load_inputs", "read_inputs", "write_templates"]
NO_ROWS = "the return has no rows: every list holds its headings only (is it Ofsted's empty template?)"


def read_inputs(params: Params, required_lists: Iterable[int] = (), parallel: int = 1) -> tuple[Inputs, Findings]:
    """Every input ``params.data`` names, normalised, and all the errors and warnings found.

    Annex A lists not in ``required_lists`` may be absent (the sections needing them are left out).
    ``parallel`` > 1 reads that many lists, extracts and statutory returns' files at once in forked processes (the build does);
    the workforce extract comes first, as the lists' workers are checked against it. The problems
    are listed in the same order however the reading is shared out. With ``params.strict``, an
    unreadable value in a column a figure uses is an error, not a warning. Labels that are
    identifiers are withheld (:mod:`readiness.inputs.labels`). An Annex A none of whose lists has a row
    is an error (Ofsted's empty template would make a pack of zeros); a used column blank in every row
    of a list is warned about once (:mod:`readiness.inputs.unexported`), not once per row.
    """
    findings = Findings()
    inputs = Inputs(warnings=findings.warnings)
    names = [name for name in EXTRACT_KEYS if getattr(params.data, name) is not None]
    found: dict[str, Findings] = {}
    if "workforce" in names:
        inputs.workforce, found["workforce"] = read_one_extract(params, "workforce")
    workers = None if inputs.workforce is None else set(inputs.workforce["worker_id"].dropna())
    located = Findings()
    sources = {} if params.data.annex_a is None else locate_annex_a(params.data.annex_a, located, required_lists)
    others = [name for name in names if name != "workforce"]
    tasks = [partial(read_one_list, number, source, params, workers) for number, source in sorted(sources.items())]
    tasks += [partial(read_one_extract, params, name) for name in others]
    returns = return_files(params)  # the statutory returns' files are shared out with the lists and extracts
    tasks += reading_tasks(returns)
    paths = [getattr(params.data, name) for name in others] + [file.path for file in returns]
    results = run_all(tasks, parallel, list_sizes(sources) + [bytes_of(path) for path in paths])
    read_files = len(sources) + len(others)
    for name, (frame, problems) in zip(others, results[len(sources) : read_files]):
        setattr(inputs, name, frame)
        found[name] = problems
    for name in names:
        findings.extend(found[name])
        frame = getattr(inputs, name)
        if frame is not None:
            findings.warnings += blank_warnings(name, frame, getattr(params.data, name).name)
    findings.extend(located)
    if params.data.annex_a is not None:
        inputs.annex_a = collect_lists(results[: len(sources)], findings)
        for number, source in sorted(sources.items()):
            if f"list_{number}" in inputs.annex_a:
                spec, frame = ANNEX_A[number], inputs.annex_a[f"list_{number}"]
                unexported = {column.heading for column in unexported_columns(spec, frame)}  # warned about once, as such
                problems = blank_warnings(f"list_{number}", frame, source.label, source.sheet, spec.heading_of)
                findings.warnings += [problem for problem in problems if problem.column not in unexported]
        if inputs.annex_a and not any(len(frame) for frame in inputs.annex_a.values()):
            findings.errors.append(Problem(params.data.annex_a.name, NO_ROWS))
        findings.warnings += uncovered_start_warnings(coverage_of(inputs, params), params.period_start, params.data.annex_a.name)
    add_follow_up(inputs, params, findings)
    check_plan(inputs, params, findings)
    add_returns(returns, results[read_files:], inputs, findings)
    findings.warnings[:] = protect_labels(inputs, params, findings.warnings)  # the same list as inputs.warnings
    if params.strict:
        findings.make_strict()
    inputs.warnings = findings.warnings
    return inputs, findings


def list_sizes(sources: dict[int, Source]) -> list[int]:
    """Roughly how long reading each list takes, in list order: the bytes of its sheet, else of its file."""
    sheets = {path: sheet_sizes(path) for path in {source.path for source in sources.values() if source.sheet is not None}}
    return [sheets.get(source.path, {}).get(source.sheet) or bytes_of(source.path) for _, source in sorted(sources.items())]


def bytes_of(path: Path) -> int:
    """The bytes of a file, or of the files in a folder; 0 when they cannot be told (reading it says why)."""
    try:
        return sum(p.stat().st_size for p in path.iterdir() if p.is_file()) if path.is_dir() else path.stat().st_size
    except OSError:
        return 0


def read_one_extract(params: Params, name: str) -> tuple[pd.DataFrame | None, Findings]:
    """One local extract read and normalised, with the problems found in it."""
    found = Findings()
    return read_extract(getattr(params.data, name), name, params.columns.get(name, {}), found), found


def load_inputs(params: Params, required_lists: Iterable[int] = (), parallel: int = 1) -> Inputs:
    """Every input ``params.data`` names, normalised; raises :class:`InputError` listing every error."""
    inputs, findings = read_inputs(params, required_lists, parallel)
    if findings.errors:
        raise InputError(findings.errors)
    return inputs
