"""Equality and disproportionality: who reaches each stage, by ethnicity, sex, age and disability (version 4).

For each stage (referrals in the period; children whose assessment was completed, whose strategy discussion was
held or whose plan started in the period; children looked after and care leavers at the snapshot) and each
dimension, ``equality.<stage>.<dimension>.<group>`` counts distinct children (referrals, for ``referrals``) in each
group, every group of the dimension listed (0 where none). With ``child_population_by``, each group with a population
also gets ``.rate_per_10k`` (annualised over the covered days for the period stages, as the other rates) and
``.ratio``: its rate over the rate of all children in the stage (1 = proportionate). Care leavers get no rates.
A child's groups come from their first row of the stage in the period (their latest start for children in care).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from readiness.config.groups import EQUALITY_GROUPS, NOT_RECORDED
from readiness.config.params import Params
from readiness.config.period import Period
from readiness.inputs.bundle import Inputs
from readiness.inputs.coverage import coverage_of, covered_days, covered_period

from .care import looked_after
from .care_leavers import care_leavers
from .common import DAYS_PER_YEAR
from .figure import Figure, FigureValue, count

ETHNIC_GROUPS = {"W": "white", "M": "mixed", "A": "asian", "B": "black", "O": "other"}  # by the code's first letter
GROUPS = EQUALITY_GROUPS
AGE_BANDS = ((0, "under_1"), (1, "1_4"), (5, "5_9"), (10, "10_15"), (16, "16_17"), (18, "18_plus"))  # from each lower bound
STAGES = ("referrals", "assessments", "s47", "cp_started", "cla", "care_leavers")
PERIOD_STAGES = {
    "referrals": (3, "referral_date"),
    "assessments": (4, "authorisation_date"),
    "s47": (5, "strategy_date"),
    "cp_started": (7, "cp_start"),
}
"""A period stage's Annex A list and the date that puts a row in it."""


# --- groups -----------------------------------------------------------------------


def ethnic_group(codes: pd.Series) -> pd.Series:
    """DfE's major group of each four-letter code: W white, M mixed, A asian, B black, CHNE and O other; REFU, NOBT,
    blank or anything else not recorded."""
    upper = codes.astype("string").str.upper().str.strip()
    group = upper.str[0].map(ETHNIC_GROUPS).where(~upper.isin(["REFU", "NOBT"]))
    return group.mask(upper == "CHNE", "other").fillna(NOT_RECORDED).astype(object)


def sex_group(genders: pd.Series) -> pd.Series:
    """``male``, ``female``, or not recorded (not stated, neither, blank)."""
    return genders.where(genders.isin(["male", "female"])).fillna(NOT_RECORDED).astype(object)


def disability_group(flags: pd.Series) -> pd.Series:
    """``yes``, ``no`` or not recorded (blank or unknown)."""
    return flags.astype("boolean").map({True: "yes", False: "no"}).fillna(NOT_RECORDED).astype(object)


def whole_years(born: pd.Series, on: pd.Series) -> pd.Series:
    """Whole years from ``born`` to ``on`` (row by row); a 29 February birthday falls on 28 February in common years."""
    leap_born_in_common_year = (born.dt.month == 2) & (born.dt.day == 29) & ~on.dt.is_leap_year
    birthday = np.where(leap_born_in_common_year, 28, born.dt.day)
    before_birthday = (on.dt.month < born.dt.month) | ((on.dt.month == born.dt.month) & (on.dt.day < birthday))
    return on.dt.year - born.dt.year - before_birthday.astype(int)


def age_group(rows: pd.DataFrame, on: pd.Series) -> pd.Series:
    """Each row's age band on its stage date ``on``: unborn (born after it, or ``Age`` −1), the bands of
    :data:`AGE_BANDS`, or not recorded without a date of birth."""
    born = pd.to_datetime(rows["date_of_birth"]) if "date_of_birth" in rows else pd.Series(pd.NaT, index=rows.index)
    years = whole_years(born, on)
    group = pd.Series(NOT_RECORDED, index=rows.index, dtype=object)
    for lower, label in AGE_BANDS:
        group[(years >= lower).fillna(False).astype(bool)] = label
    unborn = (born > on).fillna(False).astype(bool)
    if "age" in rows:
        unborn |= (rows["age"] == -1).fillna(False).astype(bool)
    return group.mask(unborn, "unborn")


def groups_of(rows: pd.DataFrame, on: pd.Series, with_disability: bool) -> dict[str, pd.Series]:
    """Each row's group in every dimension (disability only for Lists 4-10)."""
    found = {
        "ethnicity": ethnic_group(rows["ethnicity"]) if "ethnicity" in rows else pd.Series(NOT_RECORDED, index=rows.index),
        "sex": sex_group(rows["gender"]) if "gender" in rows else pd.Series(NOT_RECORDED, index=rows.index),
        "age": age_group(rows, on),
    }
    if with_disability:
        found["disability"] = disability_group(rows["disability"]) if "disability" in rows else pd.Series(NOT_RECORDED, index=rows.index)
    return found


# --- stages -----------------------------------------------------------------------


def first_in_period(rows: pd.DataFrame, column: str, period: Period) -> pd.DataFrame:
    """Each child's first row dated in the period (by ``column``)."""
    inside = rows[period.contains(rows[column])]
    return inside.sort_values(column, kind="stable").drop_duplicates("child_id")


def stage_rows(stage: str, inputs: Inputs, params: Params) -> tuple[pd.DataFrame, pd.Series] | None:
    """The rows a stage counts and each one's stage date, or ``None`` when its list is not given."""
    snapshot = pd.Timestamp(params.period.snapshot)
    if stage in PERIOD_STAGES:
        number, column = PERIOD_STAGES[stage]
        rows = inputs.annex_list(number)
        if rows is None:
            return None
        covered = covered_period(params.period, coverage_of(inputs, params)[number])
        rows = rows[covered.contains(rows[column])] if stage == "referrals" else first_in_period(rows, column, covered)
        return rows, rows[column]
    source = inputs.annex_list(8 if stage == "cla" else 9)
    if source is None:
        return None
    rows = looked_after(source, params.period.snapshot) if stage == "cla" else care_leavers(source).drop_duplicates("child_id")
    return rows, pd.Series(snapshot, index=rows.index)


def stage_counts(stage: str, rows: pd.DataFrame, on: pd.Series) -> dict[str, Figure]:
    """``equality.<stage>.<dimension>.<group>`` for every group of every dimension the stage has."""
    result = {}
    for dimension, groups in groups_of(rows, on, with_disability=stage != "referrals").items():
        found = groups.value_counts()
        result |= {f"equality.{stage}.{dimension}.{group}": count(found.get(group, 0)) for group in GROUPS[dimension]}
    return result


# --- rates ------------------------------------------------------------------------


def annual_factor(stage: str, inputs: Inputs, params: Params) -> float | None:
    """365.25 ÷ covered days for a period stage, 1 for a snapshot stage; ``None`` when no day is covered."""
    if stage not in PERIOD_STAGES:
        return 1.0
    days = covered_days(params.period, coverage_of(inputs, params)[PERIOD_STAGES[stage][0]])
    return DAYS_PER_YEAR / days if days > 0 else None


def stage_rates(
    stage: str, counts: dict[str, Figure], populations: dict[str, dict[str, int]], factor: float, all_children: int | None
) -> dict[str, Figure]:
    """``.rate_per_10k`` and ``.ratio`` of each group with a population, per dimension of ``populations``."""
    result = {}
    for dimension, by_group in populations.items():
        if dimension not in GROUPS or (stage == "referrals" and dimension == "disability"):
            continue
        total = sum(counts[f"equality.{stage}.{dimension}.{group}"].value for group in GROUPS[dimension])
        overall = total / (all_children or sum(by_group.values())) * 10_000 * factor
        for group, population in by_group.items():
            key = f"equality.{stage}.{dimension}.{group}"
            n = counts[key].value
            rate = n / population * 10_000 * factor
            result[f"{key}.rate_per_10k"] = Figure(rate, (n,))
            result[f"{key}.ratio"] = Figure(rate / overall if overall else None, (n,))
    return result


def figures(inputs: Inputs, params: Params) -> dict[str, FigureValue]:
    """Every stage's counts by group, with rates and ratios where ``child_population_by`` gives populations."""
    result: dict[str, FigureValue] = {}
    for stage in STAGES:
        found = stage_rows(stage, inputs, params)
        if found is None:
            continue
        counts = stage_counts(stage, *found)
        result |= counts
        factor = annual_factor(stage, inputs, params)
        if params.child_population_by and stage != "care_leavers" and factor is not None:
            result |= stage_rates(stage, counts, params.child_population_by, factor, params.child_population)
    return result


def equality_ids() -> set[str]:
    """Every id the equality figures can have: each group's count, rate and ratio, in every stage."""
    counts = {part for stage in STAGES for dimension in stage_dimensions(stage) for part in dimension_parts(stage, dimension)}
    return counts | {f"{part}.{measure}" for part in counts for measure in ("rate_per_10k", "ratio")}


def dimension_parts(stage: str, dimension: str) -> tuple[str, ...]:
    """The ids of a dimension's group counts in a stage: they add up to the stage's children."""
    return tuple(f"equality.{stage}.{dimension}.{group}" for group in GROUPS[dimension])


def stage_dimensions(stage: str) -> tuple[str, ...]:
    """The dimensions a stage is broken down by (no disability for referrals: List 3 does not carry it)."""
    return tuple(dimension for dimension in GROUPS if not (stage == "referrals" and dimension == "disability"))
