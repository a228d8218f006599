"""Every statutory return the parameters name, each year read and the years put together.

Years overlap: a referral open on 31 March is in both years' CIN census, an episode open then in
both years' SSDA903. The later year's row is kept (it is the corrected one). Two files claiming the
same year are an error, as the build could not know which to believe.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Callable

import pandas as pd

from readiness.config.params import Params
from readiness.errors import InputError, Problem

from ..bundle import RETURN_FRAMES, Inputs
from ..normalise import Findings
from .cin import read_cin_census
from .csww import read_csww
from .rows import RowProblems
from .ssda903 import read_ssda903

KEYS = {  # a frame's natural key across years (the later year's row wins); frames not named keep every year's rows
    "cin_referrals": ("child_id", "referral_date"),
    "cin_assessments": ("child_id", "assessment_start"),
    "cin_s47": ("child_id", "s47_start"),
    "cin_plans": ("child_id", "plan_start"),
    "cin_cp_plans": ("child_id", "cp_start"),
    "cin_cp_reviews": ("child_id", "cp_start", "review_date"),
    "ssda903_episodes": ("CHILD", "DECOM"),
    "ssda903_reviews": ("CHILD", "REVIEW"),
    "ssda903_missing": ("CHILD", "MIS_START"),
}


@dataclass(frozen=True)
class ReturnFile:
    """One file of a statutory return the parameters name: its return (parameter name), the year it is given as
    (``None``: read from the file), where it is and its reader."""

    key: str
    year: int | None
    path: Path
    reader: Callable


def return_files(params: Params) -> list[ReturnFile]:
    """Every file of every statutory return the parameters name, return by return, each year in the order given."""
    return [
        *(ReturnFile("cin_census", None, path, read_cin_census) for path in params.cin_census),
        *(ReturnFile("ssda903", item.year, item.path, read_ssda903) for item in params.ssda903),
        *(ReturnFile("csww", None, path, read_csww) for path in params.csww),
    ]


def reading_tasks(files: list[ReturnFile]) -> list[Callable]:
    """A task reading each file (each year on its own), for :func:`readiness.parallel.run_all` to share out with the
    other inputs' (:func:`readiness.inputs.read.read_inputs`)."""
    return [partial(_read_file, file.reader, file.path) for file in files]


def add_returns(files: list[ReturnFile], results: list, inputs: Inputs, findings: Findings) -> None:
    """Set ``inputs``' return frames from the ``results`` of :func:`reading_tasks` (one per file, in order), every
    year of a return put together; problems go to ``findings``, in the same order however the reading was shared out."""
    read = list(zip(files, results))
    for key in RETURN_FRAMES:
        frames = _read_years(key, [(file.year, file.path, result) for file, result in read if file.key == key], findings)
        for name in RETURN_FRAMES[key]:
            if name in frames:
                setattr(inputs, name, frames[name])


def _read_file(reader: Callable, path: Path) -> tuple[dict[str, pd.DataFrame], RowProblems, int | None] | list[Problem]:
    """One file's frames, problems and year; or, when it is not a return, its errors (a list: a worker's result is
    sent back, and an :class:`InputError` cannot be)."""
    try:
        return reader(path)
    except InputError as exc:
        return exc.problems


def _read_years(key: str, files: list[tuple[int | None, Path, tuple | list[Problem]]], findings: Findings) -> dict[str, pd.DataFrame]:
    read: dict[int, dict[str, pd.DataFrame]] = {}
    for year, path, result in files:
        if isinstance(result, list):
            findings.errors += result
            continue
        frames, problems, found = result
        year = year or found
        if year is None:
            findings.errors.append(Problem(Path(path).name, "no episode has a date: name its year ({year: …, path: …})"))
            continue
        if year in read:
            findings.errors.append(Problem(Path(path).name, f"a second {key} for the year {_year_label(key, year)}: give each year once"))
            continue
        _add(findings, problems)
        read[year] = frames
    return combined_years(read)


def _add(findings: Findings, problems: RowProblems) -> None:
    findings.errors += problems.errors
    findings.warnings += problems.warnings


def _year_label(key: str, year: int) -> str:
    return f"Sept {year}" if key == "csww" else f"{year - 1}-{str(year)[2:]}"


def combined_years(read: dict[int, dict[str, pd.DataFrame]]) -> dict[str, pd.DataFrame]:
    """Each frame of ``{year: {name: frame}}`` over every year, oldest first, with its ``return_year``; where
    :data:`KEYS` names a frame's key, the latest year's row of each key."""
    names = dict.fromkeys(name for frames in read.values() for name in frames)
    combined = {}
    for name in names:
        parts = [read[year][name].assign(return_year=year) for year in sorted(read) if name in read[year]]
        frame = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0].reset_index(drop=True)
        if name in KEYS and len(parts) > 1:
            frame = frame.drop_duplicates(list(KEYS[name]), keep="last").reset_index(drop=True)
        combined[name] = frame
    return combined
