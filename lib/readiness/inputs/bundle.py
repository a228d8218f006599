"""The bundle of normalised inputs that indicator functions and notebooks work on.

See ``docs/data-model.md`` for the columns of every frame.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from readiness.errors import Problem

UNREADABLE = "_unreadable"  # per row: the used columns whose value could not be read, joined by ";"
SSDA903_FILES = (
    "header",
    "episodes",
    "reviews",
    "uasc",
    "missing",
    "oc2",
    "oc3",
    "ad1",
    "placed_for_adoption",
    "previous_permanence",
    "sbpfa",
)
RETURN_FRAMES = {  # each statutory return (parameter name) and the frames read from it (docs/data-model.md)
    "cin_census": ("cin_referrals", "cin_assessments", "cin_s47", "cin_plans", "cin_cp_plans", "cin_cp_reviews"),
    "ssda903": tuple(f"ssda903_{name}" for name in SSDA903_FILES),
    "csww": ("csww_workers", "csww_vacancies"),
}


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
    findings: pd.DataFrame | None = None  # the improvement plan (inputs.md section 6): what Ofsted found
    improvement_actions: pd.DataFrame | None = None  # and the plan's actions
    mock_only_audits: pd.DataFrame | None = None  # mock audits without the council's grade: the mock ids only
    cin_referrals: pd.DataFrame | None = None  # the statutory returns (inputs.md section 5), every year given
    cin_assessments: pd.DataFrame | None = None
    cin_s47: pd.DataFrame | None = None
    cin_plans: pd.DataFrame | None = None
    cin_cp_plans: pd.DataFrame | None = None
    cin_cp_reviews: pd.DataFrame | None = None
    ssda903_header: pd.DataFrame | None = None
    ssda903_episodes: pd.DataFrame | None = None
    ssda903_reviews: pd.DataFrame | None = None
    ssda903_uasc: pd.DataFrame | None = None
    ssda903_missing: pd.DataFrame | None = None
    ssda903_oc2: pd.DataFrame | None = None
    ssda903_oc3: pd.DataFrame | None = None
    ssda903_ad1: pd.DataFrame | None = None
    ssda903_placed_for_adoption: pd.DataFrame | None = None
    ssda903_previous_permanence: pd.DataFrame | None = None
    ssda903_sbpfa: pd.DataFrame | None = None
    csww_workers: pd.DataFrame | None = None
    csww_vacancies: pd.DataFrame | None = None
    warnings: list[Problem] = field(default_factory=list)

    def annex_list(self, number: int) -> pd.DataFrame | None:
        """Annex A list ``number`` if the return has it, else ``None``."""
        return self.annex_a.get(f"list_{number}")

    def has(self, name: str) -> bool:
        """Whether an input was given: an extract by name (``case_audits``), an Annex A list (``list_4``; ``annex_a``:
        any list) or a statutory return (``cin_census``, ``ssda903``, ``csww``; ``returns``: any of them)."""
        if name.startswith("list_"):
            return name in self.annex_a
        if name == "annex_a":
            return bool(self.annex_a)
        if name in RETURN_FRAMES:
            return any(getattr(self, frame) is not None for frame in RETURN_FRAMES[name])
        if name == "returns":
            return any(self.has(key) for key in RETURN_FRAMES)
        return getattr(self, name) is not None


def unreadable_in(frame: pd.DataFrame, column: str) -> pd.Series:
    """Mask of the rows of ``frame`` whose ``column`` could not be read."""
    if UNREADABLE not in frame:
        return pd.Series(False, index=frame.index)
    return frame[UNREADABLE].str.contains(rf"(?:^|;){re.escape(column)}(?:;|$)", regex=True).fillna(False).astype(bool)
