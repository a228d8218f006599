"""What Ofsted found and the improvement plan's progress (``pack.md`` version 4, *Readiness of a finding*).

An action is *complete* when its status says so or it has a completed date (the reader sets the status then);
*overdue* when it is not complete and was due before ``period_end``. Each action has one state, in this order of
precedence: complete, overdue, then its status as given (on track, at risk, off track, not started; blank: not
recorded). The readiness of each finding needs the figures' RAG and SPC readings, so it is worked out later, in
:mod:`readiness.present.findings`.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from readiness.config.figures import H, L, Theme
from readiness.config.params import Params
from readiness.inputs.bundle import Inputs

from .figure import Figure, FigureValue, count, share
from .tables import Roles, board_table

plan = Theme("Findings and the improvement plan", reads=("findings.finding_id",))
acts = Theme("Findings and the improvement plan", reads=("improvement_actions.action_id",))

STATES = ("complete", "overdue", "on_track", "at_risk", "off_track", "not_started", "not_recorded")
"""An action's states, in order of precedence (:func:`action_states`)."""
COLUMNS = ("complete", "on_track", "overdue", "other")
"""The columns of an action table: done, on track, overdue, and every other state."""


def action_states(actions: pd.DataFrame, period_end: date) -> pd.Series:
    """Each action's state (:data:`STATES`) at ``period_end``: complete; else overdue when due before it; else its status."""
    complete = actions["status"].eq("complete").fillna(False).astype(bool)
    overdue = ~complete & (actions["due_date"] < pd.Timestamp(period_end)).fillna(False).astype(bool)
    status = actions["status"].astype("object").where(actions["status"].notna(), "not_recorded")
    return status.mask(overdue, "overdue").mask(complete, "complete").rename("state")


@plan.headline("findings.count", "Findings of inspections and visits in the improvement plan", "count")
def findings_count(findings: pd.DataFrame) -> Figure:
    """``findings.count``: every finding of the register."""
    return count(len(findings))


@plan.headline("findings.priority_count", "Findings that are areas for priority action", "count", reads=("findings.priority",))
def priority_count(findings: pd.DataFrame) -> Figure:
    """``findings.priority_count``: findings with ``priority`` = Y."""
    return count(int(findings["priority"].eq(True).fillna(False).sum()))


@acts.headline("improvement_actions.count", "Actions in the improvement plan", "count")
def actions_count(actions: pd.DataFrame) -> Figure:
    """``improvement_actions.count``: every action of the plan."""
    return count(len(actions))


@acts.headline(
    "improvement_actions.overdue_count",
    "Improvement-plan actions overdue",
    "count",
    L,
    reads=("improvement_actions.due_date", "improvement_actions.status", "improvement_actions.completed_date"),
)
def overdue_count(actions: pd.DataFrame, period_end: date) -> Figure:
    """``improvement_actions.overdue_count``: actions due before ``period_end`` and not complete."""
    return count(int(action_states(actions, period_end).eq("overdue").sum()))


@acts.headline(
    "improvement_actions.complete_share",
    "Improvement-plan actions complete",
    "share",
    H,
    reads=("improvement_actions.status", "improvement_actions.completed_date"),
    denominator="improvement_actions.count",
)
def complete_share(actions: pd.DataFrame) -> Figure:
    """``improvement_actions.complete_share``: actions complete (by status or a completed date) ÷ every action."""
    return share(int(actions["status"].eq("complete").fillna(False).sum()), len(actions))


@board_table(Roles(COLUMNS, total="actions"))
def action_counts(actions: pd.DataFrame, period_end: date, by: str = "finding_id") -> pd.DataFrame:
    """Actions by ``by`` (a finding, or an owner role: blank as ``not recorded``), in the order they first appear: how
    many, done, on track, overdue and in any other state (:func:`action_states`)."""
    states = action_states(actions, period_end).where(lambda s: s.isin(COLUMNS), "other")
    keys = actions[by].astype("object").where(actions[by].notna(), "not recorded").rename(by)
    table = pd.crosstab(keys, states).reindex(index=pd.unique(keys), columns=list(COLUMNS), fill_value=0)
    table.insert(0, "actions", table.sum(axis=1))
    return table.astype(int).rename_axis(columns=None)


def figures(inputs: Inputs, params: Params) -> dict[str, FigureValue]:
    """The plan's figures, or nothing without a findings register (actions come only with one)."""
    if inputs.findings is None:
        return {}
    result: dict[str, FigureValue] = {
        findings_count.figure_id: findings_count(inputs.findings),
        priority_count.figure_id: priority_count(inputs.findings),
    }
    actions = inputs.improvement_actions
    if actions is not None:
        result |= {
            actions_count.figure_id: actions_count(actions),
            overdue_count.figure_id: overdue_count(actions, params.period_end),
            complete_share.figure_id: complete_share(actions),
        }
    return result
