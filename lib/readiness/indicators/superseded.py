"""Figures a target or comparator should not name (``indicators.md`` version 4), and what to name instead.

``referrals.repeat_share`` counts a child's every referral when Ofsted's column repeats the same count on each row,
so it overstates re-referrals: DfE's rate is ``referrals.rereferral_share``. DfE publishes care leavers' figures at
ages 17-18 and 19-21, at the birthday; a comparator set on the all-age figure compares unlike with unlike.
"""

from __future__ import annotations

from typing import Iterable

from readiness.config.figures import REGISTRY
from readiness.config.params import Params
from readiness.config.references import read_comparators
from readiness.errors import Problem

from . import themes  # noqa: F401  (importing it closes the figure registry read below)
from .care_leavers import DFE_AGES
from .frontdoor import referrals_repeat_share
from .rereferrals import rereferral_share

SUPERSEDED = {referrals_repeat_share.figure_id: rereferral_share.figure_id}
"""A figure version 4 replaced, and the figure to name instead."""


def superseded_warnings(params: Params) -> list[Problem]:
    """The warnings for the parameters' targets and comparators file (Data quality lists them)."""
    problems = superseded_targets(params.targets, "parameters")
    if params.comparators is not None:
        problems += superseded_comparators(read_comparators(params.comparators), params.comparators.name)
    return problems


def superseded_targets(ids: Iterable[str], file: str) -> list[Problem]:
    """A warning per id in ``ids`` (the parameters' targets) that version 4 replaced, naming its replacement."""
    return [
        Problem(file, f"a target names {old}, which overstates re-referrals and is not shown: set it on {SUPERSEDED[old]}")
        for old in ids
        if old in SUPERSEDED
    ]


def superseded_comparators(ids: Iterable[str], file: str) -> list[Problem]:
    """A warning per comparator set on a replaced figure, or on an all-age care-leaver figure DfE does not publish."""
    problems = []
    for figure_id in ids:
        if figure_id in SUPERSEDED:
            problems.append(Problem(file, f"a comparator names {figure_id}, which is not DfE's measure: name {SUPERSEDED[figure_id]}"))
        elif is_all_age_care_leaver_share(figure_id):
            ages = " or ".join(DFE_AGES)
            problems.append(
                Problem(file, f"a comparator names {figure_id} (all ages): DfE publishes care leavers aged 17-18 and 19-21, so name {ages}")
            )
    return problems


def is_all_age_care_leaver_share(figure_id: str) -> bool:
    """Whether ``figure_id`` is a care leavers' share over every age (not a member of an age family)."""
    declared = REGISTRY.find(figure_id)
    return declared is not None and declared.theme == "Care leavers" and declared.kind == "share" and not declared.family
