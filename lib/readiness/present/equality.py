"""The equality tables: each stage's children by group, with rates and disproportionality ratios, as figures.json
publishes them (withheld cells ``[c]``, secondary suppression within each dimension already applied)."""

from __future__ import annotations

from dataclasses import replace
from typing import Mapping

import pandas as pd

from readiness.config.groups import EQUALITY_GROUPS
from readiness.disclosure.control import SUPPRESSED, is_disclosive
from readiness.indicators.figure import Figure, FigureValue

from .formatting import NO_DATA, format_value, round_half_up

DIMENSION_LABELS = {"ethnicity": "Ethnicity", "sex": "Sex", "age": "Age", "disability": "Disability"}
GROUP_LABELS = {
    "not_recorded": "Not recorded",
    "unborn": "Unborn",
    "under_1": "Under 1",
    "1_4": "1 to 4",
    "5_9": "5 to 9",
    "10_15": "10 to 15",
    "16_17": "16 to 17",
    "18_plus": "18 and over",
}
COUNTED = {"referrals": "Referrals", "care_leavers": "Young people"}  # what a stage counts, if not children
STAGE_TITLES = {
    "referrals": "Referrals in the period",
    "assessments": "Children whose assessment was completed in the period",
    "s47": "Children with a section 47 enquiry in the period",
    "cp_started": "Children whose child protection plan started in the period",
    "cla": "Children in care at the snapshot",
    "care_leavers": "Care leavers",
}


def cell(figure: Figure | None, kind: str, threshold: int, places: int | None = None) -> str:
    """One published figure as the table writes it: ``[c]`` when withheld, ``–`` when absent."""
    if figure is None or figure.value is None:
        return NO_DATA
    if is_disclosive(figure, threshold):
        return SUPPRESSED
    return f"{round_half_up(figure.value, places):,}" if places is not None else format_value(figure.value, kind)


def with_its_count(measure: Figure | None, group: Figure) -> Figure | None:
    """A group's rate or ratio, withheld wherever its count is (a rate times the population gives the count back)."""
    return None if measure is None else replace(measure, withheld=measure.withheld or group.withheld)


def equality_table(figures: Mapping[str, FigureValue], stage: str, threshold: int) -> pd.DataFrame | None:
    """A stage's table, a row per group of each dimension: children (or referrals), rate per 10,000 and ratio where
    the pack has populations; ``None`` when the pack has no figures for the stage."""
    rows = []
    for dimension, groups in EQUALITY_GROUPS.items():
        for group in groups:
            key = f"equality.{stage}.{dimension}.{group}"
            if key not in figures:
                continue
            rows.append(
                {
                    "Dimension": DIMENSION_LABELS[dimension],
                    "Group": GROUP_LABELS.get(group, group.capitalize()),
                    "Counted": cell(figures[key], "count", threshold),
                    "Rate per 10,000": cell(with_its_count(figures.get(f"{key}.rate_per_10k"), figures[key]), "count", threshold, 0),
                    "Ratio to all children": cell(with_its_count(figures.get(f"{key}.ratio"), figures[key]), "number", threshold, 2),
                }
            )
    if not rows:
        return None
    table = pd.DataFrame(rows).set_index(["Dimension", "Group"]).rename(columns={"Counted": COUNTED.get(stage, "Children")})
    with_rates = (table[["Rate per 10,000", "Ratio to all children"]] != NO_DATA).any().any()
    return table if with_rates else table.iloc[:, :1]
