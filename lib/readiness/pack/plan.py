"""Readiness against each finding, worked out once on the exact figures (``pack.md`` version 4), for ``figures.json``
and the findings section: the same in the Board edition and the published one.

The exact figures are the pack's own (disclosure control only marks them); the SPC readings that decide readiness are
read from them as an internal pack reads them (every month exact, every earlier pack's months, the statutory returns'
exact months), whatever the edition.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from readiness.config.catalogue import describe
from readiness.config.figures import monthly_id
from readiness.errors import Problem
from readiness.indicators.improvement_plan import action_states
from readiness.inputs.plan import headline_of, names_in
from readiness.present.findings import Evidence, Readiness, linked_evidence, linked_ids, rate, readiness_id
from readiness.present.spc_series import exact, xmr_series

from .figures import internal
from .notebook import Pack

ABSENT = "the figure '{}' is not in this pack (its data was not given), so finding {} is rated without it"


@dataclass
class Plan:
    """A pack's findings register and improvement plan, with each finding's evidence read from the exact figures."""

    pack: Pack

    @property
    def findings(self) -> pd.DataFrame:
        return self.pack.inputs.findings

    @cached_property
    def actions(self) -> pd.DataFrame:
        """Every action with its state at the period end (``state``); no rows without an actions extract."""
        actions = self.pack.inputs.improvement_actions
        if actions is None:
            return pd.DataFrame({"finding_id": pd.Series(dtype="string"), "state": pd.Series(dtype="object")})
        return actions.assign(state=action_states(actions, self.pack.params.period_end))

    @cached_property
    def linked(self) -> dict[str, tuple[list[str], list[str]]]:
        """Per finding, its linked headline figures in this pack and the ids it names that the pack lacks."""
        present = self.pack.figures
        return {row.finding_id: linked_ids(names_in(row.figures), present) for row in self.findings.itertuples()}

    @cached_property
    def variations(self) -> dict[str, str | None]:
        """The exact SPC variation of every linked figure's monthly series (``None`` without a reading)."""
        wanted = {monthly_id(i) for ids, _ in self.linked.values() for i in ids} & set(self.pack.figures)
        params = internal(self.pack.params)
        published = exact(self.pack.figures, self.pack.whole_months, wanted)
        returns = self.pack.exact_returns
        readings = {i: xmr_series(i, published, params, self.pack.history, returns.get(i)).reading for i in sorted(wanted)}
        return {i: None if reading is None else reading.variation for i, reading in readings.items()}

    def evidence(self, finding_id: str) -> list[Evidence]:
        """A finding's evidence: its linked figures in the pack, then its audit domains with a target."""
        row = self.findings.set_index("finding_id").loc[finding_id]
        values = {i: f.value for i, f in self.pack.figures.items() if not isinstance(f, dict)}
        return linked_evidence(self.linked[finding_id][0], names_in(row["audit_domains"]), values, self.variations, self.pack.params)

    def states(self, finding_id: str) -> list[str]:
        """The states of a finding's actions, in the plan's order."""
        return self.actions.loc[self.actions["finding_id"] == finding_id, "state"].tolist()

    @cached_property
    def readiness(self) -> dict[str, Readiness]:
        """Every finding's readiness, in the register's order."""
        return {i: rate(self.states(i), self.evidence(i)) for i in self.findings["finding_id"]}

    def warnings(self) -> list[Problem]:
        """One Data quality warning per figure a finding names that this pack does not have (by its label: a reader sees it)."""
        file = self.pack.params.data.findings.name
        rows = dict(zip(self.findings["finding_id"], self.findings["_row"]))
        return [
            Problem(file, ABSENT.format(describe(headline_of(i)).label, finding_id), row=int(rows[finding_id]), column="figures")
            for finding_id, (_, absent) in self.linked.items()
            for i in absent
        ]

    def document(self) -> dict:
        """``figures.json``'s ``readiness`` (``findings.<id>.readiness``: green, amber, red or null) and ``findings``
        (each finding's source, date, area, priority and why it is rated so), in the register's order."""
        readiness = self.readiness
        findings = {
            row.finding_id: {
                "source": text_of(row.source),
                "source_date": None if pd.isna(row.source_date) else row.source_date.date().isoformat(),
                "area": text_of(row.area),
                "priority": bool(pd.notna(row.priority) and row.priority),
                "why": readiness[row.finding_id].why,
            }
            for row in self.findings.itertuples()
        }
        return {"readiness": {readiness_id(i): r.rating for i, r in readiness.items()}, "findings": findings}


def text_of(value: object) -> str:
    """A text cell, blank as "not recorded" (a required column may still have a blank cell: a warning, not an error)."""
    return "not recorded" if value is None or pd.isna(value) else str(value)


def plan_document(pack: Pack) -> dict:
    """The findings' part of ``figures.json`` (:meth:`Plan.document`); nothing without a findings register."""
    return Plan(pack).document() if pack.inputs.findings is not None else {}


def plan_warnings(pack: Pack) -> list[Problem]:
    """The Data quality warnings of the findings register (:meth:`Plan.warnings`); none without one."""
    return Plan(pack).warnings() if pack.inputs.findings is not None else []
