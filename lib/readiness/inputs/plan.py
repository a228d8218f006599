"""The improvement plan (``inputs.md`` section 6): what Ofsted found (``findings``) and the plan's actions
(``improvement_actions``), their ids checked.

A Board reads readiness against each finding, so a register it cannot trust stops the build (exit status 2): a
``finding_id`` or ``action_id`` given twice, a figure id in ``figures`` that is no figure of the catalogue, an action
whose ``finding_id`` is not in ``findings``. Each error names the file, the row, the column and the id. A completed
date means the action is complete, whatever its status says (:func:`readiness.inputs.extract_tables.complete_when_dated`).
"""

from __future__ import annotations

import pandas as pd

from readiness.config.catalogue import is_indicator
from readiness.config.params import Params
from readiness.errors import Problem

from .bundle import Inputs
from .normalise import Findings
from .tables import Table

SEPARATOR = ";"


def names_in(text: object) -> list[str]:
    """The names in a ``;``-separated cell, in order, without blanks or repeats: ``"a; b;;a"`` → ``["a", "b"]``."""
    if text is None or pd.isna(text):
        return []
    return list(dict.fromkeys(part.strip() for part in str(text).split(SEPARATOR) if part.strip()))


def headline_of(figure_id: str) -> str:
    """A monthly series' headline figure (``x.monthly.y`` → ``x.y``, ``x.routine.monthly.y`` → ``x.routine.y``); another id as it is."""
    return figure_id.replace(".monthly.", ".", 1)


def is_figure(figure_id: str) -> bool:
    """Whether a finding may name ``figure_id``: a figure of the catalogue, or the monthly series of one."""
    return is_indicator(headline_of(figure_id))


def check_findings(table: Table, frame: pd.DataFrame, findings: Findings) -> None:
    """Errors for a ``finding_id`` given twice and for each figure id in ``figures`` that is no figure of the catalogue."""
    findings.errors += repeated_ids(table, frame, "finding_id", "finding")
    for row, cell in zip(frame["_row"], frame["figures"]):
        for figure_id in names_in(cell):
            if not is_figure(figure_id):
                message = f"'{figure_id}' is not a figure id of the pack (a pack's figures.xlsx lists them, in its first column)"
                findings.errors.append(Problem(table.file, message, table.sheet, int(row), "figures"))


def check_actions(table: Table, frame: pd.DataFrame, findings: Findings) -> None:
    """Errors for an ``action_id`` given twice."""
    findings.errors += repeated_ids(table, frame, "action_id", "action")


def repeated_ids(table: Table, frame: pd.DataFrame, column: str, what: str) -> list[Problem]:
    """One error per id given more than once, at its second row, naming its first."""
    firsts = frame.drop_duplicates(column).set_index(column)["_row"]
    again = frame[frame.duplicated(column, keep="first")].drop_duplicates(column)
    return [
        Problem(
            table.file,
            f"{what} '{value}' is given twice (first in row {int(firsts[value])}): ids must be unique",
            table.sheet,
            int(row),
            column,
        )
        for value, row in zip(again[column], again["_row"])
    ]


PLAN_CHECKS = {"findings": check_findings, "improvement_actions": check_actions}
"""The checks of one file of the plan, by extract name (:func:`readiness.inputs.extracts.read_extract` runs them)."""


def check_plan(inputs: Inputs, params: Params, findings: Findings) -> None:
    """An error for each action whose ``finding_id`` is not in ``findings`` (one per id, at its first row), or one for
    actions given without findings at all."""
    actions = inputs.improvement_actions
    if actions is None:
        return
    file = params.data.improvement_actions.name
    if inputs.findings is None:
        findings.errors.append(
            Problem(file, "improvement actions are given without findings: give data.findings too (each action addresses a finding)")
        )
        return
    known = set(inputs.findings["finding_id"])
    unknown = actions[~actions["finding_id"].isin(known)]
    for finding_id, rows in unknown.groupby("finding_id", sort=False)["_row"]:
        message = f"finding '{finding_id}' is not in {params.data.findings.name}"
        findings.errors.append(
            Problem(file, message, None, int(rows.min()), "finding_id", len(rows) - 1, tuple(sorted(int(r) for r in rows)[:3]))
        )
