"""A themed sample, as monitoring visits are themed: the children of one part of the service, seen lately.

A theme's *cohort* is every child with an event of the theme's lists (:data:`THEMES`, the events of
:mod:`readiness.mock.journey`) dated from ``since`` to the snapshot; a care leaver's List 9 row is dated at
the snapshot, so every care leaver is recent. A child's *worker* is the ``Allocated Worker`` of its row with
the latest key date, as its team is; *siblings* share List 10's ``Family identifier``. A child is *audited
recently* when ``case_audits`` holds an audit of it dated in the given weeks up to the snapshot.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from readiness.errors import ReadinessError
from readiness.indicators.workforce import is_allocated
from readiness.inputs.bundle import Inputs

from .journey import KEY_DATES, journeys, latest_team, team_rows

THEMES = {
    "front_door": (1, 3),
    "early_help": (2,),
    "help_and_protection": (4, 5, 6, 7),
    "children_in_care": (8,),
    "care_leavers": (9,),
    "adoption": (10, 11),
}
"""Each theme and the Annex A lists whose events put a child in its cohort (named as ``findings.area`` names them)."""
RANDOM_ALLOCATED = "random_allocated"
RANDOM_ALLOCATED_REASON = "random sub-sample of children with an allocated worker"


class SampleError(ReadinessError):
    """Raised when a sample cannot be drawn as asked (an unknown theme, too many children for the return)."""

    exit_status = 2


@dataclass(frozen=True)
class Themed:
    """How a themed sample is drawn: the theme, the start of its recency window, at most ``per_worker`` children
    per worker (siblings kept together)."""

    theme: str
    since: date
    per_worker: int = 2


def themed(theme: str, since: date | None, per_worker: int, snapshot: date) -> Themed:
    """The :class:`Themed` draw asked for; an unknown theme or a limit below one is a :class:`SampleError`."""
    if theme not in THEMES:
        raise SampleError(f"unknown theme '{theme}' (known: {', '.join(THEMES)})")
    if per_worker < 1:
        raise SampleError(f"--per-worker must be 1 or more, not {per_worker}")
    return Themed(theme, since or default_since(snapshot), per_worker)


def default_since(snapshot: date) -> date:
    """Six months before the snapshot (the same day, or the month's last)."""
    return (pd.Timestamp(snapshot) - pd.DateOffset(months=6)).date()


def cohort(inputs: Inputs, children: pd.Series, theme: str, since: date, snapshot: date) -> pd.Series:
    """The ``children`` with an event of the theme's lists dated ``since`` to ``snapshot``, sorted."""
    events = journeys(inputs, children, snapshot)
    lists = {f"List {number}" for number in THEMES[theme]}
    recent = events["list"].isin(lists) & (events["date"] >= pd.Timestamp(since)) & (events["date"] <= pd.Timestamp(snapshot))
    return pd.Series(sorted(events.loc[recent, "child_id"].unique()), dtype="string")


def workers(inputs: Inputs, snapshot: date) -> pd.Series:
    """child → the worker of its row with the latest key date (children with none named left out)."""
    return latest_team(team_rows(inputs, KEY_DATES, "worker", snapshot))


def allocated(children: pd.Series, worker_of: pd.Series, unallocated_values: list[str]) -> pd.Series:
    """The ``children`` whose worker is allocated (not blank, not one of ``unallocated_values``)."""
    known = children[children.isin(worker_of.index)]
    return known[is_allocated(known.map(worker_of), unallocated_values).to_numpy()].reset_index(drop=True)


def families(inputs: Inputs) -> dict[str, list[str]]:
    """child → its siblings and itself (List 10's ``Family identifier``, where known), sorted."""
    adoption = inputs.annex_list(10)
    if adoption is None or "family_id" not in adoption:
        return {}
    known = adoption[["child_id", "family_id"]].dropna().drop_duplicates()
    groups = known.groupby("family_id")["child_id"].apply(lambda ids: sorted(ids))
    return {child: group for group in groups for child in group if len(group) > 1}


def audited_recently(inputs: Inputs, children: pd.Series, weeks: int, snapshot: date) -> list[str]:
    """``Y`` for each child audited in the ``weeks`` weeks up to the snapshot, else ``""``."""
    audits = inputs.case_audits
    if audits is None:
        return [""] * len(children)
    start = pd.Timestamp(snapshot - timedelta(weeks=weeks))
    recent = set(audits.loc[(audits["audit_date"] > start) & (audits["audit_date"] <= pd.Timestamp(snapshot)), "child_id"])
    return ["Y" if child in recent else "" for child in children]
