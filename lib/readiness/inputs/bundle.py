"""The bundle of normalised inputs that indicator functions and notebooks work on.

See ``docs/data-model.md`` for the columns of every frame.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from readiness.errors import Problem

UNREADABLE = "_unreadable"  # per row: the used columns whose value could not be read, joined by ";"


@dataclass
class Inputs:
    """Normalised input frames (``None`` or absent when not given) and row-level warnings."""

    annex_a: dict[str, pd.DataFrame] = field(default_factory=dict)
    case_audits: pd.DataFrame | None = None
    strategy_meetings: pd.DataFrame | None = None
    workforce: pd.DataFrame | None = None
    supervision: pd.DataFrame | None = None
    audit_actions: pd.DataFrame | None = None
    front_door_decisions: pd.DataFrame | None = None
    immediate_concerns: pd.DataFrame | None = None
    audit_checks: pd.DataFrame | None = None
    mock_only_audits: pd.DataFrame | None = None  # mock audits without the council's grade: the mock ids only
    warnings: list[Problem] = field(default_factory=list)

    def annex_list(self, number: int) -> pd.DataFrame | None:
        """Annex A list ``number`` if the return has it, else ``None``."""
        return self.annex_a.get(f"list_{number}")

    def has(self, name: str) -> bool:
        """Whether an input was given: an extract by name (``case_audits``) or an Annex A list (``list_4``)."""
        if name.startswith("list_"):
            return name in self.annex_a
        return getattr(self, name) is not None


def unreadable_in(frame: pd.DataFrame, column: str) -> pd.Series:
    """Mask of the rows of ``frame`` whose ``column`` could not be read."""
    if UNREADABLE not in frame:
        return pd.Series(False, index=frame.index)
    return frame[UNREADABLE].str.contains(rf"(?:^|;){re.escape(column)}(?:;|$)", regex=True).fillna(False).astype(bool)
